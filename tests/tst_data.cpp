// Data generation and preparation: every generator's size, classes, ranges and determinism; class
// imbalance; stratified splits; preprocessing fitted on the training part only; resampling counts
// and SMOTE geometry; and the ConfigError of each bad DataConfig field.
#include <QtTest>

#include "core/Error.h"
#include "core/Parallel.h"
#include "core/Rng.h"
#include "data/Generators.h"
#include "data/Prepare.h"

#include <Eigen/Eigenvalues>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <numeric>
#include <set>
#include <vector>

using namespace dl;

namespace {

DataConfig config(const std::string& source, int points = 400, double noise = 0.0) {
  DataConfig c;
  c.source = source;
  c.points = points;
  c.noise = noise;
  return c;
}

std::vector<int> countClasses(const std::vector<int>& labels, int k) {
  std::vector<int> n(static_cast<std::size_t>(k), 0);
  for (const int l : labels) ++n[static_cast<std::size_t>(l)];
  return n;
}

// Column means and population covariance of X (features, N), in double.
Eigen::VectorXd meanOf(const Matrix& X) { return X.cast<double>().rowwise().mean(); }
Eigen::MatrixXd covarianceOf(const Matrix& X) {
  const Eigen::MatrixXd c = X.cast<double>().colwise() - meanOf(X);
  return c * c.transpose() / static_cast<double>(X.cols());
}

// The field named by the ConfigError `f` throws, or "" when it throws none.
std::string failingField(const std::function<void()>& f) {
  try {
    f();
  } catch (const ConfigError& e) {
    return e.field();
  }
  return {};
}

// Distance from p to the segment [a, b].
double segmentDistance(const Eigen::VectorXd& p, const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
  const Eigen::VectorXd ab = b - a;
  const double len2 = ab.squaredNorm();
  const double t = len2 > 0 ? std::clamp((p - a).dot(ab) / len2, 0.0, 1.0) : 0.0;
  return (a + t * ab - p).norm();
}

}  // namespace

class TestData : public QObject {
  Q_OBJECT

private slots:
  void generatorBasics_data() {
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("classes");  // 0 = regression
    QTest::newRow("circle") << "circle" << 2;
    QTest::newRow("xor") << "xor" << 2;
    QTest::newRow("blobs") << "blobs" << 4;
    QTest::newRow("spiral") << "spiral" << 5;
    QTest::newRow("moons") << "moons" << 2;
    QTest::newRow("linear") << "linear" << 2;
    QTest::newRow("checkerboard") << "checkerboard" << 2;
    QTest::newRow("plane") << "plane" << 0;
    QTest::newRow("ripple") << "ripple" << 0;
    QTest::newRow("ill_conditioned") << "ill_conditioned" << 0;
    QTest::newRow("correlated") << "correlated" << 0;
  }

  void generatorBasics() {
    QFETCH(QString, source);
    QFETCH(int, classes);
    DataConfig c = config(source.toStdString(), 301, 0.3);
    c.classes = 4;
    c.arms = 5;
    const Dataset d = generateDataset(c);
    QCOMPARE(d.size(), Index{301});
    QCOMPARE(d.features(), Index{2});
    QCOMPARE(d.featureNames, (std::vector<std::string>{"x1", "x2"}));
    QVERIFY(d.X.allFinite());
    QCOMPARE(d.numClasses, classes);
    if (classes == 0) {
      QVERIFY(d.task == Task::Regression);
      QCOMPARE(d.targets.rows(), Index{1});
      QCOMPARE(d.targets.cols(), Index{301});
      QVERIFY(d.labels.empty());
    } else {
      QVERIFY(d.task == Task::Classification);
      QCOMPARE(d.labels.size(), std::size_t{301});
      QCOMPARE(d.classNames.size(), std::size_t(classes));
      // Balanced by default: sizes differ by at most one, class 0 not smaller.
      const auto n = countClasses(d.labels, classes);
      QVERIFY(*std::max_element(n.begin(), n.end()) - *std::min_element(n.begin(), n.end()) <= 1);
      QCOMPARE(n[0], *std::max_element(n.begin(), n.end()));
    }
    // Same seed, same set; another seed, another set.
    const Dataset again = generateDataset(c);
    QVERIFY(again.X == d.X);
    QVERIFY(again.labels == d.labels);
    QVERIFY(again.targets == d.targets);
    c.seed = 2;
    QVERIFY(generateDataset(c).X != d.X);
  }

