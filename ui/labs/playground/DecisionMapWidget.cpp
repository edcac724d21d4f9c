// The decision map (see DecisionMapWidget.h). The heat map is a res×res image rebuilt only when a
// new grid arrives (or the colouring changes) and scaled to the plot; points and axes are painted
// on top in raw data coordinates. The points do not move while a run trains: they are drawn once
// into a transparent layer (thousands of outlined, antialiased dots took the GUI thread several
// milliseconds per grid) and only that image is blended over each new heat map.
#include "labs/playground/DecisionMapWidget.h"

#include "widgets/ColorMaps.h"

#include "data/Prepare.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <functional>

namespace dlui {

namespace {

// Tick positions at 1, 2 or 5 × 10^k covering [lo, hi] with about `target` ticks.
std::vector<double> niceTicks(double lo, double hi, int target) {
  std::vector<double> ticks;
  if (!(hi > lo) || !std::isfinite(lo) || !std::isfinite(hi)) return ticks;
  const double raw = (hi - lo) / std::max(target, 1);
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = mag;
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    step = m * mag;
    if (step >= raw) break;
  }
  for (double t = std::ceil(lo / step) * step; t <= hi + step * 1e-9; t += step)
    ticks.push_back(std::abs(t) < step * 1e-9 ? 0.0 : t);
  return ticks;
}

QString tickText(double v) { return QString::number(v, 'g', 4); }

}  // namespace

// ---------------------------------------------------------------------------------------------
// The painted part.

class MapCanvas : public QWidget {
public:
  explicit MapCanvas(QWidget* parent) : QWidget(parent) {
    setMinimumSize(160, 160);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAttribute(Qt::WA_OpaquePaintEvent);
  }

  // Called when the room the axes and the legend take beside the plot changes (presentation mode),
  // so that whoever sized the map for a square can size it again.
  std::function<void()> extentChanged;
  void checkExtent() {
    if (!m_presentation) return;
    const int extent = leftMargin() + static_cast<int>(std::ceil(legendColumnWidth()));
    if (extent == m_extent) return;
    m_extent = extent;
    if (extentChanged) extentChanged();
  }

  void setData(std::shared_ptr<const dl::PreparedData> data) {
    m_data = std::move(data);
    m_points = QImage();
    m_targetScale = 0;
    if (m_data && m_data->train.task == dl::Task::Regression && m_data->train.targets.size() > 0)
      m_targetScale = static_cast<double>(m_data->train.targets.cwiseAbs().maxCoeff());
    m_heatDirty = true;
    checkExtent();
    update();
  }
  void setGrid(std::shared_ptr<const dl::GridEvaluation> grid) {
    m_grid = std::move(grid);
    m_heatDirty = true;
    checkExtent();
    update();
  }
  void setMapFeatures(std::vector<int> f) {
    m_features = std::move(f);
    m_points = QImage();
    checkExtent();
    update();
  }
  void setShowValidation(bool on) {
    m_showValidation = on;
    m_points = QImage();
    checkExtent();
    update();
  }
  void setDiscretize(bool on) {
    m_discretize = on;
    m_heatDirty = true;
    update();
  }
  void setPresentationMode(bool on) {
    m_presentation = on;
    m_points = QImage();
    m_extent = -1;
    update();
  }

  // Where the square plot and the legend go in the canvas (the legend beside the plot in
  // presentation mode, under it otherwise).
  struct Geometry {
    QRectF plot;
    QRectF legend;
    bool legendBeside = false;
  };
  Geometry mapGeometry() const;
  // The canvas size that shows a plot `side` pixels square with its axes and legend.
  QSize sizeForPlot(int side) const;

protected:
  void paintEvent(QPaintEvent*) override;

private:
  static constexpr double kLegendGap = 14;
  int leftMargin() const;
  double legendColumnWidth() const;
  void paintLegendColumn(QPainter& p, const QRectF& area);
  bool regression() const {
    if (m_data) return m_data->train.task == dl::Task::Regression;
    return false;
  }
  // The grid covers the network's input plane: points are drawn from the preprocessed parts.
  bool inputSpace() const { return m_grid && m_grid->space == dl::MapSpace::NetworkInputs; }
  // The mapped features (raw) or network inputs (input space).
  std::vector<int> features() const {
    return inputSpace() ? std::vector<int>{m_grid->xFeature, m_grid->yFeature} : m_features;
  }
  QString axisName(int f) const;
  // Data with one feature: it runs across, and up is the target (regression, with the network's
  // prediction drawn as a curve) or the class (one band per class, points jittered within it).
  bool oneDimensional() const {
    return !inputSpace() && m_data && m_data->trainRaw.rows() == 1 && !m_features.empty() && m_features[0] == 0;
  }
  // Where point i of a data part sits vertically on a one-feature map.
  double oneDimensionalY(dl::Index i, const std::vector<int>* labels, const dl::Matrix* targets) const {
    if (regression()) return targets && i < targets->cols() ? static_cast<double>((*targets)(0, i)) : 0.0;
    const double jitter = static_cast<double>((static_cast<std::uint64_t>(i) * 2654435761ULL) % 1000) / 1000.0 - 0.5;
    const int label = labels && i < static_cast<dl::Index>(labels->size()) ? (*labels)[static_cast<std::size_t>(i)] : 0;
    return label + 0.6 * jitter;
  }
  void paintCurve(QPainter& p, const QRectF& plot, double x0, double x1, double y0, double y1);
  int classCount() const {
    if (m_data && m_data->train.numClasses > 0) return m_data->train.numClasses;
    if (m_grid) return std::max<int>(2, static_cast<int>(m_grid->values.rows()));
    return 2;
  }
  void rebuildHeat();
  void bounds(double& x0, double& x1, double& y0, double& y1) const;
  void paintPoints(QPainter& p, const QRectF& plot, double x0, double x1, double y0, double y1);
  // The points layer for this plot and these bounds, redrawn when they (or the data, features,
  // validation toggle, presentation mode or pixel ratio) changed.
  const QImage& pointsLayer(const QRectF& plot, double x0, double x1, double y0, double y1);
  void paintAxes(QPainter& p, const QRectF& plot, double x0, double x1, double y0, double y1);
  void paintLegend(QPainter& p, const QRectF& area);
  QString className(int c) const {
    if (m_data && c < static_cast<int>(m_data->train.classNames.size())) {
      const QString own = QString::fromStdString(m_data->train.classNames[static_cast<std::size_t>(c)]);
      if (own != QString::number(c)) return own;  // a CSV's own label text
    }
    return DecisionMapWidget::tr("class %1").arg(c);
  }

