// Loss and accuracy chart (see LossChart.h).
#include "plots/LossChart.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QPen>
#include <QScatterSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <functional>
#include <tuple>

namespace dlui {

LossChart::LossChart(QWidget* parent) : PlotWidget(parent), m_chart(new QChart) {
  m_logBox = new QCheckBox(this);
  m_view = createView(m_chart);
  m_steps = makeStepAxis(m_chart);
  m_loss = std::make_unique<YAxis>(m_chart, Qt::AlignLeft);
  m_accuracy = std::make_unique<YAxis>(m_chart, Qt::AlignRight);
  m_accuracy->setLabelFormat(QStringLiteral("%.0f"));
  m_accuracy->setFixedRange(0, 100);
  m_accuracy->axis()->setVisible(false);
  m_accuracy->axis()->setGridLineVisible(false);  // the loss axis draws the grid
  m_chart->legend()->setAlignment(Qt::AlignBottom);
  m_key.create(m_chart);
  // The goal's level and dot: created once, on the loss axis until a goal on accuracy moves them;
  // never in the legend (the title says what they mean).
  m_goalLine = new QLineSeries;
  QPen level(QColor(0x55, 0x55, 0x55));
  level.setStyle(Qt::DashLine);
  level.setWidthF(1.5);
  m_goalLine->setPen(level);
  m_goalLine->setProperty("dlplayThin", true);
  m_goalDot = new QScatterSeries;
  m_goalDot->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
  m_goalDot->setMarkerSize(13);
  m_goalDot->setColor(QColor(0xff, 0xd7, 0x00));
  m_goalDot->setBorderColor(QColor(0x33, 0x33, 0x33));
  m_goalDot->setProperty("dlplayThin", true);
  for (QXYSeries* series : {static_cast<QXYSeries*>(m_goalLine), static_cast<QXYSeries*>(m_goalDot)}) {
    m_chart->addSeries(series);
    series->attachAxis(m_steps);
    m_loss->attach(series);
    series->setVisible(false);
    for (QLegendMarker* m : m_chart->legend()->markers(series)) m->setVisible(false);
  }
  connect(m_chart, &QChart::geometryChanged, this, [this] { fitLegendNames(); });

  m_logBox->hide();  // shown beside the chart panel's tabs (optionsWidget())
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_view, 1);
  connect(m_logBox, &QCheckBox::toggled, this, [this](bool on) {
    m_loss->setLog(on);
    restyle();
    requestRefresh();
  });
  retranslateUi();
  restyle();
}

LossChart::~LossChart() = default;

bool LossChart::logScale() const { return m_logBox->isChecked(); }

QWidget* LossChart::optionsWidget() const { return m_logBox; }

void LossChart::setLogScale(bool on) { m_logBox->setChecked(on); }

void LossChart::retranslateUi() {
  setExportTitle(m_chart, tr("Loss"));
  // Short, so that the tabs and the corner's controls share one row on a projector at 1366 px.
  m_logBox->setText(tr("Log axis"));
  m_logBox->setToolTip(
      tr("Draw the loss on a logarithmic axis: every factor of 10 takes the same height, so a loss "
         "going from 1 down to 0.001 stays visible instead of flattening onto the floor."));
  m_steps->setTitleText(tr("step"));
  m_loss->setTitle(tr("loss"));
  m_accuracy->setTitle(tr("accuracy (%)"));  // the legend says which
  m_key.retranslate(tr("0: not on a log axis"), tr("not finite: diverged"));
  nameSeries();
  drawPeak();
}

LossChart::Names LossChart::names(bool shortNames) const {
  if (shortNames)
    return {tr("train loss"), tr("val loss"), tr("val acc"), tr("train acc"),
            tr("test loss"),  tr("test acc"), tr("val peak")};
  return {tr("training loss"),     tr("validation loss"), tr("validation accuracy"),
          tr("training accuracy"),  // of the whole set: the Loss tab's tooltip
          tr("test loss"),         tr("test accuracy"),   tr("validation peak")};
}

void LossChart::nameSeries() {
  const Names n = names(m_shortNames);
  for (const auto& r : m_runs) {
    auto name = [&](const QString& base) { return r->label.isEmpty() ? base : tr("%1 (%2)").arg(base, r->label); };
    r->train.setName(name(n.train));
    r->valLoss.setName(name(n.valLoss));
    r->valAcc.setName(name(n.valAcc));
    r->trainAcc.setName(name(n.trainAcc));
    r->testLoss.setName(name(n.testLoss));
    r->testAcc.setName(name(n.testAcc));
  }
  if (m_peakVal && m_peakVal->name() != n.peak) m_peakVal->setName(n.peak);
}

