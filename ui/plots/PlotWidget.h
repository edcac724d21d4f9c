// The base of every live chart: takes snapshots, redraws at most once per event-loop turn (paced
// by the redraw's own cost) and only while visible, exports PNG/SVG, has a presentation mode (big fonts, thick lines,
// for projectors) and retranslates on QEvent::LanguageChange. Qt Charts stays inside ui/plots/.
#pragma once

#include "labs/playground/Snapshot.h"

#include <QElapsedTimer>
#include <QWidget>

#include <utility>
#include <vector>

class QChart;
class QChartView;
class QTimer;

namespace dlui {

class PlotWidget : public QWidget {
  Q_OBJECT
public:
  explicit PlotWidget(QWidget* parent = nullptr);

  // Appends the snapshot's metrics to the chart's histories and schedules a redraw.
  virtual void applySnapshot(const Snapshot& s) = 0;
  // Forgets every point (a new generation: reset or reconfiguration).
  virtual void clear() = 0;
  virtual void retranslateUi() = 0;

  void setPresentationMode(bool on);
  bool presentationMode() const { return m_presentation; }

  // The chart as shown (or at 1000×600 when hidden). False when the file cannot be written.
  // Written atomically (dlio::OutputFile): a failed write leaves no half image; `error` says why.
  bool exportPng(const QString& path, QString* error = nullptr);
  bool exportSvg(const QString& path, QString* error = nullptr);

  // Redraws now if anything changed since the last redraw (export and tests call it).
  void flush();
  // The chart's own controls (a log-scale box), shown by ChartPanel beside the tabs so they take
  // no height from the plot; null when it has none.
  virtual QWidget* optionsWidget() const { return nullptr; }
  // Exponential-moving-average smoothing of the curves (0 = raw … 0.99), for charts whose
  // curves are per-step and noisy; smoothable() says whether the chart uses it.
  virtual void setSmoothing(double weight) { Q_UNUSED(weight); }
  virtual bool smoothable() const { return false; }

protected:
  // Rebuilds the series' points from the histories and rescales the axes.
  virtual void refresh() = 0;
  // Schedules refresh(): coalesced to one per event-loop turn, deferred while hidden.
  void requestRefresh();
  // A new generation: the axes go back to the empty chart's ranges in the next refresh(), which
  // asks takeAxesReset(). Qt Charts lays a chart out again on every range change, shown or not:
  // a chart behind another tab pays for it only when it is shown (or exported, or flushed).
  void resetAxesLater();
  bool takeAxesReset() { return std::exchange(m_axesReset, false); }
  // A chart view owned by this widget; styled with the presentation mode.
  QChartView* createView(QChart* chart);
  // Fonts and pen widths of every view's chart for the current mode (after adding series/axes).
  // In presentation mode a legend of a few entries moves beside the plot: the plot keeps the
  // height a projector's short charts dock can give it.
  void restyle();
  // Called after the presentation mode changed (and the charts were restyled).
  virtual void presentationModeChanged() {}
  // A title the chart panel's tab already says: drawn only in exported images, where no tab
  // names the chart, so that on screen the plot keeps the height (charts dock at 1366×768).
  static void setExportTitle(QChart* chart, const QString& title);
  // While an export draws: the export titles are up (a chart that writes its own title on screen,
  // the loss chart's validation peak, puts both in it then).
  bool exportTitlesShown() const { return m_exportTitlesShown; }
  static QString exportTitle(const QChart* chart);
  // Called after the export titles came up or went away.
  virtual void exportTitlesChanged() {}
  // Width in pixels of a view's plot area (for the decimation), at least 100.
  static int plotWidth(const QChartView* view);

  void changeEvent(QEvent* event) override;
  void showEvent(QShowEvent* event) override;
  // A new height can make room for more or fewer axis labels: the next refresh picks them.
  void resizeEvent(QResizeEvent* event) override;

private:
  void prepareForExport();
  void showExportTitles(bool on);

  std::vector<QChartView*> m_views;
  QTimer* m_refreshTimer;
  QElapsedTimer m_sinceRefresh;
  qint64 m_refreshCostMs = 0;
  bool m_presentation = false;
  bool m_exportTitlesShown = false;
  bool m_refreshPending = false;
  bool m_axesReset = false;
};

}  // namespace dlui
