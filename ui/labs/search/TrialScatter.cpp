#include "labs/search/TrialScatter.h"

#include "widgets/ColorMaps.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace dlui {

using dl::search::Trial;

namespace {
QString shortNumber(double v) {
  if (!std::isfinite(v)) return QStringLiteral("—");
  const double a = std::abs(v);
  QString s = (a >= 1e-3 && a < 1e5) || a == 0 ? QString::number(v, 'g', 3) : QString::number(v, 'e', 1);
  return s.replace(QLatin1Char('-'), QChar(0x2212));
}
}  // namespace

TrialScatter::TrialScatter(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("trialScatter"));
  setMouseTracking(true);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void TrialScatter::setSpace(const std::vector<dl::search::ParamRange>& params, const QStringList& axisNames) {
  m_params = params;
  m_axisNames = axisNames;
  update();
}

void TrialScatter::setTrials(std::vector<Trial> trials, int best) {
  m_trials = std::move(trials);
  m_best = best;
  update();
}

void TrialScatter::setComparison(std::vector<Trial> trials, int best, const QString& mainName,
                                 const QString& otherName) {
  m_other = std::move(trials);
  m_otherBest = best;
  m_mainName = mainName;
  m_otherName = otherName;
  update();
}

void TrialScatter::setSelected(int index) {
  m_selected = index;
  update();
}

QRectF TrialScatter::plotRect() const {
  const QFontMetrics fm(font());
  const double left = fm.horizontalAdvance(QStringLiteral("0.0000")) + fm.height() + 10;
  const double plotWidth = std::max(10.0, width() - left - 12);
  // Ticks, axis name, colour bar, then the key's lines.
  const double bottom = fm.height() * 3.5 + keyHeight(plotWidth) + 10;
  return QRectF(left, 8, plotWidth, std::max(10.0, height() - 8 - bottom));
}

QStringList TrialScatter::keyTexts() const {
  double lo, hi;
  lossRange(lo, hi);
  QStringList texts{tr("colour: validation loss %1 … %2 · × diverged").arg(shortNumber(lo), shortNumber(hi))};
  if (!m_other.empty()) texts << QStringLiteral("● %1    ■ %2").arg(m_mainName, m_otherName);
  return texts;
}

double TrialScatter::keyHeight(double width) const {
  const QFontMetrics fm(font());
  double h = 0;
  for (const QString& t : keyTexts())
    h += fm.boundingRect(QRect(0, 0, static_cast<int>(width), 100000), Qt::TextWordWrap, t).height();
  return h;
}

void TrialScatter::lossRange(double& lo, double& hi) const {
  lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (const auto* set : {&m_trials, &m_other})
    for (const Trial& t : *set)
      if (t.status == Trial::Status::Done && std::isfinite(t.valLoss) && t.valLoss > 0)
        lo = std::min(lo, t.valLoss), hi = std::max(hi, t.valLoss);
  if (!std::isfinite(lo)) lo = 0.01, hi = 1;
  if (hi <= lo * 1.0001) hi = lo * 10;
}

double TrialScatter::yUnit(const Trial& t) const {
  if (m_params.size() >= 2) return dl::search::toUnit(m_params[1], t.values[1]);
  if (t.status != Trial::Status::Done || !(t.valLoss > 0))
    return t.status == Trial::Status::Diverged ? 1.0 : std::nan("");
  double lo, hi;
  lossRange(lo, hi);
  return (std::log(t.valLoss) - std::log(lo)) / (std::log(hi) - std::log(lo));
}

QPointF TrialScatter::place(const Trial& t, const QRectF& plot) const {
  if (m_params.empty() || t.values.empty()) return {-1, -1};
  const double u = dl::search::toUnit(m_params[0], t.values[0]);
  const double v = yUnit(t);
  if (!std::isfinite(u) || !std::isfinite(v)) return {-1, -1};
  const QRectF r = plot.adjusted(8, 8, -8, -8);
  return {r.left() + u * r.width(), r.bottom() - v * r.height()};
}

QPointF TrialScatter::pointOf(int index, bool other) const {
  const QRectF plot = plotRect();
  for (const Trial& t : other ? m_other : m_trials)
    if (t.index == index) return place(t, plot);
  return {-1, -1};
}

