// The playground's experiment on the training thread (see PlaygroundSimulation.h).
#include "labs/playground/PlaygroundSimulation.h"

#include "labs/playground/TrainingSession.h"

#include "core/Error.h"
#include "data/Csv.h"
#include "io/ErrorText.h"

#include <QMetaObject>

#include <algorithm>
#include <utility>

namespace dlui {

using dl::RebuildReason;

namespace {

std::vector<LayerWeights> weightsOf(const dl::Trainer& t) {
  const dl::Network& net = t.network();
  std::vector<LayerWeights> out(static_cast<std::size_t>(net.layerCount()));
  for (int l = 0; l < net.layerCount(); ++l) {
    LayerWeights& w = out[static_cast<std::size_t>(l)];
    w.W = net.weights(l);
    const dl::ParamRange& b = net.layer(l).bias;
    if (b.size > 0) w.b = net.params().segment(b.offset, b.size);
  }
  return out;
}

double secondsBetween(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

// When a part the snapshots send at most every `period` (the weights, the map) is due: 0 when it is
// forced or its period since `last` has passed, the seconds left while it waits, negative when
// nothing new is held back.
double dueIn(bool forced, bool stale, std::chrono::steady_clock::time_point last, std::chrono::milliseconds period,
             std::chrono::steady_clock::time_point now) {
  if (forced) return 0;
  if (!stale) return -1;
  return std::max(0.0, std::chrono::duration<double>(period).count() - secondsBetween(last, now));
}

}  // namespace

PlaygroundSimulation::PlaygroundSimulation(TrainingSession* session) : m_session(session) {}

// ---- Simulation -------------------------------------------------------------------------------

bool PlaygroundSimulation::step() {
  std::vector<dl::Runs::StepResult> results = m_runs.step();
  for (std::size_t i = 0; i < results.size(); ++i) {
    if (results[i].failure)
      m_outboxes[i].failure = std::move(results[i].failure);
    else
      keepMetrics(m_outboxes[i], std::move(results[i].metrics));
  }
  ++m_totalSteps;
  m_staleWeights = m_staleGrid = true;
  checkRuns();
  return false;  // the costly parts ride on their own periods, and on every pause
}

long long PlaygroundSimulation::stepCount() const {
  if (m_runs.empty()) return 0;
  return lockstepStepCount(m_runs.size(), [this](std::size_t i) -> const dl::Trainer& { return m_runs.trainer(i); });
}

bool PlaygroundSimulation::finished() const { return m_runs.empty() || m_failed || m_runs.anyDiverged(); }

double PlaygroundSimulation::snapshotSeconds() const { return std::chrono::duration<double>(kSnapshotPeriod).count(); }

double PlaygroundSimulation::refreshSeconds() const {
  if (m_runs.empty()) return -1;
  const Clock::time_point now = Clock::now();
  const double weights = dueIn(m_forceWeights, m_staleWeights, m_lastWeights, kWeightsPeriod, now);
  const double grid = dueIn(m_forceGrid, m_staleGrid, m_lastGrid, kGridPeriod, now);
  if (weights < 0 || grid < 0) return std::max(weights, grid);  // the one held back, or neither
  return std::min(weights, grid);
}

bool PlaygroundSimulation::takeStopRequest() { return std::exchange(m_stopRequested, false); }

std::shared_ptr<LabSnapshot> PlaygroundSimulation::snapshot(bool heavy) {
  auto out = std::make_shared<PlaygroundLabSnapshot>();
  if (m_runs.empty()) return out;  // nothing built yet: the session shows nothing
  const Clock::time_point now = Clock::now();
  auto s = std::make_shared<Snapshot>();
  s->sequence = ++m_sequence;
  s->generation = m_generation;
  s->config = m_config;

  // The rate over the last second (the session shows 0 while paused).
  m_rateWindow.emplace_back(now, m_totalSteps);
  while (m_rateWindow.size() > 2 && now - m_rateWindow[1].first >= std::chrono::seconds(1)) m_rateWindow.pop_front();
  const double span = secondsBetween(m_rateWindow.front().first, now);
  s->stepsPerSecond = span > 0 ? static_cast<double>(m_totalSteps - m_rateWindow.front().second) / span : 0.0;

  // A heavy snapshot (training paused or stopped, a single step) is the full picture.
  const bool withWeights = heavy || dueIn(m_forceWeights, m_staleWeights, m_lastWeights, kWeightsPeriod, now) == 0;
  const bool withGrid = heavy || dueIn(m_forceGrid, m_staleGrid, m_lastGrid, kGridPeriod, now) == 0;
  s->runs.reserve(m_runs.size());
  for (std::size_t i = 0; i < m_runs.size(); ++i) {
    Outbox& o = m_outboxes[i];
    const dl::Trainer& t = m_runs.trainer(i);
    RunSnapshot rs;
    rs.label = QString::fromStdString(m_runs.label(i));
    rs.metrics = std::move(o.pending);
    o.pending = {};
    rs.droppedSteps = o.dropped;
    o.dropped = 0;
    o.stride = 1;
    o.strideCount = 0;
    if (withWeights) rs.weights = weightsOf(t);
    rs.divergence = t.divergence();
    rs.step = t.stepCount();
    rs.epoch = t.epoch();
    rs.learningRate = t.currentLearningRate();
    s->runs.push_back(std::move(rs));
  }
  if (withWeights) {
    m_forceWeights = m_staleWeights = false;
    m_lastWeights = now;
  }
  if (withGrid) {
    const dl::Trainer& t = m_runs.trainer(0);
    double x0 = 0, x1 = 1, y0 = 0, y1 = 1;
    t.mapBounds(x0, x1, y0, y1, m_mapSpace);
    s->grid = std::make_shared<const dl::GridEvaluation>(
        t.evaluateGrid(m_gridResolution, x0, x1, y0, y1, m_thumbnails, m_mapSpace));
    m_forceGrid = m_staleGrid = false;
    m_lastGrid = Clock::now();
    // The validation report rides with the grid, at most twice a second while training (a pass
    // over the validation part, and one more per ROC curve).
    const dl::Dataset& validation = t.data().validation;
    if (validation.task == dl::Task::Classification && validation.size() > 0 &&
        (heavy || !m_playing || m_lastGrid - m_lastReport >= kReportPeriod)) {
      auto report = std::make_shared<MetricsReport>();
      report->step = t.stepCount();
      report->report = t.report(dl::Split::Validation);
      report->classNames = validation.classNames;
      const int k = std::max(2, validation.numClasses);
      if (k == 2) report->rocClasses = {1};
      else if (k <= 10)
        for (int c = 0; c < k; ++c) report->rocClasses.push_back(c);
      for (const int c : report->rocClasses) report->roc.push_back(t.roc(dl::Split::Validation, c));
      s->metricsReport = std::move(report);
      m_lastReport = m_lastGrid;
    }
  }
  if (m_sendData) {
    s->data = m_runs.sharedData();
    m_sendData = false;
  }
  out->snapshot = std::move(s);
  return out;
}

// ---- commands ---------------------------------------------------------------------------------

void PlaygroundSimulation::build(const dl::ExperimentConfig& config) {
  rebuild(config, RebuildReason::None, nullptr, false);
}

void PlaygroundSimulation::applyConfig(const dl::ExperimentConfig& next) {
  if (m_runs.empty()) {
    rebuild(next, RebuildReason::Data, nullptr, true);
    return;
  }
  const RebuildReason reason = dl::rebuildReason(m_config, next);
  if (reason != RebuildReason::None) {
    rebuild(next, reason, nullptr, true);
    return;
  }
  // In place: Runs validates every run's configuration first, so nothing is applied half-way.
  const bool newMap = next.data.mapFeatures != m_config.data.mapFeatures;
  try {
    m_runs.applyInPlace(next);
  } catch (const std::exception& e) {
    postConfigError(e);
    return;
  }
  m_config = next;
  m_failed = false;
  postAccepted(m_config);
  markChanged(false, newMap);  // another plane: the grid now, not at its next period
}

void PlaygroundSimulation::load(const dl::ExperimentConfig& config,
                                const std::shared_ptr<const dl::TrainerState>& state) {
  if (!rebuild(config, RebuildReason::None, state, false)) return;  // refused: the experiment goes on
  m_stopRequested = true;
  m_playing = false;
  postReset(RebuildReason::None);
  postLoaded();
}

void PlaygroundSimulation::reset() {
  m_runs.reset();
  for (Outbox& o : m_outboxes) o = Outbox{};
  m_failed = false;
  m_stopRequested = true;
  m_playing = false;
  ++m_generation;
  m_sendData = true;
  markChanged(true, true);
}

void PlaygroundSimulation::mayStep(bool play) {
  m_failed = false;  // a step that threw is tried again (and says so again if it throws again)
  const bool diverged = !m_runs.empty() && m_runs.anyDiverged();
  m_playing = play && !diverged;
  if (!diverged) return;
  postError(play ? TrainingSession::tr("Training diverged: reset or change the configuration before playing.")
                 : TrainingSession::tr("Training diverged: reset or change the configuration before stepping."));
}

void PlaygroundSimulation::requestState() {
  if (m_runs.empty()) return;
  auto state = std::make_shared<const dl::TrainerState>(m_runs.trainer(0).state());
  QMetaObject::invokeMethod(
      m_session, [s = m_session, config = m_config, state] { emit s->stateReady(config, state); },
      Qt::QueuedConnection);
}

void PlaygroundSimulation::setGridResolution(int resolution) {
  m_gridResolution = std::clamp(resolution, 2, 512);
  markChanged(false, true);
}

void PlaygroundSimulation::setThumbnails(bool on) {
  m_thumbnails = on;
  markChanged(false, true);
}

void PlaygroundSimulation::setMapSpace(dl::MapSpace space) {
  m_mapSpace = space;
  markChanged(false, true);
}

void PlaygroundSimulation::setWeight(int layer, long long row, long long col, double value) {
  // Every run (the L1/L2 pair stays identical but for the penalty; the runs share one
  // architecture, so a bad index or value is refused by the first, before any run changes).
  try {
    for (std::size_t i = 0; i < m_runs.size(); ++i)
      m_runs.trainer(i).setWeight(layer, static_cast<dl::Index>(row), static_cast<dl::Index>(col), value);
    markChanged(true, true);
  } catch (const std::exception& e) {
    postConfigError(e);
  }
}

bool PlaygroundSimulation::rebuild(const dl::ExperimentConfig& next, RebuildReason reason,
                                   const std::shared_ptr<const dl::TrainerState>& state, bool announce) {
  dl::Runs runs;
  try {
    std::vector<dl::RunSpec> specs = dl::experimentRuns(next);
    dl::validateRuns(specs);  // before the data are prepared
    const std::shared_ptr<const dl::PreparedData> current = m_runs.sharedData();
    auto data = (current && dl::sameData(m_config.data, next.data))
                    ? current
                    : std::make_shared<const dl::PreparedData>(dl::prepareData(next.data));
    runs = dl::Runs(std::move(specs), std::move(data));
    if (state) runs.restore(*state);
  } catch (const std::exception& e) {
    postConfigError(e);
    return false;
  }
  m_runs = std::move(runs);
  m_outboxes.assign(m_runs.size(), Outbox{});
  m_config = next;
  m_failed = false;
  ++m_generation;
  m_sendData = true;
  markChanged(true, true);
  if (announce) postReset(reason);
  postAccepted(m_config);
  return true;
}

// ---- stepping ---------------------------------------------------------------------------------

// Metrics wait here until the next snapshot. When the window falls behind, at most
// kMaxPendingMetrics are kept: on overflow every other one is dropped and from then on only every
// stride-th step is kept (stride doubling each time), so memory stays bounded.
void PlaygroundSimulation::keepMetrics(Outbox& o, dl::StepMetrics&& m) {
  if (++o.strideCount < o.stride) {
    ++o.dropped;
    return;
  }
  o.strideCount = 0;
  o.pending.push_back(std::move(m));
  if (o.pending.size() >= kMaxPendingMetrics) {
    std::size_t j = 0;
    for (std::size_t i = 1; i < o.pending.size(); i += 2) o.pending[j++] = std::move(o.pending[i]);
    o.dropped += static_cast<long long>(o.pending.size() - j);
    o.pending.resize(j);
    o.stride *= 2;
  }
}

void PlaygroundSimulation::checkRuns() {
  for (std::size_t i = 0; i < m_runs.size(); ++i) {
    Outbox& o = m_outboxes[i];
    const dl::Trainer& t = m_runs.trainer(i);
    if (o.failure) {
      m_failed = true;
      m_playing = false;
      QString what;
      try {
        std::rethrow_exception(std::exchange(o.failure, nullptr));
      } catch (const std::exception& e) {
        what = dlio::ErrorText::of(e);
      } catch (...) {
        what = TrainingSession::tr("unknown error");
      }
      postError(TrainingSession::tr("Training stopped: %1").arg(what));
      markChanged(true, true);
    }
    if (t.diverged() && !o.divergenceReported) {
      o.divergenceReported = true;
      m_playing = false;
      postDiverged(static_cast<int>(i), *t.divergence());
      markChanged(true, true);
    }
  }
}

void PlaygroundSimulation::markChanged(bool weights, bool grid) {
  m_forceWeights = m_forceWeights || weights;
  m_forceGrid = m_forceGrid || grid;
}

// ---- to the window ----------------------------------------------------------------------------

void PlaygroundSimulation::postError(const QString& message, bool realValuedLabels) {
  QMetaObject::invokeMethod(
      m_session,
      [session = m_session, message, realValuedLabels] {
        session->m_lastErrorRealValuedLabels = realValuedLabels;
        emit session->error(message);
      },
      Qt::QueuedConnection);
}

void PlaygroundSimulation::postConfigError(const std::exception& e) {
  const QString what = dlio::ErrorText::of(e);
  if (dynamic_cast<const dl::ConfigError*>(&e))
    postError(TrainingSession::tr("Configuration refused: %1").arg(what));
  else if (const auto* d = dynamic_cast<const dl::DataError*>(&e))
    postError(TrainingSession::tr("Data refused: %1").arg(what), dl::isRealValuedLabelError(*d));
  else
    postError(TrainingSession::tr("Refused: %1").arg(what));
}

void PlaygroundSimulation::postLoaded() {
  QMetaObject::invokeMethod(
      m_session, [session = m_session] { emit session->experimentLoaded(); }, Qt::QueuedConnection);
}

void PlaygroundSimulation::postReset(RebuildReason reason) {
  QMetaObject::invokeMethod(
      m_session,
      [session = m_session, reason] {
        QString text;
        switch (reason) {
          case RebuildReason::None:
            text = TrainingSession::tr("Experiment loaded");
            break;
          case RebuildReason::Data:
            text = TrainingSession::tr("Data changed: new data set and weights");
            break;
          case RebuildReason::Architecture:
            text = TrainingSession::tr("Architecture changed: new weights");
            break;
          case RebuildReason::Initialization:
            text = TrainingSession::tr("Initialisation changed: new weights");
            break;
          case RebuildReason::Seed:
            text = TrainingSession::tr("Seed changed: new weights");
            break;
          case RebuildReason::Loss:
            text = TrainingSession::tr("Loss changed: new weights");
            break;
          case RebuildReason::ClassWeights:
            text = TrainingSession::tr("Class weights changed: new weights");
            break;
          case RebuildReason::CompareL1L2:
            text = TrainingSession::tr("L1-vs-L2 comparison switched: new runs");
            break;
        }
        emit session->resetHappened(text);
      },
      Qt::QueuedConnection);
}

void PlaygroundSimulation::postDiverged(int run, const dl::Divergence& d) {
  QMetaObject::invokeMethod(
      m_session,
      [session = m_session, run, d] {
        QString what;
        if (d.quantity == "loss")
          what = TrainingSession::tr("loss");
        else if (d.quantity == "activations")
          what = TrainingSession::tr("activations");
        else if (d.quantity == "gradient")
          what = TrainingSession::tr("gradient");
        else if (d.quantity == "weights")
          what = TrainingSession::tr("weights");
        else
          what = QString::fromStdString(d.quantity);
        emit session->diverged(
            run, TrainingSession::tr("non-finite %1 at step %2, layer %3").arg(what).arg(d.step).arg(d.layer));
      },
      Qt::QueuedConnection);
}

void PlaygroundSimulation::postAccepted(const dl::ExperimentConfig& c) {
  QMetaObject::invokeMethod(
      m_session, [session = m_session, c] { session->m_config = c; }, Qt::QueuedConnection);
}

}  // namespace dlui
