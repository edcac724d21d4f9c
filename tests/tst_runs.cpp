// Lockstep runs (engine/train/Runs): the same numbers as independent trainers, serial or on two
// threads; the L1-vs-L2 pair and variations change their one setting and nothing else; every run
// is validated before any trainer is built or changed; one run's failure stays that run's.
#include "core/Error.h"
#include "core/Parallel.h"
#include "train/Runs.h"

#include "StepBits.h"

#include <QtTest>

#include <cmath>
#include <stdexcept>
#include <tuple>

using namespace dl;

namespace {

ExperimentConfig xorConfig() {
  ExperimentConfig c;
  c.data.source = "xor";
  c.data.points = 200;
  c.data.validationFraction = 0.25;
  c.hidden = {LayerConfig{.units = 8, .activation = "tanh"}, LayerConfig{.units = 8, .activation = "tanh"}};
  c.optimizer.learningRate = 0.2;
  c.training.batchSize = 10;
  c.training.evalEvery = 25;
  return c;
}

// Bigger, with dropout and batch norm, so both random streams and the running statistics are in play.
ExperimentConfig spiralConfig() {
  ExperimentConfig c;
  c.data.source = "spiral";
  c.data.points = 300;
  c.hidden = {LayerConfig{.units = 32, .activation = "relu", .batchNorm = true},
              LayerConfig{.units = 32, .activation = "tanh", .dropout = 0.2}};
  c.init.scheme = "he_normal";
  c.optimizer.learningRate = 0.05;
  c.training.batchSize = 32;
  c.training.evalEvery = 20;
  return c;
}

std::vector<RunSpec> optimizerRace(const ExperimentConfig& base) {
  return varyRuns(base, {{"sgd", [](ExperimentConfig& c) { c.optimizer.name = "sgd"; }},
                         {"momentum", [](ExperimentConfig& c) { c.optimizer.name = "momentum"; }},
                         {"adam", [](ExperimentConfig& c) { c.optimizer.name = "adam"; }}});
}

ExperimentConfig l1l2Config() {
  ExperimentConfig c = xorConfig();
  c.regularization.l1 = 3e-3;
  c.regularization.compareL1L2 = true;
  return c;
}

// What a set of runs did: per step, per run, every metric; and each run's final parameters.
struct Trace {
  std::vector<std::vector<std::vector<double>>> metrics;  // [step][run]
  std::vector<Vector> params;
};

Trace stepRuns(Runs& runs, int steps) {
  Trace t;
  for (int s = 0; s < steps; ++s) {
    std::vector<Runs::StepResult> results = runs.step();
    if (results.size() != runs.size()) qFatal("step() gave %zu results for %zu runs", results.size(), runs.size());
    std::vector<std::vector<double>> row;
    for (const Runs::StepResult& r : results) {
      if (r.failure) std::rethrow_exception(r.failure);
      row.push_back(flatten(r.metrics));
    }
    t.metrics.push_back(std::move(row));
  }
  for (std::size_t i = 0; i < runs.size(); ++i) t.params.push_back(runs.trainer(i).network().params());
  return t;
}

// The same runs as separate trainers, each preparing its own data, stepped one after the other.
Trace stepIndependently(const std::vector<RunSpec>& specs, int steps) {
  std::vector<std::unique_ptr<Trainer>> trainers;
  for (const RunSpec& s : specs) trainers.push_back(std::make_unique<Trainer>(s.config));
  Trace t;
  for (int s = 0; s < steps; ++s) {
    std::vector<std::vector<double>> row;
    for (auto& tr : trainers) row.push_back(flatten(tr->step()));
    t.metrics.push_back(std::move(row));
  }
  for (auto& tr : trainers) t.params.push_back(tr->network().params());
  return t;
}

// The first difference between two traces, or "" when they agree bit for bit.
QString difference(const Trace& a, const Trace& b) {
  if (a.metrics.size() != b.metrics.size() || a.params.size() != b.params.size()) return "different sizes";
  for (std::size_t s = 0; s < a.metrics.size(); ++s)
    for (std::size_t r = 0; r < a.metrics[s].size(); ++r)
      if (r >= b.metrics[s].size() || !sameBits(a.metrics[s][r], b.metrics[s][r]))
        return QString("step %1, run %2: metrics differ").arg(s + 1).arg(r);
  for (std::size_t r = 0; r < a.params.size(); ++r)
    if (!(a.params[r] == b.params[r])) return QString("run %1: parameters differ").arg(r);
  return {};
}

// Every pair of runs ends with different parameters (the runs really differ: a comparison of
// identical runs could not fail).
bool allDistinct(const Trace& t) {
  for (std::size_t i = 0; i < t.params.size(); ++i)
    for (std::size_t j = i + 1; j < t.params.size(); ++j)
      if (t.params[i] == t.params[j]) return false;
  return true;
}

struct ThreadCountGuard {
  int saved = threadCount();
  ~ThreadCountGuard() { setThreadCount(saved); }
};

}  // namespace

