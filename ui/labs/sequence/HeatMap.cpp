// A matrix as coloured cells; see HeatMap.h.
#include "labs/sequence/HeatMap.h"

#include "labs/sequence/NumberText.h"
#include "widgets/ColorMaps.h"

#include <QEvent>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace dlui {

namespace {

constexpr QRgb kUndrawable = 0xffd4d4d4;  // light grey under the hatching
constexpr int kMargin = 6;

double nan() { return std::numeric_limits<double>::quiet_NaN(); }

// The cell of n across `extent` pixels that pixel x (from the start) belongs to: cell i covers
// [⌊i·extent/n⌋, ⌊(i+1)·extent/n⌋), the same split cellRect() uses.
int cellOf(int x, int n, int extent) {
  const long long i = ((static_cast<long long>(x) + 1) * n - 1) / extent;
  return static_cast<int>(std::clamp<long long>(i, 0, n - 1));
}

// Every k-th label, k ≥ `atLeast` and round (1, 2, 5, 10, 20, 50, …), so numbered rows read 0, 10, 20.
int roundStep(double atLeast) {
  for (int p = 1;; p *= 10)
    for (int m : {1, 2, 5})
      if (m * p >= atLeast || p > 100000000) return m * p;
}

}  // namespace

HeatMap::HeatMap(QWidget* parent) : PlotFrame(kMargin, parent) {}

void HeatMap::setData(const Eigen::MatrixXd& values) {
  m_values = values;
  m_dirty = true;
  update();
}

void HeatMap::setScale(Scale s) {
  if (s == m_scale) return;
  m_scale = s;
  m_dirty = true;
  update();
}

void HeatMap::setRange(double lo, double hi) {
  m_fixedLo = lo;
  m_fixedHi = hi;
  m_dirty = true;
  update();
}

void HeatMap::setDiverging(bool on) {
  if (on == m_diverging) return;
  m_diverging = on;
  m_dirty = true;
  update();
}

void HeatMap::setRowLabels(const QStringList& labels) {
  m_rowLabels = labels;
  update();
}

void HeatMap::setColumnLabels(const QStringList& labels) {
  m_colLabels = labels;
  update();
}

void HeatMap::setAxisTitles(const QString& rows, const QString& cols) {
  m_rowTitle = rows;
  m_colTitle = cols;
  update();
}

double HeatMap::transformed(double v) const {
  if (!std::isfinite(v)) return nan();
  if (m_scale == Scale::Log10) return v > 0 ? std::log10(v) : nan();
  return v;
}

void HeatMap::rebuild() const {
  if (!m_dirty) return;
  m_dirty = false;
  const int rows = static_cast<int>(m_values.rows()), cols = static_cast<int>(m_values.cols());
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  m_anyDrawable = m_anyUndrawable = false;
  for (int c = 0; c < cols; ++c)
    for (int r = 0; r < rows; ++r) {
      const double tv = transformed(m_values(r, c));
      if (std::isnan(tv)) {
        m_anyUndrawable = true;
        continue;
      }
      m_anyDrawable = true;
      lo = std::min(lo, tv);
      hi = std::max(hi, tv);
    }
  if (m_fixedLo < m_fixedHi) {
    // An end the scale cannot show (≤ 0 on the log scale) stays automatic.
    const double flo = transformed(m_fixedLo), fhi = transformed(m_fixedHi);
    if (!std::isnan(flo)) lo = flo;
    if (!std::isnan(fhi)) hi = fhi;
  }
  if (!std::isfinite(lo) || !std::isfinite(hi)) lo = hi = 0;
  if (m_diverging) {
    double m = std::max(std::abs(lo), std::abs(hi));
    if (!(m > 0) || !std::isfinite(m)) m = 1;
    lo = -m;
    hi = m;
  } else if (hi <= lo) {
    // A constant matrix: a range around it, so its cells take the middle colour.
    const double d = m_scale == Scale::Log10 ? 0.5 : (lo != 0 ? 0.5 * std::abs(lo) : 1.0);
    const double mid = 0.5 * (lo + hi);
    lo = mid - d;
    hi = mid + d;
  }
  m_lo = lo;
  m_hi = hi;
  m_scaled = QImage();

  m_image = QImage(std::max(cols, 1), std::max(rows, 1), QImage::Format_RGB32);
  m_image.fill(kUndrawable);
  for (int r = 0; r < rows; ++r) {
    auto* line = reinterpret_cast<QRgb*>(m_image.scanLine(r));
    for (int c = 0; c < cols; ++c) line[c] = colorOf(transformed(m_values(r, c)));
  }
}

