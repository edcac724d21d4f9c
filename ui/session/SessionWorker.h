// The training thread behind TrainingSession, after Qt's Mandelbrot example: the GUI thread only
// appends commands to a mutex-protected queue and wakes the worker; the worker owns the trainers,
// applies the commands between steps and posts immutable snapshots back to the GUI thread. The
// worker never waits for the GUI: when snapshots pile up unread it keeps metrics (bounded) instead.
#pragma once

#include "config/ConfigDiff.h"
#include "session/Snapshot.h"
#include "train/Runs.h"

#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace dlui {

class TrainingSession;

class SessionWorker {
public:
  enum class CommandKind {
    Play, Pause, Step, Reset, Speed, Config, Load, RequestState, GridResolution, Thumbnails, SetWeight, MapSpace
  };
  struct Command {
    explicit Command(CommandKind k) : kind(k) {}
    CommandKind kind;
    double value = 0;                               // Speed, GridResolution
    bool flag = false;                              // Thumbnails; MapSpace: over the network's inputs
    int layer = 0;                                  // SetWeight: layer, row, col, value
    long long row = 0, col = 0;
    std::optional<dl::ExperimentConfig> config;     // Config, Load
    std::shared_ptr<const dl::TrainerState> state;  // Load (may be null)
  };

  // Limits, public for the tests and the documentation.
  static constexpr std::chrono::milliseconds kSnapshotPeriod{16};  // ≤ 60 Hz
  static constexpr std::chrono::milliseconds kWeightsPeriod{100};
  static constexpr std::chrono::milliseconds kGridPeriod{150};
  static constexpr std::chrono::milliseconds kReportPeriod{500};
  static constexpr std::size_t kMaxPendingMetrics = 20000;  // per run
  static constexpr int kMaxSnapshotsInFlight = 2;           // posted but not yet delivered

  // Starts the thread; the first thing it does is build `initial`.
  SessionWorker(TrainingSession* session, dl::ExperimentConfig initial);
  ~SessionWorker();  // sets the stop flag, wakes the thread and joins it
  SessionWorker(const SessionWorker&) = delete;
  SessionWorker& operator=(const SessionWorker&) = delete;

  // GUI thread: never blocks on training (the lock guards the queue only).
  void post(Command c);
  // GUI thread: a posted snapshot was delivered.
  void snapshotDelivered();

private:
  using Clock = std::chrono::steady_clock;

  // What a run has to tell the GUI: one per run of m_runs, by index.
  struct Outbox {
    std::vector<dl::StepMetrics> pending;  // since the last snapshot (decimated when it overflows)
    long long dropped = 0;                 // steps left out of `pending`
    long long stride = 1;                  // keep every stride-th metric while over the limit
    long long strideCount = 0;
    bool divergenceReported = false;
    std::exception_ptr failure;  // an exception thrown by the run's step, reported after the step
  };

  void run();
  void processCommands();
  void apply(Command& c);
  void play();
  void pause();
  void stepOnce();
  void resetRuns();
  void applyConfig(const dl::ExperimentConfig& next);
  // Builds new trainers for `next` (and restores `state` into each); commits only on success.
  bool rebuild(const dl::ExperimentConfig& next, dl::RebuildReason reason,
               const std::shared_ptr<const dl::TrainerState>& state, bool announce);
  void stepAll();
  void keepMetrics(Outbox& o, dl::StepMetrics&& m);
  void checkRuns();
  void markChanged(bool weights, bool grid);
  void maybePublish(Clock::time_point now);
  void publish(Clock::time_point now);
  Clock::time_point nextWake(Clock::time_point now) const;

  // Posting to the GUI thread (functors queued on the session object).
  void postSnapshot(SnapshotPtr s);
  void postError(const QString& message, bool realValuedLabels = false);
  void postConfigError(const std::exception& e);
  void postReset(dl::RebuildReason reason);
  void postLoaded();
  void postDiverged(int run, const dl::Divergence& d);
  void postAccepted(const dl::ExperimentConfig& c);

  TrainingSession* m_session;

  // ---- shared with the GUI thread ----
  std::mutex m_mutex;
  std::condition_variable m_wake;
  std::deque<Command> m_queue;  // guarded by m_mutex
  std::atomic<bool> m_hasCommands{false};
  std::atomic<bool> m_stop{false};
  std::atomic<int> m_inFlight{0};

  // ---- worker thread only ----
  dl::ExperimentConfig m_config;  // the session's configuration in force
  dl::Runs m_runs;                // the trainers, their labels, stepping (serial or in parallel)
  std::vector<Outbox> m_outboxes;
  quint64 m_generation = 0;
  quint64 m_sequence = 0;
  bool m_playing = false;
  double m_speed = 0;   // steps per second, 0 = flat out
  double m_tokens = 0;  // token bucket for the pace
  Clock::time_point m_lastRefill;
  int m_gridResolution = 64;
  bool m_thumbnails = false;
  dl::MapSpace m_mapSpace = dl::MapSpace::Raw;

  bool m_dirty = false;        // something to publish
  bool m_forceWeights = true;  // next snapshot carries weights regardless of the period
  bool m_forceGrid = true;
  bool m_staleWeights = false;  // steps since the last weights were sent
  bool m_staleGrid = false;
  bool m_sendData = true;
  Clock::time_point m_lastPublish{};
  Clock::time_point m_lastWeights{};
  Clock::time_point m_lastGrid{};
  Clock::time_point m_lastReport{};
  long long m_totalSteps = 0;  // never reset: for the rate
  std::deque<std::pair<Clock::time_point, long long>> m_rateWindow;

  std::thread m_thread;  // last: starts after every member above is constructed
};

}  // namespace dlui
