// The activation explorer (see ActivationExplorer.h): a checkable list on the left, and a canvas
// with three panels laid out from its size — f(z), f′(z), and the mean-output strip.
#include "plots/ActivationExplorer.h"

#include "act/Activation.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QResizeEvent>
#include <QHelpEvent>
#include <QListWidget>
#include <QMouseEvent>
#include <QPainter>
#include <QVBoxLayout>
#include <QToolButton>
#include <QMenu>
#include <QPainterPath>
#include <QPixmap>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace dlui {

namespace {

// One colour per activation, fixed whatever is shown (dark enough for thin lines on white).
QColor activationColor(const QString& name) {
  static const std::map<QString, QColor> colours = {
      {QStringLiteral("sigmoid"), QColor(0xf2, 0x8e, 0x2b)}, {QStringLiteral("tanh"), QColor(0x4e, 0x79, 0xa7)},
      {QStringLiteral("relu"), QColor(0x59, 0xa1, 0x4f)},    {QStringLiteral("leaky_relu"), QColor(0x3f, 0x9c, 0x96)},
      {QStringLiteral("prelu"), QColor(0x9c, 0x75, 0x5f)},   {QStringLiteral("elu"), QColor(0xb0, 0x7a, 0xa1)},
      {QStringLiteral("selu"), QColor(0xd3, 0x72, 0x95)},    {QStringLiteral("linear"), QColor(0x79, 0x70, 0x6e)},
      {QStringLiteral("maxout"), QColor(0xb6, 0x99, 0x2d)}};
  const auto it = colours.find(name);
  return it == colours.end() ? QColor(Qt::black) : it->second;
}

QString number(double v, int decimals = 2) {
  if (!std::isfinite(v)) return QStringLiteral("–");
  if (std::abs(v) < 0.5 * std::pow(10.0, -decimals)) v = 0;  // no "-0.00"
  return QString::number(v, 'f', decimals);
}

// A tick step of 1, 2 or 5 × 10ⁿ giving about `count` intervals over span.
double niceStep(double span, int count) {
  const double raw = span / std::max(1, count);
  const double p = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * p >= raw) return m * p;
  return 10 * p;
}

// A plot area with its data ranges.
struct Frame {
  QRectF r;
  double x0 = 0, x1 = 1, y0 = 0, y1 = 1;
  QPointF map(double x, double y) const {
    return {r.left() + (x - x0) / (x1 - x0) * r.width(), r.bottom() - (y - y0) / (y1 - y0) * r.height()};
  }
  double zAt(double px) const { return x0 + (px - r.left()) / r.width() * (x1 - x0); }
};

// f at z by linear interpolation between the samples.
double interpolate(const std::vector<double>& z, const std::vector<double>& v, double at) {
  if (z.size() < 2) return std::nan("");
  const double t = (at - z.front()) / (z.back() - z.front()) * static_cast<double>(z.size() - 1);
  const auto i = static_cast<std::size_t>(std::clamp(std::floor(t), 0.0, static_cast<double>(z.size() - 2)));
  const double w = std::clamp(t - static_cast<double>(i), 0.0, 1.0);
  return v[i] * (1 - w) + v[i + 1] * w;
}

}  // namespace

// The painted part: three panels. Reads everything from the explorer.
class ActivationCanvas : public QWidget {
public:
  explicit ActivationCanvas(ActivationExplorer* explorer) : QWidget(explorer), m_x(explorer) {
    setObjectName(QStringLiteral("activationCanvas"));
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    setMouseTracking(true);
  }

protected:
  void paintEvent(QPaintEvent*) override;
  bool event(QEvent* e) override;
  void mouseMoveEvent(QMouseEvent* e) override {
    m_hoverX = e->position().x();
    update();
  }
  void leaveEvent(QEvent*) override {
    m_hoverX = -1;
    update();
  }

public:
  // The width the panels need for their labels: the strip's two columns and two plots of a readable
  // size. The explorer gives its list what is left over.
  double neededWidth() const {
    const QFontMetricsF fm(font());
    return stripWidths().total + 2 * 9 * fm.height();
  }

private:
  struct StripWidths {
    double theory, live;  // the two columns, markers and labels
    double total;         // with the tick labels and the padding: what the strip needs
  };
  StripWidths stripWidths() const;
  // Elides `text` to `room` and records it when it had to: the "elidedTexts" property (for a
  // test's cut-text walk) lists what the last paint cut.
  QString fit(const QFontMetricsF& fm, const QString& text, double room) {
    const QString shown = fm.elidedText(text, Qt::ElideRight, room);
    if (shown != text) m_elided << text;
    return shown;
  }
  void layoutFrames();
  void paintPlot(QPainter& p, const Frame& f, bool derivative);
  void paintStrip(QPainter& p);
  void paintAxes(QPainter& p, const Frame& f, const QString& title, const QString& shortTitle = {});
  double pen(double normal) const { return m_x->m_presentation ? normal * 1.6 : normal; }

  ActivationExplorer* m_x;
  Frame m_f, m_df, m_strip;
  QRectF m_stripArea;
  double m_split = 0.5;  // the strip's share for its first column (the functions' predictions)
  double m_hoverX = -1;
  QStringList m_elided;
};

