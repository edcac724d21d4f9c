// Axis and series helpers shared by the live charts: a y axis that switches between linear and
// logarithmic while keeping its series, autoscaling that does not jitter, the step axis, the
// series colours, and the one place where a PlotHistory becomes a QLineSeries (via replace()).
#pragma once

#include "plots/PlotHistory.h"

#include <QColor>
#include <QMetaObject>
#include <QString>
#include <QStringList>

#include <vector>

class QAbstractAxis;
class QAbstractSeries;
class QChart;
class QLineSeries;
class QValueAxis;

namespace dlui {

// Colour i of the chart palette (colour-blind safe "Tableau 10"), cycling.
QColor seriesColor(int i);
// Colour of weighted layer `layer` (0-based) of a network with `count` weighted layers: the
// palette while it lasts; past ten layers a hue sweep from blue (layer 1) to red (output), so no
// two layers share a colour and the colour order follows depth. Every chart passes the network's
// count, not the number of lines it draws, so a layer has one colour in all charts.
QColor layerColor(int layer, int count);

class Trace;

class YAxis {
public:
  YAxis(QChart* chart, Qt::Alignment alignment, bool log = false);
  ~YAxis();
  YAxis(const YAxis&) = delete;
  YAxis& operator=(const YAxis&) = delete;
  void setLog(bool log);  // replaces the axis object, re-attaching every series
  bool isLog() const { return m_log; }
  void attach(QAbstractSeries* series);
  void forget(QAbstractSeries* series);  // before the series is deleted
  QAbstractAxis* axis() const { return m_axis; }
  // The title runs along the axis; a plot shorter than the title (a 160-pixel projector chart at
  // 13 pt) shows none rather than an elided one (the legend names the lines).
  void setTitle(const QString& title);
  bool titleShown() const;
  void setLabelFormat(const QString& format);
  // Autoscale to [lo, hi] (minPositive: smallest value > 0, for the log scale). Linear ranges get
  // nice numbers and 5% headroom, start at 0 for non-negative data when `fromZero`; log ranges
  // span whole decades. The range only grows or shrinks when the data leaves or clearly
  // undershoots it, so a live chart does not jump every frame.
  void autoscale(double lo, double hi, double minPositive, bool fromZero = false);
  // A fixed range (percentages).
  void setFixedRange(double lo, double hi);
  // Back to the empty chart's range (a new run): 0–1, or 0.001–1 on the log scale.
  void reset();
  // Lowest value the axis can draw (log: the range minimum), for clamping points.
  double floor() const { return m_log ? m_lo : -1e300; }
  double lo() const { return m_lo; }
  double hi() const { return m_hi; }

private:
  void create();
  int tickRoom() const;
  void setTicks(QValueAxis* v);  // linear: the tick interval and label format for the range and room
  void fitTitle();
  QChart* m_chart;
  Qt::Alignment m_alignment;
  bool m_log;
  QAbstractAxis* m_axis = nullptr;
  std::vector<QAbstractSeries*> m_series;
  QString m_title, m_format;
  double m_lo = 0, m_hi = 1;
  int m_room = 0;  // the label intervals the plot had room for when the range was last chosen
  int m_tickRoom = 0;  // the room the linear tick interval was last chosen for
  QMetaObject::Connection m_plotArea;
};

// The legend below the plot while its visible entries fit in one row there; beside it, one entry a
// line, when the row would cut their names and the column has the height (seven entries of the loss
// chart on a 1024-pixel projector read "training…", "validati…").
void fitLegend(QChart* chart);
// Whether a legend row below the plot holds entries with these names: each takes its marker
// (about a line high), the gaps either side and its name.
bool legendRowFits(const QChart* chart, const QStringList& names);

// A round tick interval (1, 2, 2.5 or 5 · 10^k) giving about `ticks` intervals over span.
double niceInterval(double span, int ticks);
// A printf label format that prints every tick lo, lo + interval, … hi differently ("%.6g" for
// 0.69310, 0.69311, …), and integers up to 10^15 without exponents.
QString tickLabelFormat(double lo, double hi, double interval);

// The x axis of every time chart: steps, integer labels. Marked with kStepAxisProperty.
QValueAxis* makeStepAxis(QChart* chart);
inline constexpr const char* kStepAxisProperty = "dlplayStepAxis";
// Integer ticks over [first, last]; under ten steps half a step of room either side (a run that
// diverged at step 2 shows its dot at step 1 whole). Empty: resetStepAxis. Given the plot's width,
// no more labels than it holds side by side (Qt Charts elides labels that touch to "…").
void scaleStepAxis(QValueAxis* axis, double first, double last, double plotWidth = 0);
// The empty chart's step axis: 0–10, a tick every 2 (a 0–1 range labelled "%.0f" read "0 0 1 1 1").
void resetStepAxis(QValueAxis* axis);

// The range over the traces' histories (non-empty ones), scaled; the step range includes the
// steps marked non-finite (lo and hi stay infinite when there is nothing else).
struct DataRange {
  double lo = 0, hi = 0, minPositive = 0, firstX = 0, lastX = 0;
  bool empty = true;
};
DataRange rangeOf(const std::vector<const Trace*>& traces, double scale = 1.0);

}  // namespace dlui
