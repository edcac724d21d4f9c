// The "Try it" presets: every file parses and validates, and every preset, trained headless with
// dl::Trainer, makes the claim that docs/presets.md lists and the notes quote. Comparison claims
// train every preset of the group the same number of steps and check first that the presets
// differ only in the setting being compared.
//
// DLPLAY_PRESET_SEED=n overrides every preset's training seed (weights, shuffling, dropout masks)
// to check that a claim is not an accident of seed 1. DLPLAY_PRESET_SEEDS=101-200 is the seed sweep
// (main() at the end): every claim once per seed, each claim's pass rate printed, exit 1 when one
// holds on fewer than 95% of the seeds; docs/presets.md lists the rates.
#include "io/ExperimentIo.h"
#include "io/PresetCatalog.h"
#include "io/Presets.h"
#include "data/Generators.h"
#include "train/Runs.h"
#include "train/Trainer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <Eigen/Cholesky>

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <string>
#include <vector>

using namespace dl;

namespace {

// The presets docs/presets.md promises.
const QStringList kPresets = {"adam-ill-conditioned",
                              "batch-full",
                              "batch-size-1",
                              "batch-size-32",
                              "batchnorm-high-lr",
                              "constant-lr-oscillates",
                              "dead-relu-high-lr",
                              "deep-relu-he",
                              "deep-relu-xavier",
                              "dropout-small-noisy",
                              "exploding-clipped",
                              "exploding-large-init",
                              "imbalance-accuracy-paradox",
                              "imbalance-class-weights",
                              "imbalance-oversample",
                              "imbalance-smote",
                              "imbalance-undersample",
                              "inputs-raw",
                              "inputs-standardised",
                              "inputs-whitened",
                              "l1-vs-l2",
                              "leaky-relu-high-lr",
                              "logistic-regression",
                              "loss-cross-entropy-saturated",
                              "loss-mse-saturated",
                              "lr-decay-settles",
                              "momentum-ill-conditioned",
                              "no-batchnorm-high-lr",
                              "overfit-large-network",
                              "overfit-no-dropout",
                              "perceptron-linear",
                              "perceptron-xor",
                              "random-labels-memorised",
                              "sgd-ill-conditioned",
                              "sigmoid-not-zero-centred",
                              "sigmoid-saturation-large-init",
                              "tanh-zero-centred",
                              "underfit-small-network",
                              "validation-vs-test",
                              "vanishing-sigmoid-deep",
                              "xor-linear",
                              "xor-tanh",
                              "zero-init-symmetry"};

// The training seed of the current sweep round (DLPLAY_PRESET_SEEDS), else DLPLAY_PRESET_SEED.
std::optional<unsigned long long> g_seed;
bool g_sweeping = false;

// DLPLAY_PRESET_DIR=dir reads the presets from dir/<name>.json instead of the compiled-in copies,
// to try a retune without rebuilding (presetFiles still compares the compiled-in files).
ExperimentConfig preset(const QString& name) {
  const QByteArray dir = qgetenv("DLPLAY_PRESET_DIR");
  ExperimentConfig c = dir.isEmpty()
                           ? dlio::readPreset(name).config
                           : dlio::readExperimentFile(QString::fromLocal8Bit(dir) + "/" + name + ".json").config;
  const QByteArray seed = qgetenv("DLPLAY_PRESET_SEED");
  if (g_seed)
    c.training.seed = *g_seed;
  else if (!seed.isEmpty())
    c.training.seed = seed.toULongLong();
  return c;
}

// The measured numbers of the running claim: printed, and kept for the sweep's report.
std::map<QString, QString> g_measured;
#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
void measured(const char* format, ...) {
  va_list args;
  va_start(args, format);
  const QString text = QString::vasprintf(format, args);
  va_end(args);
  g_measured[QString::fromLatin1(QTest::currentTestFunction())] = text;
  if (!g_sweeping) qInfo("%s", qPrintable(text));
}

// A configuration without its name and description, for "same setup except X" comparisons.
QJsonObject setupOf(ExperimentConfig c) {
  c.name.clear();
  c.description.clear();
  return dlio::configToJson(c);
}

struct Run {
  std::unique_ptr<Trainer> trainer;
  std::vector<StepMetrics> steps;
};

// Trains `steps` steps (the preset's own budget when negative), stopping at a divergence.
Run train(const ExperimentConfig& c, long long steps = -1) {
  Run r;
  r.trainer = std::make_unique<Trainer>(c);
  const long long n = steps < 0 ? c.training.steps : steps;
  r.steps.reserve(static_cast<std::size_t>(n));
  for (long long i = 0; i < n && !r.trainer->diverged(); ++i) r.steps.push_back(r.trainer->step());
  return r;
}

// Runs shared by the tests of one comparison group (each preset trained once, full budget).
// Emptied at every seed of a sweep.
std::map<QString, Run> g_runs;
const Run& cached(const QString& name) {
  auto it = g_runs.find(name);
  if (it == g_runs.end()) it = g_runs.emplace(name, train(preset(name))).first;
  return it->second;
}

double mean(const std::vector<double>& v) {
  return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}
double stdev(const std::vector<double>& v) {
  const double m = mean(v);
  double s = 0;
  for (double x : v) s += (x - m) * (x - m);
  return std::sqrt(s / static_cast<double>(v.size()));
}

std::vector<double> trainLosses(const Run& r, std::size_t from = 0, std::size_t to = SIZE_MAX) {
  std::vector<double> v;
  for (std::size_t i = from; i < std::min(to, r.steps.size()); ++i) v.push_back(r.steps[i].trainLoss);
  return v;
}
// The training losses of the last `fraction` of the steps.
std::vector<double> lossTail(const Run& r, double fraction) {
  return trainLosses(
      r, r.steps.size() - static_cast<std::size_t>(std::lround(fraction * static_cast<double>(r.steps.size()))));
}
// Step-to-step noise: standard deviation of the differences of consecutive training losses.
double stepNoise(const Run& r) {
  std::vector<double> d;
  for (std::size_t i = 1; i < r.steps.size(); ++i) d.push_back(r.steps[i].trainLoss - r.steps[i - 1].trainLoss);
  return stdev(d);
}

// The lowest validation loss of the evaluated steps and the step it was reached at.
std::pair<double, long long> bestValLoss(const Run& r) {
  std::pair<double, long long> best{INFINITY, 0};
  for (const StepMetrics& m : r.steps)
    if (m.evaluated && m.valLoss < best.first) best = {m.valLoss, m.step};
  return best;
}

// Hidden-layer outputs (units, N) on the training set, inference mode.
std::vector<Matrix> hiddenOutputs(const Trainer& t) {
  Network::Workspace ws;
  Matrix logits;
  std::vector<Matrix> hidden;
  t.network().infer(t.data().train.X, logits, ws, &hidden);
  return hidden;
}
double meanSquare(const Matrix& m) { return static_cast<double>(m.array().square().mean()); }

// Fraction of a hidden layer's units whose output is zero for every training sample (dead).
double deadFraction(const Trainer& t, int layer) {
  const Matrix h = hiddenOutputs(t)[static_cast<std::size_t>(layer)];
  Index dead = 0;
  for (Index u = 0; u < h.rows(); ++u) dead += (h.row(u).array() == Scalar(0)).all() ? 1 : 0;
  return static_cast<double>(dead) / static_cast<double>(h.rows());
}

double firstLayerToOutputGradRatio(const StepMetrics& m) {
  return m.layers.front().gradNorm / m.layers.back().gradNorm;
}

}  // namespace

class TestAppPresets : public QObject {
  Q_OBJECT

private slots:
  void init();
  void cleanup();

  void presetFiles();
  void catalogCoversEveryPreset();
  void catalogTexts();
  void catalogKeepsComparisonsTogether();
  void catalogFallback();

  void vanishingSigmoidDeep();
  void deepReluHe();
  void deepReluXavier();
  void explodingLargeInit();
  void explodingClipped();
  void zeroInitSymmetry();
  void sigmoidSaturationLargeInit();
  void deadReluHighLr();
  void leakyReluHighLr();
  void xorLinear();
  void xorTanh();
  void sigmoidNotZeroCentred();
  void tanhZeroCentred();
  void l1VsL2();
  void overfitNoDropout();
  void dropoutSmallNoisy();
  void noBatchnormHighLr();
  void batchnormHighLr();
  void constantLrOscillates();
  void lrDecaySettles();
  void batchSize1();
  void batchSize32();
  void batchFull();
  void sgdIllConditioned();
  void momentumIllConditioned();
  void adamIllConditioned();
  void imbalanceAccuracyParadox();
  void imbalanceClassWeights();
  void imbalanceOversample();
  void imbalanceUndersample();
  void imbalanceSmote();
  void underfitSmallNetwork();
  void overfitLargeNetwork();
  void perceptronLinear();
  void perceptronXor();
  void logisticRegression();
  void randomLabelsMemorised();
  void inputsRaw();
  void inputsStandardised();
  void inputsWhitened();
  void lossMseSaturated();
  void lossCrossEntropySaturated();
  void validationVsTest();
  void validationVsTestTuning();
};