class RunsTest : public QObject {
  Q_OBJECT
private slots:
  // Lockstep on one shared data set changes nothing: 200 steps of the pair and of a three-way
  // optimiser race give exactly the metrics and weights of independent trainers.
  void lockstepEqualsIndependentTrainers() {
    ThreadCountGuard guard;
    setThreadCount(1);
    for (const auto& [name, specs] : {std::pair{"l1-vs-l2", experimentRuns(l1l2Config())},
                                      std::pair{"optimizer race", optimizerRace(xorConfig())}}) {
      Runs runs = Runs::prepare(specs);
      QCOMPARE(runs.size(), specs.size());
      for (std::size_t i = 1; i < runs.size(); ++i) QVERIFY(&runs.trainer(i).data() == &runs.trainer(0).data());
      const Trace lockstep = stepRuns(runs, 200);
      const Trace independent = stepIndependently(specs, 200);
      const QString diff = difference(lockstep, independent);
      QVERIFY2(diff.isEmpty(), qPrintable(QString("%1: %2").arg(name, diff)));
      QVERIFY2(allDistinct(lockstep), name);
      QVERIFY(!runs.lastStepParallel());
    }
  }

  // The runs on two threads (one region, a run per thread) give the numbers of the serial path,
  // for the pair and for three runs on two threads.
  void parallelEqualsSerial() {
    ThreadCountGuard guard;
    setThreadCount(2);
    for (const auto& [name, specs] : {std::pair{"l1-vs-l2", experimentRuns([] {
                                                  ExperimentConfig c = spiralConfig();
                                                  c.regularization.compareL1L2 = true;
                                                  return c;
                                                }())},
                                      std::pair{"optimizer race", optimizerRace(spiralConfig())}}) {
      Runs serial = Runs::prepare(specs), parallel = Runs::prepare(specs);
      serial.setParallelism(Runs::Parallelism::Serial);
      parallel.setParallelism(Runs::Parallelism::Parallel);
      const Trace a = stepRuns(serial, 100);
      QVERIFY(!serial.lastStepParallel());
      const Trace b = stepRuns(parallel, 100);
      QVERIFY2(parallel.lastStepParallel(), name);
      const QString diff = difference(a, b);
      QVERIFY2(diff.isEmpty(), qPrintable(QString("%1: %2").arg(name, diff)));
      QVERIFY2(allDistinct(a), name);
    }
    // One thread: nothing to spread the runs over, whatever is asked.
    setThreadCount(1);
    Runs runs = Runs::prepare(optimizerRace(xorConfig()));
    runs.setParallelism(Runs::Parallelism::Parallel);
    runs.step();
    QVERIFY(!runs.lastStepParallel());
  }

