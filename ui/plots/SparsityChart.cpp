// L1 versus L2: sparsity over time and weight histograms (see SparsityChart.h).
#include "plots/SparsityChart.h"

#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QStackedWidget>
#include <QFontMetrics>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace dlui {

SparsityChart::SparsityChart(QWidget* parent) : PlotWidget(parent), m_chart(new QChart) {
  m_stack = new QStackedWidget(this);
  m_placeholder = new QLabel(m_stack);
  m_placeholder->setWordWrap(true);
  m_placeholder->setAlignment(Qt::AlignCenter);
  m_placeholder->setMargin(24);
  m_stack->addWidget(m_placeholder);

  auto* page = new QWidget(m_stack);
  m_view = createView(m_chart);
  m_view->setParent(page);
  m_steps = makeStepAxis(m_chart);
  m_y = std::make_unique<YAxis>(m_chart, Qt::AlignLeft);
  m_y->setLabelFormat(QStringLiteral("%.0f"));
  m_y->setFixedRange(0, 100);
  for (std::size_t i = 0; i < m_sparsity.size(); ++i)
    m_sparsity[i].create(m_chart, m_steps, m_y.get(), seriesColor(i == 0 ? 2 : 0));
  m_chart->legend()->setAlignment(Qt::AlignRight);  // two entries: the plot keeps the height
  setupHistogram(m_hist[0], seriesColor(2));
  setupHistogram(m_hist[1], seriesColor(0));

  // Side by side, not stacked: the charts dock is wide and short, and stacked charts lose their
  // axis labels at laptop heights.
  auto* pageLayout = new QHBoxLayout(page);
  pageLayout->setContentsMargins(0, 0, 0, 0);
  pageLayout->addWidget(m_view, 2);
  pageLayout->addWidget(m_hist[0].view, 1);
  pageLayout->addWidget(m_hist[1].view, 1);
  m_stack->addWidget(page);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_stack);
  m_stack->setCurrentIndex(0);
  retranslateUi();
  restyle();
}

SparsityChart::~SparsityChart() = default;

void SparsityChart::setupHistogram(Histogram& h, const QColor& color) {
  h.chart = new QChart;
  h.view = createView(h.chart);
  h.x = new QValueAxis;
  h.y = new QValueAxis;
  h.y->setLabelFormat(QStringLiteral("%.0f"));
  h.y->setTickType(QValueAxis::TicksDynamic);  // whole percentages until refresh() scales it
  h.y->setTickAnchor(0);
  h.y->setTickInterval(1);
  h.y->setRange(0, 1);
  h.chart->addAxis(h.x, Qt::AlignBottom);
  h.chart->addAxis(h.y, Qt::AlignLeft);
  h.series = new QLineSeries;
  QPen pen(color);
  pen.setWidthF(2);
  h.series->setPen(pen);
  h.chart->addSeries(h.series);
  h.series->attachAxis(h.x);
  h.series->attachAxis(h.y);
  h.chart->legend()->hide();
  // A narrower plot, fewer weight labels (five on a third of a 1024-pixel projector ran together).
  QObject::connect(h.chart, &QChart::plotAreaChanged, h.chart, [this, &h] { tickWeightAxis(h); });
}

// Weight ticks symmetric about 0, as many as the plot's width has room for: each label gets about
// twice its own width ("-2.5"), at least the ends and 0.
void SparsityChart::tickWeightAxis(Histogram& h) {
  const double range = m_histRange;
  const QFontMetrics fm(h.x->labelsFont());
  const int label = std::max(1, fm.horizontalAdvance(QStringLiteral("-0.25")));
  // Labels either side of 0: as many as fit, at most two, and the first at most the range's end.
  const int side = std::clamp(static_cast<int>(h.chart->plotArea().width()) / (4 * label), 1, 2);
  double step = niceInterval(range, side);
  for (int t = side + 1; step > range && t < 10; ++t) step = niceInterval(range, t);
  h.x->setTickType(QValueAxis::TicksDynamic);
  h.x->setTickAnchor(0);
  h.x->setTickInterval(step);
  h.x->setLabelFormat(tickLabelFormat(-range, range, step));
}

bool SparsityChart::pairShown() const { return m_stack->currentIndex() == 1; }

void SparsityChart::retranslateUi() {
  m_placeholder->setText(
      tr("Tick “Compare L1 vs L2” (Regularisation page) to train two copies of the network from the same "
         "initial weights, one with an L1 penalty and one with an L2 penalty of the same strength, and "
         "compare how sparse their weights become."));
  m_chart->setTitle(tr("Near-zero weights: |w| < 0.001").toHtmlEscaped());  // a chart title is rich text
  m_steps->setTitleText(tr("step"));
  m_y->setTitle(tr("near zero (%)"));
  m_sparsity[0].setName(tr("L1 run"));
  m_sparsity[1].setName(tr("L2 run"));
  m_hist[0].chart->setTitle(tr("L1 run: weights"));
  m_hist[1].chart->setTitle(tr("L2 run: weights"));
  for (Histogram& h : m_hist) {
    h.x->setTitleText(tr("weight"));
    h.y->setTitleText(tr("share (%)"));  // of the run's weights, as the title says
  }
}

