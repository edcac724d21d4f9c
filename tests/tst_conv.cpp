// The convolutional layers in the float engine: conv2d against a direct loop, its output size for
// every small setting, bitwise determinism across thread counts, the pooling layers and SPP on
// known inputs, the arithmetic the CNN notes quote (receptive fields, gridding, bottleneck
// weights), a Sobel kernel, adjoint and equivalence identities between the layers, and a small
// CNN training through Network with sensible weighted-layer info.
#include "core/Error.h"
#include "core/Gemm.h"
#include "core/Parallel.h"
#include "loss/Loss.h"
#include "nn/Conv2d.h"
#include "nn/ConvArithmetic.h"
#include "nn/Im2col.h"
#include "nn/Network.h"
#include "nn/SpatialPyramidPool.h"
#include "train/Regularization.h"

#include <QtTest>

#include <cmath>
#include <cstring>
#include <limits>

using namespace dl;

namespace {

// The unrolling as a plain walk with a bounds test per value: the reference Unrolling must match.
void walkIm2col(const Scalar* image, const ConvGeometry& g, Scalar* cols, Index ld) {
  for (Index c = 0; c < g.channels; ++c)
    for (Index i = 0; i < g.kh; ++i)
      for (Index j = 0; j < g.kw; ++j)
        for (Index oy = 0; oy < g.outH; ++oy)
          for (Index ox = 0; ox < g.outW; ++ox) {
            const Index y = oy * g.sh - g.ph + i * g.dh, x = ox * g.sw - g.pw + j * g.dw;
            const bool inside = y >= 0 && y < g.height && x >= 0 && x < g.width;
            cols[((c * g.kh + i) * g.kw + j) * ld + oy * g.outW + ox] =
                inside ? image[(c * g.height + y) * g.width + x] : Scalar(0);
          }
}
void walkCol2im(const Scalar* cols, Index ld, const ConvGeometry& g, Scalar* image) {
  for (Index c = 0; c < g.channels; ++c)
    for (Index i = 0; i < g.kh; ++i)
      for (Index j = 0; j < g.kw; ++j)
        for (Index oy = 0; oy < g.outH; ++oy)
          for (Index ox = 0; ox < g.outW; ++ox) {
            const Index y = oy * g.sh - g.ph + i * g.dh, x = ox * g.sw - g.pw + j * g.dw;
            if (y >= 0 && y < g.height && x >= 0 && x < g.width)
              image[(c * g.height + y) * g.width + x] += cols[((c * g.kh + i) * g.kw + j) * ld + oy * g.outW + ox];
          }
}

std::span<Scalar> all(Vector& v) { return {v.data(), static_cast<std::size_t>(v.size())}; }

Matrix randomMatrix(Index rows, Index cols, Rng& rng) {
  Matrix m(rows, cols);
  for (Index i = 0; i < m.size(); ++i) m.data()[i] = static_cast<Scalar>(rng.normal());
  return m;
}

LayerSpec convSpec(Index out, Index k, Index s = 1, Index p = 0, Index d = 1, Index groups = 1, bool bias = true) {
  LayerSpec spec;
  spec.kind = "conv2d";
  spec.units = out;
  spec.kernel = k;
  spec.stride = s;
  spec.padding = p;
  spec.dilation = d;
  spec.groups = groups;
  spec.bias = bias;
  return spec;
}

LayerSpec spec(const char* kind, Index kernel = 0) {
  LayerSpec s;
  s.kind = kind;
  s.kernel = kernel;
  return s;
}

// A layer with random parameters.
struct Made {
  std::unique_ptr<Layer> layer;
  Vector params, buffers;
};
Made make(const LayerSpec& s, Shape in, Rng& rng) {
  Made m{makeLayer(s, in, "layers[0]"), Vector(), Vector()};
  m.params = Vector::Zero(m.layer->paramCount());
  m.buffers = Vector::Zero(m.layer->bufferCount());
  InitConfig init;
  init.scheme = "he_normal";
  m.layer->initialize(init, rng, all(m.params), all(m.buffers));
  for (Index i = 0; i < m.params.size(); ++i) m.params(i) += static_cast<Scalar>(0.1 * rng.normal());
  return m;
}

// y(o, oy, ox) = b_o + Σ_{c in o's group} Σ_{i, j} W(o, c, i, j)·x(c, oy·s − p + i·d, ox·s − p + j·d), in double.
Eigen::MatrixXd naiveConv(const Matrix& x, Shape in, const LayerSpec& s, const Vector& params, Index outH, Index outW) {
  const Index C = in.channels, G = s.groups, cg = C / G, og = s.units / G, kh = s.kernel;
  const Index kw = s.kernelWidth > 0 ? s.kernelWidth : s.kernel;
  Eigen::MatrixXd y(s.units * outH * outW, x.cols());
  for (Index b = 0; b < x.cols(); ++b)
    for (Index o = 0; o < s.units; ++o)
      for (Index oy = 0; oy < outH; ++oy)
        for (Index ox = 0; ox < outW; ++ox) {
          double sum = s.bias ? static_cast<double>(params(s.units * cg * kh * kw + o)) : 0.0;
          const Index g = o / og;
          for (Index c = 0; c < cg; ++c)
            for (Index i = 0; i < kh; ++i)
              for (Index j = 0; j < kw; ++j) {
                const Index yy = oy * s.stride - s.padding + i * s.dilation;
                const Index xx = ox * s.stride - s.padding + j * s.dilation;
                if (yy < 0 || yy >= in.height || xx < 0 || xx >= in.width) continue;
                const double w = params(o + s.units * ((c * kh + i) * kw + j));
                sum += w * static_cast<double>(x(((g * cg + c) * in.height + yy) * in.width + xx, b));
              }
          y((o * outH + oy) * outW + ox, b) = sum;
        }
  return y;
}

bool sameBits(const Matrix& a, const Matrix& b) {
  return a.rows() == b.rows() && a.cols() == b.cols() &&
         std::memcmp(a.data(), b.data(), static_cast<std::size_t>(a.size()) * sizeof(Scalar)) == 0;
}

}  // namespace