// Full names while one row below the plot holds every visible entry; the short ones when it would
// cut them ("training…", "validati…" with a test part on a 1024-pixel projector); and the legend
// beside the plot if even those do not fit.
void LossChart::fitLegendNames() {
  const auto entries = [&](bool shortNames) {
    const Names n = names(shortNames);
    QStringList shown;
    for (const auto& r : m_runs) {
      const QString suffix = r->label.isEmpty() ? QString() : tr("%1 (%2)").arg(QString(), r->label);
      const std::pair<const Trace*, const QString*> traces[] = {
          {&r->train, &n.train},       {&r->valLoss, &n.valLoss},   {&r->valAcc, &n.valAcc},
          {&r->trainAcc, &n.trainAcc}, {&r->testLoss, &n.testLoss}, {&r->testAcc, &n.testAcc}};
      for (const auto& [trace, name] : traces)
        if (trace->isVisible()) shown << *name + suffix;
    }
    if (m_peakVal && m_peakVal->isVisible()) shown << n.peak;
    return shown;
  };
  const bool shortNames = !legendRowFits(m_chart, entries(false));
  if (shortNames != m_shortNames) {
    m_shortNames = shortNames;
    nameSeries();
  }
  fitLegend(m_chart);
}

void LossChart::removeRuns() {
  m_peak = Peak{};
  m_goalStep = 0;
  for (QScatterSeries*& mark : {std::ref(m_peakVal), std::ref(m_peakTest)}) {
    if (!mark) continue;
    m_accuracy->forget(mark);
    m_chart->removeSeries(mark);
    delete mark;
    mark = nullptr;
  }
  for (const auto& r : m_runs)
    for (Trace* t : {&r->train, &r->valLoss, &r->valAcc, &r->trainAcc, &r->testLoss, &r->testAcc}) t->destroy();
  m_runs.clear();
}

void LossChart::ensureRuns(const Snapshot& s) {
  if (m_runs.size() == s.runs.size()) {
    bool renamed = false;
    for (std::size_t i = 0; i < s.runs.size(); ++i)
      if (m_runs[i]->label != s.runs[i].label) {
        m_runs[i]->label = s.runs[i].label;
        renamed = true;
      }
    if (renamed) nameSeries();
    return;
  }
  removeRuns();
  for (std::size_t i = 0; i < s.runs.size(); ++i) {
    auto r = std::make_unique<RunTraces>();
    r->label = s.runs[i].label;
    const bool dashed = i > 0;
    r->train.createFaint(m_chart, m_steps, m_loss.get(), seriesColor(0), dashed, true);
    r->valLoss.createFaint(m_chart, m_steps, m_loss.get(), seriesColor(1), dashed, false);
    r->trainAcc.createFaint(m_chart, m_steps, m_accuracy.get(), seriesColor(3), dashed, false);
    r->valAcc.createFaint(m_chart, m_steps, m_accuracy.get(), seriesColor(4), dashed, false);
    r->testLoss.createFaint(m_chart, m_steps, m_loss.get(), seriesColor(8), dashed, false);
    r->testAcc.createFaint(m_chart, m_steps, m_accuracy.get(), seriesColor(2), dashed, false);
    m_runs.push_back(std::move(r));
  }
  // Every faint line before every main line (see Trace::createFaint).
  for (const auto& r : m_runs) {
    for (Trace* t : {&r->train, &r->valLoss, &r->trainAcc, &r->valAcc, &r->testLoss, &r->testAcc}) t->createMain();
    r->train.setSmoothing(m_smoothing);
  }
  // The validation peak and the test accuracy at its step: a filled dot on each line, after the
  // lines so that they are drawn on top and the legend names them last.
  m_peakVal = new QScatterSeries;
  m_peakTest = new QScatterSeries;
  // The validation dot is the larger, so it still shows around the test dot when the two are close.
  for (auto [mark, colour, size] :
       {std::tuple{m_peakVal, seriesColor(4), 15.0}, std::tuple{m_peakTest, seriesColor(2), 9.0}}) {
    mark->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    mark->setMarkerSize(size);
    mark->setColor(colour);
    mark->setBorderColor(QColor(0x33, 0x33, 0x33));
    mark->setProperty("dlplayThin", true);
    m_chart->addSeries(mark);
    mark->attachAxis(m_steps);
    m_accuracy->attach(mark);
    mark->setVisible(false);
  }
  nameSeries();
  drawPeak();
  restyle();
}

// The traces stay (a new generation usually has as many runs): emptied, not rebuilt — adding and
// removing Qt Charts series costs the GUI thread milliseconds each, and a reset comes with every
// change of architecture or preset.
void LossChart::clear() {
  for (const auto& r : m_runs)
    for (Trace* t : {&r->train, &r->valLoss, &r->valAcc, &r->trainAcc, &r->testLoss, &r->testAcc}) t->history.clear();
  m_peak = Peak{};
  m_goalStep = 0;
  resetAxesLater();
}