  void circleRadii() {
    const Dataset d = generateDataset(config("circle"));
    for (Index i = 0; i < d.size(); ++i) {
      const double r = d.X.col(i).cast<double>().norm();
      if (d.labels[static_cast<std::size_t>(i)] == 0)
        QVERIFY(r < 0.4 + 1e-6);
      else
        QVERIFY(r >= 0.6 - 1e-6 && r < 1.0 + 1e-6);
    }
    // Noise moves points off the clean rings.
    const Dataset noisy = generateDataset(config("circle", 400, 1.0));
    double maxInner = 0;
    for (Index i = 0; i < noisy.size(); ++i)
      if (noisy.labels[static_cast<std::size_t>(i)] == 0) maxInner = std::max(maxInner, double(noisy.X.col(i).norm()));
    QVERIFY(maxInner > 0.45);
  }

  void xorQuadrantsAndMargin() {
    const Dataset d = generateDataset(config("xor"));
    for (Index i = 0; i < d.size(); ++i) {
      const double x = d.X(0, i), y = d.X(1, i);
      QVERIFY(std::abs(x) >= 0.1 - 1e-6 && std::abs(x) <= 1.0 && std::abs(y) >= 0.1 - 1e-6 && std::abs(y) <= 1.0);
      QCOMPARE(d.labels[static_cast<std::size_t>(i)], x * y < 0 ? 1 : 0);
    }
  }

  void blobsCentres() {
    DataConfig c = config("blobs", 4000);
    c.classes = 4;
    const Dataset d = generateDataset(c);
    for (int k = 0; k < 4; ++k) {
      Eigen::Vector2d sum = Eigen::Vector2d::Zero();
      int n = 0;
      for (Index i = 0; i < d.size(); ++i)
        if (d.labels[static_cast<std::size_t>(i)] == k) sum += d.X.col(i).cast<double>(), ++n;
      const Eigen::Vector2d centre(0.7 * std::cos(2 * M_PI * k / 4), 0.7 * std::sin(2 * M_PI * k / 4));
      // σ = 0.1 with 1000 points: the mean is within 0.02 of the centre (6 standard errors).
      QVERIFY((sum / n - centre).norm() < 0.02);
    }
  }

  void spiralAndMoonsRanges() {
    DataConfig c = config("spiral", 300);
    c.arms = 3;
    Dataset d = generateDataset(c);
    for (Index i = 0; i < d.size(); ++i) QVERIFY(d.X.col(i).norm() <= 1.0f + 1e-6f);
    // The first point of each arm sits at the origin (r = 0), the last on the unit circle.
    QCOMPARE(d.X.col(0).norm(), 0.0f);
    QVERIFY(std::abs(d.X.col(99).norm() - 1.0f) < 1e-6f);
    d = generateDataset(config("moons", 300));
    QVERIFY(d.X.row(0).minCoeff() >= -1.0f - 1e-6f && d.X.row(0).maxCoeff() <= 1.0f + 1e-6f);
    QVERIFY(d.X.row(1).minCoeff() >= -0.5f - 1e-6f && d.X.row(1).maxCoeff() <= 0.5f + 1e-6f);
    QVERIFY(d.X.row(0).maxCoeff() > 0.99f);
  }

  void linearIsSeparableThroughOrigin() {
    const Dataset d = generateDataset(config("linear", 400));
    QVERIFY(d.X.cwiseAbs().maxCoeff() <= 1.0f);
    // Some direction through the origin separates the classes: search a fine grid of normals,
    // allowing a couple of points within the grid's angular error of the line.
    int bestErrors = 1 << 30;
    for (int s = 0; s < 7200; ++s) {
      const double a = M_PI * s / 3600.0;
      int errors = 0;
      for (Index i = 0; i < d.size(); ++i)
        errors += ((-std::sin(a) * d.X(0, i) + std::cos(a) * d.X(1, i) > 0) ? 1 : 0) != d.labels[std::size_t(i)];
      bestErrors = std::min(bestErrors, errors);
    }
    QVERIFY2(bestErrors <= 2, qPrintable(QString::number(bestErrors)));
  }