class TestConv : public QObject {
  Q_OBJECT
private slots:
  void againstDirectLoop_data() {
    QTest::addColumn<int>("C");
    QTest::addColumn<int>("H");
    QTest::addColumn<int>("W");
    QTest::addColumn<int>("out");
    QTest::addColumn<int>("k");
    QTest::addColumn<int>("s");
    QTest::addColumn<int>("p");
    QTest::addColumn<int>("d");
    QTest::addColumn<int>("groups");
    QTest::addColumn<bool>("bias");
    QTest::addColumn<bool>("direct");  // the path Conv2d takes (nn/DirectConv.h) or the unrolled product
    QTest::addColumn<bool>("directInput");  // the input gradient as a direct convolution of dy
    QTest::newRow("3x3") << 3 << 7 << 6 << 4 << 3 << 1 << 0 << 1 << 1 << true << true << false;
    QTest::newRow("stride 2, padding 1") << 2 << 9 << 8 << 3 << 3 << 2 << 1 << 1 << 1 << true << false << false;
    QTest::newRow("dilation 2, padding 2") << 2 << 8 << 9 << 2 << 3 << 1 << 2 << 2 << 1 << false << true << false;
    QTest::newRow("groups 2") << 4 << 6 << 6 << 6 << 3 << 1 << 1 << 1 << 2 << true << false << false;
    QTest::newRow("depthwise") << 5 << 6 << 5 << 5 << 3 << 1 << 1 << 1 << 5 << true << false << false;
    QTest::newRow("1x1") << 6 << 4 << 5 << 3 << 1 << 1 << 0 << 1 << 1 << false << true << false;
    QTest::newRow("5x5 stride 3 dilation 2") << 2 << 13 << 12 << 3 << 5 << 3 << 2 << 2 << 1 << true << false << false;
    QTest::newRow("3x3 on 4 channels (36 per window)") << 4 << 6 << 7 << 5 << 3 << 1 << 1 << 1 << 1 << true << false << false;
    // The direct path's tiles: rows of one, two, three and four vectors and a part of one, 1 to 13
    // output channels (tiles of 12, 6, 4 or 3 and what is left).
    QTest::newRow("LeNet's first, 5x5 same on 28x28") << 1 << 28 << 28 << 6 << 5 << 1 << 2 << 1 << 1 << true << true << true;
    QTest::newRow("13 outputs, 19 wide") << 1 << 9 << 21 << 13 << 3 << 1 << 0 << 1 << 1 << true << true << true;
    QTest::newRow("7 outputs, 37 wide, dilation 3") << 2 << 11 << 39 << 7 << 3 << 1 << 2 << 3 << 1 << true << true << true;
    QTest::newRow("1 output, 7x7 (49 per window)") << 1 << 9 << 9 << 1 << 7 << 1 << 0 << 1 << 1 << false << false << false;
    QTest::newRow("36 per window, 16 wide") << 4 << 6 << 16 << 5 << 3 << 1 << 1 << 1 << 1 << true << false << true;
    QTest::newRow("2 outputs, 1x1 on 4x4") << 3 << 4 << 4 << 2 << 1 << 1 << 0 << 1 << 1 << true << true << false;
  }
  void againstDirectLoop() {
    QFETCH(int, C);
    QFETCH(int, H);
    QFETCH(int, W);
    QFETCH(int, out);
    QFETCH(int, k);
    QFETCH(int, s);
    QFETCH(int, p);
    QFETCH(int, d);
    QFETCH(int, groups);
    QFETCH(bool, bias);
    QFETCH(bool, direct);
    QFETCH(bool, directInput);
    Rng rng(11);
    const Shape in{C, H, W, 1};
    const LayerSpec sp = convSpec(out, k, s, p, d, groups, bias);
    Made m = make(sp, in, rng);
    const Shape o = m.layer->outputShape();
    QCOMPARE(o.height, convOutputSize(H, k, s, p, d));
    QCOMPARE(o.width, convOutputSize(W, k, s, p, d));
    QCOMPARE(directConvolution(static_cast<const Conv2d&>(*m.layer).geometry(), groups), direct);
    QCOMPARE(directInputGradient(static_cast<const Conv2d&>(*m.layer).geometry(), groups), directInput);
    // 21 samples: the direct weight gradient's blocks of 16 and a part of one.
    const Index B = 21;
    const Matrix x = randomMatrix(in.size(), B, rng);
    Matrix scratch;
    const Matrix y = m.layer->infer(x, scratch, all(m.params), all(m.buffers));
    const Eigen::MatrixXd want = naiveConv(x, in, sp, m.params, o.height, o.width);
    const double err = (y.cast<double>() - want).cwiseAbs().maxCoeff() / (1 + want.cwiseAbs().maxCoeff());
    QVERIFY2(err < 1e-5, qPrintable(QString("max error %1").arg(err)));
    // The training pass gives the same, and its gradients are the loop's: ∂W(o, (c, i, j)) =
    // Σ dy(o, oy, ox)·x(c, oy·s − p + i·d, ox·s − p + j·d), ∂b(o) = Σ dy(o, ·).
    const Matrix yTrain = m.layer->forward(x, Pass{}, all(m.params), all(m.buffers));
    QVERIFY(sameBits(y, yTrain));
    const Matrix dy = randomMatrix(y.rows(), B, rng);
    Vector grads = Vector::Zero(m.params.size());
    const Matrix dx = m.layer->backward(x, dy, all(m.params), all(grads), true);
    const Index cg = C / groups, og = out / groups, P = o.height * o.width;
    Eigen::VectorXd wantGrads = Eigen::VectorXd::Zero(grads.size());
    Eigen::MatrixXd wantDx = Eigen::MatrixXd::Zero(x.rows(), B);
    for (Index b = 0; b < B; ++b)
      for (Index oc = 0; oc < out; ++oc)
        for (Index oy = 0; oy < o.height; ++oy)
          for (Index ox = 0; ox < o.width; ++ox) {
            const double g = dy(oc * P + oy * o.width + ox, b);
            if (bias) wantGrads(out * cg * k * k + oc) += g;
            for (Index c = 0; c < cg; ++c)
              for (Index i = 0; i < k; ++i)
                for (Index j = 0; j < k; ++j) {
                  const Index yy = oy * s - p + i * d, xx = ox * s - p + j * d;
                  if (yy < 0 || yy >= H || xx < 0 || xx >= W) continue;
                  const Index at = (((oc / og) * cg + c) * H + yy) * W + xx;
                  wantGrads(oc + out * ((c * k + i) * k + j)) += g * static_cast<double>(x(at, b));
                  wantDx(at, b) += g * static_cast<double>(m.params(oc + out * ((c * k + i) * k + j)));
                }
          }
    const double gradErr =
        (grads.cast<double>() - wantGrads).cwiseAbs().maxCoeff() / (1 + wantGrads.cwiseAbs().maxCoeff());
    QVERIFY2(gradErr < 1e-5, qPrintable(QString("gradient max error %1").arg(gradErr)));
    const double dxErr = (dx.cast<double>() - wantDx).cwiseAbs().maxCoeff() / (1 + wantDx.cwiseAbs().maxCoeff());
    QVERIFY2(dxErr < 1e-5, qPrintable(QString("input gradient max error %1").arg(dxErr)));
  }

