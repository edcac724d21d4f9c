// The labs' shared training thread (session/LabRunner.h), with a counting simulation whose every
// call is checked to come from the thread, and with the CNN lab's real runs on top of it. Also run
// under ThreadSanitizer (scripts/test.sh).
#include "labs/cnn/CnnSimulation.h"
#include "session/LabRunner.h"

#include "io/CnnIo.h"

#include <QSignalSpy>
#include <QtTest>

#include <atomic>
#include <thread>

using namespace dlui;

namespace {

struct CountSnapshot : LabSnapshot {
  long long steps = 0;        // the count when it was taken
  long long newSteps = 0;     // steps since the previous snapshot
  bool heavy = false;
  int commandsSeen = 0;
};

// Counts steps; evaluates every 10th; finished after `limit` steps (0: never).
class CountSimulation : public Simulation {
public:
  explicit CountSimulation(long long limit, std::atomic<int>* alive) : m_limit(limit), m_alive(alive) { ++*m_alive; }
  ~CountSimulation() override { --*m_alive; }
  bool step() override {
    check();
    ++m_steps;
    ++m_new;
    return m_steps % 10 == 0;
  }
  long long stepCount() const override { return m_steps; }
  bool finished() const override { return m_limit > 0 && m_steps >= m_limit; }
  std::shared_ptr<LabSnapshot> snapshot(bool heavy) override {
    check();
    auto s = std::make_shared<CountSnapshot>();
    s->steps = m_steps;
    s->newSteps = m_new;
    s->heavy = heavy;
    s->commandsSeen = commands;
    m_new = 0;
    return s;
  }
  void check() {
    if (m_thread == std::thread::id()) m_thread = std::this_thread::get_id();
    if (m_thread != std::this_thread::get_id() || m_thread == mainThread) wrongThread = true;
  }
  int commands = 0;
  bool wrongThread = false;
  static inline std::thread::id mainThread;

private:
  long long m_steps = 0, m_new = 0, m_limit = 0;
  std::atomic<int>* m_alive;
  std::thread::id m_thread;
};

// A simulation whose snapshots name it (`id`), and whose snapshot after its first step waits,
// with `inside` set, until `release`: the moment the window may ask for the next simulation.
class GatedSimulation : public CountSimulation {
public:
  GatedSimulation(int id, std::atomic<int>* alive, std::atomic<bool>* inside, std::atomic<bool>* release)
      : CountSimulation(0, alive), m_id(id), m_inside(inside), m_release(release) {}
  std::shared_ptr<LabSnapshot> snapshot(bool heavy) override {
    auto s = CountSimulation::snapshot(heavy);
    static_cast<CountSnapshot&>(*s).commandsSeen = m_id;
    if (m_inside && stepCount() >= 1) {
      *m_inside = true;
      while (!*m_release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return s;
  }

private:
  int m_id;
  std::atomic<bool>* m_inside;
  std::atomic<bool>* m_release;
};

// Holds part of each step back (as the playground holds its weights back for 100 ms): due
// `holdMs` after the step, and sent then, steps or not. A command may ask training to stop.
class HoldingSimulation : public CountSimulation {
public:
  HoldingSimulation(std::atomic<int>* alive, int holdMs) : CountSimulation(0, alive), m_hold(holdMs) {}
  bool step() override {
    m_due = std::chrono::steady_clock::now() + m_hold;
    m_held = true;
    return CountSimulation::step();
  }
  double refreshSeconds() const override {
    if (!m_held) return -1;
    return std::max(0.0, std::chrono::duration<double>(m_due - std::chrono::steady_clock::now()).count());
  }
  std::shared_ptr<LabSnapshot> snapshot(bool heavy) override {
    auto s = CountSimulation::snapshot(heavy);
    if (m_held && std::chrono::steady_clock::now() >= m_due) {
      m_held = false;
      static_cast<CountSnapshot&>(*s).commandsSeen = 1;  // the held-back part
    }
    return s;
  }
  bool takeStopRequest() override { return std::exchange(stopRequested, false); }
  bool stopRequested = false;

private:
  std::chrono::milliseconds m_hold;
  std::chrono::steady_clock::time_point m_due{};
  bool m_held = false;
};

std::shared_ptr<const CountSnapshot> countOf(const QList<QVariant>& args) {
  return std::static_pointer_cast<const CountSnapshot>(args.at(0).value<std::shared_ptr<const LabSnapshot>>());
}

// Waits for snapshots until `pred` holds for one; returns it (null after timeoutMs).
template <class Pred>
std::shared_ptr<const CountSnapshot> waitFor(QSignalSpy& spy, Pred pred, int timeoutMs = 20000) {
  QElapsedTimer timer;
  timer.start();
  while (timer.elapsed() < timeoutMs) {
    while (!spy.isEmpty()) {
      auto s = countOf(spy.takeFirst());
      if (pred(*s)) return s;
    }
    spy.wait(50);
  }
  return nullptr;
}

}  // namespace

class TestLabRunner : public QObject {
  Q_OBJECT
private slots:
  void initTestCase() { CountSimulation::mainThread = std::this_thread::get_id(); }

