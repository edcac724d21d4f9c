// dl::describeStack (nn/Architecture.h): shapes and parameter counts equal to Network's on the
// digits LeNet and a LeNet-5, hand-computed receptive fields and multiply-adds, the errors of a
// stack that does not fit, and the numbers the CNN notes claim about stacked 3×3 convolutions,
// 1×1 bottlenecks and weight sharing.
#include "core/Error.h"
#include "nn/Architecture.h"
#include "nn/Network.h"

#include <QtTest>

using namespace dl;

namespace {

LayerSpec layer(const char* kind, Index units = 0, Index kernel = 0, Index padding = 0, bool bias = true) {
  LayerSpec s;
  s.kind = kind;
  s.units = units;
  s.kernel = kernel;
  s.padding = padding;
  s.bias = bias;
  return s;
}
LayerSpec conv(Index out, Index k, Index padding = 0, bool bias = true) {
  return layer("conv2d", out, k, padding, bias);
}
LayerSpec act(const char* name) {
  LayerSpec s = layer("activation");
  s.activation.activation = name;
  return s;
}
LayerSpec pool(const char* kind, Index k) { return layer(kind, 0, k); }
LayerSpec dense(Index units, bool bias = true) { return layer("dense", units, 0, 0, bias); }
constexpr Index kSame = LayerSpec::kSamePadding;

// resources/presets/cnn-digits-lenet.json's stack (tests/tst_ui_cnn_arch reads the file itself).
std::vector<LayerSpec> digitsLenet() {
  return {conv(8, 3, kSame), act("relu"),           pool("max_pool2d", 2), conv(16, 3, kSame),
          act("relu"),       pool("max_pool2d", 2), layer("flatten"),      dense(10)};
}

// LeNet-5 (LeCun et al. 1998) on 28×28 digits: the first convolution padded to keep 28×28, as the
// original's 32×32 input did.
std::vector<LayerSpec> lenet5() {
  return {conv(6, 5, 2),    act("tanh"), pool("avg_pool2d", 2), conv(16, 5), act("tanh"), pool("avg_pool2d", 2),
          layer("flatten"), dense(120),  act("tanh"),           dense(84),   act("tanh"), dense(10)};
}

Index networkParams(Shape in, const std::vector<LayerSpec>& stack) {
  const Network net(in, stack);
  return static_cast<Index>(net.params().size());
}

}  // namespace

class TestArchitecture : public QObject {
  Q_OBJECT

private slots:
  void digitsLenetOn8x8() {
    const Shape in{1, 8, 8, 1};
    const ArchitectureSummary a = describeStack(in, digitsLenet());
    QVERIFY(a.valid());
    QCOMPARE(a.firstError, -1);
    QCOMPARE(static_cast<int>(a.rows.size()), 8);
    const Network net(in, digitsLenet());
    for (int i = 0; i < net.stackSize(); ++i) {
      QVERIFY(a.rows[static_cast<std::size_t>(i)].output == net.stackLayer(i).outputShape());
      QCOMPARE(a.rows[static_cast<std::size_t>(i)].params, net.stackParams(i).size);
    }
    QCOMPARE(a.params, networkParams(in, digitsLenet()));
    QCOMPARE(a.params, Index(1898));  // the preset's description says 1,898 weights
    QVERIFY((a.rows[0].output == Shape{8, 8, 8, 1}));
    QVERIFY((a.rows[2].output == Shape{8, 4, 4, 1}));
    QVERIFY((a.rows[5].output == Shape{16, 2, 2, 1}));
    QVERIFY((a.rows[6].output == Shape{64, 1, 1, 1}));
    QVERIFY((a.output == Shape{10, 1, 1, 1}));
    // Receptive fields by hand: 3; the ReLU keeps it; pool 2: 3 + 1 = 4, jump 2; conv 3:
    // 4 + 2·2 = 8; pool 2: 8 + 1·2 = 10 (padding included: more than the 8 pixels); flatten: all.
    const Index fields[] = {3, 3, 4, 8, 8, 10, 8, 8};
    for (int i = 0; i < 8; ++i) {
      QCOMPARE(a.rows[static_cast<std::size_t>(i)].receptiveHeight, fields[i]);
      QCOMPARE(a.rows[static_cast<std::size_t>(i)].receptiveWidth, fields[i]);
      QCOMPARE(a.rows[static_cast<std::size_t>(i)].wholeInput, i >= 6);
    }
    // Multiply-adds: 8·8·8·9, 4·4·16·8·9, 64·10; pooling and ReLU count 0.
    QCOMPARE(a.rows[0].multiplyAdds, 4608.0);
    QCOMPARE(a.rows[1].multiplyAdds, 0.0);
    QCOMPARE(a.rows[2].multiplyAdds, 0.0);
    QCOMPARE(a.rows[3].multiplyAdds, 18432.0);
    QCOMPARE(a.rows[7].multiplyAdds, 640.0);
    QCOMPARE(a.multiplyAdds, 4608.0 + 18432.0 + 640.0);
  }

