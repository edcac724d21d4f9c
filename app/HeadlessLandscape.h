// The landscape lab's headless entry: dlplay --headless --lab landscape (--preset NAME | --config
// race.json) [--steps N] [--seed N] [--metrics trajectory.csv] [--quiet].
#pragma once

#include <QString>

#include <string>

class QCommandLineParser;

namespace dlapp {

int runLandscape(const QCommandLineParser& parser);
// A landscape preset's one-line description. Throws dlio::IoError for a broken preset.
std::string describeLandscapePreset(const QString& preset);

}  // namespace dlapp
