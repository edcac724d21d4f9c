// The live charts: PlotHistory keeps flat memory over a million steps and decimates exactly
// (per pixel column the true minimum and maximum), the charts take snapshots, export PNG/SVG,
// and the panel exports the full-resolution CSV.
#include "plots/ChartAxes.h"
#include "plots/ChartPanel.h"
#include "plots/GradientNormChart.h"
#include "plots/LearningRateChart.h"
#include "plots/LossChart.h"
#include "plots/MetricsRing.h"
#include "plots/PlotHistory.h"
#include "plots/SaturationChart.h"
#include "plots/SparsityChart.h"

#include <QChart>
#include <QChartView>
#include <QValueAxis>
#include <QLineSeries>
#include <QLegend>
#include <QLegendMarker>
#include <QScatterSeries>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QLogValueAxis>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>
#include <random>

using namespace dlui;

namespace {

// A snapshot with `steps` metrics from `from`, `layers` weighted layers, `runs` runs.
SnapshotPtr fakeSnapshot(quint64 generation, long long from, int steps, int runs = 1, int layers = 3) {
  auto s = std::make_shared<Snapshot>();
  s->generation = generation;
  s->running = true;
  for (int r = 0; r < runs; ++r) {
    RunSnapshot rs;
    rs.label = runs == 2 ? (r == 0 ? "L1" : "L2") : "";
    for (long long k = from; k < from + steps; ++k) {
      dl::StepMetrics m;
      m.step = k + 1;
      m.epoch = k / 10 + 1;
      m.lr = 0.1 / (1.0 + 0.001 * static_cast<double>(k));
      m.trainLoss = 1.0 / (1.0 + 0.01 * static_cast<double>(k)) + 0.01 * r;
      m.evaluated = k % 10 == 0;
      if (m.evaluated) {
        m.valLoss = m.trainLoss * 1.1;
        m.valAccuracy = 1.0 - 0.5 * m.trainLoss;
        m.trainAccuracy = 1.0 - 0.3 * m.trainLoss;
      }
      m.gradNormTotal = 1.0;
      for (int l = 0; l < layers; ++l) {
        dl::LayerStats st;
        st.gradNorm = std::pow(10.0, -l) / (1.0 + 0.001 * static_cast<double>(k));
        st.weightNorm = 1.0 + l;
        st.updateRatio = 1e-3;
        st.sparsity = r == 0 ? std::min(0.9, 0.001 * static_cast<double>(k)) : 0.01;
        st.saturation = l + 1 < layers ? 0.2 + 0.1 * l : dl::kNaN;
        m.layers.push_back(st);
      }
      rs.metrics.push_back(m);
    }
    rs.step = from + steps;
    std::mt19937 rng(static_cast<unsigned>(r + 1));
    std::normal_distribution<float> normal(0.0f, 0.3f);
    for (int l = 0; l < layers; ++l) {
      LayerWeights w;
      w.W = dl::Matrix::NullaryExpr(8, 8, [&] { return r == 0 && normal(rng) > 0 ? 0.0f : normal(rng); });
      w.b = dl::Vector::Zero(8);
      rs.weights.push_back(w);
    }
    s->runs.push_back(rs);
  }
  return s;
}

// The tick labels a value axis shows (Qt Charts formats each tick value with the label format).
QStringList tickLabels(const QValueAxis* a) {
  QStringList out;
  const QByteArray format = a->labelFormat().toLatin1();
  const double span = a->max() - a->min();
  if (a->tickType() == QValueAxis::TicksDynamic && a->tickInterval() > 0) {
    const double i = a->tickInterval();
    for (double v = a->tickAnchor() + std::ceil((a->min() - a->tickAnchor()) / i - 1e-9) * i;
         v <= a->max() + 1e-9 * span; v += i)
      out << QString::asprintf(format.constData(), v);
  } else {
    for (int k = 0; k < a->tickCount(); ++k)
      out << QString::asprintf(format.constData(), a->min() + k * span / std::max(1, a->tickCount() - 1));
  }
  return out;
}

// Every value axis of every chart view under `w`.
QList<QValueAxis*> valueAxes(QWidget* w) {
  QList<QValueAxis*> out;
  for (auto* view : w->findChildren<QChartView*>())
    for (QAbstractAxis* a : view->chart()->axes())
      if (auto* v = qobject_cast<QValueAxis*>(a); v && v->isVisible()) out << v;
  return out;
}

// The step (bottom) axis of a single-view chart.
QValueAxis* stepAxisOf(QWidget* chart) {
  auto* view = chart->findChild<QChartView*>();
  return view ? qobject_cast<QValueAxis*>(view->chart()->axes(Qt::Horizontal).value(0)) : nullptr;
}

// The line series of a chart named `name` (a line may be drawn in several pieces).
QList<QLineSeries*> linesNamed(QWidget* chart, const QString& name) {
  QList<QLineSeries*> out;
  for (auto* view : chart->findChildren<QChartView*>())
    for (QAbstractSeries* s : view->chart()->series())
      if (auto* l = qobject_cast<QLineSeries*>(s); l && l->name() == name) out << l;
  return out;
}

QList<QScatterSeries*> scatters(QWidget* chart) {
  QList<QScatterSeries*> out;
  for (auto* view : chart->findChildren<QChartView*>())
    for (QAbstractSeries* s : view->chart()->series())
      if (auto* m = qobject_cast<QScatterSeries*>(s)) out << m;
  return out;
}

bool imageHasContent(const QString& path) {
  QImage img(path);
  if (img.isNull() || img.width() < 100 || img.height() < 100) return false;
  // More than one colour: something was drawn.
  const QRgb first = img.pixel(0, 0);
  for (int y = 0; y < img.height(); y += 7)
    for (int x = 0; x < img.width(); x += 7)
      if (img.pixel(x, y) != first) return true;
  return false;
}

}  // namespace

