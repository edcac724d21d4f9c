// The playground's experiment as the training thread (session/LabRunner.h) drives it: the runs of
// one configuration (one, or the L1-vs-L2 pair) in lockstep, the commands TrainingSession posts
// (a new configuration applied live or rebuilt, a loaded experiment, a reset, a weight, the map's
// resolution and plane), and its snapshots: every step's metrics since the last one (bounded when
// the window falls behind), the weights at most every 100 ms, the decision map at most every
// 150 ms, the validation report at most every 500 ms, and the data once per generation.
//
// Everything here runs on the training thread; what the window must hear (an error, a reset, a
// divergence, the configuration accepted, the state for a save) is posted to the session.
#pragma once

#include "labs/playground/Snapshot.h"
#include "session/LabRunner.h"

#include "config/ConfigDiff.h"
#include "train/Runs.h"

#include <QString>

#include <chrono>
#include <deque>
#include <exception>
#include <memory>
#include <vector>

namespace dlui {

class TrainingSession;

// What the runner carries for the playground: the snapshot the window's widgets take. The session
// completes it (running, the rate) on the GUI thread before anyone else sees it.
struct PlaygroundLabSnapshot : LabSnapshot {
  std::shared_ptr<Snapshot> snapshot;
};

class PlaygroundSimulation : public Simulation {
public:
  // Limits, public for the tests and the documentation.
  static constexpr std::chrono::milliseconds kSnapshotPeriod{16};  // ≤ 60 Hz
  static constexpr std::chrono::milliseconds kWeightsPeriod{100};
  static constexpr std::chrono::milliseconds kGridPeriod{150};
  static constexpr std::chrono::milliseconds kReportPeriod{500};
  static constexpr std::size_t kMaxPendingMetrics = 20000;  // per run

  explicit PlaygroundSimulation(TrainingSession* session);

  // ---- Simulation ----
  bool step() override;
  long long stepCount() const override;
  bool finished() const override;
  std::shared_ptr<LabSnapshot> snapshot(bool heavy) override;
  double snapshotSeconds() const override;
  double refreshSeconds() const override;
  bool takeStopRequest() override;

  // ---- commands (on the training thread) ----
  // The first configuration: built without announcing a reset.
  void build(const dl::ExperimentConfig& config);
  // What can change mid-training applies keeping the weights; anything else rebuilds.
  void applyConfig(const dl::ExperimentConfig& next);
  // A loaded experiment (and its trained state when it has one); training stops.
  void load(const dl::ExperimentConfig& config, const std::shared_ptr<const dl::TrainerState>& state);
  void reset();
  // Play or a single step asked for: refused with an error while a run has diverged (the runner
  // then finds the simulation finished and takes no step).
  void mayStep(bool play);
  // Training is on or off (the validation report comes with every map while it is off).
  void setPlaying(bool on) { m_playing = on; }
  void requestState();
  void setGridResolution(int resolution);
  void setThumbnails(bool on);
  void setMapSpace(dl::MapSpace space);
  void setWeight(int layer, long long row, long long col, double value);

private:
  using Clock = std::chrono::steady_clock;

  // What a run has to tell the window: one per run, by index.
  struct Outbox {
    std::vector<dl::StepMetrics> pending;  // since the last snapshot (decimated when it overflows)
    long long dropped = 0;                 // steps left out of `pending`
    long long stride = 1;                  // keep every stride-th metric while over the limit
    long long strideCount = 0;
    bool divergenceReported = false;
    std::exception_ptr failure;  // an exception thrown by the run's step, reported after the step
  };

  // Builds new runs for `next` (and restores `state` into each); commits only on success.
  bool rebuild(const dl::ExperimentConfig& next, dl::RebuildReason reason,
               const std::shared_ptr<const dl::TrainerState>& state, bool announce);
  void keepMetrics(Outbox& o, dl::StepMetrics&& m);
  void checkRuns();
  void markChanged(bool weights, bool grid);

  // Posting to the window (functors queued on the session object).
  void postError(const QString& message, bool realValuedLabels = false);
  void postConfigError(const std::exception& e);
  void postReset(dl::RebuildReason reason);
  void postLoaded();
  void postDiverged(int run, const dl::Divergence& d);
  void postAccepted(const dl::ExperimentConfig& c);

  TrainingSession* m_session;
  dl::ExperimentConfig m_config;  // the configuration in force
  dl::Runs m_runs;
  std::vector<Outbox> m_outboxes;
  quint64 m_generation = 0;
  quint64 m_sequence = 0;
  bool m_stopRequested = false;
  bool m_playing = false;
  bool m_failed = false;  // a step threw: nothing trains until a reset or a new configuration
  int m_gridResolution = 64;
  bool m_thumbnails = false;
  dl::MapSpace m_mapSpace = dl::MapSpace::Raw;

  bool m_forceWeights = true;  // the next snapshot carries weights regardless of the period
  bool m_forceGrid = true;
  bool m_staleWeights = false;  // steps since the last weights were sent
  bool m_staleGrid = false;
  bool m_sendData = true;
  Clock::time_point m_lastWeights{};
  Clock::time_point m_lastGrid{};
  Clock::time_point m_lastReport{};
  long long m_totalSteps = 0;  // never reset: for the rate
  std::deque<std::pair<Clock::time_point, long long>> m_rateWindow;
};

}  // namespace dlui