  std::shared_ptr<const dl::PreparedData> m_data;
  std::shared_ptr<const dl::GridEvaluation> m_grid;
  std::vector<int> m_features = {0, 1};
  QImage m_heat;
  bool m_heatDirty = true;
  QImage m_points;         // the dots on a transparent widget-sized image; null: draw anew
  QRectF m_pointsPlot;     // the plot rectangle and bounds m_points was drawn for
  double m_pointsBounds[4] = {0, 0, 0, 0};
  bool m_showValidation = true;
  bool m_discretize = false;
  bool m_presentation = false;
  double m_targetScale = 0;  // regression: max |target|, so colours mean the same on map and points
  int m_extent = -1;         // the last leftMargin() + legend width reported
};

void MapCanvas::rebuildHeat() {
  m_heatDirty = false;
  m_heat = QImage();
  if (!m_grid || m_grid->resolution <= 0) return;
  const int res = m_grid->resolution;
  const dl::Matrix& v = m_grid->values;  // (classes or 1 or targets, res²)
  if (v.cols() != static_cast<dl::Index>(res) * res || v.rows() == 0) return;
  m_heat = QImage(res, res, QImage::Format_RGB32);
  const bool reg = regression();
  double scale = m_targetScale;
  if (reg && !(scale > 0)) scale = std::max(1e-12, static_cast<double>(v.row(0).cwiseAbs().maxCoeff()));
  const int k = static_cast<int>(v.rows());
  const int classes = reg ? 0 : (k == 1 ? 2 : k);
  std::vector<QRgb> palette(static_cast<std::size_t>(std::max(classes, 1)));
  for (int c = 0; c < classes; ++c) palette[static_cast<std::size_t>(c)] = colors::classColor(c).rgb();
  std::vector<double> prob(static_cast<std::size_t>(std::max(classes, 1)));
  for (int j = 0; j < res; ++j) {
    auto* line = reinterpret_cast<QRgb*>(m_heat.scanLine(res - 1 - j));  // y grows upwards
    for (int i = 0; i < res; ++i) {
      const dl::Index col = static_cast<dl::Index>(j) * res + i;
      if (reg) {
        double t = static_cast<double>(v(0, col)) / scale;
        if (m_discretize) t = std::round(t * 5.0) / 5.0;
        line[i] = colors::mix(0xffffffff, colors::diverging(t), 0.7);
        continue;
      }
      if (k == 1) {
        prob[1] = std::clamp(static_cast<double>(v(0, col)), 0.0, 1.0);
        prob[0] = 1.0 - prob[1];
      } else {
        for (int c = 0; c < classes; ++c) prob[static_cast<std::size_t>(c)] = static_cast<double>(v(c, col));
      }
      int best = 0;
      for (int c = 1; c < classes; ++c)
        if (prob[static_cast<std::size_t>(c)] > prob[static_cast<std::size_t>(best)]) best = c;
      if (!std::isfinite(prob[static_cast<std::size_t>(best)])) {
        line[i] = qRgb(0xc4, 0xc4, 0xc4);
        continue;
      }
      if (m_discretize) {
        line[i] = colors::mix(0xffffffff, palette[static_cast<std::size_t>(best)], 0.55);
        continue;
      }
      if (classes == 2) {  // orange → white → blue, as in TF Playground: no muddy mixture at the boundary
        line[i] = colors::mix(0xffffffff, colors::diverging(prob[1] - prob[0]), 0.75);
        continue;
      }
      double r = 0, g = 0, b = 0;
      for (int c = 0; c < classes; ++c) {
        const double w = prob[static_cast<std::size_t>(c)];
        r += w * qRed(palette[static_cast<std::size_t>(c)]);
        g += w * qGreen(palette[static_cast<std::size_t>(c)]);
        b += w * qBlue(palette[static_cast<std::size_t>(c)]);
      }
      // Uncertain regions fade to white, as in TF Playground, so the boundary stands out.
      const double chance = 1.0 / classes;
      const double confidence = std::clamp((prob[static_cast<std::size_t>(best)] - chance) / (1.0 - chance), 0.0, 1.0);
      const QRgb blended = qRgb(static_cast<int>(r), static_cast<int>(g), static_cast<int>(b));
      line[i] = colors::mix(0xffffffff, blended, 0.12 + 0.6 * confidence);
    }
  }
}