class TestPlots : public QObject {
  Q_OBJECT
private slots:
  void historySmall();
  void historyBoundedMemory();
  void historyDecimationIsExact();
  void historySkipsNonFinite();
  void metricsRing();
  void chartsAcceptSnapshots();
  void exports();
  void panelClearsOnGeneration();
  void panelCsv();
  void presentationAndLanguage();
  void logAxisLabelsAndMinorTicks();
  void axisTitleOnlyWhereItFits();
  void layerColoursAreDistinct();
  void axesResetOnNewGeneration();
  void tickLabelsDistinct();
  void layerColoursSharedAcrossCharts();
  void logAxisZerosAreGapsNotFloor();
  void divergedRunShowsItsSteps();
  void smoothingIsTensorBoardsEma();
  void smoothingDrawsRawFaintBehind();
  void trainingAccuracyBesideValidation();
};

void TestPlots::historySmall() {
  PlotHistory h(4);
  for (int i = 0; i < 8; ++i) h.append(i, i % 3);  // 0 1 2 0 1 2 0 1
  QCOMPARE(h.sampleCount(), 8LL);
  QCOMPARE(h.bucketCount(), 4);
  QCOMPARE(h.bucketWidth(), 2LL);
  QCOMPARE(h.firstX(), 0.0);
  QCOMPARE(h.lastX(), 7.0);
  QCOMPARE(h.lastY(), 1.0);
  QCOMPARE(h.minY(), 0.0);
  QCOMPARE(h.maxY(), 2.0);
  h.append(8, 5);  // merges into 2 buckets of 4, then a third bucket
  QCOMPARE(h.bucketCount(), 3);
  QCOMPARE(h.bucketWidth(), 4LL);
  // Fewer buckets than columns: the first sample, every bucket's min and max in x order, the last.
  const QList<QPointF> p = h.decimated(100);
  const QList<QPointF> expected = {{0, 0}, {2, 2}, {5, 2}, {6, 0}, {8, 5}};
  QCOMPARE(p, expected);
  // A flat line is its two ends.
  PlotHistory flat(8);
  for (int i = 0; i < 100; ++i) flat.append(i, 0.5);
  QCOMPARE(flat.decimated(50), (QList<QPointF>{{0, 0.5}, {99, 0.5}}));
  h.clear();
  QVERIFY(h.isEmpty());
  QVERIFY(h.decimated(10).isEmpty());
}

void TestPlots::historyBoundedMemory() {
  PlotHistory h;
  for (int i = 0; i < 10000; ++i) h.append(i, std::sin(i * 0.01));
  const std::size_t early = h.memoryBytes();
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> u(-1, 1);
  for (int i = 10000; i < 1000000; ++i) h.append(i, u(rng));
  QCOMPARE(h.sampleCount(), 1000000LL);
  QVERIFY(h.bucketCount() <= PlotHistory::kDefaultCapacity);
  QVERIFY(h.bucketCount() > PlotHistory::kDefaultCapacity / 2);
  QCOMPARE(h.memoryBytes(), early);       // flat after the first fill
  QVERIFY(h.memoryBytes() < 340 * 1024);  // 4096 buckets of 80 bytes (min/max/ends, count, sum)
  for (int i = 1000000; i < 3000000; ++i) h.append(i, u(rng));
  QCOMPARE(h.memoryBytes(), early);
  QVERIFY(h.decimated(800).size() <= 2 * 800 + 2);
}