  void checkerboardParity() {
    const Dataset d = generateDataset(config("checkerboard"));
    for (Index i = 0; i < d.size(); ++i) {
      const int col = static_cast<int>(std::floor((d.X(0, i) + 1.0) / 0.5));
      const int row = static_cast<int>(std::floor((d.X(1, i) + 1.0) / 0.5));
      QVERIFY(col >= 0 && col < 4 && row >= 0 && row < 4);
      QCOMPARE(d.labels[static_cast<std::size_t>(i)], (col + row) % 2);
    }
  }

  void regressionSurfaces() {
    Dataset d = generateDataset(config("plane"));
    for (Index i = 0; i < d.size(); ++i)
      QVERIFY(std::abs(d.targets(0, i) - (0.6 * d.X(0, i) - 0.4 * d.X(1, i))) < 1e-5);
    d = generateDataset(config("ripple"));
    for (Index i = 0; i < d.size(); ++i)
      QVERIFY(std::abs(d.targets(0, i) - std::sin(3.0 * d.X(0, i)) * std::cos(3.0 * d.X(1, i))) < 1e-5);
    d = generateDataset(config("ill_conditioned", 20000));
    const Eigen::MatrixXd cov = covarianceOf(d.X);
    // Standard deviations 1 and 0.03 (±5% with 20000 samples).
    QVERIFY(std::abs(std::sqrt(cov(0, 0)) - 1.0) < 0.05);
    QVERIFY(std::abs(std::sqrt(cov(1, 1)) - 0.03) < 0.0015);
    for (Index i = 0; i < 100; ++i) QVERIFY(std::abs(d.targets(0, i) - (d.X(0, i) + 30.0 * d.X(1, i))) < 1e-4);
    // correlated: scales 1.005 and 0.03·1.005, correlation 0.99/1.01; y = u + 10·v with
    // u = (x1 + x2/0.03)/2 and v = (x1 − x2/0.03)/2.
    d = generateDataset(config("correlated", 20000));
    const Eigen::MatrixXd cc = covarianceOf(d.X);
    QVERIFY(std::abs(std::sqrt(cc(0, 0)) - 1.005) < 0.05);
    QVERIFY(std::abs(std::sqrt(cc(1, 1)) - 0.03 * 1.005) < 0.0015);
    QVERIFY(std::abs(cc(0, 1) / std::sqrt(cc(0, 0) * cc(1, 1)) - 0.99 / 1.01) < 0.005);
    for (Index i = 0; i < 100; ++i) {
      const double u = (d.X(0, i) + d.X(1, i) / 0.03) / 2, v = (d.X(0, i) - d.X(1, i) / 0.03) / 2;
      QVERIFY(std::abs(d.targets(0, i) - (u + 10.0 * v)) < 1e-4);
    }
    // Noise σ = noise·0.1 around the clean surface.
    DataConfig c = config("plane", 20000, 1.0);
    d = generateDataset(c);
    const Eigen::ArrayXd residual =
        (d.targets.row(0).cast<double>() - (0.6 * d.X.row(0) - 0.4 * d.X.row(1)).cast<double>()).array();
    QVERIFY(std::abs(std::sqrt(residual.square().mean()) - 0.1) < 0.005);
  }

  void imbalance() {
    DataConfig c = config("circle", 500);
    c.imbalance = 0.25;
    Dataset d = generateDataset(c);
    QCOMPARE(countClasses(d.labels, 2), (std::vector<int>{400, 100}));
    // Four blobs falling geometrically: n_c ∝ 0.1^(c/3) = 1, 0.464, 0.215, 0.1 (sum 1.7798).
    c = config("blobs", 1000);
    c.classes = 4;
    c.imbalance = 0.1;
    d = generateDataset(c);
    const auto n = countClasses(d.labels, 4);
    QCOMPARE(std::accumulate(n.begin(), n.end(), 0), 1000);
    const double unit = 1000.0 / (1.0 + std::pow(0.1, 1.0 / 3) + std::pow(0.1, 2.0 / 3) + 0.1);
    for (int k = 0; k < 4; ++k) QVERIFY(std::abs(n[std::size_t(k)] - unit * std::pow(0.1, k / 3.0)) <= 1.0);
    QVERIFY(std::abs(double(n[3]) / n[0] - 0.1) < 0.002);
  }