double HeatMap::colorParam(double tv) const {
  if (m_diverging) return tv / m_hi;
  return (tv - m_lo) / (m_hi - m_lo);
}

QRgb HeatMap::colorOf(double tv) const {
  if (std::isnan(tv)) return kUndrawable;
  return m_diverging ? colors::diverging(colorParam(tv)) : colors::sequential(colorParam(tv));
}

double HeatMap::rangeLow() const {
  rebuild();
  return m_scale == Scale::Log10 ? std::pow(10.0, m_lo) : m_lo;
}

double HeatMap::rangeHigh() const {
  rebuild();
  return m_scale == Scale::Log10 ? std::pow(10.0, m_hi) : m_hi;
}

QString HeatMap::endLabel(double tv) const {
  if (m_scale == Scale::Linear) return seqtext::number(tv, 2);
  // On the log scale a whole decade reads as a power of ten, anything else as its value.
  if (std::abs(tv - std::round(tv)) < 1e-9) return seqtext::powerOfTen(static_cast<int>(std::lround(tv)));
  return seqtext::number(std::pow(10.0, tv), 2);
}

QString HeatMap::rowName(int r) const { return r < m_rowLabels.size() ? m_rowLabels[r] : QString::number(r); }

QString HeatMap::colName(int c) const { return c < m_colLabels.size() ? m_colLabels[c] : QString::number(c); }

HeatMap::Layout HeatMap::layout() const {
  rebuild();
  Layout L;
  const QFont f = viewFont();
  const QFontMetrics fm(f);
  const int lineH = fm.height();
  const int rows = static_cast<int>(m_values.rows()), cols = static_cast<int>(m_values.cols());

  // Whole pixels: the plot is a QRect.
  const int top = static_cast<int>(plotArea().top());
  int left = kMargin + (m_rowTitle.isEmpty() ? 0 : lineH + 4);
  int bottom = kMargin + (m_colTitle.isEmpty() ? 0 : lineH + 4);

  // The colour bar: a strip a little narrower than a line of text, its end values beside it.
  const int barW = std::max(12, lineH * 4 / 5);
  int barText = std::max(fm.horizontalAdvance(endLabel(m_lo)), fm.horizontalAdvance(endLabel(m_hi)));
  if (m_anyUndrawable) barText = std::max(barText, fm.horizontalAdvance(tr("no value")));
  const int right = kMargin + barW + 6 + barText + 12;

  // Row labels: as wide as the widest (at most a quarter of the widget), every k-th when crowded.
  if (!m_rowLabels.isEmpty()) {
    int w = 0;
    for (int r = 0; r < std::min<int>(rows, static_cast<int>(m_rowLabels.size())); ++r)
      w = std::max(w, fm.horizontalAdvance(m_rowLabels[r]));
    L.rowLabelW = std::min(w + 12, width() / 4);  // a little slack: elision measures exactly
    left += L.rowLabelW;
  }
  const int plotW = std::max(1, width() - left - right);
  // Column labels: across when each fits under its cell; words (tokens) that need up to two
  // cells' width alternate between two lines, so none is dropped; numbers are thinned to round
  // steps; long words read upwards, thinned to a line's height apart.
  if (!m_colLabels.isEmpty() && cols > 0) {
    int w = 0, chars = 0;
    bool numbers = true;
    for (int c = 0; c < std::min<int>(cols, static_cast<int>(m_colLabels.size())); ++c) {
      w = std::max(w, fm.horizontalAdvance(m_colLabels[c]));
      chars = std::max(chars, static_cast<int>(m_colLabels[c].size()));
      bool isNumber = false;
      m_colLabels[c].toDouble(&isNumber);
      numbers = numbers && isNumber;
    }
    const double cellW = static_cast<double>(plotW) / cols;
    L.colLabelH = lineH + 4;
    if (w + 6 <= cellW) {
      L.colStep = 1;
    } else if (!numbers && w + 6 <= 2 * cellW) {
      L.colStagger = true;
      L.colLabelH = 2 * lineH + 4;
    } else if (numbers || chars <= 4) {
      L.colStep = roundStep((w + 6) / cellW);
    } else {
      L.colRotated = true;
      L.colStep = roundStep((lineH + 2) / cellW);
      L.colLabelH = std::min(w + 8, height() / 4);
    }
    bottom += L.colLabelH;
  }
  const int plotH = std::max(1, height() - top - bottom);
  L.plot = QRect(left, top, plotW, plotH);
  if (rows > 0) L.rowStep = roundStep(lineH / (static_cast<double>(plotH) / rows));
  int barH = plotH;
  if (m_anyUndrawable) barH = std::max(lineH, plotH - lineH - 8);  // the "no value" swatch below
  L.bar = QRect(left + plotW + 12, top, barW, barH);
  return L;
}

