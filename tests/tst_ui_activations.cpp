// The activation explorer: its curves are the engine's own forward and backward passes and agree
// with the textbook formulas; the shaded stretches are where the engine's saturation measure says
// so (derivative below 5% of its peak; ReLU family z ≤ 0); the mean outputs for z ~ N(0, 1) are
// right to 1e-6; the widget follows the running network (its activations, their parameters and
// the live mean output of each hidden layer) and paints the shading.
#include "plots/ActivationCurves.h"
#include "plots/ActivationExplorer.h"
#include "plots/ChartPanel.h"

#include "act/Activation.h"
#include "core/Error.h"
#include "io/PresetCatalog.h"

#include <QImage>
#include <QHelpEvent>
#include <QListWidget>
#include <QMenu>
#include <QToolButton>
#include <QTest>
#include <QToolTip>

#include <cmath>
#include <functional>
#include <map>

using namespace dlui;

namespace {

const double kInvSqrt2Pi = 1.0 / std::sqrt(2 * M_PI);
const double kSeluScale = 1.0507009873554805, kSeluAlpha = 1.6732632423543772;
// Φ(−1), the standard normal's mass below −1.
const double kPhiMinus1 = 0.5 * std::erfc(1 / std::sqrt(2.0));

dl::LayerConfig layerOf(const std::string& name) { return dl::LayerConfig{.activation = name}; }

// The textbook f and f′ (right-hand derivative at kinks, as the engine's z > 0 test gives it).
struct Formula {
  std::function<double(double)> f, df;
  double peak;  // sup |f′|
};
std::map<std::string, Formula> formulas() {
  const double s = dl::LayerConfig{}.slope, a = dl::LayerConfig{}.alpha;
  const auto sigma = [](double z) { return 1 / (1 + std::exp(-z)); };
  return {
      {"linear", {[](double z) { return z; }, [](double) { return 1.0; }, 1.0}},
      {"sigmoid", {sigma, [=](double z) { return sigma(z) * (1 - sigma(z)); }, 0.25}},
      {"tanh", {[](double z) { return std::tanh(z); }, [](double z) { return 1 - std::tanh(z) * std::tanh(z); }, 1.0}},
      {"relu", {[](double z) { return z > 0 ? z : 0.0; }, [](double z) { return z > 0 ? 1.0 : 0.0; }, 1.0}},
      {"leaky_relu", {[=](double z) { return z > 0 ? z : s * z; }, [=](double z) { return z > 0 ? 1.0 : s; }, 1.0}},
      {"prelu", {[=](double z) { return z > 0 ? z : s * z; }, [=](double z) { return z > 0 ? 1.0 : s; }, 1.0}},
      {"elu",
       {[=](double z) { return z > 0 ? z : a * (std::exp(z) - 1); },
        [=](double z) { return z > 0 ? 1.0 : a * std::exp(z); }, std::max(1.0, a)}},
      {"selu",
       {[](double z) { return kSeluScale * (z > 0 ? z : kSeluAlpha * (std::exp(z) - 1)); },
        [](double z) { return kSeluScale * (z > 0 ? 1.0 : kSeluAlpha * std::exp(z)); }, kSeluScale * kSeluAlpha}},
      {"maxout",
       {[](double z) { return std::abs(z); }, [](double z) { return z > 0 ? 1.0 : (z < 0 ? -1.0 : 1.0); }, 1.0}},
  };
}

// A snapshot of a network with the given hidden layers whose steps report `means` per layer.
SnapshotPtr snapshotOf(const std::vector<dl::LayerConfig>& hidden, quint64 generation, long long fromStep,
                       const std::vector<std::vector<double>>& meansPerStep) {
  auto s = std::make_shared<Snapshot>();
  s->generation = generation;
  s->config.hidden = hidden;
  RunSnapshot run;
  long long step = fromStep;
  for (const std::vector<double>& means : meansPerStep) {
    dl::StepMetrics m;
    m.step = ++step;
    for (double v : means) {
      dl::LayerStats st;
      st.activationMean = v;
      m.layers.push_back(st);
    }
    m.layers.push_back(dl::LayerStats{});  // the output layer
    run.metrics.push_back(m);
  }
  s->runs.push_back(run);
  return s;
}

// Pixels of one colour (±2 per channel, for rounding) in an image.
int countColour(const QImage& image, QRgb colour) {
  int n = 0;
  for (int y = 0; y < image.height(); ++y)
    for (int x = 0; x < image.width(); ++x) {
      const QRgb p = image.pixel(x, y);
      n += std::abs(qRed(p) - qRed(colour)) <= 2 && std::abs(qGreen(p) - qGreen(colour)) <= 2 &&
                   std::abs(qBlue(p) - qBlue(colour)) <= 2
               ? 1
               : 0;
    }
  return n;
}

// Shows the explorer at 1000 × 320 for a one-layer sigmoid network; returns its drawing canvas
// (null if the window never appeared or the canvas is missing, which the callers check).
QWidget* showSigmoidNetwork(ActivationExplorer& x) {
  x.resize(1000, 320);
  x.applySnapshot(snapshotOf({layerOf("sigmoid")}, 1, 0, {{0.5}}));
  x.show();
  if (!QTest::qWaitForWindowExposed(&x)) return nullptr;
  return x.findChild<QWidget*>(QStringLiteral("activationCanvas"));
}

}  // namespace