  void firstSnapshotIsHeavyAndPaused() {
    std::atomic<int> alive{0};
    LabRunner runner;
    QSignalSpy spy(&runner, &LabRunner::snapshotReady);
    runner.setSimulation(std::make_unique<CountSimulation>(0, &alive), 0);
    auto s = waitFor(spy, [](const CountSnapshot&) { return true; });
    QVERIFY(s);
    QVERIFY(s->heavy);
    QVERIFY(!s->running);
    QCOMPARE(s->steps, 0LL);
    QCOMPARE(s->generation, runner.generation());
  }

  void stopsAtTheStopStepAndPlayGoesOnPastIt() {
    std::atomic<int> alive{0};
    LabRunner runner;
    QSignalSpy spy(&runner, &LabRunner::snapshotReady);
    runner.setSimulation(std::make_unique<CountSimulation>(0, &alive), 250);
    runner.setRunning(true);
    auto s = waitFor(spy, [](const CountSnapshot& c) { return c.reachedStop; });
    QVERIFY(s);
    QCOMPARE(s->steps, 250LL);
    QVERIFY(s->heavy);  // the claim's state is shown fully
    QVERIFY(!runner.running());
    QTest::qWait(100);
    spy.clear();
    // It stays there…
    QTest::qWait(200);
    for (const auto& a : spy) QCOMPARE(countOf(a)->steps, 250LL);
    // …until play is pressed again.
    runner.setRunning(true);
    QVERIFY(waitFor(spy, [](const CountSnapshot& c) { return c.steps > 400; }));
    runner.setRunning(false);
  }

  void everyStepIsReportedOnceDespiteBackpressure() {
    // The window does not take snapshots for a while: steps accumulate in the simulation and the
    // next snapshot carries them all.
    std::atomic<int> alive{0};
    LabRunner runner;
    QSignalSpy spy(&runner, &LabRunner::snapshotReady);
    runner.setSimulation(std::make_unique<CountSimulation>(0, &alive), 0);
    runner.setRunning(true);
    QThread::msleep(300);  // no events processed: at most one snapshot can be on its way
    runner.setRunning(false);
    long long total = 0, last = 0;
    auto s = waitFor(spy, [&](const CountSnapshot& c) {
      total += c.newSteps;
      last = c.steps;
      return c.steps > 0 && !c.running && c.heavy;
    });
    QVERIFY(s);
    QVERIFY(last > 0);
    QCOMPARE(total, last);  // no step lost, none counted twice
  }

