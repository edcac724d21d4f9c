// The headless runner: options → experiment → training loop with a progress bar on stderr (when
// it is a terminal) → summary. Errors are one line on stderr starting "error:" and exit 2;
// divergence exits 3 after writing the metrics up to that point.
#include "Headless.h"
#include "HeadlessCnn.h"
#include "HeadlessSeq.h"
#include "HeadlessLandscape.h"
#include "HeadlessSearch.h"

#include "core/Error.h"
#include "core/Parallel.h"
#include "io/ErrorText.h"
#include "io/ExperimentIo.h"
#include "io/MetricsCsv.h"
#include "io/OutputFile.h"
#include "io/PresetCatalog.h"
#include "io/Presets.h"
#include "train/Runs.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QElapsedTimer>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <vector>

namespace dlapp {

int fail(const QString& message) {
  std::fprintf(stderr, "error: %s\n", message.toLocal8Bit().constData());
  return BadInput;
}

bool seedOption(const QString& text, std::uint64_t& out) {
  bool ok = false;
  const qulonglong seed = text.toULongLong(&ok);
  if (!ok) {
    fail(QString("--seed: '%1' must be a whole number from 0 to 18446744073709551615").arg(text));
    return false;
  }
  out = seed;
  return true;
}

bool positiveInteger(const QString& text, long long& out, long long max) {
  bool ok = false;
  out = text.toLongLong(&ok);
  return ok && out >= 1 && out <= max;
}

int checkLabArguments(const QCommandLineParser& p, const char* lab, const char* labName,
                      std::initializer_list<const char*> unused, std::initializer_list<const char*> valued) {
  if (!p.positionalArguments().isEmpty())
    return fail(QString("unexpected argument '%1' (options start with --; a file goes after --config)")
                    .arg(p.positionalArguments().front()));
  for (const char* option : unused)
    if (p.isSet(option)) return fail(QString("--%1: not used by %2").arg(option, labName));
  for (const char* option : valued)
    if (p.isSet(option) && p.value(option).trimmed().isEmpty())
      return fail(QString("--%1: the value is empty").arg(option));
  if (p.isSet("config") && p.isSet("preset")) return fail("--config and --preset cannot be used together");
  if (!p.isSet("config") && !p.isSet("preset"))
    return fail(QString("--headless --lab %1 needs --config FILE.json or --preset NAME").arg(lab));
  return 0;
}

int stepsAndThreads(const QCommandLineParser& p, long long& steps) {
  if (p.isSet("steps")) {
    long long n = 0;
    if (!positiveInteger(p.value("steps"), n, 10'000'000))
      return fail(QString("--steps: '%1' must be a whole number from 1 to 10000000").arg(p.value("steps")));
    steps = n;
  }
  if (p.isSet("threads")) {
    long long n = 0;
    if (!positiveInteger(p.value("threads"), n, 256))
      return fail(QString("--threads: '%1' must be a whole number from 1 to 256").arg(p.value("threads")));
    dl::setThreadCount(static_cast<int>(n));
  }
  return 0;
}

QString labSource(const QCommandLineParser& p) {
  return p.isSet("config") ? p.value("config") : "preset " + p.value("preset");
}

int readOrFail(const std::function<void()>& read) {
  try {
    read();
  } catch (const dlio::IoError& e) {
    return fail(e.message());
  }
  return 0;
}

int buildLab(const QString& source, const std::function<void()>& build) {
  try {
    build();
  } catch (const dlio::IoError& e) {
    return fail(QString("%1: %2").arg(source, e.message()));
  } catch (const dl::ConfigError& e) {
    return fail(QString("%1: %2").arg(source, dlio::ErrorText::of(e)));
  } catch (const dl::DataError& e) {
    return fail(QString("%1: %2").arg(source, dlio::ErrorText::of(e)));
  }
  return 0;
}

int MetricsFile::open(const QCommandLineParser& p, const QByteArray& header) {
  if (!p.isSet("metrics")) return 0;
  if (p.isSet("config") && dlio::sameFile(p.value("metrics"), p.value("config")))
    return fail(QString("--metrics %1: is the same file as --config; it would be overwritten").arg(p.value("metrics")));
  QString error;
  if (!m_file.open(p.value("metrics"), &error)) return fail(error);
  m_enabled = true;
  m_pending = header;
  return 0;
}

void MetricsFile::add(const QByteArray& rows) {
  if (!m_enabled) return;
  m_pending += rows;
  if (m_pending.size() > (1 << 18)) {
    m_file.write(m_pending);
    m_pending.clear();
  }
}

int MetricsFile::finish() {
  if (!m_enabled) return 0;
  m_file.write(m_pending);
  m_pending.clear();
  QString error;
  if (!m_file.commit(&error)) return fail(error);
  return 0;
}

namespace {

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
      {"list-presets", "List the built-in experiments, grouped by lab, and exit (with --lab: that lab's)."},
      {"lab", "The lab (kind of experiment) to open, train headless or list (see --list-presets).", "NAME"},
      {"steps", "Train this many steps.", "N"},
      {"epochs", "Train this many epochs.", "N"},
      {"seed", "Seed for weights, dropout and shuffling (overrides training.seed).", "N"},
      {"threads", "Worker threads (default: training.threads).", "N"},
      {"metrics",
       "Write one CSV row of metrics per step to this file (an L1-vs-L2 comparison writes OUT-l1.csv and OUT-l2.csv).",
       "OUT.csv"},
      {"save-model",
       "Save the experiment and the trained state (weights, optimiser) to this file (OUT-l1.json and OUT-l2.json for "
       "an L1-vs-L2 comparison).",
       "OUT.json"},
      {"load-model", "Continue from a saved model file (its configuration unless --config is given).", "IN.json"},
      {"trials-csv", "Search lab: write one CSV row per trial (its values and results) to this file.", "OUT.csv"},
      {"quiet", "No progress bar and no summary."},
  });
}

