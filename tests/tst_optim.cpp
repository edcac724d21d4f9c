// Optimisers: every update rule against values worked out by hand, hyperparameter changes that
// keep the state, save/restore of the state, and the errors for bad states and configurations.
#include <QtTest>

#include "core/Error.h"
#include "core/Parallel.h"
#include "core/Rng.h"
#include "optim/Optimizer.h"

#include <cmath>
#include <functional>
#include <limits>
#include <vector>

using namespace dl;

namespace {

// Relative agreement to 1e-6 (absolute 1e-7 around zero): float arithmetic over two steps stays
// within a few ulps, ~1e-7 relative.
bool close(double got, double want) { return std::abs(got - want) <= 1e-6 * std::abs(want) + 1e-7; }

QByteArray describe(const Vector& got, const std::vector<double>& want) {
  QByteArray s = "got (";
  for (Index i = 0; i < got.size(); ++i) s += QByteArray::number(got[i], 'g', 9) + (i + 1 < got.size() ? ", " : "");
  s += ") want (";
  for (std::size_t i = 0; i < want.size(); ++i)
    s += QByteArray::number(want[i], 'g', 9) + (i + 1 < want.size() ? ", " : "");
  return s + ")";
}

bool allClose(const Vector& got, const std::vector<double>& want) {
  if (got.size() != Index(want.size())) return false;
  for (Index i = 0; i < got.size(); ++i)
    if (!close(got[i], want[std::size_t(i)])) return false;
  return true;
}

#define CHECK_VEC(got, ...)                                               \
  do {                                                                    \
    const std::vector<double> want_{__VA_ARGS__};                         \
    QVERIFY2(allClose((got), want_), describe((got), want_).constData()); \
  } while (0)

Vector vec(std::initializer_list<Scalar> v) {
  Vector out(Index(v.size()));
  Index i = 0;
  for (Scalar x : v) out[i++] = x;
  return out;
}

OptimizerConfig config(const std::string& name) {
  OptimizerConfig c;
  c.name = name;
  return c;
}

// w0 = (1, −2, 0.5), g1 = (0.5, −1, 2), g2 = (1, 1, −1) unless a test says otherwise.
const Vector kW0 = vec({1.0f, -2.0f, 0.5f});
const Vector kG1 = vec({0.5f, -1.0f, 2.0f});
const Vector kG2 = vec({1.0f, 1.0f, -1.0f});

void step(Optimizer& opt, Vector& w, const Vector& g, Scalar lr) {
  opt.step(VectorMap(w.data(), w.size()), ConstVectorMap(g.data(), g.size()), lr);
}

const Vector* buffer(const OptimizerState& s, const std::string& name) {
  for (const auto& [n, v] : s.buffers)
    if (n == name) return &v;
  return nullptr;
}

bool sameState(const OptimizerState& a, const OptimizerState& b) {
  if (a.t != b.t || a.buffers.size() != b.buffers.size()) return false;
  for (std::size_t i = 0; i < a.buffers.size(); ++i)
    if (a.buffers[i].first != b.buffers[i].first || a.buffers[i].second != b.buffers[i].second) return false;
  return true;
}

// Runs f, which must throw ConfigError naming `field`; returns the error's value ("" if none).
template <class F>
std::string configErrorValue(F&& f, const std::string& field, bool* thrownForField) {
  *thrownForField = false;
  try {
    f();
  } catch (const ConfigError& e) {
    *thrownForField = e.field() == field;
    return e.value();
  }
  return {};
}

}  // namespace

class TestOptim : public QObject {
  Q_OBJECT

private slots:
  void registryNames();
  void sgd();
  void momentum();
  void nesterov();
  void adagrad();
  void rmsprop();
  void adadelta();
  void oneMinusBetaInDouble();
  void adadeltaDefaultLearningRate();
  void adam();
  void setHyperparametersKeepsState();
  void stateRoundTrip();
  void badStateThrows();
  void badHyperparametersThrow();
  void unknownNameThrows();
  void largeBufferMatchesAcrossThreads();
};

void TestOptim::registryNames() {
  const std::vector<std::string> expected = {"sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adadelta", "adam"};
  QCOMPARE(optimizerNames(), expected);
  for (const auto& name : optimizerNames()) {
    auto opt = makeOptimizer(config(name));
    QVERIFY(opt);
    QCOMPARE(opt->name(), name);
  }
}

