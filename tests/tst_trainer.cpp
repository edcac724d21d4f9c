// The trainer end to end: convergence on XOR and spirals, determinism across thread counts,
// divergence handling, exact resume, mid-training changes and configuration errors.
#include "core/Error.h"
#include "core/Parallel.h"
#include "train/Trainer.h"

#include "StepBits.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace dl;

namespace {

ExperimentConfig xorConfig() {
  ExperimentConfig c;
  c.data.source = "xor";
  c.data.points = 200;
  c.data.noise = 0;
  c.data.validationFraction = 0.25;
  c.hidden = {LayerConfig{.units = 4, .activation = "tanh"}};
  c.training.loss = "sigmoid_bce";  // 2-4-1: one sigmoid output
  c.training.batchSize = 10;
  c.training.evalEvery = 100;
  c.optimizer.name = "sgd";
  c.optimizer.learningRate = 0.5;
  c.init.scheme = "xavier_uniform";
  return c;
}

ExperimentConfig spiralConfig() {
  ExperimentConfig c;
  c.data.source = "spiral";
  c.data.arms = 3;
  c.data.points = 600;
  c.data.noise = 0.1;
  c.data.validationFraction = 0.2;
  c.hidden = std::vector<LayerConfig>(3, LayerConfig{.units = 32, .activation = "relu"});
  c.init.scheme = "he_normal";
  c.optimizer.name = "adam";
  c.optimizer.learningRate = 0.01;
  c.training.batchSize = 32;
  c.training.evalEvery = 0;
  return c;
}

std::vector<std::vector<double>> run(const ExperimentConfig& c, int threads, int steps) {
  setThreadCount(threads);
  Trainer t(c);
  std::vector<std::vector<double>> out;
  for (int i = 0; i < steps; ++i) out.push_back(flatten(t.step()));
  setThreadCount(1);
  return out;
}

}  // namespace

class TrainerTest : public QObject {
  Q_OBJECT
private slots:
  void xorReachesFullAccuracy() {
    Trainer t(xorConfig());
    QCOMPARE(t.network().outputs(), Index(1));
    for (int i = 0; i < 3000; ++i) t.step();
    // The network fits XOR exactly; held-out points right next to the origin, where the four
    // quadrants meet, may fall on the rounded corner of the learned boundary.
    QCOMPARE(t.evaluate(Split::Train).accuracy, 1.0);
    QVERIFY(t.evaluate(Split::Validation).accuracy >= 0.95);
  }

  // The map's features change in place: the same parameters, step and next steps as a run that never
  // changed them, a grid over the new plane; indices the data do not have are refused with
  // data.mapFeatures named, and nothing changes.
  void mapFeaturesChangeInPlace() {
    ExperimentConfig c = xorConfig();
    Trainer t(c), untouched(c);
    for (int i = 0; i < 20; ++i) {
      t.step();
      untouched.step();
    }
    t.setMapFeatures({1, 0});
    QCOMPARE(t.config().data.mapFeatures, (std::vector<int>{1, 0}));
    QVERIFY(sameBits(flatten(t.step()), flatten(untouched.step())));  // a view: training goes on bit for bit
    QCOMPARE(t.network().params(), untouched.network().params());
    double x0, x1, y0, y1;
    t.mapBounds(x0, x1, y0, y1);
    const GridEvaluation g = t.evaluateGrid(8, x0, x1, y0, y1);
    QCOMPARE(g.xFeature, 1);
    QCOMPARE(g.yFeature, 0);
    for (const std::vector<int>& bad : {std::vector<int>{0, 2}, {0, 0}, {-1, 1}, {0}}) {
      try {
        t.setMapFeatures(bad);
        QFAIL("accepted an invalid pair");
      } catch (const ConfigError& e) {
        QCOMPARE(std::string(e.field()), std::string("data.mapFeatures"));
      }
      QCOMPARE(t.config().data.mapFeatures, (std::vector<int>{1, 0}));
    }
    // A trainer built on data prepared for another run checks the pair against those data too.
    ExperimentConfig other = c;
    other.data.mapFeatures = {0, 3};
    QVERIFY_THROWS_EXCEPTION(ConfigError, Trainer(other, t.sharedData()));
  }

