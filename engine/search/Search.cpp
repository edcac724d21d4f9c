// The search: validation, sampling by round, and trials trained on a pool of threads; see Search.h.
#include "search/Search.h"

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "core/Error.h"
#include "core/Parallel.h"
#include "train/Trainer.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace dl::search {

namespace {

std::string paramField(std::size_t i, const char* key) { return "params[" + std::to_string(i) + "]." + key; }

// The base experiment's errors, named as the search file spells them.
ConfigError inExperiment(const ConfigError& e) { return ConfigError("experiment." + e.field(), e.value(), e.reason()); }

// The generator of round `round` (from 1): a stream of its own per round, from the search seed.
Rng roundRng(std::uint64_t seed, int round) {
  return Rng(seed + 0x9e3779b97f4a7c15ULL * static_cast<std::uint64_t>(round - 1));
}

}  // namespace

std::string statusName(Trial::Status s) {
  switch (s) {
    case Trial::Status::Pending:
      return "pending";
    case Trial::Status::Running:
      return "running";
    case Trial::Status::Done:
      return "done";
    case Trial::Status::Diverged:
      return "diverged";
    case Trial::Status::Failed:
      return "failed";
  }
  return "?";
}

SearchConfig compareConfig(const SearchConfig& c) {
  SearchConfig other = c;
  if (c.compare) other.strategy = *c.compare;
  other.compare.reset();
  return other;
}

