// One line per layer (see LayerSeriesChart.h).
#include "plots/LayerSeriesChart.h"

#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QLineSeries>
#include <QValueAxis>
#include <QVBoxLayout>

namespace dlui {

LayerSeriesChart::LayerSeriesChart(bool logAxis, QWidget* parent) : PlotWidget(parent), m_chart(new QChart) {
  m_view = createView(m_chart);
  m_steps = makeStepAxis(m_chart);
  m_y = std::make_unique<YAxis>(m_chart, Qt::AlignLeft, logAxis);
  m_chart->legend()->setAlignment(Qt::AlignBottom);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_view);
}

LayerSeriesChart::~LayerSeriesChart() = default;

void LayerSeriesChart::retranslateUi() {
  m_steps->setTitleText(tr("step"));
  retranslateTitles();
  nameSeries();
}

void LayerSeriesChart::nameSeries() {
  for (std::size_t l = 0; l < m_layers.size(); ++l) {
    const int index = static_cast<int>(l);
    m_layers[l].series->setName(index + 1 == m_weighted ? tr("output") : tr("layer %1").arg(index + 1));
  }
}

void LayerSeriesChart::removeLayers() {
  for (Trace& t : m_layers) {
    m_y->forget(t.series);
    m_chart->removeSeries(t.series);
    delete t.series;
  }
  m_layers.clear();
  m_weighted = 0;
}

void LayerSeriesChart::ensureLayers(int weighted) {
  if (weighted == m_weighted) return;
  removeLayers();
  m_weighted = weighted;
  const int shown = shownLayers(weighted);
  m_layers.resize(static_cast<std::size_t>(std::max(0, shown)));
  for (int l = 0; l < shown; ++l) {
    auto* s = new QLineSeries;
    QPen pen(layerColor(l, weighted));  // keyed by the network's layers: same colour in every chart
    pen.setWidthF(2);
    s->setPen(pen);
    m_chart->addSeries(s);
    s->attachAxis(m_steps);
    m_y->attach(s);
    m_layers[static_cast<std::size_t>(l)].series = s;
  }
  nameSeries();
  restyle();
}

void LayerSeriesChart::clear() {
  removeLayers();
  if (!m_fixedRange) m_y->reset();
  resetStepAxis(m_steps);
  requestRefresh();
}

void LayerSeriesChart::applySnapshot(const Snapshot& s) {
  if (s.runs.empty()) return;
  for (const dl::StepMetrics& m : s.runs.front().metrics) {
    if (m.layers.empty()) continue;  // diagnostics off
    ensureLayers(static_cast<int>(m.layers.size()));
    const auto x = static_cast<double>(m.step);
    for (std::size_t l = 0; l < m_layers.size() && l < m.layers.size(); ++l)
      m_layers[l].history.append(x, value(m.layers[l]));
  }
  requestRefresh();
}

void LayerSeriesChart::refresh() {
  std::vector<const Trace*> traces;
  for (const Trace& t : m_layers) traces.push_back(&t);
  const DataRange r = rangeOf(traces, m_scale);
  if (!r.empty) {
    if (!m_fixedRange) m_y->autoscale(r.lo, r.hi, r.minPositive, true);
    scaleStepAxis(m_steps, r.firstX, r.lastX);
  }
  const int w = plotWidth(m_view);
  for (Trace& t : m_layers) updateTrace(t, w, m_y->floor(), m_scale);
}

}  // namespace dlui