  void classSizesEdges() {
    QCOMPARE(classSizes(10, 2, 0.01), (std::vector<int>{9, 1}));  // 0.1 rounds to 0, raised to 1
    QCOMPARE(classSizes(5, 5, 0.01), (std::vector<int>{1, 1, 1, 1, 1}));
    QCOMPARE(classSizes(7, 2, 1.0), (std::vector<int>{4, 3}));
    QCOMPARE(QString::fromStdString(failingField([] { classSizes(3, 4, 1.0); })), QString("data.points"));
    DataConfig c = config("spiral", 4);
    c.arms = 5;
    QCOMPARE(QString::fromStdString(failingField([&] { generateDataset(c); })), QString("data.points"));
  }

  void splitSizesAndStratification() {
    DataConfig c = config("blobs", 500, 0.5);
    c.classes = 3;
    c.validationFraction = 0.2;
    c.testFraction = 0.1;
    c.standardize = false;
    const Dataset all = generateDataset(c);
    const PreparedData p = prepareData(c);
    QCOMPARE(p.validation.size(), Index{100});
    QCOMPARE(p.test.size(), Index{50});
    QCOMPARE(p.train.size(), Index{350});
    // Class sizes 167, 167, 166: each part holds its share to within one sample.
    const auto nTrain = countClasses(p.train.labels, 3), nVal = countClasses(p.validation.labels, 3);
    for (std::size_t k = 0; k < 3; ++k) {
      QVERIFY(std::abs(nVal[k] - 166.67 * 0.2) <= 1.0);
      QVERIFY(std::abs(nTrain[k] - 166.67 * 0.7) <= 1.0);
    }
    // Without preprocessing the three parts are a partition of the generated columns.
    std::multiset<std::pair<float, float>> whole, parts;
    for (Index i = 0; i < all.size(); ++i) whole.insert({all.X(0, i), all.X(1, i)});
    for (const Dataset* d : {&p.train, &p.validation, &p.test})
      for (Index i = 0; i < d->size(); ++i) parts.insert({d->X(0, i), d->X(1, i)});
    QVERIFY(whole == parts);
    QVERIFY(p.trainRaw == p.train.X);
    QVERIFY(p.trainRawLabels == p.train.labels);
    // Deterministic.
    QVERIFY(prepareData(c).validation.X == p.validation.X);
  }

  void stratificationKeepsSmallClasses() {
    // Five blobs with imbalance 0.03 over 120 points: sizes 71, 30, 12, 5, 2 (n_c ∝ 0.03^(c/4)), and
    // round(120·0.1) = 12 validation samples would give the last class 0.2 in a proportional split.
    DataConfig c = config("blobs", 120);
    c.classes = 5;
    c.imbalance = 0.03;
    c.validationFraction = 0.1;
    const Dataset all = generateDataset(c);
    const auto n = countClasses(all.labels, 5);
    QCOMPARE(n, (std::vector<int>{71, 30, 12, 5, 2}));
    const PreparedData p = prepareData(c);
    const auto nVal = countClasses(p.validation.labels, 5), nTrain = countClasses(p.train.labels, 5);
    for (std::size_t k = 0; k < 5; ++k) {
      QVERIFY2(nVal[k] >= 1, qPrintable(QString("class %1 missing from validation").arg(k)));
      QVERIFY(nTrain[k] >= 1);
    }
    QCOMPARE(p.validation.size(), Index{12});
  }

  void regressionSplit() {
    DataConfig c = config("ripple", 200, 0.1);
    c.validationFraction = 0.25;
    c.testFraction = 0.05;
    const PreparedData p = prepareData(c);
    QCOMPARE(p.validation.size(), Index{50});
    QCOMPARE(p.test.size(), Index{10});
    QCOMPARE(p.train.size(), Index{140});
    QCOMPARE(p.train.targets.cols(), Index{140});
    QVERIFY(p.classCounts.empty());
  }

