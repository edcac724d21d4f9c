// The window mode: language, session, main window, optional experiment from the command line.
#include "Gui.h"

#include "Language.h"
#include "MainWindow.h"
#include "core/Parallel.h"
#include "labs/playground/TrainingSession.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QThread>

namespace dlapp {

int runGui(const QCommandLineParser& parser) {
  // The icon of every window, and the menu entry it belongs to (Wayland matches windows to
  // dlplay.desktop by this name, X11 by the window class "dlplay").
  QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/dlplay.svg")));
  QGuiApplication::setDesktopFileName(QStringLiteral("dlplay"));
  dlui::setLanguage(dlui::initialLanguage(), false);
  dl::setThreadCount(std::max(1, QThread::idealThreadCount()));
  dlui::TrainingSession session;
  dlui::MainWindow window(&session);
  if (parser.isSet("preset"))
    window.loadPreset(parser.value("preset"));
  else if (parser.isSet("config"))
    window.openExperiment(parser.value("config"));
  window.show();
  return QApplication::exec();
}

}  // namespace dlapp
