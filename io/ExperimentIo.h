// The experiment file format (docs/experiment-format.md): the whole ExperimentConfig and,
// optionally, the trained state (weights, optimiser state, data order, counters) as JSON.
// Reading never changes anything until the whole file is known to be valid.
#pragma once

#include "config/Config.h"
#include "train/Trainer.h"

#include <QJsonObject>
#include <QString>

#include <optional>
#include <stdexcept>

namespace dlio {

inline constexpr int kFormatVersion = 1;
inline constexpr qint64 kMaxJsonBytes = 64LL * 1024 * 1024;

// A file could not be used. message() is one line: "<file>: <what>", naming the field and value.
class IoError : public std::runtime_error {
public:
  explicit IoError(const QString& message) : std::runtime_error(message.toStdString()), m_message(message) {}
  const QString& message() const { return m_message; }

private:
  QString m_message;
};

// An experiment file: the configuration and, when it was saved from a trained run, its state.
struct ExperimentFile {
  dl::ExperimentConfig config;
  std::optional<dl::TrainerState> state;
};

// JSON ⇄ configuration. fromJson throws dl::ConfigError naming the dotted field path.
QJsonObject configToJson(const dl::ExperimentConfig& c);
// The "schedule" object, shared by every file that carries a learning-rate schedule (experiments,
// landscape races). scheduleFromJson starts from `s` (the defaults) and names fields "schedule.…".
QJsonObject scheduleToJson(const dl::ScheduleConfig& s);
void scheduleFromJson(const QJsonObject& o, dl::ScheduleConfig& s);
dl::ExperimentConfig configFromJson(const QJsonObject& o);
QJsonObject stateToJson(const dl::TrainerState& s);
dl::TrainerState stateFromJson(const QJsonObject& o);

// Files. Throw IoError with the file name, the field and the bad value. read* validates the
// configuration (ExperimentConfig::validate) before returning.
ExperimentFile readExperimentFile(const QString& path);
ExperimentFile parseExperiment(const QByteArray& json, const QString& nameForErrors);
// Written atomically (io/OutputFile.h): a failed write leaves the old file as it was. A CSV in the
// file's folder or below is stored relative to it; a relative CSV path read back resolves from the
// experiment file's folder, not the working directory.
void writeExperimentFile(const QString& path, const dl::ExperimentConfig& c, const dl::TrainerState* state = nullptr);
// The bytes writeExperimentFile writes to `path`.
QByteArray experimentFileBytes(const QString& path, const dl::ExperimentConfig& c,
                               const dl::TrainerState* state = nullptr);

}  // namespace dlio