void MapCanvas::bounds(double& x0, double& x1, double& y0, double& y1) const {
  if (m_grid && m_grid->x1 > m_grid->x0 && m_grid->y1 > m_grid->y0) {
    x0 = m_grid->x0, x1 = m_grid->x1, y0 = m_grid->y0, y1 = m_grid->y1;
    return;
  }
  // Before the first grid: the plane the trainer's grid will cover.
  x0 = -1, x1 = 1, y0 = -1, y1 = 1;
  if (!m_data || m_data->trainRaw.cols() == 0 || m_features.size() < 2) return;
  const dl::Index rows = m_data->trainRaw.rows();
  if (m_features[0] >= rows || (!oneDimensional() && m_features[1] >= rows)) return;
  dl::mapBounds(*m_data, m_features, x0, x1, y0, y1);
}

// Room left of the plot for the vertical axis: its title and its tick labels. On a projector every
// pixel of width counts, so there it is measured on the labels the axis will show.
int MapCanvas::leftMargin() const {
  const QFontMetrics fm(font());
  if (!m_presentation || (oneDimensional() && !regression()))
    return fm.horizontalAdvance(QStringLiteral("−0.000")) + 10 + fm.height();
  double x0, x1, y0, y1;
  bounds(x0, x1, y0, y1);
  int widest = fm.horizontalAdvance(QStringLiteral("0"));
  for (double t : niceTicks(y0, y1, std::max(2, static_cast<int>(height() / (fm.height() * 2.5)))))
    widest = std::max(widest, fm.horizontalAdvance(tickText(t)));
  return fm.height() + widest + 14;
}

MapCanvas::Geometry MapCanvas::mapGeometry() const {
  const QFontMetrics fm(font());
  const int left = leftMargin();
  const int bottom = 2 * fm.height() + 8;
  Geometry g;
  if (m_presentation) {
    // The legend in a column beside the plot: the height all goes to the square.
    const double legend = legendColumnWidth();
    const QRectF avail(left, 6, width() - left - 10 - legend - kLegendGap, height() - 6 - bottom);
    const double side = std::max(40.0, std::min(avail.width(), avail.height()));
    const double slack = std::max(0.0, avail.width() - side);
    g.plot = QRectF(avail.left() + slack / 2, avail.top(), side, side);
    g.legend = QRectF(g.plot.right() + kLegendGap, g.plot.top(), legend, side);
    g.legendBeside = true;
    return g;
  }
  const int legendH = fm.height() + 10;
  const QRectF avail(left, 6, width() - left - 10, height() - 6 - bottom - legendH);
  const double side = std::max(40.0, std::min(avail.width(), avail.height()));
  g.plot = QRectF(avail.left() + (avail.width() - side) / 2, avail.top(), side, side);
  g.legend = QRectF(4, g.plot.bottom() + bottom, width() - 8, legendH);
  return g;
}

QSize MapCanvas::sizeForPlot(int side) const {
  const QFontMetrics fm(font());
  const int left = leftMargin();
  const int bottom = 2 * fm.height() + 8;
  if (m_presentation)
    return {left + side + static_cast<int>(std::ceil(kLegendGap + legendColumnWidth())) + 10, 6 + side + bottom};
  return {left + side + 10, 6 + side + bottom + fm.height() + 10};
}

