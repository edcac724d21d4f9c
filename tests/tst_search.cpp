// The hyperparameter-search engine (engine/search): the claims about grid, random and
// log-scale search on real training runs; results bit-identical on one and two threads; cancel,
// divergence and failure handled per trial; every searched setting applied and read back; every
// invalid field named with its value; coarse to fine zooming where it says.
#include "core/Error.h"
#include "search/Search.h"

#include <QtTest>

#include <chrono>
#include <cmath>
#include <cstring>
#include <functional>
#include <set>
#include <thread>

using namespace dl;
using namespace dl::search;

namespace {

// A problem where only the learning rate matters: noisy moons, a small tanh network, 200 steps of
// SGD; the second parameter, L2 in [1e-6, 1e-5], barely changes a run.
SearchConfig moonsSearch() {
  SearchConfig s;
  s.base.data.source = "moons";
  s.base.data.points = 200;
  s.base.hidden = {LayerConfig{.units = 8, .activation = "tanh"}};
  s.base.training.batchSize = 10;
  s.base.training.evalEvery = 25;
  s.params = {{"learningRate", 1e-3, 10, Scale::Log}, {"l2", 1e-6, 1e-5, Scale::Log}};
  s.trials = 9;
  s.steps = 200;
  s.threads = 2;
  return s;
}

std::set<double> distinct(const std::vector<Trial>& trials, std::size_t param) {
  std::set<double> v;
  for (const Trial& t : trials) v.insert(t.values[param]);
  return v;
}

bool sameBits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

// Every result of two searches, bit for bit.
void compareTrials(const std::vector<Trial>& a, const std::vector<Trial>& b) {
  QCOMPARE(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    QCOMPARE(a[i].values, b[i].values);
    QCOMPARE(a[i].status, b[i].status);
    QVERIFY2(sameBits(a[i].trainLoss, b[i].trainLoss), qPrintable(QString("trial %1 train loss").arg(i)));
    QVERIFY2(sameBits(a[i].valLoss, b[i].valLoss), qPrintable(QString("trial %1 val loss").arg(i)));
    QVERIFY(sameBits(a[i].valAccuracy, b[i].valAccuracy));
    QVERIFY(sameBits(a[i].bestValLoss, b[i].bestValLoss));
    QCOMPARE(a[i].steps, b[i].steps);
    QCOMPARE(a[i].divergedAt, b[i].divergedAt);
    QCOMPARE(a[i].valCurve.size(), b[i].valCurve.size());
    QVERIFY(std::memcmp(a[i].valCurve.data(), b[i].valCurve.data(), a[i].valCurve.size() * sizeof(float)) == 0);
  }
}

}  // namespace

class SearchTest : public QObject {
  Q_OBJECT

private slots:
  // The first claim: 9 trials where one parameter matters. A 3×3 grid tries 3 learning
  // rates (each three times, with the other parameter); random search tries 9.
  void gridTestsThreeRatesRandomNine() {
    SearchConfig s = moonsSearch();
    s.strategy = Strategy::Grid;
    const Search grid(s);
    QCOMPARE(grid.plannedTrials(), 9);
    QCOMPARE(distinct(grid.trials(), 0).size(), std::size_t(3));
    QCOMPARE(distinct(grid.trials(), 1).size(), std::size_t(3));
    QCOMPARE(*distinct(grid.trials(), 0).begin(), 1e-3);  // the ends of the range, and its log-middle
    QCOMPARE(*distinct(grid.trials(), 0).rbegin(), 10.0);
    QVERIFY(std::abs(*std::next(distinct(grid.trials(), 0).begin()) - 0.1) < 1e-12);
    for (Strategy random : {Strategy::Uniform, Strategy::LogUniform}) {
      s.strategy = random;
      const Search r(s);
      QCOMPARE(r.trials().size(), std::size_t(9));
      QCOMPARE(distinct(r.trials(), 0).size(), std::size_t(9));
    }
    // Left-over trials are not run: 10 trials over 2 parameters is the same 3×3 grid; 8 is 2×2.
    s.strategy = Strategy::Grid;
    s.trials = 10;
    QCOMPARE(Search(s).trials().size(), std::size_t(9));
    s.trials = 8;
    QCOMPARE(Search(s).trials().size(), std::size_t(4));
    QCOMPARE(gridPointsPerAxis(27, 3), 3);
    QCOMPARE(gridPointsPerAxis(26, 3), 2);
    QCOMPARE(gridPointsPerAxis(1000, 3), 10);
    QCOMPARE(gridPointsPerAxis(5, 1), 5);
  }