  void lenet5On28x28() {
    const Shape in{1, 28, 28, 1};
    const ArchitectureSummary a = describeStack(in, lenet5());
    QVERIFY(a.valid());
    QCOMPARE(a.params, networkParams(in, lenet5()));
    // 6·25 + 6, 16·6·25 + 16, 400·120 + 120, 120·84 + 84, 84·10 + 10.
    QCOMPARE(a.params, Index(156 + 2416 + 48120 + 10164 + 850));
    QCOMPARE(a.params, Index(61706));
    QVERIFY((a.rows[0].output == Shape{6, 28, 28, 1}));
    QVERIFY((a.rows[3].output == Shape{16, 10, 10, 1}));
    QVERIFY((a.rows[5].output == Shape{16, 5, 5, 1}));
    QVERIFY((a.rows[6].output == Shape{400, 1, 1, 1}));
    // 5; pool: 6, jump 2; conv 5: 6 + 4·2 = 14; pool: 14 + 2 = 16; then the whole 28×28.
    QCOMPARE(a.rows[0].receptiveHeight, Index(5));
    QCOMPARE(a.rows[2].receptiveHeight, Index(6));
    QCOMPARE(a.rows[3].receptiveHeight, Index(14));
    QCOMPARE(a.rows[5].receptiveHeight, Index(16));
    QCOMPARE(a.rows[7].receptiveHeight, Index(28));
    QVERIFY(a.rows[7].wholeInput);
    // 28·28·6·25, 10·10·16·6·25, 400·120, 120·84, 84·10.
    QCOMPARE(a.rows[0].multiplyAdds, 117600.0);
    QCOMPARE(a.rows[3].multiplyAdds, 240000.0);
    QCOMPARE(a.multiplyAdds, 117600.0 + 240000.0 + 48000.0 + 10080.0 + 840.0);
  }

  // embedding → conv1d → lstm (every step) → gru (last step) → dense on 12 token ids.
  void sequenceStack() {
    const Shape in{1, 1, 1, 12};
    LayerSpec embed = layer("embedding", 8);
    embed.vocabulary = 20;
    LayerSpec lstm = layer("lstm", 16);
    lstm.returnSequences = true;
    const std::vector<LayerSpec> stack = {embed, layer("conv1d", 6, 3, kSame), lstm, layer("gru", 10), dense(3)};
    const ArchitectureSummary a = describeStack(in, stack);
    QVERIFY(a.valid());
    QCOMPARE(a.params, networkParams(in, stack));
    // 8·20;  6·8·3 + 6;  4·16·(6 + 16) + 4·16;  3·10·(16 + 10) + 3·10 + 10 (b_hn);  10·3 + 3.
    QCOMPARE(a.params, Index(160 + 150 + 1472 + 820 + 33));
    QVERIFY((a.rows[0].output == Shape{8, 1, 1, 12}));
    QVERIFY((a.rows[1].output == Shape{6, 1, 1, 12}));
    QVERIFY((a.rows[2].output == Shape{16, 1, 1, 12}));
    QVERIFY((a.rows[3].output == Shape{10, 1, 1, 1}));
    QVERIFY(a.rows[2].wholeInput);
    // conv1d 12·6·8·3; lstm 12·64·22; gru 12·30·26; dense 10·3.
    QCOMPARE(a.rows[1].multiplyAdds, 1728.0);
    QCOMPARE(a.rows[2].multiplyAdds, 16896.0);
    QCOMPARE(a.rows[3].multiplyAdds, 9360.0);
    QCOMPARE(a.multiplyAdds, 1728.0 + 16896.0 + 9360.0 + 30.0);
  }

