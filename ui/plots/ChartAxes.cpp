// Axis and series helpers of the live charts (see ChartAxes.h).
#include "plots/ChartAxes.h"

#include "plots/Trace.h"

#include <QChart>
#include <QFontMetricsF>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace dlui {

QColor seriesColor(int i) {
  static const QColor palette[] = {QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b), QColor(0xe1, 0x57, 0x59),
                                   QColor(0x76, 0xb7, 0xb2), QColor(0x59, 0xa1, 0x4f), QColor(0xed, 0xc9, 0x48),
                                   QColor(0xb0, 0x7a, 0xa1), QColor(0xff, 0x9d, 0xa7), QColor(0x9c, 0x75, 0x5f),
                                   QColor(0xba, 0xb0, 0xac)};
  constexpr int n = static_cast<int>(std::size(palette));
  return palette[((i % n) + n) % n];
}

bool legendRowFits(const QChart* chart, const QStringList& names) {
  const QFontMetricsF fm(chart->legend()->font());
  double row = 0;
  for (const QString& name : names) row += fm.horizontalAdvance(name) + 2 * fm.height();
  return row <= chart->size().width() - 16;
}

void fitLegend(QChart* chart) {
  QLegend* legend = chart->legend();
  if (!legend->isVisible()) return;
  QStringList names;
  for (const QLegendMarker* m : legend->markers())
    if (m->isVisible()) names << m->label();
  const bool rowFits = legendRowFits(chart, names);
  const bool columnFits = names.size() * 1.6 * QFontMetricsF(legend->font()).height() <= chart->size().height() - 16;
  const Qt::Alignment want = !rowFits && columnFits ? Qt::AlignRight : Qt::AlignBottom;
  if (legend->alignment() != want) legend->setAlignment(want);
}

QColor layerColor(int layer, int count) {
  if (count <= 10) return seriesColor(layer);
  const double t = std::clamp(static_cast<double>(layer) / (count - 1), 0.0, 1.0);
  return QColor::fromHsvF(static_cast<float>(0.66 * (1 - t)), 0.85f, 0.8f);
}

YAxis::YAxis(QChart* chart, Qt::Alignment alignment, bool log) : m_chart(chart), m_alignment(alignment), m_log(log) {
  create();
  m_plotArea = QObject::connect(chart, &QChart::plotAreaChanged, chart, [this] {
    fitTitle();
    // A plot that got shorter or taller: as many labels as it now has room for, at once (a fixed
    // 0–100% axis squeezed under a three-line watch panel showed five "…").
    if (auto* v = qobject_cast<QValueAxis*>(m_axis); v && tickRoom() != m_tickRoom) setTicks(v);
  });
}

YAxis::~YAxis() { QObject::disconnect(m_plotArea); }

void YAxis::create() {
  if (m_log) {
    auto* a = new QLogValueAxis;
    a->setBase(10);
    a->setLabelFormat(m_format.isEmpty() ? QStringLiteral("%g") : m_format);
    a->setMinorTickCount(-1);
    m_lo = 1e-3;
    m_hi = 1;
    m_axis = a;
  } else {
    auto* a = new QValueAxis;
    a->setLabelFormat(m_format.isEmpty() ? QStringLiteral("%g") : m_format);
    m_lo = 0;
    m_hi = 1;
    m_axis = a;
  }
  fitTitle();
  setFixedRange(m_lo, m_hi);
  m_chart->addAxis(m_axis, m_alignment);
  for (QAbstractSeries* s : m_series) s->attachAxis(m_axis);
}

void YAxis::setLog(bool log) {
  if (log == m_log) return;
  for (QAbstractSeries* s : m_series) s->detachAxis(m_axis);
  m_chart->removeAxis(m_axis);
  delete m_axis;
  m_log = log;
  create();
}

void YAxis::attach(QAbstractSeries* series) {
  m_series.push_back(series);
  series->attachAxis(m_axis);
}

void YAxis::forget(QAbstractSeries* series) { std::erase(m_series, series); }

void YAxis::setTitle(const QString& title) {
  m_title = title;
  fitTitle();
}

bool YAxis::titleShown() const { return !m_axis->titleText().isEmpty(); }

// (Only the height decides, and a vertical title takes width, not height: showing or hiding it
// cannot change the answer.)
void YAxis::fitTitle() {
  const double h = m_chart->plotArea().height();
  const double need = QFontMetricsF(m_axis->titleFont()).horizontalAdvance(m_title) + 8;
  const QString shown = h <= 0 || h >= need ? m_title : QString();
  if (m_axis->titleText() != shown) m_axis->setTitleText(shown);
}