// Every playground file in resources/presets parses, validates and builds a trainer; the
// compiled-in list is exactly the files; each preset is named after its file and describes itself
// in one sentence. (Other labs' presets share the folder; their own suites read them.)
void TestAppPresets::presetFiles() {
  const QDir dir(QStringLiteral(DLPLAY_SOURCE_DIR) + "/resources/presets");
  QStringList files;
  for (const QString& f : dir.entryList({"*.json"}, QDir::Files, QDir::Name)) files << f.chopped(5);
  QCOMPARE(dlio::presetNames(), files);
  QStringList expected = kPresets;
  expected.sort();
  QCOMPARE(dlio::presetNames("playground"), expected);
  for (const QString& name : expected) {
    const dlio::ExperimentFile onDisk = dlio::readExperimentFile(dir.filePath(name + ".json"));
    const dlio::ExperimentFile compiled = dlio::readPreset(name);
    QVERIFY2(!compiled.state, qPrintable(name));
    QCOMPARE(dlio::configToJson(compiled.config), dlio::configToJson(onDisk.config));
    QCOMPARE(QString::fromStdString(compiled.config.name), name);
    const QString d = QString::fromStdString(compiled.config.description);
    QVERIFY2(d.size() > 20 && d.endsWith('.') && !d.chopped(1).contains(". "), qPrintable(name + ": " + d));
    try {
      Trainer t(compiled.config);
      QVERIFY(t.data().train.size() > 0);
    } catch (const std::exception& e) {
      QFAIL(qPrintable(name + ": " + e.what()));
    }
  }
}

namespace {
bool hasCjk(const QString& s) {
  return std::any_of(s.cbegin(), s.cend(), [](QChar c) { return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF; });
}
}  // namespace

// resources/preset-catalog.json (the Presets menu's groups and the bilingual titles): every preset
// file is listed exactly once, every entry has a file and a group that exists, no group is empty.
void TestAppPresets::catalogCoversEveryPreset() {
  dlio::PresetCatalog catalog;
  QString error;
  QVERIFY2(catalog.load(QStringLiteral(":/preset-catalog.json"), &error), qPrintable(error));
  QCOMPARE(dlio::PresetCatalog::builtIn().entries().size(), catalog.entries().size());

  // Count the names in the file itself: the reader refuses a duplicate, the test says which.
  QFile f(QStringLiteral(DLPLAY_SOURCE_DIR "/resources/preset-catalog.json"));
  QVERIFY(f.open(QIODevice::ReadOnly));
  const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
  std::map<QString, int> listed;
  for (const QJsonValue& v : root.value("presets").toArray()) ++listed[v.toObject().value("name").toString()];
  for (const QString& name : dlio::presetNames())
    QVERIFY2(listed[name] == 1, qPrintable(QString("%1 is listed %2 times").arg(name).arg(listed[name])));
  for (const auto& [name, count] : listed)
    QVERIFY2(dlio::presetNames().contains(name), qPrintable(name + " has no file in resources/presets"));
  QCOMPARE(catalog.entries().size(), dlio::presetNames().size());

  QStringList groupIds;
  for (const dlio::PresetGroup& g : catalog.groups()) {
    QVERIFY2(!g.id.isEmpty() && !groupIds.contains(g.id), qPrintable("group id '" + g.id + "'"));
    groupIds << g.id;
    QVERIFY2(!g.presets.isEmpty(), qPrintable("group " + g.id + " is empty"));
    QVERIFY2(!g.title.en.isEmpty() && hasCjk(g.title.zh), qPrintable("group " + g.id));
  }
  for (const dlio::PresetEntry& e : catalog.entries()) {
    QVERIFY2(groupIds.contains(e.group), qPrintable(e.name + " has an unknown group '" + e.group + "'"));
    QVERIFY2(e.map.isEmpty() || e.map == "inputs", qPrintable(e.name + " has an unknown map '" + e.map + "'"));
  }
  // The preprocessing presets show the data as the network sees it.
  for (const char* name : {"inputs-raw", "inputs-standardised", "inputs-whitened"})
    QCOMPARE(catalog.entry(name)->map, QStringLiteral("inputs"));

  // Labs: each has bilingual words and presets; every group is in one, every preset in its group's.
  QStringList labIds;
  for (const dlio::LabEntry& l : catalog.labs()) {
    QVERIFY2(!l.id.isEmpty() && !labIds.contains(l.id), qPrintable("lab id '" + l.id + "'"));
    labIds << l.id;
    QVERIFY2(!l.title.en.isEmpty() && hasCjk(l.title.zh) && hasCjk(l.summary.zh) && !l.summary.en.isEmpty(),
             qPrintable("lab " + l.id));
    QVERIFY2(!catalog.presetsOf(l.id).isEmpty(), qPrintable("lab " + l.id + " has no presets"));
  }
  QCOMPARE(catalog.labIds(), labIds);
  for (const dlio::PresetEntry& e : catalog.entries())
    for (const dlio::PresetGroup& g : catalog.groups())
      if (g.id == e.group) QCOMPARE(e.lab, g.lab);
  // A group naming a lab the catalogue does not have is refused, with the group and the lab named.
  QTemporaryDir dir;
  QJsonObject broken = root;
  QJsonArray groups = broken.value("groups").toArray();
  QJsonObject first = groups.at(0).toObject();
  first.insert("lab", "nope");
  groups.replace(0, first);
  broken.insert("groups", groups);
  const QString path = dir.filePath("catalog.json");
  QFile out(path);
  QVERIFY(out.open(QIODevice::WriteOnly));
  out.write(QJsonDocument(broken).toJson());
  out.close();
  dlio::PresetCatalog bad;
  QVERIFY(!bad.load(path, &error));
  QVERIFY2(error.contains(first.value("id").toString()) && error.contains("'nope'"), qPrintable(error));
}

// Titles are short; the English description is the preset file's own, word for word; the Chinese
// title and description exist and are Chinese.
void TestAppPresets::catalogTexts() {
  const dlio::PresetCatalog& catalog = dlio::PresetCatalog::builtIn();
  QVERIFY(!catalog.entries().isEmpty());
  for (const dlio::PresetEntry& e : catalog.entries()) {
    QVERIFY2(!e.title.en.isEmpty() && e.title.en.size() <= 42, qPrintable(e.name + " title.en: " + e.title.en));
    QVERIFY2(hasCjk(e.title.zh), qPrintable(e.name + " title.zh: " + e.title.zh));
    QVERIFY2(hasCjk(e.description.zh), qPrintable(e.name + " description.zh: " + e.description.zh));
    QVERIFY2(e.title.zh != e.title.en && e.description.zh != e.description.en, qPrintable(e.name));
    // (Another lab's preset is another kind of file; its own suite compares its description.)
    if (e.lab == QLatin1String("playground"))
      QCOMPARE(e.description.en, QString::fromStdString(dlio::readPreset(e.name).config.description));
    QCOMPARE(catalog.title(e.name, "zh"), e.title.zh);
    QCOMPARE(catalog.title(e.name, "en"), e.title.en);
    QCOMPARE(catalog.description(e.name, "zh"), e.description.zh);
  }
}

// Presets meant to be compared sit next to each other in one group, in the order the notes and
// docs/presets.md compare them.
void TestAppPresets::catalogKeepsComparisonsTogether() {
  const dlio::PresetCatalog& catalog = dlio::PresetCatalog::builtIn();
  const QList<QStringList> runs = {
      {"exploding-large-init", "exploding-clipped"},
      {"deep-relu-xavier", "deep-relu-he"},
      {"dead-relu-high-lr", "leaky-relu-high-lr"},
      {"xor-linear", "xor-tanh"},
      {"sigmoid-not-zero-centred", "tanh-zero-centred"},
      {"overfit-no-dropout", "dropout-small-noisy"},
      {"no-batchnorm-high-lr", "batchnorm-high-lr"},
      {"constant-lr-oscillates", "lr-decay-settles"},
      {"batch-size-1", "batch-size-32", "batch-full"},
      {"sgd-ill-conditioned", "momentum-ill-conditioned", "adam-ill-conditioned"},
      {"imbalance-accuracy-paradox", "imbalance-class-weights", "imbalance-oversample", "imbalance-undersample",
       "imbalance-smote"},
      {"perceptron-linear", "perceptron-xor"},
      {"inputs-raw", "inputs-standardised", "inputs-whitened"},
      {"logistic-regression", "loss-mse-saturated", "loss-cross-entropy-saturated"},
      {"cnn-transfer-frozen", "cnn-transfer-scratch", "cnn-transfer-finetune"},
  };
  for (const QStringList& run : runs) {
    bool found = false;
    for (const dlio::PresetGroup& g : catalog.groups()) {
      const qsizetype first = g.presets.indexOf(run.front());
      if (first < 0) continue;
      found = true;
      QVERIFY2(g.presets.mid(first, run.size()) == run, qPrintable(run.join(", ") + " are not together in order"));
    }
    QVERIFY2(found, qPrintable(run.front()));
  }
}

// A preset the catalogue does not list keeps a readable name and no description.
void TestAppPresets::catalogFallback() {
  const dlio::PresetCatalog& catalog = dlio::PresetCatalog::builtIn();
  QVERIFY(!catalog.entry("my-new-preset"));
  QCOMPARE(catalog.title("my-new-preset", "zh"), QStringLiteral("My new preset"));
  QCOMPARE(catalog.title("sgd-vs-adam", "en"), QStringLiteral("SGD vs. Adam"));
  QVERIFY(catalog.description("my-new-preset", "zh").isEmpty());
  dlio::PresetCatalog missing;
  QString error;
  QVERIFY(!missing.load(QStringLiteral(":/no-such-catalog.json"), &error));
  QVERIFY(!error.isEmpty());
  QCOMPARE(missing.title("xor-tanh", "zh"), QStringLiteral("XOR tanh"));
  const dlio::LocalizedText onlyEnglish{QString(), QStringLiteral("English")};
  QCOMPARE(onlyEnglish.in("zh"), QStringLiteral("English"));
}

