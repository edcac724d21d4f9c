// The training session from the GUI's side: commands reach the worker between steps, counters
// move exactly, random command storms neither crash nor deadlock, closing is prompt, the L1-vs-L2
// pair starts from the same weights, and invalid configurations leave the experiment untouched.
#include "core/Parallel.h"
#include "io/ExperimentIo.h"
#include "config/ConfigDiff.h"
#include "labs/playground/TrainingSession.h"
#include "train/Runs.h"
#include "train/Trainer.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <cmath>
#include <ctime>
#include <optional>
#include <random>

using dlui::SnapshotPtr;
using dlui::TrainingSession;

namespace {

dl::ExperimentConfig smallConfig() {
  dl::ExperimentConfig c;
  c.data.source = "circle";
  c.data.points = 200;
  c.hidden = {dl::LayerConfig{}, dl::LayerConfig{}};
  c.training.batchSize = 10;
  return c;
}

// Records everything a session emits (all signals arrive in the GUI thread).
struct Recorder {
  explicit Recorder(TrainingSession& s) {
    QObject::connect(&s, &TrainingSession::snapshotReady, &s, [this](const SnapshotPtr& p) {
      snapshots.push_back(p);
      for (const auto& m : p->runs.front().metrics) steps.push_back(m.step);
    });
    QObject::connect(&s, &TrainingSession::error, &s, [this](const QString& e) { errors << e; });
    QObject::connect(&s, &TrainingSession::resetHappened, &s, [this](const QString& r) { resets << r; });
    QObject::connect(&s, &TrainingSession::diverged, &s, [this](int, const QString& w) { divergences << w; });
  }
  SnapshotPtr last() const { return snapshots.empty() ? nullptr : snapshots.back(); }
  long long step() const { return snapshots.empty() ? -1 : snapshots.back()->runs.front().step; }
  // Waits for a snapshot that satisfies pred among those newer than `after` (default: arriving
  // from now on, so a snapshot from before the last command cannot answer).
  template <class Pred>
  SnapshotPtr waitFor(Pred pred, int timeoutMs = 10000, std::optional<quint64> since = std::nullopt) {
    const quint64 after = since ? *since : (snapshots.empty() ? 0 : snapshots.back()->sequence);
    QElapsedTimer t;
    t.start();
    std::size_t seen = 0;
    while (t.elapsed() < timeoutMs) {
      for (; seen < snapshots.size(); ++seen)
        if (snapshots[seen]->sequence > after && pred(*snapshots[seen])) return snapshots[seen];
      QTest::qWait(5);
    }
    return nullptr;
  }
  std::vector<SnapshotPtr> snapshots;
  std::vector<long long> steps;
  QStringList errors, resets, divergences;
};

double sparsity(const std::vector<dlui::LayerWeights>& w) {
  double zeros = 0, total = 0;
  for (const auto& l : w) {
    zeros += static_cast<double>((l.W.array().abs() < dl::Scalar(1e-3)).count());
    total += static_cast<double>(l.W.size());
  }
  return zeros / total;
}

}  // namespace

class TestSession : public QObject {
  Q_OBJECT
private slots:
  void learningRateReachesWorker();
  void countersMoveExactly();
  void randomCommandStorm();
  void destroyMidTrainingIsPrompt();
  void l1VersusL2();
  void pairOnTwoThreads();
  void invalidConfigLeavesExperiment();
  void mapFeaturesChangeInPlace();
  void everyFieldAppliesOrRebuilds();
  void stateRoundTrip();
  void divergencePauses();
  void snapshotRate();
  void guiFallingBehindKeepsMetricsBounded();
  void idleWhenPaused();
};