void YAxis::setLabelFormat(const QString& format) {
  m_format = format;  // empty: chosen from the ticks
  if (auto* v = qobject_cast<QValueAxis*>(m_axis)) v->setLabelFormat(format);
  if (auto* l = qobject_cast<QLogValueAxis*>(m_axis)) l->setLabelFormat(format);
}

// Linear: round ticks about a quarter of the range apart (0, 25, … 100; 0, 0.25, … 1).
void YAxis::setFixedRange(double lo, double hi) {
  m_lo = lo;
  m_hi = hi;
  if (auto* v = qobject_cast<QValueAxis*>(m_axis)) {
    v->setTickType(QValueAxis::TicksDynamic);
    v->setTickAnchor(0);
    setTicks(v);
  }
  m_axis->setRange(lo, hi);
}

// Round ticks about a quarter of [m_lo, m_hi] apart, fewer when the plot has room for fewer labels.
void YAxis::setTicks(QValueAxis* v) {
  m_tickRoom = tickRoom();
  const double step = niceInterval(m_hi - m_lo, std::min(4, m_tickRoom));
  v->setTickInterval(step);
  if (m_format.isEmpty()) v->setLabelFormat(tickLabelFormat(m_lo, m_hi, step));
}

void YAxis::reset() {
  if (m_log) {
    auto* a = static_cast<QLogValueAxis*>(m_axis);
    a->setBase(10);
    a->setMinorTickCount(-1);
    setFixedRange(1e-3, 1);
    return;
  }
  setFixedRange(0, 1);
}

void YAxis::autoscale(double lo, double hi, double minPositive, bool fromZero) {
  if (!std::isfinite(lo) || !std::isfinite(hi)) return;
  if (m_log) {
    if (!std::isfinite(minPositive) || minPositive <= 0) return;
    // One label per k decades, k chosen so at most about five labels share the axis: a short
    // chart with a label per decade elides them all to "…".
    double ea = std::floor(std::log10(minPositive));
    double eb = std::ceil(std::log10(std::max(hi, minPositive)));
    if (eb <= ea) eb = ea + 1;
    const int room = tickRoom();
    const double k = std::max(1.0, std::ceil((eb - ea) / std::min(4, room)));
    ea = k * std::floor(ea / k);
    eb = k * std::ceil(eb / k);
    auto* axis = static_cast<QLogValueAxis*>(m_axis);
    axis->setBase(std::pow(10.0, k));
    // Qt's automatic minor ticks are base − 2 lines per label: 8 for base 10, but 998 for base
    // 1000, which paints the plot grey. With several decades per label the labels are the grid.
    axis->setMinorTickCount(k == 1.0 ? -1 : 0);
    const double a = std::pow(10.0, ea);
    const double b = std::pow(10.0, eb);
    // A hair beyond the decades so pow()'s rounding cannot drop the end labels.
    const double lo2 = a * (1 - 1e-9), hi2 = b * (1 + 1e-9);
    if (lo2 != m_lo || hi2 != m_hi || room != m_room) setFixedRange(lo2, hi2);
    m_room = room;
    return;
  }
  if (fromZero && lo >= 0) lo = 0;
  const bool inside = lo >= m_lo && hi <= m_hi;
  const bool loose = (hi - lo) < 0.5 * (m_hi - m_lo);
  const int room = tickRoom();
  if (inside && !loose && room == m_room) return;
  m_room = room;
  double span = hi - lo;
  if (span <= 0) span = std::max(std::abs(hi) * 0.1, 1e-6);
  const double padLo = (fromZero && lo == 0) ? 0.0 : lo - 0.05 * span;
  const double padHi = hi + 0.05 * span;
  const double step = niceInterval(padHi - padLo, room);
  m_lo = std::floor(padLo / step) * step;
  m_hi = std::ceil(padHi / step) * step;
  auto* v = static_cast<QValueAxis*>(m_axis);
  v->setTickType(QValueAxis::TicksDynamic);
  v->setTickAnchor(0);
  v->setTickInterval(step);
  if (m_format.isEmpty()) v->setLabelFormat(tickLabelFormat(m_lo, m_hi, step));
  v->setRange(m_lo, m_hi);
}

