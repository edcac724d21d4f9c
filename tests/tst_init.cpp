// Weight initialisers: sample mean and variance of each scheme against its formula on a large
// layer, orthogonality, determinism, and the errors for bad configurations.
#include <QtTest>

#include "core/Error.h"
#include "core/Rng.h"
#include "init/Initializer.h"

#include <cmath>
#include <limits>
#include <vector>

using namespace dl;

namespace {

// The test layer: fan_out = 400 rows, fan_in = 300 columns, N = 120,000 weights.
constexpr Index kOut = 400;
constexpr Index kIn = 300;
constexpr double kN = double(kOut * kIn);

InitConfig config(const std::string& scheme) {
  InitConfig c;
  c.scheme = scheme;
  return c;
}

Matrix initialized(const InitConfig& c, Index rows, Index cols, std::uint64_t seed) {
  Matrix W(rows, cols);
  W.setConstant(Scalar(123));  // must be overwritten
  Rng rng(seed);
  initializeWeights(c, MatrixMap(W.data(), rows, cols), rng);
  return W;
}

struct Moments {
  double mean;
  double variance;
};

Moments moments(const Matrix& W) {
  const Eigen::ArrayXd w = W.reshaped().cast<double>().array();
  const double mean = w.mean();
  return {mean, (w - mean).square().sum() / double(w.size() - 1)};
}

}  // namespace

class TestInit : public QObject {
  Q_OBJECT

private slots:
  void registryNames();
  void constantSchemes();
  void randomSchemes_data();
  void randomSchemes();
  void uniformStaysInsideLimit();
  void orthogonal_data();
  void orthogonal();
  void deterministic();
  void badConfigsThrow();
};

void TestInit::registryNames() {
  const std::vector<std::string> expected = {"zeros",          "constant",      "normal",    "uniform",
                                             "xavier_uniform", "xavier_normal", "he_normal", "he_uniform",
                                             "lecun_normal",   "orthogonal"};
  QCOMPARE(initializerNames(), expected);
}

void TestInit::constantSchemes() {
  QVERIFY(initialized(config("zeros"), 7, 5, 1).isZero(0));
  auto c = config("constant");
  c.value = 0.25;
  QVERIFY((initialized(c, 7, 5, 1).array() == Scalar(0.25)).all());
  QCOMPARE(initializerStdDev(config("zeros"), kIn, kOut), 0.0);
  QCOMPARE(initializerStdDev(c, kIn, kOut), 0.0);
}

// Expected standard deviations for the (400, 300) layer, worked out by hand:
//   normal σ = 0.05                          uniform L = 0.05: σ = 0.05/√3 = 0.028867513
//   xavier: 2/(300 + 400) = 0.002857143, σ = 0.053452248 (uniform limit √(6/700) = 0.092582010)
//   he:     2/300 = 0.006666667,          σ = 0.081649658 (uniform limit √(6/300) = 0.141421356)
//   lecun:  1/300 = 0.003333333,          σ = 0.057735027
//   orthogonal (gain 1): σ = 1/√max(300, 400) = 0.05
// Tolerances, from the sampling error with N = 120,000 (each bound is 5 standard errors):
//   mean: SE = σ/√N = 0.00289·σ                         → |mean| < 0.0145·σ
//   variance, normal:  SE/σ² = √(2/N) = 0.00408           → within 2.1 %
//   variance, uniform: Var(w²) = L⁴/5 − L⁴/9 = 4L⁴/45, SE/σ² = 3·√(4/45/N) = 0.00258 → within 1.3 %
// A wrong formula (e.g. Xavier-normal with σ² = 1/(fan_in + fan_out)) is off by ≥ 25 % and fails.
void TestInit::randomSchemes_data() {
  QTest::addColumn<QString>("scheme");
  QTest::addColumn<double>("sigma");
  QTest::addColumn<double>("varianceTolerance");
  QTest::newRow("normal") << "normal" << 0.05 << 0.021;
  QTest::newRow("uniform") << "uniform" << 0.028867513 << 0.013;
  QTest::newRow("xavier_uniform") << "xavier_uniform" << 0.053452248 << 0.013;
  QTest::newRow("xavier_normal") << "xavier_normal" << 0.053452248 << 0.021;
  QTest::newRow("he_normal") << "he_normal" << 0.081649658 << 0.021;
  QTest::newRow("he_uniform") << "he_uniform" << 0.081649658 << 0.013;
  QTest::newRow("lecun_normal") << "lecun_normal" << 0.057735027 << 0.021;
  // Exact for the orthogonal scheme up to the mean removed: no sampling error in Σw².
  QTest::newRow("orthogonal") << "orthogonal" << 0.05 << 0.001;
}

void TestInit::randomSchemes() {
  QFETCH(QString, scheme);
  QFETCH(double, sigma);
  QFETCH(double, varianceTolerance);
  auto c = config(scheme.toStdString());
  c.sigma = 0.05;
  c.limit = 0.05;

  QVERIFY(std::abs(initializerStdDev(c, kIn, kOut) - sigma) < 1e-8);

  const Moments m = moments(initialized(c, kOut, kIn, 42));
  QVERIFY2(std::abs(m.mean) < 5.0 * sigma / std::sqrt(kN), qPrintable(QString("mean %1").arg(m.mean)));
  const double ratio = m.variance / (sigma * sigma);
  QVERIFY2(std::abs(ratio - 1.0) < varianceTolerance,
           qPrintable(QString("variance / expected = %1").arg(ratio, 0, 'f', 5)));
}

