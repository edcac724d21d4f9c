// Learning-rate schedules: one value of each worked out by hand, the plateau rule step by step,
// its save/restore, and the errors for bad configurations.
#include <QtTest>

#include "core/Error.h"
#include "schedule/Schedule.h"

#include <cmath>
#include <functional>
#include <limits>
#include <vector>

using namespace dl;

namespace {

ScheduleConfig config(const std::string& name) {
  ScheduleConfig c;
  c.name = name;
  return c;
}

bool close(double got, double want) { return std::abs(got - want) <= 1e-12 * std::abs(want); }

}  // namespace

class TestSchedule : public QObject {
  Q_OBJECT

private slots:
  void registryNames();
  void constant();
  void inverseTime();
  void exponential();
  void inverseSqrt();
  void step();
  void clampedAtMinimum();
  void plateauReducesAfterPatience();
  void plateauStateRoundTrip();
  void plateauBadState();
  void badConfigsThrow();
  void unknownNameThrows();
};

void TestSchedule::registryNames() {
  const std::vector<std::string> expected = {"constant",     "inverse_time", "exponential",
                                             "inverse_sqrt", "step",         "plateau"};
  QCOMPARE(scheduleNames(), expected);
  for (const auto& name : scheduleNames()) QCOMPARE(makeSchedule(config(name))->name(), name);
}

void TestSchedule::constant() {
  auto s = makeSchedule(config("constant"));
  QCOMPARE(s->rate(0.1, 1), 0.1);
  QCOMPARE(s->rate(0.1, 500), 0.1);
}

void TestSchedule::inverseTime() {
  auto c = config("inverse_time");
  c.decay = 0.5;
  auto s = makeSchedule(c);
  // 0.1 / (1 + 0.5·3) = 0.1 / 2.5 = 0.04
  QVERIFY(close(s->rate(0.1, 3), 0.04));
  // epoch 1: 0.1 / 1.5 — the first epoch is already decayed (epochs count from 1)
  QVERIFY(close(s->rate(0.1, 1), 0.1 / 1.5));
}

void TestSchedule::exponential() {
  auto c = config("exponential");
  c.base = 0.5;
  auto s = makeSchedule(c);
  // 0.1 · 0.5³ = 0.0125
  QVERIFY(close(s->rate(0.1, 3), 0.0125));
}

void TestSchedule::inverseSqrt() {
  auto c = config("inverse_sqrt");
  c.k = 2.0;
  auto s = makeSchedule(c);
  // 0.1 · 2 / √16 = 0.05
  QVERIFY(close(s->rate(0.1, 16), 0.05));
}

void TestSchedule::step() {
  auto c = config("step");
  c.stepEvery = 3;
  c.stepFactor = 0.5;
  auto s = makeSchedule(c);
  // ⌊(epoch − 1)/3⌋ = 0 for epochs 1..3, 1 for 4..6, 2 for 7
  for (long long e : {1, 2, 3}) QCOMPARE(s->rate(0.1, e), 0.1);
  for (long long e : {4, 5, 6}) QVERIFY(close(s->rate(0.1, e), 0.05));
  QVERIFY(close(s->rate(0.1, 7), 0.025));
}

void TestSchedule::clampedAtMinimum() {
  auto c = config("exponential");
  c.base = 0.5;
  c.minLearningRate = 1e-3;
  auto s = makeSchedule(c);
  // 0.1 · 0.5¹⁰ = 0.1/1024 ≈ 9.77e-5 < 1e-3, so the minimum
  QCOMPARE(s->rate(0.1, 10), 1e-3);
  // 0.1 · 0.5² = 0.025 > 1e-3: untouched
  QVERIFY(close(s->rate(0.1, 2), 0.025));
}

void TestSchedule::plateauReducesAfterPatience() {
  auto c = config("plateau");
  c.patience = 3;
  c.plateauFactor = 0.5;
  auto s = makeSchedule(c);
  QCOMPARE(s->rate(0.1, 1), 0.1);
  s->onValidation(1.0);  // first evaluation: improvement, best = 1
  QCOMPARE(s->rate(0.1, 2), 0.1);
  s->onValidation(1.0);            // bad 1
  s->onValidation(0.99995);        // bad 2: 0.99995 is not below 1·(1 − 1e-4) = 0.9999
  QCOMPARE(s->rate(0.1, 3), 0.1);  // not before `patience` evaluations
  s->onValidation(1.2);            // bad 3: reduce
  QCOMPARE(s->rate(0.1, 4), 0.05);
  QCOMPARE(s->state(), (std::vector<double>{1.0, 0.0, 0.5}));

  // The counter restarted: two more bad evaluations change nothing, then an improvement
  // (0.9 < 0.9999) resets it, so two more bad ones still change nothing, the third halves.
  s->onValidation(1.0);
  s->onValidation(1.0);
  QCOMPARE(s->rate(0.1, 5), 0.05);
  s->onValidation(0.9);
  s->onValidation(0.95);
  s->onValidation(0.95);
  QCOMPARE(s->rate(0.1, 6), 0.05);
  s->onValidation(0.95);
  QCOMPARE(s->rate(0.1, 7), 0.025);

  // A parameter change keeps the plateau state.
  c.patience = 10;
  s->setConfig(c);
  QCOMPARE(s->rate(0.1, 8), 0.025);
  QCOMPARE(s->state(), (std::vector<double>{0.9, 0.0, 0.25}));
}