void TestOptim::sgd() {
  auto opt = makeOptimizer(config("sgd"));
  opt->reset(3);
  Vector w = kW0;
  // w ← w − 0.1·g1 = (1 − 0.05, −2 + 0.1, 0.5 − 0.2)
  step(*opt, w, kG1, 0.1f);
  CHECK_VEC(w, 0.95, -1.9, 0.3);
  // w ← w − 0.1·g2 = (0.95 − 0.1, −1.9 − 0.1, 0.3 + 0.1)
  step(*opt, w, kG2, 0.1f);
  CHECK_VEC(w, 0.85, -2.0, 0.4);
  QCOMPARE(opt->state().t, 2LL);
  QVERIFY(opt->state().buffers.empty());
}

void TestOptim::momentum() {
  auto c = config("momentum");
  c.momentum = 0.9;
  auto opt = makeOptimizer(c);
  opt->reset(3);
  Vector w = kW0;
  // v = 0.9·0 + g1 = (0.5, −1, 2);  w = w0 − 0.1·v = (0.95, −1.9, 0.3)
  step(*opt, w, kG1, 0.1f);
  CHECK_VEC(w, 0.95, -1.9, 0.3);
  // v = 0.9·(0.5, −1, 2) + (1, 1, −1) = (0.45 + 1, −0.9 + 1, 1.8 − 1) = (1.45, 0.1, 0.8)
  // w = (0.95 − 0.145, −1.9 − 0.01, 0.3 − 0.08) = (0.805, −1.91, 0.22)
  step(*opt, w, kG2, 0.1f);
  CHECK_VEC(w, 0.805, -1.91, 0.22);
  const auto s = opt->state();
  QVERIFY(buffer(s, "velocity"));
  CHECK_VEC(*buffer(s, "velocity"), 1.45, 0.1, 0.8);
}

void TestOptim::nesterov() {
  auto c = config("nesterov");
  c.momentum = 0.9;
  auto opt = makeOptimizer(c);
  opt->reset(3);
  Vector w = kW0;
  // v = g1 = (0.5, −1, 2);  g + 0.9·v = 1.9·g1 = (0.95, −1.9, 3.8)
  // w = w0 − 0.1·(0.95, −1.9, 3.8) = (1 − 0.095, −2 + 0.19, 0.5 − 0.38) = (0.905, −1.81, 0.12)
  step(*opt, w, kG1, 0.1f);
  CHECK_VEC(w, 0.905, -1.81, 0.12);
  // v = 0.9·(0.5, −1, 2) + (1, 1, −1) = (1.45, 0.1, 0.8)
  // g + 0.9·v = (1 + 1.305, 1 + 0.09, −1 + 0.72) = (2.305, 1.09, −0.28)
  // w = (0.905 − 0.2305, −1.81 − 0.109, 0.12 + 0.028) = (0.6745, −1.919, 0.148)
  step(*opt, w, kG2, 0.1f);
  CHECK_VEC(w, 0.6745, -1.919, 0.148);
  CHECK_VEC(*buffer(opt->state(), "velocity"), 1.45, 0.1, 0.8);
}

void TestOptim::adagrad() {
  // ε = 1 so that its place (outside the square root) shows in the numbers.
  auto c = config("adagrad");
  c.epsilon = 1.0;
  auto opt = makeOptimizer(c);
  opt->reset(3);
  Vector w = kW0;
  // g1 = (3, −4, 1): G = (9, 16, 1); √G + ε = (4, 5, 2)
  // w = w0 − 0.1·(3/4, −4/5, 1/2) = (1 − 0.075, −2 + 0.08, 0.5 − 0.05) = (0.925, −1.92, 0.45)
  step(*opt, w, vec({3.0f, -4.0f, 1.0f}), 0.1f);
  CHECK_VEC(w, 0.925, -1.92, 0.45);
  // g2 = (4, 3, 0): G = (9 + 16, 16 + 9, 1 + 0) = (25, 25, 1); √G + ε = (6, 6, 2)
  // w = (0.925 − 0.1·4/6, −1.92 − 0.1·3/6, 0.45 − 0) = (0.858333333, −1.97, 0.45)
  step(*opt, w, vec({4.0f, 3.0f, 0.0f}), 0.1f);
  CHECK_VEC(w, 0.925 - 0.4 / 6.0, -1.97, 0.45);
  CHECK_VEC(*buffer(opt->state(), "sum_sq"), 25.0, 25.0, 1.0);
}

