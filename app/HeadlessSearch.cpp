// The search lab's headless entry: options → search file → trials on a thread pool, a progress bar
// on stderr (when it is a terminal) → summary on stdout and the trials CSV. Errors are one line
// starting "error:" and exit 2, as in the playground's runner (Headless.cpp).
#include "HeadlessSearch.h"

#include "Headless.h"
#include "core/Error.h"
#include "io/OutputFile.h"
#include "io/SearchIo.h"
#include "search/Search.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QStringList>

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <thread>

namespace dlapp {

namespace {

using dl::search::Search;
using dl::search::SearchConfig;
using dl::search::Trial;

void progress(const Search::Progress& p, double bestLoss, double seconds) {
  const int width = 30;
  const int filled = p.planned > 0 ? width * p.finished / p.planned : 0;
  std::fprintf(stderr, "\r[%s%s] %3d%%  trial %d/%d  best val loss %.4g  %.0f steps/s ",
               std::string(filled, '#').c_str(), std::string(width - filled, '.').c_str(),
               p.planned > 0 ? 100 * p.finished / p.planned : 100, p.finished, p.planned, bestLoss,
               static_cast<double>(p.steps) / std::max(1e-9, seconds));
  std::fflush(stderr);
}

}  // namespace

QString describeSearchPreset(const QString& name) {
  return QString::fromStdString(dlio::readSearchPreset(name).description);
}

int runSearchLab(const QCommandLineParser& p) {
  // ---- the command line itself ----
  if (!p.positionalArguments().isEmpty())
    return fail(QString("unexpected argument '%1' (options start with --; a file goes after --config)")
                    .arg(p.positionalArguments().front()));
  for (const char* option : {"metrics", "save-model", "load-model", "epochs"})
    if (p.isSet(option))
      return fail(QString("--%1 is not used by the search lab (its trials go to --trials-csv)").arg(option));
  for (const char* option : {"config", "preset", "trials-csv", "steps", "seed", "threads"})
    if (p.isSet(option) && p.value(option).trimmed().isEmpty())
      return fail(QString("--%1: the value is empty").arg(option));

  // ---- the search ----
  SearchConfig c;
  try {
    if (p.isSet("config") && p.isSet("preset")) return fail("--config and --preset cannot be used together");
    if (p.isSet("config"))
      c = dlio::readSearchFile(p.value("config"));
    else if (p.isSet("preset"))
      c = dlio::readSearchPreset(p.value("preset"));
    else
      return fail("--headless --lab search needs --config SEARCH.json or --preset NAME");
  } catch (const dlio::IoError& e) {
    return fail(e.message());
  }
  long long n = 0;
  if (p.isSet("steps")) {
    if (!positiveInteger(p.value("steps"), n, dl::search::kMaxSteps))
      return fail(QString("--steps: '%1' must be a whole number from 1 to %2")
                      .arg(p.value("steps"))
                      .arg(dl::search::kMaxSteps));
    c.steps = n;
  }
  if (p.isSet("seed") && !seedOption(p.value("seed"), c.seed)) return BadInput;
  if (p.isSet("threads")) {
    if (!positiveInteger(p.value("threads"), n, 256))
      return fail(QString("--threads: '%1' must be between 1 and 256").arg(p.value("threads")));
    c.threads = static_cast<int>(n);
  }
  const QString source = labSource(p);
  std::unique_ptr<Search> search;
  try {
    search = std::make_unique<Search>(c);
  } catch (const dl::ConfigError& e) {
    return fail(QString("%1: %2").arg(source, e.what()));
  } catch (const std::exception& e) {
    return fail(QString("%1: %2").arg(source, QString::fromStdString(e.what())));
  }

  // ---- the output: opened (so known to be writable) before a single trial is trained ----
  dlio::OutputFile csv;
  QString error;
  if (p.isSet("trials-csv")) {
    if (p.isSet("config") && dlio::sameFile(p.value("trials-csv"), p.value("config")))
      return fail(
          QString("--trials-csv %1: is the same file as --config; it would be overwritten").arg(p.value("trials-csv")));
    if (!csv.open(p.value("trials-csv"), &error)) return fail(error);
  }

  // ---- training ----
  const bool quiet = p.isSet("quiet");
  const bool bar = !quiet && isatty(STDERR_FILENO);
  QElapsedTimer timer;
  timer.start();
  search->start();
  const auto bestLoss = [&search] {
    const std::optional<Trial> b = search->best();
    return b ? b->valLoss : std::nan("");
  };
  while (!search->finished()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(bar ? 100 : 5));
    if (bar) progress(search->progress(), bestLoss(), timer.elapsed() / 1000.0);
  }
  search->wait();
  const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
  if (bar) {
    progress(search->progress(), bestLoss(), seconds);
    std::fprintf(stderr, "\n");
  }
  const std::vector<Trial> trials = search->trials();
  // The strategy it is compared with: the same space, budget and seed; its trials go to the CSV
  // too, and its best to one line of the summary.
  std::optional<dl::search::Search> other;
  std::vector<Trial> otherTrials;
  if (c.compare) {
    other.emplace(dl::search::compareConfig(c));  // validated with c
    other->run();
    otherTrials = other->trials();
  }
  if (p.isSet("trials-csv")) {
    csv.write(dlio::trialsCsv(c, trials, other ? &otherTrials : nullptr));
    if (!csv.commit(&error)) return fail(error);
  }

  int done = 0, diverged = 0, failed = 0;
  for (const Trial& t : trials) {
    done += t.status == Trial::Status::Done;
    diverged += t.status == Trial::Status::Diverged;
    failed += t.status == Trial::Status::Failed;
  }
  for (const Trial& t : trials)
    if (t.status == Trial::Status::Failed) std::fprintf(stderr, "trial %d failed: %s\n", t.index, t.error.c_str());
  if (!quiet) {
    const int threads = std::min<int>(c.threads > 0 ? c.threads : static_cast<int>(std::thread::hardware_concurrency()),
                                      static_cast<int>(trials.size()));
    std::printf("%zu trials, steps %lld each, in %.2f s on %d thread(s)\n", trials.size(), c.steps, seconds,
                std::max(1, threads));
    std::printf("strategy %s, seed %llu\n", dl::search::strategyName(c.strategy).c_str(),
                static_cast<unsigned long long>(c.seed));
    if (const std::optional<Trial> b = search->best()) {
      std::printf("best trial %d (round %d):", b->index, b->round);
      for (std::size_t i = 0; i < c.params.size(); ++i)
        std::printf("%s %s = %.6g", i ? "," : "", c.params[i].name.c_str(), b->values[i]);
      std::printf("\nbest validation loss %.6g", b->valLoss);
      if (std::isfinite(b->valAccuracy)) std::printf(", accuracy %.2f%%", 100 * b->valAccuracy);
      std::printf("\n");
    }
    std::printf("done %d, diverged %d, failed %d of %zu\n", done, diverged, failed, trials.size());
  }
  if (other) {
    if (!quiet) {
      const std::optional<Trial> b = other->best();
      std::printf("compared with %s: %d trials, ", dl::search::strategyName(*c.compare).c_str(),
                  other->plannedTrials());
      if (b) {
        std::printf("best trial %d:", b->index);
        for (std::size_t i = 0; i < c.params.size(); ++i)
          std::printf("%s %s = %.6g", i ? "," : "", c.params[i].name.c_str(), b->values[i]);
        std::printf(", validation loss %.6g\n", b->valLoss);
      } else {
        std::printf("no trial finished\n");
      }
    }
  }
  return done > 0 ? Success : Diverged;
}

}  // namespace dlapp
