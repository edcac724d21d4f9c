// The output histogram; see ValueHistogram.h.
#include "labs/cnn/ValueHistogram.h"

#include "labs/cnn/ConvRun.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace dlui {

namespace {
constexpr int kBins = 31;  // odd: with a symmetric range the middle bin holds 0
}

ValueHistogram::ValueHistogram(QWidget* parent) : QWidget(parent) {
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

QSize ValueHistogram::sizeHint() const {
  const int line = fontMetrics().height();
  return {14 * line, 6 * line};
}

QSize ValueHistogram::minimumSizeHint() const {
  const int line = fontMetrics().height();
  return {8 * line, 4 * line};
}

void ValueHistogram::setValues(const std::vector<double>& values) {
  double a = 0;
  for (double v : values)
    if (std::isfinite(v)) a = std::max(a, std::abs(v));
  // Symmetric around 0, so the sign reads at a glance.
  m_lo = -a;
  m_hi = a;
  m_counts.assign(kBins, 0);
  for (double v : values) {
    if (!std::isfinite(v)) continue;
    const int bin = a > 0 ? std::clamp(static_cast<int>((v - m_lo) / (m_hi - m_lo) * kBins), 0, kBins - 1) : kBins / 2;
    ++m_counts[static_cast<std::size_t>(bin)];
  }
  update();
}

void ValueHistogram::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), palette().base());
  const int line = fontMetrics().height();
  const QRect plot = rect().adjusted(4, 4, -4, -line - 6);
  if (m_counts.empty() || plot.width() < kBins) return;
  const int most = std::max(1, *std::max_element(m_counts.begin(), m_counts.end()));
  const double barW = static_cast<double>(plot.width()) / kBins;
  const double a = std::max(std::abs(m_lo), std::abs(m_hi));
  for (int b = 0; b < kBins; ++b) {
    const int c = m_counts[static_cast<std::size_t>(b)];
    if (c == 0) continue;
    // Square-root heights: the one huge bin at 0 does not flatten every other bar.
    const int h = std::max(2, static_cast<int>(plot.height() * std::sqrt(static_cast<double>(c) / most)));
    const double centre = m_lo + (b + 0.5) * (m_hi - m_lo) / kBins;
    QColor fill = conv::diverging(centre, a);
    if (b == kBins / 2) fill = QColor(0x70, 0x70, 0x70);
    const QRectF bar(plot.left() + b * barW + 1, plot.bottom() - h, barW - 2, h);
    p.fillRect(bar, fill);
    p.setPen(QColor(0, 0, 0, 90));
    p.drawRect(bar);
  }
  p.setPen(palette().text().color());
  p.drawLine(plot.bottomLeft(), plot.bottomRight());
  const QRect labels(plot.left(), plot.bottom() + 3, plot.width(), line + 2);
  p.drawText(labels, Qt::AlignLeft | Qt::AlignVCenter, conv::number(m_lo));
  p.drawText(labels, Qt::AlignHCenter | Qt::AlignVCenter, QStringLiteral("0"));
  p.drawText(labels, Qt::AlignRight | Qt::AlignVCenter, conv::number(m_hi));
}

}  // namespace dlui
