// The landscape lab headless: run a race for its `steps` (or --steps), write every racer's
// trajectory (--metrics), and print one line per racer. Divergence is part of what the lab
// shows (a racer past the stability bound), so it is reported, not an exit code: exit 0, or 2
// for bad input.
#include "HeadlessLandscape.h"

#include "Headless.h"
#include "core/Error.h"
#include "io/LandscapeIo.h"

#include <QCommandLineParser>
#include <QElapsedTimer>

#include <cmath>
#include <cstdio>

namespace dlapp {

std::string describeLandscapePreset(const QString& preset) { return dlio::readRacePreset(preset).description; }

int runLandscape(const QCommandLineParser& p) {
  if (const int bad =
          checkLabArguments(p, "landscape", "the landscape lab", {"epochs", "save-model", "load-model", "threads"},
                            {"config", "preset", "metrics", "steps", "seed"}))
    return bad;

  dl::surface::RaceConfig c;
  if (const int bad = readLabConfig(p, c, dlio::readRaceFile, dlio::readRacePreset)) return bad;
  const QString source = labSource(p);
  if (p.isSet("steps")) {
    bool ok = false;
    const long long n = p.value("steps").toLongLong(&ok);
    if (!ok || n < 1 || n > 1'000'000)
      return fail(QString("--steps: '%1' must be a whole number from 1 to 1000000").arg(p.value("steps")));
    c.steps = n;
  }
  if (p.isSet("seed") && !seedOption(p.value("seed"), c.seed)) return BadInput;
  std::unique_ptr<dl::surface::Race> race;
  try {
    race = std::make_unique<dl::surface::Race>(c);
  } catch (const dl::ConfigError& e) {
    return fail(QString("%1: %2").arg(source, QString::fromStdString(e.what())));
  }
  // ---- the trajectory file, opened (so known to be writable) before the first step ----
  MetricsFile metrics;
  if (const int bad = metrics.open(p, dlio::trajectoryCsvHeader().toUtf8() + '\n')) return bad;
  const auto rows = [&] {
    QByteArray step;
    for (std::size_t i = 0; i < race->racers().size(); ++i) {
      const dl::surface::RacerState& s = race->racers()[i];
      // A racer that did not move this step (disabled, or stopped by divergence) adds no row.
      if (!race->racerConfigs()[i].enabled || s.step != race->steps()) continue;
      step += dlio::trajectoryCsvRow(*race, i).toUtf8();
      step += '\n';
    }
    metrics.add(step);
  };
  if (metrics.enabled()) rows();

  QElapsedTimer timer;
  timer.start();
  for (long long k = 0; k < c.steps; ++k) {
    race->step();
    if (metrics.enabled()) rows();
  }
  const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
  if (const int bad = metrics.finish()) return bad;
  if (p.isSet("quiet")) return Success;

  std::printf("steps %lld in %.3f ms\n", race->steps(), seconds * 1000);
  for (std::size_t i = 0; i < race->racers().size(); ++i) {
    const dl::surface::RacerState& s = race->racers()[i];
    if (!race->racerConfigs()[i].enabled) continue;
    std::string outcome;
    if (s.diverged)
      outcome = "diverged at step " + std::to_string(s.divergedAt);
    else if (s.convergedAt >= 0)
      outcome = "converged at step " + std::to_string(s.convergedAt);
    else
      outcome = "not converged";
    std::printf("%-16s lr %-10g x %-12.6g y %-12.6g loss %-12.6g %s\n", race->label(i).c_str(), s.learningRate, s.x,
                s.y, s.value, outcome.c_str());
  }
  return Success;
}

}  // namespace dlapp