  // The pair: labels L1 and L2, the same configuration but the penalty (strength: the larger of
  // l1 and l2, else 1e-3), the flag kept. One run: the configuration itself, no label.
  void experimentRunsAndLabels() {
    const ExperimentConfig plain = xorConfig();
    const std::vector<RunSpec> one = experimentRuns(plain);
    QCOMPARE(one.size(), std::size_t(1));
    QCOMPARE(one[0].label, std::string());
    QVERIFY(one[0].config == plain);

    for (const auto& [l1, l2, strength] :
         {std::tuple{3e-3, 0.0, 3e-3}, std::tuple{1e-4, 2e-3, 2e-3}, std::tuple{0.0, 0.0, 1e-3}}) {
      ExperimentConfig c = xorConfig();
      c.regularization.l1 = l1;
      c.regularization.l2 = l2;
      c.regularization.l1Mode = "subgradient";
      c.regularization.compareL1L2 = true;
      const std::vector<RunSpec> pair = experimentRuns(c);
      QCOMPARE(pair.size(), std::size_t(2));
      QCOMPARE(pair[0].label, std::string("L1"));
      QCOMPARE(pair[1].label, std::string("L2"));
      ExperimentConfig expectL1 = c, expectL2 = c;
      expectL1.regularization.l1 = strength;
      expectL1.regularization.l2 = 0;
      expectL1.regularization.l1Mode = "proximal";
      expectL2.regularization.l1 = 0;
      expectL2.regularization.l2 = strength;
      QVERIFY(pair[0].config == expectL1);
      QVERIFY(pair[1].config == expectL2);
      QVERIFY(pair[0].config.regularization.compareL1L2 && pair[1].config.regularization.compareL1L2);
    }

    Runs runs = Runs::prepare(experimentRuns(l1l2Config()));
    QCOMPARE(runs.label(0), std::string("L1"));
    QCOMPARE(runs.label(1), std::string("L2"));
    QVERIFY(runs.config(0) == experimentRuns(l1l2Config())[0].config);
    QVERIFY(runs.trainer(0).network().params() == runs.trainer(1).network().params());  // same start
    Runs single = Runs::prepare(experimentRuns(xorConfig()));
    QCOMPARE(single.size(), std::size_t(1));
    QCOMPARE(single.label(0), std::string());
  }

  // A variation changes its setting and nothing else, in order, under its label.
  void variationsChangeOneSetting() {
    ExperimentConfig base = xorConfig();
    base.optimizer.name = "rmsprop";  // every run of the race differs from it
    const std::vector<RunSpec> race = optimizerRace(base);
    QCOMPARE(race.size(), std::size_t(3));
    const char* names[] = {"sgd", "momentum", "adam"};
    for (std::size_t i = 0; i < race.size(); ++i) {
      QCOMPARE(race[i].label, std::string(names[i]));
      QVERIFY(!(race[i].config == base));
      ExperimentConfig expected = base;
      expected.optimizer.name = names[i];
      QVERIFY(race[i].config == expected);
    }
    // A search over learning rates is the same call.
    std::vector<Variation> rates;
    for (const double lr : {0.01, 0.1, 1.0})
      rates.push_back({"lr " + std::to_string(lr), [lr](ExperimentConfig& c) { c.optimizer.learningRate = lr; }});
    const std::vector<RunSpec> search = varyRuns(base, rates);
    QCOMPARE(search.size(), std::size_t(3));
    for (std::size_t i = 0; i < search.size(); ++i) {
      ExperimentConfig expected = base;
      expected.optimizer.learningRate = std::vector<double>{0.01, 0.1, 1.0}[i];
      QVERIFY(search[i].config == expected);
    }
  }

