// dlplay_screens: a screenshot of the main window after training each built-in preset, for a
// person to look at (scripts/screens.sh runs it for every layout). Run offscreen.
//
// usage: dlplay_screens --out DIR [--presentation] [--languages en,zh] [--presets a,b,...]
//                       [--seconds S]
//   The window fills the primary screen (scripts/screens.sh sets the offscreen screen's size).
//   --presentation  turns on View → Presentation mode (its menu action) before the first preset.
//   For each language (View → Language) and each preset (its Presets menu action, as a user
//   loads it): training runs to the preset's own step count (training.steps, the length its claim
//   is tested at) — exactly, the last steps one at a time — or until it diverges, at most S
//   seconds (default 8); then the charts, the map and the diagram settle and the window is
//   grabbed into DIR/<preset>-<language>.png. One line per screenshot on stdout. Training uses one
//   thread (a process per layout runs side by side).
//   Exit status: 0, or 1 when a preset could not be loaded or a file not written.
#include "Language.h"
#include "MainWindow.h"
#include "labs/Lab.h"
#include "core/Parallel.h"
#include "io/PresetCatalog.h"
#include "io/Presets.h"
#include "labs/playground/TransportBar.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QMenu>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>

namespace {

struct Options {
  QString out;
  bool presentation = false;
  QStringList languages = {QStringLiteral("en"), QStringLiteral("zh")};
  QStringList presets;  // empty: every preset, in the Presets menu's order
  double seconds = 8;
};

[[noreturn]] void usage(int code) {
  std::fprintf(code ? stderr : stdout,
               "usage: dlplay_screens --out DIR [--presentation] [--languages en,zh] [--presets a,b] [--seconds S]\n");
  std::exit(code);
}

Options parse(const QStringList& args) {
  Options o;
  for (int i = 1; i < args.size(); ++i) {
    const QString& a = args[i];
    if (a == QLatin1String("-h") || a == QLatin1String("--help")) usage(0);
    if (a == QLatin1String("--presentation")) {
      o.presentation = true;
      continue;
    }
    if (i + 1 >= args.size()) usage(2);
    const QString v = args[++i];
    if (a == QLatin1String("--out"))
      o.out = v;
    else if (a == QLatin1String("--languages"))
      o.languages = v.split(QLatin1Char(','), Qt::SkipEmptyParts);
    else if (a == QLatin1String("--presets"))
      o.presets = v.split(QLatin1Char(','), Qt::SkipEmptyParts);
    else if (a == QLatin1String("--seconds"))
      o.seconds = v.toDouble();
    else
      usage(2);
  }
  if (o.out.isEmpty() || o.languages.isEmpty() || !(o.seconds > 0)) usage(2);
  return o;
}

// Runs the event loop until pred() holds or timeoutMs passes.
bool waitUntil(const std::function<bool()>& pred, int timeoutMs) {
  QElapsedTimer t;
  t.start();
  while (!pred()) {
    if (t.elapsed() > timeoutMs) return false;
    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    // deleteLater() as in the running application (processEvents alone never deletes).
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QThread::msleep(2);
  }
  return true;
}

void settle(int ms) {
  waitUntil([] { return false; }, ms);
}

// The presets in the Presets menu's order (its groups, then any file the catalogue does not list).
QStringList menuOrder() {
  const QStringList files = dlio::presetNames();
  QStringList out;
  for (const dlio::PresetGroup& g : dlio::PresetCatalog::builtIn().groups())
    for (const QString& name : g.presets)
      if (files.contains(name) && !out.contains(name)) out << name;
  for (const QString& name : files)
    if (!out.contains(name)) out << name;
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  const Options opt = parse(QCoreApplication::arguments());
  // Settings of their own: a user's layout, language or last experiment never leak in, and a
  // teacher's view is shown (the first-run hint already dismissed).
  QCoreApplication::setOrganizationName(QStringLiteral("dlplay-screens"));
  QCoreApplication::setApplicationName(QStringLiteral("dlplay_screens"));
  QSettings().clear();
  QSettings().setValue(QStringLiteral("hints/firstRunDismissed"), true);
  // One training thread: scripts/screens.sh runs a process per layout side by side.
  dl::setThreadCount(1);
  if (!QDir().mkpath(opt.out)) {
    std::fprintf(stderr, "error: cannot create %s\n", qPrintable(opt.out));
    return 1;
  }

  dlui::MainWindow window;
  window.setErrorReporter([](const QString& m) { std::fprintf(stderr, "  window error: %s\n", qPrintable(m)); });
  const QSize screen = QGuiApplication::primaryScreen()->size();
  window.resize(screen);
  window.show();
  settle(300);
  if (opt.presentation) {
    auto* action = window.findChild<QAction*>(QStringLiteral("presentationAction"));
    if (!action) {
      std::fprintf(stderr, "error: no View → Presentation mode action\n");
      return 1;
    }
    if (!action->isChecked()) action->trigger();
    settle(300);
  }
  window.transport()->setSpeed(0);  // "max" on the slider; each preset is paced below

  const QStringList presets = opt.presets.isEmpty() ? menuOrder() : opt.presets;
  std::printf("# dlplay_screens: %d presets × %d language(s), window %dx%d%s → %s\n", int(presets.size()),
              int(opt.languages.size()), window.width(), window.height(), opt.presentation ? ", presentation mode" : "",
              qPrintable(QDir(opt.out).absolutePath()));
  std::fflush(stdout);
  int failures = 0;
  for (const QString& language : opt.languages) {
    // View → Language, as a user switches.
    bool switched = false;
    for (QAction* a : window.languageMenu()->actions())
      if (a->data().toString() == language) {
        a->trigger();
        switched = true;
      }
    if (!switched) {
      std::fprintf(stderr, "error: no language %s in View → Language\n", qPrintable(language));
      return 1;
    }
    settle(200);
    for (const QString& name : presets) {
      QElapsedTimer clock;
      clock.start();
      auto* action = window.findChild<QAction*>(name);
      // Another lab's preset: loaded from the menu as a user would, brought to the state its claim
      // is tested at by the lab itself.
      if (const dlio::PresetEntry* e = dlio::PresetCatalog::builtIn().entry(name);
          e && e->lab != QLatin1String("playground")) {
        if (!action) {
          std::fprintf(stderr, "error: %s is not in the Presets menu\n", qPrintable(name));
          ++failures;
          continue;
        }
        action->trigger();
        dlui::Lab* lab = window.lab(e->lab);
        const bool finished = lab && window.currentLab() == e->lab && lab->finish(static_cast<int>(opt.seconds * 1000));
        settle(400);
        const QString file = QDir(opt.out).filePath(QStringLiteral("%1-%2.png").arg(name, language));
        const bool saved = window.grab().save(file);
        if (!saved || !finished) ++failures;
        std::printf("%-32s %s  %s  %5.1f s  %s\n", qPrintable(name), qPrintable(language),
                    finished ? "finished" : "NOT FINISHED", clock.elapsed() / 1000.0,
                    saved ? qPrintable(QFileInfo(file).fileName()) : "NOT WRITTEN");
        std::fflush(stdout);
        continue;
      }
      long long target = 0;
      try {
        target = dlio::readPreset(name).config.training.steps;
      } catch (const std::exception&) {
      }
      if (!action || target <= 0) {
        std::fprintf(stderr, "error: %s is not in the Presets menu or has no step count\n", qPrintable(name));
        ++failures;
        continue;
      }
      action->trigger();  // the Presets menu's route: controls, view, note, watch line
      // The playground brings the run to its step count (or its divergence) itself, as the other
      // labs do: the picture is the state the preset's claim is tested at, not where a pause landed.
      const bool finished = window.lab(QStringLiteral("playground"))->finish(static_cast<int>(opt.seconds * 1000));
      const dlui::SnapshotPtr last = window.lastSnapshot();
      if (!last || QString::fromStdString(last->config.name) != name || last->runs.empty()) {
        std::fprintf(stderr, "error: %s never reached the window\n", qPrintable(name));
        ++failures;
        continue;
      }
      if (!finished) ++failures;  // shown anyway, and said below ("time budget")
      auto step = [&] { return window.lastSnapshot()->runs[0].step; };
      auto diverged = [&] {
        for (const dlui::RunSnapshot& r : window.lastSnapshot()->runs)
          if (r.divergence) return true;
        return false;
      };
      // The charts redraw, the diagram's render thread delivers, the metrics report arrives.
      settle(400);
      const QString file = QDir(opt.out).filePath(QStringLiteral("%1-%2.png").arg(name, language));
      const bool saved = window.grab().save(file);
      if (!saved) ++failures;
      if (step() != target && !diverged())  // said on stderr too: the summary of screens.sh shows it
        std::fprintf(stderr, "warning: %s (%s) shown at step %lld, not %lld\n", qPrintable(name), qPrintable(language),
                     step(), target);
      std::printf("%-32s %s  step %6lld of %6lld%s  %5.1f s  %s\n", qPrintable(name), qPrintable(language), step(),
                  target,
                  diverged()           ? " (diverged)"
                  : step() < target    ? " (time budget)"
                  : step() > target    ? " (overshot)"
                                       : "",
                  clock.elapsed() / 1000.0, saved ? qPrintable(QFileInfo(file).fileName()) : "NOT WRITTEN");
      std::fflush(stdout);
    }
  }
  window.close();
  QSettings().clear();
  return failures ? 1 : 0;
}