void validate(const SearchConfig& c) {
  if (c.compare && *c.compare == c.strategy)
    throw ConfigError("compare", strategyName(*c.compare),
                      DL_TRANSLATE_NOOP("dl", "must differ from the search's own strategy"));
  if (c.compare) validate(compareConfig(c));  // its own settings (a coarse-to-fine comparison's rounds)
  if (c.params.empty() || c.params.size() > static_cast<std::size_t>(kMaxParams))
    throw ConfigError("params", std::to_string(c.params.size()) + " parameters",
                      {DL_TRANSLATE_NOOP("dl", "a search varies between %1 and %2 hyperparameters"),
                       {"1", std::to_string(kMaxParams)}});
  try {
    c.base.validate();
  } catch (const ConfigError& e) {
    throw inExperiment(e);
  }
  if (!(c.base.data.validationFraction > 0))
    throw ConfigError(
        "experiment.data.validationFraction", formatValue(c.base.data.validationFraction),
        DL_TRANSLATE_NOOP("dl", "a search ranks its trials by validation loss: it needs a validation part"));
  if (c.base.regularization.compareL1L2)
    throw ConfigError("experiment.regularization.compareL1L2", "true",
                      DL_TRANSLATE_NOOP("dl", "a search trains one run per trial, not an L1-vs-L2 pair"));
  for (std::size_t i = 0; i < c.params.size(); ++i) {
    const ParamRange& p = c.params[i];
    if (!isParamName(p.name)) {
      std::string known;
      for (const std::string& n : paramNames()) known += (known.empty() ? "" : ", ") + n;
      throw ConfigError(paramField(i, "name"), p.name,
                        {DL_TRANSLATE_NOOP("dl", "unknown hyperparameter (known: %1)"), {known}});
    }
    for (std::size_t j = 0; j < i; ++j)
      if (c.params[j].name == p.name)
        throw ConfigError(
            paramField(i, "name"), p.name,
            {DL_TRANSLATE_NOOP("dl", "is already searched by %1"), {"params[" + std::to_string(j) + "]"}});
    if (!std::isfinite(p.low))
      throw ConfigError(paramField(i, "low"), formatValue(p.low), DL_TRANSLATE_NOOP("dl", "must be a finite number"));
    if (!std::isfinite(p.high) || p.high <= p.low)
      throw ConfigError(paramField(i, "high"), formatValue(p.high),
                        {DL_TRANSLATE_NOOP("dl", "must be greater than low (%1)"), {formatValue(p.low)}});
    if (p.scale == Scale::Log && p.low <= 0)
      throw ConfigError(paramField(i, "low"), formatValue(p.low),
                        DL_TRANSLATE_NOOP("dl", "a log scale needs a range above 0"));
    if (isIntegerParam(p.name) && p.low < (p.name == "depth" ? 0 : 1))
      throw ConfigError(paramField(i, "low"), formatValue(p.low),
                        {DL_TRANSLATE_NOOP("dl", "must be at least %1"), {p.name == "depth" ? "0" : "1"}});
    if (p.name == "momentum" && c.base.optimizer.name != "momentum" && c.base.optimizer.name != "nesterov" &&
        c.base.optimizer.name != "adam")
      throw ConfigError(paramField(i, "name"), p.name,
                        {DL_TRANSLATE_NOOP("dl", "the optimiser %1 has no momentum β (use momentum, nesterov or adam)"),
                         {c.base.optimizer.name}});
    if (p.name == "width" && c.base.hidden.empty() &&
        std::none_of(c.params.begin(), c.params.end(), [](const ParamRange& q) { return q.name == "depth"; }))
      throw ConfigError(paramField(i, "name"), p.name,
                        DL_TRANSLATE_NOOP("dl", "the experiment has no hidden layer to widen"));
    // Both ends applied to the base must make a valid experiment: the limits are the playground's.
    for (const char* end : {"low", "high"}) {
      ExperimentConfig e = c.base;
      const double v = end[0] == 'l' ? p.low : p.high;
      applyParam(e, p.name, v);
      try {
        e.validate();
      } catch (const ConfigError& err) {
        throw ConfigError(paramField(i, end), formatValue(v), err.reason());
      }
    }
  }
  if (c.trials < 1 || c.trials > kMaxTrials)
    throw ConfigError("trials", std::to_string(c.trials),
                      {DL_TRANSLATE_NOOP("dl", "must be between %1 and %2"), {"1", std::to_string(kMaxTrials)}});
  if (c.steps < 1 || c.steps > kMaxSteps)
    throw ConfigError("steps", std::to_string(c.steps),
                      {DL_TRANSLATE_NOOP("dl", "must be between %1 and %2"), {"1", std::to_string(kMaxSteps)}});
  if (c.rounds < 1 || c.rounds > kMaxRounds)
    throw ConfigError("rounds", std::to_string(c.rounds),
                      {DL_TRANSLATE_NOOP("dl", "must be between %1 and %2"), {"1", std::to_string(kMaxRounds)}});
  if (c.strategy == Strategy::CoarseToFine && c.rounds > c.trials)
    throw ConfigError("rounds", std::to_string(c.rounds),
                      {DL_TRANSLATE_NOOP("dl", "cannot exceed the number of trials (%1)"), {std::to_string(c.trials)}});
  if (!std::isfinite(c.zoom) || c.zoom <= 0 || c.zoom >= 1)
    throw ConfigError("zoom", formatValue(c.zoom), DL_TRANSLATE_NOOP("dl", "must be above 0 and below 1"));
  if (c.threads < 0 || c.threads > 256)
    throw ConfigError("threads", std::to_string(c.threads),
                      {DL_TRANSLATE_NOOP("dl", "must be between %1 and %2"), {"0", "256"}});
}

// ---- Search ---------------------------------------------------------------------------------------

Search::Search(const SearchConfig& config) : m_config(config) {
  validate(m_config);
  m_data = std::make_shared<const PreparedData>(prepareData(m_config.base.data));
  switch (m_config.strategy) {
    case Strategy::Grid: {
      int k = gridPointsPerAxis(m_config.trials, static_cast<int>(m_config.params.size()));
      m_planned = 1;
      for (std::size_t i = 0; i < m_config.params.size(); ++i) m_planned *= k;
      m_roundSizes = {m_planned};
      break;
    }
    case Strategy::Uniform:
    case Strategy::LogUniform:
      m_planned = m_config.trials;
      m_roundSizes = {m_planned};
      break;
    case Strategy::CoarseToFine:
      m_planned = m_config.trials;
      m_roundSizes = roundSizes(m_config.trials, m_config.rounds);
      break;
  }
  sampleRound(1);
}

Search::~Search() {
  cancel();
  wait();
}

