// The recurrent cells in double precision against numbers worked out from their equations here
// (two steps of each, with tiny hand-picked weights), and the recurrent initialisations' spectra:
// orthogonal with gain g has every eigenvalue on the circle of radius g, identity has them all at 1.
#include "nn/Recurrent.h"

#include <QtTest>

#include <Eigen/SVD>

#include <cmath>

using namespace dl;

namespace {

double sigmoid(double z) { return 1.0 / (1.0 + std::exp(-z)); }

std::span<const Scalar> view(const std::vector<double>& v) { return {v.data(), v.size()}; }

LayerSpec spec(const char* kind, Index units, bool allSteps = true) {
  LayerSpec s;
  s.kind = kind;
  s.units = units;
  s.returnSequences = allSteps;
  return s;
}

// Two steps of two features, one sample: x(f·T + t) with x₀ = (1, −0.5), x₁ = (0.3, 0.8).
Matrix twoSteps() {
  Matrix x(4, 1);
  x << 1.0, 0.3, -0.5, 0.8;
  return x;
}

const Matrix& run(Layer& layer, const std::vector<double>& params, const Matrix& x) {
  return layer.forward(x, Pass{}, view(params), {});
}

}  // namespace

class TestRecurrentF64 : public QObject {
  Q_OBJECT
private slots:
  // h_t = tanh(w·x_t + u·h_{t−1} + b), one unit.
  void rnnSteps() {
    const auto layer = makeLayer(spec("rnn", 1), {2, 1, 1, 2}, "rnn");
    // W (1, 2) | U (1, 1) | b
    const std::vector<double> p = {0.4, -0.3, 0.9, 0.1};
    const Matrix& y = run(*layer, p, twoSteps());
    const double h0 = std::tanh(0.4 * 1.0 - 0.3 * -0.5 + 0.1);
    const double h1 = std::tanh(0.4 * 0.3 - 0.3 * 0.8 + 0.9 * h0 + 0.1);
    QVERIFY(std::abs(y(0, 0) - h0) < 1e-15);
    QVERIFY(std::abs(y(1, 0) - h1) < 1e-15);
  }

  // One unit, gates i f g o: W (4, 2) column-major, U (4, 1), b (4).
  void lstmSteps() {
    const auto made = makeLayer(spec("lstm", 1), {2, 1, 1, 2}, "lstm");
    const std::vector<double> p = {0.1,  0.3,  -0.4, 0.25,   // W(:, 0): i f g o
                                   -0.2, 0.05, 0.2,  -0.1,   // W(:, 1)
                                   0.5,  -0.3, 0.2,  0.4,    // U
                                   0.1,  0.2,  -0.1, 0.05};  // b
    const Matrix& y = run(*made, p, twoSteps());
    // Step 0 from h = c = 0.
    const double i0 = sigmoid(0.1 * 1.0 + -0.2 * -0.5 + 0.1);
    const double f0 = sigmoid(0.3 * 1.0 + 0.05 * -0.5 + 0.2);
    const double g0 = std::tanh(-0.4 * 1.0 + 0.2 * -0.5 - 0.1);
    const double o0 = sigmoid(0.25 * 1.0 + -0.1 * -0.5 + 0.05);
    const double c0 = f0 * 0.0 + i0 * g0;
    const double h0 = o0 * std::tanh(c0);
    // Step 1.
    const double i1 = sigmoid(0.1 * 0.3 + -0.2 * 0.8 + 0.5 * h0 + 0.1);
    const double f1 = sigmoid(0.3 * 0.3 + 0.05 * 0.8 - 0.3 * h0 + 0.2);
    const double g1 = std::tanh(-0.4 * 0.3 + 0.2 * 0.8 + 0.2 * h0 - 0.1);
    const double o1 = sigmoid(0.25 * 0.3 + -0.1 * 0.8 + 0.4 * h0 + 0.05);
    const double c1 = f1 * c0 + i1 * g1;
    const double h1 = o1 * std::tanh(c1);
    QVERIFY(std::abs(y(0, 0) - h0) < 1e-15);
    QVERIFY(std::abs(y(1, 0) - h1) < 1e-15);
    const Recurrent& cell = dynamic_cast<const Recurrent&>(*made);
    QVERIFY(std::abs(cell.cellStates()(0, 1) - c0) < 1e-15);
    QVERIFY(std::abs(cell.cellStates()(0, 2) - c1) < 1e-15);
    const Matrix& gates = cell.gateActivations();  // (4, T·B)
    QVERIFY(std::abs(gates(1, 1) - f1) < 1e-15);
    QVERIFY(std::abs(gates(2, 0) - g0) < 1e-15);
  }