QRect HeatMap::cellRect(int row, int col) const {
  const int rows = static_cast<int>(m_values.rows()), cols = static_cast<int>(m_values.cols());
  if (row < 0 || col < 0 || row >= rows || col >= cols) return {};
  return cellIn(layout().plot, row, col);
}

QRect HeatMap::cellIn(const QRect& p, int row, int col) const {
  const int rows = static_cast<int>(m_values.rows()), cols = static_cast<int>(m_values.cols());
  const int x0 = p.left() + col * p.width() / cols, x1 = p.left() + (col + 1) * p.width() / cols;
  const int y0 = p.top() + row * p.height() / rows, y1 = p.top() + (row + 1) * p.height() / rows;
  return {x0, y0, std::max(1, x1 - x0), std::max(1, y1 - y0)};
}

QString HeatMap::cellText(int row, int col) const {
  if (row < 0 || col < 0 || row >= m_values.rows() || col >= m_values.cols()) return {};
  const double v = m_values(row, col);
  QString value = seqtext::number(v, 3);
  if (m_scale == Scale::Log10 && std::isfinite(v) && v <= 0) value = tr("%1 (not shown on a log scale)").arg(value);
  return tr("%1, %2: %3").arg(rowName(row), colName(col), value);
}

bool HeatMap::cellAt(const QPoint& pos, int* row, int* col) const {
  const int rows = static_cast<int>(m_values.rows()), cols = static_cast<int>(m_values.cols());
  if (rows == 0 || cols == 0) return false;
  const QRect p = layout().plot;
  if (!p.contains(pos)) return false;
  *col = cellOf(pos.x() - p.left(), cols, p.width());
  *row = cellOf(pos.y() - p.top(), rows, p.height());
  return true;
}

QImage HeatMap::scaledImage(const QSize& size) const {
  rebuild();
  if (m_scaled.size() == size) return m_scaled;
  // Nearest neighbour by hand rather than QPainter's, so the pixels split exactly as cellRect()
  // says (with 200 rows in 150 pixels some rows get none, as any scaling must).
  const int rows = m_image.height(), cols = m_image.width();
  std::vector<int> colOf(static_cast<std::size_t>(size.width()));
  for (int x = 0; x < size.width(); ++x) colOf[static_cast<std::size_t>(x)] = cellOf(x, cols, size.width());
  m_scaled = QImage(size, QImage::Format_RGB32);
  for (int y = 0; y < size.height(); ++y) {
    const auto* src = reinterpret_cast<const QRgb*>(m_image.constScanLine(cellOf(y, rows, size.height())));
    auto* dst = reinterpret_cast<QRgb*>(m_scaled.scanLine(y));
    for (int x = 0; x < size.width(); ++x) dst[x] = src[colOf[static_cast<std::size_t>(x)]];
  }
  return m_scaled;
}

