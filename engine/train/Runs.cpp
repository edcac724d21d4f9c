// Lockstep runs and how they are described; see Runs.h.
#include "train/Runs.h"

#include "core/Error.h"
#include "core/Parallel.h"
#include "data/Prepare.h"
#include "config/ConfigChecks.h"
#include "config/ConfigDiff.h"

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <utility>

namespace dl {

namespace {
using Clock = std::chrono::steady_clock;
}

std::vector<RunSpec> varyRuns(const ExperimentConfig& base, const std::vector<Variation>& variations) {
  std::vector<RunSpec> runs;
  runs.reserve(variations.size());
  for (const Variation& v : variations) {
    RunSpec r{v.label, base};
    if (v.change) v.change(r.config);
    runs.push_back(std::move(r));
  }
  return runs;
}

std::vector<RunSpec> experimentRuns(const ExperimentConfig& c) {
  if (!c.regularization.compareL1L2) return {RunSpec{{}, c}};
  const double larger = std::max(c.regularization.l1, c.regularization.l2);
  const double s = larger > 0 ? larger : 1e-3;
  return varyRuns(c, {{"L1",
                       [s](ExperimentConfig& r) {
                         r.regularization.l1 = s;
                         r.regularization.l2 = 0.0;
                         r.regularization.l1Mode = "proximal";
                       }},
                      {"L2", [s](ExperimentConfig& r) {
                         r.regularization.l1 = 0.0;
                         r.regularization.l2 = s;
                       }}});
}

void validateRuns(const std::vector<RunSpec>& specs) {
  for (const RunSpec& r : specs) r.config.validate();
  // The runs are trained on one prepared data set: a run asking for other data would silently get
  // the first run's.
  for (std::size_t i = 1; i < specs.size(); ++i)
    if (!sameData(specs[i].config.data, specs.front().config.data))
      throw ConfigError("data", specs[i].label,
                        DL_TRANSLATE_NOOP("dl", "runs compared side by side must share one data set"));
}

void applyInPlace(Trainer& t, const ExperimentConfig& rc) {
  const ExperimentConfig& cur = t.config();
  // Whole structs compared (==), so a field added to one of them cannot be left out here.
  if (cur.optimizer != rc.optimizer) t.setOptimizer(rc.optimizer);
  if (cur.schedule != rc.schedule) t.setSchedule(rc.schedule);
  if (cur.regularization != rc.regularization) t.setRegularization(rc.regularization);
  if (cur.training.batchSize != rc.training.batchSize) t.setBatchSize(rc.training.batchSize);
  if (cur.training.evalEvery != rc.training.evalEvery) t.setEvalEvery(rc.training.evalEvery);
  if (cur.training.steps != rc.training.steps || cur.training.threads != rc.training.threads)
    t.setHeadlessSettings(rc.training.steps, rc.training.threads);
  if (cur.data.mapFeatures != rc.data.mapFeatures) t.setMapFeatures(rc.data.mapFeatures);
  for (std::size_t l = 0; l < rc.hidden.size(); ++l)
    if (t.config().hidden[l].dropout != rc.hidden[l].dropout) t.setDropout(static_cast<int>(l), rc.hidden[l].dropout);
}

// ---- Runs ----------------------------------------------------------------------------------------

Runs::Runs(std::vector<RunSpec> specs, std::shared_ptr<const PreparedData> data) : m_data(std::move(data)) {
  if (!m_data) throw std::invalid_argument("Runs: no data");
  // Every run is checked before the first trainer is built, so a bad run costs no initialisation
  // of the others and a caller never sees half a set.
  validateRuns(specs);
  m_runs.reserve(specs.size());
  for (RunSpec& s : specs)
    m_runs.push_back(Run{std::move(s.label), std::make_unique<Trainer>(std::move(s.config), m_data)});
}

Runs Runs::prepare(std::vector<RunSpec> specs) {
  if (specs.empty()) throw std::invalid_argument("Runs::prepare: no runs");
  validateRuns(specs);
  auto data = std::make_shared<const PreparedData>(prepareData(specs.front().config.data));
  return Runs(std::move(specs), std::move(data));
}

bool Runs::anyDiverged() const {
  return std::any_of(m_runs.begin(), m_runs.end(), [](const Run& r) { return r.trainer->diverged(); });
}

std::vector<Runs::StepResult> Runs::step() {
  std::vector<StepResult> results(m_runs.size());
  auto stepRun = [this, &results](std::size_t i) {
    Run& r = m_runs[i];
    const auto t0 = Clock::now();
    try {
      results[i].metrics = r.trainer->step();
    } catch (...) {
      results[i].failure = std::current_exception();
    }
    r.stepSeconds = std::chrono::duration<double>(Clock::now() - t0).count();
  };
  // The runs in lockstep, one thread each (the engine's GEMM runs serially inside the region) —
  // once their steps are long enough to pay for the fork and join. Tiny networks step in a few
  // microseconds, where a parallel region is slower, and far slower on a loaded machine where the
  // join waits for a descheduled thread. The cost is measured inside each run's step (so the
  // region's own overhead cannot keep it parallel), smoothed, with spikes clipped, and switched
  // with hysteresis. Each run's numbers are the same either way: a run only ever touches its own
  // trainer, and the shared data are read-only.
  const int threads = std::min(static_cast<int>(m_runs.size()), threadCount());
  const bool canSplit = threads >= 2 && !inParallelRegion();
  bool parallel = false;
  if (canSplit) {
    switch (m_parallelism) {
      case Parallelism::Auto:
        m_parallel = m_serialSeconds > (m_parallel ? kSerialBelow : kParallelAbove);
        parallel = m_parallel;
        break;
      case Parallelism::Serial:
        break;
      case Parallelism::Parallel:
        parallel = true;
        break;
    }
  }
  const int n = static_cast<int>(m_runs.size());
  if (parallel) {
#pragma omp parallel for num_threads(threads) schedule(static, 1)
    for (int i = 0; i < n; ++i) stepRun(static_cast<std::size_t>(i));
  } else {
    for (int i = 0; i < n; ++i) stepRun(static_cast<std::size_t>(i));
  }
  m_lastParallel = parallel;
  if (canSplit) {
    double serial = 0;
    for (const Run& r : m_runs) serial += r.stepSeconds;
    m_serialSeconds =
        m_serialSeconds <= 0 ? serial : 0.9 * m_serialSeconds + 0.1 * std::min(serial, 4 * m_serialSeconds);
  }
  return results;
}

void Runs::applyInPlace(const std::vector<RunSpec>& next) {
  if (next.size() != m_runs.size())
    throw std::invalid_argument("Runs::applyInPlace: " + std::to_string(next.size()) + " runs for " +
                                std::to_string(m_runs.size()));
  // What needs new trainers is the caller's to build (a layer more would be read past the end).
  for (std::size_t i = 0; i < m_runs.size(); ++i)
    if (rebuildReason(config(i), next[i].config) != RebuildReason::None)
      throw std::invalid_argument("Runs::applyInPlace: run " + std::to_string(i) +
                                  " needs new weights or data, not an in-place change");
  // Everything that can refuse is checked for every run before the first run changes: the
  // configuration, the map's features against the data, the batch against the network (what
  // Trainer::setBatchSize would refuse after the optimiser had already changed).
  for (std::size_t i = 0; i < m_runs.size(); ++i) {
    const ExperimentConfig& r = next[i].config;
    r.validate();
    checkMapFeaturesInRange(r.data.mapFeatures, m_data->trainRaw.rows());
    const Dataset& train = m_data->train;
    validateNetworkSize(r.hidden, train.features(), m_runs[i].trainer->network().outputs(),
                        std::min<Index>(r.training.batchSize, train.size()));
  }
  for (std::size_t i = 0; i < m_runs.size(); ++i) dl::applyInPlace(*m_runs[i].trainer, next[i].config);
}

void Runs::restore(const TrainerState& s) {
  for (const Run& r : m_runs)
    if (r.trainer->config().optimizer.name != config(0).optimizer.name ||
        r.trainer->config().schedule.name != config(0).schedule.name)
      throw std::invalid_argument("Runs::restore: runs with different optimisers or schedules take one state each");
  for (Run& r : m_runs) r.trainer->restore(s);
}

void Runs::reset() {
  for (Run& r : m_runs) r.trainer->reset();
}

}  // namespace dl