class TestActivations : public QObject {
  Q_OBJECT
private slots:
  void curvesAreTheEnginesAndTheFormulas();
  void shadedWhereTheEngineCountsSaturation();
  void saturatedRangesHaveTheRightEnds();
  void meansUnderStandardNormal();
  void explorerFollowsTheNetwork();
  void explorerAveragesTheLastMiniBatches();
  void explorerPaintsTheShading();
  void tooltipsGiveTheNumbers();
  void narrowExplorerFoldsTheList();
  void panelRoutesTheView();
};

// Every engine activation: f equals the engine's forward pass on the same z exactly, and both f
// and f′ equal the formulas (float precision); f′ also matches a central difference of f away
// from the kinks, so the backward pass is what the explorer draws.
void TestActivations::curvesAreTheEnginesAndTheFormulas() {
  const auto reference = formulas();
  QCOMPARE(reference.size(), dl::activationNames().size());
  for (const std::string& name : dl::activationNames()) {
    const ActivationCurve c = sampleActivation(layerOf(name), -6, 6, 601);
    QCOMPARE(c.z.size(), std::size_t(601));
    QCOMPARE(c.z.front(), -6.0);
    QCOMPARE(c.z.back(), 6.0);
    QCOMPARE(c.examplePieces, name == "maxout");
    const Formula& r = reference.at(name);
    // The engine's forward pass over the same row of z (maxout and PReLU need pieces/parameters).
    dl::Matrix A;
    if (name != "maxout" && name != "prelu") {
      dl::Matrix Z(1, static_cast<dl::Index>(c.z.size()));
      for (std::size_t i = 0; i < c.z.size(); ++i) Z(0, static_cast<dl::Index>(i)) = static_cast<dl::Scalar>(c.z[i]);
      dl::makeActivation(layerOf(name), "t")->forward(Z, A, nullptr);
    }
    for (std::size_t i = 0; i < c.z.size(); ++i) {
      const double z = c.z[i];
      const QString where = QStringLiteral("%1 at z = %2").arg(QString::fromStdString(name)).arg(z);
      QVERIFY2(std::abs(c.f[i] - r.f(z)) <= 1e-6 * std::max(1.0, std::abs(r.f(z))), qPrintable(where + " f"));
      QVERIFY2(std::abs(c.df[i] - r.df(z)) <= 1e-6,
               qPrintable(where + QStringLiteral(" f′ %1 vs %2").arg(c.df[i]).arg(r.df(z))));
      if (std::abs(z) > 0.05) {
        const double h = 1e-3;
        const double fd = (r.f(z + h) - r.f(z - h)) / (2 * h);
        QVERIFY2(std::abs(c.df[i] - fd) <= 1e-4 * std::max(1.0, std::abs(fd)),
                 qPrintable(where + " finite difference"));
      }
      if (A.size()) QCOMPARE(c.f[i], static_cast<double>(A(0, static_cast<dl::Index>(i))));
    }
    QVERIFY2(std::abs(c.peakDerivative - r.peak) <= 1e-6, qPrintable(QString::fromStdString(name)));
  }
  // The network's own parameters change the curve: leaky slope 0.2, ELU α = 0.5, PReLU 0.25.
  dl::LayerConfig leaky = layerOf("leaky_relu");
  leaky.slope = 0.2;
  QVERIFY(std::abs(sampleActivation(leaky, -1, 1, 3).f.front() + 0.2) < 1e-6);
  dl::LayerConfig elu = layerOf("elu");
  elu.alpha = 0.5;
  QVERIFY(std::abs(sampleActivation(elu, -1, 1, 3).f.front() - 0.5 * (std::exp(-1.0) - 1)) < 1e-6);
  dl::LayerConfig prelu = layerOf("prelu");
  prelu.slope = 0.25;
  QVERIFY(std::abs(sampleActivation(prelu, -2, 2, 3).f.front() + 0.5) < 1e-6);
  QVERIFY(std::abs(sampleActivation(prelu, -2, 2, 3).df.front() - 0.25) < 1e-6);
  // Bad parameters are refused as the network refuses them.
  leaky.slope = 2;
  QVERIFY_THROWS_EXCEPTION(dl::ConfigError, sampleActivation(leaky));
  QVERIFY_THROWS_EXCEPTION(dl::ConfigError, sampleActivation(layerOf("swish")));
}

