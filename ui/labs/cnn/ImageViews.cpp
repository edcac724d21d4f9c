// The CNN lab's tiles, confusion matrix, drawing canvas and probability bars (labs/cnn/ImageViews.h).
#include "labs/cnn/ImageViews.h"

#include "widgets/ColorMaps.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace dlui {

namespace {

constexpr int kCanvasSide = 280;  // the drawing's own resolution, independent of the widget's size

QString percent(double p) { return QString::number(100.0 * p, 'f', 0) + QLatin1Char('%'); }

}  // namespace

QImage tileImage(const Tile& t) {
  QImage img(std::max(1, t.w), std::max(1, t.h), QImage::Format_RGB32);
  img.fill(Qt::white);
  const std::size_t plane = static_cast<std::size_t>(t.h) * static_cast<std::size_t>(t.w);
  if (t.h <= 0 || t.w <= 0 || t.values.size() < plane * static_cast<std::size_t>(t.channels)) return img;
  if (t.colour == Tile::Colour::Signed) {
    float m = 0;
    for (std::size_t i = 0; i < plane; ++i)
      if (std::isfinite(t.values[i])) m = std::max(m, std::abs(t.values[i]));
    if (t.fixedRange) m = std::max(std::abs(t.lo), std::abs(t.hi));
    for (int y = 0; y < t.h; ++y)
      for (int x = 0; x < t.w; ++x) {
        const float v = t.values[static_cast<std::size_t>(y * t.w + x)];
        img.setPixel(x, y, std::isfinite(v) ? colors::diverging(m > 0 ? v / m : 0.0) : qRgb(128, 128, 128));
      }
    return img;
  }
  // grey, per channel range shared across channels so colours keep their balance
  float lo = t.lo, hi = t.hi;
  if (!t.fixedRange) {
    lo = std::numeric_limits<float>::infinity();
    hi = -lo;
    for (std::size_t i = 0; i < plane * static_cast<std::size_t>(t.channels); ++i)
      if (std::isfinite(t.values[i])) {
        lo = std::min(lo, t.values[i]);
        hi = std::max(hi, t.values[i]);
      }
    if (!(hi > lo)) {  // constant: mid grey (or black for an all-zero map)
      lo = std::isfinite(lo) ? lo - 1 : 0;
      hi = lo + 2;
    }
  }
  const float scale = hi > lo ? 255.0f / (hi - lo) : 0.0f;
  auto level = [&](float v) { return std::isfinite(v) ? std::clamp(static_cast<int>((v - lo) * scale + 0.5f), 0, 255) : 128; };
  for (int y = 0; y < t.h; ++y)
    for (int x = 0; x < t.w; ++x) {
      const std::size_t i = static_cast<std::size_t>(y * t.w + x);
      if (t.channels >= 3)
        img.setPixel(x, y, qRgb(level(t.values[i]), level(t.values[plane + i]), level(t.values[2 * plane + i])));
      else {
        const int g = level(t.values[i]);
        img.setPixel(x, y, qRgb(g, g, g));
      }
    }
  return img;
}

// ---------------------------------------------------------------- TileGrid