namespace {

QString unknownLab(const QString& name) {
  return QString("--lab: unknown lab '%1' (labs: %2)")
      .arg(name, dlio::PresetCatalog::builtIn().labIds().join(QStringLiteral(", ")));
}

int runPlayground(const QCommandLineParser& p);
std::string describePlayground(const QString& preset) { return dlio::readPreset(preset).config.description; }

// Each lab's headless entry and the reader of its presets' descriptions (which throws IoError for a
// broken one). A lab in the catalogue without one is refused by checkLab (and caught by
// tst_app_io, which trains one preset of every lab headless).
struct HeadlessLab {
  const char* id;
  int (*run)(const QCommandLineParser&);
  std::string (*describe)(const QString& preset);
};
constexpr HeadlessLab kHeadlessLabs[] = {
    {"playground", runPlayground, describePlayground},
    {"landscape", runLandscape, describeLandscapePreset},
    {"search", runSearchLab, [](const QString& p) { return describeSearchPreset(p).toStdString(); }},
    {"cnn", runCnn, describeCnnPreset},
    {"sequence", runSequence, describeSeqPreset}};

const HeadlessLab* headlessLab(const QString& id);

void printPreset(const QString& name, const QString& lab, const char* indent) {
  try {
    const HeadlessLab* l = headlessLab(lab);
    if (!l) throw dlio::IoError(QString("lab '%1' has no headless entry").arg(lab));
    std::printf("%s%-32s %s\n", indent, name.toUtf8().constData(), l->describe(name).c_str());
  } catch (const dlio::IoError& e) {
    std::printf("%s%-32s (broken: %s)\n", indent, name.toUtf8().constData(), e.message().toUtf8().constData());
  }
}

const HeadlessLab* headlessLab(const QString& id) {
  for (const HeadlessLab& l : kHeadlessLabs)
    if (id == QLatin1String(l.id)) return &l;
  return nullptr;
}

// The lab of this command line: --lab, else the preset's, else the playground.
QString labOf(const QCommandLineParser& p) {
  if (p.isSet("lab")) return p.value("lab");
  if (p.isSet("preset"))
    if (const dlio::PresetEntry* e = dlio::PresetCatalog::builtIn().entry(p.value("preset"))) return e->lab;
  return QStringLiteral("playground");
}

}  // namespace

