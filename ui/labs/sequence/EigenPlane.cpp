// Eigenvalues on the complex plane against the unit circle; see EigenPlane.h.
#include "labs/sequence/EigenPlane.h"

#include "labs/sequence/NumberText.h"
#include "widgets/ColorMaps.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace dlui {

namespace {

constexpr int kMargin = 8;

// A round step for about two ticks on each side of 0: 1, 2 or 5 times a power of ten.
double tickStep(double limit) {
  const double want = limit / 2.2;
  const double p = std::pow(10.0, std::floor(std::log10(want)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * p >= want) return m * p;
  return 10 * p;
}

}  // namespace

EigenPlane::EigenPlane(QWidget* parent) : PlotFrame(kMargin, parent) {}

void EigenPlane::setSets(const std::vector<std::vector<std::complex<double>>>& sets, const QStringList& names,
                         const std::vector<QColor>& colors) {
  m_sets.clear();
  m_sets.reserve(sets.size());
  for (const auto& s : sets) {
    std::vector<std::complex<double>> finite;
    finite.reserve(s.size());
    for (const auto z : s)
      if (std::isfinite(z.real()) && std::isfinite(z.imag())) finite.push_back(z);
    m_sets.push_back(std::move(finite));
  }
  m_names = names;
  m_colors = colors;
  update();
}

double EigenPlane::spectralRadius(int set) const {
  if (set < 0 || set >= static_cast<int>(m_sets.size())) return 0;
  double r = 0;
  for (const auto z : m_sets[static_cast<std::size_t>(set)]) r = std::max(r, std::abs(z));
  return r;
}

double EigenPlane::axisLimit() const {
  double r = 0;
  for (int i = 0; i < static_cast<int>(m_sets.size()); ++i) r = std::max(r, spectralRadius(i));
  return std::max(1.25, 1.1 * r);
}

QString EigenPlane::legendText(int set) const {
  const QString name = set < m_names.size() ? m_names[set] : tr("Run %1").arg(set + 1);
  return tr("%1   ρ = %2").arg(name, seqtext::number(spectralRadius(set), 3));
}

EigenPlane::Layout EigenPlane::layout() const {
  const QFontMetrics fm(viewFont());
  const double lineH = fm.height();
  const QRectF area = plotArea();
  // Tick numbers to the left of the square and under it.
  const double step = tickStep(axisLimit());
  const double tickW = fm.horizontalAdvance(seqtext::number(-std::floor(axisLimit() / step) * step, 2)) + 8;
  const double tickH = lineH + 4;
  double legendW = 0;
  const int n = static_cast<int>(m_sets.size());
  for (int i = 0; i < n; ++i) legendW = std::max<double>(legendW, lineH + 8 + fm.horizontalAdvance(legendText(i)));
  const double legendH = n * (lineH + 6);
  // The key goes beside the square or under it, whichever leaves the larger square.
  const double sideRight = std::min(area.width() - tickW - legendW - 16, area.height() - tickH);
  const double sideBelow = std::min(area.width() - tickW, area.height() - tickH - legendH - 8);
  Layout L;
  L.legendBelow = sideBelow > sideRight;
  const double side = std::max(20.0, L.legendBelow ? sideBelow : sideRight);
  const double groupW = tickW + side + (L.legendBelow ? 0 : 16 + legendW);
  const double left = area.left() + std::max(0.0, (area.width() - groupW) / 2) + tickW;
  L.plot = QRectF(left, area.top(), side, side);
  if (L.legendBelow)
    L.legend = QRectF(left, L.plot.bottom() + tickH + 8, std::max(side, legendW), legendH);
  else
    L.legend = QRectF(L.plot.right() + 16, L.plot.top(), legendW, legendH);
  return L;
}

QPointF EigenPlane::toWidget(std::complex<double> z) const {
  const QRectF plot = layout().plot;
  const double scale = plot.width() / 2 / axisLimit();
  return {plot.center().x() + z.real() * scale, plot.center().y() - z.imag() * scale};
}

void EigenPlane::paintEvent(QPaintEvent*) {
  QPainter p(this);
  paintFrame(p);
  bool any = false;
  for (const auto& s : m_sets) any = any || !s.empty();
  if (!any) {
    paintEmptyText(p, tr("No eigenvalues yet"));
    return;
  }
  const int lineH = QFontMetrics(viewFont()).height();
  const QColor text = palette().color(QPalette::Text);

  const Layout L = layout();
  const double limit = axisLimit(), step = tickStep(limit);
  const QPointF c = L.plot.center();
  const double scale = L.plot.width() / 2 / limit;
  p.setRenderHint(QPainter::Antialiasing, true);
  // Grid at the ticks, the frame, then the axes through 0.
  p.setPen(QPen(QColor(0xe4, 0xe4, 0xe4), 1));
  const int nTicks = static_cast<int>(std::floor(limit / step + 1e-9));
  for (int k = -nTicks; k <= nTicks; ++k) {
    if (k == 0) continue;
    const double d = k * step * scale;
    p.drawLine(QPointF(c.x() + d, L.plot.top()), QPointF(c.x() + d, L.plot.bottom()));
    p.drawLine(QPointF(L.plot.left(), c.y() - d), QPointF(L.plot.right(), c.y() - d));
  }
  p.setPen(QPen(QColor(0xb0, 0xb0, 0xb0), 1));
  p.setBrush(Qt::NoBrush);
  p.drawRect(L.plot);
  p.setPen(QPen(QColor(0x80, 0x80, 0x80), 1));
  p.drawLine(QPointF(L.plot.left(), c.y()), QPointF(L.plot.right(), c.y()));
  p.drawLine(QPointF(c.x(), L.plot.top()), QPointF(c.x(), L.plot.bottom()));
  // Tick numbers under the square (Re) and left of it (Im).
  p.setPen(text);
  for (int k = -nTicks; k <= nTicks; ++k) {
    const double v = k * step;
    const QString s = seqtext::number(std::abs(v) < 1e-12 ? 0.0 : v, 2);
    const double d = v * scale;
    p.drawText(QRectF(c.x() + d - 40, L.plot.bottom() + 2, 80, lineH + 2), Qt::AlignHCenter | Qt::AlignTop, s);
    p.drawText(QRectF(L.plot.left() - 84, c.y() - d - lineH / 2.0, 80, lineH), Qt::AlignRight | Qt::AlignVCenter, s);
  }
  p.drawText(QRectF(L.plot.right() - 60, c.y() - lineH - 2, 56, lineH), Qt::AlignRight | Qt::AlignBottom, tr("Re"));
  p.drawText(QRectF(c.x() + 6, L.plot.top() + 2, 60, lineH), Qt::AlignLeft | Qt::AlignTop, tr("Im"));
  // The unit circle: inside it repeated multiplication shrinks, outside it grows.
  QPen circle(QColor(0x70, 0x70, 0x70), presentationMode() ? 3 : 2, Qt::DashLine);
  p.setPen(circle);
  p.drawEllipse(c, scale, scale);

  // The points: later runs on top, a thin white rim so overlapping points stay apart.
  const double r = presentationMode() ? 6.5 : 4.5;
  const auto colorOf = [&](int i) {
    return i < static_cast<int>(m_colors.size()) && m_colors[static_cast<std::size_t>(i)].isValid()
               ? m_colors[static_cast<std::size_t>(i)]
               : colors::classColor(i);
  };
  for (int i = 0; i < static_cast<int>(m_sets.size()); ++i) {
    p.setPen(QPen(Qt::white, 1));
    p.setBrush(colorOf(i));
    for (const auto z : m_sets[static_cast<std::size_t>(i)])
      p.drawEllipse(QPointF(c.x() + z.real() * scale, c.y() - z.imag() * scale), r, r);
  }

  // The key: a disc in the run's colour, its name and spectral radius.
  double y = L.legend.top();
  for (int i = 0; i < static_cast<int>(m_sets.size()); ++i) {
    p.setPen(Qt::NoPen);
    p.setBrush(colorOf(i));
    p.drawEllipse(QPointF(L.legend.left() + lineH / 2.0, y + lineH / 2.0), lineH / 3.0, lineH / 3.0);
    p.setPen(text);
    p.drawText(QRectF(L.legend.left() + lineH + 6, y, L.legend.width() - lineH - 6, lineH),
               Qt::AlignLeft | Qt::AlignVCenter, legendText(i));
    y += lineH + 6;
  }
}

}  // namespace dlui
