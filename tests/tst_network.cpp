// The layer stack: how the MLP's configuration becomes registered layers, where each layer's
// parameters sit in the flat buffer (saved model files depend on that order), the weighted-layer
// view the rest of the program uses, dropout layers appearing when first needed, inference
// against the training pass, and a stack built from specs directly.
#include "core/Error.h"
#include "act/Activation.h"
#include "nn/Network.h"

#include <QtTest>

#include <stdexcept>

using namespace dl;

namespace {

LayerConfig layer(int units, const char* act) {
  LayerConfig c;
  c.units = units;
  c.activation = act;
  return c;
}

std::vector<std::string> kinds(const Network& net) {
  std::vector<std::string> out;
  for (int i = 0; i < net.stackSize(); ++i) out.emplace_back(net.stackLayer(i).kind());
  return out;
}

Matrix randomMatrix(Index rows, Index cols, Rng& rng) {
  Matrix m(rows, cols);
  for (Index i = 0; i < m.size(); ++i) m.data()[i] = static_cast<Scalar>(rng.normal());
  return m;
}

}  // namespace

class TestNetwork : public QObject {
  Q_OBJECT
private slots:
  // Per hidden layer: dense (no bias before batch norm), [batch norm], activation or maxout,
  // [dropout]; then the dense output layer.
  void mlpStack() {
    LayerConfig a = layer(5, "prelu"), b = layer(4, "maxout"), c = layer(3, "tanh");
    a.batchNorm = true;
    b.pieces = 3;
    b.dropout = 0.25;
    const Network net(2, {a, b, c}, 2);
    const std::vector<std::string> want = {"dense",   "batch_norm", "activation", "dense", "maxout",
                                           "dropout", "dense",      "activation", "dense"};
    QCOMPARE(kinds(net), want);
    QCOMPARE(net.layerCount(), 4);
    QCOMPARE(net.inputs(), Index(2));
    QCOMPARE(net.outputs(), Index(2));
    QCOMPARE(net.stackLayer(3).outputShape(), Shape::flat(12));  // maxout's 4 units × 3 pieces
    QCOMPARE(net.stackLayer(4).outputShape(), Shape::flat(4));
  }

  // The flat layout of the MLP before the layer stack, unchanged: per weighted layer W (rows, in),
  // then b, or γ and β with batch norm, then PReLU slopes; buffers: running mean, variance.
  void flatLayoutUnchanged() {
    LayerConfig a = layer(5, "prelu"), b = layer(4, "maxout");
    a.batchNorm = true;
    b.pieces = 3;
    const Network net(2, {a, b}, 3);
    const LayerInfo& l0 = net.layer(0);
    QCOMPARE(l0.in, Index(2));
    QCOMPARE(l0.rows, Index(5));
    QCOMPARE(l0.units, Index(5));
    QVERIFY(l0.batchNorm && !l0.output);
    QCOMPARE(l0.weights.offset, Index(0));
    QCOMPARE(l0.weights.size, Index(10));
    QCOMPARE(l0.bias.size, Index(0));
    QCOMPARE(l0.gamma.offset, Index(10));
    QCOMPARE(l0.beta.offset, Index(15));
    QCOMPARE(l0.actParams.offset, Index(20));
    QCOMPARE(l0.actParams.size, Index(5));
    QCOMPARE(l0.all.offset, Index(0));
    QCOMPARE(l0.all.size, Index(25));
    QCOMPARE(l0.running.offset, Index(0));
    QCOMPARE(l0.running.size, Index(10));
    const LayerInfo& l1 = net.layer(1);
    QCOMPARE(l1.in, Index(5));
    QCOMPARE(l1.rows, Index(12));
    QCOMPARE(l1.units, Index(4));
    QCOMPARE(l1.weights.offset, Index(25));
    QCOMPARE(l1.bias.offset, Index(25 + 60));
    QCOMPARE(l1.bias.size, Index(12));
    QCOMPARE(l1.actParams.size, Index(0));
    QCOMPARE(l1.all.size, Index(72));
    const LayerInfo& out = net.layer(2);
    QVERIFY(out.output);
    QCOMPARE(out.in, Index(4));
    QCOMPARE(out.weights.offset, Index(97));
    QCOMPARE(out.bias.offset, Index(97 + 12));
    QCOMPARE(net.params().size(), Index(97 + 12 + 3));
    QCOMPARE(net.buffers().size(), Index(10));
  }

