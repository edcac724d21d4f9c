// Window-responsiveness benchmark: a real MainWindow trains reference configuration B
// (../shared/perf/README.md) flat out while we measure the GUI event loop's stalls, the live
// chart's repaints per second, the training rate against the bare engine and resident memory.
// A report, never a timed test: prints one Markdown table (measure, value, target, met).
//
// usage: dlplay_gui_bench [--seconds S] [--steps N] [--headless-seconds S] [--threads T]
//   Runs until at least S seconds of play AND N steps (defaults 20 s, 1,000,000 steps).
//   The headless engine is timed for --headless-seconds (default 4) before and after the window.
// Run with QT_QPA_PLATFORM=offscreen (scripts/gui-bench.sh does).
//
// What is measured, from the first running snapshot to the last: gaps between the callbacks of a
// 1 ms PreciseTimer on the GUI thread; QEvent::Paint on the visible loss chart's QGraphicsView
// viewport (the offscreen platform paints like a real one); steps of run 0 per wall second and per
// CPU-second of the training thread (/proc/self/task), against a dl::Trainer stepped here before
// and after the window; VmRSS. A QApplication::notify override times every event the GUI thread
// dispatches (wall and thread CPU), so a missed target comes with the handlers that caused it.
// Other processes' CPU use is printed too: on a shared machine they take cores from both threads.
#include "MainWindow.h"
#include "core/Parallel.h"
#include "io/ExperimentIo.h"
#include "plots/ChartPanel.h"
#include "plots/PlotWidget.h"
#include "session/TrainingSession.h"
#include "train/Trainer.h"
#include "widgets/TransportBar.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QEvent>
#include <QGraphicsView>
#include <QSettings>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <sys/resource.h>
#include <unistd.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  double seconds = 20;
  long long steps = 1000000;
  double headlessSeconds = 4;
  int threads = 0;  // 0 = QThread::idealThreadCount(), as the app does
};

[[noreturn]] void usage(int code) {
  std::fprintf(code ? stderr : stdout,
               "usage: dlplay_gui_bench [--seconds S] [--steps N] [--headless-seconds S] [--threads T]\n");
  std::exit(code);
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "-h" || a == "--help") usage(0);
    if (i + 1 >= argc) usage(2);
    const char* v = argv[++i];
    if (a == "--seconds")
      o.seconds = std::atof(v);
    else if (a == "--steps")
      o.steps = std::atoll(v);
    else if (a == "--headless-seconds")
      o.headlessSeconds = std::atof(v);
    else if (a == "--threads")
      o.threads = std::atoi(v);
    else
      usage(2);
  }
  if (!(o.seconds >= 0) || o.steps < 1 || !(o.headlessSeconds > 0)) usage(2);
  return o;
}

// Configuration B: 3-arm spiral of 2001 points, 2-64-64-64-3 ReLU, batch 64, momentum 0.9, lr 0.03.
dl::ExperimentConfig configB() {
  dl::ExperimentConfig c;
  c.name = "gui-bench-B";
  c.description = "3-arm spiral, 2-64-64-64-3 ReLU, batch 64, momentum 0.9, lr 0.03";
  c.data.source = "spiral";
  c.data.arms = 3;
  c.data.points = 2001;
  c.data.noise = 0.2;
  c.data.validationFraction = 0.0;
  c.data.standardize = false;
  c.hidden.assign(3, dl::LayerConfig{});
  for (dl::LayerConfig& l : c.hidden) {
    l.units = 64;
    l.activation = "relu";
  }
  c.init.scheme = "he_uniform";
  c.optimizer.name = "momentum";
  c.optimizer.learningRate = 0.03;
  c.optimizer.momentum = 0.9;
  c.training.batchSize = 64;
  c.training.loss = "softmax_ce";
  c.training.seed = 1;
  return c;
}

