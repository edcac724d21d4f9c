// Window-responsiveness benchmark: a real MainWindow trains reference configuration B
// (../shared/perf/README.md) flat out while we measure the GUI event loop's stalls, the visible
// view's repaints per second, the training rate against the bare engine and resident memory.
// A report, never a timed test: prints Markdown tables (measure, value, target, met).
//
// usage: dlplay_gui_bench [--scenario all|steady|stress|search|cnn|seq] [--seconds S] [--steps N]
//                         [--stress-seconds S] [--stress-interval MS] [--headless-seconds S] [--threads T]
// Run with QT_QPA_PLATFORM=offscreen (scripts/gui-bench.sh does).
//
// Phases, one window, training never paused between them (the watch panel is open throughout,
// showing a preset's "what to watch" line, as after any preset load):
//   loss     the Loss tab in front, until S seconds AND N steps of play (defaults 20 s, 10⁶ steps);
//   metrics  the Metrics tab (confusion matrix, table, ROC) in front, S seconds, on B with 20% of
//            its points held out for validation (the metrics are the validation part's);
//   stress   every MS milliseconds (default 100) a random user action at maximum training speed:
//            ± neuron and ± layer in the controls dock, or a preset from the Presets menu, for
//            --stress-seconds (default 20). Play is pressed again after each action that paused.
//   search   the hyperparameter-search lab shown, a 16-trial search of B-sized trials training on
//            every core (the playground paused, as switching labs does), S seconds or until it ends.
//   cnn      the CNN lab shown with preset cnn-fashion-lenet (Fashion-MNIST, 28×28, LeNet-5-like;
//            the digits when the Debian package is missing, as the lab falls back), trained flat out
//            on its own thread for S seconds with the training tab in front (loss, accuracy and
//            gradient charts, first-layer filters and feature maps redrawn from every snapshot, the
//            test part judged at every evaluation); VmRSS sampled every second of it.
//   seq      the sequence lab with preset seq-adding-cells (RNN, LSTM and GRU of 32 units in lockstep
//            on the adding problem, T = 50), its stop step lifted, trained flat out for S seconds with
//            the gradient-through-time tab in front (three curves, the eigenvalue plane and the heat
//            map redrawn from every snapshot, the insides and test scores in the heavy ones); the
//            same three runs stepped headless for S/4 seconds before, for the window's share.
// The headless engine is timed for --headless-seconds (default 4) before and after the window.
//
// What is measured in each phase: gaps between the callbacks of a 1 ms PreciseTimer on the GUI
// thread (how smooth the window is; count-weighted), and the latency of "pings" — calls posted to
// the GUI thread from another thread every 2–8 ms at random, as input arrives (time-weighted: a
// 400 ms stall answers about 80 pings late); QEvent::Paint on the visible view (the loss chart's
// QGraphicsView viewport, or the metrics view); steps of run 0 per wall second and per CPU-second
// of the training thread (/proc/self/task), against a dl::Trainer stepped here before and after the
// window; VmRSS. A QApplication::notify override times every event the GUI thread dispatches (wall
// and thread CPU), so a missed target comes with the handlers that caused it. Other processes' CPU
// use is printed too: on a shared machine they take cores from both threads.
#include "MainWindow.h"
#include "core/Parallel.h"
#include "labs/cnn/CnnLab.h"
#include "labs/search/SearchLab.h"
#include "labs/search/TrialScatter.h"
#include "labs/sequence/SequenceLab.h"
#include "io/SeqIo.h"
#include "seq/SeqTrainer.h"
#include "io/ExperimentIo.h"
#include "io/PresetCatalog.h"
#include "io/Presets.h"
#include "plots/ChartPanel.h"
#include "plots/LineChart.h"
#include "plots/LossChart.h"
#include "plots/MetricsView.h"
#include "plots/PlotWidget.h"
#include "labs/playground/TrainingSession.h"
#include "train/Trainer.h"
#include "labs/playground/ControlDock.h"
#include "labs/playground/TransportBar.h"
#include "labs/playground/WatchPanel.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QEvent>
#include <QEventLoop>
#include <QGraphicsView>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QToolBox>
#include <QToolButton>

#include <sys/resource.h>
#include <unistd.h>
#include <time.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  std::string scenario = "all";  // all, steady (loss + metrics), stress, search, cnn or seq
  double seconds = 20;           // each steady phase
  long long steps = 1000000;     // the loss phase lasts until this step too
  double stressSeconds = 20;
  int stressIntervalMs = 100;
  double headlessSeconds = 4;
  int threads = 0;  // 0 = QThread::idealThreadCount(), as the app does
};

