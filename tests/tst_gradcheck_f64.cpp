// Finite-difference gradient checks in double precision. Every registered layer kind on its own
// (each of the registry's examples, random sizes and settings, train and eval mode: gradients with
// respect to its parameters and its input), then whole networks: every activation, every loss,
// batch norm (train and eval), dropout with a frozen mask, and the L1/L2 penalties.
// Relative error = ‖analytic − numeric‖ / (‖analytic‖ + ‖numeric‖) < 1e-6.
#include "core/Error.h"
#include "loss/Loss.h"
#include "nn/Layer.h"
#include "nn/Network.h"
#include "nn/Recurrent.h"
#include "train/Regularization.h"

#include <QtTest>

using namespace dl;

namespace {

struct Problem {
  Network net;
  Matrix X;
  std::vector<int> labels;
  Matrix targets;
  std::unique_ptr<Loss> loss;
  Mode mode = Mode::Train;
  double l1 = 0, l2 = 0;

  double objective() {
    net.forward(X, mode);
    return loss->evaluate(net.logits(), labels.data(), &targets, nullptr) + weightPenalty(net, l1, l2);
  }

  // Returns the relative error; also checks that the gradient is not trivially zero.
  double relativeError(double* analyticNorm = nullptr) {
    net.forward(X, mode);
    Matrix dLogits;
    loss->evaluate(net.logits(), labels.data(), &targets, &dLogits);
    net.backward(X, dLogits);
    addPenaltyGradient(net, l1, l2, true);
    const Vector analytic = net.grads();
    net.freezeDropoutMasks(true);
    Vector numeric(analytic.size());
    const double h = 1e-6;
    for (Index i = 0; i < numeric.size(); ++i) {
      const double keep = net.params()(i);
      net.params()(i) = keep + h;
      const double up = objective();
      net.params()(i) = keep - h;
      const double down = objective();
      net.params()(i) = keep;
      numeric(i) = (up - down) / (2 * h);
    }
    if (analyticNorm) *analyticNorm = analytic.norm();
    const double denom = analytic.norm() + numeric.norm();
    return denom == 0 ? 0.0 : (analytic - numeric).norm() / denom;
  }
};

Problem makeProblem(std::vector<LayerConfig> hidden, const std::string& lossName, int classes, std::uint64_t seed = 7) {
  const Index inputs = 3, batch = 6;
  const Index outputs = lossOutputs(lossName, classes, 2);
  Problem p{Network(inputs, hidden, outputs), Matrix(), {}, Matrix(), nullptr};
  Rng rng(seed);
  InitConfig init;
  init.scheme = "normal";
  init.sigma = 0.6;
  init.bias = 0.1;
  p.net.initialize(init, rng);
  // Random, non-trivial biases and batch-norm parameters so no symmetric cancellation hides a bug.
  for (Index i = 0; i < p.net.params().size(); ++i) p.net.params()(i) += static_cast<Scalar>(0.05 * rng.normal());
  p.X.resize(inputs, batch);
  for (Index i = 0; i < p.X.size(); ++i) p.X.data()[i] = rng.normal();
  p.labels.resize(batch);
  for (Index b = 0; b < batch; ++b) p.labels[b] = classes > 0 ? static_cast<int>(b % classes) : 0;
  p.targets.resize(outputs, batch);
  for (Index i = 0; i < p.targets.size(); ++i) p.targets.data()[i] = rng.normal();
  p.loss = makeLoss(lossName, classes, {});
  return p;
}

// The examples of registered kind k, the same in every call.
std::vector<LayerExample> examplesOf(std::size_t k) {
  Rng rng(1000 + k);
  return dl::layerKinds()[k].examples(rng);
}

std::string describe(const LayerExample& e) {
  std::string s = e.spec.kind;
  if (e.spec.kind == "activation") s += " " + e.spec.activation.activation;
  if (e.spec.kind == "dense") s += e.spec.bias ? " with bias" : " without bias";
  if (e.spec.kernel > 0) {  // image layers
    s += " k" + std::to_string(e.spec.kernel);
    if (e.spec.kernelWidth > 0) s += "x" + std::to_string(e.spec.kernelWidth);
    s += " s" + std::to_string(e.spec.stride) + " p" + std::to_string(e.spec.padding) + " d" +
         std::to_string(e.spec.dilation);
    if (e.spec.groups > 1) s += " g" + std::to_string(e.spec.groups);
    if (e.spec.units > 0) s += " out" + std::to_string(e.spec.units) + (e.spec.bias ? "" : " without bias");
  }
  if (e.spec.kind == "rnn" || e.spec.kind == "lstm" || e.spec.kind == "gru") {
    s += " units" + std::to_string(e.spec.units) + (e.spec.returnSequences ? " every step" : " last step");
    if (!e.spec.recurrentInit.empty()) s += " " + e.spec.recurrentInit;
  }
  if (e.spec.kind == "embedding")
    s += " dim" + std::to_string(e.spec.units) + " vocabulary" + std::to_string(e.spec.vocabulary);
  if (!e.spec.mode.empty()) s += " " + e.spec.mode + " x" + std::to_string(e.spec.scale);
  for (std::size_t i = 0; i < e.spec.bins.size(); ++i) s += (i ? "," : " bins ") + std::to_string(e.spec.bins[i]);
  s += " " + std::to_string(e.input.channels) + "x" + std::to_string(e.input.height) + "x" +
       std::to_string(e.input.width) + "x" + std::to_string(e.input.time);
  return s;
}

LayerConfig layer(int units, const std::string& act) {
  LayerConfig c;
  c.units = units;
  c.activation = act;
  return c;
}

}  // namespace