void Search::sampleRound(int round) {
  const std::vector<ParamRange>& params = m_config.params;
  const int n = m_roundSizes[static_cast<std::size_t>(round - 1)];
  std::vector<std::vector<double>> values;
  Rng rng = roundRng(m_config.seed, round);
  switch (m_config.strategy) {
    case Strategy::Grid:
      values = gridTrials(params, m_config.trials);
      break;
    case Strategy::Uniform:
      values = randomTrials(params, n, false, wholeSpace(params.size()), rng);
      break;
    case Strategy::LogUniform:
      values = randomTrials(params, n, true, wholeSpace(params.size()), rng);
      break;
    case Strategy::CoarseToFine: {
      UnitBox box = wholeSpace(params.size());
      if (round > 1)
        if (const std::optional<Trial> b = best()) {
          std::vector<double> centre;
          for (std::size_t p = 0; p < params.size(); ++p) centre.push_back(toUnit(params[p], b->values[p]));
          box = zoomBox(centre, m_config.zoom, round);
        }  // no trial done yet (all diverged): the whole space again
      values = randomTrials(params, n, true, box, rng);
      break;
    }
  }
  std::lock_guard lock(m_mutex);
  for (std::vector<double>& v : values) {
    for (std::size_t p = 0; p < params.size(); ++p)
      if (isIntegerParam(params[p].name)) v[p] = std::round(v[p]);
    Trial t;
    t.index = static_cast<int>(m_trials.size());
    t.values = std::move(v);
    t.round = round;
    m_trials.push_back(std::move(t));
  }
  ++m_revision;
}

ExperimentConfig Search::trialConfig(int index) const {
  std::vector<double> values;
  {
    std::lock_guard lock(m_mutex);
    values = m_trials.at(static_cast<std::size_t>(index)).values;
  }
  ExperimentConfig c = m_config.base;
  applyParams(c, m_config.params, values);
  c.training.seed = m_config.base.training.seed + static_cast<std::uint64_t>(index);
  c.training.steps = m_config.steps;
  return c;
}

int Search::threadsFor(int trials) const {
  int n = m_config.threads > 0 ? m_config.threads : static_cast<int>(std::thread::hardware_concurrency());
  return std::clamp(std::min(n, trials), 1, 256);
}

void Search::run(const std::function<void(const Trial&)>& onTrialDone) {
  if (m_started.exchange(true)) throw std::logic_error("Search::run: the search was already started");
  execute(onTrialDone);
}

namespace {
// The calling thread only: on Linux a thread is a task with its own nice value.
void lowerThreadPriority() {
#ifdef __linux__
  setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10);
#endif
}
}  // namespace

void Search::start(std::function<void(const Trial&)> onTrialDone) {
  if (m_started.exchange(true)) throw std::logic_error("Search::start: the search was already started");
  m_thread = std::thread([this, cb = std::move(onTrialDone)] { execute(cb); });
}

void Search::cancel() { m_cancel.store(true); }

void Search::wait() {
  if (m_thread.joinable()) m_thread.join();
}

void Search::execute(const std::function<void(const Trial&)>& onTrialDone) {
  int first = 0;
  for (int round = 1; round <= static_cast<int>(m_roundSizes.size()) && !m_cancel.load(); ++round) {
    if (round > 1) sampleRound(round);
    const int end = first + m_roundSizes[static_cast<std::size_t>(round - 1)];
    m_next.store(first);
    // Each worker takes the next pending trial and trains it alone on its thread: the engine's
    // parallel regions run serially inside (ThreadCountScope), so a trial computes exactly what
    // it would on one thread, and the pool only changes which thread does which trial.
    const auto worker = [&] {
      ThreadCountScope serial(1);
      if (m_background) lowerThreadPriority();
      for (int i = m_next++; i < end && !m_cancel.load(); i = m_next++) runTrial(i, onTrialDone);
    };
    const int threads = threadsFor(end - first);
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
    for (std::thread& t : pool) t.join();
    first = end;
  }
  m_finished.store(true);
  ++m_revision;
}

