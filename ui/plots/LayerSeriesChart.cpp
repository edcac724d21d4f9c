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
  m_key.create(m_chart);
  connect(m_chart, &QChart::geometryChanged, this, [this] { fitLegendEntries(); });
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_view);
}

LayerSeriesChart::~LayerSeriesChart() = default;

void LayerSeriesChart::retranslateUi() {
  m_steps->setTitleText(tr("step"));
  m_key.retranslate(tr("0: not on a log axis"), tr("not finite: diverged"));
  retranslateTitles();
  nameSeries();
}

void LayerSeriesChart::nameSeries() {
  // On a projector a deep network's legend is one row of numbers after "layer 1": a dozen "layer
  // k" entries at the larger font no longer fit the row and Qt Charts would elide them all.
  const bool compact = presentationMode() && m_layers.size() > 6;
  for (std::size_t l = 0; l < m_layers.size(); ++l) {
    const int index = static_cast<int>(l);
    m_layers[l]->setName(index + 1 == m_weighted ? tr("output")
                         : compact && index > 0  ? QString::number(index + 1)
                                                 : tr("layer %1").arg(index + 1));
  }
  fitLegendEntries();
}

// Twenty layers' entries in one row lost every name at 1024 pixels (deep-relu-he): with stride k,
// the legend names layer 1, the layers k, 2k, … and the output, the smallest k whose row fits.
void LayerSeriesChart::fitLegendEntries() {
  const int n = static_cast<int>(m_layers.size());
  if (n == 0 || !m_layers.front()->series()) return;
  const auto named = [n](int l, int stride) { return l == 0 || l == n - 1 || (l + 1) % stride == 0; };
  int stride = 1;
  for (; stride < n; ++stride) {
    QStringList names;
    for (int l = 0; l < n; ++l)
      if (named(l, stride)) names << m_layers[static_cast<std::size_t>(l)]->series()->name();
    if (legendRowFits(m_chart, names)) break;
  }
  for (int l = 0; l < n; ++l) m_layers[static_cast<std::size_t>(l)]->setInLegend(named(l, stride));
}

std::vector<int> LayerSeriesChart::layersInLegend() const {
  std::vector<int> shown;
  for (std::size_t l = 0; l < m_layers.size(); ++l)
    if (m_layers[l]->inLegend()) shown.push_back(static_cast<int>(l));
  return shown;
}

void LayerSeriesChart::removeLayers() {
  for (auto& t : m_layers) t->destroy();
  for (auto& t : m_retired) t->destroy();
  m_layers.clear();
  m_retired.clear();
  m_linesStale = false;
  m_weighted = 0;
  m_divergedAt = -1;
}

// A new layer count: new traces at once (they take the metrics), their lines in the chart at once
// too — unless the chart sits behind another tab of a shown window: then when it is next shown
// or flushed (refresh). A ± layer or a deeper preset rebuilt every layer chart's lines, two series
// per layer each, for charts nobody was looking at.
void LayerSeriesChart::ensureLayers(int weighted) {
  if (weighted == m_weighted) return;
  for (auto& t : m_layers) m_retired.push_back(std::move(t));
  m_layers.clear();
  m_weighted = weighted;
  m_divergedAt = -1;
  const int shown = shownLayers(weighted);
  for (int l = 0; l < shown; ++l) {
    m_layers.push_back(std::make_unique<Trace>());
    m_layers.back()->setSmoothing(m_smoothing);
  }
  m_linesStale = true;
  if (!(window()->isVisible() && !isVisible())) createLines();
}

void LayerSeriesChart::createLines() {
  if (!m_linesStale) return;
  m_linesStale = false;
  for (auto& t : m_retired) t->destroy();
  m_retired.clear();
  // Keyed by the network's layers, not the lines drawn: the same colour in every chart.
  for (std::size_t l = 0; l < m_layers.size(); ++l)
    m_layers[l]->createFaint(m_chart, m_steps, m_y.get(), layerColor(static_cast<int>(l), m_weighted));
  for (auto& t : m_layers) t->createMain();
  nameSeries();
  restyle();
}

// A new generation with as many layers (a neuron more or less, a reset) keeps the traces, emptied:
// rebuilding a chart's series costs the GUI thread milliseconds per layer. Another layer count
// rebuilds them at the first metrics (ensureLayers), colours and order as for a new chart.
void LayerSeriesChart::clear() {
  for (auto& t : m_layers) t->history.clear();
  m_divergedAt = -1;
  resetAxesLater();
}

void LayerSeriesChart::applySnapshot(const Snapshot& s) {
  if (s.runs.empty()) return;
  for (const dl::StepMetrics& m : s.runs.front().metrics) {
    if (m.layers.empty()) continue;  // diagnostics off
    ensureLayers(static_cast<int>(m.layers.size()));
    const auto x = static_cast<double>(m.step);
    for (std::size_t l = 0; l < m_layers.size() && l < m.layers.size(); ++l)
      m_layers[l]->history.append(x, value(m.layers[l]));
  }
  // A divergence step has no layer statistics: a star on every line says where the run ended.
  const auto& divergence = s.runs.front().divergence;
  if (divergence && divergence->step != m_divergedAt && !m_layers.empty()) {
    m_divergedAt = divergence->step;
    for (auto& t : m_layers) t->history.markNonFinite(static_cast<double>(divergence->step));
  }
  requestRefresh();
}

void LayerSeriesChart::refresh() {
  createLines();
  if (takeAxesReset()) {
    if (!m_fixedRange) m_y->reset();
    resetStepAxis(m_steps);
  }
  std::vector<const Trace*> traces;
  for (const auto& t : m_layers) traces.push_back(t.get());
  const DataRange r = rangeOf(traces, m_scale);
  for (auto& t : m_layers) t->releasePoints();  // every layer is drawn below, after the axes move
  if (!r.empty) {
    if (!m_fixedRange) m_y->autoscale(r.lo, r.hi, r.minPositive, true);
    scaleStepAxis(m_steps, r.firstX, r.lastX);
  }
  const int w = plotWidth(m_view);
  bool zeros = false, nonFinite = false;
  for (auto& t : m_layers) {
    t->draw(w, m_scale);
    zeros = zeros || t->hasZeroMarks();
    nonFinite = nonFinite || t->hasNonFiniteMarks();
  }
  m_key.update(zeros, nonFinite);
}

void LayerSeriesChart::setSmoothing(double weight) {
  if (weight == m_smoothing) return;
  m_smoothing = weight;
  for (auto& t : m_layers) t->setSmoothing(weight);
  restyle();
  requestRefresh();
}

}  // namespace dlui