// How many intervals between labels the plot's height has room for, up to five: Qt Charts elides
// a label to "…" once labels sit closer than about their own height (a short projector chart at
// 13 pt has room for three or four).
int YAxis::tickRoom() const {
  const double h = m_chart->plotArea().height();
  if (h <= 0) return 5;
  const double line = QFontMetricsF(m_axis->labelsFont()).height();
  return std::clamp(static_cast<int>(h / (1.8 * line)), 2, 5);
}

double niceInterval(double span, int ticks) {
  const double raw = std::max(span, 1e-300) / std::max(1, ticks);
  const double decade = std::pow(10.0, std::floor(std::log10(raw)));
  for (double f : {1.0, 2.0, 2.5, 5.0})
    if (f * decade >= raw) return f * decade;
  return 10 * decade;
}

QString tickLabelFormat(double lo, double hi, double interval) {
  const double top = std::max(std::abs(lo), std::abs(hi));
  if (!(interval > 0) || !std::isfinite(top) || top == 0) return QStringLiteral("%g");
  // The decimal place of the interval's last significant digit (2.5 · 10^k needs one more).
  int last = static_cast<int>(std::floor(std::log10(interval)));
  const double mantissa = interval / std::pow(10.0, last);
  if (std::abs(mantissa - std::round(mantissa)) > 1e-6) --last;
  const int first = static_cast<int>(std::floor(std::log10(top)));
  // One-digit labels ("0 2 4 6") are narrower than the "..." Qt Charts subtracts from a vertical
  // axis's room for its title, which it then elides (a CJK title is taller): "0.0 2.0 4.0 6.0".
  if (first == 0 && last >= 0 && lo >= 0) return QStringLiteral("%.1f");
  // %g switches to exponents when the exponent reaches the precision: keep integers whole.
  const int digits = std::clamp(std::max(first - last + 1, first + 1), 1, 15);
  return QStringLiteral("%.%1g").arg(digits);
}

QValueAxis* makeStepAxis(QChart* chart) {
  auto* a = new QValueAxis;
  a->setProperty(kStepAxisProperty, true);
  a->setLabelFormat(QStringLiteral("%.0f"));
  chart->addAxis(a, Qt::AlignBottom);
  resetStepAxis(a);
  return a;
}

void resetStepAxis(QValueAxis* axis) {
  axis->setTickType(QValueAxis::TicksDynamic);
  axis->setTickAnchor(0);
  axis->setTickInterval(2);
  axis->setRange(0, 10);
}

// Ticks at round step numbers (1, 2 or 5 · 10^k apart, about six of them, fewer on a narrow plot)
// while the range follows the data exactly.
void scaleStepAxis(QValueAxis* axis, double first, double last, double plotWidth) {
  if (!(last > first)) last = first + 1;
  if (last - first < 10) {  // a few steps: half a step of room, so the end dots are not cut
    first -= 0.5;
    last += 0.5;
  }
  int ticks = 6;
  if (plotWidth > 0) {
    // Each label takes its widest number and two characters of gap.
    const QFontMetricsF fm(axis->labelsFont());
    const double label = fm.horizontalAdvance(QString::number(std::max(std::abs(first), std::abs(last)), 'f', 0)) +
                         2 * fm.averageCharWidth();
    ticks = std::clamp(static_cast<int>(plotWidth / label) - 1, 1, 6);
  }
  const double interval = std::max(1.0, niceInterval(last - first, ticks));
  axis->setTickType(QValueAxis::TicksDynamic);
  axis->setTickAnchor(0);
  axis->setTickInterval(interval);
  axis->setRange(first, last);
}

DataRange rangeOf(const std::vector<const Trace*>& traces, double scale) {
  DataRange r;
  r.lo = r.minPositive = r.firstX = std::numeric_limits<double>::infinity();
  r.hi = r.lastX = -std::numeric_limits<double>::infinity();
  for (const Trace* t : traces) {
    if (!t) continue;
    for (double x : t->history.nonFiniteX()) {
      r.empty = false;
      r.firstX = std::min(r.firstX, x);
      r.lastX = std::max(r.lastX, x);
    }
    if (t->history.isEmpty()) continue;
    r.empty = false;
    r.lo = std::min(r.lo, t->history.minY() * scale);
    r.hi = std::max(r.hi, t->history.maxY() * scale);
    r.minPositive = std::min(r.minPositive, t->history.minPositiveY() * scale);
    r.firstX = std::min(r.firstX, t->history.firstX());
    r.lastX = std::max(r.lastX, t->history.lastX());
  }
  if (r.empty) r = DataRange{};
  return r;
}

}  // namespace dlui
