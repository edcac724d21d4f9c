// The CNN lab's trainer without the app: determinism for a seed and across thread counts, the
// gradient norms it reports, freezing and reinitialising layers, divergence, and configurations it
// refuses with the field named. The presets' claims are in tst_app_cnn (they are read from files).
#include "cnn/CnnTrainer.h"
#include "core/Error.h"
#include "core/Parallel.h"

#include <QtTest>

#include <cmath>
#include <cstdlib>

using namespace dl;

namespace {

const char* kDigits = DLPLAY_SOURCE_DIR "/resources/data/digits.csv.gz";

LayerSpec layer(const char* kind, Index units = 0, Index kernel = 0) {
  LayerSpec s;
  s.kind = kind;
  s.units = units;
  s.kernel = kernel;
  if (std::string(kind) == "conv2d") s.padding = LayerSpec::kSamePadding;
  return s;
}
LayerSpec relu() {
  LayerSpec s = layer("activation");
  s.activation.activation = "relu";
  return s;
}

std::vector<LayerSpec> lenet() {
  return {layer("conv2d", 8, 3),     relu(),           layer("max_pool2d", 0, 2), layer("conv2d", 16, 3), relu(),
          layer("max_pool2d", 0, 2), layer("flatten"), layer("dense", 10)};
}

CnnConfig digitsConfig(std::vector<LayerSpec> stack) {
  CnnConfig c;
  c.layers = std::move(stack);
  c.training.steps = 100;
  c.training.evalEvery = 50;
  return c;
}

std::shared_ptr<const CnnData> digits(const CnnDataConfig& d = {}) {
  return prepareCnnData(d, loadCnnImages(d, kDigits));
}

Vector trained(const CnnConfig& c, std::shared_ptr<const CnnData> data, long long steps) {
  CnnTrainer t(c, std::move(data));
  for (long long i = 0; i < steps; ++i) t.step();
  return t.network().params();
}

}  // namespace

class TestCnn : public QObject {
  Q_OBJECT
private slots:
  void trainsTheDigits();
  void deterministicAcrossThreads();
  void gradientNormsPerLayer();
  void freezeAndReinitialise();
  void divergenceStops();
  void refusesBadConfigurations();
  void shapesAndChanges();
};

void TestCnn::trainsTheDigits() {
  auto data = digits();
  QCOMPARE(data->shape, (ImageShape{1, 8, 8}));
  CnnConfig c = digitsConfig(lenet());
  CnnTrainer t(c, data);
  const double before = t.evaluate(CnnSplit::Test).accuracy;
  bool evaluated = false;
  for (int i = 0; i < 100; ++i) evaluated = t.step().evaluated || evaluated;
  QVERIFY(evaluated);
  const CnnEvaluation e = t.evaluate(CnnSplit::Test);
  QVERIFY2(e.accuracy > before + 0.3 && e.accuracy > 0.8, qPrintable(QString::number(e.accuracy)));
  QCOMPARE(e.confusion.sum(), int(e.samples));
  QCOMPARE(e.confusion.rows(), 10);
  QCOMPARE(e.confusion.trace(), int(std::lround(e.accuracy * double(e.samples))));
  QCOMPARE(t.stepCount(), 100LL);
  QVERIFY(t.epoch() >= 2);  // 1,078 training images, 32 a batch: 34 steps an epoch
}

// A seed gives the same weights twice, and on one thread as on two.
void TestCnn::deterministicAcrossThreads() {
  auto data = digits();
  CnnConfig c = digitsConfig(lenet());
  c.augment.maxShift = 1;
  c.augment.noise = 0.05;
  setThreadCount(1);
  const Vector one = trained(c, data, 40);
  const Vector again = trained(c, data, 40);
  setThreadCount(2);
  const Vector two = trained(c, data, 40);
  QVERIFY(one == again);
  QVERIFY(one == two);
  CnnTrainer t1(c, data), t2(c, data);
  setThreadCount(1);
  const double a = t1.evaluate(CnnSplit::Test, {1, 0}).loss;
  setThreadCount(2);
  QCOMPARE(t2.evaluate(CnnSplit::Test, {1, 0}).loss, a);
  c.training.seed = 2;
  QVERIFY(trained(c, data, 40) != one);
}

void TestCnn::gradientNormsPerLayer() {
  CnnTrainer t(digitsConfig(lenet()), digits());
  const CnnStep s = t.step();
  QCOMPARE(int(s.gradNorms.size()), 3);  // conv, conv, dense
  double total = 0;
  for (double g : s.gradNorms) {
    QVERIFY(std::isfinite(g) && g > 0);
    total += g * g;
  }
  QVERIFY(std::abs(std::sqrt(total) - s.gradNormTotal) < 1e-9 * s.gradNormTotal);
}