  // Every valid setting of n in 5..12, k 1..5, s 1..3, p 0..2, d 1..3: the layer's output shape
  // and its actual output are ⌊(n + 2p − d(k−1) − 1)/s⌋ + 1; a kernel that does not fit is refused
  // naming the field.
  void outputSizeFormula() {
    Rng rng(3);
    int valid = 0, refused = 0;
    for (Index n = 5; n <= 12; ++n)
      for (Index k = 1; k <= 5; ++k)
        for (Index s = 1; s <= 3; ++s)
          for (Index p = 0; p <= 2; ++p)
            for (Index d = 1; d <= 3; ++d) {
              const Index want = (n + 2 * p - d * (k - 1) - 1) / s + 1;
              const bool fits = n + 2 * p - d * (k - 1) - 1 >= 0;
              const Shape in{1, n, n + 1, 1};
              if (!fits) {
                try {
                  makeLayer(convSpec(1, k, s, p, d), in, "layers[0]");
                  QFAIL("a kernel larger than the padded input was accepted");
                } catch (const ConfigError& e) {
                  QCOMPARE(QString::fromStdString(e.field()), QString("layers[0].output"));
                }
                ++refused;
                continue;
              }
              const auto layer = makeLayer(convSpec(1, k, s, p, d), in, "layers[0]");
              QCOMPARE(layer->outputShape().height, want);
              QCOMPARE(layer->outputShape().width, (n + 1 + 2 * p - d * (k - 1) - 1) / s + 1);
              QCOMPARE(convOutputSize(n, k, s, p, d), want);
              Vector params = Vector::Zero(layer->paramCount()), buffers;
              Matrix out;
              const Matrix x = randomMatrix(in.size(), 1, rng);
              QCOMPARE(layer->infer(x, out, all(params), all(buffers)).rows(), layer->outputShape().size());
              ++valid;
            }
    QVERIFY(valid > 500);
    QVERIFY(refused > 0);
  }