TileGrid::TileGrid(QWidget* parent) : QWidget(parent) {
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void TileGrid::setRows(std::vector<Row> rows) {
  m_rows = std::move(rows);
  updateGeometry();
  update();
}

void TileGrid::setTileLimits(int minTile, int maxTile) {
  m_minTile = minTile;
  m_maxTile = std::max(minTile, maxTile);
  updateGeometry();
  update();
}

void TileGrid::setPresentationMode(bool on) {
  m_presentation = on;
  updateGeometry();
  update();
}

void TileGrid::setPlaceholder(const QString& text) {
  m_placeholder = text;
  update();
}

std::vector<TileGrid::Placed> TileGrid::layout(int width, int* height, std::vector<QRect>* headings) const {
  std::vector<Placed> out;
  const QFontMetrics fm(font());
  const int gap = 4, line = fm.height();
  int y = 0;
  for (std::size_t r = 0; r < m_rows.size(); ++r) {
    const Row& row = m_rows[r];
    if (!row.heading.isEmpty()) {  // wrapped to the width: a long heading is never cut
      const int h = fm.boundingRect(QRect(0, 0, std::max(1, width), 10000), Qt::TextWordWrap, row.heading).height();
      if (headings) headings->push_back(QRect(0, y, width, h));
      y += h + 2;
    }
    if (row.tiles.empty()) continue;
    const bool captions = std::any_of(row.tiles.begin(), row.tiles.end(), [](const Tile& t) { return !t.caption.isEmpty(); });
    const int n = static_cast<int>(row.tiles.size());
    // As large as fits in one row, within the limits; wrap when even the smallest does not fit.
    int side = std::clamp((width - gap * (n - 1)) / std::max(1, n), m_minTile, m_maxTile);
    const int perRow = std::max(1, (width + gap) / (side + gap));
    const int cellH = side + (captions ? line : 0);
    for (int i = 0; i < n; ++i) {
      const int cx = (i % perRow) * (side + gap), cy = y + (i / perRow) * (cellH + gap);
      // keep the tile's aspect (w:h) inside side × side
      const Tile& t = row.tiles[static_cast<std::size_t>(i)];
      int tw = side, th = side;
      if (t.h == 1 && t.w > 1) {  // a strip of values (a dense layer's outputs): a band across the row
        tw = std::min(width, std::max(side, t.w * 10));
        th = std::max(12, side / 3);
      } else if (t.w > 0 && t.h > 0) {
        if (t.w > t.h)
          th = std::max(4, side * t.h / t.w);
        else
          tw = std::max(4, side * t.w / t.h);
      }
      out.push_back({static_cast<int>(r), i, QRect(cx, cy, tw, th)});
    }
    y += ((n + perRow - 1) / perRow) * (cellH + gap) + gap;
  }
  if (height) *height = y;
  return out;
}

int TileGrid::heightForWidth(int width) const {
  int h = 0;
  layout(width, &h, nullptr);
  return std::max(h, QFontMetrics(font()).height() * 2);
}

QSize TileGrid::sizeHint() const { return {480, heightForWidth(480)}; }

void TileGrid::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), palette().base());
  if (m_rows.empty()) {
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
    return;
  }
  std::vector<QRect> headings;
  int h = 0;
  const auto placed = layout(width(), &h, &headings);
  p.setPen(palette().color(QPalette::Text));
  std::size_t hi = 0;
  for (std::size_t r = 0; r < m_rows.size() && hi < headings.size(); ++r)
    if (!m_rows[r].heading.isEmpty())
      p.drawText(headings[hi++], Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, m_rows[r].heading);
  const QFontMetrics fm(font());
  for (const Placed& pl : placed) {
    const Tile& t = m_rows[static_cast<std::size_t>(pl.row)].tiles[static_cast<std::size_t>(pl.tile)];
    p.drawImage(pl.rect, tileImage(t));
    if (t.frame.isValid() || t.highlighted) {
      p.setPen(QPen(t.highlighted ? palette().color(QPalette::Highlight) : t.frame, m_presentation ? 4 : 3));
      p.drawRect(pl.rect.adjusted(1, 1, -1, -1));
    } else {
      p.setPen(QPen(palette().color(QPalette::Mid), 1));
      p.drawRect(pl.rect.adjusted(0, 0, -1, -1));
    }
    if (!t.caption.isEmpty()) {
      p.setPen(palette().color(QPalette::Text));
      const QRect cap(pl.rect.left() - 2, pl.rect.bottom() + 1, std::max(pl.rect.width(), fm.horizontalAdvance(t.caption)) + 4,
                      fm.height());
      p.drawText(cap, Qt::AlignLeft | Qt::AlignTop, t.caption);
    }
  }
}

void TileGrid::mousePressEvent(QMouseEvent* event) {
  int h = 0;
  for (const Placed& pl : layout(width(), &h, nullptr))
    if (pl.rect.contains(event->position().toPoint())) {
      emit tileClicked(pl.row, pl.tile);
      return;
    }
}

// ---------------------------------------------------------------- ConfusionGrid

ConfusionGrid::ConfusionGrid(QWidget* parent) : QWidget(parent) {
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void ConfusionGrid::setMatrix(const Eigen::MatrixXi& m, const QStringList& classNames) {
  m_m = m;
  m_names = classNames;
  update();
}

void ConfusionGrid::setPresentationMode(bool on) {
  m_presentation = on;
  update();
}

void ConfusionGrid::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) update();
  QWidget::changeEvent(event);
}

