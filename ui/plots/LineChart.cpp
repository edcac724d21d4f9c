#include "plots/LineChart.h"

#include "plots/ChartAxes.h"

#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QLineSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>

namespace dlui {

LineChart::LineChart(QWidget* parent) : PlotWidget(parent), m_chart(new QChart) {
  m_view = createView(m_chart);
  m_steps = makeStepAxis(m_chart);
  m_y = std::make_unique<YAxis>(m_chart, Qt::AlignLeft);
  m_chart->legend()->setAlignment(Qt::AlignBottom);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_view, 1);
  restyle();
}

LineChart::~LineChart() {
  for (auto& t : m_traces) t->destroy();
}

void LineChart::setLines(const QStringList& names, const std::vector<QColor>& colors, const std::vector<bool>& dashed) {
  for (auto& t : m_traces) t->destroy();
  m_traces.clear();
  for (qsizetype i = 0; i < names.size(); ++i) {
    auto t = std::make_unique<Trace>();
    const QColor c =
        static_cast<std::size_t>(i) < colors.size() ? colors[static_cast<std::size_t>(i)] : seriesColor(int(i));
    t->create(m_chart, m_steps, m_y.get(), c,
              static_cast<std::size_t>(i) < dashed.size() && dashed[static_cast<std::size_t>(i)]);
    t->setName(names[i]);
    m_traces.push_back(std::move(t));
  }
  restyle();
  fitLegend(m_chart);
  resetAxesLater();
  requestRefresh();
}

void LineChart::setLineNames(const QStringList& names) {
  for (std::size_t i = 0; i < m_traces.size() && i < static_cast<std::size_t>(names.size()); ++i)
    m_traces[i]->setName(names[static_cast<qsizetype>(i)]);
  fitLegend(m_chart);
}

void LineChart::append(int line, double x, double y) {
  if (line < 0 || line >= lineCount()) return;
  Trace& t = *m_traces[static_cast<std::size_t>(line)];
  if (std::isfinite(y))
    t.history.append(x, y);
  else
    t.history.markNonFinite(x);
  requestRefresh();
}

void LineChart::setLineVisible(int line, bool on) {
  if (line < 0 || line >= lineCount()) return;
  m_traces[static_cast<std::size_t>(line)]->setVisible(on);
  requestRefresh();
}

void LineChart::setAxisTitles(const QString& x, const QString& y) {
  m_steps->setTitleText(x);
  m_y->setTitle(y);
}

void LineChart::setLogScale(bool on) {
  if (on == m_y->isLog()) return;
  m_y->setLog(on);
  restyle();
  resetAxesLater();
  requestRefresh();
}

bool LineChart::logScale() const { return m_y->isLog(); }

void LineChart::setTitle(const QString& title) { setExportTitle(m_chart, title); }

void LineChart::setLegendVisible(bool on) { m_chart->legend()->setVisible(on); }

void LineChart::clear() {
  for (auto& t : m_traces) t->history.clear();
  resetAxesLater();
  requestRefresh();
}

void LineChart::refresh() {
  if (takeAxesReset()) {
    m_y->reset();
    resetStepAxis(m_steps);
  }
  std::vector<const Trace*> shown;
  for (const auto& t : m_traces)
    if (t->isVisible()) shown.push_back(t.get());
  const DataRange r = rangeOf(shown);
  for (auto& t : m_traces) t->releasePoints();
  if (!r.empty) {
    m_y->autoscale(r.lo, r.hi, r.minPositive, false);
    scaleStepAxis(m_steps, r.firstX, r.lastX, m_chart->plotArea().width());
  }
  for (auto& t : m_traces) t->draw(plotWidth(m_view));
}

}  // namespace dlui