void TestOptim::rmsprop() {
  // ρ = 0.75 makes (1−ρ)·g² = g²/4 a perfect square; ε = 1 shows its place.
  auto c = config("rmsprop");
  c.rho = 0.75;
  c.epsilon = 1.0;
  auto opt = makeOptimizer(c);
  opt->reset(3);
  Vector w = kW0;
  // g1 = (2, −4, 1): s = 0.25·(4, 16, 1) = (1, 4, 0.25); √s + ε = (2, 3, 1.5)
  // w = w0 − 0.1·(2/2, −4/3, 1/1.5) = (1 − 0.1, −2 + 0.133333, 0.5 − 0.066667)
  step(*opt, w, vec({2.0f, -4.0f, 1.0f}), 0.1f);
  CHECK_VEC(w, 0.9, -2.0 + 0.4 / 3.0, 0.5 - 0.2 / 3.0);
  // g2 = (1, 2, −0.5): s = 0.75·(1, 4, 0.25) + 0.25·(1, 4, 0.25) = (1, 4, 0.25) again
  // w = w − 0.1·(1/2, 2/3, −0.5/1.5) = (0.9 − 0.05, −1.866667 − 0.066667, 0.433333 + 0.033333)
  //   = (0.85, −1.933333, 0.466667)
  step(*opt, w, vec({1.0f, 2.0f, -0.5f}), 0.1f);
  CHECK_VEC(w, 0.85, -2.0 + 0.2 / 3.0, 0.5 - 0.1 / 3.0);
  CHECK_VEC(*buffer(opt->state(), "mean_sq"), 1.0, 4.0, 0.25);
}

void TestOptim::adadelta() {
  // ρ = 0.75, ε = 1, lr = 0.5 (a multiplier on the paper's step).
  auto c = config("adadelta");
  c.rho = 0.75;
  c.epsilon = 1.0;
  auto opt = makeOptimizer(c);
  opt->reset(3);
  Vector w = kW0;
  // g1 = (1.5, −4.8, 0): E_g = 0.25·(2.25, 23.04, 0) = (0.5625, 5.76, 0)
  // √(E_g + 1) = (1.25, 2.6, 1);  √(E_Δ + 1) = 1 (E_Δ = 0)
  // Δ = −(1.5/1.25, −4.8/2.6, 0) = (−1.2, 1.846153846, 0)
  // w = w0 + 0.5·Δ = (1 − 0.6, −2 + 0.923076923, 0.5) = (0.4, −1.076923077, 0.5)
  // E_Δ = 0.25·Δ² = (0.36, 0.852071006, 0)
  step(*opt, w, vec({1.5f, -4.8f, 0.0f}), 0.5f);
  CHECK_VEC(w, 0.4, -1.076923077, 0.5);
  CHECK_VEC(*buffer(opt->state(), "mean_sq_update"), 0.36, 0.852071006, 0.0);
  // g2 = (2, 0, 1.5):
  // E_g = 0.75·(0.5625, 5.76, 0) + 0.25·(4, 0, 2.25) = (1.421875, 4.32, 0.5625)
  // component 0: Δ = −√1.36/√2.421875·2 = −(1.166190379/1.556237450)·2 = −1.498730646
  //              w = 0.4 − 0.749365323 = −0.349365323
  //              E_Δ = 0.75·0.36 + 0.25·1.498730646² = 0.27 + 0.561548387 = 0.831548387
  // component 1: g = 0, so Δ = 0; w stays; E_Δ = 0.75·0.852071006 = 0.639053254
  // component 2: like component 0 of step 1: Δ = −1.5/1.25 = −1.2; w = 0.5 − 0.6 = −0.1;
  //              E_Δ = 0.25·1.44 = 0.36
  step(*opt, w, vec({2.0f, 0.0f, 1.5f}), 0.5f);
  CHECK_VEC(w, -0.349365323, -1.076923077, -0.1);
  const auto s = opt->state();
  CHECK_VEC(*buffer(s, "mean_sq_grad"), 1.421875, 4.32, 0.5625);
  CHECK_VEC(*buffer(s, "mean_sq_update"), 0.831548387, 0.639053254, 0.36);
}