void ConfusionGrid::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), palette().base());
  const int k = static_cast<int>(m_m.rows());
  if (k == 0) return;
  const QFontMetrics fm(font());
  int label = 0;
  for (int i = 0; i < k; ++i) {
    const QString n = i < m_names.size() ? m_names[i] : QString::number(i);
    label = std::max(label, fm.horizontalAdvance(n.left(10)));
  }
  label += 8;
  const int titleH = fm.height() + 4;
  const int side = std::max(4, std::min((width() - label - titleH) / k, (height() - label - titleH) / k));
  const QPoint origin(label + titleH, titleH);
  // axis titles
  p.setPen(palette().color(QPalette::Text));
  p.drawText(QRect(origin.x(), 0, side * k, titleH), Qt::AlignCenter, tr("predicted class →"));
  p.save();
  p.translate(fm.height(), origin.y() + side * k);
  p.rotate(-90);
  p.drawText(QRect(0, -fm.height(), side * k, fm.height() + 2), Qt::AlignCenter, tr("true class →"));
  p.restore();
  QFont small = font();
  small.setPixelSize(std::clamp(side / 3, 8, m_presentation ? 22 : 16));
  for (int t = 0; t < k; ++t) {
    const int rowSum = m_m.row(t).sum();
    for (int q = 0; q < k; ++q) {
      const int c = m_m(t, q);
      const double share = rowSum > 0 ? static_cast<double>(c) / rowSum : 0;
      const QRgb base = t == q ? qRgb(46, 160, 67) : qRgb(207, 34, 46);
      const QRgb fill = c == 0 ? qRgb(250, 250, 250) : colors::mix(qRgb(255, 255, 255), base, 0.15 + 0.85 * share);
      const QRect cell(origin.x() + q * side, origin.y() + t * side, side, side);
      p.fillRect(cell, QColor(fill));
      p.setPen(QColor(220, 220, 220));
      p.drawRect(cell.adjusted(0, 0, -1, -1));
      if (c > 0 && side >= 14) {
        p.setFont(small);
        p.setPen(qGray(fill) < 140 ? Qt::white : Qt::black);
        p.drawText(cell, Qt::AlignCenter, QString::number(c));
      }
    }
  }
  p.setFont(font());
  p.setPen(palette().color(QPalette::Text));
  for (int i = 0; i < k; ++i) {
    const QString n = (i < m_names.size() ? m_names[i] : QString::number(i)).left(10);
    p.drawText(QRect(origin.x() - label, origin.y() + i * side, label - 4, side), Qt::AlignRight | Qt::AlignVCenter, n);
    p.save();
    p.translate(origin.x() + i * side, origin.y() + k * side + label);
    p.rotate(-90);
    p.drawText(QRect(0, 0, label - 4, side), Qt::AlignRight | Qt::AlignVCenter, n);
    p.restore();
  }
}

// ---------------------------------------------------------------- DrawCanvas

DrawCanvas::DrawCanvas(QWidget* parent) : QWidget(parent), m_ink(kCanvasSide, kCanvasSide, QImage::Format_Grayscale8) {
  m_ink.fill(0);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  setCursor(Qt::CrossCursor);
  setAcceptDrops(true);
}

void DrawCanvas::setPicture(const QImage& picture) {
  QImage grey = picture.convertToFormat(QImage::Format_Grayscale8);
  if (grey.isNull() || grey.width() < 1 || grey.height() < 1) return;
  // Dark ink on light paper: the border (the outer eighth) brighter than the middle.
  double border = 0, middle = 0;
  long long nb = 0, nm = 0;
  const int mx = std::max(1, grey.width() / 8), my = std::max(1, grey.height() / 8);
  for (int y = 0; y < grey.height(); ++y) {
    const uchar* row = grey.constScanLine(y);
    for (int x = 0; x < grey.width(); ++x) {
      const bool edge = x < mx || y < my || x >= grey.width() - mx || y >= grey.height() - my;
      (edge ? border : middle) += row[x];
      ++(edge ? nb : nm);
    }
  }
  if (nb > 0 && nm > 0 && border / nb > middle / nm) grey.invertPixels();
  m_ink.fill(0);
  {
    QPainter p(&m_ink);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    const QSizeF fitted = QSizeF(grey.size()).scaled(kCanvasSide, kCanvasSide, Qt::KeepAspectRatio);
    p.drawImage(QRectF(QPointF((kCanvasSide - fitted.width()) / 2, (kCanvasSide - fitted.height()) / 2), fitted), grey);
  }
  m_empty = false;
  update();
  emit drawn();
}