  void standardisationFittedOnTrainOnly() {
    DataConfig c = config("ill_conditioned", 400, 0.5);
    c.validationFraction = 0.3;
    const PreparedData p = prepareData(c);
    const Eigen::VectorXd trainMean = meanOf(p.train.X);
    const Eigen::MatrixXd trainCov = covarianceOf(p.train.X);
    for (Index f = 0; f < 2; ++f) {
      QVERIFY(std::abs(trainMean(f)) < 1e-5);
      QVERIFY(std::abs(trainCov(f, f) - 1.0) < 1e-4);
    }
    // Validation is transformed with the training statistics, so its mean is not forced to 0 but
    // equals (raw validation mean − training mean)·scale.
    const Eigen::VectorXd rawTrainMean = meanOf(p.trainRaw);
    QVERIFY((p.preprocessor.rawMean.cast<double>() - rawTrainMean).norm() < 1e-5);
    const Eigen::VectorXd expected =
        (meanOf(p.validationRaw) - rawTrainMean).cwiseProduct(p.preprocessor.scale.cast<double>());
    const Eigen::VectorXd valMean = meanOf(p.validation.X);
    QVERIFY((valMean - expected).norm() < 1e-5);
    QVERIFY(valMean.cwiseAbs().maxCoeff() > 1e-3);
    // The ill-conditioned input x2 (σ 0.03) is scaled by about 1/0.03.
    QVERIFY(std::abs(p.preprocessor.scale(1) * 0.03 - 1.0) < 0.15);
  }

  void constantFeatureKeepsScaleOne() {
    Dataset all;
    all.X.resize(2, 20);
    for (Index i = 0; i < 20; ++i) all.X(0, i) = Scalar(i), all.X(1, i) = 3.0f;
    all.labels.resize(20);
    for (int i = 0; i < 20; ++i) all.labels[std::size_t(i)] = i % 2;
    all.numClasses = 2;
    DataConfig c;
    c.validationFraction = 0.2;
    const PreparedData p = prepareData(c, all);
    QCOMPARE(p.preprocessor.scale(1), Scalar(1));
    QVERIFY(p.train.X.row(1).cwiseAbs().maxCoeff() == 0.0f);
  }

  void whiteningGivesIdentityCovariance() {
    // Strongly correlated inputs: x1 = x0 + small noise, x2 mixes both with a third source.
    Dataset all;
    all.X.resize(3, 600);
    Rng rng(5);
    for (Index i = 0; i < 600; ++i) {
      const double a = rng.normal(), b = rng.normal(), e = rng.normal();
      all.X(0, i) = Scalar(2 * a);
      all.X(1, i) = Scalar(2 * a + 0.5 * b);
      all.X(2, i) = Scalar(5 + a - b + 0.5 * e);
    }
    all.labels.assign(600, 0);
    for (std::size_t i = 0; i < 300; ++i) all.labels[i] = 1;
    all.numClasses = 2;
    for (const bool standardize : {false, true}) {
      DataConfig c;
      c.mapFeatures = {0, 2};
      c.whiten = true;
      c.standardize = standardize;
      const PreparedData p = prepareData(c, all);
      QCOMPARE(p.preprocessor.whitening.rows(), Index{3});
      const Eigen::MatrixXd cov = covarianceOf(p.train.X);
      QVERIFY2((cov - Eigen::MatrixXd::Identity(3, 3)).cwiseAbs().maxCoeff() < 5e-3,
               qPrintable(QString::number((cov - Eigen::MatrixXd::Identity(3, 3)).cwiseAbs().maxCoeff())));
      // Exactly: ε = 1e-5 leaves variance λ/(λ+ε) along each principal axis (λ of the training
      // covariance after standardisation, ascending as the rows of W), and no correlation.
      const Eigen::MatrixXd z =
          p.preprocessor.scale.cast<double>().asDiagonal() * (p.trainRaw.cast<double>().colwise() - meanOf(p.trainRaw));
      const Eigen::VectorXd lambda =
          Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(z * z.transpose() / double(z.cols())).eigenvalues();
      const Eigen::VectorXd expected = lambda.array() / (lambda.array() + 1e-5);
      QVERIFY2((cov - Eigen::MatrixXd(expected.asDiagonal())).cwiseAbs().maxCoeff() < 2e-5,
               qPrintable(QString::number((cov - Eigen::MatrixXd(expected.asDiagonal())).cwiseAbs().maxCoeff())));
      QVERIFY(meanOf(p.train.X).norm() < 1e-4);
      // Validation covariance is near but not exactly the identity: it was not fitted.
      QVERIFY((covarianceOf(p.validation.X) - Eigen::MatrixXd::Identity(3, 3)).cwiseAbs().maxCoeff() > 1e-4);
    }
  }