void TestOptim::adam() {
  // β1 = 0.5, β2 = 0.75 so the two bias corrections differ visibly; ε = 0.5 shows its place.
  auto c = config("adam");
  c.beta1 = 0.5;
  c.beta2 = 0.75;
  c.epsilon = 0.5;
  auto opt = makeOptimizer(c);
  opt->reset(3);
  Vector w = kW0;
  // t = 1: m = 0.5·g1, v = 0.25·g1²; m̂ = m/0.5 = g1; v̂ = v/0.25 = g1², √v̂ = |g1| = (0.5, 1, 2)
  // w = w0 − 0.1·g1/(|g1| + 0.5) = (1 − 0.1·0.5/1, −2 + 0.1·1/1.5, 0.5 − 0.1·2/2.5)
  //   = (0.95, −1.933333333, 0.42)
  step(*opt, w, kG1, 0.1f);
  CHECK_VEC(w, 0.95, -2.0 + 0.1 / 1.5, 0.42);
  // t = 2: m = 0.5·(0.25, −0.5, 1) + 0.5·(1, 1, −1) = (0.625, 0.25, 0)
  //        v = 0.75·(0.0625, 0.25, 1) + 0.25·(1, 1, 1) = (0.296875, 0.4375, 1)
  //        1 − β1² = 0.75, 1 − β2² = 0.4375
  //        m̂ = (0.833333333, 0.333333333, 0); v̂ = (0.678571429, 1, 2.285714286)
  // component 0: w = 0.95 − 0.1·0.833333333/(0.823754471 + 0.5) = 0.95 − 0.062952258 = 0.887047742
  // component 1: w = −1.933333333 − 0.1·0.333333333/(1 + 0.5) = −1.955555556
  // component 2: m = 0, so w stays 0.42
  step(*opt, w, kG2, 0.1f);
  CHECK_VEC(w, 0.887047742, -1.955555556, 0.42);
  const auto s = opt->state();
  QCOMPARE(s.t, 2LL);
  CHECK_VEC(*buffer(s, "m"), 0.625, 0.25, 0.0);
  CHECK_VEC(*buffer(s, "v"), 0.296875, 0.4375, 1.0);
}

// 1 − β from double, as PyTorch: with β2 = 0.999 one step of g = 1 leaves v = float(0.001), not
// 1 − float(0.999) = 0.000999987 (a 1.3e-5 relative error that made each step ~6e-6 too large).
// Likewise RMSProp's and Adadelta's 1 − ρ.
void TestOptim::oneMinusBetaInDouble() {
  for (const char* name : {"adam", "rmsprop", "adadelta"}) {
    auto c = config(name);
    c.beta2 = 0.999;
    c.rho = 0.999;
    auto opt = makeOptimizer(c);
    opt->reset(1);
    Vector w = vec({0.0f});
    step(*opt, w, vec({1.0f}), 0.1f);
    const auto s = opt->state();
    const Vector* v = buffer(s, std::string(name) == "adam" ? "v" : std::string(name) == "rmsprop" ? "mean_sq" : "mean_sq_grad");
    QVERIFY2(v, name);
    QCOMPARE((*v)[0], static_cast<Scalar>(1.0 - 0.999));
    QVERIFY((*v)[0] != Scalar(1) - static_cast<Scalar>(0.999));
  }
}

void TestOptim::adadeltaDefaultLearningRate() {
  QCOMPARE(defaultLearningRate("adadelta"), 1.0);
  for (const std::string& n : optimizerNames())
    if (n != "adadelta") QCOMPARE(defaultLearningRate(n), OptimizerConfig{}.learningRate);
  // At lr 1 Adadelta moves the way the paper's method does; at 0.03 it barely moves: on
  // f(w) = w²/2 from w = 1, 300 steps reach w < 0.5 at lr 1 and stay above 0.95 at lr 0.03.
  for (const double lr : {1.0, 0.03}) {
    auto c = config("adadelta");
    c.epsilon = 1e-6;
    auto opt = makeOptimizer(c);
    opt->reset(1);
    Vector w = vec({1.0f});
    for (int i = 0; i < 300; ++i) step(*opt, w, w, static_cast<Scalar>(lr));
    if (lr == 1.0) QVERIFY2(w[0] < 0.5f, QByteArray::number(w[0]).constData());
    else QVERIFY2(w[0] > 0.95f, QByteArray::number(w[0]).constData());
  }
}