  void stridesDilationsAndUpsampling() {
    const Shape in{1, 32, 32, 1};
    LayerSpec strided = conv(4, 3, 1);
    strided.stride = 2;
    LayerSpec dilated = conv(4, 3, kSame);
    dilated.dilation = 2;
    LayerSpec up = layer("upsample");
    up.scale = 2;
    LayerSpec wide = conv(2, 3);
    wide.kernelWidth = 5;
    const ArchitectureSummary a = describeStack(in, {strided, dilated, up, wide});
    QVERIFY(a.valid());
    QCOMPARE(a.rows[0].receptiveHeight, Index(3));   // jump 2 after it
    QCOMPARE(a.rows[1].receptiveHeight, Index(11));  // 3 + 2·2·2
    QCOMPARE(a.rows[2].receptiveHeight, Index(11));  // nearest: each output copies one input; jump 1
    QCOMPARE(a.rows[3].receptiveHeight, Index(13));  // 11 + 2·1
    QCOMPARE(a.rows[3].receptiveWidth, Index(15));   // 11 + 4·1
    QVERIFY((a.rows[3].output == Shape{2, 30, 28, 1}));
  }

  // Learned upsampling: a 2×2 transposed convolution with stride 2 gives every output pixel one
  // input pixel (field 1, jump ½), so a 3×3 convolution after it sees 1 + 2·½ = 2 input pixels.
  void transposedConvolution() {
    LayerSpec up = conv(2, 2);
    up.kind = "conv_transpose2d";
    up.stride = 2;
    const std::vector<LayerSpec> stack = {up, conv(1, 3, kSame)};
    const ArchitectureSummary a = describeStack({1, 4, 4, 1}, stack);
    QVERIFY(a.valid());
    QVERIFY((a.rows[0].output == Shape{2, 8, 8, 1}));
    QCOMPARE(a.rows[0].params, Index(1 * 2 * 4 + 2));
    QCOMPARE(a.params, networkParams({1, 4, 4, 1}, stack));
    QCOMPARE(a.rows[0].multiplyAdds, 4.0 * 4 * 2 * 4);  // every input pixel stamps 2 channels × 2×2
    QCOMPARE(a.rows[0].receptiveHeight, Index(1));
    QCOMPARE(a.rows[1].receptiveHeight, Index(2));
  }

  void errorsNameTheLayerAndStop() {
    // A 5×5 kernel on the 2×2 map the second pooling leaves.
    std::vector<LayerSpec> stack = digitsLenet();
    stack.insert(stack.begin() + 6, conv(4, 5));
    const ArchitectureSummary a = describeStack({1, 8, 8, 1}, stack);
    QVERIFY(!a.valid());
    QCOMPARE(a.firstError, 6);
    QCOMPARE(a.rows[6].status, RowStatus::Error);
    QVERIFY(a.rows[6].error.has_value());
    QCOMPARE(QString::fromStdString(a.rows[6].error->field()), QStringLiteral("layers[6].output"));
    QVERIFY(QString::fromUtf8(a.rows[6].error->what()).contains(QStringLiteral("layers[6].output")));
    QCOMPARE(a.rows[7].status, RowStatus::AfterError);
    QCOMPARE(a.rows[8].status, RowStatus::AfterError);
    QCOMPARE(a.rows[5].status, RowStatus::Ok);
    QCOMPARE(a.params, Index(80 + 1168));  // the rows before the error
    // Network refuses the same stack, naming the same field.
    try {
      const Network net({1, 8, 8, 1}, stack);
      QFAIL("Network accepted a kernel larger than its input");
    } catch (const ConfigError& e) {
      QCOMPARE(e.field(), a.rows[6].error->field());
    }

    LayerSpec badGroups = conv(6, 3);
    badGroups.groups = 4;
    const ArchitectureSummary g = describeStack({2, 8, 8, 1}, {badGroups});
    QCOMPARE(QString::fromStdString(g.error->field()), QStringLiteral("layers[0].groups"));

    const ArchitectureSummary first = describeStack({1, 8, 8, 1}, {pool("max_pool2d", 2), dense(10)});
    QCOMPARE(QString::fromStdString(first.error->field()), QStringLiteral("layers[0].kind"));
    QCOMPARE(first.rows[1].status, RowStatus::AfterError);

    const ArchitectureSummary unknown = describeStack({1, 8, 8, 1}, {conv(2, 3), layer("conv3d")});
    QCOMPARE(QString::fromStdString(unknown.error->field()), QStringLiteral("layers[1].kind"));
    QCOMPARE(unknown.firstError, 1);

    const ArchitectureSummary empty = describeStack({1, 8, 8, 1}, {});
    QVERIFY(!empty.valid());
    QCOMPARE(empty.firstError, -1);
    QCOMPARE(QString::fromStdString(empty.error->field()), QStringLiteral("layers"));
  }