void DrawCanvas::dragEnterEvent(QDragEnterEvent* event) {
  const QList<QUrl> urls = event->mimeData()->urls();
  if (urls.size() == 1 && urls.front().isLocalFile()) event->acceptProposedAction();
}

void DrawCanvas::dropEvent(QDropEvent* event) {
  const QList<QUrl> urls = event->mimeData()->urls();
  if (urls.size() != 1 || !urls.front().isLocalFile()) return;
  event->acceptProposedAction();
  emit fileDropped(urls.front().toLocalFile());
}

void DrawCanvas::clear() {
  m_ink.fill(0);
  m_empty = true;
  update();
  emit drawn();
}

void DrawCanvas::setImage(const std::vector<float>& values, int h, int w) {
  QImage small(w, h, QImage::Format_Grayscale8);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      small.setPixel(x, y, qRgb(0, 0, 0) | (0x010101u * static_cast<unsigned>(std::clamp(
                                                          values[static_cast<std::size_t>(y * w + x)], 0.0f, 1.0f) * 255)));
  m_ink = small.scaled(kCanvasSide, kCanvasSide, Qt::IgnoreAspectRatio, Qt::FastTransformation)
              .convertToFormat(QImage::Format_Grayscale8);
  m_empty = false;
  update();
  emit drawn();
}

std::vector<float> DrawCanvas::image(int h, int w) const {
  std::vector<float> out(static_cast<std::size_t>(h) * static_cast<std::size_t>(w), 0.0f);
  if (m_empty || h <= 0 || w <= 0) return out;
  // The digits were scanned centred in their box: centre the ink by its centre of mass, keep a
  // margin of one cell in 8, then area-average down to h×w.
  double sum = 0, sx = 0, sy = 0;
  int minX = kCanvasSide, minY = kCanvasSide, maxX = -1, maxY = -1;
  for (int y = 0; y < kCanvasSide; ++y) {
    const uchar* row = m_ink.constScanLine(y);
    for (int x = 0; x < kCanvasSide; ++x)
      if (row[x]) {
        sum += row[x];
        sx += row[x] * x;
        sy += row[x] * y;
        minX = std::min(minX, x);
        maxX = std::max(maxX, x);
        minY = std::min(minY, y);
        maxY = std::max(maxY, y);
      }
  }
  if (sum <= 0) return out;
  const double cx = sx / sum, cy = sy / sum;
  const double extent = std::max({maxX - minX + 1, maxY - minY + 1, kCanvasSide / 4});
  const double box = extent * 1.25;  // the ink's box plus a margin
  const QRectF source(cx - box / 2, cy - box / 2, box, box);
  QImage centred(kCanvasSide, kCanvasSide, QImage::Format_Grayscale8);
  centred.fill(0);
  {
    QPainter p(&centred);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.drawImage(QRectF(0, 0, kCanvasSide, kCanvasSide), m_ink, source);
  }
  const QImage small = centred.scaled(w, h, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
  float peak = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const float v = static_cast<float>(qGray(small.pixel(x, y))) / 255.0f;
      out[static_cast<std::size_t>(y * w + x)] = v;
      peak = std::max(peak, v);
    }
  // A stroke averaged over a large cell is faint; the scanned digits use the full range.
  if (peak > 0)
    for (float& v : out) v = std::min(1.0f, v / peak);
  return out;
}