void TestInit::uniformStaysInsideLimit() {
  // Xavier-uniform on (400, 300): limit √(6/700) = 0.092582010; with 120,000 draws the largest
  // |w| is within 0.1 % of the limit (P(all below 0.999·L) = 0.999^120000 ≈ e^-120).
  const double limit = std::sqrt(6.0 / 700.0);
  const Matrix W = initialized(config("xavier_uniform"), kOut, kIn, 3);
  const double largest = W.cwiseAbs().maxCoeff();
  QVERIFY(largest <= limit);
  QVERIFY(largest > 0.999 * limit);
}

void TestInit::orthogonal_data() {
  QTest::addColumn<int>("rows");
  QTest::addColumn<int>("cols");
  QTest::addColumn<double>("gain");
  QTest::newRow("tall 400x300") << 400 << 300 << 1.0;
  QTest::newRow("wide 300x400") << 300 << 400 << 1.0;
  QTest::newRow("square 64x64 gain 2") << 64 << 64 << 2.0;
  QTest::newRow("tall 400x300 gain 1.5") << 400 << 300 << 1.5;
}

// Tall W (rows ≥ cols): orthonormal columns, WᵀW = gain²·I.
// Wide W (rows < cols): orthonormal rows, WWᵀ = gain²·I.
// Float rounding over 400-term dot products of ~0.05-sized values stays near 1e-6·gain².
void TestInit::orthogonal() {
  QFETCH(int, rows);
  QFETCH(int, cols);
  QFETCH(double, gain);
  auto c = config("orthogonal");
  c.gain = gain;
  const Eigen::MatrixXd W = initialized(c, rows, cols, 5).cast<double>();
  const Eigen::MatrixXd G = rows >= cols ? Eigen::MatrixXd(W.transpose() * W) : Eigen::MatrixXd(W * W.transpose());
  const Index k = std::min(rows, cols);
  const double err = (G - gain * gain * Eigen::MatrixXd::Identity(k, k)).cwiseAbs().maxCoeff();
  QVERIFY2(err < 1e-4 * gain * gain, qPrintable(QString("max |G − gain²·I| = %1").arg(err)));
  if (rows == cols) {  // square: both products are gain²·I
    const double err2 = (W.transpose() * W - gain * gain * Eigen::MatrixXd::Identity(k, k)).cwiseAbs().maxCoeff();
    QVERIFY(err2 < 1e-4 * gain * gain);
  }
}

void TestInit::deterministic() {
  for (const auto& scheme : initializerNames()) {
    const auto c = config(scheme);
    const Matrix a = initialized(c, 40, 30, 11);
    const Matrix b = initialized(c, 40, 30, 11);
    QVERIFY2(a == b, scheme.c_str());
    if (scheme != "zeros" && scheme != "constant") {
      const Matrix other = initialized(c, 40, 30, 12);
      QVERIFY2(a != other, scheme.c_str());
    }
  }
  // Two layers drawn in turn from one generator differ (the generator advances).
  Rng rng(1);
  Matrix W1(10, 10), W2(10, 10);
  initializeWeights(config("he_normal"), MatrixMap(W1.data(), 10, 10), rng);
  initializeWeights(config("he_normal"), MatrixMap(W2.data(), 10, 10), rng);
  QVERIFY(W1 != W2);
}

void TestInit::badConfigsThrow() {
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  struct Case {
    const char* scheme;
    const char* field;
    const char* value;
    double InitConfig::*member;
    double bad;
  };
  const std::vector<Case> cases = {
      {"normal", "init.sigma", "0", &InitConfig::sigma, 0.0},
      {"normal", "init.sigma", "-0.1", &InitConfig::sigma, -0.1},
      {"normal", "init.sigma", "inf", &InitConfig::sigma, inf},
      {"uniform", "init.limit", "0", &InitConfig::limit, 0.0},
      {"uniform", "init.limit", "nan", &InitConfig::limit, nan},
      {"orthogonal", "init.gain", "0", &InitConfig::gain, 0.0},
      {"orthogonal", "init.gain", "nan", &InitConfig::gain, nan},
      {"constant", "init.value", "inf", &InitConfig::value, inf},
      {"he_normal", "init.bias", "nan", &InitConfig::bias, nan},
  };
  for (const auto& k : cases) {
    InitConfig c = config(k.scheme);
    c.*k.member = k.bad;
    const QByteArray where = QByteArray(k.field) + "=" + k.value;
    for (int viaStdDev : {0, 1}) {
      bool ok = false;
      try {
        if (viaStdDev)
          initializerStdDev(c, 3, 2);
        else
          initialized(c, 2, 3, 1);
      } catch (const ConfigError& e) {
        ok = e.field() == k.field && e.value() == k.value;
      }
      QVERIFY2(ok, where.constData());
    }
  }
  bool ok = false;
  try {
    initialized(config("glorot"), 2, 3, 1);
  } catch (const ConfigError& e) {
    ok = e.field() == "init.scheme" && e.value() == "glorot";
  }
  QVERIFY(ok);
}

QTEST_APPLESS_MAIN(TestInit)
#include "tst_init.moc"