  void configErrors() {
    const Shape in{4, 6, 6, 1};
    const auto field = [&](const LayerSpec& s) {
      try {
        makeLayer(s, in, "layers[2]");
      } catch (const ConfigError& e) {
        return QString::fromStdString(e.field());
      }
      return QString();
    };
    QCOMPARE(field(convSpec(0, 3)), QString("layers[2].units"));
    QCOMPARE(field(convSpec(4, 0)), QString("layers[2].kernel"));
    QCOMPARE(field(convSpec(4, 3, 1, 0, 1, 3)), QString("layers[2].groups"));
    QCOMPARE(field(convSpec(4, 3, 1, 0, 0)), QString("layers[2].dilation"));
    QCOMPARE(field(convSpec(4, 4, 1, LayerSpec::kSamePadding)), QString("layers[2].padding"));
    QCOMPARE(field(convSpec(4, 9)), QString("layers[2].output"));
    LayerSpec pool = spec("max_pool2d", 2);
    pool.padding = 1;
    QCOMPARE(field(pool), QString("layers[2].padding"));
    LayerSpec up = spec("upsample");
    up.mode = "cubic";
    QCOMPARE(field(up), QString("layers[2].mode"));
    // "same" keeps the size at stride 1, with dilation too.
    QCOMPARE(makeLayer(convSpec(2, 3, 1, LayerSpec::kSamePadding, 2), in, "l")->outputShape(), (Shape{2, 6, 6, 1}));
  }

  // A batch big enough for dl::gemm to split its rows: forward, every gradient and the input
  // gradient are the same bits with one and two threads, for a layer and a whole CNN.
  void sameBitsOnOneAndTwoThreads() {
    const Shape in{3, 12, 12, 1};
    const Index B = 64;
    QVERIFY(gemmBlocks(B * 144, 8, 27, 2) > 1);  // the products really are split
    QVERIFY(B * 8 * 144 >= kMinParallelValues);   // and so are the per-sample loops (pooling, unrolling)
    std::vector<LayerSpec> stack = {
        convSpec(8, 3, 1, 1), spec("activation"), spec("max_pool2d", 2), convSpec(6, 3, 1, 1, 1, 2),
        spec("batch_norm2d"), spec("flatten"),    spec("dense")};
    stack[1].activation.activation = "relu";
    stack.back().units = 5;
    const auto run = [&](int threads, Matrix& logits, Vector& grads, Matrix& y, Matrix& dx) {
      ThreadCountScope scope(threads);
      setThreadCount(threads);
      QCOMPARE(threadCount(), threads);
      Rng rng(5);
      Network net(in, stack);
      InitConfig init;
      init.scheme = "he_normal";
      net.initialize(init, rng);
      const Matrix X = randomMatrix(in.size(), B, rng);
      net.forward(X, Mode::Train);
      logits = net.logits();
      const Matrix dl = randomMatrix(logits.rows(), B, rng);
      net.backward(X, dl);
      grads = net.grads();
      Made m = make(convSpec(8, 3, 2, 1, 2), in, rng);
      y = m.layer->forward(X, Pass{}, all(m.params), all(m.buffers));
      Vector g = Vector::Zero(m.params.size());
      dx = m.layer->backward(X, randomMatrix(y.rows(), B, rng), all(m.params), all(g), true);
      dx.conservativeResize(dx.rows(), dx.cols());
      grads.conservativeResize(grads.size() + g.size());
      grads.tail(g.size()) = g;
      // A stride-1 layer on 16-pixel rows: its input gradient is a direct convolution (DirectConv.h).
      const Shape wide{4, 16, 16, 1};
      Made d = make(convSpec(5, 3, 1, 1), wide, rng);
      QVERIFY(directInputGradient(static_cast<const Conv2d&>(*d.layer).geometry(), 1));
      const Matrix Xw = randomMatrix(wide.size(), B, rng);
      const Matrix yw = d.layer->forward(Xw, Pass{}, all(d.params), all(d.buffers));
      Vector gw = Vector::Zero(d.params.size());
      const Matrix dxw = d.layer->backward(Xw, randomMatrix(yw.rows(), B, rng), all(d.params), all(gw), true);
      y.conservativeResize(y.rows() + yw.rows(), B);
      y.bottomRows(yw.rows()) = yw;
      dx.conservativeResize(dx.rows() + dxw.rows(), B);
      dx.bottomRows(dxw.rows()) = dxw;
      grads.conservativeResize(grads.size() + gw.size());
      grads.tail(gw.size()) = gw;
    };
    Matrix l1, l2, y1, y2, dx1, dx2;
    Vector g1, g2;
    run(1, l1, g1, y1, dx1);
    run(2, l2, g2, y2, dx2);
    setThreadCount(1);
    QVERIFY(sameBits(l1, l2));
    QVERIFY(sameBits(y1, y2));
    QVERIFY(sameBits(dx1, dx2));
    QCOMPARE(g1.size(), g2.size());
    QVERIFY(std::memcmp(g1.data(), g2.data(), static_cast<std::size_t>(g1.size()) * sizeof(Scalar)) == 0);
  }