// The strip's two columns: the predictions' labels ("sigmoid 0.50", fixed per function) and the
// live layers' ("layer 9: −0.00", the widest they get), each after its marker. Measured in bold:
// the live labels and the focused function's are drawn bold.
ActivationCanvas::StripWidths ActivationCanvas::stripWidths() const {
  const QFontMetricsF fm(font());
  QFont bold = font();
  bold.setBold(true);
  const QFontMetricsF bfm(bold);
  double theoryLabel = 0,
         liveLabel = bfm.horizontalAdvance(ActivationExplorer::tr("layer %1: %2").arg(9).arg(QStringLiteral("−0.00")));
  for (const QString& name : m_x->shown())
    if (const ActivationCurve* c = m_x->curve(name))
      theoryLabel = std::max(theoryLabel, bfm.horizontalAdvance(QStringLiteral("%1 %2").arg(
                                              m_x->shortName(name), number(c->meanUnderNormal))));
  const double marker = pen(4.5) * 2 + 14;
  const double theory = theoryLabel + marker, live = liveLabel + marker;
  const double tickW = fm.horizontalAdvance(QStringLiteral("−0.50")) + 6, pad = fm.height() * 0.4;
  return {theory, live, tickW + theory + live + pad};
}

void ActivationCanvas::layoutFrames() {
  const QFontMetricsF fm(font());
  const double pad = fm.height() * 0.4;
  const double title = fm.height() * 1.3;
  const double tickW = fm.horizontalAdvance(QStringLiteral("−0.50")) + 6;
  const double bottom = fm.height() * 1.4;
  const double w = width(), h = height();
  // The strip: its two columns of markers and labels decide its width, within 25–60% of the canvas
  // (the lesson's numbers are in its labels; the plots keep at least 40%).
  const StripWidths strip = stripWidths();
  // The columns share the strip in proportion to their labels, so the live one is not cut while
  // the other has room to spare.
  m_split = strip.theory / (strip.theory + strip.live);
  const double stripW = std::clamp(strip.total, w * 0.25, w * 0.6);
  const double plotsW = w - stripW - 2 * pad;
  const double fW = plotsW * 0.54;
  m_f.r = QRectF(pad + tickW, pad + title, fW - tickW - pad, h - 2 * pad - title - bottom);
  m_df.r = QRectF(pad + fW + tickW, pad + title, plotsW - fW - tickW - pad, m_f.r.height());
  m_stripArea = QRectF(pad + plotsW + pad, pad, stripW - pad, h - 2 * pad);
  m_strip.r = QRectF(m_stripArea.left() + tickW, pad + title, m_stripArea.width() - tickW, m_f.r.height());

  // Data ranges: z fixed; f and f′ from the shown curves, clipped so that sigmoid and tanh stay
  // readable beside the unbounded ones.
  double lo = 0, hi = 1, dlo = 0, dhi = 0.3, mlo = -0.25, mhi = 1.0;
  for (const QString& name : m_x->shown()) {
    const ActivationCurve* c = m_x->curve(name);
    if (!c) continue;
    lo = std::min(lo, *std::min_element(c->f.begin(), c->f.end()));
    hi = std::max(hi, *std::max_element(c->f.begin(), c->f.end()));
    dlo = std::min(dlo, *std::min_element(c->df.begin(), c->df.end()));
    dhi = std::max(dhi, c->peakDerivative);
    mlo = std::min(mlo, c->meanUnderNormal);
    mhi = std::max(mhi, c->meanUnderNormal);
  }
  for (double m : m_x->layerMeans())
    if (std::isfinite(m)) {
      mlo = std::min(mlo, m);
      mhi = std::max(mhi, m);
    }
  m_f.x0 = m_df.x0 = ActivationExplorer::kZMin;
  m_f.x1 = m_df.x1 = ActivationExplorer::kZMax;
  m_f.y0 = std::max(lo, -2.0) - 0.1;
  m_f.y1 = std::min(hi, 3.0) + 0.1;
  m_df.y0 = dlo - 0.05 * (dhi - dlo);
  m_df.y1 = std::min(dhi, 2.0) * 1.08;
  m_strip.x0 = 0;
  m_strip.x1 = 1;
  m_strip.y0 = std::max(mlo, -3.0) - 0.1;
  m_strip.y1 = std::min(mhi, 6.0) + 0.1;
}

