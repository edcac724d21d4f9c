// The training thread: command queue in, throttled snapshots out (see SessionWorker.h).
#include "session/SessionWorker.h"

#include "core/Error.h"
#include "data/Csv.h"
#include "io/ErrorText.h"
#include "session/TrainingSession.h"

#include <QMetaObject>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <exception>
#include <utility>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace dlui {

using dl::RebuildReason;

namespace {

// nice +8: weight 134 against the GUI thread's 1024 — a click or a repaint preempts training at
// once and gets ~90% of a core both want.
constexpr int kTrainingNice = 8;

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

// The training thread (and the OpenMP threads it starts, which inherit it) runs at a lower
// priority than the GUI thread: training flat out keeps a core busy, and at the same priority the
// GUI thread waited its turn behind it for every repaint and every click (tens of milliseconds on a
// busy two-core machine). Now the window takes the CPU time it needs and training the rest — on
// an idle core it still trains at full speed.
void yieldToGuiThread() {
#ifdef __linux__
  const auto tid = static_cast<id_t>(syscall(SYS_gettid));
  errno = 0;
  const int nice = getpriority(PRIO_PROCESS, tid);
  if (errno == 0) setpriority(PRIO_PROCESS, tid, std::min(19, nice + kTrainingNice));
#endif
}

}  // namespace

SessionWorker::SessionWorker(TrainingSession* session, dl::ExperimentConfig initial) : m_session(session) {
  m_thread = std::thread([this, initial = std::move(initial)]() mutable {
    yieldToGuiThread();
    rebuild(initial, RebuildReason::None, nullptr, false);
    run();
  });
}

SessionWorker::~SessionWorker() {
  {
    std::lock_guard lock(m_mutex);
    m_stop.store(true);
  }
  m_wake.notify_all();
  if (m_thread.joinable()) m_thread.join();
}

void SessionWorker::post(Command c) {
  {
    std::lock_guard lock(m_mutex);
    m_queue.push_back(std::move(c));
    m_hasCommands.store(true);
  }
  m_wake.notify_all();
}

void SessionWorker::snapshotDelivered() {
  m_inFlight.fetch_sub(1);
  m_wake.notify_all();  // a snapshot held back for the GUI may go out now
}

// ---- the loop ---------------------------------------------------------------------------------

void SessionWorker::run() {
  while (!m_stop.load()) {
    if (m_hasCommands.load()) processCommands();
    if (m_stop.load()) break;

    auto now = Clock::now();
    bool stepped = false;
    if (m_playing && !m_runs.empty()) {
      if (m_speed <= 0) {
        stepAll();
        stepped = true;
      } else {
        // Token bucket: tokens arrive at m_speed per second; bursts after a stall are capped at
        // 50 ms worth so the pace catches up without a visible jump.
        const double dt = std::chrono::duration<double>(now - m_lastRefill).count();
        m_lastRefill = now;
        m_tokens = std::min(m_tokens + dt * m_speed, std::max(1.0, 0.05 * m_speed));
        if (m_tokens >= 1.0) {
          m_tokens -= 1.0;
          stepAll();
          stepped = true;
        }
      }
      if (stepped) now = Clock::now();
    }
    maybePublish(now);
    if (stepped) continue;

    std::unique_lock lock(m_mutex);
    const auto until = nextWake(now);
    auto woken = [this] { return m_stop.load() || m_hasCommands.load(); };
    if (until == Clock::time_point::max())
      m_wake.wait(lock, woken);
    else
      m_wake.wait_until(lock, until, woken);
  }
}

SessionWorker::Clock::time_point SessionWorker::nextWake(Clock::time_point now) const {
  auto until = Clock::time_point::max();
  if (m_playing && !m_runs.empty() && m_speed > 0) {
    const double wait = std::max(0.0, (1.0 - m_tokens) / m_speed);
    until = std::min(until, now + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(wait)));
  }
  if (m_dirty && !m_runs.empty()) {
    // While the GUI has snapshots unread, poll at the snapshot period instead of spinning.
    const auto earliest = m_inFlight.load() >= kMaxSnapshotsInFlight ? now + kSnapshotPeriod : now;
    until = std::min(until, std::max(earliest, m_lastPublish + kSnapshotPeriod));
  }
  if (m_staleWeights) until = std::min(until, std::max(now + kSnapshotPeriod, m_lastWeights + kWeightsPeriod));
  if (m_staleGrid) until = std::min(until, std::max(now + kSnapshotPeriod, m_lastGrid + kGridPeriod));
  return until;
}

