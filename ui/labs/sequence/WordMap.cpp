// Word vectors on the plane, labelled; see WordMap.h.
#include "labs/sequence/WordMap.h"

#include <QEvent>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <limits>

namespace dlui {

namespace {

constexpr int kMargin = 8;
const QColor kGreyPoint(0xa8, 0xa8, 0xa8);
const QColor kGreyLabel(0x50, 0x50, 0x50);

// Labels already placed, bucketed by area so a new label is tested against its neighbours only:
// a few hundred words stay cheap at ten repaints a second.
class LabelSpace {
public:
  LabelSpace(const QRectF& area, double cellW, double cellH)
      : m_area(area),
        m_cw(cellW),
        m_ch(cellH),
        m_nx(std::max(1, static_cast<int>(std::ceil(area.width() / cellW)))),
        m_ny(std::max(1, static_cast<int>(std::ceil(area.height() / cellH)))),
        m_cells(static_cast<std::size_t>(m_nx * m_ny)) {}

  bool isFree(const QRectF& r) const {
    bool free = true;
    visit(r, [&](std::vector<int>& cell) {
      for (int i : cell)
        if (m_rects[static_cast<std::size_t>(i)].intersects(r)) free = false;
    });
    return free;
  }
  void add(const QRectF& r) {
    const int id = static_cast<int>(m_rects.size());
    m_rects.push_back(r);
    visit(r, [&](std::vector<int>& cell) { cell.push_back(id); });
  }

private:
  template <typename F>
  void visit(const QRectF& r, F f) const {
    const auto cx = [&](double x) { return std::clamp(static_cast<int>((x - m_area.left()) / m_cw), 0, m_nx - 1); };
    const auto cy = [&](double y) { return std::clamp(static_cast<int>((y - m_area.top()) / m_ch), 0, m_ny - 1); };
    for (int y = cy(r.top()); y <= cy(r.bottom()); ++y)
      for (int x = cx(r.left()); x <= cx(r.right()); ++x) f(m_cells[static_cast<std::size_t>(y * m_nx + x)]);
  }