void LossChart::applySnapshot(const Snapshot& s) {
  ensureRuns(s);
  for (std::size_t i = 0; i < s.runs.size(); ++i) {
    RunTraces& r = *m_runs[i];
    for (const dl::StepMetrics& m : s.runs[i].metrics) {
      const auto x = static_cast<double>(m.step);
      r.train.history.append(x, m.trainLoss);
      if (!std::isfinite(m.trainLoss)) r.train.history.markNonFinite(x);  // the run diverged here
      if (m.evaluated) {
        r.valLoss.history.append(x, m.valLoss);
        if (!std::isfinite(m.valLoss)) r.valLoss.history.markNonFinite(x);
        r.valAcc.history.append(x, m.valAccuracy);  // NaN: a regression, no accuracy
        r.trainAcc.history.append(x, m.trainAccuracy);
        r.testLoss.history.append(x, m.testLoss);  // NaN without a test part: nothing is drawn
        r.testAcc.history.append(x, m.testAccuracy);
        if (i == 0 && std::isfinite(m.testAccuracy) && m.valAccuracy > m_peak.validation)
          m_peak = Peak{m.valAccuracy, m.testAccuracy, m.step};
        if (i == 0 && m_goal && m_goalStep == 0) {
          const double v = m_goal->which == 2 ? m.valAccuracy : m.valLoss;
          if (m_goal->reachedBy(v)) {
            m_goalStep = m.step;
            m_goalValue = v;
          }
        }
      }
    }
  }
  requestRefresh();
}

void LossChart::refresh() {
  if (takeAxesReset()) {
    m_loss->reset();
    resetStepAxis(m_steps);
  }
  std::vector<const Trace*> losses, accuracies;
  for (const auto& r : m_runs) {
    losses.push_back(&r->train);
    losses.push_back(&r->valLoss);
    losses.push_back(&r->testLoss);
    accuracies.push_back(&r->valAcc);
    accuracies.push_back(&r->trainAcc);
    accuracies.push_back(&r->testAcc);
  }
  const DataRange loss = rangeOf(losses);
  const DataRange acc = rangeOf(accuracies);
  for (const auto& r : m_runs)  // every trace is drawn below, after the axes move
    for (Trace* t : {&r->train, &r->valLoss, &r->valAcc, &r->trainAcc}) t->releasePoints();
  if (!loss.empty) {
    m_loss->autoscale(loss.lo, loss.hi, loss.minPositive, true);
    scaleStepAxis(m_steps, loss.firstX, loss.lastX);
  }
  m_accuracy->axis()->setVisible(!acc.empty);
  const int w = plotWidth(m_view);
  bool zeros = false, nonFinite = false;
  for (const auto& r : m_runs) {
    r->train.draw(w);
    r->valLoss.draw(w);
    r->valAcc.draw(w, 100.0);
    r->valAcc.setVisible(!r->valAcc.history.isEmpty());  // regression: no accuracy
    r->trainAcc.draw(w, 100.0);
    r->trainAcc.setVisible(!r->trainAcc.history.isEmpty());
    r->testLoss.draw(w);
    r->testLoss.setVisible(!r->testLoss.history.isEmpty());  // no test part: no line, no legend entry
    r->testAcc.draw(w, 100.0);
    r->testAcc.setVisible(!r->testAcc.history.isEmpty());
    for (const Trace* t : {&r->train, &r->valLoss, &r->testLoss}) {
      zeros = zeros || t->hasZeroMarks();
      nonFinite = nonFinite || t->hasNonFiniteMarks();
    }
  }
  m_key.update(zeros, nonFinite);
  drawGoal(loss.empty ? 0 : loss.firstX, loss.empty ? 0 : loss.lastX);
  drawPeak();
}

void LossChart::setGoal(const std::optional<Goal>& goal) {
  if (goal == m_goal) return;
  const bool wasAccuracy = m_goal && m_goal->which == 2;
  m_goal = goal;
  m_goalStep = 0;
  // Replayed from what the chart holds, so that a goal set after the first snapshots still marks
  // the step the run reached it at.
  if (m_goal && !m_runs.empty()) {
    const QList<QPointF> points = (m_goal->which == 2 ? m_runs[0]->valAcc : m_runs[0]->valLoss).history.decimated(1 << 20);
    for (const QPointF& p : points)
      if (m_goal->reachedBy(p.y())) {
        m_goalStep = static_cast<long long>(p.x());
        m_goalValue = p.y();
        break;
      }
  }
  const bool onAccuracy = m_goal && m_goal->which == 2;
  if (onAccuracy != wasAccuracy)
    for (QXYSeries* series : {static_cast<QXYSeries*>(m_goalLine), static_cast<QXYSeries*>(m_goalDot)}) {
      (onAccuracy ? m_loss : m_accuracy)->forget(series);
      for (QAbstractAxis* a : series->attachedAxes())
        if (a != m_steps) series->detachAxis(a);
      (onAccuracy ? m_accuracy : m_loss)->attach(series);
    }
  requestRefresh();
}

