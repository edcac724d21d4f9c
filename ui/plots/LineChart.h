// A live chart of a few named lines against a step (or trial) axis, fed by its owner point by
// point rather than by the playground's snapshots: the labs' loss-per-racer and best-so-far
// charts. It has the playground charts' habits: bounded memory per line, pixel-exact decimation,
// honest marks for values a log axis cannot draw, presentation mode and PNG/SVG export.
#pragma once

#include "plots/PlotWidget.h"
#include "plots/Trace.h"

#include <QColor>
#include <QStringList>

#include <memory>
#include <vector>

class QChart;
class QChartView;
class QValueAxis;

namespace dlui {

class YAxis;

class LineChart : public PlotWidget {
  Q_OBJECT
public:
  explicit LineChart(QWidget* parent = nullptr);
  ~LineChart() override;

  // One line per name, in these colours (dashed where `dashed` says so); the points are cleared.
  void setLines(const QStringList& names, const std::vector<QColor>& colors, const std::vector<bool>& dashed = {});
  int lineCount() const { return static_cast<int>(m_traces.size()); }
  // A line's point; a non-finite y is marked on the top edge (a divergence), never drawn.
  void append(int line, double x, double y);
  void setLineVisible(int line, bool on);
  // Names may change with the language; the count stays.
  void setLineNames(const QStringList& names);
  void setAxisTitles(const QString& x, const QString& y);
  void setLogScale(bool on);
  bool logScale() const;
  void setTitle(const QString& title);  // drawn in exports only
  // The legend (a lab whose table names the colours hides it).
  void setLegendVisible(bool on);
  const Trace& line(int i) const { return *m_traces[static_cast<std::size_t>(i)]; }

  void applySnapshot(const Snapshot&) override {}  // fed by its owner
  void clear() override;
  void retranslateUi() override {}

protected:
  void refresh() override;

private:
  QChart* m_chart;
  QChartView* m_view = nullptr;
  QValueAxis* m_steps = nullptr;
  std::unique_ptr<YAxis> m_y;
  std::vector<std::unique_ptr<Trace>> m_traces;
};

}  // namespace dlui