void SparsityChart::clear() {
  for (Trace& t : m_sparsity) t.history.clear();
  for (Histogram& h : m_hist) h.points.clear();
  m_layerSizes.clear();
  m_histMax = 0;
  m_histRange = 1;
  resetAxesLater();
}

void SparsityChart::applySnapshot(const Snapshot& s) {
  const bool pair = s.runs.size() == 2;
  m_stack->setCurrentIndex(pair ? 1 : 0);
  if (!pair) return;
  if (m_layerSizes.empty() && !s.runs[0].weights.empty())
    for (const LayerWeights& w : s.runs[0].weights) m_layerSizes.push_back(static_cast<double>(w.W.size()));
  for (std::size_t i = 0; i < 2; ++i)
    for (const dl::StepMetrics& m : s.runs[i].metrics) {
      if (m.layers.empty()) continue;
      // Overall share: per-layer sparsities weighted by the layers' weight counts.
      double zeros = 0, total = 0;
      for (std::size_t l = 0; l < m.layers.size(); ++l) {
        const double n = l < m_layerSizes.size() ? m_layerSizes[l] : 1.0;
        zeros += m.layers[l].sparsity * n;
        total += n;
      }
      m_sparsity[i].history.append(static_cast<double>(m.step), total > 0 ? zeros / total : 0.0);
    }
  if (!s.runs[0].weights.empty() && !s.runs[1].weights.empty()) updateHistograms(s);
  requestRefresh();
}

// Both histograms over the same ±max|w| so their shapes compare directly; the outline is a step
// line (bin edges at equal heights) so QLineSeries::replace() can update it.
void SparsityChart::updateHistograms(const Snapshot& s) {
  double m = 0;
  for (std::size_t i = 0; i < 2; ++i)
    for (const LayerWeights& w : s.runs[i].weights)
      if (w.W.size() > 0) m = std::max(m, static_cast<double>(w.W.cwiseAbs().maxCoeff()));
  if (!std::isfinite(m) || m <= 0) m = 1e-3;
  m_histRange = m;
  m_histMax = 0;
  const double width = 2 * m / kBins;
  for (std::size_t i = 0; i < 2; ++i) {
    std::array<double, kBins> counts{};
    double total = 0;
    for (const LayerWeights& w : s.runs[i].weights)
      for (Eigen::Index k = 0; k < w.W.size(); ++k) {
        const double v = static_cast<double>(w.W.data()[k]);
        if (!std::isfinite(v)) continue;
        const int bin = std::clamp(static_cast<int>(std::floor((v + m) / width)), 0, kBins - 1);
        counts[static_cast<std::size_t>(bin)] += 1;
        total += 1;
      }
    QList<QPointF>& p = m_hist[i].points;
    p.clear();
    p.reserve(2 * kBins + 2);
    p.append(QPointF(-m, 0));
    for (int b = 0; b < kBins; ++b) {
      const double share = total > 0 ? 100.0 * counts[static_cast<std::size_t>(b)] / total : 0.0;
      m_histMax = std::max(m_histMax, share);
      p.append(QPointF(-m + b * width, share));
      p.append(QPointF(-m + (b + 1) * width, share));
    }
    p.append(QPointF(m, 0));
  }
}

void SparsityChart::refresh() {
  if (takeAxesReset()) resetStepAxis(m_steps);
  const int w = plotWidth(m_view);
  const DataRange r = rangeOf({&m_sparsity[0], &m_sparsity[1]});
  for (Trace& t : m_sparsity) t.releasePoints();  // drawn below, after the axis moves
  if (!r.empty) scaleStepAxis(m_steps, r.firstX, r.lastX);
  for (Trace& t : m_sparsity) t.draw(w, 100.0);
  for (Histogram& h : m_hist) {
    h.x->setRange(-m_histRange, m_histRange);
    tickWeightAxis(h);
    // A percentage: round ticks, and never past 100 % (applyNiceNumbers turned a 100 % spike into a 0–200 axis).
    const double top = std::max(1.0, m_histMax * 1.05);
    const double step = std::max(1.0, niceInterval(top, 4));  // whole percentages: "%.0f" labels
    h.y->setTickType(QValueAxis::TicksDynamic);
    h.y->setTickAnchor(0);
    h.y->setTickInterval(step);
    h.y->setRange(0, std::min(std::ceil(top / step) * step, std::max(100.0, top)));
    h.series->replace(h.points);
  }
}

}  // namespace dlui