void SessionWorker::processCommands() {
  std::deque<Command> commands;
  {
    std::lock_guard lock(m_mutex);
    commands.swap(m_queue);
    m_hasCommands.store(false);
  }
  for (Command& c : commands) {
    if (m_stop.load()) return;
    apply(c);
  }
}

void SessionWorker::apply(Command& c) {
  switch (c.kind) {
    case CommandKind::Play:
      play();
      break;
    case CommandKind::Pause:
      pause();
      break;
    case CommandKind::Step:
      stepOnce();
      break;
    case CommandKind::Reset:
      resetRuns();
      break;
    case CommandKind::Speed:
      m_speed = std::isfinite(c.value) ? std::max(0.0, c.value) : 0.0;
      m_tokens = std::min(m_tokens, 1.0);
      break;
    case CommandKind::Config:
      if (c.config) applyConfig(*c.config);
      break;
    case CommandKind::Load:
      if (c.config && rebuild(*c.config, RebuildReason::None, c.state, false)) {
        m_playing = false;
        postReset(RebuildReason::None);
        postLoaded();
      }
      break;
    case CommandKind::RequestState:
      if (!m_runs.empty()) {
        auto state = std::make_shared<const dl::TrainerState>(m_runs.trainer(0).state());
        QMetaObject::invokeMethod(
            m_session, [s = m_session, config = m_config, state] { emit s->stateReady(config, state); },
            Qt::QueuedConnection);
      }
      break;
    case CommandKind::GridResolution:
      m_gridResolution = std::clamp(static_cast<int>(std::isfinite(c.value) ? c.value : 64.0), 2, 512);
      markChanged(false, true);
      break;
    case CommandKind::Thumbnails:
      m_thumbnails = c.flag;
      markChanged(false, true);
      break;
    case CommandKind::MapSpace:
      m_mapSpace = c.flag ? dl::MapSpace::NetworkInputs : dl::MapSpace::Raw;
      markChanged(false, true);
      break;
    case CommandKind::SetWeight:
      // Every run (the L1/L2 pair stays identical but for the penalty; the runs share one
      // architecture, so a bad index or value is refused by the first, before any run changes).
      try {
        for (std::size_t i = 0; i < m_runs.size(); ++i)
          m_runs.trainer(i).setWeight(c.layer, static_cast<dl::Index>(c.row), static_cast<dl::Index>(c.col), c.value);
        markChanged(true, true);
      } catch (const std::exception& e) {
        postConfigError(e);
      }
      break;
  }
}

void SessionWorker::play() {
  if (m_runs.empty() || m_playing) return;
  if (m_runs.anyDiverged()) {
    postError(TrainingSession::tr("Training diverged: reset or change the configuration before playing."));
    return;
  }
  m_playing = true;
  m_tokens = 1.0;  // the first step goes at once
  m_lastRefill = Clock::now();
  markChanged(true, true);
}

void SessionWorker::pause() {
  if (!m_playing) return;
  m_playing = false;
  markChanged(true, true);
}

void SessionWorker::stepOnce() {
  pause();
  if (m_runs.empty()) return;
  if (m_runs.anyDiverged()) {
    postError(TrainingSession::tr("Training diverged: reset or change the configuration before stepping."));
    return;
  }
  stepAll();
  markChanged(true, true);
}

void SessionWorker::resetRuns() {
  m_runs.reset();
  for (Outbox& o : m_outboxes) o = Outbox{};
  m_playing = false;
  ++m_generation;
  m_sendData = true;
  markChanged(true, true);
}

// ---- configuration ----------------------------------------------------------------------------

void SessionWorker::applyConfig(const dl::ExperimentConfig& next) {
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
  postAccepted(m_config);
  markChanged(false, newMap);  // another plane: the grid now, not at its next period
}

bool SessionWorker::rebuild(const dl::ExperimentConfig& next, RebuildReason reason,
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
  ++m_generation;
  m_sendData = true;
  markChanged(true, true);
  if (announce) postReset(reason);
  postAccepted(m_config);
  return true;
}

// ---- stepping ---------------------------------------------------------------------------------

void SessionWorker::stepAll() {
  std::vector<dl::Runs::StepResult> results = m_runs.step();
  for (std::size_t i = 0; i < results.size(); ++i) {
    if (results[i].failure)
      m_outboxes[i].failure = std::move(results[i].failure);
    else
      keepMetrics(m_outboxes[i], std::move(results[i].metrics));
  }
  ++m_totalSteps;
  m_staleWeights = m_staleGrid = true;
  m_dirty = true;
  checkRuns();
}

