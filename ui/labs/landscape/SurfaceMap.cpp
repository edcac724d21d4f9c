#include "labs/landscape/SurfaceMap.h"

#include "plots/ChartAxes.h"
#include "widgets/ColorMaps.h"
#include "surface/Race.h"

#include <QEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <limits>

namespace dlui {

using dl::surface::CriticalKind;

namespace {
// Liang–Barsky: clips the segment a→b to r in place; false when no part of it is inside.
bool clipSegment(const QRectF& r, QPointF& a, QPointF& b) {
  const double dx = b.x() - a.x(), dy = b.y() - a.y();
  double t0 = 0, t1 = 1;
  const double p[] = {-dx, dx, -dy, dy};
  const double q[] = {a.x() - r.left(), r.right() - a.x(), a.y() - r.top(), r.bottom() - a.y()};
  for (int i = 0; i < 4; ++i) {
    if (p[i] == 0) {
      if (q[i] < 0) return false;
      continue;
    }
    const double t = q[i] / p[i];
    if (p[i] < 0)
      t0 = std::max(t0, t);
    else
      t1 = std::min(t1, t);
    if (t0 > t1) return false;
  }
  const QPointF start(a.x() + t0 * dx, a.y() + t0 * dy), end(a.x() + t1 * dx, a.y() + t1 * dy);
  a = start;
  b = end;
  return true;
}
}  // namespace

SurfaceMap::SurfaceMap(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("surfaceMap"));
  setMouseTracking(true);
  setCursor(Qt::CrossCursor);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void SurfaceMap::setRace(const dl::surface::Race* race, bool surfaceChanged) {
  m_race = race;
  if (surfaceChanged || !race) {
    m_heatDirty = true;
    layoutPlot();
  }
  update();
}

void SurfaceMap::racersMoved() { update(); }

void SurfaceMap::setPresentationMode(bool on) {
  m_presentation = on;
  update();
}

void SurfaceMap::layoutPlot() {
  const QFontMetrics fm(font());
  // Room for the tick labels on the left and below.
  const double left = fm.horizontalAdvance(QStringLiteral("−0.00")) + 10, bottom = fm.height() + 8, top = 6, right = 8;
  const QRectF room(left, top, std::max(10.0, width() - left - right), std::max(10.0, height() - top - bottom));
  if (m_race) {
    const dl::surface::Box b = m_race->surface().view();
    m_x0 = b.xmin, m_x1 = b.xmax, m_y0 = b.ymin, m_y1 = b.ymax;
  }
  // Equal units on both axes: the largest rectangle of the plane's aspect inside the room.
  const double aspect = (m_x1 - m_x0) / std::max(1e-12, m_y1 - m_y0);
  double w = room.width(), h = w / aspect;
  if (h > room.height()) {
    h = room.height();
    w = h * aspect;
  }
  const QRectF plot(room.left() + (room.width() - w) / 2, room.top() + (room.height() - h) / 2, w, h);
  if (plot.size().toSize() != m_plot.size().toSize()) m_heatDirty = true;
  m_plot = plot;
}

QPointF SurfaceMap::toPlane(QPointF p) const {
  return {m_x0 + (p.x() - m_plot.left()) / m_plot.width() * (m_x1 - m_x0),
          m_y1 - (p.y() - m_plot.top()) / m_plot.height() * (m_y1 - m_y0)};
}

QPointF SurfaceMap::toWidget(QPointF q) const {
  return {m_plot.left() + (q.x() - m_x0) / (m_x1 - m_x0) * m_plot.width(),
          m_plot.top() + (m_y1 - q.y()) / (m_y1 - m_y0) * m_plot.height()};
}

void SurfaceMap::computeHeatMap() {
  m_heatDirty = false;
  if (!m_race || m_plot.width() < 2 || m_plot.height() < 2) {
    m_heat = QImage();
    return;
  }
  // At most 360 samples on the longer side: a few hundred thousand evaluations of a typed
  // function stay under a frame or two; the image is scaled smoothly to the plot.
  const double scale = std::min(1.0, 360.0 / std::max(m_plot.width(), m_plot.height()));
  const int nx = std::max(2, static_cast<int>(m_plot.width() * scale));
  const int ny = std::max(2, static_cast<int>(m_plot.height() * scale));
  const dl::surface::Surface& s = m_race->surface();
  std::vector<double> v(static_cast<std::size_t>(nx) * ny);
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (int j = 0; j < ny; ++j)
    for (int i = 0; i < nx; ++i) {
      const double x = m_x0 + (i + 0.5) / nx * (m_x1 - m_x0), y = m_y1 - (j + 0.5) / ny * (m_y1 - m_y0);
      const double f = s.value(x, y);
      v[static_cast<std::size_t>(j) * nx + i] = f;
      if (std::isfinite(f)) lo = std::min(lo, f), hi = std::max(hi, f);
    }
  // With a known minimum, logarithmic colours of f − min: the valley floor's detail, not only the
  // walls, is visible. Without one (a saddle falls without bound) the colours are linear in f.
  const double known = s.minimumValue();
  const bool logScale = std::isfinite(known);
  if (logScale) lo = std::min(lo, known);
  const double span = std::isfinite(hi) ? std::max(hi - lo, 1e-300) : 1.0;
  const double eps = span * 1e-5;
  const double tLo = std::log10(eps), tHi = std::log10(span + eps);
  constexpr int kLevels = 16;
  std::vector<int> level(v.size());
  std::vector<double> t(v.size());
  for (std::size_t k = 0; k < v.size(); ++k) {
    if (!std::isfinite(v[k]))
      t[k] = std::nan("");
    else
      t[k] = logScale ? (std::log10(v[k] - lo + eps) - tLo) / (tHi - tLo) : (v[k] - lo) / span;
    level[k] = std::isfinite(t[k]) ? static_cast<int>(std::floor(t[k] * kLevels)) : -1;
  }
  m_heat = QImage(nx, ny, QImage::Format_RGB32);
  for (int j = 0; j < ny; ++j) {
    auto* row = reinterpret_cast<QRgb*>(m_heat.scanLine(j));
    for (int i = 0; i < nx; ++i) {
      const std::size_t k = static_cast<std::size_t>(j) * nx + i;
      QRgb c = colors::sequential(t[k]);
      // A contour where the level changes towards the right or downwards neighbour.
      const bool edge = (i + 1 < nx && level[k + 1] != level[k]) || (j + 1 < ny && level[k + nx] != level[k]);
      if (edge) c = qRgb(qRed(c) * 6 / 10, qGreen(c) * 6 / 10, qBlue(c) * 6 / 10);
      row[i] = c;
    }
  }
}

void SurfaceMap::drawAxes(QPainter& p) const {
  p.setPen(palette().color(QPalette::WindowText));
  const QFontMetrics fm(font());
  // Round ticks, as many as the plot has room for, each label in the format its interval needs.
  const auto axis = [](double a, double b, int room) {
    const double step = niceInterval(b - a, std::max(2, room));
    std::vector<double> at;
    for (double t = std::ceil(a / step) * step; t <= b + step * 1e-9; t += step)
      at.push_back(std::abs(t) < step * 1e-9 ? 0 : t);
    return std::pair{at, tickLabelFormat(a, b, step)};
  };
  const auto label = [](const QString& format, double v) {
    return QString::asprintf(format.toLatin1().constData(), v).replace(QLatin1Char('-'), QChar(0x2212));
  };
  const auto [xs, fmtX] = axis(m_x0, m_x1, static_cast<int>(m_plot.width() / (fm.horizontalAdvance("−00.0") * 2)));
  for (double x : xs) {
    const double px = toWidget({x, m_y0}).x();
    p.drawLine(QPointF(px, m_plot.bottom()), QPointF(px, m_plot.bottom() + 4));
    p.drawText(QRectF(px - 40, m_plot.bottom() + 4, 80, fm.height()), Qt::AlignHCenter | Qt::AlignTop, label(fmtX, x));
  }
  const auto [ys, fmtY] = axis(m_y0, m_y1, static_cast<int>(m_plot.height() / (fm.height() * 3)));
  for (double y : ys) {
    const double py = toWidget({m_x0, y}).y();
    p.drawLine(QPointF(m_plot.left() - 4, py), QPointF(m_plot.left(), py));
    p.drawText(QRectF(0, py - fm.height() / 2.0, m_plot.left() - 6, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
               label(fmtY, y));
  }
  p.setPen(QPen(palette().color(QPalette::Mid), 1));
  p.setBrush(Qt::NoBrush);
  p.drawRect(m_plot);
}

void SurfaceMap::drawCriticalPoints(QPainter& p) const {
  const double r = m_presentation ? 7 : 5;
  for (const dl::surface::CriticalPoint& c : m_race->criticalPoints()) {
    const QPointF at = toWidget({c.x, c.y});
    if (!m_plot.contains(at)) continue;
    p.setPen(QPen(Qt::black, 1.5));
    switch (c.kind) {
      case CriticalKind::Minimum:  // a white disc
        p.setBrush(Qt::white);
        p.drawEllipse(at, r, r);
        break;
      case CriticalKind::Maximum: {  // a white triangle
        p.setBrush(Qt::white);
        const QPointF tri[] = {at + QPointF(0, -r * 1.2), at + QPointF(r * 1.1, r * 0.8),
                               at + QPointF(-r * 1.1, r * 0.8)};
        p.drawPolygon(tri, 3);
        break;
      }
      case CriticalKind::Saddle:  // a white ×, outlined
      case CriticalKind::Degenerate: {
        for (const auto& [w, color] : {std::pair{5.0, QColor(Qt::black)}, std::pair{2.5, QColor(Qt::white)}}) {
          p.setPen(QPen(color, m_presentation ? w * 1.3 : w, Qt::SolidLine, Qt::RoundCap));
          p.drawLine(at + QPointF(-r, -r), at + QPointF(r, r));
          p.drawLine(at + QPointF(-r, r), at + QPointF(r, -r));
        }
        break;
      }
    }
  }
}

void SurfaceMap::drawTrails(QPainter& p) const {
  const auto& racers = m_race->racers();
  const double width = m_presentation ? 3.5 : 2.2;
  // The start: a ring every racer leaves from.
  if (!racers.empty()) {
    const auto& first = m_race->trail(0);
    if (!first.empty()) {
      const QPointF s = toWidget({first.front()[0], first.front()[1]});
      p.setPen(QPen(Qt::white, 2.5));
      p.setBrush(Qt::NoBrush);
      p.drawEllipse(s, width * 3, width * 3);
    }
  }
  p.save();
  p.setClipRect(m_plot.adjusted(-1, -1, 1, 1));  // the racers' dots near the edge
  for (std::size_t i = 0; i < racers.size(); ++i) {
    const auto& trail = m_race->trail(i);
    if (trail.empty()) continue;
    const QColor color = i < m_colors.size() ? m_colors[i] : QColor(Qt::white);
    // Each segment clipped to the plot (a diverging racer's points lie millions of pixels away,
    // and stroking such a path costs the raster engine seconds); segments shorter than half a
    // pixel are merged, so a long trail costs about its length in pixels.
    const QRectF clip = m_plot.adjusted(-4, -4, 4, 4);
    QPainterPath path;
    QPointF last(std::nan(""), std::nan(""));  // where the path's pen is
    QPointF previous = toWidget({trail.front()[0], trail.front()[1]});
    for (std::size_t k = 1; k < trail.size(); ++k) {
      const double x = trail[k][0], y = trail[k][1];
      if (!std::isfinite(x) || !std::isfinite(y)) break;
      const QPointF q = toWidget({x, y});
      QPointF a = previous, b = q;
      previous = q;
      if (!clipSegment(clip, a, b)) continue;
      if (!(std::abs(a.x() - last.x()) < 0.5 && std::abs(a.y() - last.y()) < 0.5))
        path.moveTo(a);
      else if (k + 1 < trail.size() && std::abs(b.x() - last.x()) + std::abs(b.y() - last.y()) < 0.5)
        continue;
      path.lineTo(b);
      last = b;
    }
    p.setPen(QPen(QColor(0, 0, 0, 110), width + 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);
    p.setPen(QPen(color, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.drawPath(path);
    // The racer now: a filled dot (hollow when it diverged).
    const auto& r = racers[i];
    const QPointF at = toWidget({r.x, r.y});
    if (!clip.contains(at)) continue;  // off the map: its trail ends at the edge
    p.setPen(QPen(Qt::black, 1.5));
    p.setBrush(r.diverged ? QBrush(Qt::NoBrush) : QBrush(color));
    p.drawEllipse(at, width * 2.2, width * 2.2);
  }
  p.restore();
}

void SurfaceMap::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  if (!m_race) return;
  if (m_heatDirty) computeHeatMap();
  if (!m_heat.isNull()) {
    p.save();
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.drawImage(m_plot, m_heat);
    p.restore();
  }
  drawAxes(p);
  drawCriticalPoints(p);
  drawTrails(p);
}

void SurfaceMap::resizeEvent(QResizeEvent* event) {
  layoutPlot();
  QWidget::resizeEvent(event);
}

void SurfaceMap::changeEvent(QEvent* event) {
  if (event->type() == QEvent::FontChange) layoutPlot();
  QWidget::changeEvent(event);
}

void SurfaceMap::mousePressEvent(QMouseEvent* event) {
  if (event->button() == Qt::LeftButton && m_plot.contains(event->position())) {
    const QPointF q = toPlane(event->position());
    emit startPicked(q.x(), q.y());
  }
  QWidget::mousePressEvent(event);
}

void SurfaceMap::mouseMoveEvent(QMouseEvent* event) {
  if (m_plot.contains(event->position())) {
    const QPointF q = toPlane(event->position());
    emit hovered(q.x(), q.y());
  } else {
    emit hovered(std::nan(""), std::nan(""));
  }
  QWidget::mouseMoveEvent(event);
}

void SurfaceMap::leaveEvent(QEvent* event) {
  emit hovered(std::nan(""), std::nan(""));
  QWidget::leaveEvent(event);
}

}  // namespace dlui