// Against brute force: for 10⁶ samples with spikes, per pixel column the decimated points hold
// exactly the column's minimum and maximum (columns are unions of whole buckets).
void TestPlots::historyDecimationIsExact() {
  const int n = 1000000, columns = 777;
  std::vector<double> y(n);
  std::mt19937 rng(3);
  std::normal_distribution<double> normal(0, 1);
  for (int i = 0; i < n; ++i) y[static_cast<std::size_t>(i)] = normal(rng);
  y[123457] = 50;
  y[876543] = -60;
  PlotHistory h;
  for (int i = 0; i < n; ++i) h.append(i, y[static_cast<std::size_t>(i)]);
  const long long width = h.bucketWidth();
  const QList<QPointF> pts = h.decimated(columns);
  QVERIFY(pts.size() <= 2 * columns + 2);
  // Column of sample i: that of its bucket's first sample.
  const double span = n - 1;
  auto columnOf = [&](long long i) {
    const double first = static_cast<double>((i / width) * width);
    return std::min(columns - 1, static_cast<int>(std::floor(first / span * columns)));
  };
  std::map<int, std::pair<double, double>> brute, seen;
  for (long long i = 0; i < n; ++i) {
    auto [it, fresh] = brute.try_emplace(columnOf(i), y[static_cast<std::size_t>(i)], y[static_cast<std::size_t>(i)]);
    if (!fresh) {
      it->second.first = std::min(it->second.first, y[static_cast<std::size_t>(i)]);
      it->second.second = std::max(it->second.second, y[static_cast<std::size_t>(i)]);
    }
  }
  double lastX = -1;
  for (const QPointF& p : pts) {
    QVERIFY(p.x() >= lastX);  // in x order
    lastX = p.x();
    const auto i = static_cast<long long>(p.x());
    QCOMPARE(p.y(), y[static_cast<std::size_t>(i)]);  // every point is a real sample
    auto [it, fresh] = seen.try_emplace(columnOf(i), p.y(), p.y());
    if (!fresh) {
      it->second.first = std::min(it->second.first, p.y());
      it->second.second = std::max(it->second.second, p.y());
    }
  }
  QCOMPARE(seen.size(), brute.size());
  for (const auto& [col, mm] : brute) {
    QCOMPARE(seen[col].first, mm.first);
    QCOMPARE(seen[col].second, mm.second);
  }
  QCOMPARE(pts.front().x(), 0.0);
  QCOMPARE(pts.back().x(), double(n - 1));
  QCOMPARE(h.minY(), -60.0);
  QCOMPARE(h.maxY(), 50.0);
}

void TestPlots::historySkipsNonFinite() {
  PlotHistory h;
  h.append(0, dl::kNaN);
  h.append(1, std::numeric_limits<double>::infinity());
  QVERIFY(h.isEmpty());
  h.append(2, -1);
  h.append(3, 0.5);
  QCOMPARE(h.sampleCount(), 2LL);
  QCOMPARE(h.minPositiveY(), 0.5);
}

void TestPlots::metricsRing() {
  MetricsRing ring(100);
  auto s = fakeSnapshot(1, 0, 250);
  for (const auto& m : s->runs[0].metrics) ring.append(m);
  QCOMPARE(ring.size(), std::size_t(100));
  QCOMPARE(ring.overwritten(), 150LL);
  QCOMPARE(ring.layerCount(), 3);
  const dl::StepMetrics first = ring.at(0), last = ring.at(99);
  QCOMPARE(first.step, 151LL);
  QCOMPARE(last.step, 250LL);
  const dl::StepMetrics& orig = s->runs[0].metrics[150];
  QCOMPARE(first.lr, orig.lr);
  QCOMPARE(first.trainLoss, orig.trainLoss);
  QCOMPARE(first.evaluated, orig.evaluated);
  QCOMPARE(first.layers.size(), std::size_t(3));
  QCOMPARE(first.layers[1].gradNorm, orig.layers[1].gradNorm);
  QVERIFY(std::isnan(first.layers[2].saturation));
  QVERIFY(std::isnan(first.testLoss) && std::isnan(first.testAccuracy));  // no test part
  dl::StepMetrics withTest = orig;
  withTest.step = 251;
  withTest.testLoss = 0.7;
  withTest.testAccuracy = 0.6;
  ring.append(withTest);
  QCOMPARE(ring.at(99).testLoss, 0.7);
  QCOMPARE(ring.at(99).testAccuracy, 0.6);
}

void TestPlots::chartsAcceptSnapshots() {
  ChartPanel panel;
  panel.resize(900, 600);
  panel.show();
  QVERIFY(QTest::qWaitForWindowExposed(&panel));
  long long step = 0;
  for (int i = 0; i < 30; ++i) {
    panel.applySnapshot(fakeSnapshot(1, step, 500));
    step += 500;
    QCoreApplication::processEvents();
  }
  for (PlotWidget* c : panel.charts()) c->flush();
  QCOMPARE(panel.lossChart()->runCount(), 1);
  QCOMPARE(panel.lossChart()->trainingLoss(0).sampleCount(), step);
  QCOMPARE(panel.lossChart()->validationLoss(0).sampleCount(), step / 10);
  QCOMPARE(panel.gradientNormChart()->layerCount(), 3);
  QCOMPARE(panel.saturationChart()->layerCount(), 2);  // hidden layers only
  QCOMPARE(panel.learningRateChart()->history().sampleCount(), step);
  QVERIFY(!panel.sparsityChart()->pairShown());
  panel.lossChart()->setLogScale(true);
  panel.learningRateChart()->setLogScale(true);
  panel.applySnapshot(fakeSnapshot(1, step, 10));
  for (PlotWidget* c : panel.charts()) c->flush();
  QVERIFY(panel.lossChart()->logScale());

  // The pair: two runs, the sparsity tab leaves its placeholder.
  panel.applySnapshot(fakeSnapshot(2, 0, 300, 2));
  QVERIFY(panel.sparsityChart()->pairShown());
  QCOMPARE(panel.lossChart()->runCount(), 2);
  QCOMPARE(panel.sparsityChart()->sparsity(0).sampleCount(), 300LL);
  QVERIFY(panel.sparsityChart()->sparsity(0).maxY() > panel.sparsityChart()->sparsity(1).maxY());
  for (PlotWidget* c : panel.charts()) c->flush();
  // The weight histograms' share axes stop at 100 % (or just above the highest bar).
  int histograms = 0;
  for (auto* view : panel.sparsityChart()->findChildren<QChartView*>()) {
    if (!view->chart()->title().contains(": weights")) continue;
    ++histograms;
    auto* y = qobject_cast<QValueAxis*>(view->chart()->axes(Qt::Vertical).value(0));
    QVERIFY(y && y->max() > 0 && y->max() <= 105);
  }
  QCOMPARE(histograms, 2);
}