void TestSession::learningRateReachesWorker() {
  TrainingSession s;
  Recorder r(s);
  s.setConfig(smallConfig());
  s.setSpeed(0);
  s.play();
  auto first = r.waitFor([](const dlui::Snapshot& p) { return p.running && p.runs.front().step > 50; });
  QVERIFY(first);
  dl::ExperimentConfig c = smallConfig();
  c.optimizer.learningRate = 0.123;
  s.setConfig(c);
  auto later = r.waitFor(
      [](const dlui::Snapshot& p) {
        return !p.runs.front().metrics.empty() && std::abs(p.runs.front().metrics.back().lr - 0.123) < 1e-9;
      },
      10000, first->sequence);
  QVERIFY(later);
  QCOMPARE(later->generation, first->generation);  // kept the weights and counters
  QVERIFY(later->runs.front().step > first->runs.front().step);
  QCOMPARE(s.config().optimizer.learningRate, 0.123);
  QVERIFY(r.errors.isEmpty());
}

void TestSession::countersMoveExactly() {
  TrainingSession s;
  Recorder r(s);
  s.setConfig(smallConfig());
  QVERIFY(r.waitFor([](const dlui::Snapshot& p) { return p.runs.front().step == 0 && !p.running; }));
  r.steps.clear();
  s.stepOnce();
  s.stepOnce();
  s.stepOnce();
  QVERIFY(r.waitFor([](const dlui::Snapshot& p) { return p.runs.front().step == 3; }));
  QTest::qWait(100);
  QCOMPARE(r.step(), 3LL);
  QCOMPARE(r.steps, (std::vector<long long>{1, 2, 3}));  // every step's metrics, once

  s.play();
  QVERIFY(r.waitFor([](const dlui::Snapshot& p) { return p.running && p.runs.front().step > 100; }));
  s.pause();
  auto paused = r.waitFor([](const dlui::Snapshot& p) { return !p.running; }, 10000, r.last()->sequence);
  QVERIFY(paused);
  QTest::qWait(150);
  const long long S = r.step();
  QCOMPARE(S, paused->runs.front().step);  // nothing moves while paused
  QVERIFY(S > 100);
  for (std::size_t i = 1; i < r.steps.size(); ++i) QCOMPARE(r.steps[i], r.steps[i - 1] + 1);  // none lost

  s.stepOnce();
  QVERIFY(r.waitFor([S](const dlui::Snapshot& p) { return p.runs.front().step == S + 1; }));
  QTest::qWait(100);
  QCOMPARE(r.step(), S + 1);

  const quint64 gen = r.last()->generation;
  s.reset();
  auto reset = r.waitFor([gen](const dlui::Snapshot& p) { return p.generation == gen + 1; });
  QVERIFY(reset);
  QCOMPARE(reset->runs.front().step, 0LL);
  QCOMPARE(reset->runs.front().epoch, 0LL);
  QVERIFY(!reset->runs.front().weights.empty());
  QVERIFY(reset->data);
  s.stepOnce();
  QVERIFY(r.waitFor([gen](const dlui::Snapshot& p) { return p.generation == gen + 1 && p.runs.front().step == 1; }));

  // Reset while playing pauses and zeroes the counters.
  s.play();
  QVERIFY(r.waitFor([](const dlui::Snapshot& p) { return p.running && p.runs.front().step > 20; }));
  s.reset();
  auto reset2 = r.waitFor([gen](const dlui::Snapshot& p) { return p.generation == gen + 2; });
  QVERIFY(reset2);
  QCOMPARE(reset2->runs.front().step, 0LL);
  QVERIFY(!reset2->running);
  QVERIFY(r.errors.isEmpty());
}