// Over the first 200 steps the layer-1 gradient norm stays below 1% of the output layer's at every
// step; the He network of the same kind stays far above that bound.
void TestAppPresets::vanishingSigmoidDeep() {
  const Run r = train(preset("vanishing-sigmoid-deep"), 200);
  QCOMPARE(r.steps.size(), std::size_t(200));
  double worst = 0;
  for (const StepMetrics& m : r.steps) worst = std::max(worst, firstLayerToOutputGradRatio(m));
  measured("vanishing-sigmoid-deep: max layer-1/output gradient-norm ratio over steps 1-200 = %.3g", worst);
  QVERIFY(worst < 0.01);
  const Run he = train(preset("deep-relu-he"), 200);
  double heWorst = 0;
  for (const StepMetrics& m : he.steps) heWorst = std::max(heWorst, firstLayerToOutputGradRatio(m));
  QVERIFY(heWorst >= 0.01);  // the bound is not vacuous
}

// Over the first 200 steps the layer-1 gradient norm averages between 0.1× and 10× the output
// layer's; validation accuracy reaches 95% within 200 steps.
void TestAppPresets::deepReluHe() {
  const Run r = train(preset("deep-relu-he"), 200);
  double g1 = 0, gOut = 0, reached = 0;
  for (const StepMetrics& m : r.steps) {
    g1 += m.layers.front().gradNorm;
    gOut += m.layers.back().gradNorm;
    if (m.evaluated && m.valAccuracy >= 0.95 && reached == 0) reached = static_cast<double>(m.step);
  }
  const double ratio = g1 / gOut;
  measured(
      "deep-relu-he: mean layer-1/output gradient-norm ratio (steps 1-200) = %.3g; 95%% validation accuracy at step %g",
      ratio, reached);
  QVERIFY(ratio >= 0.1 && ratio <= 10);
  QVERIFY(reached > 0 && reached <= 200);
}

// At initialisation the mean square of the activations halves at every ReLU layer: layer 20 holds
// < 1e-4 of layer 1's (He: > 1e-2). Mean training loss over the first 200 steps ≥ 2× He's.
void TestAppPresets::deepReluXavier() {
  const ExperimentConfig he = preset("deep-relu-he");
  ExperimentConfig c = preset("deep-relu-xavier");
  ExperimentConfig expected = he;
  expected.init.scheme = "xavier_normal";
  QCOMPARE(setupOf(c), setupOf(expected));

  const Trainer xavierInit(c), heInit(he);
  const std::vector<Matrix> hx = hiddenOutputs(xavierInit), hh = hiddenOutputs(heInit);
  const double xavierSignal = meanSquare(hx.back()) / meanSquare(hx.front());
  const double heSignal = meanSquare(hh.back()) / meanSquare(hh.front());
  const Run x = train(c, 200), h = train(he, 200);
  const double xavierLoss = mean(trainLosses(x)), heLoss = mean(trainLosses(h));
  measured(
      "deep-relu-xavier: activation mean square layer 20 / layer 1 at init = %.3g (He %.3g); mean loss steps 1-200 = "
      "%.3f (He %.3f)",
      xavierSignal, heSignal, xavierLoss, heLoss);
  QVERIFY(xavierSignal < 1e-4);
  QVERIFY(heSignal > 1e-2);
  QVERIFY(xavierLoss >= 2 * heLoss);
}

// Weights at 1.6× He's spread: the signal grows about 1.6× per layer, so the first gradient is
// more than 10× that of a He-initialised copy (same seed); the norms keep growing and training
// turns non-finite within 10 steps. The steps before that are printed with their gradient norms.
void TestAppPresets::explodingLargeInit() {
  const ExperimentConfig c = preset("exploding-large-init");
  ExperimentConfig he = c;
  he.init.scheme = "he_normal";
  const Run r = train(c, 200), h = train(he, 1);
  QVERIFY(r.trainer->diverged());
  const long long at = r.trainer->divergence()->step;
  QString norms;
  for (const StepMetrics& m : r.steps)
    if (m.step < at) norms += QString(" %1").arg(m.gradNormTotal, 0, 'g', 3);
  const double ratio = r.steps.front().gradNormTotal / h.steps.front().gradNormTotal;
  measured(
      "exploding-large-init: global gradient norm before clipping at steps 1-%lld:%s; step 1 is %.0fx He-normal's "
      "(%.3g); %s",
      at - 1, qPrintable(norms), ratio, h.steps.front().gradNormTotal, r.trainer->divergence()->describe().c_str());
  QVERIFY(at >= 2);  // at least one finite step to see
  QVERIFY(ratio >= 10);
  QVERIFY(at <= 10);
}

// With clipping by global norm 1 the same network learns: all 2,000 steps finite with clipping
// active; the training loss of the last 100 steps averages below 1% of the first 10 steps'; the
// final validation loss is at most 0.3 (under half a coin flip's ln 2 = 0.69) with validation
// accuracy ≥ 95%; and at most 5% of the steps have a training loss of exactly 0. (At σ = 1 the
// clipped run froze at a training loss of exactly 0 with a validation loss near 4,700.)
void TestAppPresets::explodingClipped() {
  ExperimentConfig c = preset("exploding-clipped");
  ExperimentConfig expected = preset("exploding-large-init");
  expected.regularization.clipNorm = 1.0;
  QCOMPARE(setupOf(c), setupOf(expected));
  const Run r = train(c);
  QVERIFY(!r.trainer->diverged());
  QCOMPARE(r.steps.size(), std::size_t(2000));
  int clipped = 0, zero = 0;
  for (const StepMetrics& m : r.steps) {
    QVERIFY(std::isfinite(m.trainLoss));
    clipped += m.clipped ? 1 : 0;
    zero += m.trainLoss == 0 ? 1 : 0;
  }
  const double first = mean(trainLosses(r, 0, 10)), last = mean(trainLosses(r, r.steps.size() - 100));
  const Evaluation val = r.trainer->evaluate(Split::Validation);
  measured(
      "exploding-clipped: 2000 finite steps, %d clipped, %d with training loss exactly 0; training loss %.3g (steps "
      "1-10) -> %.3g (last 100); validation loss %.3g, accuracy %.3f",
      clipped, zero, first, last, val.loss, val.accuracy);
  QVERIFY(clipped > 0);
  QVERIFY(last < 0.01 * first);
  QVERIFY(val.loss <= 0.3);
  QVERIFY(val.accuracy >= 0.95);
  QVERIFY(zero <= 100);
}

// After 1,000 steps every hidden unit still has identical incoming weights and bias (and outgoing
// weights); accuracy ≤ 75%. A randomly initialised copy is not symmetric, so the check can fail.
void TestAppPresets::zeroInitSymmetry() {
  const ExperimentConfig c = preset("zero-init-symmetry");
  const auto spread = [](const Network& net) {
    const auto w1 = net.weights(0), w2 = net.weights(1);
    const LayerInfo& l1 = net.layer(0);
    const auto b1 = net.params().segment(l1.bias.offset, l1.bias.size);
    double s = 0;
    for (Index u = 1; u < w1.rows(); ++u) {
      s = std::max<double>(s, (w1.row(u) - w1.row(0)).cwiseAbs().maxCoeff());
      s = std::max<double>(s, std::abs(b1(u) - b1(0)));
      s = std::max<double>(s, (w2.col(u) - w2.col(0)).cwiseAbs().maxCoeff());
    }
    return s;
  };
  const Run r = train(c);
  QCOMPARE(r.steps.size(), std::size_t(1000));
  const Evaluation val = r.trainer->evaluate(Split::Validation);
  const double acc = val.accuracy, valLoss = val.loss;
  measured(
      "zero-init-symmetry: largest difference between hidden units after 1000 steps = %g; validation accuracy %.3f, "
      "loss %.5f (ln 2 = %.5f)",
      spread(r.trainer->network()), acc, valLoss, std::log(2.0));
  QCOMPARE(spread(r.trainer->network()), 0.0);
  QVERIFY(acc <= 0.75);
  // The loss the watch line names: it stays at ln 2, the loss of answering 50% for every point.
  QVERIFY2(std::abs(valLoss - std::log(2.0)) < 0.005, qPrintable(QString::number(valLoss)));
  ExperimentConfig random = c;
  random.init.scheme = "xavier_uniform";
  QVERIFY(spread(Trainer(random).network()) > 0.01);
}

// More than half of all hidden activations are saturated (σ' < 5% of its peak) at step 1 and still
// after 1,000 steps; the second hidden layer's weights move (mean ‖ΔW‖/‖W‖ per step) less than a
// tenth as fast as with Xavier initialisation.
void TestAppPresets::sigmoidSaturationLargeInit() {
  const ExperimentConfig c = preset("sigmoid-saturation-large-init");
  ExperimentConfig xavier = c;
  xavier.init.scheme = "xavier_normal";
  const Run r = train(c), x = train(xavier);
  const auto saturated = [](const StepMetrics& m) { return (m.layers[0].saturation + m.layers[1].saturation) / 2; };
  const auto layer2Speed = [](const Run& run) {
    std::vector<double> u;
    for (const StepMetrics& m : run.steps) u.push_back(m.layers[1].updateRatio);
    return mean(u);
  };
  measured(
      "sigmoid-saturation-large-init: saturated %.2f at step 1, %.2f at step %lld (Xavier %.2f); layer-2 update ratio "
      "%.3g (Xavier %.3g)",
      saturated(r.steps.front()), saturated(r.steps.back()), r.steps.back().step, saturated(x.steps.front()),
      layer2Speed(r), layer2Speed(x));
  QVERIFY(saturated(r.steps.front()) > 0.5);
  QVERIFY(saturated(r.steps.back()) > 0.5);
  QVERIFY(saturated(x.steps.front()) < 0.5);
  QVERIFY(layer2Speed(r) < 0.1 * layer2Speed(x));
}

