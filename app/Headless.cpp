// The headless runner: options → experiment → training loop with a progress bar on stderr (when
// it is a terminal) → summary. Errors are one line on stderr starting "error:" and exit 2;
// divergence exits 3 after writing the metrics up to that point.
#include "Headless.h"

#include "core/Error.h"
#include "core/Parallel.h"
#include "io/ExperimentIo.h"
#include "io/MetricsCsv.h"
#include "io/Presets.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QSaveFile>
#include <QTextStream>

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <memory>

namespace dlapp {

namespace {

int fail(const QString& message) {
  std::fprintf(stderr, "error: %s\n", message.toLocal8Bit().constData());
  return BadInput;
}

bool positiveInteger(const QString& text, long long& out, long long max) {
  bool ok = false;
  out = text.toLongLong(&ok);
  return ok && out >= 1 && out <= max;
}

void progress(long long done, long long total, double loss, double rate) {
  const int width = 30;
  const int filled = total > 0 ? static_cast<int>(width * done / total) : 0;
  std::fprintf(stderr, "\r[%s%s] %3d%%  step %lld/%lld  loss %.4g  %.0f steps/s ", std::string(filled, '#').c_str(),
               std::string(width - filled, '.').c_str(), total > 0 ? static_cast<int>(100 * done / total) : 100, done,
               total, loss, rate);
  std::fflush(stderr);
}

}  // namespace

void addHeadlessOptions(QCommandLineParser& p) {
  p.addOptions({
      {"headless", "Train without a window."},
      {"config", "Experiment file (JSON) to train.", "FILE.json"},
      {"preset", "Built-in experiment to train (see --list-presets).", "NAME"},
      {"list-presets", "List the built-in experiments and exit."},
      {"steps", "Train this many steps.", "N"},
      {"epochs", "Train this many epochs.", "N"},
      {"seed", "Seed for weights, dropout and shuffling (overrides training.seed).", "N"},
      {"threads", "Worker threads (default: training.threads).", "N"},
      {"metrics", "Write one CSV row of metrics per step to this file.", "OUT.csv"},
      {"save-model", "Save the experiment and the trained state (weights, optimiser) to this file.", "OUT.json"},
      {"load-model", "Continue from a saved model file (its configuration unless --config is given).", "IN.json"},
      {"quiet", "No progress bar and no summary."},
  });
}

int listPresets() {
  for (const QString& name : dlio::presetNames()) {
    try {
      const dlio::ExperimentFile f = dlio::readPreset(name);
      std::printf("%-32s %s\n", name.toUtf8().constData(), f.config.description.c_str());
    } catch (const dlio::IoError& e) {
      std::printf("%-32s (broken: %s)\n", name.toUtf8().constData(), e.message().toUtf8().constData());
    }
  }
  return Success;
}

int runHeadless(const QCommandLineParser& p) {
  // ---- the experiment ----
  dlio::ExperimentFile file;
  std::optional<dlio::ExperimentFile> model;
  try {
    const int sources = int(p.isSet("config")) + int(p.isSet("preset"));
    if (sources > 1) return fail("--config and --preset cannot be used together");
    if (p.isSet("config"))
      file = dlio::readExperimentFile(p.value("config"));
    else if (p.isSet("preset"))
      file = dlio::readPreset(p.value("preset"));
    if (p.isSet("load-model")) {
      model = dlio::readExperimentFile(p.value("load-model"));
      if (!model->state) return fail(p.value("load-model") + ": has no trained state (save one with --save-model)");
      if (sources == 0) file.config = model->config;
    } else if (sources == 0) {
      return fail("--headless needs --config FILE.json, --preset NAME or --load-model FILE.json");
    }
  } catch (const dlio::IoError& e) {
    return fail(e.message());
  }
  dl::ExperimentConfig& c = file.config;
  long long n = 0;
  if (p.isSet("seed")) {
    bool ok = false;
    const qulonglong seed = p.value("seed").toULongLong(&ok);
    if (!ok) return fail(QString("--seed: '%1' is not a whole number >= 0").arg(p.value("seed")));
    c.training.seed = seed;
  }
  if (p.isSet("threads")) {
    if (!positiveInteger(p.value("threads"), n, 256))
      return fail(QString("--threads: '%1' must be between 1 and 256").arg(p.value("threads")));
    c.training.threads = static_cast<int>(n);
  }
  if (p.isSet("steps") && p.isSet("epochs")) return fail("--steps and --epochs cannot be used together");
  dl::setThreadCount(c.training.threads);

  std::unique_ptr<dl::Trainer> trainer;
  try {
    trainer = std::make_unique<dl::Trainer>(c);
    if (model) trainer->restore(*model->state);
  } catch (const dl::ConfigError& e) {
    return fail(QString("%1: %2").arg(p.isSet("config")   ? p.value("config")
                                      : p.isSet("preset") ? "preset " + p.value("preset")
                                                          : p.value("load-model"),
                                      e.what()));
  } catch (const dl::DataError& e) {
    return fail(QString::fromStdString(e.what()));
  } catch (const std::exception& e) {
    return fail(QString::fromStdString(e.what()));
  }

  long long steps = c.training.steps;
  if (p.isSet("steps")) {
    if (!positiveInteger(p.value("steps"), n, 1'000'000'000'000LL))
      return fail(QString("--steps: '%1' must be a whole number >= 1").arg(p.value("steps")));
    steps = n;
  } else if (p.isSet("epochs")) {
    if (!positiveInteger(p.value("epochs"), n, 1'000'000'000LL))
      return fail(QString("--epochs: '%1' must be a whole number >= 1").arg(p.value("epochs")));
    steps = n * trainer->stepsPerEpoch();
  }

  // ---- outputs ----
  std::unique_ptr<QFile> metricsFile;
  std::unique_ptr<QTextStream> metrics;
  const int layers = trainer->network().layerCount();
  if (p.isSet("metrics")) {
    metricsFile = std::make_unique<QFile>(p.value("metrics"));
    if (!metricsFile->open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
      return fail(QString("%1: cannot be written: %2").arg(p.value("metrics"), metricsFile->errorString()));
    metrics = std::make_unique<QTextStream>(metricsFile.get());
    *metrics << dlio::metricsCsvHeader(layers) << '\n';
  }

  // ---- training ----
  const bool quiet = p.isSet("quiet");
  const bool bar = !quiet && isatty(STDERR_FILENO);
  QElapsedTimer timer;
  timer.start();
  qint64 lastDraw = -1000;
  dl::StepMetrics last;
  long long done = 0;
  for (; done < steps; ++done) {
    last = trainer->step();
    if (trainer->diverged()) break;
    if (metrics) *metrics << dlio::metricsCsvRow(last, layers) << '\n';
    if (bar && timer.elapsed() - lastDraw >= 100) {
      lastDraw = timer.elapsed();
      progress(done + 1, steps, last.trainLoss, (done + 1) / std::max(1e-9, timer.elapsed() / 1000.0));
    }
  }
  const double seconds = timer.elapsed() / 1000.0;
  if (bar) {
    progress(done, steps, last.trainLoss, done / std::max(1e-9, seconds));
    std::fprintf(stderr, "\n");
  }
  if (metrics) metrics->flush();

  if (trainer->diverged()) {
    std::fprintf(stderr, "diverged: %s. Try a lower learning rate, gradient clipping or a better initialisation.\n",
                 trainer->divergence()->describe().c_str());
  }
  if (p.isSet("save-model")) {
    try {
      const dl::TrainerState s = trainer->state();
      dlio::writeExperimentFile(p.value("save-model"), trainer->config(), &s);
    } catch (const dlio::IoError& e) {
      return fail(e.message());
    }
  }
  if (!quiet) {
    const dl::Evaluation val = trainer->evaluate(dl::Split::Validation);
    const dl::Evaluation test = trainer->evaluate(dl::Split::Test);
    std::printf("steps %lld (epoch %lld) in %.2f s, %.0f steps/s\n", trainer->stepCount(), trainer->epoch(), seconds,
                done / std::max(1e-9, seconds));
    std::printf("final train loss %.6g\n", last.trainLoss);
    if (val.samples > 0) {
      std::printf("validation loss %.6g", val.loss);
      if (std::isfinite(val.accuracy)) std::printf(", accuracy %.2f%%", 100 * val.accuracy);
      std::printf("\n");
    }
    if (test.samples > 0) {
      std::printf("test loss %.6g", test.loss);
      if (std::isfinite(test.accuracy)) std::printf(", accuracy %.2f%%", 100 * test.accuracy);
      std::printf("\n");
    }
  }
  return trainer->diverged() ? Diverged : Success;
}

}  // namespace dlapp
