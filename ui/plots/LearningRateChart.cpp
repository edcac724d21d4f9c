// Learning rate over steps (see LearningRateChart.h).
#include "plots/LearningRateChart.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QLegend>
#include <QLineSeries>
#include <QValueAxis>
#include <QVBoxLayout>

namespace dlui {

LearningRateChart::LearningRateChart(QWidget* parent) : PlotWidget(parent), m_chart(new QChart) {
  m_logBox = new QCheckBox(this);
  m_view = createView(m_chart);
  m_steps = makeStepAxis(m_chart);
  m_y = std::make_unique<YAxis>(m_chart, Qt::AlignLeft);
  m_trace.create(m_chart, m_steps, m_y.get(), seriesColor(6));
  m_chart->legend()->hide();

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
}

void LearningRateChart::clear() {
  m_trace.history.clear();
  resetAxesLater();
}

void LearningRateChart::applySnapshot(const Snapshot& s) {
  if (s.runs.empty()) return;
  for (const dl::StepMetrics& m : s.runs.front().metrics) m_trace.history.append(static_cast<double>(m.step), m.lr);
  requestRefresh();
}

void LearningRateChart::refresh() {
  if (takeAxesReset()) {
    m_y->reset();
    resetStepAxis(m_steps);
  }
  const DataRange r = rangeOf({&m_trace});
  m_trace.releasePoints();  // drawn below, after the axes move
  if (!r.empty) {
    m_y->autoscale(r.lo, r.hi, r.minPositive, true);
    scaleStepAxis(m_steps, r.firstX, r.lastX);
  }
  m_trace.draw(plotWidth(m_view));
}

}  // namespace dlui
