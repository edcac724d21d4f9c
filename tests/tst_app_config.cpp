// The configuration's field lists (engine/config/Field.h) against everything that reads them. For
// every field of every section:
//   - a changed value survives the experiment file (write, read back, equal);
//   - validation rejects a value just outside its range (and NaN, and an unknown name), naming the
//     field, and accepts the range's closed ends;
//   - a change either needs new trainers, for exactly the reason its entry gives, or reaches a
//     running trainer through dl::applyInPlace (the trainer's configuration equals the new one).
// So a field that is added to a struct and its list is saved, checked and applied, or this fails.
#include "config/ConfigDiff.h"
#include "config/Field.h"
#include "core/Error.h"
#include "data/Prepare.h"
#include "io/ExperimentIo.h"
#include "train/Runs.h"
#include "train/Trainer.h"

#include <QtTest>

#include <cmath>
#include <functional>
#include <limits>

using namespace dl;

namespace {

// A small experiment every field's change can be tried on.
ExperimentConfig base() {
  ExperimentConfig c;
  c.data.points = 60;
  c.hidden = {LayerConfig{}};
  c.hidden[0].units = 3;
  c.training.batchSize = 8;
  return c;
}

// Puts s in a state where field f is checked and written (its activation, its data source).
template <class S>
void makeRelevant(const Field<S>& f, S& s) {
  const std::string key = f.key;
  if constexpr (std::is_same_v<S, LayerConfig>) {
    if (key == "slope") s.activation = "leaky_relu";
    if (key == "alpha") s.activation = "elu";
    if (key == "pieces") s.activation = "maxout";
    if (key == "batchNorm") s.batchNorm = true;
    if (key == "dropout") s.dropout = 0.1;
  }
  if constexpr (std::is_same_v<S, DataConfig>) {
    if (key == "testFraction") s.validationFraction = 0;  // the two together stay below 0.95
    if (key.rfind("csv.", 0) == 0) {
      s.source = "csv";
      s.csvPath = "points.csv";
    }
  }
}

// A legal value of f that differs from s's.
template <class S>
void change(const Field<S>& f, S& s) {
  const std::string key = f.key;
  std::visit(
      [&](auto m) {
        auto& v = s.*m;
        using T = std::remove_cvref_t<decltype(v)>;
        if constexpr (std::is_same_v<T, bool>) {
          v = !v;
        } else if constexpr (std::is_same_v<T, std::string>) {
          if (f.names) {
            for (const std::string& n : f.names())
              if (n != v) {
                v = n;
                return;
              }
          } else if (key == "source") {
            v = "xor";
          } else {
            v = v + "x.csv";
          }
        } else if constexpr (std::is_same_v<T, std::vector<int>>) {
          v = {1, 0};
        } else if constexpr (std::is_same_v<T, std::vector<double>>) {
          v = {1.0, 2.0};
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
          v = {"x1", "x2", "x1x2"};
        } else if (f.bounds == Bounds::Unchecked) {
          v = static_cast<T>(v + 1);
        } else {
          // The first of a few interior points that differs from the current value.
          for (double t : {0.5, 0.25, 0.75}) {
            double x = f.lo + t * (f.hi - f.lo);
            if constexpr (std::is_integral_v<T>) x = std::round(x);
            if (static_cast<T>(x) != v) {
              v = static_cast<T>(x);
              return;
            }
          }
        }
      },
      f.member);
}

// The struct a field list describes.
template <class F>
struct StructOf;
template <class S>
struct StructOf<Field<S>> {
  using type = S;
};

// The section's struct inside an experiment, by section name.
DataConfig& sectionOf(ExperimentConfig& c, const DataConfig*) { return c.data; }
LayerConfig& sectionOf(ExperimentConfig& c, const LayerConfig*) { return c.hidden[0]; }
InitConfig& sectionOf(ExperimentConfig& c, const InitConfig*) { return c.init; }
OptimizerConfig& sectionOf(ExperimentConfig& c, const OptimizerConfig*) { return c.optimizer; }
ScheduleConfig& sectionOf(ExperimentConfig& c, const ScheduleConfig*) { return c.schedule; }
RegularizationConfig& sectionOf(ExperimentConfig& c, const RegularizationConfig*) { return c.regularization; }
TrainingConfig& sectionOf(ExperimentConfig& c, const TrainingConfig*) { return c.training; }
template <class S>
S& sectionOf(ExperimentConfig& c) {
  return sectionOf(c, static_cast<const S*>(nullptr));
}

const char* sectionName(const DataConfig*) { return "data"; }
const char* sectionName(const LayerConfig*) { return "layers[0]"; }
const char* sectionName(const InitConfig*) { return "init"; }
const char* sectionName(const OptimizerConfig*) { return "optimizer"; }
const char* sectionName(const ScheduleConfig*) { return "schedule"; }
const char* sectionName(const RegularizationConfig*) { return "regularization"; }
const char* sectionName(const TrainingConfig*) { return "training"; }
template <class S>
std::string sectionName() {
  return sectionName(static_cast<const S*>(nullptr));
}

template <class Fn>
void forEverySection(Fn fn) {
  fn(dataFields());
  fn(layerFields());
  fn(initFields());
  fn(optimizerFields());
  fn(scheduleFields());
  fn(regularizationFields());
  fn(trainingFields());
}

}  // namespace