void ActivationCanvas::paintAxes(QPainter& p, const Frame& f, const QString& title, const QString& shortTitle) {
  const QFontMetricsF fm(font());
  QFont bold = font();
  bold.setBold(true);
  const QFontMetricsF bfm(bold);
  p.setFont(bold);
  p.setPen(palette().text().color());
  // The title over the frame and its tick labels; a narrow frame (a 1024-pixel projector) gets the
  // short one ("f′(z)") rather than an elided long one ("Derivati…").
  const QRectF box(f.r.left() - fm.horizontalAdvance(QStringLiteral("−0.50")), f.r.top() - fm.height() * 1.3,
                   f.r.width() + fm.horizontalAdvance(QStringLiteral("−0.50")), fm.height() * 1.2);
  const QString shown = bfm.horizontalAdvance(title) > box.width() && !shortTitle.isEmpty() ? shortTitle : title;
  p.drawText(box, Qt::AlignLeft | Qt::AlignVCenter, fit(bfm, shown, box.width()));
  p.setFont(font());
  // y grid and labels
  const double step = niceStep(f.y1 - f.y0, std::max(2, static_cast<int>(f.r.height() / (fm.height() * 2.2))));
  for (double y = std::ceil(f.y0 / step) * step; y <= f.y1 + 1e-9; y += step) {
    const QPointF a = f.map(f.x0, y), b = f.map(f.x1, y);
    const bool zero = std::abs(y) < step * 1e-6;
    p.setPen(QPen(zero ? palette().text().color() : palette().mid().color(), zero ? 1.2 : 0.5));
    p.drawLine(a, b);
    p.setPen(palette().text().color());
    p.drawText(QRectF(f.r.left() - fm.horizontalAdvance(QStringLiteral("−0.50")) - 6, a.y() - fm.height() / 2,
                      fm.horizontalAdvance(QStringLiteral("−0.50")) + 2, fm.height()),
               Qt::AlignRight | Qt::AlignVCenter, number(y, step < 0.1 ? 2 : (step < 1 ? 1 : 0)));
  }
  if (f.x1 - f.x0 > 2) {  // a z axis (the strip has none)
    // Ticks every 2, 3 or 6 along z, as many as the frame's width has room for (a label and a gap
    // each): a narrow projector column gets −6, 0, 6 rather than overlapping numbers.
    const double label = fm.horizontalAdvance(QStringLiteral("−6")) * 2.2;
    const double span = f.x1 - f.x0;
    double xstep = 6.0;
    for (double candidate : {2.0, 3.0})
      if (f.r.width() * candidate / span > label) {
        xstep = candidate;
        break;
      }
    for (double x = f.x0; x <= f.x1 + 1e-9; x += xstep) {
      const QPointF a = f.map(x, f.y0), b = f.map(x, f.y1);
      const bool zero = std::abs(x) < 1e-9;
      p.setPen(QPen(zero ? palette().text().color() : palette().mid().color(), zero ? 1.2 : 0.5));
      p.drawLine(a, b);
      p.setPen(palette().text().color());
      p.drawText(QRectF(a.x() - 30, f.r.bottom() + 2, 60, fm.height()), Qt::AlignHCenter | Qt::AlignTop, number(x, 0));
    }
    QFont italic = font();
    italic.setItalic(true);
    p.setFont(italic);
    p.drawText(QRectF(f.r.right() + fm.horizontalAdvance(QStringLiteral("6")) / 2 + 4, f.r.bottom() + 2,
                      fm.height() * 2, fm.height()),
               Qt::AlignLeft | Qt::AlignTop, QStringLiteral("z"));
    p.setFont(font());
  }
  p.setPen(palette().mid().color());
  p.setBrush(Qt::NoBrush);
  p.drawRect(f.r);
}

