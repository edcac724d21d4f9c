// The landscape lab's files: a race (surface, start, racers, shared hyperparameters, schedule,
// noise) as JSON marked "lab": "landscape", read as strictly as experiment files, and the
// trajectory CSV the headless run writes (docs/presets.md, "Optimiser landscape lab").
#pragma once

#include "io/ExperimentIo.h"
#include "surface/Race.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace dlio {

inline constexpr int kLandscapeFormatVersion = 1;

QJsonObject raceToJson(const dl::surface::RaceConfig& c);
// Throws IoError "<source>: field 'x' has bad value 'v': why" (one line) for invalid JSON, a file
// without "lab": "landscape", an unknown key, a wrong type or a value the race refuses.
dl::surface::RaceConfig parseRace(const QByteArray& json, const QString& source);
dl::surface::RaceConfig readRaceFile(const QString& path);
// A landscape preset (:/presets/<name>.json). Throws IoError for an unknown name.
dl::surface::RaceConfig readRacePreset(const QString& name);
void writeRaceFile(const QString& path, const dl::surface::RaceConfig& c);

// The trajectory CSV: one row per enabled racer per step, step 0 being the start, up to the step
// a racer diverged at. Columns: step,optimizer,x,y,loss,grad_norm,distance,learning_rate,diverged
// (optimizer is the racer's label: "adam", or "momentum@3.7" when one optimiser races twice;
// learning_rate is the scheduled rate of the step that arrived there, the base rate at step 0;
// distance is empty when the surface has no known minimum).
QString trajectoryCsvHeader();
// The rows of racer i's current state (call after each Race::step(), and once before the first).
QString trajectoryCsvRow(const dl::surface::Race& race, std::size_t racer);

}  // namespace dlio