void MapCanvas::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), palette().window());
  p.setRenderHint(QPainter::Antialiasing);
  const Geometry g = mapGeometry();
  const QRectF& plot = g.plot;

  double x0, x1, y0, y1;
  bounds(x0, x1, y0, y1);
  if (m_heatDirty) rebuildHeat();
  if (!m_heat.isNull()) {
    p.setRenderHint(QPainter::SmoothPixmapTransform, true);
    p.drawImage(plot, m_heat);
  } else {
    p.fillRect(plot, QColor(0xf4, 0xf4, 0xf4));
  }
  const QImage& points = pointsLayer(plot, x0, x1, y0, y1);
  if (!points.isNull()) {
    const qreal dpr = points.devicePixelRatio();
    const QRect source = QRectF(plot.topLeft() * dpr, plot.size() * dpr).toAlignedRect().intersected(points.rect());
    p.drawImage(QRectF(QPointF(source.topLeft()) / dpr, QSizeF(source.size()) / dpr), points, source);
  }
  if (oneDimensional() && regression()) {
    p.save();
    p.setClipRect(plot);
    paintCurve(p, plot, x0, x1, y0, y1);
    p.restore();
  }
  paintAxes(p, plot, x0, x1, y0, y1);
  if (g.legendBeside)
    paintLegendColumn(p, g.legend);
  else
    paintLegend(p, g.legend);
}

const QImage& MapCanvas::pointsLayer(const QRectF& plot, double x0, double x1, double y0, double y1) {
  const qreal dpr = devicePixelRatioF();
  const QSize pixels = (QSizeF(size()) * dpr).toSize();
  const bool same = !m_points.isNull() && m_points.size() == pixels && m_points.devicePixelRatio() == dpr &&
                    m_pointsPlot == plot && m_pointsBounds[0] == x0 && m_pointsBounds[1] == x1 &&
                    m_pointsBounds[2] == y0 && m_pointsBounds[3] == y1;
  if (same || !m_data || pixels.isEmpty()) return m_points;
  m_points = QImage(pixels, QImage::Format_ARGB32_Premultiplied);
  m_points.setDevicePixelRatio(dpr);
  m_points.fill(Qt::transparent);
  m_pointsPlot = plot;
  m_pointsBounds[0] = x0, m_pointsBounds[1] = x1, m_pointsBounds[2] = y0, m_pointsBounds[3] = y1;
  QPainter p(&m_points);
  p.setRenderHint(QPainter::Antialiasing);
  p.setClipRect(plot);
  paintPoints(p, plot, x0, x1, y0, y1);
  return m_points;
}

void MapCanvas::paintPoints(QPainter& p, const QRectF& plot, double x0, double x1, double y0, double y1) {
  const std::vector<int> mapped = features();
  if (!m_data || mapped.size() < 2) return;
  const double radius = m_presentation ? 5.5 : 3.5;
  const bool reg = regression();
  const double scale = m_targetScale > 0 ? m_targetScale : 1.0;
  const bool oneD = oneDimensional();
  auto draw = [&](const dl::Matrix& raw, const std::vector<int>* labels, const dl::Matrix* targets, bool validation) {
    const dl::Index fx = mapped[0], fy = mapped[1];
    if (fx >= raw.rows() || (!oneD && fy >= raw.rows())) return;
    const dl::Index n = raw.cols();
    const dl::Index stride = std::max<dl::Index>(1, n / 6000);  // a playground never needs more dots
    QPen outline(validation ? QColor(20, 20, 20) : QColor(255, 255, 255),
                 validation ? (m_presentation ? 2.0 : 1.4) : 1.0);
    p.setPen(outline);
    for (dl::Index i = 0; i < n; i += stride) {
      QColor fill(0x60, 0x60, 0x60);
      if (reg) {
        if (targets && i < targets->cols())
          fill = QColor::fromRgb(colors::diverging(static_cast<double>((*targets)(0, i)) / scale));
      } else if (labels && i < static_cast<dl::Index>(labels->size())) {
        fill = colors::classColor((*labels)[static_cast<std::size_t>(i)]);
      }
      p.setBrush(fill);
      const double px = plot.left() + (raw(fx, i) - x0) / (x1 - x0) * plot.width();
      const double y = oneD ? oneDimensionalY(i, labels, targets) : static_cast<double>(raw(fy, i));
      const double py = plot.bottom() - (y - y0) / (y1 - y0) * plot.height();
      p.drawEllipse(QPointF(px, py), radius, radius);
    }
  };
  const dl::PreparedData& d = *m_data;
  if (inputSpace()) {  // what the network is fed (the training part after any resampling)
    draw(d.train.X, &d.train.labels, reg ? &d.train.targets : nullptr, false);
    if (m_showValidation) draw(d.validation.X, &d.validation.labels, reg ? &d.validation.targets : nullptr, true);
    return;
  }
  // Raw training points are stored before resampling; regression is never resampled, so its
  // training targets line up with trainRaw.
  draw(d.trainRaw, &d.trainRawLabels, reg && d.train.targets.cols() == d.trainRaw.cols() ? &d.train.targets : nullptr,
       false);
  if (m_showValidation) draw(d.validationRaw, &d.validation.labels, reg ? &d.validation.targets : nullptr, true);
}