// After training a third or more of the layer-1 ReLU units are dead (zero for every training sample).
// (Native code differs by CPU: 53% on the AVX-512 machine the preset was tuned on, 38% on an AMD EPYC
// with AVX2; the seed sweep's weakest seeds had 34%.) That the run then cannot learn, and the leaky
// run can, is leakyReluHighLr's.
void TestAppPresets::deadReluHighLr() {
  const Run& r = cached("dead-relu-high-lr");
  const double dead = deadFraction(*r.trainer, 0);
  measured("dead-relu-high-lr: %.0f%% of layer-1 units dead; validation accuracy %.3f", 100 * dead,
           r.trainer->evaluate(Split::Validation).accuracy);
  QVERIFY(dead > 1.0 / 3);
}

// Leaky ReLU (slope 0.2) with the same step: no layer-1 unit is dead, validation accuracy ≥ 85%
// and at least 20 points above the ReLU run's.
void TestAppPresets::leakyReluHighLr() {
  const ExperimentConfig c = preset("leaky-relu-high-lr");
  ExperimentConfig expected = preset("dead-relu-high-lr");
  for (LayerConfig& l : expected.hidden) {
    l.activation = "leaky_relu";
    l.slope = 0.2;
  }
  QCOMPARE(setupOf(c), setupOf(expected));
  const Run& leaky = cached("leaky-relu-high-lr");
  const Run& relu = cached("dead-relu-high-lr");
  QCOMPARE(leaky.steps.size(), relu.steps.size());
  const double acc = leaky.trainer->evaluate(Split::Validation).accuracy;
  const double reluAcc = relu.trainer->evaluate(Split::Validation).accuracy;
  // What its view, the saturation chart, shows over the last 100 steps: the dead ReLU layer high,
  // the leaky one (its 0.2 leak passes a fifth of the gradient: not saturated) at zero.
  const auto lastSaturation = [](const Run& r) {
    double sum = 0;
    for (std::size_t i = r.steps.size() - 100; i < r.steps.size(); ++i) sum += r.steps[i].layers[0].saturation;
    return sum / 100;
  };
  measured(
      "leaky-relu-high-lr: %.0f%% of layer-1 units dead; validation accuracy %.3f (ReLU %.3f); layer-1 "
      "saturation over the last 100 steps %.2f (ReLU %.2f)",
      100 * deadFraction(*leaky.trainer, 0), acc, reluAcc, lastSaturation(leaky), lastSaturation(relu));
  QCOMPARE(deadFraction(*leaky.trainer, 0), 0.0);
  QVERIFY(lastSaturation(relu) > 0.4);  // (the leaky run's is 0 by the rule: a 0.2 leak is not saturation)
  QVERIFY(acc >= 0.85);
  QVERIFY(acc >= reluAcc + 0.2);
}

// A linear network ends at ≤ 75% validation accuracy with the training loss at chance (≥ 0.68,
// ln 2 = 0.693).
void TestAppPresets::xorLinear() {
  const Run r = train(preset("xor-linear"));
  const double acc = r.trainer->evaluate(Split::Validation).accuracy;
  const double loss = r.trainer->evaluate(Split::Train).loss;
  measured("xor-linear: validation accuracy %.3f, training loss %.4f", acc, loss);
  QVERIFY(acc <= 0.75);
  QVERIFY(loss >= 0.68);
}

// The same network with tanh reaches 100% training and validation accuracy.
void TestAppPresets::xorTanh() {
  const ExperimentConfig c = preset("xor-tanh");
  ExperimentConfig expected = preset("xor-linear");
  expected.hidden[0].activation = "tanh";
  QCOMPARE(setupOf(c), setupOf(expected));
  const Run r = train(c);
  const Evaluation tr = r.trainer->evaluate(Split::Train), va = r.trainer->evaluate(Split::Validation);
  measured("xor-tanh: training accuracy %.3f, validation accuracy %.3f, training loss %.4f", tr.accuracy, va.accuracy,
           tr.loss);
  QCOMPARE(tr.accuracy, 1.0);
  QCOMPARE(va.accuracy, 1.0);
}

namespace {
// The step at which the validation accuracy first reaches `level` (0: never).
long long stepsToAccuracy(const Run& r, double level) {
  for (const StepMetrics& m : r.steps)
    if (m.evaluated && m.valAccuracy >= level) return m.step;
  return 0;
}
// Per hidden layer, LayerStats::activationMean (the layer's mean output over the step's
// mini-batch) averaged over the steps [from, to).
std::vector<double> meanOutputs(const Run& r, std::size_t from = 0, std::size_t to = SIZE_MAX) {
  std::vector<double> sum(r.steps.front().layers.size() - 1, 0.0);
  std::size_t n = 0;
  for (std::size_t i = from; i < std::min(to, r.steps.size()); ++i, ++n)
    for (std::size_t l = 0; l < sum.size(); ++l) sum[l] += r.steps[i].layers[l].activationMean;
  for (double& v : sum) v /= static_cast<double>(std::max<std::size_t>(n, 1));
  return sum;
}
// The same network with sigmoid or with tanh, the activation explorer's zero-centred question.
constexpr double kCentredAccuracy = 0.9;
}  // namespace

// Sigmoid hidden layers are not zero-centred. Over the first 20 steps every layer's mean output
// lies between 0.35 and 0.65 — near E[σ(z)] = 0.5, the value the activation explorer gives for
// symmetric z; layer 2 strays further, its inputs being all positive — and averaged over the whole
// run every layer's stays ≥ 0.2. The network learns (90% validation accuracy within its budget),
// only slowly (see tanhZeroCentred).
void TestAppPresets::sigmoidNotZeroCentred() {
  const Run& r = cached("sigmoid-not-zero-centred");
  QVERIFY(!r.trainer->diverged());
  const std::vector<double> first = meanOutputs(r, 0, 20), run = meanOutputs(r);
  const long long reached = stepsToAccuracy(r, kCentredAccuracy);
  measured(
      "sigmoid-not-zero-centred: mean output over steps 1-20 %.3f, %.3f; over the run %.3f, %.3f; "
      "90%% validation accuracy at step %lld",
      first[0], first[1], run[0], run[1], reached);
  for (std::size_t l = 0; l < first.size(); ++l) {
    QVERIFY(first[l] >= 0.35 && first[l] <= 0.65);
    QVERIFY(run[l] >= 0.2);
  }
  QVERIFY(reached > 0);
}

// The same network with tanh (only the activation differs): over the first 20 steps every layer's
// mean output is within 0.1 of 0, averaged over the whole run within 0.35 of it, and the network
// reaches 90% validation accuracy at least 5× sooner than the sigmoid network.
void TestAppPresets::tanhZeroCentred() {
  const ExperimentConfig c = preset("tanh-zero-centred");
  ExperimentConfig expected = preset("sigmoid-not-zero-centred");
  for (LayerConfig& l : expected.hidden) l.activation = "tanh";
  QCOMPARE(setupOf(c), setupOf(expected));
  const Run& t = cached("tanh-zero-centred");
  const Run& s = cached("sigmoid-not-zero-centred");
  QCOMPARE(t.steps.size(), s.steps.size());
  const std::vector<double> first = meanOutputs(t, 0, 20), run = meanOutputs(t);
  const long long reached = stepsToAccuracy(t, kCentredAccuracy);
  // A sigmoid run that never gets there counts as one step past its budget.
  const long long sigmoid = stepsToAccuracy(s, kCentredAccuracy);
  const long long sigmoidOrBudget = sigmoid ? sigmoid : static_cast<long long>(s.steps.size()) + 1;
  measured(
      "tanh-zero-centred: mean output over steps 1-20 %.3f, %.3f; over the run %.3f, %.3f; "
      "90%% validation accuracy at step %lld (sigmoid %lld: %.1fx)",
      first[0], first[1], run[0], run[1], reached, sigmoid,
      reached > 0 ? static_cast<double>(sigmoidOrBudget) / static_cast<double>(reached) : 0.0);
  for (std::size_t l = 0; l < first.size(); ++l) {
    QVERIFY(std::abs(first[l]) <= 0.1);
    QVERIFY(std::abs(run[l]) <= 0.35);
  }
  QVERIFY(reached > 0);
  QVERIFY(sigmoidOrBudget >= 5 * reached);
}

// The L1 and L2 runs of the comparison start from identical weights; at the end ≥ 50% of the L1
// run's weights are near zero (|w| < 1e-3), ≤ 10% of the L2 run's.
void TestAppPresets::l1VsL2() {
  const ExperimentConfig c = preset("l1-vs-l2");
  QVERIFY(c.regularization.compareL1L2);
  QVERIFY(c.regularization.l1 > 0);
  const std::vector<dl::RunSpec> runs = dl::experimentRuns(c);
  QCOMPARE(runs.size(), std::size_t(2));
  Trainer l1(runs[0].config), l2(runs[1].config);
  QCOMPARE(l1.config().regularization.l1, c.regularization.l1);
  QCOMPARE(l2.config().regularization.l2, c.regularization.l1);
  QCOMPARE(l2.config().regularization.l1, 0.0);
  QVERIFY(l1.network().params() == l2.network().params());
  for (long long i = 0; i < c.training.steps; ++i) {
    l1.step();
    l2.step();
  }
  QVERIFY(!l1.diverged() && !l2.diverged());
  const double s1 = nearZeroWeightFraction(l1.network()), s2 = nearZeroWeightFraction(l2.network());
  measured("l1-vs-l2: near-zero weights L1 %.1f%%, L2 %.1f%%; validation accuracy L1 %.3f, L2 %.3f", 100 * s1, 100 * s2,
           l1.evaluate(Split::Validation).accuracy, l2.evaluate(Split::Validation).accuracy);
  QVERIFY(s1 >= 0.5);
  QVERIFY(s2 <= 0.1);
}