  void singleStepsAndCommandsRunOnTheThread() {
    std::atomic<int> alive{0};
    LabRunner runner;
    QSignalSpy spy(&runner, &LabRunner::snapshotReady);
    auto sim = std::make_unique<CountSimulation>(0, &alive);
    CountSimulation* raw = sim.get();
    runner.setSimulation(std::move(sim), 0);
    for (int i = 0; i < 3; ++i) runner.stepOnce();
    runner.post([](Simulation& s) { ++static_cast<CountSimulation&>(s).commands; }, true);
    auto s = waitFor(spy, [](const CountSnapshot& c) { return c.steps == 3 && c.commandsSeen == 1 && c.heavy; });
    QVERIFY(s);
    QVERIFY(!raw->wrongThread);
  }

  void finishedSimulationStopsAndRunToReportsIt() {
    std::atomic<int> alive{0};
    LabRunner runner;
    QSignalSpy spy(&runner, &LabRunner::snapshotReady);
    runner.setSimulation(std::make_unique<CountSimulation>(40, &alive), 0);
    runner.setRunning(true);
    auto s = waitFor(spy, [](const CountSnapshot& c) { return c.steps == 40 && !c.running; });
    QVERIFY(s);
    QVERIFY(!runner.running());
    // runTo beyond the end stops at the end and says it got there (nothing more to train).
    QVERIFY(runner.runTo(100, 20000));
    auto t = waitFor(spy, [](const CountSnapshot& c) { return c.heavy; });
    QVERIFY(t);
    QCOMPARE(t->steps, 40LL);
  }

  void runToBlocksUntilTheStepCount() {
    std::atomic<int> alive{0};
    LabRunner runner;
    QSignalSpy spy(&runner, &LabRunner::snapshotReady);
    runner.setSimulation(std::make_unique<CountSimulation>(0, &alive), 500);
    QVERIFY(runner.runTo(500, 20000));
    auto s = waitFor(spy, [](const CountSnapshot& c) { return c.steps == 500; });
    QVERIFY(s);
    QVERIFY(s->heavy);
    QVERIFY(s->reachedStop);
  }

  // Paced: about the asked number of steps a second, and flat out again at 0.
  void pacedBySpeed() {
    std::atomic<int> alive{0};
    LabRunner runner;
    QSignalSpy spy(&runner, &LabRunner::snapshotReady);
    runner.setSimulation(std::make_unique<CountSimulation>(0, &alive), 0);
    runner.setSpeed(100);
    runner.setRunning(true);
    QTest::qWait(300);
    spy.clear();
    long long a = -1, b = -1;
    waitFor(spy, [&](const CountSnapshot& c) { a = c.steps; return true; });
    QTest::qWait(1000);
    spy.clear();
    waitFor(spy, [&](const CountSnapshot& c) { b = c.steps; return true; });
    qInfo("paced at 100/s: %lld steps in about 1 s", b - a);
    QVERIFY(b - a >= 70 && b - a <= 130);
    runner.setSpeed(0);
    QTest::qWait(100);
    spy.clear();
    const long long before = b;
    QVERIFY(waitFor(spy, [&](const CountSnapshot& c) { return c.steps > before + 5000; }, 5000));
    runner.setRunning(false);
  }

  // What a simulation holds back after a step arrives when it is due, with no step after it.
  void heldBackPartsArriveWithoutSteps() {
    std::atomic<int> alive{0};
    LabRunner runner;
    QSignalSpy spy(&runner, &LabRunner::snapshotReady);
    runner.setSimulation(std::make_unique<HoldingSimulation>(&alive, 150), 0);
    runner.setSpeed(2);  // a step every half second
    runner.setRunning(true);
    QElapsedTimer clock;
    clock.start();
    auto stepped = waitFor(spy, [](const CountSnapshot& c) { return c.newSteps > 0; });
    QVERIFY(stepped);
    const qint64 at = clock.elapsed();
    auto held = waitFor(spy, [](const CountSnapshot& c) { return c.commandsSeen == 1; }, 2000);
    QVERIFY(held);
    QCOMPARE(held->newSteps, 0LL);  // no step brought it
    QCOMPARE(held->steps, stepped->steps);
    qInfo("held back for %lld ms", clock.elapsed() - at);
    QVERIFY(clock.elapsed() - at >= 100 && clock.elapsed() - at < 450);
    runner.setRunning(false);
  }