  // The unrolling through a padded copy copies exactly what the walk copies, +0 in the padding even
  // next to −0, ∞ and NaN pixels, and its col2im adds in the same order onto what the image held:
  // bit for bit, for every stride, padding and dilation of small images.
  void unrollingMatchesWalk() {
    Rng rng(5);
    int compared = 0;
    for (Index C : {1, 3})
      for (Index n : {4, 5, 7, 9})
        for (Index k : {1, 2, 3, 5})
          for (Index s : {1, 2})
            for (Index p : {0, 1, 2})
              for (Index d : {1, 2}) {
                if (convOutputSize(n, k, s, p, d) < 1 || p >= d * (k - 1) + 1) continue;
                const ConvGeometry g = checkedGeometry(C, n, n + 1, k, k, s, p, d, "l");
                const Unrolling u(g);
                ++compared;
                const Index P = g.positions(), K = g.patch(), ld = P + 3;
                Matrix image = randomMatrix(C * n * (n + 1), 1, rng);
                image(0) = -0.0f;
                image(image.size() - 1) = std::numeric_limits<Scalar>::infinity();
                image(image.size() / 2) = std::numeric_limits<Scalar>::quiet_NaN();
                Matrix walked = Matrix::Constant(ld, K, 7), table = Matrix::Constant(ld, K, 7);
                walkIm2col(image.data(), g, walked.data(), ld);
                u.im2col(image.data(), table.data(), ld);
                QVERIFY2(std::memcmp(walked.data(), table.data(), sizeof(Scalar) * walked.size()) == 0,
                         qPrintable(QString("im2col C %1 n %2 k %3 s %4 p %5 d %6").arg(C).arg(n).arg(k).arg(s).arg(p).arg(d)));
                const Matrix cols = randomMatrix(ld, K, rng);
                Matrix back1 = randomMatrix(image.size(), 1, rng), back2 = back1;
                walkCol2im(cols.data(), ld, g, back1.data());
                u.col2im(cols.data(), ld, back2.data());
                QVERIFY(std::memcmp(back1.data(), back2.data(), sizeof(Scalar) * back1.size()) == 0);
              }
    QVERIFY2(compared > 150, qPrintable(QString::number(compared)));
  }

  void maxPoolOnAKnownInput() {
    Matrix x(16, 1);
    x << 1, 2, 5, 6,   //
        3, 4, 7, 8,    //
        -1, -2, 0, 9,  //
        -3, -4, 9, 2;
    const auto pool = makeLayer(spec("max_pool2d", 2), Shape{1, 4, 4, 1}, "l");
    QCOMPARE(pool->outputShape(), (Shape{1, 2, 2, 1}));
    Vector none;
    const Matrix& y = pool->forward(x, Pass{}, all(none), all(none));
    Matrix want(4, 1);
    want << 4, 8, -1, 9;
    QCOMPARE(y, want);
    Matrix dy(4, 1);
    dy << 1, 2, 3, 4;
    const Matrix& dx = pool->backward(x, dy, all(none), all(none), true);
    Matrix wantDx = Matrix::Zero(16, 1);
    wantDx(5) = 1;
    wantDx(7) = 2;
    wantDx(8) = 3;
    wantDx(11) = 4;  // the first 9 of the window
    QCOMPARE(dx, wantDx);
    // Average and global average on the same input.
    const auto avg = makeLayer(spec("avg_pool2d", 2), Shape{1, 4, 4, 1}, "l");
    Matrix wantAvg(4, 1);
    wantAvg << 2.5, 6.5, -2.5, 5;
    QCOMPARE(avg->forward(x, Pass{}, all(none), all(none)), wantAvg);
    const auto gap = makeLayer(spec("global_avg_pool"), Shape{1, 4, 4, 1}, "l");
    QCOMPARE(gap->outputShape(), Shape::flat(1));
    QCOMPARE(gap->forward(x, Pass{}, all(none), all(none))(0, 0), Scalar(46) / 16);
  }

