// One time series of a live chart and the Qt Charts series that draw it: the raw line (faint
// behind the smoothed one when smoothing is on), gaps where a value cannot be drawn, and markers
// for those values, so a zero on a log axis or a divergence never reads as a real value.
//
// Undrawable values: y ≤ 0 on a logarithmic axis (a hollow diamond on the plot's bottom edge, the
// line broken around it) and non-finite values (PlotHistory::markNonFinite; a star on the top
// edge). A stretch of a single drawable point is drawn as a dot: a run that diverged at step 2
// still shows step 1. Work per redraw is O(pixels + buckets), independent of the run's length.
#pragma once

#include "plots/PlotHistory.h"

#include <QColor>
#include <QList>
#include <QPointF>
#include <QString>

#include <vector>

class QChart;
class QLineSeries;
class QScatterSeries;
class QValueAxis;
class QXYSeries;

namespace dlui {

class YAxis;

class Trace {
public:
  // Above this many gaps the rest of a line is drawn as one series (the markers still show every
  // gap): each series costs Qt Charts a scene item.
  static constexpr int kMaxParts = 24;

  Trace() = default;
  Trace(const Trace&) = delete;
  Trace& operator=(const Trace&) = delete;
  ~Trace() = default;  // the series belong to the chart; destroy() removes them

  // Adds the line to `chart` on the axes. `thin`: half the pen width (a noisy training curve).
  void create(QChart* chart, QValueAxis* x, YAxis* y, const QColor& color, bool dashed = false, bool thin = false);
  // The same in two halves, for a chart of several traces: every trace's faint raw line first,
  // then every main line, so that no faint line (opaque, for speed) covers another trace's curve.
  void createFaint(QChart* chart, QValueAxis* x, YAxis* y, const QColor& color, bool dashed = false, bool thin = false);
  void createMain();
  // Removes and deletes every series of the trace (before the chart or the axis goes).
  void destroy();
  bool isCreated() const { return m_chart != nullptr; }

  PlotHistory history;

  // The series named in the legend.
  QLineSeries* series() const { return m_main.parts.empty() ? nullptr : m_main.parts.front(); }
  void setName(const QString& name);
  void setVisible(bool on);
  bool isVisible() const { return m_visible; }
  // Whether its line has a legend entry (a deep network's chart names only some of its layers).
  void setInLegend(bool on);
  bool inLegend() const { return m_inLegend; }
  // 0 (off) … 0.99: the smoothed line in front, the raw one faint behind it.
  void setSmoothing(double weight);
  double smoothing() const { return m_smoothing; }

  // Empties the trace's series without telling Qt Charts, before a chart changes its axes' ranges:
  // Qt Charts recomputes every non-empty series' outline (a stroked path, about as costly as the
  // drawing) on each range change, and again on replace(). The draw() that must follow tells it
  // about every series it released, so each is outlined once per redraw instead of twice.
  void releasePoints();
  // Redraws from the history over `pixels` columns, values multiplied by `scale` (100 for %).
  void draw(int pixels, double scale = 1.0);
  // What the last draw() had to mark instead of drawing.
  bool hasZeroMarks() const { return m_zeroCount > 0; }
  bool hasNonFiniteMarks() const { return m_nonFiniteCount > 0; }
  // Pieces the raw line was drawn in by the last draw() (1 without gaps).
  int rawPartCount() const { return m_rawParts; }

private:
  struct Line {
    std::vector<QLineSeries*> parts;  // parts[0] always exists once created
  };
  QLineSeries* newPart(bool legend);
  void styleParts();
  void hideExtraLegendEntries();
  // Splits `points` at undrawable values into the line's parts; returns the parts used. The
  // undrawable ones go to `zeros`, runs of them filled with a mark every `spacing` x units.
  int drawLine(Line& line, const QList<QPointF>& points, bool log, QList<QPointF>* zeros, double spacing);
  QScatterSeries* newMarks(bool star);
  // Sets a series' points; one released by releasePoints() is told even when it stays empty.
  void setPoints(QXYSeries* series, const QList<QPointF>& points);

  QChart* m_chart = nullptr;
  QValueAxis* m_x = nullptr;
  YAxis* m_y = nullptr;
  QColor m_color;
  bool m_dashed = false, m_thin = false, m_visible = true, m_inLegend = true;
  double m_smoothing = 0;
  Line m_main;                            // the smoothed line, or the raw one when smoothing is off
  Line m_faint;                           // the raw line behind the smoothed one
  QScatterSeries* m_zeros = nullptr;      // created on first use
  QScatterSeries* m_nonFinite = nullptr;  // created on first use
  int m_zeroCount = 0, m_nonFiniteCount = 0, m_rawParts = 0;
  std::vector<QXYSeries*> m_released;  // emptied quietly: Qt Charts still draws their old points
};

// The legend entries that explain the markers: shown only while some trace of the chart has one.
class MarkKey {
public:
  void create(QChart* chart);
  void retranslate(const QString& zero, const QString& nonFinite);
  void update(bool zeros, bool nonFinite);

private:
  QChart* m_chart = nullptr;
  QScatterSeries* m_zero = nullptr;
  QScatterSeries* m_nonFinite = nullptr;
  bool m_shown = false, m_zeros = false, m_nonFinites = false;  // what update() last showed
};

}  // namespace dlui