// A frozen layer keeps its exact values while the others learn; reinitialising one layer changes
// only that layer.
void TestCnn::freezeAndReinitialise() {
  CnnConfig c = digitsConfig(lenet());
  c.training.frozen = {0};
  CnnTrainer t(c, digits());
  const ParamRange first = t.network().layer(0).all, head = t.network().layer(2).all;
  const Vector start = t.network().params();
  for (int i = 0; i < 20; ++i) t.step();
  const Vector after = t.network().params();
  QVERIFY(after.segment(first.offset, first.size) == start.segment(first.offset, first.size));
  QVERIFY(after.segment(head.offset, head.size) != start.segment(head.offset, head.size));
  QVERIFY(t.frozen(0) && !t.frozen(1));
  t.setFrozen(0, false);
  t.setFrozen(2, true);
  for (int i = 0; i < 5; ++i) t.step();
  const Vector later = t.network().params();
  QVERIFY(later.segment(first.offset, first.size) != after.segment(first.offset, first.size));
  QVERIFY(later.segment(head.offset, head.size) == after.segment(head.offset, head.size));
  QCOMPARE(t.config().training.frozen, std::vector<int>{2});

  t.reinitializeLayer(1, 77);
  const Vector re = t.network().params();
  const ParamRange mid = t.network().layer(1).all;
  QVERIFY(re.segment(mid.offset, mid.size) != later.segment(mid.offset, mid.size));
  QVERIFY(re.segment(first.offset, first.size) == later.segment(first.offset, first.size));
  QVERIFY(re.segment(head.offset, head.size) == later.segment(head.offset, head.size));
  QVERIFY_THROWS_EXCEPTION(ConfigError, t.setFrozen(3, true));
  QVERIFY_THROWS_EXCEPTION(ConfigError, t.reinitializeLayer(-1, 1));
}

// Weights of 100 everywhere and momentum at the largest learning rate run away: the trainer stops
// at that step, keeps finite weights, and refuses to step further.
void TestCnn::divergenceStops() {
  CnnConfig c = digitsConfig(lenet());
  c.optimizer.name = "momentum";
  c.optimizer.learningRate = 10;
  c.init.scheme = "constant";
  c.init.value = 100;
  for (LayerSpec& s : c.layers)  // no ReLU to die and stop the growth
    if (s.kind == "activation") s.activation.activation = "linear";
  CnnTrainer t(c, digits());
  for (int i = 0; i < 200 && !t.diverged(); ++i) t.step();
  QVERIFY(t.diverged());
  QVERIFY(t.divergence()->step >= 1 && t.divergence()->step <= 200);
  QVERIFY(t.network().params().allFinite());
  QVERIFY_THROWS_EXCEPTION(std::logic_error, t.step());
}

void TestCnn::refusesBadConfigurations() {
  auto data = digits();
  const auto refused = [&](CnnConfig c, const char* field) {
    try {
      CnnTrainer t(c, data);
    } catch (const ConfigError& e) {
      if (e.field() != field) qWarning("field %s, expected %s (%s)", e.field().c_str(), field, e.what());
      return e.field() == field;
    }
    qWarning("accepted; expected an error for %s", field);
    return false;
  };
  CnnConfig c = digitsConfig(lenet());
  c.optimizer.learningRate = 1e9;
  QVERIFY(refused(c, "optimizer.lr"));
  c = digitsConfig(lenet());
  c.layers[0].kind = "conv3d";
  QVERIFY(refused(c, "layers[0].kind"));
  c = digitsConfig(lenet());
  c.layers[0].units = 0;
  QVERIFY(refused(c, "layers[0].units"));
  c = digitsConfig(lenet());
  c.layers[0].kernel = 12;  // larger than the padded 8×8 image
  c.layers[0].padding = 0;
  QVERIFY(refused(c, "layers[0].output"));
  c = digitsConfig(lenet());
  c.layers.back().units = 7;
  QVERIFY(refused(c, "layers"));
  c = digitsConfig(lenet());
  c.layers.clear();
  QVERIFY(refused(c, "layers"));
  c = digitsConfig(lenet());
  c.training.batchSize = 0;
  QVERIFY(refused(c, "training.batchSize"));
  c = digitsConfig(lenet());
  c.training.frozen = {5};
  QVERIFY(refused(c, "training.frozen[0]"));
  c = digitsConfig(lenet());
  c.data.source = "cifar";
  QVERIFY(refused(c, "data.source"));
  c = digitsConfig(lenet());
  c.augment.maxShift = 9;
  QVERIFY(refused(c, "augment.maxShift"));
  CnnDataConfig d;
  QVERIFY_THROWS_EXCEPTION(DataError, loadCnnImages(d, "/nonexistent/digits.csv"));
  d.source = "fashion-mnist";
  try {
    loadCnnImages(d, kDigits, "/nonexistent");
    QFAIL("no error");
  } catch (const DataError& e) {
    QVERIFY2(std::string(e.what()).find("apt-get install dataset-fashion-mnist") != std::string::npos, e.what());
  }
}

// Synthetic shapes train too, and a shift moved back gives the images back.
void TestCnn::shapesAndChanges() {
  CnnDataConfig d;
  d.source = "shapes";
  d.shapesSize = 12;
  d.shapesCount = 300;
  auto data = prepareCnnData(d, loadCnnImages(d, ""));
  QCOMPARE(data->shape, (ImageShape{1, 12, 12}));
  CnnConfig c;
  c.data = d;
  c.layers = {layer("conv2d", 4, 3), relu(), layer("global_avg_pool"), layer("dense", 6)};
  CnnTrainer t(c, data);
  for (int i = 0; i < 5; ++i) QVERIFY(std::isfinite(t.step().trainLoss));
  const CnnEvaluation same = t.evaluate(CnnSplit::Test), none = t.evaluate(CnnSplit::Test, {0, 0, false});
  QCOMPARE(same.loss, none.loss);
  QVERIFY(t.evaluate(CnnSplit::Test, {2, 0}).loss != same.loss);
}

QTEST_GUILESS_MAIN(TestCnn)
#include "tst_cnn.moc"
