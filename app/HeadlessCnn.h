// The CNN lab's headless entry: dlplay --headless --lab cnn (--preset NAME | --config cnn.json)
// [--steps N] [--seed N] [--threads N] [--metrics out.csv] [--quiet].
#pragma once

#include <QString>

#include <string>

class QCommandLineParser;

namespace dlapp {

int runCnn(const QCommandLineParser& parser);
// A CNN preset's one-line description. Throws dlio::IoError for a broken preset.
std::string describeCnnPreset(const QString& preset);

}  // namespace dlapp