  void spiralsReach95Percent() {
    Trainer t(spiralConfig());
    for (int i = 0; i < 4000; ++i) t.step();
    const double acc = t.evaluate(Split::Validation).accuracy;
    QVERIFY2(acc >= 0.95, qPrintable(QString("validation accuracy %1").arg(acc)));
  }

  // The same configuration and seed give identical metrics on 1 and 2 threads — including the
  // large products that are split across threads, dropout, batch norm and validation.
  void deterministicAcrossThreads() {
    ExperimentConfig c = spiralConfig();
    c.hidden = {LayerConfig{.units = 256, .activation = "relu", .batchNorm = true},
                LayerConfig{.units = 192, .activation = "tanh", .dropout = 0.2}};
    c.training.batchSize = 256;
    c.training.evalEvery = 5;
    const auto one = run(c, 1, 30);
    const auto two = run(c, 2, 30);
    for (int i = 0; i < 30; ++i) QVERIFY2(sameBits(one[i], two[i]), qPrintable(QString("step %1 differs").arg(i + 1)));
    const auto again = run(c, 1, 30);
    QVERIFY(sameBits(one.back(), again.back()));
    // ...and a different seed gives different numbers (the comparison can fail).
    c.training.seed = 99;
    QVERIFY(!sameBits(one.back(), run(c, 1, 30).back()));
  }

  // Training accuracy comes with each validation evaluation: the whole training part, inference
  // mode, after the step's update. Evaluating is read-only (no random numbers, no state): a
  // trainer asked for extra evaluations between steps reports the same bits, dropout included.
  void trainingAccuracyAtEvaluations() {
    ExperimentConfig c = spiralConfig();
    c.hidden = {LayerConfig{.units = 32, .activation = "relu", .dropout = 0.3}};
    c.training.evalEvery = 5;
    Trainer a(c), b(c);
    int evaluations = 0;
    for (int i = 0; i < 40; ++i) {
      const StepMetrics ma = a.step();
      (void)b.evaluate(Split::Train);
      (void)b.evaluate(Split::Validation);
      const StepMetrics mb = b.step();
      QVERIFY2(sameBits(flatten(ma), flatten(mb)), qPrintable(QString("step %1 differs").arg(i + 1)));
      if (ma.evaluated) {
        ++evaluations;
        QCOMPARE(ma.trainAccuracy, a.evaluate(Split::Train).accuracy);
        QVERIFY(ma.trainAccuracy >= 0 && ma.trainAccuracy <= 1);
      } else {
        QVERIFY(std::isnan(ma.trainAccuracy));
      }
    }
    QCOMPARE(evaluations, 8);
  }

  // With data.testFraction > 0 every evaluation also scores the test part (loss and accuracy,
  // read-only: the steps are the same bits as without looking at it); without one, both stay NaN.
  void testSplitAtEvaluations() {
    ExperimentConfig c = spiralConfig();
    c.training.evalEvery = 10;
    c.data.testFraction = 0.3;
    Trainer a(c);
    QCOMPARE(a.data().test.size(), Index(180));
    QCOMPARE(a.data().validation.size(), Index(120));
    int evaluations = 0;
    for (int i = 0; i < 30; ++i) {
      const StepMetrics m = a.step();
      if (!m.evaluated) {
        QVERIFY(std::isnan(m.testLoss) && std::isnan(m.testAccuracy));
        continue;
      }
      ++evaluations;
      const Evaluation e = a.evaluate(Split::Test);
      QCOMPARE(m.testLoss, e.loss);
      QCOMPARE(m.testAccuracy, e.accuracy);
      QVERIFY(m.testAccuracy >= 0 && m.testAccuracy <= 1);
      QVERIFY(m.testLoss != m.valLoss);  // a different set of points
    }
    QCOMPARE(evaluations, 3);
    c.data.testFraction = 0;
    Trainer b(c);
    for (int i = 0; i < 10; ++i) {
      const StepMetrics m = b.step();
      QVERIFY(std::isnan(m.testLoss) && std::isnan(m.testAccuracy));
      QCOMPARE(m.evaluated, i == 9);
    }
  }