  // Every run is validated before the first trainer is built: run 0 would fail only when its
  // trainer is built (a map feature these data do not have), run 1 fails validation — the error
  // is run 1's. prepare() also validates before it prepares the data (a missing CSV file).
  void invalidRunThrowsBeforeAnyTrainer() {
    ExperimentConfig good = xorConfig();
    good.data.mapFeatures = {0, 7};
    ExperimentConfig bad = xorConfig();
    bad.optimizer.learningRate = -1;
    try {
      Runs runs({{"a", good}, {"b", bad}}, Runs::prepare(experimentRuns(xorConfig())).sharedData());
      QFAIL("built runs with an invalid one");
    } catch (const ConfigError& e) {
      QCOMPARE(e.field(), std::string("optimizer.lr"));
    }
    // Run 0 alone does fail when its trainer is built (the test above could fail).
    QVERIFY_THROWS_EXCEPTION(ConfigError, Runs({{"a", good}}, Runs::prepare(experimentRuns(xorConfig())).sharedData()));

    ExperimentConfig csv = xorConfig();
    csv.data.source = "csv";
    csv.data.csvPath = "/nonexistent/dlplay-runs-test.csv";
    ExperimentConfig csvBad = csv;
    csvBad.optimizer.learningRate = 20;
    try {
      Runs::prepare({{"a", csv}, {"b", csvBad}});
      QFAIL("prepared runs with an invalid one");
    } catch (const ConfigError& e) {
      QCOMPARE(e.field(), std::string("optimizer.lr"));
    }
    QVERIFY_THROWS_EXCEPTION(DataError, Runs::prepare({{"a", csv}}));

    // Runs share one prepared data set: a variation of the data is refused, not silently ignored.
    try {
      Runs::prepare(varyRuns(xorConfig(), {{"400", [](ExperimentConfig& c) { c.data.points = 400; }},
                                           {"800", [](ExperimentConfig& c) { c.data.points = 800; }}}));
      QFAIL("prepared runs that differ in their data");
    } catch (const ConfigError& e) {
      QCOMPARE(e.field(), std::string("data"));
      QCOMPARE(e.value(), std::string("800"));
    }
  }

