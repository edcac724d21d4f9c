// dlplay: the window by default; --headless trains from the command line.
#include "Headless.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstring>
#include <memory>

#ifdef DLPLAY_WITH_GUI
#include "Gui.h"

#include <QApplication>
#endif

int main(int argc, char** argv) {
  bool headless = false;
  for (int i = 1; i < argc; ++i)
    headless = headless || !std::strcmp(argv[i], "--headless") || !std::strcmp(argv[i], "--list-presets") ||
               !std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h") || !std::strcmp(argv[i], "--version");
#ifndef DLPLAY_WITH_GUI
  headless = true;
#endif
  std::unique_ptr<QCoreApplication> app;
#ifdef DLPLAY_WITH_GUI
  if (!headless) app = std::make_unique<QApplication>(argc, argv);
#endif
  if (!app) app = std::make_unique<QCoreApplication>(argc, argv);
  QCoreApplication::setApplicationName("dlplay");
  QCoreApplication::setOrganizationName("dlplay");
  QCoreApplication::setApplicationVersion(DLPLAY_VERSION);

  QCommandLineParser parser;
  parser.setApplicationDescription("dlplay — a deep-learning playground: see what training does inside a network.");
  parser.addHelpOption();
  parser.addVersionOption();
  dlapp::addHeadlessOptions(parser);
  if (!parser.parse(QCoreApplication::arguments())) {
    std::fprintf(stderr, "error: %s\n", parser.errorText().toLocal8Bit().constData());
    return dlapp::BadInput;
  }
  if (parser.isSet("help")) parser.showHelp(0);
  if (parser.isSet("version")) parser.showVersion();
  if (parser.isSet("list-presets")) return dlapp::listPresets(parser);
  if (parser.isSet("headless")) return dlapp::runHeadless(parser);
  if (parser.isSet("lab"))
    if (const int bad = dlapp::checkLab(parser)) return bad;
#ifdef DLPLAY_WITH_GUI
  return dlapp::runGui(parser);
#else
  std::fprintf(stderr, "error: this build has no window (DLPLAY_BUILD_GUI=OFF); use --headless\n");
  return dlapp::BadInput;
#endif
}