// numeric(i) = (f(params + h·eᵢ) − f(params − h·eᵢ)) / 2h for every parameter i (central
// differences; the parameters are restored).
template <class F>
void parameterDifferences(Vector& params, F&& f, double h, Vector& numeric) {
  for (Index i = 0; i < params.size(); ++i) {
    const double keep = params(i);
    params(i) = keep + h;
    const double up = f();
    params(i) = keep - h;
    const double down = f();
    params(i) = keep;
    numeric(i) = (up - down) / (2 * h);
  }
}

class GradCheck : public QObject {
  Q_OBJECT
private slots:
  void registeredLayers_data() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("example");
    QTest::addColumn<bool>("train");
    for (std::size_t k = 0; k < dl::layerKinds().size(); ++k) {
      const auto examples = examplesOf(k);
      QVERIFY2(!examples.empty(), dl::layerKinds()[k].name);
      for (std::size_t e = 0; e < examples.size(); ++e)
        for (bool train : {true, false})
          QTest::newRow((describe(examples[e]) + (train ? " train" : " eval")).c_str())
              << static_cast<int>(k) << static_cast<int>(e) << train;
    }
  }
  // One layer alone: J = Σ R⊙y(x) for a fixed random R; ∂J/∂params and ∂J/∂x from backward(x, R)
  // against central differences. In eval mode infer() must also give forward()'s y exactly.
  void registeredLayers() {
    QFETCH(int, kind);
    QFETCH(int, example);
    QFETCH(bool, train);
    const LayerExample ex = examplesOf(static_cast<std::size_t>(kind))[static_cast<std::size_t>(example)];
    const auto layer = makeLayer(ex.spec, ex.input, "layers[0]");
    QCOMPARE(QString(layer->kind()), QString::fromStdString(ex.spec.kind));
    QCOMPARE(layer->inputShape(), ex.input);
    const Index in = ex.input.size(), out = layer->outputShape().size();
    Rng rng(77 + static_cast<std::uint64_t>(kind * 31 + example));
    Vector params = Vector::Zero(layer->paramCount()), grads = Vector::Zero(layer->paramCount());
    Vector buffers = Vector::Zero(layer->bufferCount());
    InitConfig init;
    init.scheme = "normal";
    init.sigma = 0.6;
    init.bias = 0.1;
    const auto all = [](Vector& v) { return std::span<Scalar>(v.data(), static_cast<std::size_t>(v.size())); };
    layer->initialize(init, rng, all(params), all(buffers));
    for (Index i = 0; i < params.size(); ++i) params(i) += 0.3 * rng.normal();  // no symmetric cancellation
    const Index B = 3 + static_cast<Index>(rng.below(4));
    Matrix X(in, B), R(out, B);
    for (Index i = 0; i < X.size(); ++i)
      X.data()[i] =
          ex.tokens ? static_cast<double>(rng.below(static_cast<std::uint64_t>(ex.spec.vocabulary))) : rng.normal();
    for (Index i = 0; i < R.size(); ++i) R.data()[i] = rng.normal();
    Rng maskRng(5);
    Pass pass{Mode::Train, &maskRng, false};
    for (int i = 0; i < 3; ++i)
      layer->forward(ex.tokens ? X : Matrix(X * (1.0 + i) + Matrix::Constant(in, B, 0.2 * i)), pass, all(params),
                     all(buffers));
    pass.mode = train ? Mode::Train : Mode::Eval;

    const Matrix y = layer->forward(X, pass, all(params), all(buffers));
    QCOMPARE(y.rows(), out);
    QCOMPARE(y.cols(), B);
    const Matrix dx = layer->backward(X, R, all(params), all(grads), true);
    QCOMPARE(dx.rows(), in);
    QCOMPARE(dx.cols(), B);
    if (!train) {
      Matrix scratch;
      QVERIFY2(layer->infer(X, scratch, all(params), all(buffers)) == y, "infer differs from forward in eval mode");
    }
    Vector analytic(params.size() + X.size());
    analytic << grads, dx.reshaped();

    pass.freezeMasks = true;  // dropout: the mask of the pass above
    Vector scratchBuffers = buffers;
    auto objective = [&](const Matrix& x) {
      scratchBuffers = buffers;  // train-mode passes move running statistics; the output does not use them
      return (layer->forward(x, pass, all(params), all(scratchBuffers)).array() * R.array()).sum();
    };
    const double h = 1e-6;
    Vector numeric(analytic.size());
    parameterDifferences(params, [&] { return objective(X); }, h, numeric);
    Matrix x = X;
    if (ex.tokens) {  // ids: no input gradient to check, and backward says so with zeros
      QVERIFY(dx.isZero(0));
      numeric.tail(X.size()).setZero();
    }
    for (Index i = 0; i < X.size() && !ex.tokens; ++i) {
      x.data()[i] = X.data()[i] + h;
      const double up = objective(x);
      x.data()[i] = X.data()[i] - h;
      const double down = objective(x);
      x.data()[i] = X.data()[i];
      numeric(params.size() + i) = (up - down) / (2 * h);
    }
    QVERIFY2(analytic.norm() > 1e-6, "the gradient must not vanish");
    const double err = (analytic - numeric).norm() / (analytic.norm() + numeric.norm());
    QVERIFY2(err < 1e-6, qPrintable(QString("relative error %1").arg(err)));
  }

  void truncatedBackpropagation_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("allSteps");
    QTest::addColumn<int>("k");
    for (const char* kind : {"rnn", "lstm", "gru"})
      for (bool allSteps : {false, true})
        for (int k : {1, 2, 3})
          QTest::newRow(qPrintable(QString("%1 %2 k=%3").arg(kind, allSteps ? "every step" : "last step").arg(k)))
              << QString(kind) << allSteps << k;
  }
  // Truncation to k changes the objective the gradient belongs to: with T = 7 the steps fall into
  // windows of k counted from the end ([4, 6], [1, 3], [0] for k = 3), and the truncated gradient
  // is the exact gradient of J̃ = Σ R⊙y where each window starts from the state the full pass
  // reached there, held constant. J̃ is computed by a second layer (no truncation, every step) run
  // on each window from that state; central differences of J̃ must match backward. The truncated
  // gradient must also differ from the full one (the cut is real).
  void truncatedBackpropagation() {
    QFETCH(QString, kind);
    QFETCH(bool, allSteps);
    QFETCH(int, k);
    const Index F = 2, H = 3, T = 7, B = 3;
    LayerSpec spec;
    spec.kind = kind.toStdString();
    spec.units = H;
    spec.returnSequences = allSteps;
    spec.truncation = k;
    const auto made = makeLayer(spec, {F, 1, 1, T}, "layers[0]");
    auto& layer = dynamic_cast<Recurrent&>(*made);
    spec.truncation = 0;
    const auto fullMade = makeLayer(spec, {F, 1, 1, T}, "layers[0]");
    Rng rng(4242 + static_cast<std::uint64_t>(k));
    Vector params(layer.paramCount()), grads(layer.paramCount()), fullGrads(layer.paramCount());
    for (Index i = 0; i < params.size(); ++i) params(i) = 0.7 * rng.normal();
    const auto span = [](Vector& v) { return std::span<Scalar>(v.data(), static_cast<std::size_t>(v.size())); };
    Matrix X(F * T, B), R(layer.outputShape().size(), B);
    for (Index i = 0; i < X.size(); ++i) X.data()[i] = rng.normal();
    for (Index i = 0; i < R.size(); ++i) R.data()[i] = rng.normal();
    const Pass pass;
    std::span<Scalar> none;
    layer.forward(X, pass, span(params), none);
    const Matrix states = layer.hiddenStates(), cells = layer.cellStates();
    const Matrix dx = layer.backward(X, R, span(params), span(grads), true);
    fullMade->forward(X, pass, span(params), none);
    fullMade->backward(X, R, span(params), span(fullGrads), false);
    QVERIFY2((grads - fullGrads).norm() > 1e-3 * grads.norm(), "truncation must change the gradient");

    // Windows [a, e], from the end.
    std::vector<std::pair<Index, Index>> windows;
    for (Index e = T - 1; e >= 0; e -= k) windows.emplace_back(std::max<Index>(0, e - k + 1), e);
    auto objective = [&](const Matrix& x) {
      double J = 0;
      for (const auto& [a, e] : windows) {
        const Index len = e - a + 1;
        if (!allSteps && e != T - 1) continue;  // only the last step has an output
        LayerSpec w = spec;
        w.returnSequences = true;
        const auto windowMade = makeLayer(w, {F, 1, 1, len}, "window");
        auto& window = dynamic_cast<Recurrent&>(*windowMade);
        window.setInitialState(states.middleCols(a * B, B),
                               cells.size() ? Matrix(cells.middleCols(a * B, B)) : Matrix());
        Matrix xw(F * len, B);
        for (Index f = 0; f < F; ++f) xw.middleRows(f * len, len) = x.middleRows(f * T + a, len);
        const Matrix& y = window.forward(xw, pass, span(params), none);
        for (Index u = 0; u < H; ++u)
          for (Index s = 0; s < len; ++s) {
            if (!allSteps && s != len - 1) continue;
            const Index row = allSteps ? u * T + a + s : u;
            J += R.row(row).dot(y.row(u * len + s));
          }
      }
      return J;
    };
    Vector analytic(params.size() + X.size()), numeric(params.size() + X.size());
    analytic << grads, dx.reshaped();
    const double h = 1e-6;
    parameterDifferences(params, [&] { return objective(X); }, h, numeric);
    Matrix x = X;
    for (Index i = 0; i < X.size(); ++i) {
      x.data()[i] = X.data()[i] + h;
      const double up = objective(x);
      x.data()[i] = X.data()[i] - h;
      const double down = objective(x);
      x.data()[i] = X.data()[i];
      numeric(params.size() + i) = (up - down) / (2 * h);
    }
    QVERIFY(analytic.norm() > 1e-6);
    const double err = (analytic - numeric).norm() / (analytic.norm() + numeric.norm());
    QVERIFY2(err < 1e-6, qPrintable(QString("relative error %1").arg(err)));
  }

  void activations_data() {
    QTest::addColumn<QString>("activation");
    for (const char* a : {"linear", "sigmoid", "tanh", "relu", "leaky_relu", "prelu", "elu", "selu", "maxout"})
      QTest::newRow(a) << QString(a);
  }
  // Every activation inside a 3-5-4-3 network with softmax cross-entropy (dense layers included).
  void activations() {
    QFETCH(QString, activation);
    LayerConfig a = layer(5, activation.toStdString()), b = layer(4, activation.toStdString());
    a.slope = b.slope = 0.2;  // leaky/PReLU: a visible negative slope
    a.alpha = b.alpha = 0.8;
    a.pieces = 3;
    b.pieces = 2;
    Problem p = makeProblem({a, b}, "softmax_ce", 3);
    double norm = 0;
    const double err = p.relativeError(&norm);
    QVERIFY2(norm > 1e-6, "the gradient must not vanish");
    QVERIFY2(err < 1e-6, qPrintable(QString("relative error %1").arg(err)));
  }

  void losses_data() {
    QTest::addColumn<QString>("loss");
    QTest::addColumn<int>("classes");
    QTest::newRow("softmax_ce") << "softmax_ce" << 3;
    QTest::newRow("sigmoid_bce") << "sigmoid_bce" << 2;
    QTest::newRow("mse") << "mse" << 0;
    QTest::newRow("mse on softmax probabilities") << "mse" << 3;
    QTest::newRow("mse on softmax probabilities, 2 classes") << "mse" << 2;
    QTest::newRow("sigmoid_mse") << "sigmoid_mse" << 2;
  }
  void losses() {
    QFETCH(QString, loss);
    QFETCH(int, classes);
    Problem p = makeProblem({layer(4, "tanh")}, loss.toStdString(), classes);
    const double err = p.relativeError();
    QVERIFY2(err < 1e-6, qPrintable(QString("relative error %1").arg(err)));
  }

  void classWeightedCrossEntropy() {
    Problem p = makeProblem({layer(4, "tanh")}, "softmax_ce", 3);
    p.loss = makeLoss("softmax_ce", 3, {0.5, 2.0, 4.0});
    QVERIFY(p.relativeError() < 1e-6);
    Problem q = makeProblem({layer(4, "tanh")}, "sigmoid_bce", 2);
    q.loss = makeLoss("sigmoid_bce", 2, {1.0, 9.0});
    QVERIFY(q.relativeError() < 1e-6);
  }

  void classWeightedSquaredError() {
    Problem p = makeProblem({layer(4, "tanh")}, "mse", 3);
    p.loss = makeLoss("mse", 3, {0.5, 2.0, 4.0});
    QVERIFY(p.relativeError() < 1e-6);
    Problem q = makeProblem({layer(4, "tanh")}, "sigmoid_mse", 2);
    q.loss = makeLoss("sigmoid_mse", 2, {1.0, 9.0});
    QVERIFY(q.relativeError() < 1e-6);
  }

  // Squared error on a probability against cross-entropy, at logits that are confidently wrong and
  // confidently right: the values are the formulas' (ℓ = (p − y)², mean over outputs for softmax),
  // and squared error's gradient is cross-entropy's times 2·σ'(z) = 2p(1 − p) for one sigmoid
  // output, so it nearly vanishes when the output saturates on the wrong side.
  void squaredErrorOnProbabilities() {
    Matrix z(1, 3);
    z << -8.0, 0.0, 30.0;
    const int y[3] = {1, 1, 1};
    Matrix dMse, dBce;
    const double mse = makeLoss("sigmoid_mse", 2, {})->evaluate(z, y, nullptr, &dMse);
    makeLoss("sigmoid_bce", 2, {})->evaluate(z, y, nullptr, &dBce);
    const auto sigmoid = [](double v) { return 1.0 / (1.0 + std::exp(-v)); };
    double expected = 0;
    for (int b = 0; b < 3; ++b) {
      const double p = sigmoid(z(0, b));
      expected += (p - 1) * (p - 1) / 3;
      QVERIFY(std::abs(dMse(0, b) - 2 * p * (1 - p) * dBce(0, b)) <= 1e-12 * (1 + std::abs(dBce(0, b))));
    }
    QVERIFY(std::abs(mse - expected) < 1e-12);
    QVERIFY(std::abs(dBce(0, 0)) > 0.3 / 3 && std::abs(dMse(0, 0)) < 1e-3 * std::abs(dBce(0, 0)));
    QVERIFY(dMse(0, 2) > -1e-12 && dMse(0, 2) <= 0);  // right and sure: no push either way
    // Softmax over K = 3: ℓ = (1/K)·Σ(p − onehot)², predicted class = argmax.
    Matrix s(3, 1);
    s << 1.0, 2.0, -1.0;
    const int c[1] = {0};
    const auto loss = makeLoss("mse", 3, {});
    Matrix p;
    loss->predict(s, p);
    const double want = ((p(0, 0) - 1) * (p(0, 0) - 1) + p(1, 0) * p(1, 0) + p(2, 0) * p(2, 0)) / 3;
    QVERIFY(std::abs(loss->evaluate(s, c, nullptr, nullptr) - want) < 1e-12);
    QCOMPARE(loss->predictedClass(s, 0), 1);
    QVERIFY(loss->classification());
    QCOMPARE(lossOutputs("mse", 3, 1), Index(3));
    QCOMPARE(lossOutputs("mse", 0, 2), Index(2));
    QCOMPARE(lossOutputs("sigmoid_mse", 2, 0), Index(1));
  }

  void squaredErrorRefusals() {
    QVERIFY_THROWS_EXCEPTION(ConfigError, makeLoss("sigmoid_mse", 3, {}));
    QVERIFY_THROWS_EXCEPTION(ConfigError, makeLoss("sigmoid_mse", 0, {}));
    QVERIFY_THROWS_EXCEPTION(ConfigError, makeLoss("mse", 2, {1.0}));
    QVERIFY(!makeLoss("mse", 0, {})->classification());
  }

  void batchNormTrainMode() {
    LayerConfig a = layer(5, "tanh"), b = layer(4, "relu");
    a.batchNorm = b.batchNorm = true;
    Problem p = makeProblem({a, b}, "softmax_ce", 3);
    p.mode = Mode::Train;
    const double err = p.relativeError();
    QVERIFY2(err < 1e-6, qPrintable(QString("relative error %1").arg(err)));
  }

  void batchNormEvalMode() {
    LayerConfig a = layer(5, "sigmoid");
    a.batchNorm = true;
    Problem p = makeProblem({a}, "softmax_ce", 3);
    for (int i = 0; i < 5; ++i) p.net.forward(p.X * (1.0 + i), Mode::Train);  // non-trivial running stats
    p.mode = Mode::Eval;
    const double err = p.relativeError();
    QVERIFY2(err < 1e-6, qPrintable(QString("relative error %1").arg(err)));
  }

  void dropoutWithFixedMask() {
    LayerConfig a = layer(6, "tanh"), b = layer(5, "relu");
    a.dropout = 0.5;
    b.dropout = 0.3;
    Problem p = makeProblem({a, b}, "softmax_ce", 3);
    p.net.forward(p.X, Mode::Train);
    p.net.freezeDropoutMasks(true);
    const double err = p.relativeError();
    QVERIFY2(err < 1e-6, qPrintable(QString("relative error %1").arg(err)));
    // The mask really drops units: some activations of layer 1 are exactly zero.
    QVERIFY((p.net.hiddenOutput(0).array() == 0).count() > 0);
  }

  void penalties_data() {
    QTest::addColumn<double>("l1");
    QTest::addColumn<double>("l2");
    QTest::newRow("L1") << 0.05 << 0.0;
    QTest::newRow("L2") << 0.0 << 0.1;
    QTest::newRow("elastic net") << 0.03 << 0.07;
  }
  void penalties() {
    QFETCH(double, l1);
    QFETCH(double, l2);
    Problem p = makeProblem({layer(4, "tanh")}, "softmax_ce", 3);
    p.l1 = l1;
    p.l2 = l2;
    const double err = p.relativeError();
    QVERIFY2(err < 1e-6, qPrintable(QString("relative error %1").arg(err)));
    // The penalty really is in the objective: the same weights without it give a different value.
    const double with = p.objective();
    p.l1 = p.l2 = 0;
    QVERIFY(with > p.objective());
  }

  // A deliberately wrong backward pass must be caught: the check is able to fail.
  void checkerDetectsAWrongGradient() {
    Problem p = makeProblem({layer(4, "tanh")}, "softmax_ce", 3);
    p.net.forward(p.X, p.mode);
    Matrix d;
    p.loss->evaluate(p.net.logits(), p.labels.data(), &p.targets, &d);
    p.net.backward(p.X, d);
    Vector analytic = p.net.grads();
    analytic(0) *= 1.01;  // a 1% error in one weight's gradient
    const double h = 1e-6;
    const double keep = p.net.params()(0);
    p.net.params()(0) = keep + h;
    const double up = p.objective();
    p.net.params()(0) = keep - h;
    const double down = p.objective();
    p.net.params()(0) = keep;
    const double numeric0 = (up - down) / (2 * h);
    QVERIFY(std::abs(analytic(0) - numeric0) / (std::abs(analytic(0)) + std::abs(numeric0)) > 1e-4);
  }

  void proximalL1MakesExactZeros() {
    Problem p = makeProblem({layer(4, "tanh")}, "softmax_ce", 3);
    p.net.params().setConstant(0.01);
    proximalL1(p.net, 0.02);
    const ParamRange w = p.net.layer(0).weights;
    QCOMPARE(p.net.params().segment(w.offset, w.size).cwiseAbs().maxCoeff(), 0.0);
    const ParamRange b = p.net.layer(0).bias;  // biases untouched
    QCOMPARE(p.net.params()(b.offset), 0.01);
  }
};

QTEST_APPLESS_MAIN(GradCheck)
#include "tst_gradcheck_f64.moc"