void TestOptim::setHyperparametersKeepsState() {
  // Momentum by hand: step 1 with μ = 0.9 gives v = g1 = (0.5, −1, 2), w = (0.95, −1.9, 0.3).
  // Then μ = 0.5: v = 0.5·(0.5, −1, 2) + (1, 1, −1) = (1.25, 0.5, 0)
  // w = (0.95 − 0.125, −1.9 − 0.05, 0.3 − 0) = (0.825, −1.95, 0.3). (A reset would give v = g2.)
  auto c = config("momentum");
  auto opt = makeOptimizer(c);
  opt->reset(3);
  Vector w = kW0;
  step(*opt, w, kG1, 0.1f);
  c.momentum = 0.5;
  opt->setHyperparameters(c);
  step(*opt, w, kG2, 0.1f);
  CHECK_VEC(w, 0.825, -1.95, 0.3);

  // Every optimiser: the state is the same object before and after a change.
  for (const auto& name : optimizerNames()) {
    auto o = makeOptimizer(config(name));
    o->reset(3);
    Vector x = kW0;
    step(*o, x, kG1, 0.1f);
    const OptimizerState before = o->state();
    OptimizerConfig d = config(name);
    d.momentum = 0.3;
    d.beta1 = 0.8;
    d.beta2 = 0.99;
    d.rho = 0.5;
    d.epsilon = 1e-4;
    o->setHyperparameters(d);
    QVERIFY2(sameState(before, o->state()), name.c_str());
  }
}

void TestOptim::stateRoundTrip() {
  for (const auto& name : optimizerNames()) {
    auto a = makeOptimizer(config(name));
    a->reset(3);
    Vector wa = kW0;
    step(*a, wa, kG1, 0.1f);
    step(*a, wa, kG2, 0.1f);
    const OptimizerState saved = a->state();
    QCOMPARE(saved.t, 2LL);

    auto b = makeOptimizer(config(name));
    b->reset(3);
    b->setState(saved);
    QVERIFY2(sameState(saved, b->state()), name.c_str());

    // Both continue identically from the same weights.
    Vector wb = wa;
    const Vector g3 = vec({-0.25f, 0.75f, 1.5f});
    step(*a, wa, g3, 0.1f);
    step(*b, wb, g3, 0.1f);
    QVERIFY2(wa == wb, name.c_str());
    QVERIFY2(sameState(a->state(), b->state()), name.c_str());
  }
}

void TestOptim::badStateThrows() {
  auto opt = makeOptimizer(config("adam"));
  opt->reset(3);
  Vector w = kW0;
  step(*opt, w, kG1, 0.1f);
  const OptimizerState good = opt->state();

  auto expectThrow = [&](OptimizerState s, const char* what) {
    bool threw = false;
    try {
      opt->setState(s);
    } catch (const ConfigError&) {
      threw = true;
    }
    QVERIFY2(threw, what);
    QVERIFY2(sameState(good, opt->state()), what);  // a rejected state changes nothing
  };

  OptimizerState s = good;
  s.buffers[1].second = Vector::Zero(4);
  expectThrow(s, "wrong size");
  s = good;
  s.buffers[0].first = "velocity";
  expectThrow(s, "wrong name");
  s = good;
  s.buffers.pop_back();
  expectThrow(s, "missing buffer");
  s = good;
  s.buffers.push_back(good.buffers[0]);
  expectThrow(s, "buffer twice");
  s = good;
  s.t = -1;
  expectThrow(s, "negative t");

  // Buffers in another order are accepted.
  s = good;
  std::swap(s.buffers[0], s.buffers[1]);
  opt->setState(s);
  QVERIFY(sameState(good, opt->state()));

  // An optimiser without buffers rejects any buffer; momentum rejects Adam's.
  auto sgd = makeOptimizer(config("sgd"));
  sgd->reset(3);
  bool threw = false;
  try {
    sgd->setState(good);
  } catch (const ConfigError& e) {
    threw = e.field() == "state.optimizer.buffers";
  }
  QVERIFY(threw);
  auto momentum = makeOptimizer(config("momentum"));
  momentum->reset(3);
  QVERIFY_THROWS_EXCEPTION(ConfigError, momentum->setState(good));
}