void TestSession::randomCommandStorm() {
  TrainingSession s;
  Recorder r(s);
  s.setConfig(smallConfig());
  s.play();
  std::mt19937 rng(12345);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  const char* sources[] = {"circle", "xor", "blobs", "spiral", "moons", "plane", "nope"};
  const char* optimizers[] = {"sgd", "momentum", "adam", "rmsprop", "bogus"};
  for (int i = 0; i < 2000; ++i) {
    switch (pick(9)) {
      case 0:
        s.play();
        break;
      case 1:
        s.pause();
        break;
      case 2:
        s.stepOnce();
        break;
      case 3:
        s.reset();
        break;
      case 4:
        s.setSpeed(pick(3) == 0 ? 0.0 : pick(5000) - 100.0);
        break;
      case 5:
        s.setGridResolution(pick(100) - 10);
        break;
      case 6:
        s.setThumbnails(pick(2) == 0);
        break;
      case 7:
        s.requestState();
        break;
      default: {
        dl::ExperimentConfig c = smallConfig();
        switch (pick(12)) {
          case 0:
            c.optimizer.learningRate = pick(2) ? 0.001 * (1 + pick(100)) : -1.0;
            break;
          case 1:
            c.data.source = sources[pick(7)];
            break;
          case 2:
            c.data.points = pick(400) - 10;
            break;
          case 3:
            c.hidden.resize(static_cast<std::size_t>(pick(4)));
            break;
          case 4:
            c.hidden.front().units = pick(12);
            break;  // 0 is invalid
          case 5:
            c.training.batchSize = pick(300) - 5;
            break;
          case 6:
            c.optimizer.name = optimizers[pick(5)];
            break;
          case 7:
            c.regularization.compareL1L2 = pick(2) == 0;
            c.regularization.l1 = 1e-3;
            break;
          case 8:
            c.hidden.front().dropout = pick(2) ? 0.3 : 1.5;
            break;
          case 9:
            c.hidden.front().batchNorm = true;
            c.training.batchSize = pick(3);
            break;
          case 10:
            c.hidden.front().activation = pick(2) ? "relu" : "nonsense";
            break;
          default:
            c.schedule.name = pick(2) ? "exponential" : "plateau";
            break;
        }
        s.setConfig(c);
        break;
      }
    }
    if (i % 50 == 0) QCoreApplication::processEvents();
  }
  s.pause();
  // A name no configuration of the storm has: the state that carries it answers the request below.
  dl::ExperimentConfig last = smallConfig();
  last.name = "after-the-storm";
  s.setConfig(last);
  const quint64 after = r.last() ? r.last()->sequence : 0;
  // The snapshot of the last configuration: every command of the storm has run by then (commands
  // run in order). A paused snapshot alone is no barrier: under TSan one from the middle of the
  // storm, before any invalid configuration had been refused, came after `after`.
  auto paused = r.waitFor([](const dlui::Snapshot& p) { return !p.running && p.config.name == "after-the-storm"; },
                          60000, after);
  QVERIFY(paused);
  QTRY_VERIFY_WITH_TIMEOUT(!r.errors.isEmpty(), 10000);  // the invalid ones were refused
  // Still responding: one more step moves the counter by exactly one. The state request is a
  // barrier (commands run in order), so its step counter is exact even when the last setConfig
  // made new weights after the paused snapshot above (CI once read a stale step here). The storm's
  // own state requests may still be answered after this point (TSan once took one of those): the
  // answer to this request is the one with the last configuration's name.
  std::shared_ptr<const dl::TrainerState> st;
  const auto connection = connect(&s, &TrainingSession::stateReady, this,
                                  [&st](const dl::ExperimentConfig& config, std::shared_ptr<const dl::TrainerState> state) {
                                    if (config.name == "after-the-storm") st = std::move(state);
                                  });
  s.requestState();
  QTRY_VERIFY_WITH_TIMEOUT(st != nullptr, 30000);
  disconnect(connection);
  const long long S = st->step;
  s.stepOnce();
  QVERIFY(r.waitFor([S](const dlui::Snapshot& p) { return !p.running && p.runs.front().step == S + 1; }, 30000));
}

void TestSession::destroyMidTrainingIsPrompt() {
  auto s = std::make_unique<TrainingSession>();
  Recorder r(*s);
  dl::ExperimentConfig c = smallConfig();
  c.data.points = 2000;
  c.training.batchSize = 2000;  // full batch
  s->setConfig(c);
  s->play();
  QVERIFY(r.waitFor([](const dlui::Snapshot& p) {
    return p.running && p.config.training.batchSize == 2000 && p.runs.front().step > 10;
  }));
  QElapsedTimer t;
  t.start();
  s.reset();  // destroys the session
  qInfo("destroyed mid-training in %lld ms", static_cast<long long>(t.elapsed()));
  QVERIFY(t.elapsed() < 1000);
}

