// dlplay's window mode.
#pragma once

class QCommandLineParser;

namespace dlapp {

// Opens the main window: with --config FILE or --preset NAME, that experiment; otherwise the
// last one. Returns the application's exit code.
int runGui(const QCommandLineParser& parser);

}  // namespace dlapp