// Without dropout the training accuracy ends at least 10 points above the validation accuracy, and
// the validation loss climbs: it ends at least twice its lowest value.
void TestAppPresets::overfitNoDropout() {
  const Run& r = cached("overfit-no-dropout");
  const double tr = r.trainer->evaluate(Split::Train).accuracy, va = r.trainer->evaluate(Split::Validation).accuracy;
  const auto [best, bestStep] = bestValLoss(r);
  measured(
      "overfit-no-dropout: training accuracy %.3f, validation %.3f, gap %.1f points; validation loss %.3f at step %lld "
      "(lowest), %.3f at the end",
      tr, va, 100 * (tr - va), best, bestStep, r.trainer->evaluate(Split::Validation).loss);
  QVERIFY(tr - va >= 0.10);
  QVERIFY(r.trainer->evaluate(Split::Validation).loss >= 2 * best);
}

// With dropout 0.5 the gap is at least 5 points smaller and validation accuracy is higher. What
// dropout does not do here is keep the validation loss down: on 60 points the network still grows
// over-confident on the few validation points it gets wrong, and the loss ends at least twice its
// lowest, as without dropout (the note and the watch line say so; early stopping is the cure).
void TestAppPresets::dropoutSmallNoisy() {
  ExperimentConfig expected = preset("overfit-no-dropout");
  for (LayerConfig& l : expected.hidden) l.dropout = 0.5;
  QCOMPARE(setupOf(preset("dropout-small-noisy")), setupOf(expected));
  const Run& d = cached("dropout-small-noisy");
  const Run& n = cached("overfit-no-dropout");
  QCOMPARE(d.steps.size(), n.steps.size());
  const double dGap = d.trainer->evaluate(Split::Train).accuracy - d.trainer->evaluate(Split::Validation).accuracy;
  const double nGap = n.trainer->evaluate(Split::Train).accuracy - n.trainer->evaluate(Split::Validation).accuracy;
  const double dVal = d.trainer->evaluate(Split::Validation).accuracy,
               nVal = n.trainer->evaluate(Split::Validation).accuracy;
  const auto [best, bestStep] = bestValLoss(d);
  const double last = d.trainer->evaluate(Split::Validation).loss;
  measured("dropout-small-noisy: gap %.1f points (no dropout %.1f); validation accuracy %.3f (no dropout %.3f); "
           "validation loss %.3f at step %lld (lowest), %.3f at the end (no dropout %.3f)",
           100 * dGap, 100 * nGap, dVal, nVal, best, bestStep, last, n.trainer->evaluate(Split::Validation).loss);
  QVERIFY(dGap <= nGap - 0.05);
  QVERIFY(dVal > nVal);
  QVERIFY(last >= 2 * best);
}

// Without batch normalisation training turns non-finite within 100 steps, and in the steps before
// that the global gradient norm shoots up: the largest finite one is at least 100× the first step's.
void TestAppPresets::noBatchnormHighLr() {
  const Run r = train(preset("no-batchnorm-high-lr"), 100);
  QVERIFY(r.trainer->diverged());
  double largest = 0;
  for (const StepMetrics& m : r.steps)
    if (std::isfinite(m.gradNormTotal)) largest = std::max(largest, m.gradNormTotal);
  const double first = r.steps.front().gradNormTotal;
  measured("no-batchnorm-high-lr: global gradient norm %.3g at step 1, largest finite %.3g (%.3gx); %s", first, largest,
           largest / first, r.trainer->divergence()->describe().c_str());
  QVERIFY(largest >= 100 * first);
}

// With batch normalisation the same run stays finite and ends with ≥ 90% validation accuracy.
void TestAppPresets::batchnormHighLr() {
  const ExperimentConfig c = preset("batchnorm-high-lr");
  ExperimentConfig expected = preset("no-batchnorm-high-lr");
  for (LayerConfig& l : expected.hidden) l.batchNorm = true;
  QCOMPARE(setupOf(c), setupOf(expected));
  const Run r = train(c);
  QVERIFY(!r.trainer->diverged());
  QCOMPARE(static_cast<long long>(r.steps.size()), c.training.steps);
  const double acc = r.trainer->evaluate(Split::Validation).accuracy;
  measured("batchnorm-high-lr: validation accuracy %.3f after %zu steps", acc, r.steps.size());
  QVERIFY(acc >= 0.9);
}

// Over the last 20% of the steps the training loss keeps bouncing: standard deviation ≥ 0.007.
void TestAppPresets::constantLrOscillates() {
  const Run& r = cached("constant-lr-oscillates");
  QVERIFY(!r.trainer->diverged());
  const std::vector<double> tail = lossTail(r, 0.2);
  measured("constant-lr-oscillates: last 20%% training loss mean %.4f, std %.4f", mean(tail), stdev(tail));
  QVERIFY(stdev(tail) >= 0.007);
}

// With inverse-time decay the last 20% of the loss is lower and steadier than with the constant
// rate: mean and standard deviation both ≤ 0.7× the constant run's.
void TestAppPresets::lrDecaySettles() {
  ExperimentConfig expected = preset("constant-lr-oscillates");
  expected.schedule.name = "inverse_time";
  expected.schedule.decay = 0.1;
  QCOMPARE(setupOf(preset("lr-decay-settles")), setupOf(expected));
  const Run& d = cached("lr-decay-settles");
  const Run& c = cached("constant-lr-oscillates");
  QVERIFY(!d.trainer->diverged());
  QCOMPARE(d.steps.size(), c.steps.size());
  QVERIFY(d.steps.back().lr < 0.2 * d.steps.front().lr);
  const std::vector<double> dt = lossTail(d, 0.2), ct = lossTail(c, 0.2);
  measured("lr-decay-settles: last 20%% training loss mean %.4f, std %.4f (constant %.4f, %.4f); final lr %.3g",
           mean(dt), stdev(dt), mean(ct), stdev(ct), d.steps.back().lr);
  QVERIFY(mean(dt) <= 0.7 * mean(ct));
  QVERIFY(stdev(dt) <= 0.7 * stdev(ct));
}

namespace {
void checkBatchGroup() {
  const ExperimentConfig one = preset("batch-size-1");
  for (const char* name : {"batch-size-32", "batch-full"}) {
    ExperimentConfig c = preset(name);
    c.training.batchSize = 1;
    QCOMPARE(setupOf(c), setupOf(one));
  }
  QVERIFY(preset("batch-full").training.batchSize >= cached("batch-full").trainer->data().train.size());
}
}  // namespace

// Batch 1: the step-to-step loss noise (std of consecutive differences) is the highest, at least
// 3× that of batch 32.
void TestAppPresets::batchSize1() {
  checkBatchGroup();
  const double n1 = stepNoise(cached("batch-size-1")), n32 = stepNoise(cached("batch-size-32"));
  measured("batch-size-1: step-to-step loss noise %.4f (batch 32: %.4f)", n1, n32);
  QVERIFY(n1 >= 3 * n32);
}

// Batch 32: noise in between, at least 3× below batch 1 and at least 3× above full batch.
void TestAppPresets::batchSize32() {
  const double n1 = stepNoise(cached("batch-size-1")), n32 = stepNoise(cached("batch-size-32")),
               nf = stepNoise(cached("batch-full"));
  measured("batch-size-32: step-to-step loss noise %.4f (batch 1: %.4f, full: %.4f)", n32, n1, nf);
  QVERIFY(n32 * 3 <= n1);
  QVERIFY(n32 >= 3 * nf);
}

// Full batch: the lowest noise, at least 3× below batch 32.
void TestAppPresets::batchFull() {
  const double n32 = stepNoise(cached("batch-size-32")), nf = stepNoise(cached("batch-full"));
  measured("batch-full: step-to-step loss noise %.4f (batch 32: %.4f)", nf, n32);
  QVERIFY(nf * 3 <= n32);
}

namespace {
double finalTrainLoss(const char* name) { return cached(name).trainer->evaluate(Split::Train).loss; }
}  // namespace

// After 300 steps plain SGD's training loss is at least 50× Adam's.
void TestAppPresets::sgdIllConditioned() {
  for (const char* name : {"momentum-ill-conditioned", "adam-ill-conditioned"}) {
    ExperimentConfig c = preset(name);
    c.optimizer = preset("sgd-ill-conditioned").optimizer;
    QCOMPARE(setupOf(c), setupOf(preset("sgd-ill-conditioned")));
  }
  const double sgd = finalTrainLoss("sgd-ill-conditioned"), adam = finalTrainLoss("adam-ill-conditioned");
  measured("sgd-ill-conditioned: training loss after 300 steps %.4f (Adam %.4f)", sgd, adam);
  QVERIFY(sgd >= 50 * adam);
}

// Momentum 0.9: at least 4× lower than plain SGD after the same 300 steps.
void TestAppPresets::momentumIllConditioned() {
  const double sgd = finalTrainLoss("sgd-ill-conditioned"), momentum = finalTrainLoss("momentum-ill-conditioned");
  measured("momentum-ill-conditioned: training loss after 300 steps %.4f (SGD %.4f)", momentum, sgd);
  QVERIFY(momentum * 4 <= sgd);
}

// Adam: the lowest of the three, at least 4× below momentum.
void TestAppPresets::adamIllConditioned() {
  const double momentum = finalTrainLoss("momentum-ill-conditioned"), adam = finalTrainLoss("adam-ill-conditioned");
  measured("adam-ill-conditioned: training loss after 300 steps %.4f (momentum %.4f)", adam, momentum);
  QVERIFY(adam * 4 <= momentum);
}