void ActivationCanvas::paintPlot(QPainter& p, const Frame& f, bool derivative) {
  const QFontMetricsF fm(font());
  const ActivationCurve* focus = m_x->curve(m_x->focused());
  // The focused function's saturated stretches, in its colour, across the whole height.
  if (focus && m_x->shown().contains(m_x->focused())) {
    QColor shade = activationColor(m_x->focused());
    shade.setAlpha(48);
    for (const auto& [from, to] : focus->saturatedRanges()) {
      const QPointF a = f.map(from, f.y1), b = f.map(to, f.y0);
      const QRectF band(a, b);
      p.fillRect(band, shade);
      // The word across the band when it fits, else up its side.
      const QString label = ActivationExplorer::tr("saturated");
      p.setPen(activationColor(m_x->focused()).darker(130));
      if (band.width() > fm.horizontalAdvance(label) + 6) {
        p.drawText(band.adjusted(3, 2, -3, 0), Qt::AlignHCenter | Qt::AlignTop, label);
      } else if (band.width() > fm.height() + 2 && band.height() > fm.horizontalAdvance(label) + 6) {
        p.save();
        p.translate(band.center().x(), band.top() + 3);
        p.rotate(90);
        p.drawText(QRectF(0, -fm.height() / 2, fm.horizontalAdvance(label) + 2, fm.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, label);
        p.restore();
      }
    }
  }
  if (derivative)
    paintAxes(p, f, ActivationExplorer::tr("Derivative f′(z)"), QStringLiteral("f′(z)"));
  else
    paintAxes(p, f, ActivationExplorer::tr("Activation f(z)"), QStringLiteral("f(z)"));
  p.save();
  p.setClipRect(f.r.adjusted(-1, -1, 1, 1));
  // Others first, the focused curve last and thickest.
  QStringList order = m_x->shown();
  if (order.removeAll(m_x->focused())) order << m_x->focused();
  for (const QString& name : order) {
    const ActivationCurve* c = m_x->curve(name);
    if (!c) continue;
    const std::vector<double>& v = derivative ? c->df : c->f;
    QPainterPath path;
    for (std::size_t i = 0; i < c->z.size(); ++i) {
      // Jumps (the ReLU family's derivative at 0) are drawn as vertical steps, which is what they are.
      const QPointF pt = f.map(c->z[i], std::clamp(v[i], f.y0 - 1, f.y1 + 1));
      if (i == 0)
        path.moveTo(pt);
      else
        path.lineTo(pt);
    }
    const bool isFocus = name == m_x->focused();
    QColor col = activationColor(name);
    if (!isFocus) col.setAlpha(170);
    p.setPen(QPen(col, pen(isFocus ? 3.0 : 1.6), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);
  }
  // The saturation threshold of the focused function: 5% of its peak derivative (sigmoid, tanh,
  // ELU, SELU; the ReLU family is saturated where z ≤ 0 whatever its slope there).
  if (derivative && focus && !focus->saturatedRanges().empty()) {
    const QString n = m_x->focused();
    if (n == QLatin1String("sigmoid") || n == QLatin1String("tanh") || n == QLatin1String("elu") ||
        n == QLatin1String("selu")) {
      const double y = 0.05 * focus->peakDerivative;
      p.setPen(QPen(activationColor(n).darker(120), pen(1.2), Qt::DashLine));
      p.drawLine(f.map(f.x0, y), f.map(f.x1, y));
      // Labelled where the label fits (a narrow projector plot keeps the line; the tooltip says it).
      const QString label = ActivationExplorer::tr("5% of peak");
      if (fm.horizontalAdvance(label) <= f.r.width() - 8)
        p.drawText(QRectF(f.r.left() + 4, f.map(0, y).y() - fm.height() - 1, f.r.width() - 8, fm.height()),
                   Qt::AlignRight | Qt::AlignBottom, label);
    }
  }
  // The hovered z: a line and a dot on every shown curve (the tooltip gives the numbers).
  if (m_hoverX >= f.r.left() && m_hoverX <= f.r.right()) {
    const double z = f.zAt(m_hoverX);
    p.setPen(QPen(palette().text().color(), 0.8, Qt::DotLine));
    p.drawLine(QPointF(m_hoverX, f.r.top()), QPointF(m_hoverX, f.r.bottom()));
    for (const QString& name : order)
      if (const ActivationCurve* c = m_x->curve(name)) {
        p.setPen(Qt::NoPen);
        p.setBrush(activationColor(name));
        p.drawEllipse(f.map(z, interpolate(c->z, derivative ? c->df : c->f, z)), pen(3.5), pen(3.5));
      }
  }
  p.restore();
}

void ActivationCanvas::paintStrip(QPainter& p) {
  const QFontMetricsF fm(font());
  const Frame& f = m_strip;
  paintAxes(p, f, ActivationExplorer::tr("Zero-centred? Mean output"), ActivationExplorer::tr("Mean output"));
  const double leftW = f.r.width() * m_split, half = f.r.width() - leftW;  // half: the live column's width
  const QRectF left(f.r.left(), f.r.top(), leftW, f.r.height()), right(f.r.left() + leftW, f.r.top(), half, f.r.height());
  p.setPen(QPen(palette().mid().color(), 0.5, Qt::DotLine));
  p.drawLine(QPointF(right.left(), f.r.top()), QPointF(right.left(), f.r.bottom()));
  // Column heads under the strip.
  p.setPen(palette().text().color());
  p.drawText(QRectF(left.left(), f.r.bottom() + 2, leftW, fm.height()), Qt::AlignHCenter | Qt::AlignTop,
             fit(fm, ActivationExplorer::tr("z ~ N(0, 1)"), leftW));
  const long long step = m_x->meansStep();
  p.drawText(QRectF(right.left(), f.r.bottom() + 2, half, fm.height()), Qt::AlignHCenter | Qt::AlignTop,
             fit(fm, ActivationExplorer::tr("network"), half));

  struct Mark {
    double y;  // data value
    QColor colour;
    QString label;
    bool filled;
    bool bold;
  };
  // Markers at their values, labels stacked without overlap (a leader line when moved).
  const auto drawColumn = [&](const QRectF& col, std::vector<Mark> marks) {
    std::sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) { return a.y > b.y; });
    const double r = pen(4.5);
    const double mx = col.left() + r + 4;
    std::vector<double> ly(marks.size());
    double next = f.r.top() - 1e9;
    for (std::size_t i = 0; i < marks.size(); ++i) {
      ly[i] = std::max(f.map(0, marks[i].y).y(), next);
      next = ly[i] + fm.height();
    }
    const double overflow = marks.empty() ? 0 : ly.back() + fm.height() / 2 - f.r.bottom();
    if (overflow > 0)
      for (double& y : ly) y -= overflow;
    for (std::size_t i = 0; i < marks.size(); ++i) {
      const Mark& m = marks[i];
      const QPointF at(mx, f.map(0, m.y).y());
      p.setPen(QPen(m.colour, pen(1.5)));
      p.setBrush(m.filled ? QBrush(m.colour) : QBrush(palette().base()));
      if (m.filled) {
        p.drawEllipse(at, r, r);
      } else {
        QPolygonF diamond(
            {at + QPointF(0, -r * 1.2), at + QPointF(r * 1.2, 0), at + QPointF(0, r * 1.2), at + QPointF(-r * 1.2, 0)});
        p.drawPolygon(diamond);
      }
      const double tx = mx + r + 5;
      if (std::abs(ly[i] - at.y()) > 2) {
        p.setPen(QPen(m.colour, 0.8));
        p.drawLine(QPointF(at.x() + r, at.y()), QPointF(tx - 1, ly[i]));
      }
      QFont lf = font();
      lf.setBold(m.bold);
      p.setFont(lf);
      const QFontMetricsF lfm(lf);
      const QString text = fit(lfm, m.label, col.right() - tx);
      // On a light backing, so that a label on the zero line stays readable.
      QColor backing = palette().base().color();
      backing.setAlpha(220);
      p.fillRect(QRectF(tx - 1, ly[i] - lfm.height() / 2, lfm.horizontalAdvance(text) + 2, lfm.height()), backing);
      p.setPen(m.colour.darker(115));
      p.drawText(QRectF(tx, ly[i] - fm.height() / 2, col.right() - tx, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                 text);
      p.setFont(font());
    }
  };

  // The focused function's prediction as a dashed line across both columns: the layers that use it
  // should sit on it while the network is young.
  if (const ActivationCurve* c = m_x->curve(m_x->focused()); c && m_x->shown().contains(m_x->focused())) {
    const double y = f.map(0, c->meanUnderNormal).y();
    p.setPen(QPen(activationColor(m_x->focused()), pen(1.2), Qt::DashLine));
    p.drawLine(QPointF(f.r.left(), y), QPointF(f.r.right(), y));
  }
  std::vector<Mark> theory;
  for (const QString& name : m_x->shown())
    if (const ActivationCurve* c = m_x->curve(name))
      theory.push_back({c->meanUnderNormal, activationColor(name),
                        QStringLiteral("%1 %2").arg(m_x->shortName(name), number(c->meanUnderNormal)), false,
                        name == m_x->focused()});
  drawColumn(left, theory);

  const std::vector<double> means = m_x->layerMeans();
  const QStringList acts = m_x->networkActivations();
  std::vector<Mark> live;
  // A layer's dot takes its activation's colour (not the layer colour of the other charts), so it
  // sits beside the diamond of the same colour that predicts it.
  for (std::size_t l = 0; l < means.size(); ++l)
    if (std::isfinite(means[l]))
      live.push_back({means[l], activationColor(acts.value(static_cast<qsizetype>(l))),
                      ActivationExplorer::tr("layer %1: %2").arg(l + 1).arg(number(means[l])), true, true});
  if (!live.empty()) {
    drawColumn(right, live);
    p.setPen(palette().text().color());
    p.drawText(QRectF(right.left() + 2, f.r.top() + 2, half - 4, fm.height()), Qt::AlignRight | Qt::AlignTop,
               fit(fm, ActivationExplorer::tr("step %1").arg(step), half - 4));
  } else {
    p.setPen(palette().text().color());
    p.drawText(right.adjusted(4, fm.height(), -4, -4), Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap,
               acts.isEmpty() ? ActivationExplorer::tr("no hidden layer")
                              : ActivationExplorer::tr("the mean of each hidden layer appears after the first steps "
                                                       "(press Space to train)"));
  }
}

void ActivationCanvas::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  layoutFrames();
  m_elided.clear();
  paintPlot(p, m_f, false);
  paintPlot(p, m_df, true);
  paintStrip(p);
  setProperty("elidedTexts", m_elided);
}