  // A simulation may stop training (the playground's loaded experiment starts paused); a play asked
  // for after that command plays, in the order the two were asked for.
  void stopRequestsKeepTheirOrder() {
    std::atomic<int> alive{0};
    LabRunner runner;
    QSignalSpy spy(&runner, &LabRunner::snapshotReady);
    runner.setSimulation(std::make_unique<HoldingSimulation>(&alive, 0), 0);
    runner.setRunning(true);
    QVERIFY(waitFor(spy, [](const CountSnapshot& c) { return c.running && c.steps > 100; }));
    runner.post([](Simulation& s) { static_cast<HoldingSimulation&>(s).stopRequested = true; });
    QVERIFY(waitFor(spy, [](const CountSnapshot& c) { return !c.running; }));
    QVERIFY(!runner.running());
    // Stop, then play: it plays.
    runner.post([](Simulation& s) { static_cast<HoldingSimulation&>(s).stopRequested = true; });
    runner.setRunning(true);
    QTest::qWait(200);
    spy.clear();
    QVERIFY(waitFor(spy, [](const CountSnapshot& c) { return c.running && c.newSteps > 0; }, 5000));
    QVERIFY(runner.running());
    runner.setRunning(false);
  }

  // A single step asked for before a command is taken before it, even when both wait in the queue
  // together (→, then a new network: the step was for the old one).
  void singleStepsKeepTheirPlaceAmongCommands() {
    std::atomic<int> alive{0};
    LabRunner runner;
    QSignalSpy spy(&runner, &LabRunner::snapshotReady);
    std::atomic<bool> inside{false}, release{false};
    runner.setSimulation(std::make_unique<GatedSimulation>(1, &alive, &inside, &release), 0);
    runner.stepOnce();  // the snapshot after it holds the thread…
    QTRY_VERIFY(inside.load());
    // …while these queue up behind it.
    std::atomic<long long> seenBySecond{-1};
    runner.stepOnce();
    runner.post([&](Simulation& s) { seenBySecond = s.stepCount(); });
    release = true;
    QVERIFY(waitFor(spy, [](const CountSnapshot& c) { return c.steps == 2; }));
    QCOMPARE(seenBySecond.load(), 2LL);
  }

  void olderGenerationsAreDroppedAndFreed() {
    std::atomic<int> alive{0};
    {
      LabRunner runner;
      QSignalSpy spy(&runner, &LabRunner::snapshotReady);
      runner.setSimulation(std::make_unique<CountSimulation>(0, &alive), 0);
      runner.setRunning(true);
      QThread::msleep(50);
      const quint64 g = runner.setSimulation(std::make_unique<CountSimulation>(0, &alive), 0);
      QVERIFY(waitFor(spy, [&](const CountSnapshot& c) { return c.generation == g && c.steps == 0 && c.heavy; }));
      // Everything delivered from now on belongs to the new generation.
      runner.stepOnce();
      QVERIFY(waitFor(spy, [&](const CountSnapshot& c) { return c.steps == 1; }));
      for (const auto& a : spy) QCOMPARE(countOf(a)->generation, g);
      QCOMPARE(alive.load(), 1);  // the old simulation is gone
    }
    QCOMPARE(alive.load(), 0);
  }