namespace {
// Validation report of an imbalance preset: class 1 is the minority.
ClassificationReport imbalanceReport(const char* name) { return cached(name).trainer->report(Split::Validation); }

// A cure raises minority recall by ≥ 30 points and balanced accuracy (mean recall) by ≥ 5 points
// over the paradox run; the presets differ only in the cure.
void checkCure(const char* name, ExperimentConfig expected) {
  QCOMPARE(setupOf(preset(name)), setupOf(expected));
  const ClassificationReport cure = imbalanceReport(name), paradox = imbalanceReport("imbalance-accuracy-paradox");
  QCOMPARE(cached(name).steps.size(), cached("imbalance-accuracy-paradox").steps.size());
  measured(
      "%s: minority recall %.3f (paradox %.3f); balanced accuracy %.3f (paradox %.3f); accuracy %.3f; kappa %.3f "
      "(paradox %.3f)",
      name, cure.recall[1], paradox.recall[1], cure.macroRecall, paradox.macroRecall, cure.accuracy, cure.kappa,
      paradox.kappa);
  QVERIFY(cure.recall[1] >= paradox.recall[1] + 0.3);
  QVERIFY(cure.macroRecall >= paradox.macroRecall + 0.05);
}
}  // namespace

// Two blobs 20:1: validation accuracy ≥ 90% while minority recall ≤ 50%.
void TestAppPresets::imbalanceAccuracyParadox() {
  const ClassificationReport r = imbalanceReport("imbalance-accuracy-paradox");
  QCOMPARE(r.recall.size(), std::size_t(2));
  QVERIFY(r.support[1] * 10 < r.support[0]);
  measured("imbalance-accuracy-paradox: accuracy %.3f, minority recall %.3f, balanced accuracy %.3f, kappa %.3f",
           r.accuracy, r.recall[1], r.macroRecall, r.kappa);
  QVERIFY(r.accuracy >= 0.9);
  QVERIFY(r.recall[1] <= 0.5);
}

void TestAppPresets::imbalanceClassWeights() {
  ExperimentConfig c = preset("imbalance-accuracy-paradox");
  c.training.balancedClassWeights = true;
  checkCure("imbalance-class-weights", c);
}

void TestAppPresets::imbalanceOversample() {
  ExperimentConfig c = preset("imbalance-accuracy-paradox");
  c.data.resample = "oversample";
  checkCure("imbalance-oversample", c);
}

void TestAppPresets::imbalanceUndersample() {
  ExperimentConfig c = preset("imbalance-accuracy-paradox");
  c.data.resample = "undersample";
  checkCure("imbalance-undersample", c);
}

void TestAppPresets::imbalanceSmote() {
  ExperimentConfig c = preset("imbalance-accuracy-paradox");
  c.data.resample = "smote";
  checkCure("imbalance-smote", c);
}

// A 2-2-3 network ends with training accuracy ≤ 75% and validation accuracy within 15 points of it
// (high bias: the training error itself is high, and the gap is small, unlike overfit-large-network's).
void TestAppPresets::underfitSmallNetwork() {
  const Run r = train(preset("underfit-small-network"));
  const double tr = r.trainer->evaluate(Split::Train).accuracy, va = r.trainer->evaluate(Split::Validation).accuracy;
  measured("underfit-small-network: training accuracy %.3f, validation %.3f", tr, va);
  QVERIFY(tr <= 0.75);
  QVERIFY(std::abs(tr - va) < 0.15);
}

// A 2-128-128-3 network ends with training accuracy ≥ 95% and validation accuracy at least 15
// points lower (high variance); the validation loss turns up: it ends at least twice its minimum.
void TestAppPresets::overfitLargeNetwork() {
  const Run r = train(preset("overfit-large-network"));
  const double tr = r.trainer->evaluate(Split::Train).accuracy, va = r.trainer->evaluate(Split::Validation).accuracy;
  const auto [best, bestStep] = bestValLoss(r);
  const double finalLoss = r.trainer->evaluate(Split::Validation).loss;
  measured(
      "overfit-large-network: training accuracy %.3f, validation %.3f, gap %.1f points; validation loss %.3f at step "
      "%lld (lowest), %.3f at the end",
      tr, va, 100 * (tr - va), best, bestStep, finalLoss);
  QVERIFY(tr >= 0.95);
  QVERIFY(va <= tr - 0.15);
  QVERIFY(finalLoss >= 2 * best);
}

// A single layer without hidden units (one straight line) ends with validation accuracy ≥ 95% on
// linearly separable data.
void TestAppPresets::perceptronLinear() {
  const ExperimentConfig c = preset("perceptron-linear");
  QVERIFY(c.hidden.empty());
  const Run r = train(c);
  const double va = r.trainer->evaluate(Split::Validation).accuracy;
  measured("perceptron-linear: validation accuracy %.3f", va);
  QVERIFY(va >= 0.95);
}

// The same single layer on XOR (only the data differ) ends with validation accuracy ≤ 65%: no
// line separates XOR, and the line it settles on passes near the centre, where every line scores
// about 50%.
void TestAppPresets::perceptronXor() {
  const ExperimentConfig c = preset("perceptron-xor");
  ExperimentConfig expected = preset("perceptron-linear");
  expected.data.source = "xor";
  QCOMPARE(setupOf(c), setupOf(expected));
  const Run r = train(c);
  const double va = r.trainer->evaluate(Split::Validation).accuracy;
  const double tr = r.trainer->evaluate(Split::Train).accuracy;
  measured("perceptron-xor: validation accuracy %.3f, training accuracy %.3f", va, tr);
  QVERIFY(va <= 0.65);
}

namespace {
// Logistic regression fitted by Newton's method in double on (X, y): minimises
// (1/N)·Σ[softplus(z) − y·z] + (λ/2)·‖w‖² with z = w·x + b, the bias not penalised (the engine's
// sigmoid_bce mean and its L2 convention). Returns (w₁..w_d, b).
std::vector<double> newtonLogistic(const Matrix& X, const std::vector<int>& y, double l2) {
  const Index d = X.rows(), n = X.cols(), p = d + 1;
  Eigen::VectorXd theta = Eigen::VectorXd::Zero(p);
  for (int it = 0; it < 50; ++it) {
    Eigen::VectorXd g = Eigen::VectorXd::Zero(p);
    Eigen::MatrixXd H = Eigen::MatrixXd::Zero(p, p);
    for (Index i = 0; i < n; ++i) {
      Eigen::VectorXd x(p);
      for (Index k = 0; k < d; ++k) x(k) = static_cast<double>(X(k, i));
      x(d) = 1.0;
      const double q = 1.0 / (1.0 + std::exp(-theta.dot(x)));
      g += (q - y[static_cast<std::size_t>(i)]) * x;
      H += q * (1 - q) * x * x.transpose();
    }
    g /= static_cast<double>(n);
    H /= static_cast<double>(n);
    for (Index k = 0; k < d; ++k) {
      g(k) += l2 * theta(k);
      H(k, k) += l2;
    }
    const Eigen::VectorXd delta = H.ldlt().solve(g);
    theta -= delta;
    if (delta.norm() < 1e-14) break;
  }
  return {theta.data(), theta.data() + p};
}
}  // namespace

// A network without hidden layers, one sigmoid output and binary cross-entropy is logistic
// regression: after full-batch gradient descent its weights and bias match, to 1e-3 relative (of
// the coefficient vector's norm), those that Newton's method fits independently in double on the
// same standardised training data with the same L2 penalty.
void TestAppPresets::logisticRegression() {
  const ExperimentConfig c = preset("logistic-regression");
  QVERIFY(c.hidden.empty());
  QCOMPARE(c.training.loss, std::string("sigmoid_bce"));
  const Run r = train(c);
  QCOMPARE(static_cast<long long>(r.steps.size()), c.training.steps);
  const Trainer& t = *r.trainer;
  QCOMPARE(static_cast<Index>(c.training.batchSize), t.data().train.size());  // full batch
  const Network& net = t.network();
  QCOMPARE(net.layerCount(), 1);
  const auto W = net.weights(0);
  QCOMPARE(W.rows(), Index(1));
  QCOMPARE(W.cols(), t.data().train.X.rows());
  const ParamRange b = net.layer(0).bias;
  QCOMPARE(b.size, Index(1));
  std::vector<double> engine;
  for (Index k = 0; k < W.cols(); ++k) engine.push_back(static_cast<double>(W(0, k)));
  engine.push_back(static_cast<double>(net.params()(b.offset)));
  const std::vector<double> newton = newtonLogistic(t.data().train.X, t.data().train.labels, c.regularization.l2);
  double diff = 0, norm = 0;
  for (std::size_t k = 0; k < newton.size(); ++k) {
    diff += (engine[k] - newton[k]) * (engine[k] - newton[k]);
    norm += newton[k] * newton[k];
  }
  const double rel = std::sqrt(diff / norm);
  measured("logistic-regression: engine (w1, w2, b) = (%.5f, %.5f, %.5f), Newton (%.5f, %.5f, %.5f), relative "
           "difference %.2g; validation accuracy %.3f",
           engine[0], engine[1], engine[2], newton[0], newton[1], newton[2], rel,
           t.evaluate(Split::Validation).accuracy);
  QVERIFY(rel < 1e-3);
}

// Labels that carry (almost) no information: a 2-64-64-2 network still reaches ≥ 95% training
// accuracy by memorising them, while validation accuracy stays ≤ 60% (chance is 50%).
void TestAppPresets::randomLabelsMemorised() {
  const Run r = train(preset("random-labels-memorised"));
  const double tr = r.trainer->evaluate(Split::Train).accuracy, va = r.trainer->evaluate(Split::Validation).accuracy;
  measured("random-labels-memorised: training accuracy %.3f, validation %.3f", tr, va);
  QVERIFY(tr >= 0.95);
  QVERIFY(va <= 0.60);
}