class TestConfigFields : public QObject {
  Q_OBJECT

private slots:
  void everyChangedFieldSurvivesTheFile() {
    int n = 0;
    forEverySection([&n](auto fields) {
      using S = typename StructOf<typename std::remove_cvref_t<decltype(fields)>::value_type>::type;
      for (const Field<S>& f : fields) {
        ExperimentConfig c = base();
        makeRelevant(f, sectionOf<S>(c));
        const ExperimentConfig before = c;
        change(f, sectionOf<S>(c));
        QVERIFY2(!(c == before), f.key);  // the change is a change
        const ExperimentConfig back = dlio::configFromJson(dlio::configToJson(c));
        QVERIFY2(back == c, (sectionName<S>() + "." + f.key).c_str());
        ++n;
      }
    });
    QVERIFY(n >= 60);  // every member of the seven structs
  }

  void everyRangeIsEnforcedWhereItEnds() {
    forEverySection([](auto fields) {
      using S = typename StructOf<typename std::remove_cvref_t<decltype(fields)>::value_type>::type;
      for (const Field<S>& f : fields) {
        const std::string name = sectionName<S>() + "." + f.key;
        ExperimentConfig ok = base();
        makeRelevant(f, sectionOf<S>(ok));
        ok.validate();  // the context itself is legal

        const auto rejects = [&](const std::function<void(S&)>& set, const char* what) {
          ExperimentConfig c = ok;
          set(sectionOf<S>(c));
          try {
            c.validate();
          } catch (const ConfigError& e) {
            QVERIFY2(e.field() == name, (name + " " + what + ": named " + e.field()).c_str());
            return;
          }
          QFAIL((name + " " + what + ": accepted").c_str());
        };
        const auto accepts = [&](const std::function<void(S&)>& set, const char* what) {
          ExperimentConfig c = ok;
          set(sectionOf<S>(c));
          try {
            c.validate();
          } catch (const ConfigError& e) {
            QFAIL((name + " " + what + ": refused: " + e.what()).c_str());
          }
        };
        if (const auto* m = std::get_if<std::string S::*>(&f.member); m && f.names) {
          rejects([m](S& s) { s.** m = "no_such_name"; }, "unknown name");
          for (const std::string& n : f.names()) accepts([m, n](S& s) { s.** m = n; }, n.c_str());
          continue;
        }
        if (f.bounds == Bounds::Unchecked) continue;
        std::visit(
            [&](auto m) {
              using T = std::remove_cvref_t<decltype(std::declval<S&>().*m)>;
              if constexpr (std::is_arithmetic_v<T> && !std::is_same_v<T, bool>) {
                const T step = std::is_integral_v<T> ? T(1) : T(0);
                const T lo = static_cast<T>(f.lo), hi = static_cast<T>(f.hi);
                // Outside: below lo (at lo when open), above hi (at hi when open).
                rejects(
                    [&](S& s) {
                      s.*m = f.lowerOpen() ? lo : static_cast<T>(lo - (step ? step : 1e-9 * (1 + std::abs(f.lo))));
                    },
                    "below");
                rejects(
                    [&](S& s) {
                      s.*m = f.upperOpen() ? hi : static_cast<T>(hi + (step ? step : 1e-9 * (1 + std::abs(f.hi))));
                    },
                    "above");
                if constexpr (std::is_floating_point_v<T>) {
                  rejects([&](S& s) { s.*m = std::numeric_limits<T>::quiet_NaN(); }, "NaN");
                  rejects([&](S& s) { s.*m = std::numeric_limits<T>::infinity(); }, "inf");
                }
                if (!f.lowerOpen()) accepts([&](S& s) { s.*m = lo; }, "at lo");
                if (!f.upperOpen()) accepts([&](S& s) { s.*m = hi; }, "at hi");
              }
            },
            f.member);
      }
    });
  }

  void everyChangeIsAppliedOrRebuilds() {
    const ExperimentConfig start = base();
    const auto data = std::make_shared<const PreparedData>(prepareData(start.data));
    int live = 0, rebuilt = 0;
    forEverySection([&](auto fields) {
      using S = typename StructOf<typename std::remove_cvref_t<decltype(fields)>::value_type>::type;
      for (const Field<S>& f : fields) {
        const std::string name = sectionName<S>() + "." + f.key;
        ExperimentConfig from = start;
        makeRelevant(f, sectionOf<S>(from));
        ExperimentConfig to = from;
        change(f, sectionOf<S>(to));
        to.validate();
        const RebuildReason reason = rebuildReason(from, to);
        QVERIFY2(reason == f.onChange, name.c_str());
        if (reason != RebuildReason::None) {
          ++rebuilt;
          continue;
        }
        // A live change: a trainer built on `from` takes it between steps.
        Trainer t(from, data);
        t.step();
        applyInPlace(t, to);
        QVERIFY2(t.config() == to, (name + " was not applied to the running trainer").c_str());
        t.step();
        ++live;
      }
    });
    QVERIFY(live >= 20);
    QVERIFY(rebuilt >= 25);
  }

  // A file's values are what validation accepts, not what an old control offered: noise 8 (the
  // controls stopped at 5), L1 5 (they stopped at 1), a schedule's k of 100.
  void valuesBeyondOldControlRangesLoad() {
    ExperimentConfig c = base();
    c.data.noise = 8;
    c.regularization.l1 = 5;
    c.schedule.k = 100;
    c.validate();
    QCOMPARE(dlio::configFromJson(dlio::configToJson(c)), c);
  }
};

QTEST_GUILESS_MAIN(TestConfigFields)
#include "tst_app_config.moc"
