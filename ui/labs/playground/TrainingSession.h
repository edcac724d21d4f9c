// The playground's training session: its experiment (a PlaygroundSimulation) on a training thread
// of its own (session/LabRunner.h), which applies the GUI's commands between steps and publishes
// throttled snapshots (≤ 60 Hz) through a queued signal. Every public method is callable from the
// GUI thread and never blocks on training.
#pragma once

#include "labs/playground/Snapshot.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace dlui {

class LabRunner;
class PlaygroundSimulation;
struct LabSnapshot;

class TrainingSession : public QObject {
  Q_OBJECT
public:
  explicit TrainingSession(QObject* parent = nullptr);
  ~TrainingSession() override;  // stops the thread (atomic flag), joins within one step

  // ---- commands: queued, applied by the training thread between steps ----
  void play();
  void pause();
  void stepOnce();  // exactly one step (pauses first)
  void reset();     // new weights from the seed, counters to zero
  // Steps per second; 0 = as fast as possible.
  void setSpeed(double stepsPerSecond);
  // A new configuration. What can change mid-training (learning rate, optimiser parameters,
  // schedule, penalties, clipping, dropout, batch size) applies at once keeping the weights;
  // anything else (data, architecture, initialiser, seed, L1-vs-L2 on/off) rebuilds and resets,
  // and resetHappened() says why. Invalid configurations are refused with error(): the running
  // experiment is untouched.
  void setConfig(const dl::ExperimentConfig& config);
  // Replace the experiment with a loaded one, with or without a trained state; it starts paused.
  void loadExperiment(const dl::ExperimentConfig& config, std::shared_ptr<const dl::TrainerState> state);
  // Ask for the current state of run 0 (delivered by stateReady) — for saving.
  void requestState();
  void setGridResolution(int resolution);
  void setThumbnails(bool on);
  // The decision map over the network's own inputs (after standardisation, whitening or feature
  // expansion) instead of the raw data plane; see dl::MapSpace.
  void setMapOverNetworkInputs(bool on);
  // Sets one weight of run 0 (and of the L2 run of a pair): W(row, col) of weighted layer `layer`.
  void setWeight(int layer, long long row, long long col, double value);

  // Last configuration accepted by the training thread (GUI-thread copy).
  dl::ExperimentConfig config() const;
  // The last error() was a CSV refused for a label column that looks real-valued (the window
  // offers to load it as regression).
  bool lastErrorWasRealValuedLabels() const { return m_lastErrorRealValuedLabels; }

signals:
  void snapshotReady(dlui::SnapshotPtr snapshot);
  void stateReady(dl::ExperimentConfig config, std::shared_ptr<const dl::TrainerState> state);
  void resetHappened(QString reason);  // translated text, e.g. "Architecture changed: new weights"
  void experimentLoaded();             // a loadExperiment() took effect (after its resetHappened)
  void error(QString message);         // a refused command (bad configuration), one line
  void diverged(int run, QString where);

private:
  friend class PlaygroundSimulation;  // delivers results in the GUI thread (posted functors)
  // Runs `command` on the training thread, on the playground's simulation.
  void post(std::function<void(PlaygroundSimulation&)> command);
  void deliver(const std::shared_ptr<const LabSnapshot>& snapshot);

  dl::ExperimentConfig m_config;
  bool m_lastErrorRealValuedLabels = false;
  std::unique_ptr<LabRunner> m_runner;  // last: its thread stops first
};

}  // namespace dlui