  void sppLengthIndependentOfSize() {
    Rng rng(9);
    for (Index n : {8, 12, 16}) {
      const auto spp = makeLayer(spec("spp"), Shape{3, n, n, 1}, "l");
      QCOMPARE(spp->outputShape(), Shape::flat(3 * (1 + 4 + 16)));
      Vector none;
      Matrix out;
      QCOMPARE(spp->infer(randomMatrix(3 * n * n, 2, rng), out, all(none), all(none)).rows(), Index(63));
    }
    QCOMPARE(SpatialPyramidPool::outputSize(256, {1, 2, 4}), Index(256 * 21));
    // The 1×1 level is the global maximum of each channel.
    const auto spp = makeLayer(spec("spp"), Shape{2, 5, 7, 1}, "l");
    const Matrix x = randomMatrix(70, 1, rng);
    Vector none;
    const Matrix& y = spp->forward(x, Pass{}, all(none), all(none));
    QCOMPARE(y(0, 0), x.topRows(35).maxCoeff());
    QCOMPARE(y(1, 0), x.bottomRows(35).maxCoeff());
  }

  void receptiveFields() {
    QCOMPARE(receptiveField({{3, 1, 2}}), Index(5));                         // a dilated 3×3 sees 5×5
    QCOMPARE(receptiveField({{3, 1, 1}, {3, 1, 2}, {3, 1, 4}}), Index(15));  // dilations 1, 2, 4
    QCOMPARE(receptiveField({{3}, {3}}), Index(5));                          // two 3×3 see 5×5
    QCOMPARE(receptiveField({{3}, {3}, {3}}), Index(7));
    QCOMPARE(receptiveField({{2, 2}, {3}}), Index(6));  // after a stride-2 layer taps are 2 apart
    // The 2-d influence of one output pixel of two 3×3 layers on a 9-wide row is a 5-wide window.
    const std::vector<bool> seen = influence(9, {{3, 1, 1, 1}, {3, 1, 1, 1}}, 4);
    QCOMPARE(static_cast<Index>(std::count(seen.begin(), seen.end(), true)), Index(5));
    QVERIFY(seen[2] && seen[6] && !seen[1] && !seen[7]);
  }

  void gridding() {
    const std::vector<ConvStage> gridded = {{3, 1, 2}, {3, 1, 2}, {3, 1, 2}};
    const std::vector<ConvStage> hybrid = {{3, 1, 1}, {3, 1, 2}, {3, 1, 5}};
    QCOMPARE(receptiveField(gridded), Index(13));
    QVERIFY(gridHoles(gridded) > 0);
    QCOMPARE(gridHoles(gridded), Index(6));  // every odd offset
    QCOMPARE(receptiveField(hybrid), Index(17));
    QCOMPARE(gridHoles(hybrid), Index(0));
    const std::vector<Index> counts = pathCounts(gridded);
    QCOMPARE(counts[6], Index(7));  // the centre: 7 of the 27 paths
    QCOMPARE(counts[1], Index(0));
    // The same on an image row through influence(): an output in the middle of a 31-wide row.
    const std::vector<bool> seen = influence(31, gridded, 9);
    QVERIFY(seen[9] && !seen[10] && seen[15] && !seen[16] && seen[21] && !seen[22]);
  }

  void bottleneckWeights() {
    const Index bottleneck = convParameters(256, 64, 1, 1, 1, false) + convParameters(64, 64, 3, 3, 1, false);
    QCOMPARE(bottleneck, Index(53248));
    QCOMPARE(convParameters(256, 64, 3, 3, 1, false), Index(147456));
    // The layers agree with the formula.
    QCOMPARE(makeLayer(convSpec(64, 1, 1, 0, 1, 1, false), Shape{256, 4, 4, 1}, "l")->paramCount(), Index(16384));
    QCOMPARE(makeLayer(convSpec(64, 3, 1, 1, 1, 1, false), Shape{64, 4, 4, 1}, "l")->paramCount(), Index(36864));
    QCOMPARE(makeLayer(convSpec(64, 3, 1, 1, 1, 64, true), Shape{64, 4, 4, 1}, "l")->paramCount(),
             convParameters(64, 64, 3, 3, 64, true));  // depthwise: 64·9 + 64
    QCOMPARE(convMultiplyAdds(64, 64, 3, 3, 1, 8, 8), 36864.0 * 64);
  }

  // Sobel-x [−1 0 1; −2 0 2; −1 0 1]: exactly 0 on a constant image, nonzero only beside the edges
  // of a vertical bar.
  void sobel() {
    const Shape in{1, 8, 8, 1};
    const auto conv = makeLayer(convSpec(1, 3, 1, 1, 1, 1, false), in, "l");
    Vector params(9), none;
    // W column (i·3 + j) for tap (i, j).
    params << -1, 0, 1, -2, 0, 2, -1, 0, 1;
    Matrix x = Matrix::Constant(64, 1, Scalar(0.7));
    Matrix out;
    const Matrix y = conv->infer(x, out, all(params), all(none));
    for (Index r = 1; r < 7; ++r)
      for (Index c = 1; c < 7; ++c) QCOMPARE(y(r * 8 + c, 0), Scalar(0));
    x.setZero();
    for (Index r = 0; r < 8; ++r) x(r * 8 + 4, 0) = x(r * 8 + 5, 0) = 1;  // columns 4 and 5
    const Matrix bar = conv->infer(x, out, all(params), all(none));
    for (Index r = 1; r < 7; ++r) {
      QVERIFY(bar(r * 8 + 3, 0) > 0);  // rising edge
      QVERIFY(bar(r * 8 + 6, 0) < 0);  // falling edge
      QCOMPARE(bar(r * 8 + 1, 0), Scalar(0));
      QCOMPARE(bar(r * 8 + 4, 0), Scalar(1) * 4);  // half the bar: 1·(1 + 2 + 1)
    }
  }