bool ActivationCanvas::event(QEvent* e) {
  if (e->type() != QEvent::ToolTip) return QWidget::event(e);
  auto* help = static_cast<QHelpEvent*>(e);
  const QPointF pos = help->pos();
  QString text;
  for (const Frame* f : {&m_f, &m_df}) {
    if (!f->r.contains(pos)) continue;
    const double z = f->zAt(pos.x());
    text = QStringLiteral("<b>z = %1</b>").arg(number(z));
    for (const QString& name : m_x->shown())
      if (const ActivationCurve* c = m_x->curve(name))
        text += QStringLiteral("<br><span style='color:%1'>■</span> ").arg(activationColor(name).name()) +
                ActivationExplorer::tr("%1: f = %2, f′ = %3%4")
                    .arg(m_x->displayName(name), number(interpolate(c->z, c->f, z), 3),
                         number(interpolate(c->z, c->df, z), 3),
                         c->saturated[static_cast<std::size_t>(std::lround(
                             (z - c->z.front()) / (c->z.back() - c->z.front()) * static_cast<double>(c->z.size() - 1)))]
                             ? ActivationExplorer::tr(" (saturated)")
                             : QString());
  }
  if (text.isEmpty() && m_stripArea.contains(pos))
    text = ActivationExplorer::tr(
               "The mean output of a unit. Left: what each function averages when its input z is drawn from "
               "N(0, 1): sigmoid 0.5, tanh 0, ReLU 1/√(2π) ≈ 0.40. Right: what each hidden layer of this network "
               "outputs on average, over its last %1 mini-batches. A layer whose outputs are all positive (sigmoid, "
               "ReLU) feeds the next layer inputs of one sign, so for one example the gradients of a unit's incoming "
               "weights all share a sign and the updates zig-zag; tanh layers stay near 0.")
               .arg(ActivationExplorer::kMeanWindow);
  if (text.isEmpty())
    text = ActivationExplorer::tr(
        "Every activation of the engine and its derivative, computed by the network's own code. Shaded: where "
        "the focused function counts as saturated, as the Saturation tab counts it (derivative below 5% of its "
        "peak; ReLU family: z ≤ 0). Tick the functions to compare in the list; click one to focus it.");
  QToolTip::showText(help->globalPos(), text, this);
  return true;
}