  // One unit, gates r z n: W (3, 2) column-major, U (3, 1), b (3), b_hn.
  void gruSteps() {
    const auto made = makeLayer(spec("gru", 1), {2, 1, 1, 2}, "gru");
    const std::vector<double> p = {0.2,  -0.1, 0.3,   // W(:, 0): r z n
                                   0.4,  0.6,  -0.5,  // W(:, 1)
                                   -0.3, 0.2,  0.7,   // U
                                   0.05, -0.2, 0.1,   // b
                                   0.15};             // b_hn
    const Matrix& y = run(*made, p, twoSteps());
    const double r0 = sigmoid(0.2 * 1.0 + 0.4 * -0.5 + 0.05);
    const double z0 = sigmoid(-0.1 * 1.0 + 0.6 * -0.5 - 0.2);
    const double n0 = std::tanh(0.3 * 1.0 - 0.5 * -0.5 + 0.1 + r0 * (0.7 * 0.0 + 0.15));
    const double h0 = (1 - z0) * 0.0 + z0 * n0;
    const double r1 = sigmoid(0.2 * 0.3 + 0.4 * 0.8 - 0.3 * h0 + 0.05);
    const double z1 = sigmoid(-0.1 * 0.3 + 0.6 * 0.8 + 0.2 * h0 - 0.2);
    const double n1 = std::tanh(0.3 * 0.3 - 0.5 * 0.8 + 0.1 + r1 * (0.7 * h0 + 0.15));
    const double h1 = (1 - z1) * h0 + z1 * n1;
    QVERIFY(std::abs(y(0, 0) - h0) < 1e-15);
    QVERIFY(std::abs(y(1, 0) - h1) < 1e-15);
    // Many-to-one gives the last step only.
    const auto last = makeLayer(spec("gru", 1, false), {2, 1, 1, 2}, "gru");
    QCOMPARE(last->outputShape(), Shape::flat(1));
    QCOMPARE(run(*last, p, twoSteps())(0, 0), y(1, 0));
  }

  // z is the update gate: held at 0 (b_z = −60, σ ≈ 10⁻²⁶), h_t = h_{t−1} whatever the input, and
  // the gradient passes back unchanged (the step's Jacobian is the identity).
  void gruUpdateGateShutPassesStateThrough() {
    const Index F = 2, H = 3, T = 5, B = 2;
    const auto made = makeLayer(spec("gru", H, false), {F, 1, 1, T}, "gru");
    auto& cell = dynamic_cast<Recurrent&>(*made);
    std::vector<double> p(static_cast<std::size_t>(cell.paramCount()));
    Rng rng(9);
    for (double& v : p) v = rng.normal();
    for (Index u = 0; u < H; ++u) p[static_cast<std::size_t>(cell.biasRange().offset + H + u)] = -60;
    Matrix h0(H, B), x(F * T, B), dy(H, B), grads(cell.paramCount(), 1);
    for (Index i = 0; i < h0.size(); ++i) h0.data()[i] = rng.normal();
    for (Index i = 0; i < x.size(); ++i) x.data()[i] = rng.normal();
    for (Index i = 0; i < dy.size(); ++i) dy.data()[i] = rng.normal();
    cell.setInitialState(h0);
    QVERIFY(run(cell, p, x) == h0);
    cell.backward(x, dy, view(p), {grads.data(), p.size()}, false);
    for (double n : cell.stepGradientNorms()) QVERIFY(std::abs(n - cell.stepGradientNorms().back()) < 1e-12);
  }