void TestPlots::exports() {
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  // Hidden charts export at a default size; shown ones as they are.
  std::vector<std::unique_ptr<PlotWidget>> charts;
  charts.push_back(std::make_unique<LossChart>());
  charts.push_back(std::make_unique<GradientNormChart>());
  charts.push_back(std::make_unique<SaturationChart>());
  charts.push_back(std::make_unique<SparsityChart>());
  charts.push_back(std::make_unique<LearningRateChart>());
  auto snap = fakeSnapshot(1, 0, 2000, 2);
  int i = 0;
  for (auto& c : charts) {
    c->applySnapshot(*snap);
    const QString png = dir.filePath(QString("chart%1.png").arg(i));
    const QString svg = dir.filePath(QString("chart%1.svg").arg(i));
    QVERIFY(c->exportPng(png));
    QVERIFY2(imageHasContent(png), qPrintable(png));
    QVERIFY(c->exportSvg(svg));
    QFile f(svg);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    QVERIFY(text.size() > 1000);
    QVERIFY(text.contains("<svg"));
    ++i;
  }
  QString error;
  QVERIFY(!charts.front()->exportPng(dir.filePath("no/such/dir/x.png"), &error));
  QVERIFY2(error.contains("does not exist"), qPrintable(error));
  // A device that takes nothing: an error naming it, and the device left a device (a rename over
  // it would replace /dev/full, as root, with a regular file).
  for (const bool svg : {false, true}) {
    error.clear();
    QVERIFY(!(svg ? charts.front()->exportSvg("/dev/full", &error) : charts.front()->exportPng("/dev/full", &error)));
    QVERIFY2(error.startsWith("/dev/full: cannot be written"), qPrintable(error));
    QVERIFY(!QFileInfo("/dev/full").isFile());
  }
}

void TestPlots::panelClearsOnGeneration() {
  ChartPanel panel;
  panel.applySnapshot(fakeSnapshot(1, 0, 100));
  QCOMPARE(panel.lossChart()->trainingLoss(0).sampleCount(), 100LL);
  QCOMPARE(panel.csvSteps(), std::size_t(100));
  panel.applySnapshot(fakeSnapshot(2, 0, 7));
  QCOMPARE(panel.lossChart()->trainingLoss(0).sampleCount(), 7LL);
  QCOMPARE(panel.csvSteps(), std::size_t(7));
  QCOMPARE(panel.gradientNormChart()->history(0).sampleCount(), 7LL);
}

void TestPlots::panelCsv() {
  QTemporaryDir dir;
  ChartPanel panel;
  auto s = fakeSnapshot(1, 0, 1000);
  std::const_pointer_cast<Snapshot>(s)->runs[0].droppedSteps = 5;
  panel.applySnapshot(s);
  panel.applySnapshot(fakeSnapshot(1, 1000, 500));
  const QString path = dir.filePath("metrics.csv");
  QVERIFY(panel.exportCsv(path));
  QVERIFY(!panel.exportCsv(path, 1));  // no second run
  QString error;
  QVERIFY(!panel.exportCsv("/dev/full", 0, &error));
  QVERIFY2(error.startsWith("/dev/full: cannot be written"), qPrintable(error));
  QCOMPARE(panel.csvMissingSteps(), 5LL);
  QFile f(path);
  QVERIFY(f.open(QIODevice::ReadOnly | QIODevice::Text));
  const QList<QByteArray> lines = f.readAll().split('\n');
  QCOMPARE(lines.front(), QByteArray("step,epoch,lr,train_loss,val_loss,val_acc,grad_norm_total,clipped,"
                                     "grad_norm_1,weight_norm_1,update_ratio_1,sparsity_1,saturation_1,"
                                     "grad_norm_2,weight_norm_2,update_ratio_2,sparsity_2,saturation_2,"
                                     "grad_norm_3,weight_norm_3,update_ratio_3,sparsity_3,saturation_3"));
  QCOMPARE(lines.size(), 1 + 1500 + 1);  // header, rows, final newline
  QVERIFY(lines[1].startsWith("1,1,0.1,1,1.1,"));
  QVERIFY(lines[2].startsWith("2,1,"));
  QVERIFY(lines[1500].startsWith("1500,"));
  QCOMPARE(lines[2].split(',').size(), 8 + 15);
}