QRect HeatMap::colorBarRect() const { return layout().bar; }

void HeatMap::paintEvent(QPaintEvent*) {
  QPainter p(this);
  paintFrame(p);
  const int rows = static_cast<int>(m_values.rows()), cols = static_cast<int>(m_values.cols());
  if (rows == 0 || cols == 0) {
    paintEmptyText(p, tr("No data yet"));
    return;
  }
  const QFontMetrics fm(viewFont());
  const int lineH = fm.height();
  const QColor text = palette().color(QPalette::Text);
  const Layout L = layout();

  // The cells: one pixel each, scaled up without smoothing so every cell stays one flat colour.
  p.drawImage(L.plot.topLeft(), scaledImage(L.plot.size()));
  const QBrush hatch(QColor(0x60, 0x60, 0x60), Qt::BDiagPattern);
  if (m_anyUndrawable)
    for (int c = 0; c < cols; ++c)
      for (int r = 0; r < rows; ++r)
        if (std::isnan(transformed(m_values(r, c)))) p.fillRect(cellIn(L.plot, r, c), hatch);
  const double cellW = static_cast<double>(L.plot.width()) / cols, cellH = static_cast<double>(L.plot.height()) / rows;
  if (cellW >= 14 && cellH >= 14) {
    // Thin lines between large cells, so neighbours of nearly equal colour still read as two.
    p.setPen(QPen(palette().color(QPalette::Base), 1));
    for (int c = 1; c < cols; ++c) {
      const int x = L.plot.left() + c * L.plot.width() / cols;
      p.drawLine(x, L.plot.top(), x, L.plot.bottom());
    }
    for (int r = 1; r < rows; ++r) {
      const int y = L.plot.top() + r * L.plot.height() / rows;
      p.drawLine(L.plot.left(), y, L.plot.right(), y);
    }
  }
  p.setPen(QColor(0, 0, 0, 90));
  p.setBrush(Qt::NoBrush);
  p.drawRect(L.plot.adjusted(-1, -1, 0, 0));  // just outside: edge cells of one pixel stay visible

  // Row labels, right-aligned against the cells, centred on their row.
  p.setPen(text);
  if (L.rowLabelW > 0)
    for (int r = 0; r < std::min<int>(rows, static_cast<int>(m_rowLabels.size())); r += L.rowStep) {
      const QRect c = cellIn(L.plot, r, 0);
      const QRect box(L.plot.left() - L.rowLabelW, c.center().y() - lineH / 2, L.rowLabelW - 6, lineH);
      p.drawText(box, Qt::AlignRight | Qt::AlignVCenter, fm.elidedText(m_rowLabels[r], Qt::ElideRight, box.width()));
    }
  // Column labels below.
  if (L.colLabelH > 0)
    for (int c = 0; c < std::min<int>(cols, static_cast<int>(m_colLabels.size())); c += L.colStep) {
      const QRect cr = cellIn(L.plot, 0, c);
      if (L.colRotated) {
        p.save();
        p.translate(cr.center().x(), L.plot.bottom() + 5);
        p.rotate(-90);
        const QRect box(-(L.colLabelH - 4), -lineH / 2, L.colLabelH - 4, lineH);
        p.drawText(box, Qt::AlignRight | Qt::AlignVCenter, fm.elidedText(m_colLabels[c], Qt::ElideRight, box.width()));
        p.restore();
      } else {
        const int w = static_cast<int>(cellW * (L.colStagger ? 2 : L.colStep));
        const int y = L.plot.bottom() + 3 + (L.colStagger && c % 2 == 1 ? lineH : 0);
        const QRect box(cr.center().x() - w / 2, y, w, lineH);
        p.drawText(box, Qt::AlignHCenter | Qt::AlignTop, fm.elidedText(m_colLabels[c], Qt::ElideRight, w));
      }
    }
  // Axis titles: the rows' reading upwards at the far left, the columns' centred at the bottom.
  if (!m_rowTitle.isEmpty()) {
    p.save();
    p.translate(kMargin, L.plot.center().y());
    p.rotate(-90);
    const QRect box(-L.plot.height() / 2, 0, L.plot.height(), lineH);
    p.drawText(box, Qt::AlignCenter, fm.elidedText(m_rowTitle, Qt::ElideRight, box.width()));
    p.restore();
  }
  if (!m_colTitle.isEmpty()) {
    const QRect box(L.plot.left(), L.plot.bottom() + 1 + L.colLabelH, L.plot.width(), lineH + 2);
    p.drawText(box, Qt::AlignCenter, fm.elidedText(m_colTitle, Qt::ElideRight, box.width()));
  }

  // The colour bar: high at the top, its end values beside it; a diverging bar marks 0 (or 10⁰),
  // a log bar every whole decade that has room.
  QImage bar(1, 256, QImage::Format_RGB32);
  for (int i = 0; i < 256; ++i) bar.setPixel(0, i, colorOf(m_hi + (m_lo - m_hi) * i / 255.0));
  p.setRenderHint(QPainter::SmoothPixmapTransform, true);
  p.drawImage(L.bar, bar);
  p.setPen(QColor(0, 0, 0, 90));
  p.drawRect(L.bar.adjusted(0, 0, -1, -1));
  p.setPen(text);
  const int textX = L.bar.right() + 6;
  const auto yOf = [&](double tv) {
    return L.bar.top() + static_cast<int>(std::lround((m_hi - tv) / (m_hi - m_lo) * (L.bar.height() - 1)));
  };
  const auto tick = [&](double tv, int align) {
    const int y = yOf(tv);
    p.drawLine(L.bar.right() + 1, y, L.bar.right() + 4, y);
    QRect box(textX, y - lineH / 2, width() - textX, lineH);
    if (align == Qt::AlignTop) box.moveTop(L.bar.top() - 2);
    if (align == Qt::AlignBottom) box.moveBottom(L.bar.bottom() + 2);
    p.drawText(box, Qt::AlignLeft | Qt::AlignVCenter, endLabel(tv));
  };
  tick(m_hi, Qt::AlignTop);
  tick(m_lo, Qt::AlignBottom);
  const int room = L.bar.height() - 2 * lineH;  // between the end labels
  if (m_diverging && room > lineH) tick(0.0, Qt::AlignVCenter);
  if (!m_diverging && m_scale == Scale::Log10) {
    const double first = std::ceil(m_lo + 1e-9), last = std::floor(m_hi - 1e-9);
    const double n = last - first + 1;
    if (n >= 1 && n * lineH * 1.4 <= room)
      for (double e = first; e <= last; e += 1) {
        const int y = yOf(e);
        if (y - L.bar.top() > lineH && L.bar.bottom() - y > lineH) tick(e, Qt::AlignVCenter);
      }
  }
  if (m_anyUndrawable) {
    const QRect swatch(L.bar.left(), L.bar.bottom() + 8, L.bar.width(), lineH);
    p.fillRect(swatch, QColor(kUndrawable));
    p.fillRect(swatch, hatch);
    p.drawText(QRect(textX, swatch.top(), width() - textX, lineH), Qt::AlignLeft | Qt::AlignVCenter, tr("no value"));
  }
}

void HeatMap::mousePressEvent(QMouseEvent* e) {
  int r = 0, c = 0;
  if (e->button() == Qt::LeftButton && cellAt(e->position().toPoint(), &r, &c)) emit cellClicked(r, c);
  QWidget::mousePressEvent(e);
}

bool HeatMap::event(QEvent* e) {
  if (e->type() == QEvent::ToolTip) {
    auto* help = static_cast<QHelpEvent*>(e);
    int r = 0, c = 0;
    if (!cellAt(help->pos(), &r, &c)) {
      QToolTip::hideText();
      e->ignore();
      return true;
    }
    QToolTip::showText(help->globalPos(), cellText(r, c), this);
    return true;
  }
  return QWidget::event(e);
}

}  // namespace dlui