  // A hidden layer without dropout has no dropout layer until a rate above 0 is set; the rate
  // then applies on the next pass, and setting 0 again leaves a pass-through layer.
  void dropoutLayerAppearsWhenFirstNeeded() {
    Network net(2, {layer(6, "relu"), layer(4, "tanh")}, 2);
    Rng rng(3);
    net.initialize(InitConfig{}, rng);
    QCOMPARE(net.stackSize(), 5);
    const Matrix X = randomMatrix(2, 50, rng);
    net.forward(X, Mode::Train);
    const Matrix before = net.hiddenOutput(0);
    const double saturation1 = net.saturation(1);
    QCOMPARE(net.hiddenOutput(1).rows(), Index(4));

    net.setDropout(1, 0.0);  // nothing to insert
    QCOMPARE(net.stackSize(), 5);
    net.setDropout(0, 0.5);
    QCOMPARE(net.stackSize(), 6);
    QCOMPARE(QString(net.stackLayer(2).kind()), QString("dropout"));
    QCOMPARE(net.layer(0).dropout, 0.5);
    QVERIFY(net.hiddenOutput(0) == before);    // until the next pass: what the layer below gave
    QCOMPARE(net.saturation(1), saturation1);  // the layers after it moved up one place in the stack
    net.forward(X, Mode::Train);
    const Matrix dropped = net.hiddenOutput(0);
    QVERIFY((dropped.array() == 0).count() > (before.array() == 0).count());
    QVERIFY(((dropped.array() == 0) || (dropped.array() - 2 * before.array()).abs() < 1e-6f).all());
    net.forward(X, Mode::Eval);
    QVERIFY(net.hiddenOutput(0) == before);  // eval passes through

    net.setDropout(0, 0.0);
    QCOMPARE(net.stackSize(), 6);
    net.forward(X, Mode::Train);
    QVERIFY(net.hiddenOutput(0) == before);

    QVERIFY_THROWS_EXCEPTION(ConfigError, net.setDropout(1, 1.0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, net.setDropout(2, 0.5));  // the output layer
    try {
      net.setDropout(1, -0.1);
      QFAIL("no error");
    } catch (const ConfigError& e) {
      QCOMPARE(QString::fromStdString(e.field()), QString("layers[1].dropout"));
    }
  }

  // infer() runs each layer's infer: the same numbers as the training pass in eval mode, and the
  // hidden outputs the diagram shows.
  void inferMatchesTheEvalPass() {
    LayerConfig a = layer(7, "elu"), b = layer(5, "maxout"), c = layer(4, "sigmoid");
    a.batchNorm = true;
    b.dropout = 0.3;
    c.batchNorm = true;
    Network net(3, {a, b, c}, 3);
    Rng rng(9);
    net.initialize(InitConfig{}, rng);
    for (int i = 0; i < 4; ++i) net.forward(randomMatrix(3, 20, rng), Mode::Train);  // running statistics
    const Matrix X = randomMatrix(3, 33, rng);
    net.forward(X, Mode::Eval);
    Network::Workspace ws;
    Matrix logits;
    std::vector<Matrix> hidden;
    net.infer(X, logits, ws, &hidden);
    QVERIFY(logits == net.logits());
    QCOMPARE(hidden.size(), std::size_t(3));
    for (int l = 0; l < 3; ++l) QVERIFY(hidden[static_cast<std::size_t>(l)] == net.hiddenOutput(l));
    net.infer(X, logits, ws);  // again in the same workspace, without the hidden outputs
    QVERIFY(logits == net.logits());
  }

  // A stack written as specs: columns that hold a short sequence, read flat by the first dense layer.
  void stackFromSpecs() {
    auto spec = [](const char* kind) {
      LayerSpec s;
      s.kind = kind;
      return s;
    };
    LayerSpec d1 = spec("dense"), mx = spec("maxout"), dr = spec("dropout"), d2 = spec("dense");
    d1.units = 12;
    d1.bias = false;
    mx.activation.pieces = 3;
    dr.rate = 0.2;
    d2.units = 2;
    Network net(Shape{2, 1, 1, 3}, {d1, spec("batch_norm"), mx, dr, d2});
    QCOMPARE(net.inputs(), Index(6));
    QCOMPARE(net.layerCount(), 2);
    QCOMPARE(net.layer(0).units, Index(4));
    QVERIFY(net.layer(0).batchNorm);
    QCOMPARE(net.layer(0).dropout, 0.2);
    QCOMPARE(net.outputs(), Index(2));
    Rng rng(4);
    net.initialize(InitConfig{}, rng);
    net.forward(randomMatrix(6, 8, rng), Mode::Train);
    QCOMPARE(net.logits().rows(), Index(2));
    QCOMPARE(net.saturation(0), 0.0);  // maxout never saturates
    QVERIFY(std::isnan(net.saturation(1)));

    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Network(Shape::flat(3), {spec("batch_norm"), d2}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Network(Shape::flat(3), {spec("conv9d")}));
    LayerSpec bad = spec("maxout");
    bad.activation.pieces = 5;  // 12 is not a multiple of 5
    try {
      Network(Shape::flat(3), {d1, bad});
      QFAIL("no error");
    } catch (const ConfigError& e) {
      QCOMPARE(QString::fromStdString(e.field()), QString("layers[1].pieces"));
    }
  }

  // Saturated means a derivative below 5% of the function's maximum, for the rectifiers too: ReLU
  // and a 0.01 leak count every z ≤ 0; a 0.2 leak passes a fifth of the gradient and counts none;
  // a PReLU unit counts by its own learned slope.
  void rectifierSaturationFollowsTheLeak() {
    Matrix Z(2, 4);
    Z << -1, -0.5, 0, 2,  //
        -3, 1, 2, 3;      // 4 of 8 entries are ≤ 0: three in unit 0, one in unit 1
    Matrix A;
    const auto saturation = [&](const char* name, double slope, const Scalar* params = nullptr) {
      LayerConfig c;
      c.activation = name;
      c.slope = slope;
      const auto act = makeActivation(c, "layers[0]");
      std::vector<Scalar> own(static_cast<std::size_t>(act->paramCount(2)), Scalar(slope));
      act->forward(Z, A, params ? params : own.data());
      return act->saturation(Z, A, params ? params : own.data());
    };
    QCOMPARE(saturation("relu", 0), 0.5);
    QCOMPARE(saturation("leaky_relu", 0.01), 0.5);
    QCOMPARE(saturation("leaky_relu", 0.049), 0.5);
    QCOMPARE(saturation("leaky_relu", 0.05), 0.0);
    QCOMPARE(saturation("leaky_relu", 0.2), 0.0);
    QCOMPARE(saturation("prelu", 0.01), 0.5);
    QCOMPARE(saturation("prelu", 0.25), 0.0);
    const Scalar slopes[2] = {Scalar(0.01), Scalar(0.3)};  // unit 0 nearly dead, unit 1 leaking
    QCOMPARE(saturation("prelu", 0.01, slopes), 3.0 / 8.0);
    const Scalar other[2] = {Scalar(0.3), Scalar(-0.02)};
    QCOMPARE(saturation("prelu", 0.01, other), 1.0 / 8.0);
  }

  // Every kind the MLP uses is in the registry, and every registered kind has examples.
  void registryNamesTheKinds() {
    QStringList names;
    for (const LayerKind& k : layerKinds()) {
      names << k.name;
      Rng rng(1);
      QVERIFY(!k.examples(rng).empty());
    }
    for (const char* k : {"dense", "batch_norm", "activation", "maxout", "dropout"}) QVERIFY(names.contains(k));
    QCOMPARE(names.removeDuplicates(), qsizetype(0));
  }
};

QTEST_APPLESS_MAIN(TestNetwork)
#include "tst_network.moc"