  // Log-uniform over [1e-4, 1]: each of the 4 decades gets 25% ± 5% of 400 samples. With search
  // seed 1 (the preset's) every decade does (100, 104, 104, 92); over seeds 1-10, 39 of the 40 decade counts do
  // (a binomial count has σ = 8.7 of 400, so ±20 is 2.3σ: one or two misses in 40 are chance).
  // Uniform puts ≥ 85% in the top decade on every seed (measured 356-368 of 400, 89-92%; 90% expected).
  void logUniformFillsEveryDecade() {
    const std::vector<ParamRange> lr{{"learningRate", 1e-4, 1, Scale::Log}};
    const UnitBox all = wholeSpace(1);
    int within = 0, topMin = 400, topMax = 0;
    QStringList counts;
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
      Rng rng(seed);
      int decade[4] = {0, 0, 0, 0};
      for (const auto& v : randomTrials(lr, 400, true, all, rng))
        ++decade[std::clamp(static_cast<int>(std::floor(std::log10(v[0]))) + 4, 0, 3)];
      for (int d = 0; d < 4; ++d) {
        const bool ok = decade[d] >= 80 && decade[d] <= 120;
        within += ok;
        counts << QString::number(decade[d]);
        if (seed == 1) QVERIFY2(ok, qPrintable(QString("seed 1, decade 1e%1: %2 of 400").arg(d - 4).arg(decade[d])));
      }
      Rng rng2(seed);
      int top = 0;
      for (const auto& v : randomTrials(lr, 400, false, all, rng2)) top += v[0] >= 0.1;
      topMin = std::min(topMin, top);
      topMax = std::max(topMax, top);
      QVERIFY2(top >= 340, qPrintable(QString("seed %1: uniform puts %2 of 400 in the top decade").arg(seed).arg(top)));
    }
    qInfo("log-uniform decade counts, seeds 1-10: %s (%d of 40 within 80-120); uniform top decade %d-%d of 400",
          qPrintable(counts.join(' ')), within, topMin, topMax);
    QVERIFY2(within >= 36, qPrintable(QString("%1 of 40 decade counts within 25% ± 5%").arg(within)));
    // The same through a search: its trials are these samples.
    SearchConfig s = moonsSearch();
    s.params = {{"learningRate", 1e-4, 1, Scale::Log}};
    s.trials = 400;
    s.strategy = Strategy::LogUniform;
    int low = 0;
    for (const Trial& t : Search(s).trials()) low += t.values[0] < 1e-3;
    QVERIFY2(low >= 80 && low <= 120, qPrintable(QString::number(low)));
  }

  // The third claim, on real training: over 20 search seeds, the best of 9 log-uniform
  // random trials has a lower final validation loss than the best of the 3×3 grid (whose middle
  // learning rate, 0.1, is too low for 200 steps and whose top one, 10, too high). "Most" is more
  // than 10 of 20. Measured: 20 of 20 in the Release build (native code: grid best 0.34), 12 of 20
  // in the sanitizer builds (SSE2 code trains the grid's lr-10 trials to 0.076, a far better grid best).
  void randomBeatsGridOnMostSeeds() {
    SearchConfig s = moonsSearch();
    s.strategy = Strategy::Grid;
    Search grid(s);
    grid.run();
    const double gridBest = grid.best()->valLoss;
    int wins = 0;
    QStringList measured;
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
      s.strategy = Strategy::LogUniform;
      s.seed = seed;
      Search random(s);
      random.run();
      QVERIFY(random.best());
      wins += random.best()->valLoss < gridBest;
      measured << QString::number(random.best()->valLoss, 'g', 3);
    }
    qInfo("grid best %.4f; random best per seed: %s; random wins %d of 20", gridBest, qPrintable(measured.join(' ')),
          wins);
    QVERIFY2(wins > 10, qPrintable(QString("random search beat the grid on %1 of 20 seeds").arg(wins)));
  }

  // Each trial runs serially on its own thread: one thread or two, every number is the same bit for bit.
  void bitIdenticalOnOneAndTwoThreads() {
    for (Strategy strategy : {Strategy::LogUniform, Strategy::CoarseToFine}) {
      SearchConfig s = moonsSearch();
      s.strategy = strategy;
      s.trials = 8;
      s.threads = 1;
      Search one(s);
      one.run();
      s.threads = 2;
      Search two(s);
      int calls = 0;
      two.run([&calls](const Trial& t) {
        QVERIFY(t.finished());
        ++calls;  // serialised by the search
      });
      QCOMPARE(calls, 8);
      compareTrials(one.trials(), two.trials());
      QCOMPARE(one.bestSoFar().size(), std::size_t(8));
    }
  }

  // A trial's results: its configuration is the base with its values and seed base + index; the
  // best-so-far curve never rises; the validation curve has at most 100 points.
  void trialResults() {
    SearchConfig s = moonsSearch();
    s.steps = 3000;  // 120 evaluations: the curve is thinned
    s.trials = 3;
    Search search(s);
    search.run();
    const std::vector<Trial> trials = search.trials();
    for (const Trial& t : trials) {
      QCOMPARE(t.status, Trial::Status::Done);
      QCOMPARE(t.steps, 3000LL);
      QVERIFY(t.valCurve.size() <= 100 && t.valCurve.size() >= 50);
      QCOMPARE(t.curveEvery, 50LL);
      QVERIFY(t.bestValLoss <= t.valLoss);
      const ExperimentConfig c = search.trialConfig(t.index);
      QCOMPARE(c.training.seed, s.base.training.seed + static_cast<std::uint64_t>(t.index));
      QCOMPARE(c.optimizer.learningRate, t.values[0]);
      QCOMPARE(c.regularization.l2, t.values[1]);
      QCOMPARE(c.training.steps, 3000LL);
    }
    const std::vector<double> best = search.bestSoFar();
    QCOMPARE(best.size(), trials.size());
    for (std::size_t i = 1; i < best.size(); ++i) QVERIFY(best[i] <= best[i - 1]);
    QCOMPARE(best.back(), search.best()->valLoss);
    const Search::Progress p = search.progress();
    QCOMPARE(p.finished, 3);
    QCOMPARE(p.steps, 9000LL);
    QVERIFY(search.finished());
  }

  // Cancel: the running trials stop before their next step (well within a second) and go back to
  // Pending; the finished ones keep exactly what an uncancelled search gives them.
  void cancelStopsPromptly() {
    SearchConfig s = moonsSearch();
    s.trials = 6;
    s.steps = 60000;  // ≈ 0.1-0.3 s per trial
    Search search(s);
    search.start();
    while (search.progress().finished < 2 && !search.finished())
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    const auto t0 = std::chrono::steady_clock::now();
    search.cancel();
    search.wait();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    QVERIFY2(seconds < 0.5, qPrintable(QString("cancel took %1 s").arg(seconds)));
    QVERIFY(search.finished() && search.cancelled());
    const std::vector<Trial> cut = search.trials();
    int done = 0;
    for (const Trial& t : cut) {
      if (t.status == Trial::Status::Done) {
        ++done;
        continue;
      }
      QCOMPARE(t.status, Trial::Status::Pending);
      QCOMPARE(t.steps, 0LL);
      QVERIFY(t.valCurve.empty() && std::isnan(t.valLoss));
    }
    QVERIFY(done >= 2 && done < 6);
    s.trials = 6;
    Search whole(s);
    whole.run();
    const std::vector<Trial> all = whole.trials();
    for (const Trial& t : cut)
      if (t.status == Trial::Status::Done) {
        QVERIFY(sameBits(t.valLoss, all[static_cast<std::size_t>(t.index)].valLoss));
        QCOMPARE(t.valCurve, all[static_cast<std::size_t>(t.index)].valCurve);
      }
  }

  // A trial that diverges is marked with its step (the Trainer's divergence detection) and the
  // others train on. A range whose end the playground refuses is refused before any trial.
  void divergingTrialIsMarked() {
    SearchConfig s;
    s.base.data.source = "plane";
    s.base.data.points = 200;
    s.base.hidden = {LayerConfig{.units = 8, .activation = "relu"}, LayerConfig{.units = 8, .activation = "relu"}};
    s.base.init.scheme = "he_normal";
    s.base.optimizer.name = "momentum";
    s.base.training.evalEvery = 25;
    s.params = {{"learningRate", 0.01, 10, Scale::Log}};
    s.strategy = Strategy::Grid;
    s.trials = 4;  // 0.01, 0.1, 1, 10
    s.steps = 200;
    s.threads = 2;
    Search search(s);
    search.run();
    const std::vector<Trial> t = search.trials();
    QCOMPARE(t[3].values[0], 10.0);
    QCOMPARE(t[3].status, Trial::Status::Diverged);
    QVERIFY(t[3].divergedAt >= 1 && t[3].divergedAt < 50);
    QVERIFY(t[3].error.find("non-finite") != std::string::npos);
    for (int i = 0; i < 3; ++i) QCOMPARE(t[i].status, Trial::Status::Done);
    QCOMPARE(search.best()->values[0], 0.1);
    QCOMPARE(search.progress().diverged, 1);

    // 20 layers of 4096 units exceed the playground's memory limit: the range's end is named.
    SearchConfig wide = moonsSearch();
    wide.params = {{"width", 4, 4096, Scale::Log}};
    wide.base.hidden.assign(20, LayerConfig{.units = 8, .activation = "tanh"});
    wide.strategy = Strategy::Grid;
    wide.trials = 2;
    wide.steps = 2;
    try {
      Search w(wide);
      QFAIL("a width of 4096 in 20 layers must be refused at validation");
    } catch (const ConfigError& e) {
      QCOMPARE(QString::fromStdString(e.field()), QString("params[0].high"));
      QCOMPARE(QString::fromStdString(e.value()), QString("4096"));
    }
  }

  // Every searched setting: applied, read back, and only it changes.
  void applyAndReadEveryParam() {
    QCOMPARE(paramNames(), (std::vector<std::string>{"learningRate", "l2", "batchSize", "width", "depth", "momentum"}));
    const ExperimentConfig base = moonsSearch().base;
    const std::vector<std::pair<std::string, double>> cases{
        {"learningRate", 0.0123}, {"l2", 3e-4}, {"batchSize", 17}, {"width", 24}, {"depth", 3}, {"momentum", 0.01}};
    for (const auto& [name, value] : cases) {
      ExperimentConfig c = base;
      applyParam(c, name, value);
      QVERIFY2(std::abs(paramValue(c, name) - value) < 1e-12 * std::max(1.0, value), name.c_str());
      QVERIFY2(c != base, name.c_str());
      c.validate();
    }
    ExperimentConfig c = base;
    applyParam(c, "batchSize", 16.6);  // whole numbers are rounded
    QCOMPARE(c.training.batchSize, 17);
    applyParam(c, "depth", 3);  // added layers copy the last: the width is kept
    QCOMPARE(c.hidden.size(), std::size_t(3));
    QCOMPARE(c.hidden[2].units, 8);
    applyParam(c, "width", 5);
    for (const LayerConfig& l : c.hidden) QCOMPARE(l.units, 5);
    applyParam(c, "momentum", 0.001);  // 1 − β
    QVERIFY(std::abs(c.optimizer.momentum - 0.999) < 1e-12);
    c.optimizer.name = "adam";
    applyParam(c, "momentum", 0.1);  // Adam's β1
    QVERIFY(std::abs(c.optimizer.beta1 - 0.9) < 1e-12);
    QVERIFY_THROWS_EXCEPTION(ConfigError, applyParam(c, "dropout", 0.1));
    // Scales: 0 and 1 are the ends, 0.5 the middle on the range's own scale.
    const ParamRange lg{"learningRate", 1e-4, 1, Scale::Log}, ln{"width", 2, 10, Scale::Linear};
    QCOMPARE(fromUnit(lg, 0), 1e-4);
    QVERIFY(std::abs(fromUnit(lg, 0.5) - 1e-2) < 1e-15);
    QCOMPARE(fromUnit(ln, 0.5), 6.0);
    QVERIFY(std::abs(toUnit(lg, 1e-3) - 0.25) < 1e-12);
  }

  // Each invalid field throws ConfigError naming it as the file spells it, with the bad value.
  void validationNamesFieldAndValue() {
    using Change = std::function<void(SearchConfig&)>;
    const std::vector<std::tuple<Change, std::string, std::string>> cases{
        {[](SearchConfig& s) { s.params.clear(); }, "params", "0 parameters"},
        {[](SearchConfig& s) { s.params.resize(4, s.params[0]); }, "params", "4 parameters"},
        {[](SearchConfig& s) { s.params[1].name = "dropout"; }, "params[1].name", "dropout"},
        {[](SearchConfig& s) { s.params[1].name = "learningRate"; }, "params[1].name", "learningRate"},
        {[](SearchConfig& s) { s.params[0].high = 1e-3; }, "params[0].high", "0.001"},
        {[](SearchConfig& s) { s.params[0].low = 0; }, "params[0].low", "0"},
        {[](SearchConfig& s) { s.params[0].low = std::nan(""); }, "params[0].low", "nan"},
        {[](SearchConfig& s) { s.params[0].high = 20; }, "params[0].high", "20"},
        {[](SearchConfig& s) {
           s.params[1] = {"batchSize", 0, 10, Scale::Linear};
         },
         "params[1].low", "0"},
        {[](SearchConfig& s) {
           s.params[1] = {"momentum", 0.001, 0.1, Scale::Log};
         },
         "params[1].name", "momentum"},
        {[](SearchConfig& s) {
           s.base.optimizer.name = "momentum";
           s.params[1] = {"momentum", 0.001, 1.5, Scale::Log};
         },
         "params[1].high", "1.5"},
        {[](SearchConfig& s) {
           s.base.hidden.clear();
           s.params[1] = {"width", 2, 8, Scale::Linear};
         },
         "params[1].name", "width"},
        {[](SearchConfig& s) { s.trials = 0; }, "trials", "0"},
        {[](SearchConfig& s) { s.trials = 10001; }, "trials", "10001"},
        {[](SearchConfig& s) { s.steps = 0; }, "steps", "0"},
        {[](SearchConfig& s) { s.rounds = 6; }, "rounds", "6"},
        {[](SearchConfig& s) {
           s.strategy = Strategy::CoarseToFine;
           s.trials = 2;
           s.rounds = 3;
         },
         "rounds", "3"},
        {[](SearchConfig& s) { s.zoom = 1; }, "zoom", "1"},
        {[](SearchConfig& s) { s.threads = -1; }, "threads", "-1"},
        {[](SearchConfig& s) { s.base.data.points = 0; }, "experiment.data.points", "0"},
        {[](SearchConfig& s) { s.base.data.validationFraction = 0; }, "experiment.data.validationFraction", "0"},
        {[](SearchConfig& s) { s.base.regularization.compareL1L2 = true; }, "experiment.regularization.compareL1L2",
         "true"},
    };
    validate(moonsSearch());
    for (const auto& [change, field, value] : cases) {
      SearchConfig s = moonsSearch();
      change(s);
      try {
        validate(s);
        QFAIL(qPrintable(QString::fromStdString("no error for " + field)));
      } catch (const ConfigError& e) {
        QCOMPARE(QString::fromStdString(e.field()), QString::fromStdString(field));
        QCOMPARE(QString::fromStdString(e.value()), QString::fromStdString(value));
        QVERIFY(!QString(e.what()).contains('\n'));
      }
    }
  }

  // Coarse to fine: round 2 lies in the box of side zoom around round 1's best trial, inside the
  // original ranges; round 3 in a box zoom² wide.
  void coarseToFineZooms() {
    SearchConfig s = moonsSearch();
    s.strategy = Strategy::CoarseToFine;
    s.trials = 12;
    s.rounds = 3;
    s.zoom = 0.25;
    Search search(s);
    QCOMPARE(search.trials().size(), std::size_t(4));  // round 1 only, until it has run
    search.run();
    const std::vector<Trial> t = search.trials();
    QCOMPARE(t.size(), std::size_t(12));
    for (int round = 2; round <= 3; ++round) {
      // The best Done trial of the rounds before.
      const Trial* best = nullptr;
      for (const Trial& x : t)
        if (x.round < round && x.status == Trial::Status::Done && (!best || x.valLoss < best->valLoss)) best = &x;
      QVERIFY(best);
      std::vector<double> centre;
      for (std::size_t p = 0; p < s.params.size(); ++p) centre.push_back(toUnit(s.params[p], best->values[p]));
      const UnitBox box = zoomBox(centre, s.zoom, round);
      int inRound = 0;
      for (const Trial& x : t) {
        if (x.round != round) continue;
        ++inRound;
        for (std::size_t p = 0; p < s.params.size(); ++p) {
          const double u = toUnit(s.params[p], x.values[p]);
          QVERIFY2(u >= box.low[p] - 1e-12 && u <= box.high[p] + 1e-12,
                   qPrintable(QString("round %1, trial %2, param %3: %4 outside [%5, %6]")
                                  .arg(round)
                                  .arg(x.index)
                                  .arg(p)
                                  .arg(u)
                                  .arg(box.low[p])
                                  .arg(box.high[p])));
          QVERIFY(x.values[p] >= s.params[p].low && x.values[p] <= s.params[p].high);
          QVERIFY(box.high[p] - box.low[p] <= std::pow(s.zoom, round - 1) + 1e-12);
        }
      }
      QCOMPARE(inRound, 4);
    }
    // A box at the edge is clipped, not moved.
    const UnitBox edge = zoomBox({0.0, 0.95}, 0.5, 2);
    QCOMPARE(edge.low[0], 0.0);
    QCOMPARE(edge.high[0], 0.25);
    QCOMPARE(edge.high[1], 1.0);
    QCOMPARE(roundSizes(10, 3), (std::vector<int>{4, 3, 3}));
  }

  void names() {
    for (const std::string& n : strategyNames()) {
      Strategy s{};
      QVERIFY(strategyFromName(n, s));
      QCOMPARE(strategyName(s), n);
    }
    Strategy s{};
    QVERIFY(!strategyFromName("random", s));
    QCOMPARE(strategyName(Strategy::CoarseToFine), std::string("coarse-to-fine"));
  }
};

QTEST_GUILESS_MAIN(SearchTest)
#include "tst_search.moc"