void Search::runTrial(int index, const std::function<void(const Trial&)>& onTrialDone) {
  const ExperimentConfig config = trialConfig(index);
  Trial t;
  {
    std::lock_guard lock(m_mutex);
    Trial& shared = m_trials[static_cast<std::size_t>(index)];
    shared.status = Trial::Status::Running;
    t = shared;
  }
  ++m_revision;
  const auto publish = [&] {
    std::lock_guard lock(m_mutex);
    m_trials[static_cast<std::size_t>(index)] = t;
    ++m_revision;
  };
  long long published = 0;  // steps already counted in m_steps
  try {
    Trainer trainer(config, m_data);
    trainer.setDiagnostics(false);
    const int evalEvery = std::max(
        1, config.training.evalEvery > 0 ? config.training.evalEvery : static_cast<int>(trainer.stepsPerEpoch()));
    t.curveEvery = evalEvery;
    long long lastCurveStep = 0;
    for (long long s = 0; s < m_config.steps; ++s) {
      if (m_cancel.load(std::memory_order_relaxed)) {
        // Stopped mid-way: no partial result, the trial is as it was before it started.
        m_steps += t.steps - published;
        std::lock_guard lock(m_mutex);
        Trial& shared = m_trials[static_cast<std::size_t>(index)];
        shared = Trial{};
        shared.index = t.index;
        shared.values = t.values;
        shared.round = t.round;
        ++m_revision;
        return;
      }
      const StepMetrics m = trainer.step();
      t.steps = m.step;
      t.trainLoss = m.trainLoss;
      if (trainer.diverged()) break;
      if (m.evaluated) {
        if (!(t.bestValLoss <= m.valLoss)) t.bestValLoss = m.valLoss;
        // One point per curveEvery steps; past 100 points every other one goes and the spacing doubles.
        if (m.step - lastCurveStep >= t.curveEvery) {
          t.valCurve.push_back(static_cast<float>(m.valLoss));
          lastCurveStep = m.step;
          if (t.valCurve.size() > 100) {
            std::vector<float> thinned;
            for (std::size_t i = 1; i < t.valCurve.size(); i += 2) thinned.push_back(t.valCurve[i]);
            t.valCurve = std::move(thinned);
            t.curveEvery *= 2;
          }
        }
        m_steps += t.steps - published;
        published = t.steps;
        publish();
      }
    }
    if (trainer.diverged()) {
      t.status = Trial::Status::Diverged;
      t.divergedAt = trainer.divergence()->step;
      t.divergence = trainer.divergence();
      t.error = t.divergence->describe();
    } else {
      const Evaluation e = trainer.evaluate(Split::Validation);
      t.valLoss = e.loss;
      t.valAccuracy = e.accuracy;
      if (!(t.bestValLoss <= e.loss)) t.bestValLoss = e.loss;
      if (std::isfinite(e.loss)) {
        t.status = Trial::Status::Done;
      } else {  // finite weights whose outputs overflow: the run has run away all the same
        t.status = Trial::Status::Diverged;
        t.divergedAt = t.steps;
        t.divergence = Divergence{t.steps, 0, "loss"};
        t.error = "non-finite loss at step " + std::to_string(t.steps);
      }
    }
  } catch (const std::exception& e) {
    t.status = Trial::Status::Failed;
    t.error = e.what();
    t.failure = std::current_exception();
  }
  m_steps += t.steps - published;
  publish();
  if (onTrialDone) {
    std::lock_guard lock(m_callbackMutex);
    onTrialDone(t);
  }
}

std::vector<Trial> Search::trials() const {
  std::lock_guard lock(m_mutex);
  return m_trials;
}

Search::Progress Search::progress() const {
  Progress p;
  p.planned = m_planned;
  p.steps = m_steps.load();
  std::lock_guard lock(m_mutex);
  for (const Trial& t : m_trials) {
    p.finished += t.finished();
    p.running += t.status == Trial::Status::Running;
    p.diverged += t.status == Trial::Status::Diverged;
  }
  return p;
}

std::optional<Trial> Search::best() const {
  std::lock_guard lock(m_mutex);
  const Trial* b = nullptr;
  for (const Trial& t : m_trials)
    if (t.status == Trial::Status::Done && (!b || t.valLoss < b->valLoss)) b = &t;
  if (!b) return std::nullopt;
  return *b;
}

std::vector<double> Search::bestSoFar() const {
  std::lock_guard lock(m_mutex);
  std::vector<double> out;
  double best = Trial::kNaN;
  for (const Trial& t : m_trials) {
    if (t.status == Trial::Status::Done && !(best <= t.valLoss)) best = t.valLoss;
    out.push_back(best);
  }
  return out;
}

}  // namespace dl::search