  void resamplingCounts() {
    DataConfig c = config("circle", 600, 0.2);
    c.imbalance = 0.2;  // 500 : 100
    c.validationFraction = 0.2;
    const PreparedData none = prepareData(c);
    const auto before = countClasses(none.train.labels, 2);
    QCOMPARE(before, (std::vector<int>{400, 80}));
    QCOMPARE(none.classCounts, before);

    c.resample = "oversample";  // smaller classes duplicated UP to the largest
    PreparedData p = prepareData(c);
    QCOMPARE(p.classCounts, (std::vector<int>{400, 400}));
    QCOMPARE(countClasses(p.train.labels, 2), p.classCounts);
    QCOMPARE(p.train.size(), Index{800});
    QCOMPARE(p.trainRaw.cols(), Index{480});    // plotting keeps the data before resampling
    QCOMPARE(p.validation.size(), Index{120});  // validation untouched
    // Every minority sample is a copy of an original one.
    std::set<std::pair<float, float>> originals;
    for (Index i = 0; i < none.train.size(); ++i) originals.insert({none.train.X(0, i), none.train.X(1, i)});
    for (Index i = 0; i < p.train.size(); ++i) QVERIFY(originals.count({p.train.X(0, i), p.train.X(1, i)}) == 1);

    c.resample = "undersample";  // larger classes cut DOWN to the smallest
    p = prepareData(c);
    QCOMPARE(p.classCounts, (std::vector<int>{80, 80}));
    QCOMPARE(p.train.size(), Index{160});
    std::set<std::pair<float, float>> kept;
    for (Index i = 0; i < p.train.size(); ++i) kept.insert({p.train.X(0, i), p.train.X(1, i)});
    QCOMPARE(kept.size(), std::size_t{160});  // no duplicates: removal only

    c.resample = "smote";
    p = prepareData(c);
    QCOMPARE(p.classCounts, (std::vector<int>{400, 400}));
  }

  void smotePointsLieOnNeighbourSegments() {
    DataConfig c = config("blobs", 300, 0.3);
    c.classes = 3;
    c.imbalance = 0.2;
    c.validationFraction = 0.2;
    c.resample = "smote";
    c.smoteNeighbours = 3;
    const PreparedData p = prepareData(c);
    // The preprocessed training part before resampling: the originals SMOTE interpolated.
    Matrix original = p.trainRaw;
    p.preprocessor.apply(original);
    const auto& originalLabels = p.trainRawLabels;
    const auto nOriginal = countClasses(originalLabels, 3);
    QCOMPARE(p.classCounts, std::vector<int>(3, *std::max_element(nOriginal.begin(), nOriginal.end())));

    std::set<std::pair<float, float>> originals;
    for (Index i = 0; i < original.cols(); ++i) originals.insert({original(0, i), original(1, i)});
    int synthetic = 0;
    for (Index i = 0; i < p.train.size(); ++i) {
      if (originals.count({p.train.X(0, i), p.train.X(1, i)})) continue;
      ++synthetic;
      const int label = p.train.labels[std::size_t(i)];
      const Eigen::VectorXd x = p.train.X.col(i).cast<double>();
      // Some same-class original a and one of a's 3 nearest same-class neighbours b span a segment
      // through x.
      bool found = false;
      for (Index a = 0; a < original.cols() && !found; ++a) {
        if (originalLabels[std::size_t(a)] != label) continue;
        std::vector<std::pair<double, Index>> dist;
        for (Index b = 0; b < original.cols(); ++b)
          if (b != a && originalLabels[std::size_t(b)] == label)
            dist.push_back({(original.col(b) - original.col(a)).cast<double>().squaredNorm(), b});
        std::sort(dist.begin(), dist.end());
        for (std::size_t j = 0; j < 3 && j < dist.size() && !found; ++j)
          found =
              segmentDistance(x, original.col(a).cast<double>(), original.col(dist[j].second).cast<double>()) < 1e-5;
      }
      QVERIFY2(found, qPrintable(QString("synthetic sample %1 is on no neighbour segment").arg(i)));
    }
    QCOMPARE(synthetic, int(p.train.size() - original.cols()));
  }