void TestOptim::badHyperparametersThrow() {
  struct Case {
    const char* field;
    const char* value;
    std::function<void(OptimizerConfig&)> set;
  };
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const std::vector<Case> cases = {
      {"optimizer.lr", "0", [](OptimizerConfig& c) { c.learningRate = 0.0; }},
      {"optimizer.lr", "-0.1", [](OptimizerConfig& c) { c.learningRate = -0.1; }},
      {"optimizer.lr", "inf", [&](OptimizerConfig& c) { c.learningRate = inf; }},
      {"optimizer.lr", "nan", [&](OptimizerConfig& c) { c.learningRate = nan; }},
      {"optimizer.momentum", "1", [](OptimizerConfig& c) { c.momentum = 1.0; }},
      {"optimizer.momentum", "-0.1", [](OptimizerConfig& c) { c.momentum = -0.1; }},
      {"optimizer.beta1", "1.5", [](OptimizerConfig& c) { c.beta1 = 1.5; }},
      {"optimizer.beta2", "1", [](OptimizerConfig& c) { c.beta2 = 1.0; }},
      {"optimizer.rho", "-0.5", [](OptimizerConfig& c) { c.rho = -0.5; }},
      {"optimizer.rho", "nan", [&](OptimizerConfig& c) { c.rho = nan; }},
      {"optimizer.epsilon", "0", [](OptimizerConfig& c) { c.epsilon = 0.0; }},
      {"optimizer.epsilon", "inf", [&](OptimizerConfig& c) { c.epsilon = inf; }},
  };
  for (const auto& name : optimizerNames()) {
    auto existing = makeOptimizer(config(name));
    for (const auto& k : cases) {
      OptimizerConfig c = config(name);
      k.set(c);
      const QByteArray where = QByteArray(name.c_str()) + " " + k.field + "=" + k.value;
      bool ok = false;
      const std::string value = configErrorValue([&] { makeOptimizer(c); }, k.field, &ok);
      QVERIFY2(ok, where.constData());
      QCOMPARE(value, std::string(k.value));
      configErrorValue([&] { existing->setHyperparameters(c); }, k.field, &ok);
      QVERIFY2(ok, ("setHyperparameters " + where).constData());
    }
  }
  // The message names the field, the value and the reason.
  OptimizerConfig c = config("adam");
  c.beta1 = 1.5;
  try {
    makeOptimizer(c);
    QFAIL("no exception");
  } catch (const ConfigError& e) {
    const std::string msg = e.what();
    QVERIFY2(msg.find("optimizer.beta1") != std::string::npos, msg.c_str());
    QVERIFY2(msg.find("1.5") != std::string::npos, msg.c_str());
    QVERIFY2(msg.find("[0, 1)") != std::string::npos, msg.c_str());
  }
}

void TestOptim::unknownNameThrows() {
  bool ok = false;
  const std::string value = configErrorValue([] { makeOptimizer(config("adamw")); }, "optimizer.name", &ok);
  QVERIFY(ok);
  QCOMPARE(value, std::string("adamw"));
  configErrorValue([] { makeOptimizer(config("")); }, "optimizer.name", &ok);
  QVERIFY(ok);
}

// Above 65,536 values the update runs in chunks on several threads; every update is element-wise,
// so the result must be bit-for-bit the one-thread result, and match a 1-value optimiser.
void TestOptim::largeBufferMatchesAcrossThreads() {
  const Index n = 200'003;  // not a multiple of the chunk size
  Rng rng(7);
  Vector w0(n), g1(n), g2(n);
  for (Index i = 0; i < n; ++i) {
    w0[i] = Scalar(rng.normal());
    g1[i] = Scalar(rng.normal());
    g2[i] = Scalar(rng.normal());
  }
  for (const auto& name : optimizerNames()) {
    Vector results[2];
    for (int threads : {1, 2}) {
      setThreadCount(threads);
      auto opt = makeOptimizer(config(name));
      opt->reset(n);
      Vector w = w0;
      step(*opt, w, g1, 0.01f);
      step(*opt, w, g2, 0.01f);
      results[threads - 1] = w;
    }
    setThreadCount(1);
    QVERIFY2(results[0] == results[1], name.c_str());
    for (Index i : {Index(0), Index(70'000), n - 1}) {
      auto one = makeOptimizer(config(name));
      one->reset(1);
      Vector w = w0.segment(i, 1);
      step(*one, w, g1.segment(i, 1), 0.01f);
      step(*one, w, g2.segment(i, 1), 0.01f);
      QVERIFY2(close(results[1][i], w[0]), name.c_str());
    }
  }
}

QTEST_APPLESS_MAIN(TestOptim)
#include "tst_optim.moc"