QString LossChart::goalText() const {
  if (!m_goal) return QString();
  const QLocale numbers(QLocale::English);  // 4,000 in both languages, as the notes write it
  const QString level = m_goal->which == 2 ? QString::number(100 * m_goal->level, 'g', 3) + QLatin1Char('%')
                                           : QString::number(m_goal->level, 'g', 3);
  const QString what = m_goal->which == 2 ? (m_goal->below ? tr("validation accuracy ≤ %1") : tr("validation accuracy ≥ %1"))
                                          : (m_goal->below ? tr("validation loss ≤ %1") : tr("validation loss ≥ %1"));
  if (m_goalStep > 0) return tr("%1 first at step %2").arg(what.arg(level), numbers.toString(m_goalStep));
  if (m_runs.empty() || m_runs[0]->valLoss.history.isEmpty()) return what.arg(level);
  return tr("%1: not yet (step %2)")
      .arg(what.arg(level), numbers.toString(static_cast<qlonglong>(m_runs[0]->train.history.lastX())));
}

// The level across the steps drawn, and the dot where run 0 reached it.
void LossChart::drawGoal(double firstX, double lastX) {
  const bool shown = m_goal.has_value() && lastX > firstX;
  if (shown) {
    const double scale = m_goal->which == 2 ? 100.0 : 1.0;
    const double y = scale * m_goal->level;
    m_goalLine->replace({QPointF(firstX, y), QPointF(lastX, y)});
    if (m_goalStep > 0) m_goalDot->replace({QPointF(static_cast<double>(m_goalStep), scale * m_goalValue)});
  }
  m_goalLine->setVisible(shown);
  m_goalDot->setVisible(shown && m_goalStep > 0);
  for (QXYSeries* series : {static_cast<QXYSeries*>(m_goalLine), static_cast<QXYSeries*>(m_goalDot)})
    for (QLegendMarker* m : m_chart->legend()->markers(series)) m->setVisible(false);
}

void LossChart::drawPeak() {
  if (!m_peakVal) return;
  const bool shown = m_peak.step > 0;
  if (shown) {
    const auto x = static_cast<double>(m_peak.step);
    m_peakVal->replace({QPointF(x, 100 * m_peak.validation)});
    m_peakTest->replace({QPointF(x, 100 * m_peak.test)});
  }
  // The numbers are the lesson: the chart's title, whole, not the end of a crowded legend row.
  QString title = shown ? tr("validation peak %1% · test there %2%")
                              .arg(100 * m_peak.validation, 0, 'f', 1)
                              .arg(100 * m_peak.test, 0, 'f', 1)
                        : QString();
  // The goal's step beside it: the preset's lesson, measured on this run.
  if (const QString goal = goalText(); !goal.isEmpty()) title = title.isEmpty() ? goal : title + QStringLiteral(" · ") + goal;
  // An exported image names the chart as well (no tab does there).
  if (exportTitlesShown())
    title = title.isEmpty() ? exportTitle(m_chart) : tr("%1: %2").arg(exportTitle(m_chart), title);
  if (m_chart->title() != title.toHtmlEscaped()) m_chart->setTitle(title.toHtmlEscaped());
  m_peakVal->setVisible(shown);
  m_peakTest->setVisible(shown);
  for (QLegendMarker* m : m_chart->legend()->markers(m_peakVal)) m->setVisible(shown);
  for (QLegendMarker* m : m_chart->legend()->markers(m_peakTest)) m->setVisible(false);
  fitLegendNames();
}

const Trace& LossChart::trace(int run, int which) const {
  const RunTraces& r = *m_runs[static_cast<std::size_t>(run)];
  const Trace* traces[] = {&r.train, &r.valLoss, &r.valAcc, &r.trainAcc, &r.testLoss, &r.testAcc};
  return *traces[std::clamp(which, 0, 5)];
}

void LossChart::setSmoothing(double weight) {
  if (weight == m_smoothing) return;
  m_smoothing = weight;
  // Only the per-step curves: the validation curves are whole-set evaluations every few steps,
  // not noisy, and an average over evaluations would lag them by hundreds of steps.
  for (const auto& r : m_runs) r->train.setSmoothing(weight);
  restyle();
  requestRefresh();
}

}  // namespace dlui