namespace {
// The first evaluated step whose validation loss is at most `threshold`; 0 when none is.
long long stepsToValLoss(const Run& r, double threshold) {
  for (const StepMetrics& m : r.steps)
    if (m.evaluated && m.valLoss <= threshold) return m.step;
  return 0;
}
constexpr double kPreprocessThreshold = 0.05;
}  // namespace

// Raw inputs 33-fold apart in scale and correlated 0.98, the target hanging on their small
// difference (SGD 0.5): the validation loss never gets down to 0.05 in 4,000 steps; it ends on a
// plateau at least 6× above that (the direction of the difference has a curvature ~10⁻⁵ of the
// largest, so SGD has not moved along it).
void TestAppPresets::inputsRaw() {
  const ExperimentConfig c = preset("inputs-raw");
  QCOMPARE(c.data.source, std::string("correlated"));
  QVERIFY(!c.data.standardize && !c.data.whiten);
  const Run& r = cached("inputs-raw");
  QCOMPARE(static_cast<long long>(r.steps.size()), c.training.steps);
  const long long n = stepsToValLoss(r, kPreprocessThreshold);
  const double final = r.trainer->evaluate(Split::Validation).loss;
  measured("inputs-raw: validation loss %.3f at step 5, %.3f after %lld steps; ≤ %.2f first at step %lld (0: never)",
           r.steps[4].valLoss, final, c.training.steps, kPreprocessThreshold, n);
  QCOMPARE(n, 0LL);
  QVERIFY(final >= 6 * kPreprocessThreshold);
  // What the map (network inputs, same units) shows: the colours change across the flat line of
  // data, because the small input x₂ carries a far larger weight than x₁ (the thick link).
  const LayerInfo& l = r.trainer->network().layer(0);
  const double w1 = r.trainer->network().params()(l.weights.offset + 0 * l.rows);
  const double w2 = r.trainer->network().params()(l.weights.offset + 1 * l.rows);
  measured("inputs-raw: weights on x1 %.3f and x2 %.3f", w1, w2);
  QVERIFY(std::abs(w2) >= 5 * std::abs(w1));
}

// The same data standardised (only that differs): the scales match and the validation loss does
// reach 0.05, but the correlation leaves a condition number of ≈ 100, so it takes ≥ 50 steps
// (and at most 500).
void TestAppPresets::inputsStandardised() {
  const ExperimentConfig c = preset("inputs-standardised");
  ExperimentConfig expected = preset("inputs-raw");
  expected.data.standardize = true;
  QCOMPARE(setupOf(c), setupOf(expected));
  const long long n = stepsToValLoss(cached("inputs-standardised"), kPreprocessThreshold);
  const long long raw = stepsToValLoss(cached("inputs-raw"), kPreprocessThreshold);
  measured("inputs-standardised: validation loss ≤ %.2f first at step %lld (raw inputs: %lld, 0 = never)",
           kPreprocessThreshold, n, raw);
  QVERIFY(n >= 50 && n <= 500);
  QVERIFY(raw == 0 || raw >= 10 * n);
}

// Standardised and then PCA-whitened (only `whiten` differs): every direction has variance 1, so
// the validation loss is at or below 0.05 within 10 steps, at least 10× sooner than standardised.
void TestAppPresets::inputsWhitened() {
  const ExperimentConfig c = preset("inputs-whitened");
  ExperimentConfig expected = preset("inputs-standardised");
  expected.data.whiten = true;
  QCOMPARE(setupOf(c), setupOf(expected));
  const Run& r = cached("inputs-whitened");
  // The network's inputs really are white: identity covariance on the training part.
  const Matrix& X = r.trainer->data().train.X;
  const Eigen::MatrixXd x = X.cast<double>();
  const Eigen::MatrixXd centred = x.colwise() - x.rowwise().mean();
  const Eigen::MatrixXd cov = centred * centred.transpose() / static_cast<double>(x.cols());
  QVERIFY((cov - Eigen::MatrixXd::Identity(2, 2)).cwiseAbs().maxCoeff() < 1e-3);
  const long long n = stepsToValLoss(r, kPreprocessThreshold);
  const long long standardised = stepsToValLoss(cached("inputs-standardised"), kPreprocessThreshold);
  measured("inputs-whitened: validation loss ≤ %.2f first at step %lld (standardised: step %lld, %.0fx later)",
           kPreprocessThreshold, n, standardised, static_cast<double>(standardised) / static_cast<double>(n));
  QVERIFY(n > 0 && n <= 10);
  QVERIFY(standardised >= 10 * n);
}

namespace {
// The first evaluated step whose validation accuracy is at least `level`; 0 when none is.
long long stepsToValAccuracy(const Run& r, double level) {
  for (const StepMetrics& m : r.steps)
    if (m.evaluated && m.valAccuracy >= level) return m.step;
  return 0;
}
constexpr double kLossLessonAccuracy = 0.9;
}  // namespace

// A sigmoid output saturated on the wrong side for half the points (bias −6, small weights:
// p ≤ 0.01 for every training point, so class 1 is confidently wrong) trained with squared error:
// the first step's gradient is under 1/50 of what cross-entropy gets from the very same weights;
// validation accuracy stays ≤ 60% for the first 200 steps; and it does learn, slowly: 90% is
// reached within the 1,500-step budget.
void TestAppPresets::lossMseSaturated() {
  const ExperimentConfig c = preset("loss-mse-saturated");
  QVERIFY(c.hidden.empty());
  QCOMPARE(c.training.loss, std::string("sigmoid_mse"));
  ExperimentConfig ce = c;
  ce.training.loss = "sigmoid_bce";
  {
    Trainer start(c);
    Matrix logits, p;
    Network::Workspace ws;
    start.network().infer(start.data().train.X, logits, ws);
    start.loss().predict(logits, p);
    QVERIFY2(p.row(1).maxCoeff() < 0.01, qPrintable(QString("largest p at the start %1").arg(p.row(1).maxCoeff())));
    QVERIFY(Trainer(ce).network().params() == start.network().params());  // the same start
  }
  const Run& r = cached("loss-mse-saturated");
  const Run first = train(ce, 1);
  const double ratio = r.steps.front().gradNormTotal / first.steps.front().gradNormTotal;
  double plateau = 0;
  for (const StepMetrics& m : r.steps)
    if (m.evaluated && m.step <= 200) plateau = std::max(plateau, m.valAccuracy);
  const long long reached = stepsToValAccuracy(r, kLossLessonAccuracy);
  measured(
      "loss-mse-saturated: step-1 gradient norm %.3g (cross-entropy %.3g, ratio 1/%.0f); best validation accuracy "
      "in steps 1-200 %.3f; 90%% at step %lld; final %.3f",
      r.steps.front().gradNormTotal, first.steps.front().gradNormTotal, 1 / ratio, plateau, reached,
      r.trainer->evaluate(Split::Validation).accuracy);
  QVERIFY(ratio < 1.0 / 50);
  QVERIFY(plateau <= 0.6);
  QVERIFY(reached > 0);
}

// Cross-entropy from the same weights (only the loss differs): its gradient p − y has no σ′(z)
// factor, so 90% validation accuracy comes within 50 steps, at least 10× sooner than squared error.
void TestAppPresets::lossCrossEntropySaturated() {
  const ExperimentConfig c = preset("loss-cross-entropy-saturated");
  ExperimentConfig expected = preset("loss-mse-saturated");
  expected.training.loss = "sigmoid_bce";
  QCOMPARE(setupOf(c), setupOf(expected));
  const long long n = stepsToValAccuracy(cached("loss-cross-entropy-saturated"), kLossLessonAccuracy);
  const long long mse = stepsToValAccuracy(cached("loss-mse-saturated"), kLossLessonAccuracy);
  measured("loss-cross-entropy-saturated: 90%% validation accuracy at step %lld (squared error: step %lld, 0 = never)",
           n, mse);
  QVERIFY(n > 0 && n <= 50);
  QVERIFY(mse == 0 || mse >= 10 * n);
}

// One run on noisy moons with a small validation set (48 points) and a large test set (300): at
// the evaluation where validation accuracy peaks (the step early stopping would keep; the first
// such step) the test accuracy is at least 1 point lower. The split is not simply a lucky one: over
// the second half of the run the validation accuracy averages at most 4.5 points above the test
// accuracy (data seed 5 was chosen for that, see docs/presets.md), so the gap comes from picking
// the peak of a noisy curve.
void TestAppPresets::validationVsTest() {
  const ExperimentConfig c = preset("validation-vs-test");
  const Run& r = cached("validation-vs-test");
  QCOMPARE(r.trainer->data().validation.size(), Index(48));
  QCOMPARE(r.trainer->data().test.size(), Index(300));
  double best = -1, testAtBest = 0, lateVal = 0, lateTest = 0;
  long long bestStep = 0;
  int late = 0;
  for (const StepMetrics& m : r.steps) {
    if (!m.evaluated) continue;
    QVERIFY(std::isfinite(m.testAccuracy));
    if (m.valAccuracy > best) {
      best = m.valAccuracy;
      testAtBest = m.testAccuracy;
      bestStep = m.step;
    }
    if (2 * m.step > c.training.steps) {
      lateVal += m.valAccuracy;
      lateTest += m.testAccuracy;
      ++late;
    }
  }
  QVERIFY(late > 0);
  lateVal /= late;
  lateTest /= late;
  measured(
      "validation-vs-test: validation accuracy peaks at %.3f (step %lld), test accuracy there %.3f: %.1f points "
      "lower; second half of the run: validation %.3f, test %.3f on average",
      best, bestStep, testAtBest, 100 * (best - testAtBest), lateVal, lateTest);
  QVERIFY(best - testAtBest >= 0.01);
  QVERIFY(lateVal - lateTest <= 0.045);
}