// ---------------------------------------------------------------------------------------------

ActivationExplorer::ActivationExplorer(QWidget* parent)
    : QWidget(parent),
      m_list(new QListWidget(this)),
      m_pick(new QToolButton(this)),
      m_pickMenu(new QMenu(this)),
      m_canvas(new ActivationCanvas(this)) {
  setObjectName(QStringLiteral("activationExplorer"));
  m_list->setObjectName(QStringLiteral("activationList"));
  m_list->setSelectionMode(QAbstractItemView::SingleSelection);
  m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  for (const std::string& n : dl::activationNames()) {
    const QString name = QString::fromStdString(n);
    resample(name, dl::LayerConfig{.activation = n});
    auto* item = new QListWidgetItem(m_list);
    item->setData(Qt::UserRole, name);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    const bool first = n == "sigmoid" || n == "tanh" || n == "relu";
    item->setCheckState(first ? Qt::Checked : Qt::Unchecked);
    QPixmap swatch(14, 14);
    swatch.fill(activationColor(name));
    item->setIcon(QIcon(swatch));
  }
  m_focus = QStringLiteral("sigmoid");
  // A click on the box toggles it (itemChanged comes first, then itemClicked); a click on the
  // name shows the function and focuses it; the arrow keys move the focus among shown functions.
  connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
    if (m_updatingList) return;
    if (QAction* a = m_pickMenu->actions().value(m_list->row(item))) {  // the picker's box follows
      const QSignalBlocker block(a);
      a->setChecked(item->checkState() == Qt::Checked);
    }
    const QString name = item->data(Qt::UserRole).toString();
    m_toggled = name;
    if (item->checkState() == Qt::Checked) {
      setFocused(name);
    } else if (name == m_focus) {
      const QStringList s = shown();
      if (!s.isEmpty()) setFocused(s.front());
    }
    m_canvas->update();
  });
  connect(m_list, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
    const QString name = item->data(Qt::UserRole).toString();
    if (m_toggled != name && item->checkState() != Qt::Checked)
      item->setCheckState(Qt::Checked);
    else if (item->checkState() == Qt::Checked)
      setFocused(name);
    m_toggled.clear();
  });
  connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
    if (m_updatingList || !item) return;
    if (item->checkState() == Qt::Checked) setFocused(item->data(Qt::UserRole).toString());
  });
  m_pick->setObjectName(QStringLiteral("activationPicker"));
  m_pick->setPopupMode(QToolButton::InstantPopup);
  m_pick->setToolButtonStyle(Qt::ToolButtonTextOnly);
  m_pick->setMenu(m_pickMenu);
  m_pick->hide();
  for (int i = 0; i < m_list->count(); ++i) {
    QListWidgetItem* item = m_list->item(i);
    const QString name = item->data(Qt::UserRole).toString();
    QAction* a = m_pickMenu->addAction(item->icon(), name);
    a->setCheckable(true);
    connect(a, &QAction::toggled, this, [this, name](bool on) {
      setShown(name, on);
      if (on) setFocused(name);
    });
  }
  auto* column = new QVBoxLayout;
  column->setContentsMargins(0, 0, 0, 0);
  column->addWidget(m_list);
  column->addWidget(m_pick, 0, Qt::AlignTop);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  layout->addLayout(column);
  layout->addWidget(m_canvas, 1);
  retranslateUi();
}

void ActivationExplorer::resample(const QString& name, const dl::LayerConfig& layer) {
  m_curves[name] = sampleActivation(layer, kZMin, kZMax, 601);
}

QStringList ActivationExplorer::activations() const {
  QStringList names;
  for (const std::string& n : dl::activationNames()) names << QString::fromStdString(n);
  return names;
}

const ActivationCurve* ActivationExplorer::curve(const QString& name) const {
  const auto it = m_curves.find(name);
  return it == m_curves.end() ? nullptr : &it->second;
}

QStringList ActivationExplorer::shown() const {
  QStringList names;
  for (int i = 0; i < m_list->count(); ++i)
    if (m_list->item(i)->checkState() == Qt::Checked) names << m_list->item(i)->data(Qt::UserRole).toString();
  return names;
}

void ActivationExplorer::setShown(const QString& name, bool on) {
  for (int i = 0; i < m_list->count(); ++i)
    if (m_list->item(i)->data(Qt::UserRole).toString() == name)
      m_list->item(i)->setCheckState(on ? Qt::Checked : Qt::Unchecked);
  m_toggled.clear();  // not a click
}

void ActivationExplorer::setFocused(const QString& name) {
  if (!m_curves.count(name)) return;
  m_focus = name;
  {
    const QSignalBlocker block(m_list);
    for (int i = 0; i < m_list->count(); ++i)
      if (m_list->item(i)->data(Qt::UserRole).toString() == name) m_list->setCurrentRow(i);
  }
  m_canvas->update();
}