int TrialScatter::trialAt(QPointF p, bool* other) const {
  const QRectF plot = plotRect();
  int best = -1;
  double bestDist = 12 * 12;
  for (const bool second : {false, true})
    for (const Trial& t : second ? m_other : m_trials) {
      const QPointF q = place(t, plot);
      if (q.x() < 0) continue;
      const double d = (q.x() - p.x()) * (q.x() - p.x()) + (q.y() - p.y()) * (q.y() - p.y());
      if (d < bestDist) {
        bestDist = d, best = t.index;
        if (other) *other = second;
      }
    }
  return best;
}

void TrialScatter::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  const QRectF plot = plotRect();
  const QRectF inner = plot.adjusted(8, 8, -8, -8);
  const QFontMetrics fm(font());
  p.fillRect(plot, palette().color(QPalette::Base));
  p.setPen(QPen(palette().color(QPalette::Mid), 1));
  p.drawRect(plot);
  if (m_params.empty()) return;
  const QColor text = palette().color(QPalette::WindowText);
  // Ticks at the range's ends and, on a log scale, at every decade between.
  const auto ticks = [](const dl::search::ParamRange& r) {
    std::vector<double> at;
    if (r.scale == dl::search::Scale::Log) {
      for (double e = std::ceil(std::log10(r.low) - 1e-9); e <= std::log10(r.high) + 1e-9; e += 1)
        at.push_back(std::pow(10.0, e));
      if (at.size() < 2) at = {r.low, r.high};
    } else {
      for (int i = 0; i <= 4; ++i) at.push_back(r.low + (r.high - r.low) * i / 4);
    }
    return at;
  };
  p.setPen(text);
  // Every tick gets its mark; a label only where it clears the one before (a narrow plot on a
  // projector has no room for 0.001 next to 0.01).
  double labelsEnd = -1e9;
  for (double v : ticks(m_params[0])) {
    const double x = inner.left() + dl::search::toUnit(m_params[0], v) * inner.width();
    p.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4));
    const QString label = shortNumber(v);
    const double half = fm.horizontalAdvance(label) / 2.0;
    if (x - half < labelsEnd + fm.horizontalAdvance(QLatin1Char(' '))) continue;
    p.drawText(QRectF(x - 50, plot.bottom() + 4, 100, fm.height()), Qt::AlignHCenter | Qt::AlignTop, label);
    labelsEnd = x + half;
  }
  p.drawText(QRectF(plot.left(), plot.bottom() + 4 + fm.height(), plot.width(), fm.height()), Qt::AlignHCenter,
             m_axisNames.value(0));
  double lo = 0, hi = 1;
  lossRange(lo, hi);
  std::vector<double> yTicks;
  if (m_params.size() >= 2) {
    yTicks = ticks(m_params[1]);
  } else {
    for (double e = std::ceil(std::log10(lo)); e <= std::floor(std::log10(hi)); e += 1)
      yTicks.push_back(std::pow(10.0, e));
    if (yTicks.empty()) yTicks = {lo, hi};
  }
  for (double v : yTicks) {
    const double u = m_params.size() >= 2 ? dl::search::toUnit(m_params[1], v)
                                          : (std::log(v) - std::log(lo)) / (std::log(hi) - std::log(lo));
    const double y = inner.bottom() - u * inner.height();
    p.drawLine(QPointF(plot.left() - 4, y), QPointF(plot.left(), y));
    p.drawText(QRectF(0, y - fm.height() / 2.0, plot.left() - 6, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
               shortNumber(v));
  }
  p.save();
  p.translate(fm.height() * 0.6, plot.center().y());
  p.rotate(-90);
  p.drawText(QRectF(-plot.height() / 2, -fm.height() / 2.0, plot.height(), fm.height()), Qt::AlignCenter,
             m_axisNames.value(1));
  p.restore();
  // The colour key: the loss range on the sequential map.
  const QRectF key(plot.left(), plot.bottom() + 6 + 2 * fm.height(), std::min(plot.width(), 240.0), fm.height() * 0.8);
  for (int i = 0; i < static_cast<int>(key.width()); ++i)
    p.fillRect(QRectF(key.left() + i, key.top(), 1.5, key.height()), QColor(colors::sequential(i / key.width())));
  // The key's words below the bar (a projector's narrow plot has no room beside it), then which
  // search is which; the "elidedTexts" property lists what did not fit even on a line of its own.
  QStringList elided;
  double y = key.bottom() + 2;
  for (const QString& t : keyTexts()) {
    const QRect need = fm.boundingRect(QRect(0, 0, static_cast<int>(plot.width()), 100000), Qt::TextWordWrap, t);
    if (need.width() > plot.width() + 0.5) elided << t;  // a word longer than the plot is wide
    p.drawText(QRectF(plot.left(), y, plot.width(), need.height()), Qt::AlignLeft | Qt::TextWordWrap, t);
    y += need.height();
  }
  setProperty("elidedTexts", elided);

  const double r = std::max(5.0, fm.height() * 0.38);
  for (const bool second : {false, true})
    for (const Trial& t : second ? m_other : m_trials) {
      const QPointF at = place(t, plot);
      if (at.x() < 0) continue;
      if (t.status == Trial::Status::Diverged || t.status == Trial::Status::Failed) {
        p.setPen(QPen(QColor(0xd6, 0x27, 0x28), 2.5, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(at + QPointF(-r, -r), at + QPointF(r, r));
        p.drawLine(at + QPointF(-r, r), at + QPointF(r, -r));
        continue;
      }
      // The main search's trials are discs, the comparison's squares.
      const auto mark = [&](double radius) {
        if (second)
          p.drawRect(QRectF(at.x() - radius, at.y() - radius, 2 * radius, 2 * radius));
        else
          p.drawEllipse(at, radius, radius);
      };
      if (t.status != Trial::Status::Done) {
        p.setPen(QPen(QColor(128, 128, 128), 1.5));
        p.setBrush(Qt::NoBrush);
        mark(r);
        continue;
      }
      const double u = (std::log(std::max(t.valLoss, lo)) - std::log(lo)) / (std::log(hi) - std::log(lo));
      p.setPen(QPen(Qt::black, 1));
      p.setBrush(QColor(colors::sequential(u)));
      mark(r);
    }
  const auto ring = [&](QPointF at, const QColor& color) {
    if (at.x() < 0) return;
    p.setPen(QPen(color, 3));
    p.setBrush(Qt::NoBrush);
    p.drawEllipse(at, r + 4, r + 4);
  };
  if (m_best >= 0) ring(pointOf(m_best), QColor(0xd6, 0x27, 0x28));
  if (m_otherBest >= 0) ring(pointOf(m_otherBest, true), QColor(0xd6, 0x27, 0x28));
  if (m_selected >= 0) ring(pointOf(m_selected), palette().color(QPalette::Highlight));
}

void TrialScatter::mousePressEvent(QMouseEvent* event) {
  bool other = false;
  const int i = trialAt(event->position(), &other);
  if (i >= 0) {
    if (!other) setSelected(i);
    emit trialClicked(i, other);
  }
  QWidget::mousePressEvent(event);
}

bool TrialScatter::event(QEvent* e) {
  if (e->type() == QEvent::ToolTip) {
    auto* help = static_cast<QHelpEvent*>(e);
    bool other = false;
    const int i = trialAt(help->pos(), &other);
    if (i < 0) {
      QToolTip::hideText();
      return true;
    }
    for (const Trial& t : other ? m_other : m_trials) {
      if (t.index != i) continue;
      QStringList lines{tr("Trial %1").arg(t.index + 1) +
                        (m_other.empty() ? QString() : QStringLiteral(" (%1)").arg(other ? m_otherName : m_mainName))};
      for (std::size_t k = 0; k < m_params.size() && k < t.values.size(); ++k)
        lines << QStringLiteral("%1 = %2").arg(m_axisNames.value(static_cast<qsizetype>(k)), shortNumber(t.values[k]));
      if (t.status == Trial::Status::Done)
        lines << tr("validation loss %1").arg(shortNumber(t.valLoss));
      else if (t.status == Trial::Status::Diverged)
        lines << tr("diverged at step %1").arg(t.divergedAt);
      QToolTip::showText(help->globalPos(), lines.join('\n'), this);
    }
    return true;
  }
  return QWidget::event(e);
}

}  // namespace dlui