[[noreturn]] void usage(int code) {
  std::fprintf(code ? stderr : stdout,
               "usage: dlplay_gui_bench [--scenario all|steady|stress|search|cnn|seq] [--seconds S] [--steps N]\n"
               "                        [--stress-seconds S] [--stress-interval MS] [--headless-seconds S] "
               "[--threads T]\n");
  std::exit(code);
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "-h" || a == "--help") usage(0);
    if (i + 1 >= argc) usage(2);
    const char* v = argv[++i];
    if (a == "--scenario")
      o.scenario = v;
    else if (a == "--seconds")
      o.seconds = std::atof(v);
    else if (a == "--steps")
      o.steps = std::atoll(v);
    else if (a == "--stress-seconds")
      o.stressSeconds = std::atof(v);
    else if (a == "--stress-interval")
      o.stressIntervalMs = std::atoi(v);
    else if (a == "--headless-seconds")
      o.headlessSeconds = std::atof(v);
    else if (a == "--threads")
      o.threads = std::atoi(v);
    else
      usage(2);
  }
  if (o.scenario != "all" && o.scenario != "steady" && o.scenario != "stress" && o.scenario != "search" &&
      o.scenario != "cnn" && o.scenario != "seq")
    usage(2);
  if (!(o.seconds >= 0) || o.steps < 1 || !(o.headlessSeconds > 0) || !(o.stressSeconds > 0) ||
      o.stressIntervalMs < 1)
    usage(2);
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
    const std::string cls = receiverName(receiver);  // before: the event may delete the receiver
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
    if (m_depth == 0) add(dispatches[cls + " / " + eventName(type)]);
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
      std::printf("#   %-52s %6.1f (%5.1f) ms/s %6.1f /s  max %5.1f (%5.1f) ms  %lld\n", v[i].first.c_str(),
                  c.totalMs / seconds, c.cpuMs / seconds, static_cast<double>(c.count) / seconds, c.maxMs, c.maxCpuMs,
                  c.over20);
    }
  }

private:
  // The class, and for a plain QWidget (a private canvas, a chart's viewport) its parent's class.
  static std::string receiverName(QObject* receiver) {
    std::string name = receiver->metaObject()->className();
    if (name == "QWidget" && receiver->parent())
      name += std::string(" in ") + receiver->parent()->metaObject()->className();
    return name;
  }
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

// Latency of "pings": a thread posts a call to the GUI thread every 2–8 ms (at random, so that it
// does not lock to any timer of the window) and the call records how long it waited. That is the
// wait a mouse click or a key press would see; it is time-weighted (a 400 ms stall delays every
// ping posted during it), unlike the timer gaps.
class Pinger {
public:
  explicit Pinger(QObject* target) : m_target(target) {}
  ~Pinger() { stop(); }
  void start(GapHistogram* into) {
    stop();
    m_into = into;
    ++m_epoch;
    m_running = true;
    m_thread = std::thread([this, epoch = m_epoch.load()] {
      std::mt19937 random(7);
      std::uniform_int_distribution<int> pause(2000, 8000);  // µs
      while (m_running.load()) {
        std::this_thread::sleep_for(std::chrono::microseconds(pause(random)));
        const auto sent = Clock::now();
        QMetaObject::invokeMethod(
            m_target,
            [this, sent, epoch] {
              if (epoch == m_epoch.load() && m_into)
                m_into->add(std::chrono::duration<double, std::milli>(Clock::now() - sent).count());
            },
            Qt::QueuedConnection);
      }
    });
  }
  void stop() {
    m_running = false;
    if (m_thread.joinable()) m_thread.join();
    ++m_epoch;  // pings still queued are not counted
  }

private:
  QObject* m_target;
  GapHistogram* m_into = nullptr;
  std::atomic<bool> m_running{false};
  std::atomic<int> m_epoch{0};
  std::thread m_thread;
};

// One phase's measurements.
struct Phase {
  std::string name;
  std::unique_ptr<GapHistogram> gaps = std::make_unique<GapHistogram>();
  std::unique_ptr<GapHistogram> pings = std::make_unique<GapHistogram>();
  double seconds = 0;
  std::string paintTarget;  // the visible view whose paint events are counted
  long long paints = 0;
  long long steps = 0;  // steps of run 0 over the phase (steady phases: one generation)
  double stepSeconds = 0;
  double guiCpu = 0, workerCpu = 0, procCpu = 0, busy = 0;
  long long actions = 0;
  std::map<std::string, TimedApplication::Cost> dispatches, paintCosts;
  std::string loadBefore, loadAfter;
};