  // The decision map over the network's own inputs: a square in input units around the
  // preprocessed training data, grid values equal to the network's output at those inputs (no
  // preprocessing applied to them); with raw inputs 30× apart in scale the narrow one fills a
  // thirtieth of the square's height.
  void gridOverNetworkInputs() {
    ExperimentConfig c;
    c.data.source = "correlated";
    c.data.points = 300;
    c.data.whiten = true;
    c.hidden = {};
    c.training.batchSize = 16;
    Trainer t(c);
    for (int i = 0; i < 20; ++i) t.step();
    double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
    t.mapBounds(x0, x1, y0, y1, MapSpace::NetworkInputs);
    QVERIFY(std::abs((x1 - x0) - (y1 - y0)) < 1e-9);
    const Matrix& X = t.data().train.X;
    QVERIFY(X.row(0).minCoeff() > x0 && X.row(0).maxCoeff() < x1 && X.row(1).minCoeff() > y0 &&
            X.row(1).maxCoeff() < y1);
    const GridEvaluation g = t.evaluateGrid(5, x0, x1, y0, y1, false, MapSpace::NetworkInputs);
    QCOMPARE(g.space, MapSpace::NetworkInputs);
    QCOMPARE(g.values.cols(), Index(25));
    Matrix in(2, 25), out;
    for (Index i = 0; i < 25; ++i) {
      in(0, i) = static_cast<Scalar>(x0 + (x1 - x0) * static_cast<double>(i % 5) / 4);
      in(1, i) = static_cast<Scalar>(y0 + (y1 - y0) * static_cast<double>(i / 5) / 4);
    }
    Network::Workspace ws;
    t.network().infer(in, out, ws);
    QVERIFY((g.values - out).cwiseAbs().maxCoeff() < 1e-5);
    // The raw-plane grid at the same coordinates differs: it preprocesses them first.
    QVERIFY((t.evaluateGrid(5, x0, x1, y0, y1).values - out).cwiseAbs().maxCoeff() > 1e-3);

    c.data.whiten = false;
    c.data.standardize = false;
    Trainer raw(c);
    raw.mapBounds(x0, x1, y0, y1, MapSpace::NetworkInputs);
    const Matrix& R = raw.data().train.X;
    QVERIFY(std::abs((x1 - x0) - (y1 - y0)) < 1e-9);
    QVERIFY((R.row(1).maxCoeff() - R.row(1).minCoeff()) < (y1 - y0) / 20);
    int ix = -1, iy = -1;
    raw.mapInputs(ix, iy);
    QCOMPARE(ix, 0);
    QCOMPARE(iy, 1);
  }

  void divergenceKeepsLastFiniteWeights() {
    ExperimentConfig c = spiralConfig();
    c.hidden = std::vector<LayerConfig>(6, LayerConfig{.units = 32, .activation = "relu"});
    c.init.scheme = "normal";
    c.init.sigma = 3.0;
    c.optimizer.name = "sgd";
    c.optimizer.learningRate = 10;
    Trainer t(c);
    Vector lastGood;
    int steps = 0;
    while (!t.diverged() && steps < 500) {
      lastGood = t.network().params();
      t.step();
      ++steps;
    }
    QVERIFY2(t.diverged(), "a learning rate of 10 with σ = 3 must diverge");
    const Divergence d = *t.divergence();
    QCOMPARE(d.step, static_cast<long long>(steps));
    QVERIFY(d.layer >= 1 && d.layer <= 7);
    QVERIFY(!d.quantity.empty());
    QVERIFY(t.network().params().allFinite());
    QVERIFY(t.network().params() == lastGood);  // the weights before the bad step
    QVERIFY_THROWS_EXCEPTION(std::logic_error, t.step());
    t.reset();
    QVERIFY(!t.diverged());
    t.step();
    QCOMPARE(t.stepCount(), 1LL);
  }

  void resumeGivesTheSameNextSteps() {
    ExperimentConfig c = spiralConfig();
    c.hidden[0].dropout = 0.1;
    c.hidden[1].batchNorm = true;
    c.schedule.name = "plateau";
    c.training.evalEvery = 7;
    Trainer a(c);
    for (int i = 0; i < 123; ++i) a.step();
    const TrainerState s = a.state();
    std::vector<std::vector<double>> expected;
    for (int i = 0; i < 40; ++i) expected.push_back(flatten(a.step()));
    Trainer b(c);
    b.restore(s);
    for (int i = 0; i < 40; ++i)
      QVERIFY2(sameBits(flatten(b.step()), expected[i]), qPrintable(QString("resumed step %1 differs").arg(i)));
  }

