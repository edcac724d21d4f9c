// The GUI-thread face of the training session: every command is queued for the worker thread
// (SessionWorker), which applies it between steps; results come back as queued functors.
#include "session/TrainingSession.h"

#include "session/SessionWorker.h"

namespace dlui {

using Kind = SessionWorker::CommandKind;

TrainingSession::TrainingSession(QObject* parent) : QObject(parent) {
  qRegisterMetaType<dlui::SnapshotPtr>("dlui::SnapshotPtr");
  qRegisterMetaType<dl::ExperimentConfig>("dl::ExperimentConfig");
  qRegisterMetaType<std::shared_ptr<const dl::TrainerState>>("std::shared_ptr<const dl::TrainerState>");
  m_worker = std::make_unique<SessionWorker>(this, m_config);
}

TrainingSession::~TrainingSession() { m_worker.reset(); }

void TrainingSession::play() { m_worker->post(SessionWorker::Command(Kind::Play)); }
void TrainingSession::pause() { m_worker->post(SessionWorker::Command(Kind::Pause)); }
void TrainingSession::stepOnce() { m_worker->post(SessionWorker::Command(Kind::Step)); }
void TrainingSession::reset() { m_worker->post(SessionWorker::Command(Kind::Reset)); }

void TrainingSession::setSpeed(double stepsPerSecond) {
  SessionWorker::Command c(Kind::Speed);
  c.value = stepsPerSecond;
  m_worker->post(std::move(c));
}

void TrainingSession::setConfig(const dl::ExperimentConfig& config) {
  SessionWorker::Command c(Kind::Config);
  c.config = config;
  m_worker->post(std::move(c));
}

void TrainingSession::loadExperiment(const dl::ExperimentConfig& config,
                                     std::shared_ptr<const dl::TrainerState> state) {
  SessionWorker::Command c(Kind::Load);
  c.config = config;
  c.state = std::move(state);
  m_worker->post(std::move(c));
}

void TrainingSession::requestState() { m_worker->post(SessionWorker::Command(Kind::RequestState)); }

void TrainingSession::setGridResolution(int resolution) {
  SessionWorker::Command c(Kind::GridResolution);
  c.value = resolution;
  m_worker->post(std::move(c));
}

void TrainingSession::setWeight(int layer, long long row, long long col, double value) {
  SessionWorker::Command c(Kind::SetWeight);
  c.layer = layer;
  c.row = row;
  c.col = col;
  c.value = value;
  m_worker->post(std::move(c));
}

void TrainingSession::setThumbnails(bool on) {
  SessionWorker::Command c(Kind::Thumbnails);
  c.flag = on;
  m_worker->post(std::move(c));
}

void TrainingSession::setMapOverNetworkInputs(bool on) {
  SessionWorker::Command c(Kind::MapSpace);
  c.flag = on;
  m_worker->post(std::move(c));
}

dl::ExperimentConfig TrainingSession::config() const { return m_config; }

}  // namespace dlui