  // A class larger than the SMOTE candidate subset (20,000): the classes still end equal, every
  // synthetic point lies inside its class's bounding box and off the originals, and the result is
  // the same on 1 and 2 threads (the neighbour search runs in parallel).
  void smoteLargeClassesUseACandidateSubset() {
    DataConfig c = config("blobs", 90000, 0.3);
    c.classes = 2;
    c.imbalance = 0.5;
    c.validationFraction = 0.1;
    c.resample = "smote";
    dl::setThreadCount(1);
    const PreparedData one = prepareData(c);
    dl::setThreadCount(2);
    const PreparedData two = prepareData(c);
    dl::setThreadCount(1);
    QVERIFY(one.train.X == two.train.X);
    QCOMPARE(one.train.labels, two.train.labels);
    QCOMPARE(one.classCounts[0], one.classCounts[1]);
    Matrix original = one.trainRaw;
    one.preprocessor.apply(original);
    const auto counts = countClasses(one.trainRawLabels, 2);
    QVERIFY(*std::max_element(counts.begin(), counts.end()) > 40000);  // past the subset size
    std::set<std::pair<float, float>> originals;
    Eigen::Matrix2f lo = Eigen::Matrix2f::Constant(1e30f), hi = -lo;  // column = class
    for (Index i = 0; i < original.cols(); ++i) {
      const int label = one.trainRawLabels[std::size_t(i)];
      originals.insert({original(0, i), original(1, i)});
      lo.col(label) = lo.col(label).cwiseMin(original.col(i).head<2>());
      hi.col(label) = hi.col(label).cwiseMax(original.col(i).head<2>());
    }
    Index synthetic = 0;
    for (Index i = 0; i < one.train.size(); ++i) {
      const Eigen::Vector2f x = one.train.X.col(i).head<2>();
      if (originals.count({x(0), x(1)})) continue;
      ++synthetic;
      const int label = one.train.labels[std::size_t(i)];
      QVERIFY((x.array() >= lo.col(label).array() - 1e-5f).all() && (x.array() <= hi.col(label).array() + 1e-5f).all());
    }
    QCOMPARE(synthetic, one.train.size() - original.cols());
    QVERIFY(synthetic > 10000);
  }

  void smoteSingletonClassFallsBackToDuplication() {
    Dataset all;
    all.X.resize(2, 11);
    for (Index i = 0; i < 11; ++i) all.X(0, i) = Scalar(i), all.X(1, i) = Scalar(i * i);
    all.labels.assign(11, 0);
    all.labels[10] = 1;
    all.numClasses = 2;
    DataConfig c;
    c.validationFraction = 0.0;
    c.standardize = false;
    c.resample = "smote";
    const PreparedData p = prepareData(c, all);
    QCOMPARE(p.classCounts, (std::vector<int>{10, 10}));
    for (Index i = 0; i < p.train.size(); ++i)
      if (p.train.labels[std::size_t(i)] == 1) QVERIFY(p.train.X(0, i) == 10.0f && p.train.X(1, i) == 100.0f);
  }

  void balancedWeights() {
    // N = 40, k = 2: w = 40/(2·30), 40/(2·10).
    const auto w = balancedClassWeights({30, 10});
    QCOMPARE(w.size(), std::size_t{2});
    QVERIFY(std::abs(w[0] - 2.0 / 3.0) < 1e-12);
    QVERIFY(std::abs(w[1] - 2.0) < 1e-12);
    QCOMPARE(balancedClassWeights({5, 0, 5}), (std::vector<double>{1.0, 0.0, 1.0}));
  }

