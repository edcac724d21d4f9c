// The GUI-thread face of the playground's training session: every command is queued for the
// training thread (LabRunner), which applies it to the PlaygroundSimulation between steps; results
// come back as queued functors and snapshots.
#include "labs/playground/TrainingSession.h"

#include "labs/playground/PlaygroundSimulation.h"
#include "session/LabRunner.h"

namespace dlui {

TrainingSession::TrainingSession(QObject* parent) : QObject(parent), m_runner(std::make_unique<LabRunner>()) {
  qRegisterMetaType<dlui::SnapshotPtr>("dlui::SnapshotPtr");
  qRegisterMetaType<dl::ExperimentConfig>("dl::ExperimentConfig");
  qRegisterMetaType<std::shared_ptr<const dl::TrainerState>>("std::shared_ptr<const dl::TrainerState>");
  connect(m_runner.get(), &LabRunner::snapshotReady, this, &TrainingSession::deliver);
  m_runner->setSimulation(std::make_unique<PlaygroundSimulation>(this), 0);
  // The first thing the thread does: build the default experiment.
  post([c = m_config](PlaygroundSimulation& sim) { sim.build(c); });
}

TrainingSession::~TrainingSession() { m_runner.reset(); }

void TrainingSession::post(std::function<void(PlaygroundSimulation&)> command) {
  m_runner->post([command = std::move(command)](Simulation& s) { command(static_cast<PlaygroundSimulation&>(s)); });
}

void TrainingSession::deliver(const std::shared_ptr<const LabSnapshot>& snapshot) {
  const auto* p = static_cast<const PlaygroundLabSnapshot*>(snapshot.get());
  if (!p->snapshot) return;  // nothing built yet
  // Completed here, before anyone sees it: from now on it is immutable.
  p->snapshot->running = snapshot->running;
  if (!snapshot->running) p->snapshot->stepsPerSecond = 0;
  emit snapshotReady(p->snapshot);
}

void TrainingSession::play() {
  post([](PlaygroundSimulation& sim) { sim.mayStep(true); });
  m_runner->setRunning(true);
}

void TrainingSession::pause() {
  if (!m_runner->running()) return;  // (a pause costs a full snapshot: the map, the report)
  post([](PlaygroundSimulation& sim) { sim.setPlaying(false); });
  m_runner->setRunning(false);
}

void TrainingSession::stepOnce() {
  post([](PlaygroundSimulation& sim) { sim.mayStep(false); });
  m_runner->stepOnce();
}

void TrainingSession::reset() {
  post([](PlaygroundSimulation& sim) { sim.reset(); });
}

void TrainingSession::setSpeed(double stepsPerSecond) { m_runner->setSpeed(stepsPerSecond); }

void TrainingSession::setConfig(const dl::ExperimentConfig& config) {
  post([config](PlaygroundSimulation& sim) { sim.applyConfig(config); });
}

void TrainingSession::loadExperiment(const dl::ExperimentConfig& config,
                                     std::shared_ptr<const dl::TrainerState> state) {
  post([config, state = std::move(state)](PlaygroundSimulation& sim) { sim.load(config, state); });
}

void TrainingSession::requestState() {
  post([](PlaygroundSimulation& sim) { sim.requestState(); });
}

void TrainingSession::setGridResolution(int resolution) {
  post([resolution](PlaygroundSimulation& sim) { sim.setGridResolution(resolution); });
}

void TrainingSession::setWeight(int layer, long long row, long long col, double value) {
  post([=](PlaygroundSimulation& sim) { sim.setWeight(layer, row, col, value); });
}

void TrainingSession::setThumbnails(bool on) {
  post([on](PlaygroundSimulation& sim) { sim.setThumbnails(on); });
}

void TrainingSession::setMapOverNetworkInputs(bool on) {
  post([on](PlaygroundSimulation& sim) { sim.setMapSpace(on ? dl::MapSpace::NetworkInputs : dl::MapSpace::Raw); });
}

dl::ExperimentConfig TrainingSession::config() const { return m_config; }

}  // namespace dlui