int checkLab(const QCommandLineParser& p) {
  const dlio::PresetCatalog& catalog = dlio::PresetCatalog::builtIn();
  const QString lab = labOf(p);
  // (A catalogue that failed to load lists no lab; the labs with a headless entry still run.)
  if (!headlessLab(lab) || (!catalog.labs().isEmpty() && !catalog.lab(lab))) return fail(unknownLab(lab));
  if (p.isSet("lab") && p.isSet("preset")) {
    const dlio::PresetEntry* e = catalog.entry(p.value("preset"));
    if (e && e->lab != lab)
      return fail(
          QString("--preset %1 is an experiment of the '%2' lab, not of '%3'").arg(p.value("preset"), e->lab, lab));
  }
  return Success;
}

int listPresets(const QCommandLineParser& p) {
  const dlio::PresetCatalog& catalog = dlio::PresetCatalog::builtIn();
  if (p.isSet("lab")) {
    if (!catalog.lab(p.value("lab"))) return fail(unknownLab(p.value("lab")));
    for (const QString& name : catalog.presetsOf(p.value("lab"))) printPreset(name, p.value("lab"), "");
    return Success;
  }
  for (const dlio::LabEntry& lab : catalog.labs()) {
    std::printf("%s: %s\n", lab.id.toUtf8().constData(), lab.title.in(QStringLiteral("en")).toUtf8().constData());
    for (const QString& name : catalog.presetsOf(lab.id)) printPreset(name, lab.id, "  ");
  }
  return Success;
}

int runHeadless(const QCommandLineParser& p) {
  if (const int bad = checkLab(p)) return bad;
  return headlessLab(labOf(p))->run(p);
}