std::vector<double> ActivationExplorer::layerMeans() const {
  std::vector<double> means;
  for (const std::deque<double>& r : m_recent) {
    double sum = 0;
    int n = 0;
    for (double v : r)
      if (std::isfinite(v)) {
        sum += v;
        ++n;
      }
    means.push_back(n ? sum / n : std::nan(""));
  }
  return means;
}

QString ActivationExplorer::displayName(const QString& name) const {
  const ActivationCurve* c = curve(name);
  const dl::LayerConfig layer = c ? c->layer : dl::LayerConfig{};
  if (name == QLatin1String("sigmoid")) return tr("sigmoid");
  if (name == QLatin1String("tanh")) return tr("tanh");
  if (name == QLatin1String("relu")) return tr("ReLU");
  if (name == QLatin1String("leaky_relu")) return tr("leaky ReLU (%1)").arg(layer.slope);
  if (name == QLatin1String("prelu")) return tr("PReLU (%1 at first)").arg(layer.slope);
  if (name == QLatin1String("elu")) return tr("ELU (α = %1)").arg(layer.alpha);
  if (name == QLatin1String("selu")) return tr("SELU");
  if (name == QLatin1String("linear")) return tr("linear");
  if (name == QLatin1String("maxout")) return tr("maxout (pieces ±z)");
  return name;
}

QString ActivationExplorer::shortName(const QString& name) const {
  if (name == QLatin1String("leaky_relu")) return tr("leaky ReLU");
  if (name == QLatin1String("prelu")) return tr("PReLU");
  if (name == QLatin1String("elu")) return tr("ELU");
  if (name == QLatin1String("maxout")) return tr("maxout");
  return displayName(name);
}

void ActivationExplorer::setNetwork(const std::vector<dl::LayerConfig>& hidden) {
  QStringList acts;
  for (const dl::LayerConfig& l : hidden) acts << QString::fromStdString(l.activation);
  // The network's parameters (a leaky slope of 0.2, an ELU α) replace the defaults of its
  // activations; the others keep the engine's defaults.
  std::map<QString, dl::LayerConfig> params;
  for (const dl::LayerConfig& l : hidden) params.emplace(QString::fromStdString(l.activation), l);
  for (const QString& name : activations()) {
    const auto it = params.find(name);
    dl::LayerConfig layer = it != params.end() ? it->second : dl::LayerConfig{.activation = name.toStdString()};
    const ActivationCurve* c = curve(name);
    if (!c || c->layer.slope != layer.slope || c->layer.alpha != layer.alpha || c->layer.pieces != layer.pieces) {
      try {
        resample(name, layer);
      } catch (const std::exception&) {
        resample(name, dl::LayerConfig{.activation = name.toStdString()});  // invalid parameters: the defaults
      }
    }
  }
  const bool changed = acts != m_networkActs;
  m_networkActs = acts;
  m_networkLayers = hidden;
  if (changed) {
    // A new network: its activations are shown and the first one focused.
    for (const QString& a : acts) setShown(a, true);
    if (!acts.isEmpty()) setFocused(acts.front());
  }
  updateList();
}

void ActivationExplorer::updateList() {
  m_updatingList = true;
  for (int i = 0; i < m_list->count(); ++i) {
    QListWidgetItem* item = m_list->item(i);
    const QString name = item->data(Qt::UserRole).toString();
    item->setText(m_shortNames ? shortName(name) : displayName(name));
    QFont f = m_list->font();
    const bool inNetwork = m_networkActs.contains(name);
    f.setBold(inNetwork);
    item->setFont(f);
    const ActivationCurve* c = curve(name);
    QString tip = tr("%1: peak derivative %2, mean output %3 for z ~ N(0, 1).")
                      .arg(displayName(name), number(c ? c->peakDerivative : 0), number(c ? c->meanUnderNormal : 0));
    if (inNetwork) tip += QLatin1Char(' ') + tr("Used by this network's hidden layers (bold).");
    if (c && c->examplePieces)
      tip += QLatin1Char(' ') + tr("A maxout unit takes the largest of k learned linear pieces; drawn here with the "
                                   "example pieces z and −z, whose maximum is |z|.");
    item->setToolTip(tip);
  }
  m_updatingList = false;
  // The picker's menu: the same names (in full: a menu has the width), boxes and colours.
  const QList<QAction*> actions = m_pickMenu->actions();
  for (int i = 0; i < m_list->count() && i < actions.size(); ++i) {
    QListWidgetItem* item = m_list->item(i);
    QAction* a = actions[i];
    const QSignalBlocker block(a);
    a->setText(displayName(item->data(Qt::UserRole).toString()));
    a->setChecked(item->checkState() == Qt::Checked);
    a->setFont(item->font());
    a->setToolTip(item->toolTip());
  }
  fitList();
  m_canvas->update();
}