// Which user action the stress phase takes next.
enum class Action { NeuronPlus, NeuronMinus, LayerPlus, LayerMinus, Preset };

// CPU milliseconds of the calling thread.
double threadCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return 1e3 * static_cast<double>(t.tv_sec) + 1e-6 * static_cast<double>(t.tv_nsec);
}

// Hammers the window as a restless user does: ± neuron on a random layer, ± layer, a preset from
// the Presets menu (the same QAction the menu triggers), and Play again whenever training paused.
// Keeps, per kind of action, the GUI thread's CPU time in the click itself and from the click to
// the next action (the rebuilt charts, diagram and map, with the training's own redraws).
class Stressor {
public:
  explicit Stressor(dlui::MainWindow& window) : m_window(window), m_random(1) {
    for (const dlio::PresetEntry& e : dlio::PresetCatalog::builtIn().entries())
      if (e.lab == QLatin1String("playground"))  // the other labs' presets switch lab
        if (QAction* a = window.findChild<QAction*>(e.name)) m_presets.push_back(a);
  }
  struct Cost {
    long long count = 0;
    double clickMs = 0, maxClickMs = 0, untilNextMs = 0;
  };
  std::map<std::string, Cost> costs;

  void act() {
    const double t0 = threadCpuMs();
    if (!m_last.empty()) costs[m_last].untilNextMs += t0 - m_lastStart;
    const std::string name = perform();
    if (name.empty()) {
      m_last.clear();
      return;
    }
    const double click = threadCpuMs() - t0;
    Cost& c = costs[name];
    ++c.count;
    c.clickMs += click;
    c.maxClickMs = std::max(c.maxClickMs, click);
    m_last = name;
    m_lastStart = t0;
  }
  void finish() {
    if (!m_last.empty()) costs[m_last].untilNextMs += threadCpuMs() - m_lastStart;
    m_last.clear();
  }

private:
  // One random action; its name, or "" when none applied.
  std::string perform() {
    std::string name;
    std::uniform_int_distribution<int> pick(0, 99);
    const int r = pick(m_random);
    // About a third neurons, a quarter layers, the rest presets.
    const Action a = r < 17   ? Action::NeuronPlus
                     : r < 34 ? Action::NeuronMinus
                     : r < 47 ? Action::LayerPlus
                     : r < 60 ? Action::LayerMinus
                              : Action::Preset;
    dlui::ControlDock* dock = m_window.controlDock();
    dock->pages()->setCurrentIndex(1);  // the network page, where the ± buttons are
    const auto rows = dock->findChildren<QWidget*>(QRegularExpression(QStringLiteral("^layerRow\\d+$")));
    switch (a) {
      case Action::NeuronPlus:
      case Action::NeuronMinus: {
        if (rows.isEmpty()) break;
        std::uniform_int_distribution<qsizetype> row(0, rows.size() - 1);
        const QString sign = a == Action::NeuronPlus ? QStringLiteral("+") : QStringLiteral("−");
        for (QToolButton* b : rows[row(m_random)]->findChildren<QToolButton*>())
          if (b->text() == sign && b->isEnabled()) {
            b->click();
            name = a == Action::NeuronPlus ? "+ neuron" : "− neuron";
            break;
          }
        break;
      }
      case Action::LayerPlus:
      case Action::LayerMinus: {
        const bool add = a == Action::LayerPlus ? rows.size() < 8 : rows.size() <= 1;
        auto* b = dock->findChild<QToolButton*>(add ? QStringLiteral("addLayerButton") : QStringLiteral("removeLayerButton"));
        if (b && b->isEnabled()) {
          b->click();
          name = add ? "+ layer" : "− layer";
        }
        break;
      }
      case Action::Preset: {
        if (m_presets.empty()) break;
        std::uniform_int_distribution<std::size_t> which(0, m_presets.size() - 1);
        m_presets[which(m_random)]->trigger();
        name = "preset";
        break;
      }
    }
    // A load or a rebuild pauses training: press Play again (queued after the change).
    QAction* play = m_window.transport()->playAction();
    if (!play->isChecked()) play->setChecked(true);
    else m_window.session()->play();
    return name;
  }