double rssMb() {
  std::ifstream f("/proc/self/status");
  std::string line;
  while (std::getline(f, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::atof(line.c_str() + 6) / 1024.0;  // kB
  return -1;
}

// CPU seconds of the calling thread (RUSAGE_THREAD) or of the whole process (RUSAGE_SELF).
double cpuSeconds(int who) {
  rusage u{};
  getrusage(who, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         1e-6 * static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}

// CPU seconds of every thread of this process, by thread id (/proc/self/task/*/stat).
std::map<int, double> threadCpuSeconds() {
  std::map<int, double> out;
  const double tick = static_cast<double>(sysconf(_SC_CLK_TCK));
  for (const auto& e : std::filesystem::directory_iterator("/proc/self/task")) {
    std::ifstream f(e.path() / "stat");
    std::string line;
    std::getline(f, line);
    const auto close = line.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream rest(line.substr(close + 2));
    std::string field;
    double utime = 0, stime = 0;
    for (int i = 3; i <= 15 && rest >> field; ++i) {  // fields 14 and 15: utime, stime
      if (i == 14) utime = std::atof(field.c_str());
      if (i == 15) stime = std::atof(field.c_str());
    }
    out[std::atoi(e.path().filename().c_str())] = (utime + stime) / tick;
  }
  return out;
}

// Busy CPU seconds of the whole machine (all cores, every process) from /proc/stat.
double machineBusySeconds() {
  std::ifstream f("/proc/stat");
  std::string cpu;
  double v[8] = {};
  f >> cpu;
  for (double& x : v) f >> x;
  const double idle = v[3] + v[4];
  double total = 0;
  for (double x : v) total += x;
  return (total - idle) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

struct Rate {
  double stepsPerSecond = 0;
  double stepsPerCpuSecond = 0;  // per CPU-second of the training thread
};

// The bare engine on the same configuration and thread count, diagnostics on (as in the window).
Rate headlessRate(const dl::ExperimentConfig& c, double seconds) {
  dl::Trainer t(c);
  t.setDiagnostics(true);
  for (int i = 0; i < 200; ++i) t.step();  // warm-up
  const auto t0 = Clock::now();
  const double cpu0 = cpuSeconds(RUSAGE_THREAD);
  long long n = 0;
  double elapsed = 0;
  do {
    for (int i = 0; i < 64; ++i) t.step();
    n += 64;
    elapsed = std::chrono::duration<double>(Clock::now() - t0).count();
  } while (elapsed < seconds);
  return {static_cast<double>(n) / elapsed, static_cast<double>(n) / (cpuSeconds(RUSAGE_THREAD) - cpu0)};
}

// Gaps between timer callbacks in 0.05 ms bins up to 5 s; percentiles from the bins (no growth).
class GapHistogram {
public:
  static constexpr double kBinMs = 0.05;
  void add(double ms) {
    const auto b = static_cast<std::size_t>(std::min(ms / kBinMs, static_cast<double>(m_bins.size() - 1)));
    ++m_bins[b];
    ++m_count;
    m_max = std::max(m_max, ms);
  }
  double percentile(double p) const {
    const auto want = static_cast<long long>(p * static_cast<double>(m_count));
    long long seen = 0;
    for (std::size_t b = 0; b < m_bins.size(); ++b) {
      seen += m_bins[b];
      if (seen > want) return (static_cast<double>(b) + 1) * kBinMs;  // upper edge of the bin
    }
    return m_max;
  }
  double max() const { return m_max; }
  long long count() const { return m_count; }
  long long over(double ms) const {
    long long n = 0;
    for (std::size_t b = static_cast<std::size_t>(ms / kBinMs); b < m_bins.size(); ++b) n += m_bins[b];
    return n;
  }

private:
  std::vector<long long> m_bins = std::vector<long long>(100000, 0);
  long long m_count = 0;
  double m_max = 0;
};

// Counts paint events of one widget (the chart view's viewport).
class PaintCounter : public QObject {
public:
  using QObject::QObject;
  long long count = 0;
  bool eventFilter(QObject* watched, QEvent* event) override {
    if (event->type() == QEvent::Paint) ++count;
    return QObject::eventFilter(watched, event);
  }
};

// Times every event the GUI thread delivers: top-level deliveries (one event-loop dispatch each)
// by receiver class and event type, and paint events by widget class at any depth. Tells where a
// stall comes from without a profiler.
class TimedApplication : public QApplication {
public:
  using QApplication::QApplication;
  struct Cost {
    double totalMs = 0, maxMs = 0;   // wall time
    double cpuMs = 0, maxCpuMs = 0;  // the GUI thread's CPU time (excludes waiting for a core)
    long long count = 0;
    long long over20 = 0;  // dispatches of 20 ms or more (wall)
  };
  bool recording = false;
  std::map<std::string, Cost> dispatches, paints;

  bool notify(QObject* receiver, QEvent* event) override {
    if (!recording || QThread::currentThread() != thread()) return QApplication::notify(receiver, event);
    const int type = event->type();
    const bool paint = type == QEvent::Paint;
    const char* cls = receiver->metaObject()->className();  // before: the event may delete the receiver
    const auto t0 = Clock::now();
    const double cpu0 = threadCpuMs();
    ++m_depth;
    const bool result = QApplication::notify(receiver, event);
    --m_depth;
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    const double cpu = threadCpuMs() - cpu0;
    auto add = [ms, cpu](Cost& c) {
      c.totalMs += ms;
      c.maxMs = std::max(c.maxMs, ms);
      c.cpuMs += cpu;
      c.maxCpuMs = std::max(c.maxCpuMs, cpu);
      ++c.count;
      c.over20 += ms >= 20;
    };
    if (m_depth == 0) add(dispatches[std::string(cls) + " / " + eventName(type)]);
    if (paint) add(paints[cls]);
    return result;
  }

  static void print(const char* title, const std::map<std::string, Cost>& costs, double seconds, std::size_t n) {
    std::vector<std::pair<std::string, Cost>> v(costs.begin(), costs.end());
    std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second.totalMs > b.second.totalMs; });
    std::printf("# %s — per second of play: wall ms (CPU ms), count; longest wall (CPU) ms; how many took >= 20 ms:\n",
                title);
    for (std::size_t i = 0; i < std::min(n, v.size()); ++i) {
      const Cost& c = v[i].second;
      std::printf("#   %-46s %6.1f (%5.1f) ms/s %6.1f /s  max %5.1f (%5.1f) ms  %lld\n", v[i].first.c_str(),
                  c.totalMs / seconds, c.cpuMs / seconds, static_cast<double>(c.count) / seconds, c.maxMs, c.maxCpuMs,
                  c.over20);
    }
  }

private:
  static double threadCpuMs() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return 1e3 * static_cast<double>(t.tv_sec) + 1e-6 * static_cast<double>(t.tv_nsec);
  }
  static std::string eventName(int type) {
    switch (type) {
      case QEvent::Timer:
        return "Timer";
      case QEvent::MetaCall:
        return "MetaCall (queued call)";
      case QEvent::UpdateRequest:
        return "UpdateRequest (repaint)";
      case QEvent::LayoutRequest:
        return "LayoutRequest";
      case QEvent::Paint:
        return "Paint";
      default:
        return "event " + std::to_string(type);
    }
  }
  int m_depth = 0;
};

// Runs the event loop until pred() holds or timeoutMs passes.
bool waitUntil(const std::function<bool()>& pred, int timeoutMs) {
  QElapsedTimer t;
  t.start();
  while (!pred()) {
    if (t.elapsed() > timeoutMs) return false;
    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    QThread::msleep(1);
  }
  return true;
}

std::string fmt(const char* f, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, f, v);
  return buf;
}