// One feature, regression: the network's prediction along the feature, over the points.
void MapCanvas::paintCurve(QPainter& p, const QRectF& plot, double x0, double x1, double y0, double y1) {
  if (!m_grid || m_grid->resolution < 2 || m_grid->values.rows() < 1 || !(m_grid->x1 > m_grid->x0)) return;
  const int res = m_grid->resolution;
  QPolygonF curve;
  for (int gx = 0; gx < res; ++gx) {
    const double x = m_grid->x0 + (m_grid->x1 - m_grid->x0) * gx / (res - 1);
    const double y = static_cast<double>(m_grid->values(0, gx));  // every grid row is the same
    if (!std::isfinite(y)) continue;
    curve << QPointF(plot.left() + (x - x0) / (x1 - x0) * plot.width(),
                     plot.bottom() - (y - y0) / (y1 - y0) * plot.height());
  }
  p.setPen(QPen(QColor(20, 20, 20), m_presentation ? 4.0 : 2.5));
  p.setBrush(Qt::NoBrush);
  p.drawPolyline(curve);
}

void MapCanvas::paintAxes(QPainter& p, const QRectF& plot, double x0, double x1, double y0, double y1) {
  const QFontMetrics fm(font());
  p.setRenderHint(QPainter::Antialiasing, false);
  p.setPen(QPen(palette().windowText().color(), m_presentation ? 2 : 1));
  p.setBrush(Qt::NoBrush);
  p.drawRect(plot);
  const int tick = 4;
  const int target =
      std::max(2, static_cast<int>(plot.width() / (fm.horizontalAdvance(QStringLiteral("−0.00")) * 1.5)));
  for (double t : niceTicks(x0, x1, target)) {
    const double px = plot.left() + (t - x0) / (x1 - x0) * plot.width();
    p.drawLine(QPointF(px, plot.bottom()), QPointF(px, plot.bottom() + tick));
    const QString s = tickText(t);
    p.drawText(QRectF(px - 40, plot.bottom() + tick, 80, fm.height()), Qt::AlignHCenter | Qt::AlignTop, s);
  }
  if (oneDimensional() && !regression()) {  // one band per class, labelled with its name
    const auto& names = m_data->train.classNames;
    for (int k = 0; k < classCount(); ++k) {
      const double py = plot.bottom() - (k - y0) / (y1 - y0) * plot.height();
      p.drawLine(QPointF(plot.left() - tick, py), QPointF(plot.left(), py));
      const QString label = k < static_cast<int>(names.size())
                                ? QString::fromStdString(names[static_cast<std::size_t>(k)])
                                : QString::number(k);
      p.drawText(QRectF(plot.left() - tick - 3 - 80, py - fm.height() / 2.0, 80, fm.height()),
                 Qt::AlignRight | Qt::AlignVCenter, fm.elidedText(label, Qt::ElideRight, plot.left() - tick - 6));
    }
  } else {
    for (double t : niceTicks(y0, y1, std::max(2, static_cast<int>(plot.height() / (fm.height() * 2.5))))) {
      const double py = plot.bottom() - (t - y0) / (y1 - y0) * plot.height();
      p.drawLine(QPointF(plot.left() - tick, py), QPointF(plot.left(), py));
      p.drawText(QRectF(plot.left() - tick - 3 - 80, py - fm.height() / 2.0, 80, fm.height()),
                 Qt::AlignRight | Qt::AlignVCenter, tickText(t));
    }
  }
  // Axis titles: the mapped features' names.
  QString xName = QStringLiteral("x1"), yName = QStringLiteral("x2");
  if (inputSpace()) {
    xName = axisName(m_grid->xFeature);
    yName = axisName(m_grid->yFeature);
  } else if (m_data && m_features.size() >= 2) {
    const auto& names = m_data->train.featureNames;
    if (m_features[0] < static_cast<int>(names.size()))
      xName = QString::fromStdString(names[static_cast<std::size_t>(m_features[0])]);
    if (m_features[1] < static_cast<int>(names.size()))
      yName = QString::fromStdString(names[static_cast<std::size_t>(m_features[1])]);
    if (oneDimensional())
      yName = regression() ? DecisionMapWidget::tr("target (line: the network's prediction)")
                           : DecisionMapWidget::tr("class");
  }
  p.drawText(QRectF(plot.left(), plot.bottom() + tick + fm.height(), plot.width(), fm.height() + 4),
             Qt::AlignHCenter | Qt::AlignVCenter, xName);
  p.save();
  p.translate(fm.height() / 2.0 + 2, plot.center().y());
  p.rotate(-90);
  p.drawText(QRectF(-plot.height() / 2, -fm.height() / 2.0, plot.height(), fm.height()), Qt::AlignCenter, yName);
  p.restore();
  p.setRenderHint(QPainter::Antialiasing, true);
}

// A network input's name on an input-space map: the feature it comes from and what was done to it.
QString MapCanvas::axisName(int f) const {
  if (!m_data) return QStringLiteral("x%1").arg(f + 1);
  const dl::Preprocessor& pre = m_data->preprocessor;
  if (pre.whiten) return DecisionMapWidget::tr("whitened input %1").arg(f + 1);
  const auto& names = m_data->inputNames;
  const QString name = f < static_cast<int>(names.size()) ? QString::fromStdString(names[static_cast<std::size_t>(f)])
                                                          : QStringLiteral("x%1").arg(f + 1);
  return pre.standardize ? DecisionMapWidget::tr("%1, standardised").arg(name)
                         : DecisionMapWidget::tr("%1, as fed to the network").arg(name);
}