void TestSession::l1VersusL2() {
  const int threads = dl::threadCount();
  dl::setThreadCount(2);  // the pair then steps in lockstep on two threads
  auto restore = qScopeGuard([threads] { dl::setThreadCount(threads); });
  TrainingSession s;
  Recorder r(s);
  dl::ExperimentConfig c = smallConfig();
  c.regularization.compareL1L2 = true;
  c.regularization.l1 = 0.01;
  s.setConfig(c);
  auto first = r.waitFor([](const dlui::Snapshot& p) { return p.runs.size() == 2; });
  QVERIFY(first);
  QCOMPARE(first->runs[0].label, QString("L1"));
  QCOMPARE(first->runs[1].label, QString("L2"));
  QCOMPARE(first->runs[0].step, 0LL);
  QVERIFY(!first->runs[0].weights.empty());
  QCOMPARE(first->runs[0].weights.size(), first->runs[1].weights.size());
  for (std::size_t l = 0; l < first->runs[0].weights.size(); ++l) {
    QVERIFY(first->runs[0].weights[l].W == first->runs[1].weights[l].W);
    QVERIFY(first->runs[0].weights[l].b == first->runs[1].weights[l].b);
  }
  s.play();
  QVERIFY(r.waitFor([](const dlui::Snapshot& p) { return p.runs.size() == 2 && p.runs[0].step >= 4000; }, 60000));
  s.pause();
  auto done = r.waitFor([](const dlui::Snapshot& p) { return !p.running && !p.runs[0].weights.empty(); }, 10000,
                        r.last()->sequence);
  QVERIFY(done);
  QCOMPARE(done->runs[0].step, done->runs[1].step);  // lockstep
  const double s1 = sparsity(done->runs[0].weights), s2 = sparsity(done->runs[1].weights);
  qInfo("sparsity after %lld steps: L1 %.3f, L2 %.3f", done->runs[0].step, s1, s2);
  QVERIFY(s1 > s2);
  QVERIFY(!done->runs[0].metrics.empty() || !r.steps.empty());
}

// A pair heavy enough to step on two threads (OpenMP, one run each): lockstep, same start,
// different penalties — the same results as one thread would give.
void TestSession::pairOnTwoThreads() {
  const int threads = dl::threadCount();
  dl::setThreadCount(2);
  auto restore = qScopeGuard([threads] { dl::setThreadCount(threads); });
  dl::ExperimentConfig c = smallConfig();
  c.data.points = 2000;
  c.hidden = {dl::LayerConfig{}, dl::LayerConfig{}};
  c.hidden[0].units = c.hidden[1].units = 192;
  c.training.batchSize = 512;
  c.regularization.compareL1L2 = true;
  c.regularization.l2 = 0.01;
  std::vector<dlui::RunSnapshot> finals;
  for (int pass = 0; pass < 2; ++pass) {  // pass 1: the same on one thread, for comparison
    if (pass == 1) dl::setThreadCount(1);
    TrainingSession s;
    Recorder r(s);
    s.setConfig(c);
    auto first =
        r.waitFor([](const dlui::Snapshot& p) { return p.runs.size() == 2 && p.config.hidden[0].units == 192; });
    QVERIFY(first);
    QVERIFY(first->runs[0].weights[0].W == first->runs[1].weights[0].W);
    for (int i = 0; i < 30; ++i) s.stepOnce();
    auto done = r.waitFor([](const dlui::Snapshot& p) { return p.runs.size() == 2 && p.runs[0].step == 30; }, 60000);
    QVERIFY(done);
    QCOMPARE(done->runs[1].step, 30LL);
    QVERIFY(!(done->runs[0].weights[0].W == done->runs[1].weights[0].W));
    finals.push_back(done->runs[0]);
    finals.push_back(done->runs[1]);
  }
  for (int run = 0; run < 2; ++run)
    for (std::size_t l = 0; l < finals[0].weights.size(); ++l)
      QVERIFY(finals[static_cast<std::size_t>(run)].weights[l].W ==
              finals[static_cast<std::size_t>(run + 2)].weights[l].W);
}