  void restoreRejectsAWrongState() {
    Trainer t(spiralConfig());
    TrainerState s = t.state();
    s.params.conservativeResize(s.params.size() - 1);
    QVERIFY_THROWS_EXCEPTION(ConfigError, t.restore(s));
  }

  // Each of these states would train on silently: NaN running statistics or a negative variance
  // poison every evaluation, a negative second moment takes a square root of it, a repeated index
  // drops a sample from every later epoch.
  void restoreRejectsNonsenseState_data() {
    QTest::addColumn<int>("which");
    QTest::addColumn<QString>("field");
    QTest::newRow("NaN batch-norm statistic") << 0 << "state.buffers";
    QTest::newRow("negative running variance") << 1 << "state.buffers";
    QTest::newRow("NaN Adam moment") << 2 << "state.optimizer.buffers.m";
    QTest::newRow("negative Adam second moment") << 3 << "state.optimizer.buffers.v";
    QTest::newRow("negative step") << 4 << "state.step";
    QTest::newRow("negative epoch") << 5 << "state.epoch";
    QTest::newRow("repeated index in the order") << 6 << "state.order";
    QTest::newRow("all-zero shuffling generator") << 7 << "state.shuffleRng";
    QTest::newRow("all-zero dropout generator") << 8 << "state.dropoutRng";
  }
  void restoreRejectsNonsenseState() {
    QFETCH(int, which);
    QFETCH(QString, field);
    ExperimentConfig c = spiralConfig();
    c.hidden[1].batchNorm = true;
    Trainer t(c);
    for (int i = 0; i < 5; ++i) t.step();
    const TrainerState good = t.state();
    TrainerState s = good;
    const Index half = s.buffers.size() / 2;
    switch (which) {
      case 0:
        s.buffers(0) = std::numeric_limits<Scalar>::quiet_NaN();
        break;
      case 1:
        s.buffers(half) = -1;
        break;
      case 2:
        s.optimizer.buffers[0].second(3) = std::numeric_limits<Scalar>::infinity();
        break;
      case 3:
        s.optimizer.buffers[1].second(3) = -1e-3f;
        break;
      case 4:
        s.step = -1;
        break;
      case 5:
        s.epoch = -3;
        break;
      case 6:
        s.order[1] = s.order[0];
        break;
      case 7:
        s.shuffleRng = {};
        break;
      case 8:
        s.dropoutRng = {};
        break;
    }
    try {
      t.restore(s);
      QFAIL("expected a ConfigError");
    } catch (const ConfigError& e) {
      QVERIFY2(QString::fromStdString(e.field()) == field, e.what());
    }
    // Nothing was changed: the trainer goes on from its own state.
    QCOMPARE(t.stepCount(), 5);
    t.restore(good);
    QVERIFY(std::isfinite(t.step().trainLoss));
  }

  // Finite data and weights whose outputs overflow on the validation set only (an unstandardised
  // CSV value near the float limit, found by tst_app_fuzz_inputs): reported as divergence.
  void overflowingValidationLossIsDivergence() {
    ExperimentConfig c = spiralConfig();
    c.data.source = "csv";
    c.data.csvPath = "huge.csv";
    c.data.standardize = false;
    c.data.validationFraction = 0.5;
    c.training.evalEvery = 1;
    Dataset all;
    all.X = Matrix::Constant(2, 40, 0.5f);
    all.X.col(7).setConstant(3e38f);
    all.numClasses = 2;
    for (int i = 0; i < 40; ++i) all.labels.push_back(i % 2);
    std::shared_ptr<const PreparedData> data;
    for (std::uint64_t seed = 1; !data; ++seed) {  // a split with the huge sample in validation
      c.data.seed = seed;
      auto p = std::make_shared<const PreparedData>(prepareData(c.data, all));
      if (p->validationRaw.maxCoeff() > 1e30f) data = p;
    }
    Trainer t(c, data);
    const StepMetrics m = t.step();
    QVERIFY(std::isfinite(m.trainLoss));
    QVERIFY(m.evaluated && !std::isfinite(m.valLoss));
    QVERIFY(t.diverged());
    QCOMPARE(t.divergence()->quantity, std::string("loss"));
  }