void DrawCanvas::drawTo(QPointF canvasPoint, bool erase) {
  QPainter p(&m_ink);
  p.setRenderHint(QPainter::Antialiasing);
  p.setPen(QPen(erase ? QColor(0, 0, 0) : QColor(255, 255, 255), kCanvasSide / 11.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
  p.drawLine(m_last, canvasPoint);
  m_last = canvasPoint;
  if (!erase) m_empty = false;
  update();
}

void DrawCanvas::stroke(const std::vector<QPointF>& points) {
  if (points.empty()) return;
  m_last = points.front() * kCanvasSide;
  for (const QPointF& q : points) drawTo(q * kCanvasSide, false);
  emit drawn();
}

void DrawCanvas::mousePressEvent(QMouseEvent* event) {
  const double s = static_cast<double>(kCanvasSide) / std::max(1, std::min(width(), height()));
  m_last = event->position() * s;
  drawTo(m_last, event->buttons() & Qt::RightButton);
  emit drawn();
}

void DrawCanvas::mouseMoveEvent(QMouseEvent* event) {
  if (!(event->buttons() & (Qt::LeftButton | Qt::RightButton))) return;
  const double s = static_cast<double>(kCanvasSide) / std::max(1, std::min(width(), height()));
  drawTo(event->position() * s, event->buttons() & Qt::RightButton);
  emit drawn();
}

void DrawCanvas::resizeEvent(QResizeEvent*) { update(); }

void DrawCanvas::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), palette().window());
  const int side = std::min(width(), height());
  const QRect box(0, 0, side, side);
  p.drawImage(box, m_ink);
  p.setPen(QPen(palette().color(QPalette::Mid), 1));
  p.drawRect(box.adjusted(0, 0, -1, -1));
  if (m_empty) {
    p.setPen(QColor(200, 200, 200));
    p.drawText(box.adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap, tr("Draw here with the mouse\n(right button erases),\nor drop an image file"));
  }
}

// ---------------------------------------------------------------- ClassBars

ClassBars::ClassBars(QWidget* parent) : QWidget(parent) {
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void ClassBars::setClasses(const QStringList& names) {
  m_names = names;
  updateGeometry();
  update();
}

void ClassBars::setRunNames(const QStringList& names) {
  m_runs = names;
  update();
}

void ClassBars::setProbabilities(const std::vector<std::vector<float>>& probabilities) {
  m_p = probabilities;
  update();
}

void ClassBars::setPresentationMode(bool on) {
  m_presentation = on;
  updateGeometry();
  update();
}

QSize ClassBars::sizeHint() const {
  const QFontMetrics fm(font());
  return {260, static_cast<int>(std::max<qsizetype>(m_names.size(), 2)) * (fm.height() + 4) + fm.height() + 8};
}

void ClassBars::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), palette().base());
  const int k = static_cast<int>(m_names.size());
  if (k == 0) return;
  const QFontMetrics fm(font());
  int label = 0;
  for (const QString& n : m_names) label = std::max(label, fm.horizontalAdvance(n));
  label += 8;
  const int legend = m_p.size() > 1 ? fm.height() + 4 : 0;
  const int rowH = std::max(fm.height(), (height() - legend - 4) / k);
  const int barW = std::max(10, width() - label - fm.horizontalAdvance(QStringLiteral("100%")) - 12);
  const int runs = static_cast<int>(m_p.size());
  // the most likely class of run 0 in bold
  int best = -1;
  if (!m_p.empty() && !m_p[0].empty())
    best = static_cast<int>(std::max_element(m_p[0].begin(), m_p[0].end()) - m_p[0].begin());
  const QColor runColour[2] = {QColor(8, 119, 189), QColor(245, 147, 34)};
  for (int c = 0; c < k; ++c) {
    const int y = legend + c * rowH;
    QFont f = font();
    f.setBold(c == best);
    p.setFont(f);
    p.setPen(palette().color(QPalette::Text));
    p.drawText(QRect(0, y, label - 6, rowH), Qt::AlignRight | Qt::AlignVCenter, m_names[c]);
    const int barH = std::max(3, (rowH - 4) / std::max(1, runs));
    for (int r = 0; r < runs; ++r) {
      const auto& pr = m_p[static_cast<std::size_t>(r)];
      const float v = c < static_cast<int>(pr.size()) ? pr[static_cast<std::size_t>(c)] : 0.0f;
      const QRect bar(label, y + 2 + r * barH, static_cast<int>(std::round(barW * std::clamp(v, 0.0f, 1.0f))), barH - 1);
      p.fillRect(bar, runColour[r % 2]);
      if (r == 0) {
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QRect(label + bar.width() + 4, y, 60, rowH), Qt::AlignLeft | Qt::AlignVCenter, percent(v));
      }
    }
  }
  p.setFont(font());
  if (legend > 0) {
    int x = label;
    for (int r = 0; r < runs && r < m_runs.size(); ++r) {
      p.fillRect(QRect(x, 4, fm.height() - 4, fm.height() - 4), runColour[r % 2]);
      x += fm.height();
      p.setPen(palette().color(QPalette::Text));
      p.drawText(QPoint(x, fm.ascent() + 2), m_runs[r]);
      x += fm.horizontalAdvance(m_runs[r]) + 16;
    }
  }
}

}  // namespace dlui