void MapCanvas::paintLegend(QPainter& p, const QRectF& area) {
  const QFontMetrics fm(font());
  const double box = fm.height() * 0.7;
  double x = area.left() + 4;
  const double cy = area.center().y();
  p.setPen(palette().windowText().color());
  auto item = [&](const QColor& fill, const QColor& edge, bool round, const QString& text) {
    if (x + box + 6 + fm.horizontalAdvance(text) > area.right()) return;
    p.setPen(QPen(edge, 1.2));
    p.setBrush(fill);
    const QRectF r(x, cy - box / 2, box, box);
    if (round)
      p.drawEllipse(r);
    else
      p.drawRect(r);
    x += box + 4;
    p.setPen(palette().windowText().color());
    p.drawText(QRectF(x, area.top(), fm.horizontalAdvance(text) + 2, area.height()), Qt::AlignVCenter | Qt::AlignLeft,
               text);
    x += fm.horizontalAdvance(text) + 12;
  };
  // The colours matter more than the point styles: on a narrow map (a projector) the training /
  // validation entries give way so every class, or the colour scale, keeps its place.
  const auto width = [&](const QString& text) { return box + 4 + fm.horizontalAdvance(text) + 12; };
  const QString training = DecisionMapWidget::tr("training"), validation = DecisionMapWidget::tr("validation");
  double colours = 0;
  if (regression()) {
    colours = 30 + 2 * fm.horizontalAdvance(QStringLiteral("−0.000")) + 12;
  } else {
    for (int c = 0; c < classCount(); ++c) colours += width(className(c));
  }
  const double styles = width(training) + (m_showValidation ? width(validation) : 0);
  if (x + styles + colours <= area.right()) {
    item(QColor(0x90, 0x90, 0x90), Qt::white, true, training);
    if (m_showValidation) item(QColor(0x90, 0x90, 0x90), QColor(20, 20, 20), true, validation);
  }
  if (regression()) {
    const double w = std::min(160.0, area.right() - x - 2 * fm.horizontalAdvance(QStringLiteral("−0.000")) - 12);
    if (w < 30) return;
    const QString lo = tickText(-(m_targetScale > 0 ? m_targetScale : 1.0));
    const QString hi = tickText(m_targetScale > 0 ? m_targetScale : 1.0);
    p.drawText(QRectF(x, area.top(), fm.horizontalAdvance(lo) + 2, area.height()), Qt::AlignVCenter, lo);
    x += fm.horizontalAdvance(lo) + 6;
    QLinearGradient g(x, 0, x + w, 0);
    g.setColorAt(0, QColor::fromRgb(colors::diverging(-1)));
    g.setColorAt(0.5, QColor::fromRgb(colors::diverging(0)));
    g.setColorAt(1, QColor::fromRgb(colors::diverging(1)));
    p.setPen(QPen(QColor(120, 120, 120), 1));
    p.setBrush(g);
    p.drawRect(QRectF(x, cy - box / 2, w, box));
    x += w + 6;
    p.setPen(palette().windowText().color());
    p.drawText(QRectF(x, area.top(), fm.horizontalAdvance(hi) + 2, area.height()), Qt::AlignVCenter, hi);
    return;
  }
  for (int c = 0; c < classCount(); ++c)
    item(colors::classColor(c), colors::classColor(c).darker(130), false, className(c));
}

// The legend as a column beside the plot (presentation mode): one entry per line, the class colours
// first; for regression a vertical colour scale from the largest target (top) to its negative.
double MapCanvas::legendColumnWidth() const {
  const QFontMetrics fm(font());
  const double box = fm.height() * 0.7;
  double text = std::max(fm.horizontalAdvance(DecisionMapWidget::tr("training")),
                         m_showValidation ? fm.horizontalAdvance(DecisionMapWidget::tr("validation")) : 0);
  double width = box + 6 + text;
  if (regression()) {
    const double scale = m_targetScale > 0 ? m_targetScale : 1.0;
    width = std::max(
        width, box * 1.4 + 6 + std::max(fm.horizontalAdvance(tickText(scale)), fm.horizontalAdvance(tickText(-scale))));
  } else {
    double names = 0;
    for (int c = 0; c < classCount(); ++c) names = std::max<double>(names, fm.horizontalAdvance(className(c)));
    width = std::max(width, box + 6 + std::min(names, fm.horizontalAdvance(QLatin1Char('M')) * 12.0));
  }
  return width + 2;
}