void TestSession::invalidConfigLeavesExperiment() {
  TrainingSession s;
  Recorder r(s);
  s.setConfig(smallConfig());
  s.play();
  auto before = r.waitFor([](const dlui::Snapshot& p) { return p.running && p.runs.front().step > 20; });
  QVERIFY(before);
  const quint64 gen = before->generation;
  const auto resets = r.resets.size();
  dl::ExperimentConfig bad = smallConfig();
  bad.optimizer.learningRate = -1;
  s.setConfig(bad);
  QTRY_COMPARE_WITH_TIMEOUT(r.errors.size(), 1, 5000);
  QVERIFY(r.errors.front().contains("optimizer.lr"));
  dl::ExperimentConfig bad2 = smallConfig();
  bad2.hidden.front().units = 0;  // would rebuild: refused before anything is replaced
  s.setConfig(bad2);
  QTRY_COMPARE_WITH_TIMEOUT(r.errors.size(), 2, 5000);
  QVERIFY(r.errors.back().contains("units"));
  const long long stepNow = r.step();
  auto after = r.waitFor([gen, stepNow](const dlui::Snapshot& p) { return p.runs.front().step > stepNow + 20; });
  QVERIFY(after);
  QCOMPARE(after->generation, gen);
  QVERIFY(after->running);
  QCOMPARE(after->config.optimizer.learningRate, smallConfig().optimizer.learningRate);
  QCOMPARE(static_cast<int>(after->config.hidden.front().units), 8);
  QCOMPARE(s.config().optimizer.learningRate, smallConfig().optimizer.learningRate);
  QCOMPARE(r.resets.size(), resets);
}

// Which features the map shows is a view of the run: choosing others keeps the weights, the step
// and the generation (it reset a run at step 7,167 to step 0) and brings a grid over the new plane;
// an index the data does not have is an error naming data.mapFeatures, and the run goes on.
void TestSession::mapFeaturesChangeInPlace() {
  TrainingSession s;
  Recorder r(s);
  s.setConfig(smallConfig());
  s.setSpeed(0);
  s.play();
  auto before = r.waitFor([](const dlui::Snapshot& p) { return p.running && p.runs.front().step > 200 && p.grid; });
  QVERIFY(before);
  QCOMPARE(before->grid->xFeature, 0);
  QCOMPARE(before->grid->yFeature, 1);
  const auto resets = r.resets.size();
  dl::ExperimentConfig swapped = smallConfig();
  swapped.data.mapFeatures = {1, 0};
  s.setConfig(swapped);
  auto after =
      r.waitFor([](const dlui::Snapshot& p) { return p.grid && p.grid->xFeature == 1 && p.grid->yFeature == 0; }, 10000,
                before->sequence);
  QVERIFY(after);
  QCOMPARE(after->generation, before->generation);
  QVERIFY(after->runs.front().step > before->runs.front().step);
  QCOMPARE(after->config.data.mapFeatures, (std::vector<int>{1, 0}));
  QCOMPARE(r.resets.size(), resets);

  dl::ExperimentConfig bad = smallConfig();
  bad.data.mapFeatures = {0, 5};  // circle data have two features
  s.setConfig(bad);
  QTRY_COMPARE_WITH_TIMEOUT(r.errors.size(), 1, 5000);
  QVERIFY2(r.errors.front().contains("data.mapFeatures") && r.errors.front().contains('5'),
           qPrintable(r.errors.front()));
  const long long stepNow = r.step();
  auto later = r.waitFor([stepNow](const dlui::Snapshot& p) { return p.runs.front().step > stepNow + 50; });
  QVERIFY(later);
  QCOMPARE(later->generation, before->generation);
  QCOMPARE(later->config.data.mapFeatures, (std::vector<int>{1, 0}));
  QVERIFY(later->running);
  QCOMPARE(r.resets.size(), resets);
}