// A sample is shaded exactly when Activation::saturation counts a unit at that z as saturated,
// which is: f′ below 5% of its peak for sigmoid, tanh, ELU and SELU; z ≤ 0 for the ReLU family;
// never for linear and maxout. (Samples within float rounding of the threshold may go either way.)
void TestActivations::shadedWhereTheEngineCountsSaturation() {
  const auto reference = formulas();
  for (const std::string& name : dl::activationNames()) {
    const ActivationCurve c = sampleActivation(layerOf(name));
    const double peak = reference.at(name).peak;
    int shaded = 0;
    for (std::size_t i = 0; i < c.z.size(); ++i) {
      const double z = c.z[i];
      bool expected = false;
      if (name == "sigmoid" || name == "tanh" || name == "elu" || name == "selu") {
        if (std::abs(c.df[i] - 0.05 * peak) < 1e-6 * peak) continue;
        expected = c.df[i] < 0.05 * peak;
      } else if (name == "relu" || name == "leaky_relu" || name == "prelu") {
        expected = z <= 0;
      }
      QVERIFY2(
          bool(c.saturated[i]) == expected,
          qPrintable(QStringLiteral("%1 at z = %2: f′ = %3").arg(QString::fromStdString(name)).arg(z).arg(c.df[i])));
      shaded += c.saturated[i];
    }
    if (name == "linear" || name == "maxout")
      QCOMPARE(shaded, 0);
    else
      QVERIFY2(shaded > 0, qPrintable(QString::fromStdString(name)));  // each of the others saturates within ±6
  }
}

// The stretches end where the formulas put the 5% threshold, to within one sample (0.02).
void TestActivations::saturatedRangesHaveTheRightEnds() {
  // σ(1−σ) = 0.0125 at σ = (1 − √0.95)/2; tanh² = 0.95; ELU: eᶻ = 0.05.
  const double sigmoidEdge = std::log((1 - std::sqrt(0.95)) / (1 + std::sqrt(0.95)));
  const double tanhEdge = std::atanh(std::sqrt(0.95));
  const std::map<std::string, std::vector<std::pair<double, double>>> expected = {
      {"sigmoid", {{-6, sigmoidEdge}, {-sigmoidEdge, 6}}},
      {"tanh", {{-6, -tanhEdge}, {tanhEdge, 6}}},
      {"relu", {{-6, 0}}},
      {"elu", {{-6, std::log(0.05)}}},
      {"selu", {{-6, std::log(0.05)}}},
      {"linear", {}},
      {"maxout", {}},
  };
  for (const auto& [name, ranges] : expected) {
    const auto got = sampleActivation(layerOf(name)).saturatedRanges();
    QCOMPARE(got.size(), ranges.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
      QVERIFY2(std::abs(got[i].first - ranges[i].first) <= 0.02 && std::abs(got[i].second - ranges[i].second) <= 0.02,
               qPrintable(QStringLiteral("%1: [%2, %3] vs [%4, %5]")
                              .arg(QString::fromStdString(name))
                              .arg(got[i].first)
                              .arg(got[i].second)
                              .arg(ranges[i].first)
                              .arg(ranges[i].second)));
    }
  }
}

