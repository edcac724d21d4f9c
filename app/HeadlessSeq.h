// The sequence lab's headless entry: dlplay --headless --lab sequence (--preset NAME | --config
// seq.json) [--steps N] [--seed N] [--threads N] [--metrics out.csv] [--quiet].
#pragma once

#include <QString>

#include <string>

class QCommandLineParser;

namespace dlapp {

int runSequence(const QCommandLineParser& parser);
// A sequence preset's one-line description. Throws dlio::IoError for a broken preset.
std::string describeSeqPreset(const QString& preset);

}  // namespace dlapp
