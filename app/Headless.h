// dlplay --headless: train an experiment from the command line, write metrics and the model.
#pragma once

class QCommandLineParser;

namespace dlapp {

// Exit codes of the headless mode.
enum ExitCode { Success = 0, BadInput = 2, Diverged = 3 };

void addHeadlessOptions(QCommandLineParser& parser);
int runHeadless(const QCommandLineParser& parser);
int listPresets();

}  // namespace dlapp