void MapCanvas::paintLegendColumn(QPainter& p, const QRectF& area) {
  const QFontMetrics fm(font());
  const double box = fm.height() * 0.7;
  const double line = fm.height() * 1.35;
  const double textWidth = area.width() - box - 6;
  double y = area.top();
  auto item = [&](const QColor& fill, const QColor& edge, bool round, const QString& text) {
    if (y + line > area.bottom()) return;
    p.setPen(QPen(edge, m_presentation ? 2.0 : 1.2));
    p.setBrush(fill);
    const QRectF r(area.left(), y + (line - box) / 2, box, box);
    if (round)
      p.drawEllipse(r);
    else
      p.drawRect(r);
    p.setPen(palette().windowText().color());
    p.drawText(QRectF(area.left() + box + 6, y, textWidth, line), Qt::AlignVCenter | Qt::AlignLeft,
               fm.elidedText(text, Qt::ElideRight, static_cast<int>(textWidth)));
    y += line;
  };
  if (regression()) {
    const double scale = m_targetScale > 0 ? m_targetScale : 1.0;
    const double barH = std::min(area.height() - 2 * line, std::max(60.0, area.height() * 0.5));
    const QRectF bar(area.left(), area.top() + line / 2, box * 1.4, barH);
    QLinearGradient g(0, bar.top(), 0, bar.bottom());
    g.setColorAt(0, QColor::fromRgb(colors::diverging(1)));
    g.setColorAt(0.5, QColor::fromRgb(colors::diverging(0)));
    g.setColorAt(1, QColor::fromRgb(colors::diverging(-1)));
    p.setPen(QPen(QColor(120, 120, 120), 1));
    p.setBrush(g);
    p.drawRect(bar);
    p.setPen(palette().windowText().color());
    const double tx = bar.right() + 6;
    p.drawText(QRectF(tx, bar.top() - line / 2, area.right() - tx, line), Qt::AlignVCenter | Qt::AlignLeft,
               tickText(scale));
    p.drawText(QRectF(tx, bar.bottom() - line / 2, area.right() - tx, line), Qt::AlignVCenter | Qt::AlignLeft,
               tickText(-scale));
    y = bar.bottom() + line;
  } else {
    for (int c = 0; c < classCount(); ++c)
      item(colors::classColor(c), colors::classColor(c).darker(130), false, className(c));
  }
  y += line / 3;
  item(QColor(0x90, 0x90, 0x90), Qt::white, true, DecisionMapWidget::tr("training"));
  if (m_showValidation) item(QColor(0x90, 0x90, 0x90), QColor(20, 20, 20), true, DecisionMapWidget::tr("validation"));
}

// ---------------------------------------------------------------------------------------------
// The widget: toggles, feature combos and the canvas.

DecisionMapWidget::DecisionMapWidget(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("decisionMap"));
  m_canvas = new MapCanvas(this);
  m_canvas->extentChanged = [this] { emit plotExtentChanged(); };
  m_showValidation = new QCheckBox(this);
  m_showValidation->setChecked(true);
  m_discretize = new QCheckBox(this);
  m_networkInputs = new QCheckBox(this);
  m_networkInputs->setObjectName(QStringLiteral("mapNetworkInputs"));
  m_featureRow = new QWidget(this);
  m_xLabel = new QLabel(m_featureRow);
  m_xFeature = new QComboBox(m_featureRow);
  m_yLabel = new QLabel(m_featureRow);
  m_yFeature = new QComboBox(m_featureRow);
  m_xFeature->setObjectName(QStringLiteral("mapXFeature"));
  m_yFeature->setObjectName(QStringLiteral("mapYFeature"));
  for (QComboBox* c : {m_xFeature, m_yFeature}) {
    c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    c->setMinimumContentsLength(6);
  }
  auto* features = new QHBoxLayout(m_featureRow);
  features->setContentsMargins(0, 0, 0, 0);
  features->addWidget(m_xLabel);
  features->addWidget(m_xFeature, 1);
  features->addWidget(m_yLabel);
  features->addWidget(m_yFeature, 1);
  m_featureRow->hide();

  auto* toggles = new QHBoxLayout;
  toggles->addWidget(m_showValidation);
  toggles->addWidget(m_discretize);
  toggles->addWidget(m_networkInputs);
  toggles->addStretch(1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->setSpacing(2);
  layout->addLayout(toggles);
  layout->addWidget(m_featureRow);
  layout->addWidget(m_canvas, 1);

  connect(m_showValidation, &QCheckBox::toggled, this, [this](bool on) { m_canvas->setShowValidation(on); });
  connect(m_discretize, &QCheckBox::toggled, this, [this](bool on) { m_canvas->setDiscretize(on); });
  connect(m_networkInputs, &QCheckBox::toggled, this, &DecisionMapWidget::networkInputsToggled);
  connect(m_xFeature, qOverload<int>(&QComboBox::activated), this, &DecisionMapWidget::featureComboActivated);
  connect(m_yFeature, qOverload<int>(&QComboBox::activated), this, &DecisionMapWidget::featureComboActivated);
  retranslateUi();
}

DecisionMapWidget::~DecisionMapWidget() = default;

QWidget* DecisionMapWidget::canvas() const { return m_canvas; }

