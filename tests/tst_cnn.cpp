// The CNN lab's trainer without the app: determinism for a seed and across thread counts, the
// gradient norms it reports, freezing and reinitialising layers, divergence, and configurations it
// refuses with the field named. The presets' claims are in tst_app_cnn (they are read from files).
#include "cnn/CnnTrainer.h"
#include "core/Error.h"
#include "core/Parallel.h"

#include <QtTest>

#include <algorithm>
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

// True when the trainer refuses c with a ConfigError naming `field` (what it did say is logged).
bool refusedNaming(const CnnConfig& c, const std::shared_ptr<const CnnData>& data, const char* field) {
  try {
    CnnTrainer t(c, data);
  } catch (const ConfigError& e) {
    if (e.field() != field) qWarning("field %s, expected %s (%s)", e.field().c_str(), field, e.what());
    return e.field() == field;
  }
  qWarning("accepted; expected an error for %s", field);
  return false;
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
  void classesAndFewShots();
  void pretrainingSwitch();
  void refusesBadTransferSettings();
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
  const auto refused = [&](const CnnConfig& c, const char* field) { return refusedNaming(c, data, field); };
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

namespace {
std::vector<LayerSpec> lenet5() {
  std::vector<LayerSpec> s = lenet();
  s.back().units = 5;
  return s;
}
}  // namespace

// data.classes keeps the images of those labels only, relabelled in the order listed (0–4 for
// 5–9), in the split's order and with their pixels; data.perClass keeps the first N training
// images of each class and every validation and test image of them.
void TestCnn::classesAndFewShots() {
  auto all = digits();
  QVERIFY(selectCnnClasses(all, {}, 0, "data.classes") == all);  // the defaults select nothing
  const auto some = selectCnnClasses(all, {7, 5, 9, 6, 8}, 3, "data.classes");
  QCOMPARE(some->classNames, (std::vector<std::string>{"7", "5", "9", "6", "8"}));
  QCOMPARE(some->parts.train.numClasses, 5);
  QCOMPARE(some->parts.train.size(), Index(15));
  const std::vector<int> order = {7, 5, 9, 6, 8};
  const auto check = [&](const Dataset& full, const Dataset& part, int perClass) {
    std::vector<int> taken(10, 0);
    Index j = 0;
    for (Index i = 0; i < full.size(); ++i) {
      const int old = full.labels[static_cast<std::size_t>(i)];
      const auto at = std::find(order.begin(), order.end(), old);
      if (at == order.end() || (perClass > 0 && taken[static_cast<std::size_t>(old)] >= perClass)) continue;
      ++taken[static_cast<std::size_t>(old)];
      if (j >= part.size()) return false;
      if (part.labels[static_cast<std::size_t>(j)] != static_cast<int>(at - order.begin())) return false;
      if (part.X.col(j) != full.X.col(i)) return false;
      ++j;
    }
    return j == part.size();
  };
  QVERIFY(check(all->parts.train, some->parts.train, 3));
  QVERIFY(check(all->parts.validation, some->parts.validation, 0));
  QVERIFY(check(all->parts.test, some->parts.test, 0));
  QVERIFY(some->parts.test.size() > 150);  // every test image of the five classes: about half of 360
  // Few shots of every class.
  const auto few = selectCnnClasses(all, {}, 4, "data.classes");
  QCOMPARE(few->parts.train.size(), Index(40));
  QCOMPARE(few->parts.test.size(), all->parts.test.size());
  QCOMPARE(few->classNames, all->classNames);
  // The trainer trains, evaluates and reports on the selection.
  CnnConfig c = digitsConfig(lenet5());
  c.data.classes = {5, 6, 7, 8, 9};
  c.data.perClass = 3;
  CnnTrainer t(c, all);
  QCOMPARE(t.data().parts.train.size(), Index(15));
  QCOMPARE(t.evaluate(CnnSplit::Test).samples, selectCnnClasses(all, c.data.classes, 3, "")->parts.test.size());
  QVERIFY(t.pretrainData() == nullptr && !t.pretraining());
  // Without data.classes the trainer's data is the data it was given.
  CnnTrainer plain(digitsConfig(lenet()), all);
  QVERIFY(plain.dataPointer() == all);
}

// The pretraining phase: its steps train on the pretraining classes (validated on them); after its
// last step the head has new weights, the listed layers are frozen, and the task's few shots train
// the rest. Everything before the switch is what the same configuration without reinitialise and
// freeze does.
void TestCnn::pretrainingSwitch() {
  auto all = digits();
  CnnConfig c = digitsConfig(lenet5());
  c.data.classes = {5, 6, 7, 8, 9};
  c.data.perClass = 5;
  c.training.evalEvery = 100;  // the switch is evaluated anyway
  c.pretrain.steps = 40;
  c.pretrain.classes = {0, 1, 2, 3, 4};
  c.pretrain.reinitialize = {2};
  c.pretrain.freeze = {0, 1};
  CnnConfig twin = c;  // the same pretraining, nothing changed at the switch
  twin.pretrain.reinitialize.clear();
  twin.pretrain.freeze.clear();
  CnnTrainer t(c, all), u(twin, all);
  QVERIFY(t.pretraining());
  const Dataset& pre = t.pretrainData()->parts.train;
  QCOMPARE(pre.numClasses, 5);
  Index zeroToFour = 0;
  for (int l : all->parts.train.labels) zeroToFour += l < 5;
  QCOMPARE(pre.size(), zeroToFour);
  QCOMPARE(t.data().parts.train.size(), Index(25));
  CnnStep last;
  for (int i = 1; i <= 40; ++i) {
    last = t.step();
    u.step();
    QVERIFY(last.pretraining);
    QCOMPARE(last.evaluated, i == 40);
  }
  QVERIFY(!t.pretraining());
  // Pretrained on 0–4: their validation images are mostly right after 40 steps.
  QVERIFY2(last.valAccuracy > 0.8, qPrintable(QString::number(last.valAccuracy)));
  const Network& a = t.network();
  const Network& b = u.network();
  const ParamRange c0 = a.layer(0).all, c1 = a.layer(1).all, head = a.layer(2).all;
  QVERIFY(a.params().segment(c0.offset, c0.size) == b.params().segment(c0.offset, c0.size));
  QVERIFY(a.params().segment(c1.offset, c1.size) == b.params().segment(c1.offset, c1.size));
  QVERIFY(a.params().segment(head.offset, head.size) != b.params().segment(head.offset, head.size));
  QVERIFY(t.frozen(0) && t.frozen(1) && !t.frozen(2));
  QVERIFY(!u.frozen(0) && !u.frozen(1) && !u.frozen(2));
  QVERIFY(t.config().training.frozen.empty());  // the configuration still replays the run: pretrain.freeze
  QVERIFY(t.config().pretrain == c.pretrain && t.config().training == c.training);
  const Vector atSwitch = a.params();
  const CnnStep next = t.step();
  QVERIFY(!next.pretraining);
  QCOMPARE(next.step, 41LL);
  QCOMPARE(next.epoch, 1LL);  // the task's first epoch
  for (int i = 0; i < 29; ++i) t.step();
  QVERIFY(a.params().segment(c0.offset, c0.size) == atSwitch.segment(c0.offset, c0.size));
  QVERIFY(a.params().segment(c1.offset, c1.size) == atSwitch.segment(c1.offset, c1.size));
  QVERIFY(a.params().segment(head.offset, head.size) != atSwitch.segment(head.offset, head.size));
  // The head learned the task's five classes from 25 images on the frozen features.
  QVERIFY2(t.evaluate(CnnSplit::Test).accuracy > 0.5, qPrintable(QString::number(t.evaluate(CnnSplit::Test).accuracy)));
  // Deterministic.
  CnnTrainer again(c, all);
  for (int i = 0; i < 70; ++i) again.step();
  QVERIFY(again.network().params() == a.params());
}

void TestCnn::refusesBadTransferSettings() {
  auto data = digits();
  const auto refused = [&](const CnnConfig& c, const char* field) { return refusedNaming(c, data, field); };
  CnnConfig good = digitsConfig(lenet5());
  good.data.classes = {5, 6, 7, 8, 9};
  good.data.perClass = 5;
  good.pretrain.steps = 10;
  good.pretrain.classes = {0, 1, 2, 3, 4};
  good.pretrain.reinitialize = {2};
  good.pretrain.freeze = {0, 1};
  {
    CnnTrainer accepted(good, data);  // throws if not
    QVERIFY(accepted.pretraining());
  }
  CnnConfig c = good;
  c.data.classes[1] = -1;
  QVERIFY(refused(c, "data.classes[1]"));
  c = good;
  c.data.classes[3] = 12;  // the digits have labels 0 to 9
  QVERIFY(refused(c, "data.classes[3]"));
  c = good;
  c.data.classes[4] = 6;
  QVERIFY(refused(c, "data.classes[4]"));
  c = good;
  c.data.perClass = -1;
  QVERIFY(refused(c, "data.perClass"));
  c = good;
  c.pretrain.classes = {0, 1, 1, 3, 4};
  QVERIFY(refused(c, "pretrain.classes[2]"));
  c = good;
  c.pretrain.classes = {0, 1, 10};
  QVERIFY(refused(c, "pretrain.classes[2]"));
  c = good;
  c.pretrain.classes = {0, 1, 2, 3, 4, 5};  // six classes for a head of five
  QVERIFY(refused(c, "pretrain.classes"));
  c = good;
  c.pretrain.classes.clear();
  QVERIFY(refused(c, "pretrain.classes"));
  c = good;
  c.pretrain.freeze = {0, 3};
  QVERIFY(refused(c, "pretrain.freeze[1]"));
  c = good;
  c.pretrain.reinitialize = {-2};
  QVERIFY(refused(c, "pretrain.reinitialize[0]"));
  c = good;
  c.pretrain.steps = -1;
  QVERIFY(refused(c, "pretrain.steps"));
  c = good;
  c.pretrain.steps = 0;  // the rest of the block would be ignored
  QVERIFY(refused(c, "pretrain.steps"));
  c = good;
  c.pretrain.perClass = 100001;
  QVERIFY(refused(c, "pretrain.perClass"));
}

QTEST_GUILESS_MAIN(TestCnn)
#include "tst_cnn.moc"