void TestPlots::presentationAndLanguage() {
  ChartPanel panel;
  panel.applySnapshot(fakeSnapshot(1, 0, 100, 2));
  panel.setPresentationMode(true);
  for (PlotWidget* c : panel.charts()) QVERIFY(c->presentationMode());
  QEvent change(QEvent::LanguageChange);
  for (PlotWidget* c : panel.charts()) QCoreApplication::sendEvent(c, &change);
  QCoreApplication::sendEvent(&panel, &change);
  panel.setPresentationMode(false);
  QTemporaryDir dir;
  QVERIFY(panel.exportPng(dir.filePath("current.png")));
  QVERIFY(imageHasContent(dir.filePath("current.png")));
}

QTEST_MAIN(TestPlots)
// A log axis over many decades labels every k-th decade (at most about five labels) and draws
// minor grid lines only when each label is one decade: with base 10^k Qt's automatic minor ticks
// would be 10^k − 2 lines per label, a solid grey plot.
void TestPlots::logAxisLabelsAndMinorTicks() {
  QChart chart;
  dlui::YAxis y(&chart, Qt::AlignLeft, true);
  auto* axis = qobject_cast<QLogValueAxis*>(y.axis());
  QVERIFY(axis);
  y.autoscale(1e-3, 5, 1e-3);  // four decades: one label each, with minor ticks
  QCOMPARE(axis->base(), 10.0);
  QVERIFY(axis->minorTickCount() != 0);
  y.autoscale(1e-9, 500, 1e-9);  // twelve decades: a label every third decade, no minor ticks
  QCOMPARE(axis->base(), 1000.0);
  QCOMPARE(axis->minorTickCount(), 0);
  QVERIFY(axis->min() <= 1e-9 && axis->max() >= 500);
  y.autoscale(0.01, 0.5, 0.01);  // back to few decades
  QCOMPARE(axis->base(), 10.0);
  QVERIFY(axis->minorTickCount() != 0);
}

// A vertical axis title shows only when the plot is as tall as the title is long: a short
// projector chart showed "accuracy" elided to "accu…"; a tall one keeps it, and it comes back
// when the chart grows again.
void TestPlots::axisTitleOnlyWhereItFits() {
  QChartView view;
  auto* chart = new QChart;
  view.setChart(chart);
  dlui::YAxis y(chart, Qt::AlignRight);
  y.setTitle(QStringLiteral("a rather long accuracy title"));
  auto* series = new QLineSeries;
  chart->addSeries(series);
  y.attach(series);
  view.resize(500, 400);
  view.show();
  QVERIFY(QTest::qWaitForWindowExposed(&view));
  QTRY_VERIFY(chart->plotArea().height() > 250);
  QVERIFY(y.titleShown());
  QCOMPARE(y.axis()->titleText(), QStringLiteral("a rather long accuracy title"));
  view.resize(500, 130);
  QTRY_VERIFY(chart->plotArea().height() < 100);
  QTRY_VERIFY(!y.titleShown());
  view.resize(500, 400);
  QTRY_VERIFY(y.titleShown());
}

// Every layer line has its own colour, also in the 21-layer presets (deep-relu-he): with a
// cycling palette layer 1 and the output layer of a 10-layer net were the same blue.
void TestPlots::layerColoursAreDistinct() {
  for (int count : {2, 10, 11, 21, 65}) {
    QSet<QRgb> seen;
    for (int l = 0; l < count; ++l) seen.insert(dlui::layerColor(l, count).rgb());
    QVERIFY2(seen.size() == count, qPrintable(QString::number(count)));
  }
  QCOMPARE(dlui::layerColor(0, 3), dlui::seriesColor(0));  // small nets keep the palette
}