namespace {
// Accuracy of a trained network on raw points (features, N), through the trainer's preprocessing.
double accuracyOn(const Trainer& t, const Dataset& raw) {
  Matrix X = raw.X;
  t.data().preprocessor.apply(X);
  Network::Workspace ws;
  Matrix logits;
  t.network().infer(X, logits, ws);
  Index ok = 0;
  for (Index b = 0; b < X.cols(); ++b)
    ok += t.loss().predictedClass(logits, b) == raw.labels[static_cast<std::size_t>(b)];
  return static_cast<double>(ok) / static_cast<double>(X.cols());
}
}  // namespace

// Tuning, the statistical claim behind validation-vs-test. 80 times over, a new data set is drawn
// from the preset's distribution (data seed = 1000 × training seed + draw) with the preset's split,
// ten settings are trained on it (hidden widths 4, 8, 16, 32, 64 × Adam 0.003, 0.01; 300 steps
// each, to keep the test quick), and the one with the best validation accuracy is kept. Its
// accuracy on 5,000 fresh points of the same distribution is the truth. Averaged over the draws:
//  - the kept setting's validation accuracy overstates its fresh accuracy by at least 1.5 points;
//  - its test accuracy, looked at once after choosing, is honest: within 1 point of fresh;
//  - choosing by the test accuracy instead makes the test accuracy optimistic in turn, by at least
//    0.25 points (less than validation's: the test set is 6× larger, its luck √6 ≈ 2.5× smaller).
void TestAppPresets::validationVsTestTuning() {
  const ExperimentConfig base = preset("validation-vs-test");
  constexpr int kDraws = 80;
  const int widths[] = {4, 8, 16, 32, 64};
  const double rates[] = {0.003, 0.01};
  double valOptimism = 0, testHonesty = 0, testOptimism = 0;
  for (int draw = 0; draw < kDraws; ++draw) {
    ExperimentConfig d = base;
    d.data.seed = 1000 * base.training.seed + static_cast<std::uint64_t>(draw);
    d.training.steps = 300;
    const auto data = std::make_shared<const PreparedData>(prepareData(d.data));
    DataConfig freshConfig = d.data;
    freshConfig.seed = d.data.seed + 7777777;  // far from every other draw's seed
    freshConfig.points = 5000;
    const Dataset fresh = generateDataset(freshConfig);
    double bestVal = -1, testOfBestVal = 0, freshOfBestVal = 0, bestTest = -1, freshOfBestTest = 0;
    for (int k = 0; k < 10; ++k) {
      ExperimentConfig e = d;
      e.hidden = {LayerConfig{.units = widths[k % 5], .activation = "relu"},
                  LayerConfig{.units = widths[k % 5], .activation = "relu"}};
      e.optimizer.learningRate = rates[k / 5];
      e.training.seed = 100 * base.training.seed + static_cast<std::uint64_t>(k);
      Trainer t(e, data);
      for (long long i = 0; i < e.training.steps; ++i) t.step();
      const double val = t.evaluate(Split::Validation).accuracy, test = t.evaluate(Split::Test).accuracy;
      const double truth = accuracyOn(t, fresh);
      if (val > bestVal) {
        bestVal = val;
        testOfBestVal = test;
        freshOfBestVal = truth;
      }
      if (test > bestTest) {
        bestTest = test;
        freshOfBestTest = truth;
      }
    }
    valOptimism += (bestVal - freshOfBestVal) / kDraws;
    testHonesty += (testOfBestVal - freshOfBestVal) / kDraws;
    testOptimism += (bestTest - freshOfBestTest) / kDraws;
  }
  measured(
      "validation-vs-test tuning (%d draws, best of 10 settings): validation accuracy of the chosen setting %+.1f "
      "points against fresh data, its test accuracy %+.1f; chosen by test accuracy instead, the test accuracy %+.1f",
      kDraws, 100 * valOptimism, 100 * testHonesty, 100 * testOptimism);
  QVERIFY(valOptimism >= 0.015);
  QVERIFY(std::abs(testHonesty) <= 0.01);
  QVERIFY(testOptimism >= 0.0025);
}

// ---- The seed sweep: DLPLAY_PRESET_SEEDS=101-200 runs every claim once per training seed. ----

namespace {
struct SweepResult {
  int runs = 0;
  std::vector<std::pair<unsigned long long, QString>> failed;  // seed, measured numbers
};
bool g_sweepVerbose = false;
std::map<QString, SweepResult> g_sweep;  // by test function

// The share of seeds a claim must hold on. A lesson that is statistical would be listed here with
// the rate its note states; every claim is currently expected to hold on 95% of unseen seeds.
double requiredRate(const QString& /*claim*/) { return 0.95; }

// "101-200", "7" or "1-10,20-30".
std::vector<unsigned long long> parseSeeds(const QByteArray& spec) {
  std::vector<unsigned long long> seeds;
  for (const QByteArray& part : spec.split(',')) {
    const QList<QByteArray> ends = part.trimmed().split('-');
    bool ok1 = false, ok2 = false;
    const unsigned long long from = ends.front().toULongLong(&ok1), to = ends.back().toULongLong(&ok2);
    if (!ok1 || !ok2 || ends.size() > 2 || to < from) return {};
    for (unsigned long long s = from; s <= to; ++s) seeds.push_back(s);
  }
  return seeds;
}

// Every claim (test function that trains); the file and catalogue checks do not depend on the seed.
QStringList claimFunctions(const QObject& tc) {
  QStringList names;
  const QMetaObject* mo = tc.metaObject();
  for (int i = mo->methodOffset(); i < mo->methodCount(); ++i) {
    const QMetaMethod m = mo->method(i);
    const QString name = QString::fromLatin1(m.name());
    if (m.methodType() != QMetaMethod::Slot || m.parameterCount() != 0 || name == "init" || name == "cleanup" ||
        name == "presetFiles" || name.startsWith("catalog"))
      continue;
    names << name;
  }
  return names;
}

int sweep(QObject& tc, const QByteArray& spec, const QStringList& requested) {
  const std::vector<unsigned long long> seeds = parseSeeds(spec);
  if (seeds.empty()) {
    qCritical("DLPLAY_PRESET_SEEDS=%s: expected seeds like 101-200 or 1-10,20-30", spec.constData());
    return 2;
  }
  const QStringList claims = requested.isEmpty() ? claimFunctions(tc) : requested;
  g_sweeping = true;
  g_sweepVerbose = qgetenv("DLPLAY_PRESET_SWEEP_VERBOSE") == "1";
  for (unsigned long long seed : seeds) {
    g_seed = seed;
    g_runs.clear();
    QStringList args = {QStringLiteral("tst_app_presets"), QStringLiteral("-silent")};
    args << claims;
    QTest::qExec(&tc, args);
  }
  int below = 0;
  std::printf("\nPreset claims over training seeds %s (%zu seeds): passed / run, required rate\n", spec.constData(),
              seeds.size());
  for (const QString& claim : claims) {
    const SweepResult& r = g_sweep[claim];
    const int passed = r.runs - static_cast<int>(r.failed.size());
    const double rate = r.runs ? static_cast<double>(passed) / r.runs : 0;
    const bool ok = r.runs == static_cast<int>(seeds.size()) && rate >= requiredRate(claim);
    below += ok ? 0 : 1;
    QString failedSeeds;
    for (const auto& [seed, text] : r.failed) failedSeeds += QString(" %1").arg(seed);
    std::printf("%-26s %3d/%-3d %5.1f%%  (≥ %.0f%%)%s%s\n", qPrintable(claim), passed, r.runs, 100 * rate,
                100 * requiredRate(claim), ok ? "" : "  BELOW",
                failedSeeds.isEmpty() ? "" : qPrintable(" failed on:" + failedSeeds));
  }
  std::printf("%s\n", below ? qPrintable(QString("%1 claim(s) below the required rate").arg(below))
                            : "every claim held on at least the required share of seeds");
  return below ? 1 : 0;
}
}  // namespace

void TestAppPresets::init() { g_measured.erase(QString::fromLatin1(QTest::currentTestFunction())); }

void TestAppPresets::cleanup() {
  if (!g_sweeping) return;
  const QString claim = QString::fromLatin1(QTest::currentTestFunction());
  SweepResult& r = g_sweep[claim];
  ++r.runs;
  const QString text = g_measured[claim];
  if (QTest::currentTestFailed()) r.failed.emplace_back(*g_seed, text);
  if (g_sweepVerbose)
    std::printf("seed %llu\t%s\t%s\t%s\n", *g_seed, QTest::currentTestFailed() ? "FAIL" : "pass", qPrintable(claim),
                qPrintable(text));
}

// The usual Qt Test entry point, unless DLPLAY_PRESET_SEEDS asks for the sweep (command-line
// arguments then name the claims to sweep, all by default).
int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  TestAppPresets tc;
  QTEST_SET_MAIN_SOURCE_PATH
  const QByteArray seeds = qgetenv("DLPLAY_PRESET_SEEDS");
  if (seeds.isEmpty()) return QTest::qExec(&tc, argc, argv);
  QStringList requested;
  for (int i = 1; i < argc; ++i) requested << QString::fromLocal8Bit(argv[i]);
  return sweep(tc, seeds, requested);
}

#include "tst_app_presets.moc"
