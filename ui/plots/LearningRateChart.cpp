// Learning rate over steps (see LearningRateChart.h).
#include "plots/LearningRateChart.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QLegend>
#include <QLineSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>

namespace dlui {

LearningRateChart::LearningRateChart(QWidget* parent) : PlotWidget(parent), m_chart(new QChart) {
  m_logBox = new QCheckBox(this);
  m_view = createView(m_chart);
  m_steps = makeStepAxis(m_chart);
  m_y = std::make_unique<YAxis>(m_chart, Qt::AlignLeft);
  m_lossY = std::make_unique<YAxis>(m_chart, Qt::AlignRight);
  // The loss in the loss chart's training colour, thin, behind the learning rate.
  m_loss.createFaint(m_chart, m_steps, m_lossY.get(), seriesColor(0), false, true);
  m_loss.createMain();
  m_trace.create(m_chart, m_steps, m_y.get(), seriesColor(6));
  m_chart->legend()->setAlignment(Qt::AlignBottom);

  m_logBox->hide();  // shown beside the chart panel's tabs (optionsWidget())
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_view, 1);
  connect(m_logBox, &QCheckBox::toggled, this, [this](bool on) {
    m_y->setLog(on);
    restyle();
    requestRefresh();
  });
  retranslateUi();
  restyle();
}

LearningRateChart::~LearningRateChart() = default;

bool LearningRateChart::logScale() const { return m_logBox->isChecked(); }

QWidget* LearningRateChart::optionsWidget() const { return m_logBox; }
void LearningRateChart::setLogScale(bool on) { m_logBox->setChecked(on); }

void LearningRateChart::retranslateUi() {
  setExportTitle(m_chart, tr("Learning rate"));
  m_logBox->setText(tr("Log axis"));  // short: the tabs and the corner share one row (see LossChart)
  m_logBox->setToolTip(
      tr("Draw the learning rate on a logarithmic axis: a decay over several factors of 10 "
         "stays readable to its end."));
  m_steps->setTitleText(tr("step"));
  m_y->setTitle(tr("learning rate"));
  m_trace.setName(tr("learning rate"));
  m_lossY->setTitle(tr("training loss"));
  m_loss.setName(tr("training loss"));
}

void LearningRateChart::setSmoothing(double weight) {
  if (weight == m_smoothing) return;
  m_smoothing = weight;
  m_loss.setSmoothing(weight);
  restyle();
  requestRefresh();
}

void LearningRateChart::clear() {
  m_trace.history.clear();
  m_loss.history.clear();
  resetAxesLater();
}

void LearningRateChart::applySnapshot(const Snapshot& s) {
  if (s.runs.empty()) return;
  for (const dl::StepMetrics& m : s.runs.front().metrics) {
    const auto x = static_cast<double>(m.step);
    m_trace.history.append(x, m.lr);
    m_loss.history.append(x, m.trainLoss);
    if (!std::isfinite(m.trainLoss)) m_loss.history.markNonFinite(x);
  }
  requestRefresh();
}

void LearningRateChart::refresh() {
  if (takeAxesReset()) {
    m_y->reset();
    m_lossY->reset();
    resetStepAxis(m_steps);
  }
  const DataRange r = rangeOf({&m_trace});
  const DataRange loss = rangeOf({&m_loss});
  m_trace.releasePoints();  // drawn below, after the axes move
  m_loss.releasePoints();
  if (!r.empty) {
    m_y->autoscale(r.lo, r.hi, r.minPositive, true);
    scaleStepAxis(m_steps, r.firstX, r.lastX);
  }
  if (!loss.empty) m_lossY->autoscale(loss.lo, loss.hi, loss.minPositive, true);
  m_lossY->axis()->setVisible(!loss.empty);
  m_loss.draw(plotWidth(m_view));
  m_trace.draw(plotWidth(m_view));
}

}  // namespace dlui