// A reset or a preset load (a new generation) starts the charts from empty axes: the step axis
// no longer shows the previous run's 20000–60000, nor the loss axis its old range.
void TestPlots::axesResetOnNewGeneration() {
  ChartPanel panel;
  panel.resize(900, 600);
  panel.show();
  QVERIFY(QTest::qWaitForWindowExposed(&panel));
  auto big = fakeSnapshot(1, 20000, 40000);
  for (auto& m : std::const_pointer_cast<Snapshot>(big)->runs[0].metrics) m.trainLoss *= 1e5;
  panel.applySnapshot(big);
  for (PlotWidget* c : panel.charts()) c->flush();
  QValueAxis* steps = stepAxisOf(panel.lossChart());
  QVERIFY(steps);
  QVERIFY(steps->min() >= 20000);
  auto* lossAxis =
      qobject_cast<QValueAxis*>(panel.lossChart()->findChild<QChartView*>()->chart()->axes(Qt::Vertical).value(0));
  QVERIFY(lossAxis && lossAxis->max() > 10);
  auto* gradAxis = qobject_cast<QLogValueAxis*>(
      panel.gradientNormChart()->findChild<QChartView*>()->chart()->axes(Qt::Vertical).value(0));
  QVERIFY(gradAxis);
  const double gradMin = gradAxis->min();
  // The new generation's first snapshot carries no metrics yet (a reset, before a step).
  auto empty = std::make_shared<Snapshot>();
  empty->generation = 2;
  empty->runs.resize(1);
  panel.applySnapshot(empty);
  for (PlotWidget* c : panel.charts()) c->flush();
  for (PlotWidget* c :
       {static_cast<PlotWidget*>(panel.lossChart()), static_cast<PlotWidget*>(panel.gradientNormChart()),
        static_cast<PlotWidget*>(panel.saturationChart()), static_cast<PlotWidget*>(panel.learningRateChart())}) {
    QValueAxis* s = stepAxisOf(c);
    QVERIFY(s);
    QVERIFY2(s->max() <= 100,
             qPrintable(QString("%1: %2–%3").arg(c->metaObject()->className()).arg(s->min()).arg(s->max())));
  }
  QVERIFY2(lossAxis->max() <= 1, qPrintable(QString::number(lossAxis->max())));
  // (the gradient axis object may have been replaced; look it up again)
  auto* gradAxis2 = qobject_cast<QLogValueAxis*>(
      panel.gradientNormChart()->findChild<QChartView*>()->chart()->axes(Qt::Vertical).value(0));
  QVERIFY(gradAxis2);
  QVERIFY(gradAxis2->min() != gradMin || gradMin == 1e-3);
}

// Tick labels are distinct (never "0 0 1 1 1") on the empty charts, on a single step and on a
// loss that barely moves.
void TestPlots::tickLabelsDistinct() {
  ChartPanel panel;
  panel.resize(900, 600);
  panel.show();
  QVERIFY(QTest::qWaitForWindowExposed(&panel));
  auto check = [&](const char* what) {
    for (PlotWidget* c : panel.charts()) {
      c->flush();
      for (QValueAxis* a : valueAxes(c)) {
        const QStringList labels = tickLabels(a);
        QVERIFY2(labels.size() >= 2 && QSet<QString>(labels.begin(), labels.end()).size() == labels.size(),
                 qPrintable(QString("%1, %2: %3").arg(what, c->metaObject()->className(), labels.join(' '))));
      }
    }
  };
  check("empty");
  panel.applySnapshot(fakeSnapshot(1, 0, 1));
  check("one step");
  auto flat = fakeSnapshot(2, 0, 300);
  for (auto& m : std::const_pointer_cast<Snapshot>(flat)->runs[0].metrics) {
    m.trainLoss = 0.6931471 + 1e-7 * static_cast<double>(m.step % 3);
    m.lr = 0.1;
  }
  panel.applySnapshot(flat);
  check("flat loss");
  panel.applySnapshot(fakeSnapshot(3, 0, 300, 2));
  check("pair");
}

// The same layer has the same colour in the gradient-norm and the saturation charts, also past
// ten layers (where the hue sweep used to depend on how many lines each chart draws).
void TestPlots::layerColoursSharedAcrossCharts() {
  for (int layers : {3, 11, 12, 21}) {
    ChartPanel panel;
    panel.applySnapshot(fakeSnapshot(1, 0, 5, 1, layers));
    auto colours = [](PlotWidget* c) {
      std::map<QString, QRgb> out;
      for (QAbstractSeries* s : c->findChild<QChartView*>()->chart()->series())
        if (auto* line = qobject_cast<QLineSeries*>(s); line && !line->name().isEmpty())
          out[line->name()] = line->pen().color().rgb();
      return out;
    };
    const auto grad = colours(panel.gradientNormChart()), sat = colours(panel.saturationChart());
    QCOMPARE(int(sat.size()), layers - 1);
    for (const auto& [name, rgb] : sat) {
      QVERIFY2(grad.count(name), qPrintable(name));
      QVERIFY2(grad.at(name) == rgb, qPrintable(QString("%1 layers, %2").arg(layers).arg(name)));
    }
  }
}