  // The memory limit: within the hidden layers (validate), and with the real input size, which
  // for a CSV file only the trainer knows.
  void networkTooLargeForTheData() {
    ExperimentConfig c = spiralConfig();
    c.hidden = {LayerConfig{.units = 4096}, LayerConfig{.units = 4096, .activation = "maxout", .pieces = 16}};
    try {
      Trainer t(c);
      QFAIL("expected a ConfigError");
    } catch (const ConfigError& e) {
      QCOMPARE(e.field(), std::string("layers"));
      QVERIFY2(QString(e.what()).contains("at most 50 million fit"), e.what());
    }
    c = spiralConfig();
    Trainer(c).setBatchSize(1000000);  // fine: the batch is the 480 training samples

    c.data.source = "csv";
    c.data.csvPath = "wide.csv";
    c.data.validationFraction = 0;
    c.hidden = {LayerConfig{.units = 1024}};
    c.validate();  // 1024 units alone are fine
    Dataset wide;
    wide.X = Matrix::Ones(60000, 4);  // 60,000 features × 1024 units: 61 million weights
    wide.labels = {0, 1, 0, 1};
    wide.numClasses = 2;
    const auto data = std::make_shared<const PreparedData>(prepareData(c.data, wide));
    try {
      Trainer t(c, data);
      QFAIL("expected a ConfigError");
    } catch (const ConfigError& e) {
      QCOMPARE(e.field(), std::string("layers"));
    }
  }

  void midTrainingChanges() {
    Trainer t(spiralConfig());
    for (int i = 0; i < 10; ++i) t.step();
    const Vector before = t.network().params();
    t.setLearningRate(0.001);
    QCOMPARE(t.step().lr, 0.001);
    t.setBatchSize(64);
    t.setRegularization(RegularizationConfig{.l2 = 0.01, .clipNorm = 0.5});
    const StepMetrics m = t.step();
    QVERIFY(m.penalty > 0);
    QCOMPARE(t.stepCount(), 12LL);
    QVERIFY(t.network().params() != before);
    QVERIFY_THROWS_EXCEPTION(ConfigError, t.setLearningRate(-1));
    QCOMPARE(t.config().optimizer.learningRate, 0.001);  // a refused change leaves the old value
  }

  void clippingCapsTheUpdate() {
    ExperimentConfig c = spiralConfig();
    c.regularization.clipNorm = 1e-3;
    Trainer t(c);
    const StepMetrics m = t.step();
    QVERIFY(m.clipped);
    QVERIFY(m.gradNormTotal > 1e-3);
  }

  void diagnosticsAreDefined() {
    ExperimentConfig c = spiralConfig();
    c.hidden = {LayerConfig{.units = 16, .activation = "sigmoid"}, LayerConfig{.units = 16, .activation = "relu"}};
    Trainer t(c);
    const StepMetrics m = t.step();
    QCOMPARE(int(m.layers.size()), 3);
    for (int l = 0; l < 3; ++l) {
      QVERIFY(m.layers[l].gradNorm > 0);
      QVERIFY(m.layers[l].weightNorm > 0);
      QVERIFY(m.layers[l].updateRatio > 0 && m.layers[l].updateRatio < 1);
    }
    QVERIFY(m.layers[0].saturation >= 0 && m.layers[0].saturation <= 1);
    QVERIFY(m.layers[1].saturation > 0.1 && m.layers[1].saturation < 0.9);  // about half of ReLU inputs are ≤ 0
    QVERIFY(std::isnan(m.layers[2].saturation));
    // The mean output of each hidden layer over the step's mini-batch (no dropout here): what the
    // layer's units passed on. Sigmoid outputs are all positive, ReLU outputs never negative.
    for (int l = 0; l < 2; ++l)
      QCOMPARE(m.layers[l].activationMean, static_cast<double>(t.network().hiddenOutput(l).cast<double>().mean()));
    QVERIFY(m.layers[0].activationMean > 0.1 && m.layers[0].activationMean < 0.9);
    QVERIFY(m.layers[1].activationMean > 0);
    QVERIFY(std::isnan(m.layers[2].activationMean));
    double total = 0;
    for (const auto& s : m.layers) total += s.gradNorm * s.gradNorm;
    QVERIFY(std::abs(std::sqrt(total) - m.gradNormTotal) < 1e-6 * m.gradNormTotal);
  }