  void badConfigNamesField_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<std::function<void(DataConfig&)>>("change");
    using F = std::function<void(DataConfig&)>;
    QTest::newRow("points 0") << "data.points"
                              << "0" << F([](DataConfig& c) { c.points = 0; });
    QTest::newRow("points 2M") << "data.points"
                               << "2000000" << F([](DataConfig& c) { c.points = 2'000'000; });
    QTest::newRow("noise <0") << "data.noise"
                              << "-0.5" << F([](DataConfig& c) { c.noise = -0.5; });
    QTest::newRow("noise inf") << "data.noise"
                               << "inf" << F([](DataConfig& c) { c.noise = INFINITY; });
    QTest::newRow("imbalance 0") << "data.imbalance"
                                 << "0" << F([](DataConfig& c) { c.imbalance = 0; });
    QTest::newRow("imbalance 1.5") << "data.imbalance"
                                   << "1.5" << F([](DataConfig& c) { c.imbalance = 1.5; });
    QTest::newRow("classes 1") << "data.classes"
                               << "1" << F([](DataConfig& c) { c.classes = 1; });
    QTest::newRow("classes 11") << "data.classes"
                                << "11" << F([](DataConfig& c) { c.classes = 11; });
    QTest::newRow("arms 1") << "data.arms"
                            << "1" << F([](DataConfig& c) { c.arms = 1; });
    QTest::newRow("source") << "data.source"
                            << "moon" << F([](DataConfig& c) { c.source = "moon"; });
    QTest::newRow("csv path") << "data.csv.path"
                              << "" << F([](DataConfig& c) { c.source = "csv"; });
    QTest::newRow("val 0.95") << "data.validationFraction"
                              << "0.95" << F([](DataConfig& c) { c.validationFraction = 0.95; });
    QTest::newRow("val <0") << "data.validationFraction"
                            << "-0.1" << F([](DataConfig& c) { c.validationFraction = -0.1; });
    QTest::newRow("sum") << "data.testFraction"
                         << "0.5" << F([](DataConfig& c) {
                              c.validationFraction = 0.45;
                              c.testFraction = 0.5;
                            });
    QTest::newRow("resample") << "data.resample"
                              << "upsample" << F([](DataConfig& c) { c.resample = "upsample"; });
    QTest::newRow("smote k") << "data.smoteNeighbours"
                             << "0" << F([](DataConfig& c) { c.smoteNeighbours = 0; });
    QTest::newRow("map same") << "data.mapFeatures"
                              << "[1, 1]" << F([](DataConfig& c) {
                                   c.mapFeatures = {1, 1};
                                 });
    QTest::newRow("map size") << "data.mapFeatures"
                              << "[0]" << F([](DataConfig& c) { c.mapFeatures = {0}; });
    QTest::newRow("map range") << "data.mapFeatures"
                               << "2" << F([](DataConfig& c) {
                                    c.mapFeatures = {0, 2};
                                  });
    QTest::newRow("regression resample") << "data.resample"
                                         << "smote" << F([](DataConfig& c) {
                                              c.source = "plane";
                                              c.resample = "smote";
                                            });
    QTest::newRow("train too small") << "data.validationFraction"
                                     << "0.5" << F([](DataConfig& c) {
                                          c.points = 4;
                                          c.validationFraction = 0.5;
                                          c.testFraction = 0.4;
                                        });
  }

  void badConfigNamesField() {
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(std::function<void(DataConfig&)>, change);
    DataConfig c;
    change(c);
    try {
      prepareData(c);
      QFAIL("no ConfigError");
    } catch (const ConfigError& e) {
      QCOMPARE(QString::fromStdString(e.field()), field);
      QCOMPARE(QString::fromStdString(e.value()), value);
    }
  }

  void defaultConfigIsValid() {
    DataConfig c;
    validateDataConfig(c);
    const PreparedData p = prepareData(c);
    QCOMPARE(p.train.size() + p.validation.size(), Index{500});
  }
};

QTEST_APPLESS_MAIN(TestData)
#include "tst_data.moc"