namespace {

// Every leaf of a JSON value (object members and array elements), as paths of keys and indices.
void leaves(const QJsonValue& v, QVariantList path, QList<QVariantList>& out) {
  if (v.isObject()) {
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) leaves(it.value(), path + QVariantList{it.key()}, out);
  } else if (v.isArray()) {
    const QJsonArray a = v.toArray();
    for (int i = 0; i < a.size(); ++i) leaves(a[i], path + QVariantList{i}, out);
  } else {
    out << path;
  }
}

QJsonValue withLeaf(const QJsonValue& v, const QVariantList& path, int at, const QJsonValue& leaf) {
  if (at == path.size()) return leaf;
  if (v.isObject()) {
    QJsonObject o = v.toObject();
    const QString key = path[at].toString();
    o[key] = withLeaf(o[key], path, at + 1, leaf);
    return o;
  }
  QJsonArray a = v.toArray();
  const int i = path[at].toInt();
  a[i] = withLeaf(a[i], path, at + 1, leaf);
  return a;
}

QJsonValue leafAt(const QJsonValue& v, const QVariantList& path) {
  QJsonValue x = v;
  for (const QVariant& k : path)
    x = k.typeId() == QMetaType::QString ? x.toObject()[k.toString()] : x.toArray()[k.toInt()];
  return x;
}

QString pathText(const QVariantList& path) {
  QStringList parts;
  for (const QVariant& k : path) parts << k.toString();
  return parts.join(QLatin1Char('.'));
}

}  // namespace

// Every field of the configuration either rebuilds the run or reaches the running trainer: each
// leaf of the experiment JSON is changed alone to another valid value, and a change that needs no
// rebuild must leave the trainer with exactly the new configuration. (A field left out of both
// the rebuild comparison and the in-place updates was silently never applied.)
void TestSession::everyFieldAppliesOrRebuilds() {
  dl::ExperimentConfig base = smallConfig();
  base.hidden = {dl::LayerConfig{.units = 6, .activation = "tanh", .dropout = 0.1}};
  base.regularization.l2 = 1e-4;
  base.regularization.clipNorm = 5;
  const QJsonObject json = dlio::configToJson(base);
  QList<QVariantList> paths;
  leaves(json, {}, paths);
  int inPlace = 0, rebuilt = 0;
  QStringList skipped;
  for (const QVariantList& path : paths) {
    const QJsonValue old = leafAt(json, path);
    QList<QJsonValue> candidates;
    if (old.isBool()) {
      candidates << QJsonValue(!old.toBool());
    } else if (old.isDouble()) {
      const double v = old.toDouble();
      if (v == std::floor(v)) candidates << QJsonValue(v + 1) << QJsonValue(v - 1) << QJsonValue(v * 2);
      candidates << QJsonValue(v * 0.5) << QJsonValue(v == 0 ? 0.05 : v * 1.5);
    } else if (old.isString()) {
      // Names from the engine's lists (optimisers, schedules, losses, initialisers, activations,
      // L1 modes, resampling, sources): the first valid one that differs.
      for (const char* name :
           {"adam", "rmsprop", "momentum", "exponential", "step", "cosine", "plateau", "mse", "cross_entropy",
            "he_normal", "normal", "relu", "sigmoid", "subgradient", "proximal", "oversample", "spiral", "xor"})
        candidates << QJsonValue(QString::fromLatin1(name));
    }
    bool tried = false;
    for (const QJsonValue& candidate : candidates) {
      dl::ExperimentConfig next;
      try {
        next = dlio::configFromJson(withLeaf(json, path, 0, candidate).toObject());
        next.validate();
      } catch (const std::exception&) {
        continue;  // not a valid value for this field: try another
      }
      if (dlio::configToJson(next) == json) continue;  // no change after all
      tried = true;
      if (dl::rebuildReason(base, next) != dl::RebuildReason::None) {
        ++rebuilt;
        break;
      }
      dl::Trainer t(base);
      t.step();
      try {
        dl::applyInPlace(t, next);
      } catch (const std::exception& e) {
        continue;  // refused by the trainer (e.g. a map feature the data do not have)
      }
      QVERIFY2(
          dlio::configToJson(t.config()) == dlio::configToJson(next),
          qPrintable(pathText(path) + QStringLiteral(" changed but neither rebuilt nor applied: ") +
                     QString::fromUtf8(QJsonDocument(dlio::configToJson(t.config())).toJson(QJsonDocument::Compact))));
      ++inPlace;
      break;
    }
    if (!tried) skipped << pathText(path);
  }
  // The walk covered the configuration (a test that changed nothing could not fail).
  QVERIFY2(inPlace >= 20 && rebuilt >= 20, qPrintable(QStringLiteral("%1 in place, %2 rebuilt; skipped: %3")
                                                          .arg(inPlace)
                                                          .arg(rebuilt)
                                                          .arg(skipped.join(QStringLiteral(", ")))));
  qInfo("%d fields apply in place, %d rebuild; not numbers or booleans, or no other valid value: %s", inPlace, rebuilt,
        qPrintable(skipped.join(QStringLiteral(", "))));
}