// E[f(z)] for z ~ N(0, 1): sigmoid 0.5 by symmetry (σ(z) + σ(−z) = 1), tanh and linear 0, ReLU
// 1/√(2π), leaky ReLU (1 − s)/√(2π), ELU 1/√(2π) + α(e^½·Φ(−1) − ½), SELU λ times that with its α
// (≈ 0: self-normalising), maxout's |z| √(2/π).
void TestActivations::meansUnderStandardNormal() {
  const double s = dl::LayerConfig{}.slope, a = dl::LayerConfig{}.alpha;
  const double eluPart = std::exp(0.5) * kPhiMinus1 - 0.5;
  const std::map<std::string, double> expected = {
      {"sigmoid", 0.5},
      {"tanh", 0.0},
      {"linear", 0.0},
      {"relu", kInvSqrt2Pi},
      {"leaky_relu", (1 - s) * kInvSqrt2Pi},
      {"prelu", (1 - s) * kInvSqrt2Pi},
      {"elu", kInvSqrt2Pi + a * eluPart},
      {"selu", kSeluScale * (kInvSqrt2Pi + kSeluAlpha * eluPart)},
      {"maxout", std::sqrt(2 / M_PI)},
  };
  QCOMPARE(expected.size(), dl::activationNames().size());
  for (const auto& [name, mean] : expected) {
    const double got = meanUnderStandardNormal(layerOf(name));
    QVERIFY2(std::abs(got - mean) <= 1e-6, qPrintable(QStringLiteral("%1: %2 vs %3")
                                                          .arg(QString::fromStdString(name))
                                                          .arg(got, 0, 'g', 10)
                                                          .arg(mean, 0, 'g', 10)));
    QCOMPARE(sampleActivation(layerOf(name)).meanUnderNormal, got);
  }
  QVERIFY(std::abs(expected.at("selu")) < 1e-4);  // the point of SELU's constants
  QVERIFY(std::abs(expected.at("relu") - 0.39894) < 1e-5);
}

// A network's activations are shown, bold and focused; its parameters (leaky slope 0.2, ELU
// α = 0.5) replace the defaults of those curves; a new network moves the focus.
void TestActivations::explorerFollowsTheNetwork() {
  ActivationExplorer x;
  QCOMPARE(x.activations().size(), qsizetype(dl::activationNames().size()));
  QCOMPARE(x.list()->count(), x.activations().size());
  QVERIFY(x.layerMeans().empty());
  dl::LayerConfig leaky = layerOf("leaky_relu"), elu = layerOf("elu");
  leaky.slope = 0.2;
  elu.alpha = 0.5;
  x.applySnapshot(snapshotOf({leaky, elu}, 1, 0, {}));
  QCOMPARE(x.networkActivations(), QStringList({"leaky_relu", "elu"}));
  QVERIFY(x.shown().contains("leaky_relu") && x.shown().contains("elu"));
  QCOMPARE(x.focused(), QStringLiteral("leaky_relu"));
  QCOMPARE(x.curve("leaky_relu")->layer.slope, 0.2);
  QVERIFY(std::abs(x.curve("leaky_relu")->f.front() - 0.2 * ActivationExplorer::kZMin) < 1e-6);
  QCOMPARE(x.curve("elu")->layer.alpha, 0.5);
  QVERIFY(x.displayName("leaky_relu").contains("0.2"));
  for (int i = 0; i < x.list()->count(); ++i) {
    QListWidgetItem* item = x.list()->item(i);
    const QString name = item->data(Qt::UserRole).toString();
    QCOMPARE(item->font().bold(), name == "leaky_relu" || name == "elu");
    QVERIFY(!item->toolTip().isEmpty());
  }
  // No mean before the first step.
  QCOMPARE(x.layerMeans().size(), std::size_t(2));
  QVERIFY(std::isnan(x.layerMeans()[0]));
  // Another network: tanh; the user's ticks stay, tanh is added and focused, leaky ReLU back to its default.
  x.applySnapshot(snapshotOf({layerOf("tanh")}, 2, 0, {}));
  QCOMPARE(x.networkActivations(), QStringList({"tanh"}));
  QCOMPARE(x.focused(), QStringLiteral("tanh"));
  QVERIFY(x.shown().contains("leaky_relu"));
  QCOMPARE(x.curve("leaky_relu")->layer.slope, dl::LayerConfig{}.slope);
  // Unticking the focused function moves the focus to a shown one; ticking one focuses it.
  x.setShown("tanh", false);
  QVERIFY(x.focused() != "tanh" && x.shown().contains(x.focused()));
  x.setShown("selu", true);
  QCOMPARE(x.focused(), QStringLiteral("selu"));
  x.setFocused("no-such-activation");
  QCOMPARE(x.focused(), QStringLiteral("selu"));
}