// A loss of exactly 0 on a log axis is not drawn at the axis floor: the line breaks there and
// the zeros are marked apart (exploding-clipped's training loss after ~350 steps).
void TestPlots::logAxisZerosAreGapsNotFloor() {
  LossChart chart;
  chart.resize(800, 400);
  chart.show();
  QVERIFY(QTest::qWaitForWindowExposed(&chart));
  chart.setLogScale(true);
  auto s = fakeSnapshot(1, 0, 300);
  for (auto& m : std::const_pointer_cast<Snapshot>(s)->runs[0].metrics)
    if (m.step > 100 && m.step <= 200) m.trainLoss = 0;
  chart.applySnapshot(*s);
  chart.flush();
  QLogValueAxis* axis = nullptr;
  for (QAbstractAxis* a : chart.findChild<QChartView*>()->chart()->axes(Qt::Vertical))
    if (auto* l = qobject_cast<QLogValueAxis*>(a)) axis = l;
  QVERIFY(axis);
  const QList<QLineSeries*> lines = linesNamed(&chart, "training loss");
  QVERIFY(!lines.isEmpty());
  int drawn = 0, pieces = 0;
  bool crossesGap = false;
  for (QLineSeries* l : lines) {
    if (l->count() == 0 || l->property("dlplayFaint").toBool()) continue;
    ++pieces;
    for (int i = 0; i < l->count(); ++i) {
      const QPointF p = l->at(i);
      ++drawn;
      QVERIFY2(p.y() > axis->min() * 1.01, qPrintable(QString("step %1 drawn at %2").arg(p.x()).arg(p.y())));
      if (i > 0 && l->at(i - 1).x() <= 100 && p.x() > 200) crossesGap = true;
    }
  }
  QVERIFY(drawn > 0);
  QVERIFY2(pieces >= 2, "the line breaks at the zeros");
  QVERIFY2(!crossesGap, "no segment joins the two sides of the gap");
  // The zeros are marked: some scatter series holds points between steps 101 and 200.
  int marks = 0;
  for (QScatterSeries* m : scatters(&chart))
    for (int i = 0; i < m->count(); ++i)
      if (m->at(i).x() > 100 && m->at(i).x() <= 200) ++marks;
  QVERIFY(marks > 0);
}

// exploding-large-init: step 1 finite, step 2 diverges. The loss and every gradient line show
// their one point (a dot), the divergence is marked at step 2, and both steps are on the axis.
void TestPlots::divergedRunShowsItsSteps() {
  ChartPanel panel;
  panel.resize(900, 600);
  panel.show();
  QVERIFY(QTest::qWaitForWindowExposed(&panel));
  panel.lossChart()->setLogScale(true);
  auto s = fakeSnapshot(1, 0, 2);
  auto& run = std::const_pointer_cast<Snapshot>(s)->runs[0];
  run.metrics[0].trainLoss = 3.0e4;
  run.metrics[0].evaluated = false;
  for (auto& l : run.metrics[0].layers) l.gradNorm = 5.0e6;
  run.metrics[1].trainLoss = std::numeric_limits<double>::infinity();
  run.metrics[1].evaluated = false;
  run.metrics[1].layers.clear();
  run.divergence = dl::Divergence{2, 3, "loss"};
  panel.applySnapshot(s);
  for (PlotWidget* c : panel.charts()) c->flush();
  auto oneDot = [](QWidget* chart, const QString& name) {
    for (QLineSeries* l : linesNamed(chart, name))
      if (l->count() == 1 && l->pointsVisible() && l->isVisible() && l->at(0).x() == 1) return true;
    return false;
  };
  QVERIFY(oneDot(panel.lossChart(), "training loss"));
  QVERIFY(oneDot(panel.gradientNormChart(), "layer 1"));
  QVERIFY(oneDot(panel.gradientNormChart(), "output"));
  for (QWidget* chart : {static_cast<QWidget*>(panel.lossChart()), static_cast<QWidget*>(panel.gradientNormChart())}) {
    bool star = false;
    for (QScatterSeries* m : scatters(chart))
      for (int i = 0; i < m->count(); ++i) star = star || m->at(i).x() == 2;
    QVERIFY(star);
    QValueAxis* steps = stepAxisOf(chart);
    QVERIFY(steps->min() < 1 && steps->max() >= 2);
  }
  // A longer run: the line ends at the last finite step, the star is at the divergence.
  LossChart chart;
  chart.resize(800, 400);
  chart.show();
  QVERIFY(QTest::qWaitForWindowExposed(&chart));
  auto longer = fakeSnapshot(1, 0, 51);
  std::const_pointer_cast<Snapshot>(longer)->runs[0].metrics.back().trainLoss = dl::kNaN;
  chart.applySnapshot(*longer);
  chart.flush();
  double lastDrawn = 0, star = 0;
  for (QLineSeries* l : linesNamed(&chart, "training loss"))
    if (l->isVisible() && l->count() > 0) lastDrawn = std::max(lastDrawn, l->at(l->count() - 1).x());
  for (QScatterSeries* m : scatters(&chart))
    for (int i = 0; i < m->count(); ++i) star = std::max(star, m->at(i).x());
  QCOMPARE(lastDrawn, 50.0);
  QCOMPARE(star, 51.0);
  // The loss axis covers the one value: 3·10⁴ is inside it.
  QLogValueAxis* axis = nullptr;
  for (QAbstractAxis* a : panel.lossChart()->findChild<QChartView*>()->chart()->axes(Qt::Vertical))
    if (auto* l = qobject_cast<QLogValueAxis*>(a)) axis = l;
  QVERIFY(axis && axis->min() < 3e4 && axis->max() > 3e4);
}

