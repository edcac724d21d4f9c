// dlplay --headless: train an experiment from the command line, write metrics and the model. Each
// lab (the catalogue's "labs") has its own headless entry; --lab or the preset's lab picks it.
#pragma once

#include "io/OutputFile.h"

#include <QByteArray>
#include <QCommandLineParser>
#include <QString>

#include <cstdint>
#include <functional>
#include <initializer_list>

namespace dlapp {

// Exit codes of the headless mode.
enum ExitCode { Success = 0, BadInput = 2, Diverged = 3 };

void addHeadlessOptions(QCommandLineParser& parser);
// The lab --lab names (or, without it, the --preset's lab; the playground for --config). Exit 2
// with the list of labs for an unknown name. Checked before the window starts too.
int checkLab(const QCommandLineParser& parser);
int runHeadless(const QCommandLineParser& parser);
// Every lab's presets, grouped by lab; with --lab, that lab's, one per line, the name first.
int listPresets(const QCommandLineParser& parser);

// For the labs' headless entries: prints "error: <message>" (one line) to stderr, returns BadInput.
int fail(const QString& message);
// `text` is a whole number in [1, max].
bool positiveInteger(const QString& text, long long& out, long long max);
// --seed's value: a whole number from 0 to 2^64 − 1. False after printing the error line.
bool seedOption(const QString& text, std::uint64_t& out);

// The start every lab's headless entry shares: no positional argument, none of the options in
// `unused` (other labs' options; the message names `labName`, e.g. "the CNN lab"), no empty value
// for the options in `valued`, and exactly one of --config and --preset. Returns 0, or BadInput
// after printing the error line.
int checkLabArguments(const QCommandLineParser& p, const char* lab, const char* labName,
                      std::initializer_list<const char*> unused, std::initializer_list<const char*> valued);
// --steps (a whole number from 1 to 10,000,000, into `steps`) and --threads (1 to 256, set for the
// engine) when given. Returns 0, or BadInput after printing the error line.
int stepsAndThreads(const QCommandLineParser& p, long long& steps);
// What a lab's error lines name: the --config file, or "preset NAME".
QString labSource(const QCommandLineParser& p);
// Runs `read`; an IoError it throws becomes its message as the error line. Returns 0, or BadInput
// after printing the error line.
int readOrFail(const std::function<void()>& read);
// A lab's configuration: --config read by readFile, or else --preset by readPreset. Returns 0, or
// BadInput after printing the error line.
template <class Config>
int readLabConfig(const QCommandLineParser& p, Config& config, Config (*readFile)(const QString&),
                  Config (*readPreset)(const QString&)) {
  return readOrFail([&] { config = p.isSet("config") ? readFile(p.value("config")) : readPreset(p.value("preset")); });
}
// Runs `build` (a lab's trainer made from its configuration and data). An IoError, ConfigError or
// DataError it throws becomes the error line "<source>: <reason>" (source: the --config file or
// "preset NAME"). Returns 0, or BadInput after printing the error line.
int buildLab(const QString& source, const std::function<void()>& build);

// A lab's --metrics file (nothing without the option): never the --config file, opened before the
// first step (so known to be writable), its rows kept and written in blocks of 256 KiB, made to
// appear under its name by finish().
class MetricsFile {
public:
  // Checks and opens --metrics, with `header` (bytes ending in '\n') its first line. Returns 0, or
  // BadInput after printing the error line.
  int open(const QCommandLineParser& p, const QByteArray& header);
  bool enabled() const { return m_enabled; }
  // Adds rows (bytes ending in '\n'); writes what is kept once it passes 256 KiB.
  void add(const QByteArray& rows);
  // Writes the rest and commits. Returns 0, or BadInput after printing the error line.
  int finish();

private:
  bool m_enabled = false;
  dlio::OutputFile m_file;
  QByteArray m_pending;
};

}  // namespace dlapp
