// A chart's time series with gaps, markers and smoothing (see Trace.h).
#include "plots/Trace.h"

#include "plots/ChartAxes.h"

#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSignalBlocker>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <utility>

namespace dlui {

namespace {
constexpr int kFaintAlpha = 70;   // of 255: the raw curve stays readable behind the smoothed one
constexpr qreal kDotSize = 3.5;   // a stretch of one point (Qt Charts takes it as the radius)
constexpr int kMarkSpacing = 10;  // pixels between the marks along a run of zeros
constexpr qreal kMarkSize = 11;

void hideFromLegend(QChart* chart, QAbstractSeries* s) {
  for (QLegendMarker* m : chart->legend()->markers(s)) m->setVisible(false);
}

// The colour at kFaintAlpha over the chart's white, but opaque: the raster engine strokes an
// opaque pen faster than a translucent one.
QColor faintColor(const QColor& c) {
  const double a = kFaintAlpha / 255.0;
  auto mix = [a](int v) { return static_cast<int>(std::lround(255 * (1 - a) + v * a)); };
  return QColor(mix(c.red()), mix(c.green()), mix(c.blue()));
}

void scalePoints(QList<QPointF>& points, double scale) {
  if (scale != 1.0)
    for (QPointF& p : points) p.setY(p.y() * scale);
}
}  // namespace

void Trace::create(QChart* chart, QValueAxis* x, YAxis* y, const QColor& color, bool dashed, bool thin) {
  createFaint(chart, x, y, color, dashed, thin);
  createMain();
}

// The faint line first: series added later are drawn over it.
void Trace::createFaint(QChart* chart, QValueAxis* x, YAxis* y, const QColor& color, bool dashed, bool thin) {
  m_chart = chart;
  m_x = x;
  m_y = y;
  m_color = color;
  m_dashed = dashed;
  m_thin = thin;
  m_faint.parts.push_back(newPart(false));
}

void Trace::createMain() {
  m_main.parts.push_back(newPart(true));
  styleParts();
}

QLineSeries* Trace::newPart(bool legend) {
  auto* s = new QLineSeries;
  m_chart->addSeries(s);
  s->attachAxis(m_x);
  m_y->attach(s);
  if (!legend) hideFromLegend(m_chart, s);
  return s;
}

// Pens of every part: the main line in the trace's colour, the raw line faint and thin. Widths
// come from PlotWidget::restyle() (presentation mode); new parts copy their line's first part.
void Trace::styleParts() {
  for (Line* line : {&m_main, &m_faint}) {
    const bool faint = line == &m_faint;
    for (QLineSeries* s : line->parts) {
      QPen pen = s->pen();
      QColor c = m_color;
      if (faint) c = faintColor(m_color);
      pen.setColor(c);
      if (pen.widthF() < 1) pen.setWidthF(2);
      pen.setStyle(m_dashed ? Qt::DashLine : Qt::SolidLine);
      s->setPen(pen);
      // A smoothed line is the full width (as in TensorBoard); a raw noisy one thin.
      s->setProperty("dlplayThin", faint || (m_thin && m_smoothing == 0));
      s->setProperty("dlplayFaint", faint);
      s->setVisible(m_visible && (!faint || m_smoothing > 0));
    }
  }
  hideExtraLegendEntries();
}

// The legend shows a series' entry again whenever the series is shown: only the main line's
// first part keeps its entry.
void Trace::setInLegend(bool on) {
  if (on == m_inLegend) return;
  m_inLegend = on;
  if (!m_chart || !series()) return;
  for (QLegendMarker* m : m_chart->legend()->markers(series())) m->setVisible(on && m_visible);
}

void Trace::hideExtraLegendEntries() {
  for (Line* line : {&m_main, &m_faint})
    for (QLineSeries* s : line->parts)
      if (s != series() || !m_inLegend) hideFromLegend(m_chart, s);
  for (QScatterSeries* m : {m_zeros, m_nonFinite})
    if (m) hideFromLegend(m_chart, m);
}

void Trace::destroy() {
  if (!m_chart) return;
  std::vector<QAbstractSeries*> all(m_main.parts.begin(), m_main.parts.end());
  all.insert(all.end(), m_faint.parts.begin(), m_faint.parts.end());
  if (m_zeros) all.push_back(m_zeros);
  if (m_nonFinite) all.push_back(m_nonFinite);
  m_released.clear();
  for (QAbstractSeries* s : all) {
    m_y->forget(s);
    m_chart->removeSeries(s);
    delete s;
  }
  m_main.parts.clear();
  m_faint.parts.clear();
  m_zeros = m_nonFinite = nullptr;
  m_chart = nullptr;
}

void Trace::setName(const QString& name) {
  for (Line* line : {&m_main, &m_faint})
    for (QLineSeries* s : line->parts) s->setName(name);
}

void Trace::setVisible(bool on) {
  if (on == m_visible) return;  // called on every redraw: restyling is not free
  m_visible = on;
  styleParts();
  for (QScatterSeries* m : {m_zeros, m_nonFinite})
    if (m) m->setVisible(on);
  hideExtraLegendEntries();
}

void Trace::setSmoothing(double weight) {
  if (weight == m_smoothing) return;
  m_smoothing = weight;
  styleParts();
}

QScatterSeries* Trace::newMarks(bool star) {
  auto* s = new QScatterSeries;
  s->setMarkerShape(star ? QScatterSeries::MarkerShapeStar : QScatterSeries::MarkerShapeRotatedRectangle);
  s->setMarkerSize(kMarkSize);
  s->setColor(star ? m_color : QColor(Qt::white));  // a zero: hollow; a divergence: filled
  s->setBorderColor(m_color);
  s->setProperty("dlplayThin", true);
  s->setName(series() ? series()->name() : QString());
  m_chart->addSeries(s);
  s->attachAxis(m_x);
  m_y->attach(s);
  hideFromLegend(m_chart, s);
  s->setVisible(m_visible);
  return s;
}

int Trace::drawLine(Line& line, const QList<QPointF>& points, bool log, QList<QPointF>* zeros, double spacing) {
  std::vector<QList<QPointF>> pieces;
  bool open = false;
  bool lastUndrawable = false;
  for (const QPointF& p : points) {
    const bool drawable = std::isfinite(p.y()) && (!log || p.y() > 0);
    if (!drawable) {
      if (zeros) {
        // The decimation keeps only the ends of a flat run: mark the whole run, evenly.
        if (lastUndrawable && !zeros->isEmpty() && spacing > 0)
          for (double x = zeros->back().x() + spacing; x < p.x() - 0.5 * spacing; x += spacing)
            zeros->push_back(QPointF(x, p.y()));
        zeros->push_back(p);
      }
      open = false;
      lastUndrawable = true;
      continue;
    }
    lastUndrawable = false;
    if (!open) {
      if (static_cast<int>(pieces.size()) < kMaxParts) pieces.emplace_back();
      open = true;
    }
    pieces.back().push_back(p);
  }
  for (std::size_t i = 0; i < std::max<std::size_t>(pieces.size(), line.parts.size()); ++i) {
    if (i >= line.parts.size()) {
      QLineSeries* s = newPart(false);
      s->setPen(line.parts.front()->pen());
      s->setProperty("dlplayThin", line.parts.front()->property("dlplayThin"));
      s->setProperty("dlplayFaint", line.parts.front()->property("dlplayFaint"));
      s->setName(line.parts.front()->name());
      s->setVisible(line.parts.front()->isVisible());
      hideFromLegend(m_chart, s);
      line.parts.push_back(s);
    }
    QLineSeries* s = line.parts[i];
    if (i < pieces.size()) {
      const bool dot = pieces[i].size() == 1;
      if (dot && s->markerSize() != kDotSize) s->setMarkerSize(kDotSize);
      if (s->pointsVisible() != dot) s->setPointsVisible(dot);
      setPoints(s, pieces[i]);
    } else {
      setPoints(s, {});
    }
  }
  return static_cast<int>(pieces.size());
}

void Trace::releasePoints() {
  if (!m_chart) return;
  std::vector<QXYSeries*> all(m_main.parts.begin(), m_main.parts.end());
  all.insert(all.end(), m_faint.parts.begin(), m_faint.parts.end());
  for (QXYSeries* s : {static_cast<QXYSeries*>(m_zeros), static_cast<QXYSeries*>(m_nonFinite)})
    if (s) all.push_back(s);
  for (QXYSeries* s : all) {
    if (s->count() == 0 || std::find(m_released.begin(), m_released.end(), s) != m_released.end()) continue;
    const QSignalBlocker quiet(s);
    s->clear();
    m_released.push_back(s);
  }
}

void Trace::setPoints(QXYSeries* series, const QList<QPointF>& points) {
  const auto released = std::find(m_released.begin(), m_released.end(), series);
  if (released != m_released.end()) {
    m_released.erase(released);
    series->replace(points);  // tells Qt Charts, even of an empty line
  } else if (!points.isEmpty() || series->count() > 0) {
    series->replace(points);
  }
}

void Trace::draw(int pixels, double scale) {
  if (!m_chart) return;
  const bool log = m_y->isLog();
  // Smoothed: the faint raw band and the smoothed line at half the columns each, so the two cost
  // Qt Charts fewer points than the raw line alone at full resolution (about 1 µs per point).
  const int columns = m_smoothing > 0 ? std::max(1, pixels / 2) : pixels;
  QList<QPointF> raw = history.decimated(columns);
  scalePoints(raw, scale);
  QList<QPointF> zeros;
  const double spacing = kMarkSpacing * (m_x->max() - m_x->min()) / std::max(1, pixels);
  if (m_smoothing > 0) {
    m_rawParts = drawLine(m_faint, raw, log, &zeros, spacing);
    QList<QPointF> smooth = history.smoothed(columns, m_smoothing);
    scalePoints(smooth, scale);
    drawLine(m_main, smooth, log, nullptr, 0);
  } else {
    m_rawParts = drawLine(m_main, raw, log, &zeros, spacing);
    for (QLineSeries* s : m_faint.parts)
      if (s->count() > 0) s->clear();
  }
  // Marks just inside the plot's edges, so that they are not cut in half.
  const double lo = m_y->lo(), hi = m_y->hi();
  const double bottom = log ? lo * std::pow(hi / lo, 0.03) : lo + 0.03 * (hi - lo);
  const double top = log ? hi / std::pow(hi / lo, 0.03) : hi - 0.03 * (hi - lo);
  m_zeroCount = static_cast<int>(zeros.size());
  if (!zeros.isEmpty() && !m_zeros) m_zeros = newMarks(false);
  if (m_zeros) {
    for (QPointF& p : zeros) p.setY(bottom);
    setPoints(m_zeros, zeros);
  }
  const std::vector<double>& bad = history.nonFiniteX();
  m_nonFiniteCount = static_cast<int>(bad.size());
  if (!bad.empty() && !m_nonFinite) m_nonFinite = newMarks(true);
  if (m_nonFinite) {
    QList<QPointF> marks;
    marks.reserve(static_cast<qsizetype>(std::min<std::size_t>(bad.size(), static_cast<std::size_t>(pixels) + 1)));
    // One per pixel column at most.
    const double dx = (m_x->max() - m_x->min()) / std::max(1, pixels);
    for (double x : bad)
      if (marks.isEmpty() || dx <= 0 || x - marks.back().x() >= dx) marks.push_back(QPointF(x, top));
    setPoints(m_nonFinite, marks);
  }
  // Whatever was released and not drawn again (a part no longer needed) is told it is empty.
  for (QXYSeries* s : std::exchange(m_released, {})) s->replace(QList<QPointF>());
}

void MarkKey::create(QChart* chart) {
  m_chart = chart;
  m_zero = new QScatterSeries;
  m_zero->setMarkerShape(QScatterSeries::MarkerShapeRotatedRectangle);
  m_zero->setColor(Qt::white);
  m_zero->setBorderColor(Qt::darkGray);
  m_nonFinite = new QScatterSeries;
  m_nonFinite->setMarkerShape(QScatterSeries::MarkerShapeStar);
  m_nonFinite->setColor(Qt::darkGray);
  m_nonFinite->setBorderColor(Qt::darkGray);
  for (QScatterSeries* s : {m_zero, m_nonFinite}) {
    s->setMarkerSize(kMarkSize);
    s->setProperty("dlplayThin", true);
    chart->addSeries(s);
    for (QLegendMarker* m : chart->legend()->markers(s)) m->setShape(QLegend::MarkerShapeFromSeries);  // ◇, ★
  }
  update(false, false);
}

void MarkKey::retranslate(const QString& zero, const QString& nonFinite) {
  if (!m_chart) return;
  m_zero->setName(zero);
  m_nonFinite->setName(nonFinite);
}

void MarkKey::update(bool zeros, bool nonFinite) {
  if (!m_chart || (m_shown && zeros == m_zeros && nonFinite == m_nonFinites)) return;
  m_shown = true;
  m_zeros = zeros;
  m_nonFinites = nonFinite;
  for (QLegendMarker* m : m_chart->legend()->markers(m_zero)) m->setVisible(zeros);
  for (QLegendMarker* m : m_chart->legend()->markers(m_nonFinite)) m->setVisible(nonFinite);
}

}  // namespace dlui