  void gridAndReports() {
    Trainer t(spiralConfig());
    for (int i = 0; i < 200; ++i) t.step();
    double x0, x1, y0, y1;
    t.mapBounds(x0, x1, y0, y1);
    QVERIFY(x0 < x1 && y0 < y1);
    setThreadCount(2);
    const GridEvaluation g = t.evaluateGrid(40, x0, x1, y0, y1, true);
    setThreadCount(1);
    const GridEvaluation g1 = t.evaluateGrid(40, x0, x1, y0, y1, true);
    QCOMPARE(g.values.rows(), Index(3));
    QCOMPARE(g.values.cols(), Index(1600));
    QVERIFY(g.values == g1.values);
    QVERIFY((g.values.colwise().sum().array() - 1).abs().maxCoeff() < 1e-5);
    QCOMPARE(int(g.hidden.size()), 3);
    const ClassificationReport r = t.report(Split::Validation);
    QCOMPARE(r.confusion.sum(), int(t.data().validation.size()));
    QCOMPARE(r.accuracy, t.evaluate(Split::Validation).accuracy);
    const RocCurve roc = t.roc(Split::Validation, 1);
    QVERIFY(roc.auc > 0.5 && roc.auc <= 1.0);
  }

  // TensorFlow Playground's lesson: with x₁² and x₂² as inputs, a network without hidden layers
  // (logistic regression) separates a circle; with x₁ and x₂ alone it cannot do better than
  // guessing the larger class. Over ten seeds, every one.
  void featureInputsMakeACircleLinear() {
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
      ExperimentConfig c;
      c.data.source = "circle";
      c.data.points = 400;
      c.data.noise = 0.05;
      c.data.seed = seed;
      c.hidden = {};
      c.optimizer.name = "adam";
      c.optimizer.learningRate = 0.05;
      c.training.batchSize = 20;
      c.training.seed = seed;
      double accuracy[2];
      for (const bool squares : {false, true}) {
        c.data.inputs = squares ? std::vector<std::string>{"x1^2", "x2^2"} : std::vector<std::string>{};
        Trainer t(c);
        QCOMPARE(t.network().inputs(), Index(2));
        for (int i = 0; i < 1500; ++i) t.step();
        accuracy[squares] = t.evaluate(Split::Validation).accuracy;
      }
      QVERIFY2(accuracy[1] >= 0.97 && accuracy[0] <= 0.7,
               qPrintable(QString("seed %1: x1,x2 %2, squares %3").arg(seed).arg(accuracy[0]).arg(accuracy[1])));
    }
  }

  // The expansion itself, the grid in the raw plane, and the checks.
  void featureInputsExpandTheRawPoints() {
    ExperimentConfig c;
    c.data.source = "xor";
    c.data.standardize = false;
    c.data.inputs = {"x1", "x1^2", "x1x2", "sin_x2"};
    c.hidden = {LayerConfig{.units = 4, .activation = "tanh"}};
    Trainer t(c);
    const PreparedData& d = t.data();
    QCOMPARE(d.train.features(), Index(4));
    QCOMPARE(d.trainRaw.rows(), Index(2));
    QCOMPARE(d.inputNames, (std::vector<std::string>{"x1", "x1^2", "x1x2", "sin_x2"}));
    QCOMPARE(d.train.featureNames.size(), std::size_t(2));  // the map's axes stay the raw features
    // Before resampling, train and trainRaw are the same points in the same order.
    for (Index i = 0; i < 5; ++i) {
      const Scalar a = d.trainRaw(0, i), b = d.trainRaw(1, i);
      QCOMPARE(d.train.X(0, i), a);
      QCOMPARE(d.train.X(1, i), a * a);
      QCOMPARE(d.train.X(2, i), a * b);
      QCOMPARE(d.train.X(3, i), std::sin(b));
    }
    for (int i = 0; i < 20; ++i) t.step();
    double x0, x1, y0, y1;
    t.mapBounds(x0, x1, y0, y1);
    const GridEvaluation g = t.evaluateGrid(16, x0, x1, y0, y1, true);
    QCOMPARE(g.values.cols(), Index(256));
    QVERIFY(g.values.allFinite());
    const auto error = [](std::vector<std::string> inputs, std::string source = "circle") {
      ExperimentConfig e;
      e.data.source = source;
      e.data.inputs = std::move(inputs);
      try {
        e.validate();
        Trainer tr(e);
      } catch (const ConfigError& x) {
        return x.field();
      }
      return std::string();
    };
    QCOMPARE(error({"x1", "x3"}), std::string("data.inputs[1]"));
    QCOMPARE(error({"x1", "x1"}), std::string("data.inputs[1]"));
    QCOMPARE(error({"x1^2"}), std::string());
  }

  // One weight set by hand: it lands where W(row, col) is, the next step starts from it, and bad
  // indices or values are refused naming the weight.
  void setWeightByHand() {
    Trainer t(xorConfig());
    const LayerInfo& l = t.network().layer(0);
    t.setWeight(0, 1, 0, 2.5);
    QCOMPARE(t.network().params()(l.weights.offset + 0 * l.rows + 1), Scalar(2.5));
    t.step();
    QVERIFY(std::abs(t.network().params()(l.weights.offset + 1) - 2.5f) < 0.5f);
    for (const auto& [layer, row, col, value] : std::vector<std::tuple<int, Index, Index, double>>{
             {-1, 0, 0, 1.0}, {9, 0, 0, 1.0}, {0, 99, 0, 1.0}, {0, 0, -1, 1.0}, {0, 0, 0, std::nan("")}, {0, 0, 0, 1e4}}) {
      try {
        t.setWeight(layer, row, col, value);
        QFAIL("accepted");
      } catch (const ConfigError& e) {
        QVERIFY2(e.field().rfind("layers[", 0) == 0, e.what());
      }
    }
  }

  void badConfigurationsNameTheField_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<int>("which");
    QTest::newRow("unknown activation") << "layers[0].activation" << 0;
    QTest::newRow("unknown optimizer") << "optimizer.name" << 1;
    QTest::newRow("negative learning rate") << "optimizer.lr" << 2;
    QTest::newRow("zero learning rate") << "optimizer.lr" << 3;
    QTest::newRow("learning rate 1e9") << "optimizer.lr" << 4;
    QTest::newRow("layer width 0") << "layers[1].units" << 5;
    QTest::newRow("batch size 0") << "training.batchSize" << 6;
    QTest::newRow("unknown loss") << "training.loss" << 7;
    QTest::newRow("dropout 1") << "layers[0].dropout" << 8;
    QTest::newRow("unknown init") << "init.scheme" << 9;
    QTest::newRow("minimum learning rate 1e9") << "schedule.minLr" << 10;
    QTest::newRow("10^6 points x 64 layers x 4096 units") << "layers" << 11;
    QTest::newRow("full batch of 10^6 through 16 layers of 512") << "training.batchSize" << 12;
  }
  void badConfigurationsNameTheField() {
    QFETCH(QString, field);
    QFETCH(int, which);
    ExperimentConfig c = spiralConfig();
    switch (which) {
      case 0:
        c.hidden[0].activation = "swish";
        break;
      case 1:
        c.optimizer.name = "lion";
        break;
      case 2:
        c.optimizer.learningRate = -0.1;
        break;
      case 3:
        c.optimizer.learningRate = 0;
        break;
      case 4:
        c.optimizer.learningRate = 1e9;
        break;
      case 5:
        c.hidden[1].units = 0;
        break;
      case 6:
        c.training.batchSize = 0;
        break;
      case 7:
        c.training.loss = "hinge";
        break;
      case 8:
        c.hidden[0].dropout = 1.0;
        break;
      case 9:
        c.init.scheme = "magic";
        break;
      case 10:  // the schedule's floor would lift the rate to 1e9 from the first step
        c.schedule.name = "plateau";
        c.schedule.minLearningRate = 1e9;
        break;
      case 11:  // every field in range, yet ~10^9 parameters (tens of GB with gradients and Adam)
        c.data.points = 1000000;
        c.hidden = std::vector<LayerConfig>(64, LayerConfig{.units = 4096, .activation = "relu"});
        break;
      case 12:  // 4M parameters, but a mini-batch of 10^6 samples through 8192 rows: 33 GB of activations
        c.data.points = 1000000;
        c.hidden = std::vector<LayerConfig>(16, LayerConfig{.units = 512, .activation = "relu"});
        c.training.batchSize = 1000000;
        break;
    }
    try {
      Trainer t(c);
      QFAIL("expected a ConfigError");
    } catch (const ConfigError& e) {
      QCOMPARE(QString::fromStdString(e.field()), field);
      QVERIFY(QString(e.what()).contains(field));
    }
  }
};

QTEST_APPLESS_MAIN(TrainerTest)
#include "tst_trainer.moc"