  QRectF m_area;
  double m_cw, m_ch;
  int m_nx, m_ny;
  mutable std::vector<std::vector<int>> m_cells;
  std::vector<QRectF> m_rects;
};

}  // namespace

WordMap::WordMap(QWidget* parent) : PlotFrame(kMargin, parent) {}

void WordMap::setPoints(const std::vector<QPointF>& xy, const QStringList& words) {
  const std::size_t n = std::min(xy.size(), static_cast<std::size_t>(words.size()));
  m_xy.assign(xy.begin(), xy.begin() + static_cast<std::ptrdiff_t>(n));
  m_words = words.mid(0, static_cast<qsizetype>(n));
  updateBounds();
  update();
}

void WordMap::setHighlight(const QStringList& words, const QColor& color) {
  m_highlight = QSet<QString>(words.begin(), words.end());
  if (color.isValid()) m_highlightColor = color;
  update();
}

void WordMap::clearHighlight() {
  m_highlight.clear();
  update();
}

double WordMap::pointRadius(bool highlighted) const {
  if (highlighted) return presentationMode() ? 7.5 : 5.5;
  return presentationMode() ? 4.5 : 3.0;
}

void WordMap::updateBounds() {
  double x0 = std::numeric_limits<double>::infinity(), x1 = -x0, y0 = x0, y1 = -x0;
  for (const QPointF& p : m_xy) {
    if (!std::isfinite(p.x()) || !std::isfinite(p.y())) continue;
    x0 = std::min(x0, p.x());
    x1 = std::max(x1, p.x());
    y0 = std::min(y0, p.y());
    y1 = std::max(y1, p.y());
  }
  if (!std::isfinite(x0)) {
    m_bounds = QRectF(-1, -1, 2, 2);
    return;
  }
  // A single point (or a line of them) still gets a span to sit in the middle of.
  const auto widen = [](double& lo, double& hi) {
    if (hi - lo < 1e-12) {
      const double d = std::max(1e-6, std::abs(lo) * 0.1 + 1);
      lo -= d;
      hi += d;
    }
    const double m = 0.06 * (hi - lo);
    lo -= m;
    hi += m;
  };
  widen(x0, x1);
  widen(y0, y1);
  m_bounds = QRectF(x0, y0, x1 - x0, y1 - y0);
}

QRectF WordMap::plotRect() const {
  // Half a line inside the frame, so a point on the edge keeps its disc and label in view.
  const double pad = QFontMetrics(viewFont()).height() * 0.6;
  return plotArea().adjusted(pad, pad, -pad, -pad);
}

QPointF WordMap::toWidget(int index) const {
  if (index < 0 || index >= static_cast<int>(m_xy.size())) return {-1, -1};
  return onPlot(m_xy[static_cast<std::size_t>(index)], plotRect());
}

QPointF WordMap::onPlot(const QPointF& p, const QRectF& plot) const {
  return {plot.left() + (p.x() - m_bounds.left()) / m_bounds.width() * plot.width(),
          plot.bottom() - (p.y() - m_bounds.top()) / m_bounds.height() * plot.height()};
}

int WordMap::pointAt(const QPointF& pos) const {
  const double reach = std::max(10.0, QFontMetrics(viewFont()).height() * 0.7);
  int best = -1;
  double bestD = reach * reach;
  const QRectF plot = plotRect();
  for (int i = 0; i < static_cast<int>(m_xy.size()); ++i) {
    const QPointF& p = m_xy[static_cast<std::size_t>(i)];
    if (!std::isfinite(p.x()) || !std::isfinite(p.y())) continue;
    const QPointF w = onPlot(p, plot);
    const double d = (w.x() - pos.x()) * (w.x() - pos.x()) + (w.y() - pos.y()) * (w.y() - pos.y());
    // Ties (the same spot) go to a highlighted word, the one drawn on top.
    if (d < bestD ||
        (d == bestD && best >= 0 && m_highlight.contains(m_words[i]) && !m_highlight.contains(m_words[best]))) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

bool WordMap::labelDrawn(int index) const {
  return index >= 0 && index < static_cast<int>(m_labelDrawn.size()) && m_labelDrawn[static_cast<std::size_t>(index)];
}

void WordMap::paintEvent(QPaintEvent*) {
  QPainter p(this);
  paintFrame(p);
  const int n = static_cast<int>(m_xy.size());
  m_labelDrawn.assign(static_cast<std::size_t>(n), false);
  m_drawnLabels = 0;
  if (n == 0) {
    paintEmptyText(p, tr("No word vectors yet"));
    return;
  }
  const QFont f = viewFont();
  const QFontMetrics fm(f);
  QFont hf = f;
  hf.setBold(true);
  if (hf.pointSizeF() > 0)
    hf.setPointSizeF(hf.pointSizeF() * 1.2);
  else
    hf.setPixelSize(hf.pixelSize() * 6 / 5);
  const QFontMetrics hfm(hf);
  const int lineH = fm.height();

  const QRectF plot = plotRect();
  std::vector<QPointF> at(static_cast<std::size_t>(n));
  std::vector<char> hi(static_cast<std::size_t>(n), 0), ok(static_cast<std::size_t>(n), 0);
  for (int i = 0; i < n; ++i) {
    const QPointF& d = m_xy[static_cast<std::size_t>(i)];
    ok[static_cast<std::size_t>(i)] = std::isfinite(d.x()) && std::isfinite(d.y());
    at[static_cast<std::size_t>(i)] = onPlot(d, plot);
    hi[static_cast<std::size_t>(i)] = m_highlight.contains(m_words[i]);
  }

  // Place the labels: highlighted words first and always, then the rest in order (a vocabulary
  // sorted by frequency keeps its common words). A label sits right of its point (left when that
  // runs off the widget); one that would cover a label already placed is left out.
  LabelSpace space(QRectF(rect()), 96, lineH);
  LabelSpace highlighted(QRectF(rect()), 96, lineH);  // the highlighted words' labels only
  std::vector<QRectF> labelRect(static_cast<std::size_t>(n));
  const QRectF inside = QRectF(rect()).adjusted(2, 2, -2, -2);
  const auto place = [&](int i, bool force) {
    const bool h = hi[static_cast<std::size_t>(i)];
    const QFontMetrics& m = h ? hfm : fm;
    const double w = m.horizontalAdvance(m_words[i]) + 2, th = m.height();
    const double gap = pointRadius(h) + 3;
    const QPointF c = at[static_cast<std::size_t>(i)];
    QRectF r(c.x() + gap, c.y() - th / 2, w, th);
    if (r.right() > inside.right()) r.moveRight(c.x() - gap);
    if (force) {
      // A highlighted word is always labelled; among words close together (a query and its
      // neighbours) its label moves right or left, and up or down a line at a time, until it
      // covers no other highlighted label.
      QRectF best = r;
      bool found = false;
      for (int k = 0; k <= 8 && !found; ++k) {
        const double dy = (k % 2 ? 1 : -1) * ((k + 1) / 2) * th;
        for (const bool right : {r.left() > c.x(), r.left() <= c.x()}) {
          QRectF q(right ? c.x() + gap : c.x() - gap - w, c.y() - th / 2 + dy, w, th);
          if (!inside.contains(q) || !highlighted.isFree(q)) continue;
          best = q;
          found = true;
          break;
        }
      }
      r = best;
      highlighted.add(r);
    } else if (!space.isFree(r)) {
      return false;
    }
    labelRect[static_cast<std::size_t>(i)] = r;
    space.add(r);
    return true;
  };
  // Labels keep clear of every disc, so no word is printed across another's point.
  for (int i = 0; i < n; ++i)
    if (ok[static_cast<std::size_t>(i)]) {
      const double r = pointRadius(hi[static_cast<std::size_t>(i)]);
      const QPointF c = at[static_cast<std::size_t>(i)];
      space.add(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r));
    }
  for (int i = 0; i < n; ++i)
    if (ok[static_cast<std::size_t>(i)] && hi[static_cast<std::size_t>(i)])
      m_labelDrawn[static_cast<std::size_t>(i)] = place(i, true);
  for (int i = 0; i < n; ++i)
    if (ok[static_cast<std::size_t>(i)] && !hi[static_cast<std::size_t>(i)])
      m_labelDrawn[static_cast<std::size_t>(i)] = place(i, false);

  // Grey points and labels, then the highlighted ones on top.
  p.setRenderHint(QPainter::Antialiasing, true);
  p.setPen(Qt::NoPen);
  p.setBrush(kGreyPoint);
  const double gr = pointRadius(false);
  for (int i = 0; i < n; ++i)
    if (ok[static_cast<std::size_t>(i)] && !hi[static_cast<std::size_t>(i)])
      p.drawEllipse(at[static_cast<std::size_t>(i)], gr, gr);
  p.setFont(f);
  p.setPen(kGreyLabel);
  for (int i = 0; i < n; ++i)
    if (m_labelDrawn[static_cast<std::size_t>(i)] && !hi[static_cast<std::size_t>(i)])
      p.drawText(labelRect[static_cast<std::size_t>(i)], Qt::AlignCenter, m_words[i]);
  const double hr = pointRadius(true);
  QColor halo = palette().color(QPalette::Base);
  halo.setAlpha(200);
  p.setFont(hf);
  for (int i = 0; i < n; ++i) {
    if (!ok[static_cast<std::size_t>(i)] || !hi[static_cast<std::size_t>(i)]) continue;
    p.setPen(QPen(Qt::white, 1.5));
    p.setBrush(m_highlightColor);
    p.drawEllipse(at[static_cast<std::size_t>(i)], hr, hr);
    const QRectF& r = labelRect[static_cast<std::size_t>(i)];
    const QPointF c = at[static_cast<std::size_t>(i)];
    if (std::abs(r.center().y() - c.y()) > r.height() / 2) {
      // A label moved off its point's line: a thin leader says whose it is.
      p.setPen(QPen(m_highlightColor, 1));
      p.drawLine(c, QPointF(r.center().x() < c.x() ? r.right() : r.left(), r.center().y()));
    }
    p.fillRect(r, halo);  // readable over the grey points and labels beneath
    p.setPen(m_highlightColor.darker(115));
    p.drawText(r, Qt::AlignCenter, m_words[i]);
  }
  m_drawnLabels = static_cast<int>(std::count(m_labelDrawn.begin(), m_labelDrawn.end(), true));
}

void WordMap::mousePressEvent(QMouseEvent* e) {
  if (e->button() == Qt::LeftButton) {
    const int i = pointAt(e->position());
    if (i >= 0) emit wordClicked(m_words[i]);
  }
  QWidget::mousePressEvent(e);
}

bool WordMap::event(QEvent* e) {
  if (e->type() == QEvent::ToolTip) {
    auto* help = static_cast<QHelpEvent*>(e);
    const int i = pointAt(help->pos());
    if (i < 0) {
      QToolTip::hideText();
      e->ignore();
    } else {
      QToolTip::showText(help->globalPos(), m_words[i], this);
    }
    return true;
  }
  return QWidget::event(e);
}

}  // namespace dlui