  // <conv(x), y> = <x, convT(y)> with the same parameters: the transposed convolution is the adjoint.
  void transposedIsAdjoint() {
    Rng rng(21);
    const Shape in{2, 7, 7, 1};
    LayerSpec c = convSpec(3, 3, 2, 1, 1, 1, false);
    Made conv = make(c, in, rng);
    QCOMPARE(conv.layer->outputShape(), (Shape{3, 4, 4, 1}));
    LayerSpec t = c;
    t.kind = "conv_transpose2d";
    t.units = 2;
    const auto tr = makeLayer(t, conv.layer->outputShape(), "l");
    QCOMPARE(tr->outputShape(), in);
    QCOMPARE(tr->paramCount(), conv.layer->paramCount());
    const Matrix x = randomMatrix(in.size(), 2, rng), y = randomMatrix(48, 2, rng);
    Matrix a, b;
    Vector none;
    conv.layer->infer(x, a, all(conv.params), all(none));
    tr->infer(y, b, all(conv.params), all(none));
    const double lhs = (a.cast<double>().array() * y.cast<double>().array()).sum();
    const double rhs = (x.cast<double>().array() * b.cast<double>().array()).sum();
    QVERIFY(std::abs(lhs - rhs) < 1e-4 * (1 + std::abs(lhs)));
  }

  // A locally connected layer whose kernels are all the same is the convolution.
  void locallyConnectedWithSharedWeightsIsConv() {
    Rng rng(4);
    const Shape in{2, 6, 5, 1};
    LayerSpec c = convSpec(3, 3, 2, 1);
    Made conv = make(c, in, rng);
    LayerSpec l = c;
    l.kind = "locally_connected2d";
    const auto lc = makeLayer(l, in, "l");
    const Shape o = conv.layer->outputShape();
    QCOMPARE(lc->outputShape(), o);
    const Index P = o.height * o.width, w = conv.layer->weightRange().size;
    Vector params(lc->paramCount()), none;
    for (Index p = 0; p < P; ++p) params.segment(p * w, w) = conv.params.head(w);
    for (Index ch = 0; ch < 3; ++ch) params.segment(P * w + ch * P, P).setConstant(conv.params(w + ch));
    const Matrix x = randomMatrix(in.size(), 3, rng);
    Matrix a, b;
    conv.layer->infer(x, a, all(conv.params), all(none));
    lc->infer(x, b, all(params), all(none));
    QVERIFY((a - b).cwiseAbs().maxCoeff() < 1e-5);
  }

  // PyTorch: F.interpolate([[1, 2], [3, 4]], scale_factor=2, mode="bilinear", align_corners=False).
  void bilinearLikePyTorch() {
    LayerSpec s = spec("upsample");
    s.mode = "bilinear";
    const auto up = makeLayer(s, Shape{1, 2, 2, 1}, "l");
    Matrix x(4, 1);
    x << 1, 2, 3, 4;
    Vector none;
    Matrix want(16, 1);
    want << 1, 1.25, 1.75, 2, 1.5, 1.75, 2.25, 2.5, 2.5, 2.75, 3.25, 3.5, 3, 3.25, 3.75, 4;
    QVERIFY((up->forward(x, Pass{}, all(none), all(none)) - want).cwiseAbs().maxCoeff() < 1e-6);
    s.mode = "nearest";
    const auto nearest = makeLayer(s, Shape{1, 2, 2, 1}, "l");
    Matrix wantNearest(16, 1);
    wantNearest << 1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4;
    QCOMPARE(nearest->forward(x, Pass{}, all(none), all(none)), wantNearest);
  }

  void batchNorm2dNormalisesPerChannel() {
    Rng rng(8);
    const auto bn = makeLayer(spec("batch_norm2d"), Shape{2, 3, 3, 1}, "l");
    Vector params(4), buffers(4);
    params << 1, 1, 0, 0;
    buffers << 0, 0, 1, 1;
    Matrix x = randomMatrix(18, 5, rng);
    x.bottomRows(9).array() = 3 * x.bottomRows(9).array() + 7;
    const Matrix y = bn->forward(x, Pass{}, all(params), all(buffers));
    for (Index c = 0; c < 2; ++c) {
      const auto block = y.middleRows(c * 9, 9).cast<double>().array();
      QVERIFY(std::abs(block.mean()) < 1e-5);
      QVERIFY(std::abs((block - block.mean()).square().mean() - 1) < 1e-3);
    }
    QVERIFY(buffers(1) > 0.5);  // channel 1's running mean moved toward 7
  }