void TestSchedule::plateauStateRoundTrip() {
  auto c = config("plateau");
  c.patience = 2;
  auto a = makeSchedule(c);
  a->onValidation(2.0);
  a->onValidation(3.0);  // bad 1
  const std::vector<double> saved = a->state();
  QCOMPARE(saved, (std::vector<double>{2.0, 1.0, 1.0}));

  auto b = makeSchedule(c);
  b->setState(saved);
  QCOMPARE(b->state(), saved);
  // One more bad evaluation reaches patience 2 in both.
  a->onValidation(3.0);
  b->onValidation(3.0);
  QCOMPARE(a->rate(0.1, 3), 0.05);
  QCOMPARE(b->rate(0.1, 3), 0.05);
  QCOMPARE(a->state(), b->state());
}

void TestSchedule::plateauBadState() {
  auto s = makeSchedule(config("plateau"));
  QVERIFY_THROWS_EXCEPTION(ConfigError, s->setState({1.0, 0.0}));
  QVERIFY_THROWS_EXCEPTION(ConfigError, s->setState({1.0, -1.0, 0.5}));
  QVERIFY_THROWS_EXCEPTION(ConfigError, s->setState({1.0, 0.5, 0.5}));
  QVERIFY_THROWS_EXCEPTION(ConfigError, s->setState({1.0, 0.0, 0.0}));
  QVERIFY_THROWS_EXCEPTION(ConfigError, s->setState({std::nan(""), 0.0, 0.5}));
  QCOMPARE(s->state()[2], 1.0);  // unchanged
}

void TestSchedule::badConfigsThrow() {
  struct Case {
    const char* field;
    const char* value;
    std::function<void(ScheduleConfig&)> set;
  };
  const std::vector<Case> cases = {
      {"schedule.decay", "-1", [](ScheduleConfig& c) { c.decay = -1; }},
      {"schedule.base", "0", [](ScheduleConfig& c) { c.base = 0; }},
      {"schedule.base", "1.5", [](ScheduleConfig& c) { c.base = 1.5; }},
      {"schedule.k", "0", [](ScheduleConfig& c) { c.k = 0; }},
      {"schedule.stepEvery", "0", [](ScheduleConfig& c) { c.stepEvery = 0; }},
      {"schedule.stepFactor", "0", [](ScheduleConfig& c) { c.stepFactor = 0; }},
      {"schedule.stepFactor", "1.5", [](ScheduleConfig& c) { c.stepFactor = 1.5; }},
      {"schedule.patience", "0", [](ScheduleConfig& c) { c.patience = 0; }},
      {"schedule.plateauFactor", "1", [](ScheduleConfig& c) { c.plateauFactor = 1; }},
      {"schedule.plateauFactor", "0", [](ScheduleConfig& c) { c.plateauFactor = 0; }},
      {"schedule.minLr", "-0.001", [](ScheduleConfig& c) { c.minLearningRate = -0.001; }},
      {"schedule.minLr", "nan",
       [](ScheduleConfig& c) { c.minLearningRate = std::numeric_limits<double>::quiet_NaN(); }},
  };
  for (const auto& name : scheduleNames()) {
    auto existing = makeSchedule(config(name));
    for (const auto& k : cases) {
      ScheduleConfig c = config(name);
      k.set(c);
      const QByteArray where = QByteArray(name.c_str()) + " " + k.field + "=" + k.value;
      for (int viaSetConfig : {0, 1}) {
        bool ok = false;
        try {
          if (viaSetConfig)
            existing->setConfig(c);
          else
            makeSchedule(c);
        } catch (const ConfigError& e) {
          ok = e.field() == k.field && e.value() == k.value;
        }
        QVERIFY2(ok, where.constData());
      }
    }
  }
}

void TestSchedule::unknownNameThrows() {
  bool ok = false;
  try {
    makeSchedule(config("cosine"));
  } catch (const ConfigError& e) {
    ok = e.field() == "schedule.name" && e.value() == "cosine";
  }
  QVERIFY(ok);
}

QTEST_APPLESS_MAIN(TestSchedule)
#include "tst_schedule.moc"