std::string loadAverage() {
  std::ifstream f("/proc/loadavg");
  std::string a, b, c;
  f >> a >> b >> c;
  return a + " " + b + " " + c;
}

}  // namespace

int main(int argc, char** argv) {
  const Options opt = parse(argc, argv);
  TimedApplication app(argc, argv);
  // Settings of the benchmark never mix with a user's.
  QCoreApplication::setOrganizationName(QStringLiteral("dlplay-bench"));
  QCoreApplication::setApplicationName(QStringLiteral("dlplay_gui_bench"));
  QSettings().clear();

  const int threads = opt.threads > 0 ? opt.threads : std::max(1, QThread::idealThreadCount());
  dl::setThreadCount(threads);
  const dl::ExperimentConfig config = configB();
  std::printf("# dlplay_gui_bench: config B, %d thread(s), platform %s, load %s\n", threads,
              qPrintable(QGuiApplication::platformName()), loadAverage().c_str());
  std::fflush(stdout);

  const Rate headlessBefore = headlessRate(config, opt.headlessSeconds);
  std::printf("# headless before: %.0f steps/s (%.0f per CPU-second)\n", headlessBefore.stepsPerSecond,
              headlessBefore.stepsPerCpuSecond);
  std::fflush(stdout);

  GapHistogram gaps;
  PaintCounter paints;
  double rssStart = 0, rss1e5 = -1, rss1e6 = -1;
  long long stepsAtPlay = -1, lastStep = 0, snapshots = 0;
  Clock::time_point playStart{}, lastSnapshotAt{};
  double windowRate = 0, playedSeconds = 0;
  double guiCpu0 = 0, guiCpu = 0, procCpu0 = 0, procCpu = 0, busy0 = 0, busy = 0, workerCpu = 0;
  std::map<int, double> threadCpu0;
  QSize chartSize, windowSize;
  {
    dlui::TrainingSession session;
    dlui::MainWindow window(&session);
    window.setErrorReporter([](const QString& m) { std::fprintf(stderr, "window error: %s\n", qPrintable(m)); });
    window.resize(1366, 768);
    window.show();

    // Load configuration B the way a user does: an experiment file opened in the window.
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("config-b.json"));
    dlio::writeExperimentFile(path, config);
    if (!window.openExperiment(path)) return 1;
    auto isB = [&] {
      const dlui::SnapshotPtr s = window.lastSnapshot();
      return s && s->config.name == config.name && s->runs.size() == 1 && s->runs[0].step == 0;
    };
    if (!waitUntil(isB, 20000)) {
      std::fprintf(stderr, "configuration B never reached the window\n");
      return 1;
    }
    waitUntil([] { return false; }, 500);  // let the first grid and layout settle

    // The visible chart: the current tab's chart view; its viewport receives the paint events.
    dlui::ChartPanel* panel = qobject_cast<dlui::ChartPanel*>(window.chartDock()->widget());
    dlui::PlotWidget* chart = panel ? panel->currentChart() : nullptr;
    const QList<QGraphicsView*> views = chart ? chart->findChildren<QGraphicsView*>() : QList<QGraphicsView*>{};
    if (views.isEmpty() || !views.front()->isVisible()) {
      std::fprintf(stderr, "no visible chart view\n");
      return 1;
    }
    views.front()->viewport()->installEventFilter(&paints);
    chartSize = views.front()->size();
    windowSize = window.size();
    rssStart = rssMb();

    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(1);
    Clock::time_point lastTick{};
    QObject::connect(&ticker, &QTimer::timeout, [&] {
      const auto now = Clock::now();
      if (lastTick != Clock::time_point{}) gaps.add(std::chrono::duration<double, std::milli>(now - lastTick).count());
      lastTick = now;
    });

    QObject::connect(&window, &dlui::MainWindow::snapshotApplied, [&](const dlui::SnapshotPtr& s) {
      if (!s || s->runs.empty() || !s->running) return;
      const long long step = s->runs.front().step;
      const auto now = Clock::now();
      if (stepsAtPlay < 0) {  // the first running snapshot starts the clocks
        stepsAtPlay = step;
        playStart = now;
        paints.count = 0;
        lastTick = {};
        guiCpu0 = cpuSeconds(RUSAGE_THREAD);
        procCpu0 = cpuSeconds(RUSAGE_SELF);
        busy0 = machineBusySeconds();
        threadCpu0 = threadCpuSeconds();
        ticker.start();
        return;
      }
      ++snapshots;
      lastStep = step;
      lastSnapshotAt = now;
      if (rss1e5 < 0 && step >= 100000) rss1e5 = rssMb();
      if (rss1e6 < 0 && step >= 1000000) rss1e6 = rssMb();
      const double played = std::chrono::duration<double>(now - playStart).count();
      if (played >= opt.seconds && step >= opt.steps) {
        ticker.stop();
        guiCpu = cpuSeconds(RUSAGE_THREAD) - guiCpu0;
        procCpu = cpuSeconds(RUSAGE_SELF) - procCpu0;
        busy = machineBusySeconds() - busy0;
        // The training thread: the busiest thread besides this one.
        for (const auto& [tid, cpu] : threadCpuSeconds())
          if (tid != static_cast<int>(gettid()) && threadCpu0.count(tid))
            workerCpu = std::max(workerCpu, cpu - threadCpu0[tid]);
        window.transport()->playAction()->setChecked(false);
        QCoreApplication::quit();
      }
    });

    window.transport()->setSpeed(0);
    session.setSpeed(0);  // flat out (the slider's "max" sends it too)
    window.transport()->playAction()->setChecked(true);
    app.recording = true;
    QApplication::exec();
    app.recording = false;

    playedSeconds = std::chrono::duration<double>(lastSnapshotAt - playStart).count();
    windowRate = playedSeconds > 0 ? static_cast<double>(lastStep - stepsAtPlay) / playedSeconds : 0;
    std::printf(
        "# window: %lld steps in %.1f s, %lld snapshots, window %dx%d, chart view %dx%d, load %s\n"
        "# CPU while playing (%% of one core): GUI thread %.0f, training thread %.0f, this process %.0f, "
        "other processes %.0f (%d cores)\n",
        lastStep - stepsAtPlay, playedSeconds, snapshots, windowSize.width(), windowSize.height(), chartSize.width(),
        chartSize.height(), loadAverage().c_str(), 100 * guiCpu / playedSeconds, 100 * workerCpu / playedSeconds,
        100 * procCpu / playedSeconds, 100 * std::max(0.0, busy - procCpu) / playedSeconds,
        QThread::idealThreadCount());
    TimedApplication::print("GUI thread, slowest event dispatches", app.dispatches, playedSeconds, 6);
    TimedApplication::print("GUI thread, paint events by widget", app.paints, playedSeconds, 6);
    std::fflush(stdout);
  }
  const Rate headlessAfter = headlessRate(config, opt.headlessSeconds);
  const double headless = 0.5 * (headlessBefore.stepsPerSecond + headlessAfter.stepsPerSecond);
  const double headlessPerCpu = 0.5 * (headlessBefore.stepsPerCpuSecond + headlessAfter.stepsPerCpuSecond);
  std::printf("# headless after: %.0f steps/s (%.0f per CPU-second)\n\n", headlessAfter.stepsPerSecond,
              headlessAfter.stepsPerCpuSecond);
  QSettings().clear();

  const double p50 = gaps.percentile(0.50), p99 = gaps.percentile(0.99), maxGap = gaps.max();
  const double paintsPerSecond = playedSeconds > 0 ? static_cast<double>(paints.count) / playedSeconds : 0;
  const double ratio = headless > 0 ? windowRate / headless : 0;
  const double windowPerCpu = workerCpu > 0 ? static_cast<double>(lastStep - stepsAtPlay) / workerCpu : 0;
  const double ratioPerCpu = headlessPerCpu > 0 ? windowPerCpu / headlessPerCpu : 0;
  auto met = [](bool ok) { return ok ? "met" : "**not met**"; };
  auto mb = [](double v) { return v < 0 ? std::string("— (not reached)") : fmt("%.0f MB", v); };

  std::printf("| measure | value | target | met |\n|---|---:|---|---|\n");
  std::printf("| GUI event-loop gap p50 (1 ms PreciseTimer, %lld gaps) | %.2f ms | — | — |\n", gaps.count(), p50);
  std::printf("| GUI event-loop gap p99 | %.2f ms | < 20 ms | %s |\n", p99, met(p99 < 20));
  std::printf("| GUI event-loop gap max (gaps > 50 ms: %lld) | %.1f ms | — | — |\n", gaps.over(50), maxGap);
  std::printf("| loss-chart repaints/s (Paint events on the view's viewport) | %.1f | ≥ 30 | %s |\n", paintsPerSecond,
              met(paintsPerSecond >= 30));
  std::printf("| training steps/s in the window | %.0f | — | — |\n", windowRate);
  std::printf("| headless engine steps/s (diagnostics on, %d thread(s); before / after) | %.0f / %.0f | — | — |\n",
              threads, headlessBefore.stepsPerSecond, headlessAfter.stepsPerSecond);
  std::printf("| window / headless, steps per wall second | %.0f%% | ≥ 80%% | %s |\n", 100 * ratio, met(ratio >= 0.8));
  std::printf("| window / headless, steps per CPU-second of the training thread (%.0f / %.0f) | %.0f%% | — | — |\n",
              windowPerCpu, headlessPerCpu, 100 * ratioPerCpu);
  const bool reached = rss1e6 >= 0;
  const double peak = std::max({rssStart, rss1e5, rss1e6});
  const bool flat = rss1e5 >= 0 && (!reached || rss1e6 - rss1e5 < 0.1 * rss1e5);
  std::printf("| VmRSS at start / 10⁵ steps / 10⁶ steps | %s / %s / %s | flat, < 300 MB | %s |\n", mb(rssStart).c_str(),
              mb(rss1e5).c_str(), mb(rss1e6).c_str(),
              !reached ? "n/a (run with --steps 1000000)" : met(flat && peak < 300));
  return 0;
}