namespace {

// The playground's headless run: one experiment (or the L1-vs-L2 pair) trained to the end.
int runPlayground(const QCommandLineParser& p) {
  // ---- the command line itself ----
  if (!p.positionalArguments().isEmpty())
    return fail(QString("unexpected argument '%1' (options start with --; a file goes after --config)")
                    .arg(p.positionalArguments().front()));
  if (p.isSet("trials-csv")) return fail("--trials-csv writes a search's trials: use it with --lab search");
  for (const char* option :
       {"config", "preset", "metrics", "save-model", "load-model", "steps", "epochs", "seed", "threads"})
    if (p.isSet(option) && p.value(option).trimmed().isEmpty())
      return fail(QString("--%1: the value is empty").arg(option));

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
  if (p.isSet("seed") && !seedOption(p.value("seed"), c.training.seed)) return BadInput;
  if (p.isSet("threads")) {
    if (!positiveInteger(p.value("threads"), n, 256))
      return fail(QString("--threads: '%1' must be between 1 and 256").arg(p.value("threads")));
    c.training.threads = static_cast<int>(n);
  }
  if (p.isSet("steps") && p.isSet("epochs")) return fail("--steps and --epochs cannot be used together");
  dl::setThreadCount(c.training.threads);

  // One run, or the L1 and L2 runs of an L1-vs-L2 comparison, trained in lockstep on one data set.
  dl::Runs runs;
  try {
    runs = dl::Runs::prepare(dl::experimentRuns(c));
  } catch (const dl::ConfigError& e) {
    return fail(QString("%1: %2").arg(p.isSet("config")   ? p.value("config")
                                      : p.isSet("preset") ? "preset " + p.value("preset")
                                                          : p.value("load-model"),
                                      e.what()));
  } catch (const std::exception& e) {
    return fail(QString::fromStdString(e.what()));
  }
  if (model) {
    // The saved state must fit this network and data: a mismatch names the model file.
    try {
      runs.restore(*model->state);
    } catch (const std::exception& e) {
      return fail(QString("%1: %2").arg(p.value("load-model"), QString::fromStdString(e.what())));
    }
  }
  const int runCount = static_cast<int>(runs.size());
  const dl::Trainer& first = runs.trainer(0);
  // Output files of run r: the given path, or with several runs the run's label added ("out-l1.csv"
  // and "out-l2.csv" for the pair).
  const auto outputPath = [&](const QString& option, int r) {
    const QString path = p.value(option);
    if (runCount == 1) return path;
    const QFileInfo info(path);
    const QString suffix = info.suffix().isEmpty() ? QString() : "." + info.suffix();
    const QString label = QString::fromStdString(runs.label(static_cast<std::size_t>(r))).toLower();
    return QDir(info.path()).filePath(info.completeBaseName() + "-" + label + suffix);
  };

  long long steps = c.training.steps;
  if (p.isSet("steps")) {
    if (!positiveInteger(p.value("steps"), n, 1'000'000'000'000LL))
      return fail(QString("--steps: '%1' must be a whole number from 1 to 1000000000000").arg(p.value("steps")));
    steps = n;
  } else if (p.isSet("epochs")) {
    if (!positiveInteger(p.value("epochs"), n, 1'000'000'000LL))
      return fail(QString("--epochs: '%1' must be a whole number from 1 to 1000000000").arg(p.value("epochs")));
    steps = n * first.stepsPerEpoch();
  }

  // ---- outputs: all opened (so known to be writable) before a single step is trained ----
  // Inputs are never outputs: a metrics file named like the experiment would overwrite it.
  std::vector<std::pair<QString, QString>> inputs;  // (option, path)
  if (p.isSet("config")) inputs.emplace_back("--config", p.value("config"));
  if (p.isSet("load-model")) inputs.emplace_back("--load-model", p.value("load-model"));
  if (c.data.source == "csv") inputs.emplace_back("data.csv.path", QString::fromStdString(c.data.csvPath));
  std::vector<std::pair<QString, QString>> outputs;
  for (const char* option : {"metrics", "save-model"})
    if (p.isSet(option))
      for (int r = 0; r < runCount; ++r) outputs.emplace_back(QString("--") + option, outputPath(option, r));
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    for (const auto& [option, path] : inputs) {
      // Saving the model over the model it continues is fine: it is written atomically.
      if (option == "--load-model" && outputs[i].first == "--save-model") continue;
      if (dlio::sameFile(outputs[i].second, path))
        return fail(QString("%1 %2: is the same file as %3; it would be overwritten")
                        .arg(outputs[i].first, outputs[i].second, option));
    }
    for (std::size_t j = 0; j < i; ++j)
      if (dlio::sameFile(outputs[i].second, outputs[j].second))
        return fail(
            QString("%1 and %2 name the same file, %3").arg(outputs[j].first, outputs[i].first, outputs[i].second));
  }
  QString error;
  std::vector<std::unique_ptr<dlio::OutputFile>> metrics, models;
  for (int r = 0; r < runCount && p.isSet("metrics"); ++r) {
    metrics.push_back(std::make_unique<dlio::OutputFile>());
    if (!metrics.back()->open(outputPath("metrics", r), &error)) return fail(error);
  }
  for (int r = 0; r < runCount && p.isSet("save-model"); ++r) {
    models.push_back(std::make_unique<dlio::OutputFile>());
    if (!models.back()->open(outputPath("save-model", r), &error)) return fail(error);
  }
  const int layers = first.network().layerCount();
  // Rows collect in a buffer written out every 256 kB: a write error (a full disk) is kept by
  // the OutputFile and reported at the end, and the file under its name is never cut mid-row.
  std::vector<QByteArray> pending(metrics.size());
  const bool testColumns = first.data().test.size() > 0;
  for (std::size_t r = 0; r < metrics.size(); ++r)
    pending[r] = dlio::metricsCsvHeader(layers, testColumns).toUtf8() + '\n';

  // ---- training ----
  const bool quiet = p.isSet("quiet");
  const bool bar = !quiet && isatty(STDERR_FILENO);
  QElapsedTimer timer;
  timer.start();
  qint64 lastDraw = -1000;
  std::vector<dl::StepMetrics> last(runs.size());
  long long done = 0;
  for (; done < steps; ++done) {
    std::vector<dl::Runs::StepResult> stepped = runs.step();
    for (std::size_t r = 0; r < runs.size(); ++r) {
      if (stepped[r].failure) std::rethrow_exception(stepped[r].failure);
      last[r] = std::move(stepped[r].metrics);
      if (!metrics.empty() && !runs.trainer(r).diverged()) {
        pending[r] += dlio::metricsCsvRow(last[r], layers, testColumns).toUtf8();
        pending[r] += '\n';
        if (pending[r].size() > (1 << 18)) {
          metrics[r]->write(pending[r]);
          pending[r].clear();
        }
      }
    }
    if (runs.anyDiverged()) break;
    if (bar && timer.elapsed() - lastDraw >= 100) {
      lastDraw = timer.elapsed();
      progress(done + 1, steps, last.front().trainLoss, (done + 1) / std::max(1e-9, timer.elapsed() / 1000.0));
    }
  }
  const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
  if (bar) {
    progress(done, steps, last.front().trainLoss, done / std::max(1e-9, seconds));
    std::fprintf(stderr, "\n");
  }
  // Outputs are committed (renamed into place) only when complete; a write error is exit 2.
  QStringList writeErrors;
  for (std::size_t r = 0; r < metrics.size(); ++r) {
    metrics[r]->write(pending[r]);
    if (!metrics[r]->commit(&error)) writeErrors << error;
  }

  const auto runName = [&](std::size_t r) { return runs.label(r).empty() ? std::string() : runs.label(r) + " run: "; };
  for (std::size_t r = 0; r < runs.size(); ++r)
    if (runs.trainer(r).diverged())
      std::fprintf(stderr, "%sdiverged: %s. Try a lower learning rate, gradient clipping or a better initialisation.\n",
                   runName(r).c_str(), runs.trainer(r).divergence()->describe().c_str());
  for (std::size_t r = 0; r < models.size(); ++r) {
    // Each run is saved as the single run it is (the pair's flag off), so it resumes as itself.
    dl::ExperimentConfig saved = runs.config(r);
    saved.regularization.compareL1L2 = false;
    const dl::TrainerState s = runs.trainer(r).state();
    models[r]->write(dlio::experimentFileBytes(models[r]->path(), saved, &s));
    if (!models[r]->commit(&error)) writeErrors << error;
  }
  if (!writeErrors.isEmpty()) {
    for (const QString& e : writeErrors) fail(e);
    return BadInput;
  }
  if (!quiet) {
    // A run of a few microseconds has no meaningful rate.
    if (seconds < 0.001)
      std::printf("steps %lld (epoch %lld) in %.3f ms\n", first.stepCount(), first.epoch(), seconds * 1000);
    else
      std::printf("steps %lld (epoch %lld) in %.2f s, %.0f steps/s\n", first.stepCount(), first.epoch(), seconds,
                  static_cast<double>(done * runCount) / seconds);
    for (std::size_t r = 0; r < runs.size(); ++r) {
      const dl::Trainer& t = runs.trainer(r);
      const std::string name = runName(r);
      if (c.regularization.compareL1L2) {
        const dl::RegularizationConfig& g = t.config().regularization;
        std::printf("%s%s = %g, %.1f%% of the weights near zero (|w| < %g)\n", name.c_str(), r == 0 ? "l1" : "l2",
                    r == 0 ? g.l1 : g.l2, 100 * dl::nearZeroWeightFraction(t.network()), dl::kSparseThreshold);
      }
      const dl::Evaluation val = t.evaluate(dl::Split::Validation);
      const dl::Evaluation test = t.evaluate(dl::Split::Test);
      std::printf("%sfinal train loss %.6g\n", name.c_str(), last[r].trainLoss);
      if (val.samples > 0) {
        std::printf("%svalidation loss %.6g", name.c_str(), val.loss);
        if (std::isfinite(val.accuracy)) std::printf(", accuracy %.2f%%", 100 * val.accuracy);
        std::printf("\n");
      }
      if (test.samples > 0) {
        std::printf("%stest loss %.6g", name.c_str(), test.loss);
        if (std::isfinite(test.accuracy)) std::printf(", accuracy %.2f%%", 100 * test.accuracy);
        std::printf("\n");
      }
    }
  }
  return runs.anyDiverged() ? Diverged : Success;
}

}  // namespace

}  // namespace dlapp