// A layer's live mean is the average of its last 20 mini-batch means; clear() forgets them.
void TestActivations::explorerAveragesTheLastMiniBatches() {
  ActivationExplorer x;
  const std::vector<dl::LayerConfig> net = {layerOf("sigmoid"), layerOf("sigmoid")};
  std::vector<std::vector<double>> steps;
  for (int i = 0; i < 30; ++i) steps.push_back({0.5 + 0.01 * i, 0.3});
  x.applySnapshot(snapshotOf(net, 1, 0, {steps.begin(), steps.begin() + 5}));
  QCOMPARE(x.meansStep(), 5LL);
  QVERIFY(std::abs(x.layerMeans()[0] - (0.5 + 0.01 * 2)) < 1e-12);  // steps 1–5: 0.50 … 0.54
  x.applySnapshot(snapshotOf(net, 1, 5, {steps.begin() + 5, steps.end()}));
  QCOMPARE(x.meansStep(), 30LL);
  QVERIFY(std::abs(x.layerMeans()[0] - (0.5 + 0.01 * 19.5)) < 1e-12);  // the last 20: 0.60 … 0.79
  QVERIFY(std::abs(x.layerMeans()[1] - 0.3) < 1e-12);
  // A snapshot without diagnostics (no layers) changes nothing.
  auto bare = std::make_shared<Snapshot>(*snapshotOf(net, 1, 30, {}));
  dl::StepMetrics m;
  m.step = 31;
  bare->runs.front().metrics.push_back(m);
  x.applySnapshot(bare);
  QCOMPARE(x.meansStep(), 30LL);
  x.clear();
  QVERIFY(std::isnan(x.layerMeans()[0]));
  QCOMPARE(x.meansStep(), 0LL);
}

// The focused function's saturated stretches are painted in its colour at alpha 48 over the
// background: there for sigmoid, gone when linear (which never saturates) has the focus.
void TestActivations::explorerPaintsTheShading() {
  ActivationExplorer x;
  QWidget* canvas = showSigmoidNetwork(x);
  QVERIFY(canvas);
  // The shade over white: orange (0xf2, 0x8e, 0x2b) at alpha 48.
  const QColor base = canvas->palette().base().color();
  const auto over = [&](QColor c) {
    const double a = 48 / 255.0;
    return qRgb(qRound(c.red() * a + base.red() * (1 - a)), qRound(c.green() * a + base.green() * (1 - a)),
                qRound(c.blue() * a + base.blue() * (1 - a)));
  };
  const QImage sigmoid = canvas->grab().toImage().convertToFormat(QImage::Format_RGB32);
  const int shaded = countColour(sigmoid, over(QColor(0xf2, 0x8e, 0x2b)));
  x.setShown("linear", true);
  x.setFocused("linear");
  const QImage linear = canvas->grab().toImage().convertToFormat(QImage::Format_RGB32);
  // Four bands (both ends, in f and f′), each some 50 × 200 px; without them only the odd
  // antialiased edge of the orange curve comes close to the shade.
  const int unshaded = countColour(linear, over(QColor(0xf2, 0x8e, 0x2b)));
  QVERIFY2(shaded > 10000 && unshaded * 20 < shaded, qPrintable(QStringLiteral("%1 vs %2").arg(shaded).arg(unshaded)));
}

// Hovering a plot gives f and f′ of every shown function at that z (and says which are
// saturated); hovering the strip explains the zero-centred question.
void TestActivations::tooltipsGiveTheNumbers() {
  ActivationExplorer x;
  QWidget* canvas = showSigmoidNetwork(x);
  QVERIFY(canvas);
  const auto tipAt = [&](QPoint pos) {
    QHelpEvent help(QEvent::ToolTip, pos, canvas->mapToGlobal(pos));
    QCoreApplication::sendEvent(canvas, &help);
    return QToolTip::text();
  };
  // Near the left end of f(z) (z ≈ −4.4), where sigmoid is saturated.
  const QString left = tipAt(QPoint(canvas->width() / 10, canvas->height() / 2));
  QVERIFY2(left.contains("z = -") && left.contains("sigmoid") && left.contains("tanh") && left.contains("(saturated)"),
           qPrintable(left));
  const QString strip = tipAt(QPoint(canvas->width() - 20, canvas->height() / 2));
  QVERIFY2(strip.contains("N(0, 1)") && strip.contains("20 mini-batches"), qPrintable(strip));
  QToolTip::hideText();
}