// The smoothed curve is TensorBoard's debiased EMA: exact while every sample has its bucket,
// close to it once the buckets merge (means weighted by w^count) and the window (1/(1−w)
// samples) is wider than a bucket.
void TestPlots::smoothingIsTensorBoardsEma() {
  std::mt19937 rng(3);
  std::normal_distribution<double> noise(0, 0.2);
  for (auto [n, w] : {std::pair{500, 0.9}, std::pair{50000, 0.99}}) {
    PlotHistory h;
    std::vector<double> exact;
    double last = 0;
    for (int i = 0; i < n; ++i) {
      const double y = 1.0 / (1 + 0.001 * i) + noise(rng);
      h.append(i, y);
      last = last * w + (1 - w) * y;
      exact.push_back(last / (1 - std::pow(w, i + 1)));
    }
    const QList<QPointF> sm = h.smoothed(100000, w);
    QVERIFY(!sm.isEmpty());
    QCOMPARE(sm.back().x(), double(n - 1));
    double worst = 0;
    for (const QPointF& p : sm) worst = std::max(worst, std::abs(p.y() - exact[static_cast<std::size_t>(p.x())]));
    QVERIFY2(worst < (n <= PlotHistory::kDefaultCapacity ? 1e-9 : 0.02), qPrintable(QString::number(worst)));
    QVERIFY(h.smoothed(300, w).size() <= 301);  // one point per column
    // Weight 0 is the raw data.
    PlotHistory small;
    for (int i = 0; i < 10; ++i) small.append(i, i * i);
    const QList<QPointF> raw = small.smoothed(100, 0);
    QCOMPARE(raw.size(), 10);
    QCOMPARE(raw[3].y(), 9.0);
  }
}

// With smoothing on, the loss and gradient charts draw the smoothed line in full colour and the
// raw one faint behind it; off, only the raw line.
void TestPlots::smoothingDrawsRawFaintBehind() {
  ChartPanel panel;
  panel.resize(900, 600);
  panel.show();
  QVERIFY(QTest::qWaitForWindowExposed(&panel));
  panel.applySnapshot(fakeSnapshot(1, 0, 1000));
  panel.setSmoothing(0.9);
  QCOMPARE(panel.smoothing(), 0.9);
  for (PlotWidget* c : panel.charts()) c->flush();
  QTest::qWait(50);
  for (auto [chart, name] : {std::pair<QWidget*, QString>{panel.lossChart(), "training loss"},
                             std::pair<QWidget*, QString>{panel.gradientNormChart(), "layer 1"}}) {
    int faint = 0, full = 0;
    for (QLineSeries* l : linesNamed(chart, name))
      if (l->isVisible() && l->count() > 0) {
        const bool pale = l->property("dlplayFaint").toBool();
        (pale ? faint : full) += 1;
        // Faint: the colour lightened towards the white background.
        if (pale) QVERIFY(l->pen().color().lightness() > 200);
      }
    QVERIFY2(faint >= 1 && full >= 1, qPrintable(name));
    // One legend entry per curve, in full colour: the faint raw line has none.
    QStringList entries;
    for (QLegendMarker* m : chart->findChild<QChartView*>()->chart()->legend()->markers())
      if (m->isVisible()) {
        entries << m->label();
        QVERIFY(!m->series()->property("dlplayFaint").toBool());
      }
    QStringList all;
    for (QLegendMarker* m : chart->findChild<QChartView*>()->chart()->legend()->markers())
      all << QString("%1:%2:%3").arg(m->label()).arg(m->isVisible()).arg(m->series()->isVisible());
    QVERIFY2(entries.count(name) == 1, qPrintable(all.join(" | ")));
  }
  panel.setSmoothing(0);
  for (PlotWidget* c : panel.charts()) c->flush();
  for (QLineSeries* l : linesNamed(panel.lossChart(), "training loss"))
    QVERIFY(!(l->isVisible() && l->count() > 0 && l->property("dlplayFaint").toBool()));
}

// Training accuracy is drawn beside validation accuracy on the accuracy axis, one point per
// evaluation, and named for what it measures.
void TestPlots::trainingAccuracyBesideValidation() {
  LossChart chart;
  chart.resize(800, 400);
  chart.show();
  QVERIFY(QTest::qWaitForWindowExposed(&chart));
  chart.applySnapshot(*fakeSnapshot(1, 0, 500));
  chart.flush();
  QCOMPARE(chart.trainingAccuracy(0).sampleCount(), 50LL);
  QCOMPARE(chart.validationAccuracy(0).sampleCount(), 50LL);
  QLineSeries* line = nullptr;
  for (QLineSeries* l : linesNamed(&chart, "training accuracy"))
    if (l->isVisible() && l->count() > 0) line = l;
  QVERIFY(line);
  QVERIFY(line->count() > 10);
  for (QAbstractAxis* a : line->attachedAxes())
    if (a->orientation() == Qt::Vertical) QVERIFY(a->titleText().contains("accuracy"));
  // In % like the validation accuracy: the last point is 100·(1 − 0.3·loss).
  const double loss = 1.0 / (1.0 + 0.01 * 490);
  QVERIFY(std::abs(line->at(line->count() - 1).y() - 100 * (1 - 0.3 * loss)) < 1e-9);
}

#include "tst_ui_plots.moc"