// One column of names when they fit the explorer's height; on a short projector row they wrap into
// as many columns as they need, so no name scrolls out of sight. The list is exactly as wide as its
// columns.
void ActivationExplorer::fitList() {
  const int n = m_list->count();
  if (n == 0) return;
  const int frame = 2 * m_list->frameWidth();
  int rowH = 0;
  std::vector<int> widths(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    const QSize hint = m_list->sizeHintForIndex(m_list->model()->index(i, 0));
    rowH = std::max(rowH, hint.height() + 2 * m_list->spacing());
    widths[static_cast<std::size_t>(i)] = hint.width() + 2 * m_list->spacing();
  }
  const int room = std::max(contentsRect().height() - frame, rowH);
  const int fit = std::max(1, std::min(n, room / std::max(rowH, 1)));
  const bool wrap = fit < n;
  // Columns of equal length (5 + 4, not 8 + 1).
  const int columns = (n + fit - 1) / fit, perColumn = (n + columns - 1) / columns;
  // The richest list that leaves the panels the width their labels need: the full names in one
  // column; else the names without their parameters ("ELU", not "ELU (α = 1)"; the tooltip has
  // them), wrapped into columns on a short row; else the "Functions" button.
  QFont bold = m_list->font();
  bold.setBold(true);
  const QFontMetrics bfm(bold);
  const QListWidgetItem* first = m_list->item(0);
  const int extra = widths[0] - QFontMetrics(first->font()).horizontalAdvance(first->text()) + frame + 8;
  const auto listWidth = [&](bool shortNames, int cols, int per) {
    int total = 0;
    for (int c = 0; c < cols; ++c) {
      int column = 0;
      for (int i = c * per; i < std::min(n, (c + 1) * per); ++i) {
        const QString name = m_list->item(i)->data(Qt::UserRole).toString();
        column = std::max(column, bfm.horizontalAdvance(shortNames ? shortName(name) : displayName(name)));
      }
      total += column + extra;
    }
    return total;
  };
  const double across = width() - m_canvas->neededWidth();
  const bool full = !wrap && listWidth(false, 1, n) <= across;
  const bool picker = !full && listWidth(true, columns, perColumn) > across;
  const bool shortNames = !full;
  if (m_list->isWrapping() != (wrap && !picker) || m_shortNames != shortNames || m_pick->isHidden() == picker) {
    m_shortNames = shortNames;
    m_list->setWrapping(wrap && !picker);
    m_list->setFlow(QListView::TopToBottom);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setVisible(!picker);
    m_pick->setVisible(picker);
    updateList();  // calls fitList() again with the new names
    return;
  }
  if (picker) return;
  int total = 0;
  for (int first = 0; first < n; first += perColumn) {
    int column = 0;
    for (int i = first; i < std::min(n, first + perColumn); ++i)
      column = std::max(column, widths[static_cast<std::size_t>(i)]);
    total += column;
  }
  m_list->setFixedWidth(total + frame + 8);
  // The list wraps where its viewport ends: as tall as one balanced column when wrapped.
  m_list->setMaximumHeight(wrap ? perColumn * rowH + frame + 2 : QWIDGETSIZE_MAX);
  if (auto* column = layout() ? layout()->itemAt(0)->layout() : nullptr)
    column->setAlignment(m_list, wrap ? Qt::AlignTop : Qt::Alignment());
}

void ActivationExplorer::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  if (event->size() != event->oldSize()) fitList();
}

void ActivationExplorer::applySnapshot(const SnapshotPtr& snapshot) {
  if (!snapshot) return;
  const Snapshot& s = *snapshot;
  const std::vector<dl::LayerConfig>& hidden = s.config.hidden;
  bool same = hidden.size() == m_networkLayers.size();
  for (std::size_t i = 0; same && i < hidden.size(); ++i)
    same = hidden[i].activation == m_networkLayers[i].activation && hidden[i].slope == m_networkLayers[i].slope &&
           hidden[i].alpha == m_networkLayers[i].alpha && hidden[i].pieces == m_networkLayers[i].pieces;
  if (!same || m_networkActs.size() != static_cast<qsizetype>(hidden.size())) setNetwork(hidden);
  if (m_recent.size() != hidden.size()) m_recent.assign(hidden.size(), {});
  bool any = false;
  if (!s.runs.empty())
    for (const dl::StepMetrics& m : s.runs.front().metrics) {
      if (m.layers.size() != hidden.size() + 1) continue;  // diagnostics off, or another network
      for (std::size_t l = 0; l < hidden.size(); ++l) {
        std::deque<double>& r = m_recent[l];
        r.push_back(m.layers[l].activationMean);
        if (r.size() > kMeanWindow) r.pop_front();
      }
      m_meansStep = m.step;
      any = true;
    }
  if (any && isVisible()) m_canvas->update();
}

void ActivationExplorer::clear() {
  for (std::deque<double>& r : m_recent) r.clear();
  m_meansStep = 0;
  m_canvas->update();
}

void ActivationExplorer::setPresentationMode(bool on) {
  m_presentation = on;
  m_list->setIconSize(on ? QSize(22, 22) : QSize(14, 14));
  updateList();
}

void ActivationExplorer::retranslateUi() {
  m_pick->setText(tr("Functions"));
  m_pick->setToolTip(
      tr("Which activation functions to draw; the one chosen last is focused (thick line, its "
         "saturated stretches shaded). Bold: used by this network."));
  m_list->setToolTip(
      tr("Tick the functions to draw; click one to focus it (thick line, its saturated "
         "stretches shaded). Bold: used by this network."));
  m_list->setAccessibleName(tr("Activation functions"));
  updateList();
}

void ActivationExplorer::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  if (event->type() == QEvent::FontChange) updateList();
  QWidget::changeEvent(event);
}

}  // namespace dlui