// Wide, the list shows the full names beside the panels; on a narrow explorer at projector text
// size (a 1024-pixel screen) it folds into the "Functions" button, whose menu has the same choices,
// and every label of the panels is whole (the strip's "layer 1: −0.04" was cut to "layer 1: -0.…").
void TestActivations::narrowExplorerFoldsTheList() {
  ActivationExplorer x;
  QFont big = x.font();
  big.setPointSizeF(13);
  x.setFont(big);
  x.resize(1400, 300);
  x.applySnapshot(snapshotOf({layerOf("tanh"), layerOf("tanh")}, 1, 0, {{-0.04, 0.02}}));
  x.show();
  QVERIFY(QTest::qWaitForWindowExposed(&x));
  auto* canvas = x.findChild<QWidget*>(QStringLiteral("activationCanvas"));
  QVERIFY(canvas);
  QTRY_VERIFY(x.list()->isVisible());
  QVERIFY(!x.picker()->isVisible());
  bool fullNames = false;
  for (int i = 0; i < x.list()->count(); ++i) fullNames |= x.list()->item(i)->text() == x.displayName("prelu");
  QVERIFY(fullNames);
  canvas->grab();
  QVERIFY2(canvas->property("elidedTexts").toStringList().isEmpty(),
           qPrintable(canvas->property("elidedTexts").toStringList().join(" | ")));

  x.resize(800, 200);
  QTRY_VERIFY(x.picker()->isVisible());
  QVERIFY(!x.list()->isVisible());
  canvas->grab();
  QVERIFY2(canvas->property("elidedTexts").toStringList().isEmpty(),
           qPrintable(canvas->property("elidedTexts").toStringList().join(" | ")));
  // The menu: every function, checked as shown; ticking one shows and focuses it.
  QMenu* menu = x.picker()->menu();
  QCOMPARE(menu->actions().size(), x.list()->count());
  QAction* elu = nullptr;
  for (QAction* a : menu->actions()) {
    if (a->text() == x.displayName("tanh")) QVERIFY(a->isChecked());
    if (a->text() == x.displayName("elu")) elu = a;
  }
  QVERIFY(elu && !elu->isChecked());
  elu->trigger();
  QVERIFY(x.shown().contains("elu"));
  QCOMPARE(x.focused(), QStringLiteral("elu"));
  x.setShown("elu", false);  // and the menu's box follows the list
  QVERIFY(!elu->isChecked());

  x.resize(1400, 300);  // and back
  QTRY_VERIFY(x.list()->isVisible());
  QVERIFY(!x.picker()->isVisible());
}

// "activations" is a view a preset may name; the chart panel routes it to the explorer's tab.
void TestActivations::panelRoutesTheView() {
  QVERIFY(dlio::presetViews().contains(QStringLiteral("activations")));
  ChartPanel panel;
  panel.resize(1200, 320);
  panel.show();
  QVERIFY(panel.showView(QStringLiteral("activations")));
  QCOMPARE(panel.currentView(), QStringLiteral("activations"));
  QVERIFY(panel.activationExplorer()->isVisible());
  QVERIFY(!panel.currentChart());  // not a chart: no PNG/SVG export through currentChart()
  QVERIFY(panel.showView(QStringLiteral("metrics")));
  QCOMPARE(panel.currentView(), QStringLiteral("metrics"));
  // The panel feeds it and clears it with a new generation.
  panel.applySnapshot(snapshotOf({layerOf("tanh"), layerOf("tanh")}, 7, 0, {{0.01, -0.02}}));
  QCOMPARE(panel.activationExplorer()->layerMeans().size(), std::size_t(2));
  QVERIFY(std::abs(panel.activationExplorer()->layerMeans()[1] + 0.02) < 1e-12);
  panel.applySnapshot(snapshotOf({layerOf("tanh"), layerOf("tanh")}, 8, 0, {}));
  QVERIFY(std::isnan(panel.activationExplorer()->layerMeans()[0]));
}

QTEST_MAIN(TestActivations)
#include "tst_ui_activations.moc"