// Metrics wait here until the next snapshot. When the GUI falls behind, at most
// kMaxPendingMetrics are kept: on overflow every other one is dropped and from then on only every
// stride-th step is kept (stride doubling each time), so memory stays bounded.
void SessionWorker::keepMetrics(Outbox& o, dl::StepMetrics&& m) {
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

void SessionWorker::checkRuns() {
  for (std::size_t i = 0; i < m_runs.size(); ++i) {
    Outbox& o = m_outboxes[i];
    const dl::Trainer& t = m_runs.trainer(i);
    if (o.failure) {
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

void SessionWorker::markChanged(bool weights, bool grid) {
  m_dirty = true;
  m_forceWeights = m_forceWeights || weights;
  m_forceGrid = m_forceGrid || grid;
}

// ---- publishing -------------------------------------------------------------------------------

void SessionWorker::maybePublish(Clock::time_point now) {
  const bool due = m_dirty || (m_staleWeights && now - m_lastWeights >= kWeightsPeriod) ||
                   (m_staleGrid && now - m_lastGrid >= kGridPeriod);
  if (!due || m_runs.empty()) return;
  if (now - m_lastPublish < kSnapshotPeriod) return;
  if (m_inFlight.load() >= kMaxSnapshotsInFlight) return;  // the GUI is behind: keep collecting
  publish(now);
}

void SessionWorker::publish(Clock::time_point now) {
  auto s = std::make_shared<Snapshot>();
  s->sequence = ++m_sequence;
  s->generation = m_generation;
  s->running = m_playing;
  s->config = m_config;

  m_rateWindow.emplace_back(now, m_totalSteps);
  while (m_rateWindow.size() > 2 && now - m_rateWindow[1].first >= std::chrono::seconds(1)) m_rateWindow.pop_front();
  const double span = std::chrono::duration<double>(now - m_rateWindow.front().first).count();
  s->stepsPerSecond =
      m_playing && span > 0 ? static_cast<double>(m_totalSteps - m_rateWindow.front().second) / span : 0.0;

  const bool withWeights = m_forceWeights || (m_staleWeights && now - m_lastWeights >= kWeightsPeriod);
  const bool withGrid = m_forceGrid || (m_staleGrid && now - m_lastGrid >= kGridPeriod);
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
    // The validation report rides with the grid, at most twice a second (a pass over the
    // validation part, and one more per ROC curve).
    const dl::Dataset& validation = t.data().validation;
    if (validation.task == dl::Task::Classification && validation.size() > 0 &&
        (m_lastGrid - m_lastReport >= kReportPeriod || !m_playing)) {
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
  m_dirty = false;
  m_lastPublish = now;
  postSnapshot(std::move(s));
}

void SessionWorker::postSnapshot(SnapshotPtr s) {
  m_inFlight.fetch_add(1);
  QMetaObject::invokeMethod(
      m_session,
      [session = m_session, s = std::move(s)] {
        session->m_worker->snapshotDelivered();
        emit session->snapshotReady(s);
      },
      Qt::QueuedConnection);
}

void SessionWorker::postError(const QString& message, bool realValuedLabels) {
  QMetaObject::invokeMethod(
      m_session,
      [session = m_session, message, realValuedLabels] {
        session->m_lastErrorRealValuedLabels = realValuedLabels;
        emit session->error(message);
      },
      Qt::QueuedConnection);
}

void SessionWorker::postConfigError(const std::exception& e) {
  const QString what = dlio::ErrorText::of(e);
  if (dynamic_cast<const dl::ConfigError*>(&e))
    postError(TrainingSession::tr("Configuration refused: %1").arg(what));
  else if (const auto* d = dynamic_cast<const dl::DataError*>(&e))
    postError(TrainingSession::tr("Data refused: %1").arg(what), dl::isRealValuedLabelError(*d));
  else
    postError(TrainingSession::tr("Refused: %1").arg(what));
}

void SessionWorker::postLoaded() {
  QMetaObject::invokeMethod(
      m_session, [session = m_session] { emit session->experimentLoaded(); }, Qt::QueuedConnection);
}

void SessionWorker::postReset(RebuildReason reason) {
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

void SessionWorker::postDiverged(int run, const dl::Divergence& d) {
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

void SessionWorker::postAccepted(const dl::ExperimentConfig& c) {
  QMetaObject::invokeMethod(
      m_session, [session = m_session, c] { session->m_config = c; }, Qt::QueuedConnection);
}

}  // namespace dlui