  // conv (no bias) → batch_norm2d → relu → global average → dense: the block reports the batch
  // norm's per-channel γ, β and running statistics, and no bias.
  void batchNorm2dInLayerInfo() {
    std::vector<LayerSpec> stack = {convSpec(4, 3, 1, 1, 1, 1, false), spec("batch_norm2d"), spec("activation"),
                                    spec("global_avg_pool"), spec("dense")};
    stack[2].activation.activation = "relu";
    stack.back().units = 3;
    Network net(Shape{2, 5, 5, 1}, stack);
    QCOMPARE(net.layerCount(), 2);
    const LayerInfo& I = net.layer(0);
    QVERIFY(I.batchNorm);
    QCOMPARE(I.bias.size, Index(0));
    QCOMPARE(I.gamma.size, Index(4));
    QCOMPARE(I.beta.offset, I.gamma.offset + 4);
    QCOMPARE(I.running.size, Index(8));
    QCOMPARE(I.units, Index(4));
    QCOMPARE(I.all.size, Index(4 * 18 + 8));
    QCOMPARE(net.layer(1).in, Index(4));
  }

  // 1×8×8 → conv 8@3×3 → relu → max pool 2 → conv 16@3×3 → relu → flatten → dense 10.
  void smallCnnTrains() {
    std::vector<LayerSpec> stack = {convSpec(8, 3),     spec("activation"), spec("max_pool2d", 2), convSpec(16, 3),
                                    spec("activation"), spec("flatten"),    spec("dense")};
    stack[1].activation.activation = stack[4].activation.activation = "relu";
    stack.back().units = 10;
    Network net(Shape{1, 8, 8, 1}, stack);
    QCOMPARE(net.stackLayer(2).outputShape(), (Shape{8, 3, 3, 1}));
    QCOMPARE(net.stackLayer(5).outputShape(), Shape::flat(16));
    // Blocks: [conv, relu, pool], [conv, relu, flatten], [dense].
    QCOMPARE(net.layerCount(), 3);
    QCOMPARE(net.layer(0).in, Index(64));
    QCOMPARE(net.layer(0).units, Index(72));
    QCOMPARE(net.layer(0).rows, Index(8));
    QCOMPARE(net.layer(0).cols, Index(9));
    QCOMPARE(net.layer(0).weights.size, Index(72));
    QCOMPARE(net.layer(0).bias.size, Index(8));
    QCOMPARE(net.layer(1).rows, Index(16));
    QCOMPARE(net.layer(1).cols, Index(72));
    QCOMPARE(net.layer(1).units, Index(16));
    QCOMPARE(net.layer(2).rows, Index(10));
    QCOMPARE(net.layer(2).cols, Index(16));
    QVERIFY(net.layer(2).output);
    for (int l = 0; l < 3; ++l) QCOMPARE(net.weights(l).size(), net.layer(l).weights.size);
    QCOMPARE(net.params().size(), Index(8 * 9 + 8 + 16 * 72 + 16 + 10 * 16 + 10));
    Rng rng(17);
    InitConfig init;
    init.scheme = "he_normal";
    net.initialize(init, rng);
    QVERIFY(weightPenalty(net, 0.01, 0.01) > 0);
    const Index B = 32;
    const Matrix X = randomMatrix(64, B, rng);
    std::vector<int> labels(B);
    for (Index b = 0; b < B; ++b) labels[static_cast<std::size_t>(b)] = static_cast<int>(rng.below(10));
    const auto loss = makeLoss("softmax_ce", 10, {});
    std::vector<double> losses;
    for (int step = 0; step < 30; ++step) {
      net.forward(X, Mode::Train);
      Matrix d;
      losses.push_back(loss->evaluate(net.logits(), labels.data(), nullptr, &d));
      net.backward(X, d);
      net.params() -= Scalar(0.05) * net.grads();
    }
    QVERIFY2(losses.back() < 0.7 * losses.front(),
             qPrintable(QString("loss %1 → %2").arg(losses.front()).arg(losses.back())));
    for (std::size_t i = 1; i < 5; ++i) QVERIFY(losses[i] < losses[i - 1]);
    QVERIFY(!std::isnan(net.saturation(0)));  // the relu of the first block reports
    // Inference agrees with the training pass in eval mode.
    Network::Workspace ws;
    Matrix logits;
    net.infer(X, logits, ws);
    net.forward(X, Mode::Eval);
    QVERIFY((logits - net.logits()).cwiseAbs().maxCoeff() < 1e-5);
  }
};

QTEST_APPLESS_MAIN(TestConv)
#include "tst_conv.moc"