  // A snapshot the old simulation takes after the window has asked for a new one, but before the
  // thread has swapped it in, keeps the old generation: it never reaches the window as the new
  // run's (it drew the old run's steps into the new run's charts: the CNN lab's loss line went
  // from step 122 back to 1 after "Restart with this task").
  void snapshotTakenDuringTheSwapKeepsItsGeneration() {
    std::atomic<int> alive{0};
    std::atomic<bool> inside{false}, release{false};
    LabRunner runner;
    QSignalSpy spy(&runner, &LabRunner::snapshotReady);
    std::vector<std::pair<quint64, int>> delivered;  // generation, simulation
    connect(&runner, &LabRunner::snapshotReady, this, [&](const std::shared_ptr<const LabSnapshot>& s) {
      delivered.emplace_back(s->generation, static_cast<const CountSnapshot&>(*s).commandsSeen);
    });
    const quint64 g1 = runner.setSimulation(std::make_unique<GatedSimulation>(1, &alive, &inside, &release), 0);
    QVERIFY(waitFor(spy, [&](const CountSnapshot& c) { return c.generation == g1; }));
    runner.stepOnce();
    QTRY_VERIFY(inside.load());  // the thread is inside the old simulation's snapshot
    const quint64 g2 = runner.setSimulation(std::make_unique<GatedSimulation>(2, &alive, nullptr, nullptr), 0);
    release = true;
    QVERIFY(waitFor(spy, [&](const CountSnapshot& c) { return c.generation == g2 && c.commandsSeen == 2; }));
    runner.stepOnce();
    QVERIFY(waitFor(spy, [&](const CountSnapshot& c) { return c.commandsSeen == 2 && c.steps == 1; }));
    QVERIFY(delivered.size() >= 3);
    for (const auto& [generation, sim] : delivered) QCOMPARE(generation == g2, sim == 2);
    QCOMPARE(alive.load(), 1);
  }

  void cnnRunsOnTheSharedThread() {
    // The CNN lab's runs on the runner: a run and the one it is compared with in lockstep, test
    // reports in the heavy snapshots, a frozen layer reported back.
    dl::CnnConfig c = dlio::readCnnPreset(QStringLiteral("cnn-shapes-lenet"));
    auto data = dlio::loadCnnData(c.data);
    std::vector<std::unique_ptr<dl::CnnTrainer>> trainers;
    trainers.push_back(std::make_unique<dl::CnnTrainer>(c, data));
    trainers.push_back(std::make_unique<dl::CnnTrainer>(c, data));
    LabRunner runner;
    QSignalSpy spy(&runner, &LabRunner::snapshotReady);
    const quint64 g = runner.setSimulation(std::make_unique<CnnSimulation>(std::move(trainers)), 30);
    runner.post([](Simulation& s) { static_cast<CnnSimulation&>(s).trainer(1)->setFrozen(0, true); });
    runner.setRunning(true);
    std::shared_ptr<const CnnSnapshot> last;
    long long steps0 = 0, steps1 = 0;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 60000 && !(last && last->reachedStop)) {
      if (spy.isEmpty()) spy.wait(100);
      while (!spy.isEmpty()) {
        last = std::static_pointer_cast<const CnnSnapshot>(
            spy.takeFirst().at(0).value<std::shared_ptr<const LabSnapshot>>());
        QCOMPARE(last->generation, g);
        steps0 += static_cast<long long>(last->runs[0].steps.size());
        steps1 += static_cast<long long>(last->runs[1].steps.size());
      }
    }
    QVERIFY(last && last->reachedStop);
    QCOMPARE(steps0, 30LL);
    QCOMPARE(steps1, 30LL);
    QCOMPARE(last->runs[0].step, 30LL);
    QVERIFY(last->runs[0].test);
    QVERIFY(last->runs[0].test->accuracy >= 0 && last->runs[0].test->accuracy <= 1);
    QVERIFY(last->runs[1].frozen.at(0));
    QVERIFY(!last->runs[0].frozen.at(0));
    // The frozen first layer kept its weights in run 1 but not in run 0 (same start, same data).
    QVERIFY(last->runs[0].params != last->runs[1].params);
  }
};

QTEST_MAIN(TestLabRunner)
#include "tst_ui_labrunner.moc"