  // applyInPlace validates every run first: with run 1 invalid (or showing a map feature the data
  // do not have) it throws the error naming the field and no run changes — not its configuration,
  // not its weights, not its optimiser state (the next steps are those of untouched runs).
  void applyInPlaceIsAllOrNothing() {
    ThreadCountGuard guard;
    setThreadCount(1);
    const std::vector<RunSpec> specs = experimentRuns(l1l2Config());
    Runs runs = Runs::prepare(specs), untouched = Runs::prepare(specs);
    stepRuns(runs, 20);
    stepRuns(untouched, 20);
    std::vector<RunSpec> next = specs;
    for (RunSpec& s : next) s.config.optimizer.learningRate = 0.05;  // valid for run 0
    std::vector<RunSpec> badRate = next, badMap = next;
    badRate[1].config.optimizer.learningRate = 0;
    badMap[1].config.data.mapFeatures = {0, 5};
    for (const auto& [bad, field] : {std::pair{badRate, "optimizer.lr"}, std::pair{badMap, "data.mapFeatures"}}) {
      try {
        runs.applyInPlace(bad);
        QFAIL("applied an invalid run");
      } catch (const ConfigError& e) {
        QCOMPARE(e.field(), std::string(field));
      }
      for (std::size_t i = 0; i < runs.size(); ++i) {
        QVERIFY(runs.config(i) == specs[i].config);
        QVERIFY(runs.trainer(i).network().params() == untouched.trainer(i).network().params());
      }
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, runs.applyInPlace(experimentRuns(xorConfig())));
    QVERIFY(runs.config(0) == specs[0].config);
    // What needs new trainers is refused, not half-applied or read past the end: a layer more in run
    // 1 (after run 0's valid change), other data, another initialisation.
    std::vector<RunSpec> deeper = next, otherData = next, otherInit = next;
    deeper[1].config.hidden.push_back(deeper[1].config.hidden.back());
    otherData[1].config.data.points += 10;
    otherInit[0].config.init.scheme = "orthogonal";
    for (const std::vector<RunSpec>& rebuild : {deeper, otherData, otherInit}) {
      QVERIFY_THROWS_EXCEPTION(std::invalid_argument, runs.applyInPlace(rebuild));
      for (std::size_t i = 0; i < runs.size(); ++i) QVERIFY(runs.config(i) == specs[i].config);
    }
    const QString diff = difference(stepRuns(runs, 30), stepRuns(untouched, 30));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));

    // A valid change reaches every run, each its own way, and keeps the weights.
    ExperimentConfig changed = l1l2Config();
    changed.optimizer.learningRate = 0.05;
    changed.regularization.l1 = 1e-2;
    const Vector before = runs.trainer(1).network().params();
    runs.applyInPlace(changed);
    for (std::size_t i = 0; i < runs.size(); ++i) QVERIFY(runs.config(i) == experimentRuns(changed)[i].config);
    QCOMPARE(runs.config(1).regularization.l2, 1e-2);
    QVERIFY(runs.trainer(1).network().params() == before);
    QCOMPARE(runs.trainer(1).stepCount(), 50LL);
  }

  // A saved state goes into every run: same step, same weights.
  void restoreIntoEveryRun() {
    const std::vector<RunSpec> specs = experimentRuns(l1l2Config());
    Runs a = Runs::prepare(specs);
    stepRuns(a, 30);
    const TrainerState s = a.trainer(0).state();
    Runs b = Runs::prepare(specs);
    b.restore(s);
    for (std::size_t i = 0; i < b.size(); ++i) {
      QCOMPARE(b.trainer(i).stepCount(), 30LL);
      QVERIFY(b.trainer(i).network().params() == s.params);
    }
    ExperimentConfig other = l1l2Config();
    other.hidden = {LayerConfig{.units = 3}};
    Runs c = Runs::prepare(experimentRuns(other));
    QVERIFY_THROWS_EXCEPTION(ConfigError, c.restore(s));
    QCOMPARE(c.trainer(1).stepCount(), 0LL);
    // A race's runs differ in their optimiser: one state cannot fit them all, and none takes it
    // (run 0 alone would have, before run 1 refused it).
    Runs race =
        Runs::prepare(varyRuns(xorConfig(), {{"momentum", [](ExperimentConfig& r) { r.optimizer.name = "momentum"; }},
                                             {"adam", [](ExperimentConfig& r) { r.optimizer.name = "adam"; }}}));
    Runs momentum = Runs::prepare({{"", race.config(0)}});
    stepRuns(momentum, 5);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, race.restore(momentum.trainer(0).state()));
    QCOMPARE(race.trainer(0).stepCount(), 0LL);
  }

  // One run diverges and then throws on its next step: that step's failure is that run's alone;
  // the other run stepped and reports its metrics.
  void failureStaysWithItsRun() {
    ExperimentConfig base = spiralConfig();
    base.hidden = std::vector<LayerConfig>(6, LayerConfig{.units = 32, .activation = "relu"});
    Runs runs = Runs::prepare(varyRuns(base, {{"calm", {}}, {"wild", [](ExperimentConfig& c) {
                                                               c.init.scheme = "normal";
                                                               c.init.sigma = 3.0;
                                                               c.optimizer.learningRate = 10;
                                                             }}}));
    int steps = 0;
    while (!runs.anyDiverged() && steps < 500) {
      for (const Runs::StepResult& r : runs.step()) QVERIFY(!r.failure);
      ++steps;
    }
    QVERIFY2(runs.trainer(1).diverged(), "a learning rate of 10 with σ = 3 must diverge");
    QVERIFY(!runs.trainer(0).diverged());
    const std::vector<Runs::StepResult> results = runs.step();
    QVERIFY(!results[0].failure);
    QCOMPARE(results[0].metrics.step, static_cast<long long>(steps + 1));
    QCOMPARE(runs.trainer(0).stepCount(), static_cast<long long>(steps + 1));
    QVERIFY(results[1].failure);
    QVERIFY_THROWS_EXCEPTION(std::logic_error, std::rethrow_exception(results[1].failure));
    QCOMPARE(runs.trainer(1).stepCount(), static_cast<long long>(steps));
  }
};

QTEST_GUILESS_MAIN(RunsTest)
#include "tst_runs.moc"
