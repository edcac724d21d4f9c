// The CNN lab headless: train the configuration's network for its `steps` (or --steps), print one
// line per validation, then the test accuracy (and, with data.testShift or data.testFlip, the
// accuracy on the changed test images); --metrics writes one CSV row per step. Exit 0, 2 for bad
// input, 3 when training diverges (after writing the metrics up to that step). A preset of the
// Resampling tab (catalogue view "resampling") trains nothing: it prints the numbers the tab
// measures on the engine's layers, and --metrics writes them as one CSV row per picture. Nor does one
// of the convolution, kernel or architecture tabs: it prints the numbers its tab shows (cnn/Focus.h).
#include "HeadlessCnn.h"

#include "Headless.h"
#include "cnn/Focus.h"
#include "core/Error.h"
#include "core/Parallel.h"
#include "io/CnnIo.h"
#include "io/PresetCatalog.h"
#include "nn/Resampling.h"

#include <QCommandLineParser>
#include <QElapsedTimer>

#include <cstdio>

namespace dlapp {

namespace {

// The Resampling tab's experiment for a preset's focus: its report, and its numbers as CSV.
int runResampling(const QCommandLineParser& p, const QString& focus) {
  namespace rs = dl::resampling;
  for (const char* option : {"steps", "seed"})
    if (p.isSet(option))
      return fail(QString("--%1: the preset trains nothing (it measures resampling layers)").arg(option));
  rs::Focus f;
  try {
    f = rs::parseFocus(focus.toStdString());
  } catch (const dl::ConfigError& e) {
    return fail(QString("preset %1: focus '%2' %3")
                    .arg(p.value("preset"), focus, QString::fromStdString(e.reason().english())));
  }
  MetricsFile metrics;
  if (const int bad = metrics.open(
          p, "picture,width,height,mean,min,max,contrast,stripe_period_px,interior_min,interior_max,interior_ratio\n"))
    return bad;
  if (metrics.enabled()) {
    const auto row = [&](const std::string& name, const rs::Image& img, double scale) {
      const rs::Stats s = rs::measure(img), in = rs::measure(img, 1);
      metrics.add(QString("\"%1\",%2,%3,%4,%5,%6,%7,%8,%9,%10,%11\n")
                      .arg(QString::fromStdString(name))
                      .arg(img.width)
                      .arg(img.height)
                      .arg(s.mean, 0, 'g', 6)
                      .arg(s.min, 0, 'g', 6)
                      .arg(s.max, 0, 'g', 6)
                      .arg(s.contrast(), 0, 'g', 6)
                      .arg(rs::stripePeriod(img) * scale, 0, 'g', 6)
                      .arg(in.min, 0, 'g', 6)
                      .arg(in.max, 0, 'g', 6)
                      .arg(in.ratio(), 0, 'g', 6)
                      .toUtf8());
    };
    const rs::Image in = rs::focusImage(f);
    row("input", in, 1);
    if (f.up)
      for (rs::Up how : rs::kUps) row(rs::name(how), rs::upsample(in, how, f.weights), 0.5);
    else
      for (rs::Down how : rs::kDowns) row(rs::name(how), rs::downsample(in, how), 2);
    if (const int bad = metrics.finish()) return bad;
  }
  if (p.isSet("quiet")) return Success;
  std::printf("preset %s: the Resampling tab's experiment (nothing is trained)\n", qPrintable(p.value("preset")));
  for (const std::string& line : rs::report(f)) std::printf("%s\n", line.c_str());
  return Success;
}

// A preset of the convolution, kernel or architecture tab trains nothing: it prints the numbers its
// tab shows (cnn/Focus.h).
int runFocus(const QCommandLineParser& p, const QString& view, const QString& focus) {
  for (const char* option : {"steps", "seed", "metrics"})
    if (p.isSet(option))
      return fail(QString("--%1: the preset trains nothing (it shows the %2 tab)").arg(option, view));
  std::vector<std::string> lines;
  try {
    lines = dl::focusReport(view.toStdString(), focus.toStdString());
  } catch (const dl::ConfigError& e) {
    return fail(QString("preset %1: focus '%2' %3")
                    .arg(p.value("preset"), focus, QString::fromStdString(e.reason().english())));
  }
  if (p.isSet("quiet")) return Success;
  std::printf("preset %s: the %s tab's numbers (nothing is trained)\n", qPrintable(p.value("preset")),
              qPrintable(view));
  for (const std::string& line : lines) std::printf("%s\n", line.c_str());
  return Success;
}

}  // namespace

std::string describeCnnPreset(const QString& preset) { return dlio::readCnnPreset(preset).description; }

int runCnn(const QCommandLineParser& p) {
  if (const int bad = checkLabArguments(p, "cnn", "the CNN lab", {"epochs", "save-model", "load-model", "trials-csv"},
                                        {"config", "preset", "metrics", "steps", "seed", "threads"}))
    return bad;

  if (p.isSet("preset"))
    if (const dlio::PresetEntry* e = dlio::PresetCatalog::builtIn().entry(p.value("preset"));
        e && e->view == QLatin1String("resampling"))
      return runResampling(p, e->focus);
  if (p.isSet("preset"))
    if (const dlio::PresetEntry* e = dlio::PresetCatalog::builtIn().entry(p.value("preset"));
        e && (e->view == QLatin1String("convolution") || e->view == QLatin1String("kernels") ||
              e->view == QLatin1String("architecture")))
      return runFocus(p, e->view, e->focus);

  dl::CnnConfig c;
  if (const int bad = readLabConfig(p, c, dlio::readCnnFile, dlio::readCnnPreset)) return bad;
  const QString source = labSource(p);
  if (const int bad = stepsAndThreads(p, c.training.steps)) return bad;
  if (p.isSet("seed") && !seedOption(p.value("seed"), c.training.seed)) return BadInput;
  std::unique_ptr<dl::CnnTrainer> trainer;
  if (const int bad =
          buildLab(source, [&] { trainer = std::make_unique<dl::CnnTrainer>(c, dlio::loadCnnData(c.data)); }))
    return bad;
  MetricsFile metrics;
  if (const int bad = metrics.open(p, dlio::cnnMetricsHeader().toUtf8() + '\n')) return bad;
  const bool quiet = p.isSet("quiet");

  QElapsedTimer timer;
  timer.start();
  std::vector<dl::CnnStep> evaluations;
  for (long long k = 0; k < c.training.steps && !trainer->diverged(); ++k) {
    const dl::CnnStep s = trainer->step();
    if (metrics.enabled()) metrics.add(dlio::cnnMetricsRow(s).toUtf8() + '\n');
    if (s.evaluated) evaluations.push_back(s);
  }
  const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
  if (const int bad = metrics.finish()) return bad;
  if (trainer->diverged()) {
    std::fprintf(stderr, "diverged: %s\n", trainer->divergence()->describe().c_str());
    return Diverged;
  }
  if (quiet) return Success;

  std::printf("steps %lld in %.3f ms\n", trainer->stepCount(), seconds * 1000);
  std::printf("network: %lld parameters in %d weighted layers\n",
              static_cast<long long>(trainer->network().params().size()), trainer->network().layerCount());
  if (c.pretrain.steps > 0) {
    const auto list = [](const std::vector<int>& v) {
      std::string out;
      for (int x : v) out += (out.empty() ? "" : ",") + std::to_string(x);
      return out;
    };
    std::printf(
        "pretraining: steps 1-%lld on classes %s (%lld training images); then the task on %lld training images\n",
        c.pretrain.steps, list(c.pretrain.classes).c_str(),
        static_cast<long long>(trainer->pretrainData()->parts.train.size()),
        static_cast<long long>(trainer->data().parts.train.size()));
  }
  for (const dl::CnnStep& s : evaluations)
    std::printf("step %-7lld train loss %-10.5f val loss %-10.5f val accuracy %.4f%s\n", s.step, s.trainLoss, s.valLoss,
                s.valAccuracy, s.pretraining ? " (pretraining classes)" : "");
  const dl::CnnEvaluation test = trainer->evaluate(dl::CnnSplit::Test);
  std::printf("test accuracy %.4f (%lld images)\n", test.accuracy, static_cast<long long>(test.samples));
  const dl::ImageChange change = trainer->testChange();
  if (!change.none()) {
    const dl::CnnEvaluation changed = trainer->evaluate(dl::CnnSplit::Test, change);
    std::printf("changed test accuracy %.4f (shift %d, %d%s)\n", changed.accuracy, change.dx, change.dy,
                change.flip ? ", flipped" : "");
  }
  return Success;
}

}  // namespace dlapp