  // stateJacobian's ∂h_to/∂h_from against central differences: the steps from + 1 … to run again
  // by a layer of their own, started from h_from (and the LSTM's c_from, held fixed), with each
  // unit of h_from moved by ±1e-6.
  void stateJacobianAgainstFiniteDifferences() {
    const Index F = 2, H = 4, T = 7, from = 2, to = 5;
    for (const char* kind : {"rnn", "lstm", "gru"}) {
      const auto full = makeLayer(spec(kind, H), {F, 1, 1, T}, "r");
      const auto part = makeLayer(spec(kind, H), {F, 1, 1, to - from}, "r");
      auto& a = dynamic_cast<Recurrent&>(*full);
      auto& b = dynamic_cast<Recurrent&>(*part);
      std::vector<double> p(static_cast<std::size_t>(a.paramCount()));
      Rng rng(21);
      for (double& v : p) v = 0.6 * rng.normal();
      Matrix x(F * T, 1), xs(F * (to - from), 1);
      for (Index i = 0; i < x.size(); ++i) x.data()[i] = rng.normal();
      for (Index f = 0; f < F; ++f)
        for (Index t = from + 1; t <= to; ++t) xs(f * (to - from) + t - from - 1, 0) = x(f * T + t, 0);
      const Recurrent::Trace tr = a.trace(x, view(p));
      const Matrix h = tr.hidden.col(from + 1), c = tr.cell.size() ? Matrix(tr.cell.col(from + 1)) : Matrix();
      Eigen::MatrixXd fd(H, H);
      const Index Tp = to - from;
      for (Index j = 0; j < H; ++j) {
        Matrix hp = h, hm = h;
        hp(j, 0) += 1e-6;
        hm(j, 0) -= 1e-6;
        b.setInitialState(hp, c);
        const Matrix yp = run(b, p, xs);
        b.setInitialState(hm, c);
        const Matrix ym = run(b, p, xs);
        for (Index i = 0; i < H; ++i) fd(i, j) = (yp(i * Tp + Tp - 1, 0) - ym(i * Tp + Tp - 1, 0)) / 2e-6;
      }
      const Eigen::MatrixXd J = a.stateJacobian(x, from, to, view(p));
      QVERIFY2((J - fd).cwiseAbs().maxCoeff() < 1e-8 * std::max(1.0, fd.cwiseAbs().maxCoeff()),
               qPrintable(QString("%1: %2").arg(kind).arg((J - fd).cwiseAbs().maxCoeff())));
      QVERIFY(fd.cwiseAbs().maxCoeff() > 1e-3);  // not trivially zero
      QVERIFY((a.stateJacobian(x, 3, 3, view(p)) - Eigen::MatrixXd::Identity(H, H)).norm() == 0);
      // The norms along the sequence: each the largest singular value of that Jacobian.
      const std::vector<double> norms = a.stateJacobianNorms(x, to, view(p));
      QCOMPARE(norms.size(), std::size_t(to + 1));
      for (Index s = 0; s <= to; ++s) {
        const double expect =
            Eigen::JacobiSVD<Eigen::MatrixXd>(a.stateJacobian(x, s, to, view(p))).singularValues()(0);
        QVERIFY2(std::abs(norms[static_cast<std::size_t>(s)] - expect) <= 1e-12 * std::max(1.0, expect),
                 qPrintable(QString("%1 s=%2: %3 vs %4").arg(kind).arg(s).arg(norms[static_cast<std::size_t>(s)]).arg(expect)));
      }
      QCOMPARE(norms.back(), 1.0);
      QVERIFY(norms.front() != norms.back());  // the sweep moved
    }
  }

  // Orthogonal recurrent weights times g: every eigenvalue has modulus g, so the spectral radius
  // is g (to rounding, 1e-9); identity: every eigenvalue is exactly 1.
  void recurrentSpectra() {
    InitConfig init;
    for (const char* kind : {"rnn", "lstm", "gru"})
      for (double gain : {0.5, 1.0, 2.5}) {
        LayerSpec s = spec(kind, 16);
        s.recurrentInit = "orthogonal";
        s.recurrentGain = gain;
        const auto made = makeLayer(s, {3, 1, 1, 4}, "r");
        const Recurrent& cell = dynamic_cast<const Recurrent&>(*made);
        std::vector<double> p(static_cast<std::size_t>(cell.paramCount()));
        Rng rng(5);
        cell.initialize(init, rng, {p.data(), p.size()}, {});
        for (Index g = 0; g < static_cast<Index>(cell.gateNames().size()); ++g) {
          QVERIFY(std::abs(cell.spectralRadius(view(p), g) - gain) < 1e-9);
          const Eigen::VectorXcd lambda = cell.recurrentEigenvalues(view(p), g);
          QCOMPARE(lambda.size(), Index(16));
          QVERIFY((lambda.cwiseAbs().array() - gain).abs().maxCoeff() < 1e-9);
        }
        s.recurrentInit = "identity";
        s.recurrentGain = 1.0;
        const auto id = makeLayer(s, {3, 1, 1, 4}, "r");
        const Recurrent& idCell = dynamic_cast<const Recurrent&>(*id);
        idCell.initialize(init, rng, {p.data(), p.size()}, {});
        for (Index g = 0; g < static_cast<Index>(idCell.gateNames().size()); ++g) {
          const Eigen::VectorXcd lambda = idCell.recurrentEigenvalues(view(p), g);
          for (Index k = 0; k < lambda.size(); ++k) QCOMPARE(lambda(k), std::complex<double>(1.0, 0.0));
          QCOMPARE(idCell.spectralRadius(view(p), g), 1.0);
        }
      }
  }

  // The LSTM's forget-gate bias is set on the forget rows only; the other biases are init.bias.
  void lstmForgetBias() {
    LayerSpec s = spec("lstm", 3);
    s.forgetBias = 4.5;
    const auto made = makeLayer(s, {2, 1, 1, 2}, "l");
    std::vector<double> p(static_cast<std::size_t>(made->paramCount()));
    InitConfig init;
    init.bias = 0.25;
    Rng rng(1);
    made->initialize(init, rng, {p.data(), p.size()}, {});
    const ParamRange b = made->biasRange();
    QCOMPARE(b.size, Index(12));
    for (Index k = 0; k < 12; ++k) QCOMPARE(p[static_cast<std::size_t>(b.offset + k)], k >= 3 && k < 6 ? 4.5 : 0.25);
    // Deterministic from the seed.
    std::vector<double> q(p.size());
    Rng again(1);
    made->initialize(init, again, {q.data(), q.size()}, {});
    QVERIFY(p == q);
  }
};

QTEST_APPLESS_MAIN(TestRecurrentF64)
#include "tst_recurrent_f64.moc"
