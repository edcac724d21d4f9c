// Runs that differ in one setting, trained in lockstep on one prepared data set: the L1-vs-L2 pair
// of an experiment, an optimiser race, a search over learning rates. The headless CLI and the
// window's session both train through it; like the Trainer it never prints and knows no GUI.
#pragma once

#include "config/Config.h"
#include "train/Trainer.h"

#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace dl {

// One run: what it is called beside the others ("L1", "adam"; empty when it is the only run) and
// its own whole configuration.
struct RunSpec {
  std::string label;
  ExperimentConfig config;
};

// One way a run differs from the base configuration: `change` edits that setting of a copy.
struct Variation {
  std::string label;
  std::function<void(ExperimentConfig&)> change;
};

// One run per variation, each `base` with its change applied, labelled by it. An optimiser race is
// varyRuns(c, {{"sgd", [](auto& r) { r.optimizer.name = "sgd"; }}, {"adam", …}}).
std::vector<RunSpec> varyRuns(const ExperimentConfig& base, const std::vector<Variation>& variations);

// The runs an experiment trains. Without regularization.compareL1L2: one run, `c` itself, with no
// label. With it, the L1-vs-L2 pair: two runs that share everything, hence the initial weights, but
// the penalty. Run 0 "L1" has l1 = s (proximal), run 1 "L2" has l2 = s, with s = max(l1, l2), or
// 1e-3 when both are 0. Each keeps the flag, so it still reads as half of the pair.
std::vector<RunSpec> experimentRuns(const ExperimentConfig& c);

// Throws ConfigError for the first invalid field of the first invalid run.
void validateRuns(const std::vector<RunSpec>& specs);

// Gives a trainer every part of `run` (its own run's configuration) that it can take between steps
// (optimiser, schedule, penalties, batch size, dropout, evaluation period, map features, headless
// settings) and that differs from its own. Afterwards t.config() equals `run` whenever nothing that
// needs new weights differs. Throws ConfigError; nothing is applied then only if the caller
// validated `run` (and its map features against the data) first.
void applyInPlace(Trainer& t, const ExperimentConfig& run);

class Runs {
public:
  // How step() spreads the runs over threads. Auto measures; the others are for tests and benchmarks.
  enum class Parallelism { Auto, Serial, Parallel };
  // Auto steps the runs on several threads once a serial lockstep step takes longer than this, and
  // goes back to one thread below the second threshold.
  static constexpr double kParallelAbove = 200e-6;  // seconds
  static constexpr double kSerialBelow = 100e-6;

  // What one run's step gave: its metrics, or what it threw (metrics then default).
  struct StepResult {
    StepMetrics metrics;
    std::exception_ptr failure;
  };

  Runs() = default;  // no runs
  // Validates every run's configuration (ConfigError naming the field) before it builds any
  // trainer, then one Trainer per spec on `data`, which each run's data configuration must describe.
  Runs(std::vector<RunSpec> specs, std::shared_ptr<const PreparedData> data);
  // The same, after preparing the data (DataError) from the first run's data configuration: the
  // runs differ in one setting, never in their data.
  static Runs prepare(std::vector<RunSpec> specs);

  std::size_t size() const { return m_runs.size(); }
  bool empty() const { return m_runs.empty(); }
  Trainer& trainer(std::size_t i) { return *m_runs[i].trainer; }
  const Trainer& trainer(std::size_t i) const { return *m_runs[i].trainer; }
  const std::string& label(std::size_t i) const { return m_runs[i].label; }
  const ExperimentConfig& config(std::size_t i) const { return m_runs[i].trainer->config(); }
  std::shared_ptr<const PreparedData> sharedData() const { return m_data; }
  bool anyDiverged() const;

  // Steps every run once, in lockstep; result i belongs to run i. A run that throws (a diverged
  // run throws std::logic_error) is reported in its own result: the others step regardless.
  std::vector<StepResult> step();

  // Changes every run in place (keeping weights and optimiser state) to `next`, which must have as
  // many runs and differ from them only in what a trainer takes between steps (see
  // dl::applyInPlace; std::invalid_argument otherwise: the caller builds new runs instead). Every
  // run's configuration, its map features against the data and its batch against the network are
  // checked first (ConfigError naming the field): on an error no run changes.
  void applyInPlace(const std::vector<RunSpec>& next);
  void applyInPlace(const ExperimentConfig& next) { applyInPlace(experimentRuns(next)); }
  // Every run from a saved state (ConfigError when it does not fit). One state fits all the runs
  // only if they share the optimiser and the schedule as well as the architecture: runs that differ
  // in either are refused (std::invalid_argument) before any changes; otherwise the first run
  // refuses a state that does not fit before any run changes.
  void restore(const TrainerState& s);
  // New weights for every run from its seed (Trainer::reset).
  void reset();

  void setParallelism(Parallelism p) { m_parallelism = p; }
  Parallelism parallelism() const { return m_parallelism; }
  // Whether the last step() spread the runs over threads (an OpenMP region; in a build without
  // OpenMP, the ThreadSanitizer one, that region runs on one thread).
  bool lastStepParallel() const { return m_lastParallel; }

private:
  struct Run {
    std::string label;
    std::unique_ptr<Trainer> trainer;
    double stepSeconds = 0;  // duration of the run's last step
  };

  std::vector<Run> m_runs;
  std::shared_ptr<const PreparedData> m_data;
  Parallelism m_parallelism = Parallelism::Auto;
  double m_serialSeconds = 0;  // smoothed serial cost of one lockstep step
  bool m_parallel = false;     // Auto's current choice
  bool m_lastParallel = false;
};

}  // namespace dl