  // Simonyan & Zisserman 2015 (VGG): three 3×3 layers see 7×7 with 27C² weights, one 7×7 layer
  // needs 49C²; two 3×3 see 5×5 with 18C² against 25C². C = 64, no bias, on a 64×16×16 map.
  void stackedSmallKernels() {
    const Index C = 64;
    const Shape in{C, 16, 16, 1};
    const ArchitectureSummary three =
        describeStack(in, {conv(C, 3, kSame, false), conv(C, 3, kSame, false), conv(C, 3, kSame, false)});
    const ArchitectureSummary seven = describeStack(in, {conv(C, 7, kSame, false)});
    QCOMPARE(three.rows.back().receptiveHeight, Index(7));
    QCOMPARE(seven.rows.back().receptiveHeight, Index(7));
    QCOMPARE(three.params, 27 * C * C);
    QCOMPARE(three.params, Index(110592));
    QCOMPARE(seven.params, 49 * C * C);
    QCOMPARE(seven.params, Index(200704));
    QCOMPARE(three.multiplyAdds, 110592.0 * 256);
    QCOMPARE(seven.multiplyAdds, 200704.0 * 256);

    const ArchitectureSummary two = describeStack(in, {conv(C, 3, kSame, false), conv(C, 3, kSame, false)});
    const ArchitectureSummary five = describeStack(in, {conv(C, 5, kSame, false)});
    QCOMPARE(two.rows.back().receptiveHeight, Index(5));
    QCOMPARE(five.rows.back().receptiveHeight, Index(5));
    QCOMPARE(two.params, Index(73728));    // 18C²
    QCOMPARE(five.params, Index(102400));  // 25C²
  }

  // The bottleneck (He et al. 2016, ResNet): 1×1 256→64 then 3×3 64→64 against a 3×3 256→64.
  void bottleneck() {
    const Shape in{256, 16, 16, 1};
    const ArchitectureSummary b = describeStack(in, {conv(64, 1, 0, false), conv(64, 3, kSame, false)});
    const ArchitectureSummary direct = describeStack(in, {conv(64, 3, kSame, false)});
    QCOMPARE(b.rows[0].params, Index(16384));
    QCOMPARE(b.rows[1].params, Index(36864));
    QCOMPARE(b.params, Index(53248));
    QCOMPARE(direct.params, Index(147456));
    QCOMPARE(b.rows.back().receptiveHeight, Index(3));
    QCOMPARE(direct.rows.back().receptiveHeight, Index(3));
    QVERIFY(b.rows.back().output == direct.rows.back().output);
  }

  // Weight sharing: the same 3×32×32 input and 16×32×32 (= 16,384-value) output, 3×3 windows.
  // conv2d: 16·3·9 = 432 weights; locally connected: one kernel per position, 432·1024 = 442,368;
  // dense: 3,072·16,384 = 50,331,648. Multiply-adds: 1024·432 = 442,368 for both windowed layers.
  void convLocallyConnectedDense() {
    const Shape in{3, 32, 32, 1};
    const ArchitectureSummary c = describeStack(in, {conv(16, 3, kSame, false)});
    LayerSpec lc = conv(16, 3, kSame, false);
    lc.kind = "locally_connected2d";
    const ArchitectureSummary l = describeStack(in, {lc});
    const ArchitectureSummary d = describeStack(in, {dense(16 * 32 * 32, false)});
    QCOMPARE(c.params, Index(432));
    QCOMPARE(l.params, Index(442368));
    QCOMPARE(d.params, Index(50331648));
    QCOMPARE(c.multiplyAdds, 442368.0);
    QCOMPARE(l.multiplyAdds, 442368.0);
    QCOMPARE(d.multiplyAdds, 50331648.0);
    QCOMPARE(c.output.size(), d.output.size());
    QVERIFY(c.output == l.output);
    QCOMPARE(c.rows[0].receptiveHeight, Index(3));
    QCOMPARE(l.rows[0].receptiveHeight, Index(3));
    QCOMPARE(d.rows[0].receptiveHeight, Index(32));
    QVERIFY(d.rows[0].wholeInput);
  }
};

QTEST_APPLESS_MAIN(TestArchitecture)
#include "tst_architecture.moc"