void DecisionMapWidget::applySnapshot(const SnapshotPtr& s) {
  if (!s) return;
  if (s->config.data.mapFeatures != m_mapFeatures) {
    m_mapFeatures = s->config.data.mapFeatures;
    m_canvas->setMapFeatures(m_mapFeatures);
    fillFeatureCombos();
  }
  if (s->data && s->data != m_data) {
    m_data = s->data;
    m_canvas->setData(m_data);
    fillFeatureCombos();
    // One input has no plane to show: the raw map already draws it against the target or class.
    m_networkInputs->setEnabled(m_data->train.features() >= 2);
  }
  if (s->grid) m_canvas->setGrid(s->grid);
}

void DecisionMapWidget::setShowValidation(bool on) { m_showValidation->setChecked(on); }
void DecisionMapWidget::setDiscretize(bool on) { m_discretize->setChecked(on); }
void DecisionMapWidget::setPresentationMode(bool on) {
  m_canvas->setPresentationMode(on);
  // The toggles move to the classroom column: the height goes to the map.
  m_showValidation->setVisible(!on);
  m_discretize->setVisible(!on);
  m_networkInputs->setVisible(!on);
  updateGeometry();
}

bool DecisionMapWidget::showsValidation() const { return m_showValidation->isChecked(); }
bool DecisionMapWidget::discretized() const { return m_discretize->isChecked(); }

QRect DecisionMapWidget::plotRect() const {
  return m_canvas->mapGeometry().plot.toAlignedRect().translated(m_canvas->pos());
}

QSize DecisionMapWidget::sizeForPlot(int side) const {
  const QSize canvas = m_canvas->sizeForPlot(side);
  const QMargins m = layout()->contentsMargins();
  int h = canvas.height() + m.top() + m.bottom();
  int w = canvas.width() + m.left() + m.right();
  for (QLayoutItem* item : {layout()->itemAt(0), layout()->itemAt(1)}) {  // the toggles, the feature row
    if (!item || item->isEmpty()) continue;
    h += item->sizeHint().height() + layout()->spacing();
    w = std::max(w, item->minimumSize().width() + m.left() + m.right());
  }
  return {w, h};
}

void DecisionMapWidget::setNetworkInputs(bool on) { m_networkInputs->setChecked(on); }
bool DecisionMapWidget::networkInputs() const { return m_networkInputs->isChecked(); }

void DecisionMapWidget::fillFeatureCombos() {
  const int n = m_data ? static_cast<int>(m_data->trainRaw.rows()) : 2;  // raw features (not expanded inputs)
  m_featureRow->setVisible(n > 2);
  if (!m_data) return;
  for (QComboBox* c : {m_xFeature, m_yFeature}) {
    const QSignalBlocker blocker(c);
    c->clear();
    for (int i = 0; i < n; ++i) {
      const auto& names = m_data->train.featureNames;
      c->addItem(i < static_cast<int>(names.size()) ? QString::fromStdString(names[static_cast<std::size_t>(i)])
                                                    : tr("feature %1").arg(i + 1));
    }
  }
  if (n > 2 && m_mapFeatures.size() >= 2) {
    const QSignalBlocker bx(m_xFeature), by(m_yFeature);
    m_xFeature->setCurrentIndex(std::clamp(m_mapFeatures[0], 0, n - 1));
    m_yFeature->setCurrentIndex(std::clamp(m_mapFeatures[1], 0, n - 1));
  }
}

void DecisionMapWidget::featureComboActivated() {
  const int x = m_xFeature->currentIndex(), y = m_yFeature->currentIndex();
  if (x < 0 || y < 0) return;
  if (m_mapFeatures.size() >= 2 && x == m_mapFeatures[0] && y == m_mapFeatures[1]) return;
  emit mapFeaturesEdited(x, y);
}

void DecisionMapWidget::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QWidget::changeEvent(event);
}

void DecisionMapWidget::retranslateUi() {
  m_showValidation->setText(tr("Show validation"));
  m_showValidation->setToolTip(
      tr("Also draw the validation points (black outline): data the network never trains on."));
  m_discretize->setText(tr("Discretise"));
  m_discretize->setToolTip(
      tr("Colour each region by the most likely class only, instead of blending the class colours by probability."));
  m_networkInputs->setText(tr("Network inputs"));
  m_networkInputs->setToolTip(
      tr("Draw the map over the network's own inputs, after standardisation, whitening or feature expansion, "
         "with the same units on both axes: the data as the network sees it."));
  m_xLabel->setText(tr("x:"));
  m_yLabel->setText(tr("y:"));
  m_xFeature->setToolTip(tr(
      "Feature on the horizontal axis of the map; the other features are held at their training mean. ↻ New weights."));
  m_yFeature->setToolTip(tr(
      "Feature on the vertical axis of the map; the other features are held at their training mean. ↻ New weights."));
  m_canvas->setToolTip(tr("The network's prediction over the plane: colour = class probability; dots = the data."));
  m_canvas->update();
}

}  // namespace dlui