void TestSession::stateRoundTrip() {
  TrainingSession s;
  Recorder r(s);
  s.setConfig(smallConfig());
  for (int i = 0; i < 25; ++i) s.stepOnce();
  QVERIFY(r.waitFor([](const dlui::Snapshot& p) { return p.runs.front().step == 25; }));
  QSignalSpy spy(&s, &TrainingSession::stateReady);
  s.requestState();
  QVERIFY(spy.wait(5000));
  auto state = spy.front().at(1).value<std::shared_ptr<const dl::TrainerState>>();
  QVERIFY(state);
  QCOMPARE(state->step, 25LL);
  s.reset();
  QVERIFY(r.waitFor([](const dlui::Snapshot& p) { return p.runs.front().step == 0; }));
  const quint64 gen = r.last()->generation;
  s.loadExperiment(smallConfig(), state);
  auto loaded = r.waitFor([gen](const dlui::Snapshot& p) { return p.generation > gen; });
  QVERIFY(loaded);
  QCOMPARE(loaded->runs.front().step, 25LL);
  QVERIFY(!loaded->runs.front().weights.empty());
  // A state that does not fit is refused and changes nothing.
  auto wrong = std::make_shared<dl::TrainerState>(*state);
  wrong->params.resize(3);
  s.loadExperiment(smallConfig(), wrong);
  QTRY_COMPARE_WITH_TIMEOUT(r.errors.size(), 1, 5000);
  s.stepOnce();
  QVERIFY(r.waitFor([](const dlui::Snapshot& p) { return p.runs.front().step == 26; }));
}

void TestSession::divergencePauses() {
  TrainingSession s;
  Recorder r(s);
  dl::ExperimentConfig c = smallConfig();
  c.data.source = "plane";
  c.hidden = {dl::LayerConfig{}};
  c.hidden.front().activation = "relu";
  c.hidden.front().units = 64;
  c.init.scheme = "normal";
  c.init.sigma = 3.0;
  c.optimizer.learningRate = 10;
  s.setConfig(c);
  s.play();
  QTRY_VERIFY_WITH_TIMEOUT(!r.divergences.isEmpty(), 20000);
  auto d =
      r.waitFor([](const dlui::Snapshot& p) { return !p.running && p.runs.front().divergence.has_value(); }, 10000, 0);
  QVERIFY(d);
  s.play();  // refused until reset
  QTRY_VERIFY_WITH_TIMEOUT(!r.errors.isEmpty(), 5000);
  s.reset();
  QVERIFY(r.waitFor(
      [](const dlui::Snapshot& p) { return !p.runs.front().divergence.has_value() && p.runs.front().step == 0; }));
}