  dlui::MainWindow& m_window;
  std::mt19937 m_random;
  std::vector<QAction*> m_presets;
  std::string m_last;  // the previous action, and the GUI thread's CPU time when it started
  double m_lastStart = 0;
};

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

  std::vector<Phase> phases;
  double rssStart = 0, rss1e5 = -1, rss1e6 = -1;
  QSize chartSize, windowSize;
  std::map<std::string, Stressor::Cost> actionCosts;
  double seqWindowRate = 0, seqHeadlessRate = 0;  // the seq phase: lockstep steps per second
  std::vector<double> seqRss;
  std::vector<double> cnnRss;  // the cnn phase's VmRSS, once a second
  long long cnnSteps = 0;
  double cnnSeconds = 0;
  std::string cnnSource;
  const QString watchPreset = QStringLiteral("imbalance-accuracy-paradox");
  {
    dlui::TrainingSession session;
    dlui::MainWindow window(&session);
    long long errors = 0;
    window.setErrorReporter([&errors](const QString& m) {
      if (++errors <= 3) std::fprintf(stderr, "window error: %s\n", qPrintable(m));
    });
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
    // The watch panel open, as after a preset load (a preset whose view is the metrics tab).
    window.watchPanel()->setPreset(watchPreset);
    waitUntil([] { return false; }, 500);  // let the first grid and layout settle
    if (!window.watchPanel()->isVisible()) {
      std::fprintf(stderr, "the watch panel is not visible\n");
      return 1;
    }

    dlui::ChartPanel* panel = window.chartPanel();
    const QList<QGraphicsView*> views = panel->lossChart()->findChildren<QGraphicsView*>();
    if (views.isEmpty()) {
      std::fprintf(stderr, "no loss chart view\n");
      return 1;
    }
    chartSize = views.front()->size();
    windowSize = window.size();
    rssStart = rssMb();

    // Run 0's step, from the snapshots (the clocks of a steady phase run between two snapshots).
    long long lastStep = 0;
    quint64 lastGeneration = 0;
    Clock::time_point lastSnapshotAt{};
    QObject::connect(&window, &dlui::MainWindow::snapshotApplied, [&](const dlui::SnapshotPtr& s) {
      if (!s || s->runs.empty()) return;
      lastStep = s->runs.front().step;
      lastGeneration = s->generation;
      lastSnapshotAt = Clock::now();
      if (s->generation == 0 || s->config.name != config.name) return;
      if (rss1e5 < 0 && lastStep >= 100000) rss1e5 = rssMb();
      if (rss1e6 < 0 && lastStep >= 1000000) rss1e6 = rssMb();
    });

    window.transport()->setSpeed(0);
    session.setSpeed(0);  // flat out (the slider's "max" sends it too)
    window.transport()->playAction()->setChecked(true);
    if (!waitUntil([&] { return window.lastSnapshot() && window.lastSnapshot()->running; }, 20000)) {
      std::fprintf(stderr, "training never started\n");
      return 1;
    }

    QObject pingTarget;
    Pinger pinger(&pingTarget);
    PaintCounter paints;
    // Runs one phase: the event loop until done(seconds played) holds, with `tick` called every
    // `tickMs` (the stress phase's actions).
    auto record = [&](const std::string& name, QWidget* paintTarget, const std::function<bool(double)>& done,
                      const std::function<void()>& tick = {}, int tickMs = 0) {
      Phase ph;
      ph.name = name;
      ph.paintTarget = paintTarget ? paintTarget->metaObject()->className() : "";
      ph.loadBefore = loadAverage();
      if (paintTarget) paintTarget->installEventFilter(&paints);
      paints.count = 0;
      app.dispatches.clear();
      app.paints.clear();
      QTimer ticker;
      ticker.setTimerType(Qt::PreciseTimer);
      ticker.setInterval(1);
      Clock::time_point lastTick{};
      QObject::connect(&ticker, &QTimer::timeout, [&] {
        const auto now = Clock::now();
        if (lastTick != Clock::time_point{})
          ph.gaps->add(std::chrono::duration<double, std::milli>(now - lastTick).count());
        lastTick = now;
      });
      QTimer actions;
      if (tick) {
        actions.setInterval(tickMs);
        QObject::connect(&actions, &QTimer::timeout, [&] {
          tick();
          ++ph.actions;
        });
      }
      const auto t0 = Clock::now();
      const long long step0 = lastStep;
      const quint64 generation0 = lastGeneration;
      const Clock::time_point snapshot0 = lastSnapshotAt;
      const double gui0 = cpuSeconds(RUSAGE_THREAD), proc0 = cpuSeconds(RUSAGE_SELF), busy0 = machineBusySeconds();
      std::map<int, double> threads0 = threadCpuSeconds();
      QEventLoop loop;
      QTimer check;
      check.setInterval(50);
      QObject::connect(&check, &QTimer::timeout, [&] {
        if (done(std::chrono::duration<double>(Clock::now() - t0).count())) loop.quit();
      });
      app.recording = true;
      pinger.start(ph.pings.get());
      ticker.start();
      check.start();
      if (tick) actions.start();
      loop.exec();
      actions.stop();
      check.stop();
      ticker.stop();
      pinger.stop();
      app.recording = false;
      ph.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
      ph.guiCpu = cpuSeconds(RUSAGE_THREAD) - gui0;
      ph.procCpu = cpuSeconds(RUSAGE_SELF) - proc0;
      ph.busy = machineBusySeconds() - busy0;
      // The training thread: the busiest thread besides this one.
      for (const auto& [tid, cpu] : threadCpuSeconds())
        if (tid != static_cast<int>(gettid()) && threads0.count(tid))
          ph.workerCpu = std::max(ph.workerCpu, cpu - threads0[tid]);
      if (lastGeneration == generation0 && lastSnapshotAt > snapshot0) {
        ph.steps = lastStep - step0;
        ph.stepSeconds = std::chrono::duration<double>(lastSnapshotAt - snapshot0).count();
      }
      if (paintTarget) paintTarget->removeEventFilter(&paints);
      ph.paints = paints.count;
      ph.dispatches = app.dispatches;
      ph.paintCosts = app.paints;
      ph.loadAfter = loadAverage();
      std::printf("# phase %s: %.1f s, load %s → %s, %lld steps of run 0 in %.1f s\n", name.c_str(), ph.seconds,
                  ph.loadBefore.c_str(), ph.loadAfter.c_str(), ph.steps, ph.stepSeconds);
      std::fflush(stdout);
      phases.push_back(std::move(ph));
    };

    if (opt.scenario == "all" || opt.scenario == "steady") {
      panel->showView(QStringLiteral("loss"));
      waitUntil([] { return false; }, 300);
      record("loss tab", views.front()->viewport(),
             [&](double played) { return played >= opt.seconds && lastStep >= opt.steps; });
      // The metrics view needs a validation part: B with a fifth of its points held out, opened
      // like B (the file route pauses; Play again). The watch panel stays open.
      dl::ExperimentConfig withValidation = config;
      withValidation.name = "gui-bench-B-validation";
      withValidation.data.validationFraction = 0.2;
      const QString validationPath = tmp.filePath(QStringLiteral("config-b-validation.json"));
      dlio::writeExperimentFile(validationPath, withValidation);
      if (!window.openExperiment(validationPath)) return 1;
      window.watchPanel()->setPreset(watchPreset);
      panel->showView(QStringLiteral("metrics"));
      window.transport()->playAction()->setChecked(false);
      if (!waitUntil([&] {
            const dlui::SnapshotPtr s = window.lastSnapshot();
            return s && s->config.name == withValidation.name && !s->running;
          }, 20000)) {
        std::fprintf(stderr, "the validation variant of B never reached the window\n");
        return 1;
      }
      window.transport()->playAction()->setChecked(true);
      waitUntil([&] { return panel->metricsView()->report() != nullptr; }, 20000);
      waitUntil([] { return false; }, 300);
      record("metrics tab", panel->metricsView(), [&](double played) { return played >= opt.seconds; });
    }
    if (opt.scenario == "all" || opt.scenario == "stress") {
      panel->showView(QStringLiteral("loss"));
      Stressor stress(window);
      record(
          "stress", nullptr,
          [&](double played) {
            if (played < opt.stressSeconds) return false;
            stress.finish();
            return true;
          },
          [&] { stress.act(); }, opt.stressIntervalMs);
      actionCosts = stress.costs;
      if (errors > 3) std::fprintf(stderr, "(%lld window errors in all)\n", errors);
    }
    if (opt.scenario == "all" || opt.scenario == "search") {
      // The search lab in front, its trials training on every core; the GUI thread polls them,
      // redraws the scatter, the best-so-far chart and the table.
      window.setLab(QStringLiteral("search"));
      auto* lab = qobject_cast<dlui::SearchLab*>(window.lab(QStringLiteral("search")));
      dl::search::SearchConfig c = lab->config();
      c.base = config;  // B: each trial is the reference network
      c.base.data.validationFraction = 0.2;
      c.params = {{"learningRate", 1e-3, 1, dl::search::Scale::Log}};
      c.strategy = dl::search::Strategy::LogUniform;
      c.compare.reset();
      c.trials = 16;
      c.steps = 1'000'000;  // longer than the phase: the cores stay busy throughout
      c.threads = QThread::idealThreadCount();
      QString error;
      if (!lab->setConfig(c, &error) || !lab->startSearch(&error)) {
        std::fprintf(stderr, "the search did not start: %s\n", qPrintable(error));
        return 1;
      }
      record("search: 16 trials on every core", lab->scatter(),
             [&](double played) { return played >= opt.seconds || !lab->searching(); });
      lab->cancelSearch();
      window.setLab(QStringLiteral("playground"));
    }
    if (opt.scenario == "all" || opt.scenario == "cnn") {
      // The CNN lab in front, Fashion-MNIST's LeNet training flat out on the lab's own thread. The
      // playground pauses, as switching labs does. The load reads 70,000 images off the GUI
      // thread; the phase starts once training runs.
      window.transport()->playAction()->setChecked(false);
      window.setLab(QStringLiteral("cnn"));
      auto* lab = qobject_cast<dlui::CnnLab*>(window.lab(QStringLiteral("cnn")));
      QString error;
      if (!lab || !lab->loadPreset(QStringLiteral("cnn-fashion-lenet"), &error)) {
        std::fprintf(stderr, "the CNN preset did not load: %s\n", qPrintable(error));
        return 1;
      }
      lab->tabs()->setCurrentIndex(0);  // training
      if (!lab->running()) lab->togglePlay();
      auto cnnStep = [lab] { return lab->runViews().empty() ? 0LL : lab->runViews().front().step; };
      if (!waitUntil([&] { return cnnStep() > 0; }, 30000)) {
        std::fprintf(stderr, "the CNN never started training\n");
        return 1;
      }
      waitUntil([] { return false; }, 1000);  // past the first redraw of every view
      const long long cnnStep0 = cnnStep();
      const auto cnnT0 = Clock::now();
      cnnRss.push_back(rssMb());
      double nextSample = 1;
      // The loss chart draws in a QGraphicsView (Qt Charts): its viewport receives the paints.
      const QList<QGraphicsView*> cnnViews = lab->lossChart()->findChildren<QGraphicsView*>();
      QWidget* cnnPaintTarget = cnnViews.isEmpty() ? static_cast<QWidget*>(lab->lossChart()) : cnnViews.front()->viewport();
      record("cnn: Fashion-MNIST LeNet flat out", cnnPaintTarget, [&](double played) {
        if (played >= nextSample) {
          cnnRss.push_back(rssMb());
          nextSample += 1;
        }
        return played >= opt.seconds;
      });
      cnnSteps = cnnStep() - cnnStep0;
      cnnSeconds = std::chrono::duration<double>(Clock::now() - cnnT0).count();
      cnnSource = lab->config().data.source;
      if (lab->running()) lab->togglePlay();
      window.setLab(QStringLiteral("playground"));
    }
    if (opt.scenario == "all" || opt.scenario == "seq") {
      // The sequence lab: three cells in lockstep, flat out, the gradient through time in front.
      window.transport()->playAction()->setChecked(false);
      dl::SeqConfig c = dlio::readSeqPreset(QStringLiteral("seq-adding-cells"));
      c.training.steps = 1000000000;  // no stop: flat out for the phase
      {
        // The same runs headless first: what the window's share is measured against.
        dl::SeqRuns runs(c, dlio::loadSeqData(c.task));
        const auto t0 = Clock::now();
        long long n = 0;
        while (std::chrono::duration<double>(Clock::now() - t0).count() < std::max(2.0, opt.seconds / 4)) {
          runs.step();
          ++n;
        }
        seqHeadlessRate = static_cast<double>(n) / std::chrono::duration<double>(Clock::now() - t0).count();
      }
      window.setLab(QStringLiteral("sequence"));
      auto* lab = qobject_cast<dlui::SequenceLab*>(window.lab(QStringLiteral("sequence")));
      QString error;
      if (!lab || !lab->setConfig(c, &error)) {
        std::fprintf(stderr, "the sequence lab did not load: %s\n", qPrintable(error));
        return 1;
      }
      lab->tabs()->setCurrentIndex(dlui::SequenceLab::TimeTab);
      if (!lab->running()) lab->togglePlay();
      auto seqStep = [lab] { return lab->runViews().empty() ? 0LL : lab->runViews().front().step; };
      if (!waitUntil([&] { return seqStep() > 0; }, 30000)) {
        std::fprintf(stderr, "the sequence lab never started training\n");
        return 1;
      }
      waitUntil([] { return false; }, 1000);
      const long long step0 = seqStep();
      const auto t0 = Clock::now();
      seqRss.push_back(rssMb());
      double nextSample = 1;
      const QList<QGraphicsView*> views = lab->timeChart()->findChildren<QGraphicsView*>();
      QWidget* target = views.isEmpty() ? static_cast<QWidget*>(lab->timeChart()) : views.front()->viewport();
      record("seq: RNN, LSTM and GRU flat out", target, [&](double played) {
        if (played >= nextSample) {
          seqRss.push_back(rssMb());
          nextSample += 1;
        }
        return played >= opt.seconds;
      });
      seqWindowRate = static_cast<double>(seqStep() - step0) / std::chrono::duration<double>(Clock::now() - t0).count();
      if (lab->running()) lab->togglePlay();
      window.setLab(QStringLiteral("playground"));
    }
    window.transport()->playAction()->setChecked(false);

    std::printf("# window %dx%d, loss chart view %dx%d\n", windowSize.width(), windowSize.height(), chartSize.width(),
                chartSize.height());
    for (const Phase& ph : phases) {
      std::printf(
          "# %s — CPU (%% of one core): GUI thread %.0f, training thread %.0f, this process %.0f, other processes "
          "%.0f (%d cores)\n",
          ph.name.c_str(), 100 * ph.guiCpu / ph.seconds, 100 * ph.workerCpu / ph.seconds, 100 * ph.procCpu / ph.seconds,
          100 * std::max(0.0, ph.busy - ph.procCpu) / ph.seconds, QThread::idealThreadCount());
      TimedApplication::print((ph.name + ": GUI thread, slowest event dispatches").c_str(), ph.dispatches, ph.seconds, 6);
      TimedApplication::print((ph.name + ": GUI thread, paint events by widget").c_str(), ph.paintCosts, ph.seconds, 6);
    }
    if (!actionCosts.empty()) {
      std::printf("# stress actions — count; GUI-thread CPU in the click, mean / max ms; from the click to the next "
                  "action, mean ms:\n");
      for (const auto& [what, c] : actionCosts)
        std::printf("#   %-10s %4lld   %5.1f / %5.1f ms   %5.1f ms\n", what.c_str(), c.count, c.clickMs / c.count,
                    c.maxClickMs, c.untilNextMs / c.count);
    }
    std::fflush(stdout);
  }
  const Rate headlessAfter = headlessRate(config, opt.headlessSeconds);
  const double headless = 0.5 * (headlessBefore.stepsPerSecond + headlessAfter.stepsPerSecond);
  const double headlessPerCpu = 0.5 * (headlessBefore.stepsPerCpuSecond + headlessAfter.stepsPerCpuSecond);
  std::printf("# headless after: %.0f steps/s (%.0f per CPU-second)\n\n", headlessAfter.stepsPerSecond,
              headlessAfter.stepsPerCpuSecond);
  QSettings().clear();

  auto met = [](bool ok) { return ok ? "met" : "**not met**"; };
  auto mb = [](double v) { return v < 0 ? std::string("— (not reached)") : fmt("%.0f MB", v); };

  std::printf("| phase (watch panel open) | event-loop gap p50 / p99 / max (1 ms timer) | ping latency p50 / p99 / max "
              "| repaints/s of the visible view | target | met |\n|---|---:|---:|---:|---|---|\n");
  for (const Phase& ph : phases) {
    const GapHistogram& g = *ph.gaps;
    const GapHistogram& p = *ph.pings;
    const bool stress = ph.name == "stress";
    const double paintRate = ph.seconds > 0 ? static_cast<double>(ph.paints) / ph.seconds : 0;
    std::string target, ok;
    if (stress) {
      target = "ping p99 < 50 ms";
      ok = met(p.percentile(0.99) < 50);
    } else {
      target = "gap p99 < 12 ms, max < 40 ms";
      bool good = g.percentile(0.99) < 12 && g.max() < 40;
      if (ph.name == "loss tab") {
        target += ", ≥ 30 repaints/s";
        good = good && paintRate >= 30;
      }
      ok = met(good);
    }
    std::printf("| %s | %.2f / %.2f / %.1f ms | %.2f / %.2f / %.1f ms | %s | %s | %s |\n",
                stress ? fmt("stress: an action every %.0f ms", opt.stressIntervalMs).c_str() : ph.name.c_str(),
                g.percentile(0.5), g.percentile(0.99), g.max(), p.percentile(0.5), p.percentile(0.99), p.max(),
                ph.paintTarget.empty() ? "—" : fmt("%.1f", paintRate).c_str(), target.c_str(), ok.c_str());
  }
  if (!cnnRss.empty()) {
    // Memory while the CNN trains: bounded (every sample below the target) and flat (the last
    // second no more than 10% above the phase's first).
    const double peak = *std::max_element(cnnRss.begin(), cnnRss.end());
    const bool flat = cnnRss.back() < 1.1 * cnnRss.front();
    std::printf("\n# cnn phase, VmRSS every 5 s (MB):");
    for (std::size_t i = 0; i < cnnRss.size(); i += 5) std::printf(" %.0f", cnnRss[i]);
    std::printf("\n");
    std::printf("\n| measure (cnn phase, %s) | value | target | met |\n|---|---:|---|---|\n", cnnSource.c_str());
    std::printf("| training steps/s in the window (batch 64) | %.0f | — | — |\n",
                cnnSeconds > 0 ? static_cast<double>(cnnSteps) / cnnSeconds : 0.0);
    std::printf("| VmRSS first / peak / last second of %zu | %s / %s / %s | flat, < 600 MB | %s |\n", cnnRss.size(),
                mb(cnnRss.front()).c_str(), mb(peak).c_str(), mb(cnnRss.back()).c_str(), met(flat && peak < 600));
  }
  if (!seqRss.empty()) {
    const double peak = *std::max_element(seqRss.begin(), seqRss.end());
    const bool flat = seqRss.back() < 1.1 * seqRss.front();
    std::printf("\n| measure (seq phase: seq-adding-cells, 3 cells × 32 units, T = 50, batch 32) | value | target | met |\n"
                "|---|---:|---|---|\n");
    std::printf("| lockstep steps/s (all three cells) in the window / headless | %.0f / %.0f (%.0f%%) | — | — |\n",
                seqWindowRate, seqHeadlessRate, seqHeadlessRate > 0 ? 100 * seqWindowRate / seqHeadlessRate : 0.0);
    std::printf("| VmRSS first / peak / last second of %zu | %s / %s / %s | flat, < 600 MB | %s |\n", seqRss.size(),
                mb(seqRss.front()).c_str(), mb(peak).c_str(), mb(seqRss.back()).c_str(), met(flat && peak < 600));
  }
  const Phase* steady = nullptr;
  for (const Phase& ph : phases)
    if (ph.name == "loss tab") steady = &ph;
  if (steady && steady->stepSeconds > 0) {
    const double windowRate = static_cast<double>(steady->steps) / steady->stepSeconds;
    const double ratio = headless > 0 ? windowRate / headless : 0;
    const double windowPerCpu = steady->workerCpu > 0 ? static_cast<double>(steady->steps) / steady->workerCpu : 0;
    const double ratioPerCpu = headlessPerCpu > 0 ? windowPerCpu / headlessPerCpu : 0;
    std::printf("\n| measure (loss tab phase) | value | target | met |\n|---|---:|---|---|\n");
    std::printf("| training steps/s in the window | %.0f | — | — |\n", windowRate);
    std::printf("| headless engine steps/s (diagnostics on, %d thread(s); before / after) | %.0f / %.0f | — | — |\n",
                threads, headlessBefore.stepsPerSecond, headlessAfter.stepsPerSecond);
    std::printf("| window / headless, steps per wall second | %.0f%% | ≥ 80%% | %s |\n", 100 * ratio, met(ratio >= 0.8));
    std::printf("| window / headless, steps per CPU-second of the training thread (%.0f / %.0f) | %.0f%% | — | — |\n",
                windowPerCpu, headlessPerCpu, 100 * ratioPerCpu);
    const bool reached = rss1e6 >= 0;
    const double peak = std::max({rssStart, rss1e5, rss1e6});
    const bool flat = rss1e5 >= 0 && (!reached || rss1e6 - rss1e5 < 0.1 * rss1e5);
    std::printf("| VmRSS at start / 10⁵ steps / 10⁶ steps | %s / %s / %s | flat, < 300 MB | %s |\n",
                mb(rssStart).c_str(), mb(rss1e5).c_str(), mb(rss1e6).c_str(),
                !reached ? "n/a (run with --steps 1000000)" : met(flat && peak < 300));
  }
  return 0;
}