void TestSession::snapshotRate() {
  TrainingSession s;
  Recorder r(s);
  s.setConfig(smallConfig());
  s.play();
  QVERIFY(r.waitFor([](const dlui::Snapshot& p) { return p.running; }));
  const std::size_t n0 = r.snapshots.size();
  int grids = 0, weights = 0;
  QElapsedTimer t;
  t.start();
  QTest::qWait(2000);
  const double secs = static_cast<double>(t.elapsed()) / 1000.0;
  for (std::size_t i = n0; i < r.snapshots.size(); ++i) {
    grids += r.snapshots[i]->grid ? 1 : 0;
    weights += r.snapshots[i]->runs.front().weights.empty() ? 0 : 1;
  }
  const double rate = static_cast<double>(r.snapshots.size() - n0) / secs;
  qInfo("%.1f snapshots/s, %.1f grids/s, %.1f weight sets/s, %.0f steps/s", rate, grids / secs, weights / secs,
        r.last()->stepsPerSecond);
  QVERIFY(rate <= 63);
  QVERIFY(rate >= 20);
  QVERIFY(grids / secs <= 7.5);
  QVERIFY(weights / secs <= 10.5);

  // Paced: about the requested number of steps per second.
  s.setSpeed(200);
  QTest::qWait(300);
  const long long a = r.step();
  QTest::qWait(1000);
  const long long b = r.step();
  qInfo("paced at 200/s: %lld steps in 1 s", b - a);
  QVERIFY(b - a > 150 && b - a < 250);
}

// The GUI thread blocks for 2 s while training runs flat out: the worker never waits, keeps at
// most 20,000 pending metrics per run, and says how many it left out; every step is accounted for.
void TestSession::guiFallingBehindKeepsMetricsBounded() {
  TrainingSession s;
  Recorder r(s);
  s.setConfig(smallConfig());
  s.play();
  QVERIFY(r.waitFor([](const dlui::Snapshot& p) { return p.running && p.runs.front().step > 0; }));
  const long long before = r.step();
  QThread::msleep(2000);  // the GUI "hangs"
  QTest::qWait(300);
  s.pause();
  QVERIFY(r.waitFor([](const dlui::Snapshot& p) { return !p.running; }));
  const long long during = r.step() - before;
  long long dropped = 0;
  std::size_t largest = 0;
  for (std::size_t i = 1; i < r.snapshots.size(); ++i) {
    const auto& prev = r.snapshots[i - 1]->runs.front();
    const auto& cur = r.snapshots[i]->runs.front();
    if (r.snapshots[i]->generation != r.snapshots[i - 1]->generation) continue;
    QCOMPARE(static_cast<long long>(cur.metrics.size()) + cur.droppedSteps, cur.step - prev.step);
    QVERIFY(cur.metrics.size() <= 20000);
    dropped += cur.droppedSteps;
    largest = std::max(largest, cur.metrics.size());
  }
  qInfo("%lld steps while the GUI was blocked; largest snapshot %zu metrics, %lld steps thinned out", during, largest,
        dropped);
  if (during > 30000) QVERIFY(dropped > 0);
}

// A paused session sleeps: no polling, no spinning (process CPU time over half a second).
void TestSession::idleWhenPaused() {
  TrainingSession s;
  Recorder r(s);
  s.setConfig(smallConfig());
  s.play();
  QVERIFY(r.waitFor([](const dlui::Snapshot& p) { return p.running && p.runs.front().step > 100; }));
  s.pause();
  QVERIFY(r.waitFor([](const dlui::Snapshot& p) { return !p.running; }));
  QTest::qWait(50);
  const std::clock_t c0 = std::clock();
  QTest::qWait(500);
  const double cpuMs = 1000.0 * static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
  qInfo("CPU while paused: %.1f ms in 500 ms", cpuMs);
  QVERIFY(cpuMs < 100);
}

QTEST_MAIN(TestSession)
#include "tst_ui_session.moc"
