// The network diagram (see NetworkDiagramWidget.h). Geometry is recomputed on every paint (it is
// cheap); thumbnails only when a new grid arrives, the links with new weights, both in a render
// thread of the widget's own; the links on the GUI thread only for a new layout.
#include "labs/playground/NetworkDiagramWidget.h"

#include "widgets/ColorMaps.h"
#include "widgets/DisplayNames.h"

#include <QEvent>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QThreadPool>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace dlui {

namespace {

constexpr int kMaxThumbs = 128;  // more units than this never fit a column anyway

// Largest finite |value| (at least 1e-6): one overflowing unit must not wash out the others.
double finiteMaxAbs(const dl::Matrix& m) {
  double best = 1e-6;
  for (dl::Index i = 0; i < m.size(); ++i) {
    const double v = std::abs(static_cast<double>(m.data()[i]));
    if (std::isfinite(v)) best = std::max(best, v);
  }
  return best;
}

// `text` in `base`, or in a smaller size of it (down to 60 %) when that is what fits `width`;
// elided only when even that does not fit. The rectangle is the text's, centred on `centre`.
NetworkDiagramWidget::Label fitLabel(const QString& text, const QFont& base, double width, QPointF centre) {
  QFont font = base;
  const qreal size = base.pointSizeF() > 0 ? base.pointSizeF() : 9.0;
  for (qreal f = 1.0; f >= 0.59; f -= 0.05) {
    font.setPointSizeF(size * f);
    if (QFontMetricsF(font).horizontalAdvance(text) <= width) break;
  }
  const QFontMetricsF fm(font);
  const QString shown = fm.elidedText(text, Qt::ElideRight, width);
  const double w = fm.horizontalAdvance(shown), h = fm.height();
  return {shown, font, QRectF(centre.x() - w / 2, centre.y() - h / 2, w, h)};
}

QPointF bezierPoint(const QPointF& a, const QPointF& b, double t) {
  // Cubic with horizontal tangents at both ends: control points at the horizontal midpoint.
  const double mx = (a.x() + b.x()) / 2;
  const QPointF c1(mx, a.y()), c2(mx, b.y());
  const double u = 1 - t;
  return u * u * u * a + 3 * u * u * t * c1 + 3 * u * t * t * c2 + t * t * t * b;
}

double distanceToSegment(const QPointF& p, const QPointF& a, const QPointF& b) {
  const QPointF ab = b - a;
  const double len2 = QPointF::dotProduct(ab, ab);
  const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / len2, 0.0, 1.0) : 0.0;
  const QPointF d = p - (a + t * ab);
  return std::hypot(d.x(), d.y());
}

// The links as antialiased curves on a transparent image. Runs on the GUI thread or in a pool
// thread (only value inputs; QImage painting is thread-safe).
QImage renderLinks(const std::vector<NetworkDiagramWidget::LinkStroke>& strokes, QSize pixels, qreal dpr) {
  QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
  image.setDevicePixelRatio(dpr);
  image.fill(Qt::transparent);
  QPainter p(&image);
  p.setRenderHint(QPainter::Antialiasing);
  for (const NetworkDiagramWidget::LinkStroke& s : strokes) {
    p.setPen(QPen(s.colour, s.width, Qt::SolidLine, Qt::RoundCap));
    QPainterPath path(s.a);
    const double mx = (s.a.x() + s.b.x()) / 2;
    path.cubicTo(QPointF(mx, s.a.y()), QPointF(mx, s.b.y()), s.b);
    p.drawPath(path);
  }
  return image;
}

}  // namespace

NetworkDiagramWidget::NetworkDiagramWidget(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("networkDiagram"));
  // One render thread of its own: in Qt's global pool a link render would hold up the raster
  // engine's parallel fills, for which the GUI thread waits while it paints.
  m_renderPool.setMaxThreadCount(1);
  m_renderPool.setObjectName(QStringLiteral("networkDiagramRender"));
  setMouseTracking(true);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  rebuildColumns();
  retranslateUi();
}

NetworkDiagramWidget::~NetworkDiagramWidget() {
  // A render in flight posts its result to this object: let it finish first (the posted call
  // is then discarded with the object).
  m_renderPool.waitForDone();
}

// Repaints only when something drawn changed: most snapshots carry metrics alone (weights come at
// most every 100 ms, grids every 150 ms). New weights alone redraw the links in a pool thread and
// repaint when they are ready (see startLinkRender).
void NetworkDiagramWidget::applySnapshot(const SnapshotPtr& s) {
  if (!s) return;
  bool structure = false;
  if (s->config.hidden.size() != m_config.hidden.size()) structure = true;
  for (std::size_t i = 0; !structure && i < s->config.hidden.size(); ++i)
    structure = s->config.hidden[i].units != m_config.hidden[i].units;
  bool changed = structure || s->config.data.mapFeatures != m_config.data.mapFeatures;
  for (std::size_t i = 0; !changed && i < s->config.hidden.size(); ++i)
    changed = s->config.hidden[i].activation != m_config.hidden[i].activation;  // column subtitles
  m_config = s->config;
  if (s->data) {
    structure = structure || s->data != m_data;
    changed = changed || s->data != m_data;
    m_data = s->data;
  }
  bool weights = false;
  if (!s->runs.empty() && !s->runs.front().weights.empty()) {
    const auto& w = s->runs.front().weights;
    structure = structure || w.size() != m_weights.size() ||
                (!w.empty() && !m_weights.empty() &&
                 (w.front().W.cols() != m_weights.front().W.cols() || w.back().W.rows() != m_weights.back().W.rows()));
    m_weights = w;
    m_linksDirty = true;
    weights = true;
  }
  if (s->grid) {
    m_grid = s->grid;
    m_thumbsDirty = true;
    changed = true;
  }
  if (structure) {
    rebuildColumns();
    ++m_structureSerial;
    m_thumbs.clear();  // another layer may sit in a column now: grey boxes until the new ones come
    m_thumbRequested.clear();
    m_thumbsDirty = true;
    m_linkLayout.clear();  // the next paint starts the links of the new columns
  }
  if (changed || structure) {
    update();
  } else if (weights) {
    if (isVisible() && !m_linkCache.isNull() && !m_linkLayout.empty())
      startLinkRender();
    else
      m_linkLayout.clear();  // hidden: drawn anew when next painted
  }
}

void NetworkDiagramWidget::setPresentationMode(bool on) {
  m_presentation = on;
  m_linkCache = QImage();  // thicker links, drawn at once
  update();
}

void NetworkDiagramWidget::rebuildColumns() {
  int inputs = 2;
  if (!m_weights.empty() && m_weights.front().W.cols() > 0)
    inputs = static_cast<int>(m_weights.front().W.cols());
  else if (m_data)
    inputs = static_cast<int>(m_data->train.features());
  int outputs = 1;
  if (!m_weights.empty() && m_weights.size() == m_config.hidden.size() + 1)
    outputs = static_cast<int>(m_weights.back().W.rows());
  else if (m_grid)
    outputs = static_cast<int>(m_grid->values.rows());
  else if (m_data && m_data->train.numClasses > 2)
    outputs = m_data->train.numClasses;
  m_columns.assign(m_config.hidden.size() + 2, Column{});
  m_columns.front().units = inputs;
  for (std::size_t l = 0; l < m_config.hidden.size(); ++l) m_columns[l + 1].units = m_config.hidden[l].units;
  m_columns.back().units = std::max(outputs, 1);
}

// Readability first: a neuron is at least 14 px (18 on a projector), and a column at least 2.6
// boxes wide, so its number and unit count fit. A column with more units than fit ends in "+N";
// a network with more columns than fit keeps the input, the first and last hidden layers and the
// output, and folds the middle layers into one "+k layers" slot.
void NetworkDiagramWidget::layoutColumns() {
  const QFontMetrics fm(font());
  const double header = 2 * fm.height() + 8;
  const double margin = 8;
  const double top = header + margin;
  const double h = std::max(20.0, height() - top - margin);
  const int cols = static_cast<int>(m_columns.size());
  const double minBox = m_presentation ? 18 : 14;
  const double minSpacing = std::max(minBox * 2.6, fm.horizontalAdvance(QStringLiteral("+128")) + 10.0);
  const int fit = std::max(5, static_cast<int>((width() - 2 * margin) / minSpacing));
  m_gapFirst = -1;
  m_gapCount = 0;
  m_gapRect = QRectF();
  int slotCount = cols;
  if (cols > fit) {
    // Slots: input, `before` hidden layers, the gap, `after` hidden layers, output.
    const int keep = fit - 3;
    const int before = (keep + 1) / 2, after = keep - before;
    m_gapFirst = 1 + before;
    m_gapCount = cols - 2 - before - after;
    slotCount = fit;
    (void)after;
  }
  const double colSpacing = slotCount > 1 ? (width() - 2 * margin) / slotCount : width();
  m_colSpacing = colSpacing;
  const int cap = std::max(2, static_cast<int>(h / (minBox * 1.3)));
  int maxShown = 1;
  for (int ci = 0; ci < cols; ++ci) {
    Column& c = m_columns[static_cast<std::size_t>(ci)];
    c.visible = m_gapFirst < 0 || ci < m_gapFirst || ci >= m_gapFirst + m_gapCount;
    c.shown = c.visible ? std::min(c.units, cap) : 0;
    maxShown = std::max(maxShown, c.shown);
  }
  const double box =
      std::clamp(std::min(h / (maxShown * 1.3), colSpacing * 0.5), minBox, m_presentation ? 60.0 : 46.0);
  const double pitch = std::max(std::min(box * 1.3, h / maxShown), box + 2);
  for (int ci = 0; ci < cols; ++ci) {
    Column& c = m_columns[static_cast<std::size_t>(ci)];
    const int slot = m_gapFirst < 0 || ci < m_gapFirst ? ci
                     : ci < m_gapFirst + m_gapCount    ? m_gapFirst
                                                       : ci - m_gapCount + 1;
    const double cx = margin + colSpacing * (slot + 0.5);
    c.cx = cx;
    if (!c.visible) {
      c.boxes.clear();
      c.more = QRectF();
      if (ci == m_gapFirst) m_gapRect = QRectF(cx - colSpacing / 2, top, colSpacing, h);
      continue;
    }
    const double y0 = top + (h - c.shown * pitch) / 2 + (pitch - box) / 2;
    c.boxes.clear();
    c.more = QRectF();
    const int drawn = c.shown < c.units ? c.shown - 1 : c.shown;
    for (int u = 0; u < drawn; ++u) c.boxes.emplace_back(cx - box / 2, y0 + u * pitch, box, box);
    if (drawn < c.units) c.more = QRectF(cx - colSpacing / 2, y0 + drawn * pitch, colSpacing, box);
  }
}

int NetworkDiagramWidget::linkRow(int layer, int to, int from) const {
  const dl::Matrix& W = m_weights[static_cast<std::size_t>(layer)].W;
  const int units = m_columns[static_cast<std::size_t>(layer) + 1].units;
  int best = to;
  for (dl::Index r = to; r < W.rows(); r += units)
    if (std::abs(W(r, from)) > std::abs(W(best, from))) best = static_cast<int>(r);
  return best;
}

float NetworkDiagramWidget::linkWeight(int layer, int to, int from) const {
  const dl::Matrix& W = m_weights[static_cast<std::size_t>(layer)].W;
  const int units = m_columns[static_cast<std::size_t>(layer) + 1].units;
  if (W.rows() == units) return W(to, from);
  // Maxout: piece p of unit u is row p·units + u; show the largest piece.
  float best = 0;
  for (dl::Index r = to; r < W.rows(); r += units)
    if (std::abs(W(r, from)) > std::abs(best)) best = W(r, from);
  return best;
}

// Only the shown units get a thumbnail (a 64-unit column shows about 20 boxes): paintEvent asks
// again when the layout shows more boxes than were drawn. Runs in the render thread: every input is
// a value or an immutable snapshot part.
NetworkDiagramWidget::Thumbnails NetworkDiagramWidget::buildThumbnails(const ThumbInput& in) {
  Thumbnails out(in.counts.size());
  const std::shared_ptr<const dl::GridEvaluation>& grid = in.grid;
  const std::shared_ptr<const dl::PreparedData>& data = in.data;
  if (!grid || grid->resolution <= 0 || in.counts.size() < 2) return out;
  const int res = grid->resolution;
  const dl::Index n = static_cast<dl::Index>(res) * res;
  auto image = [res](auto&& colour) {
    QImage img(res, res, QImage::Format_RGB32);
    for (int j = 0; j < res; ++j) {
      auto* line = reinterpret_cast<QRgb*>(img.scanLine(res - 1 - j));
      for (int i = 0; i < res; ++i) line[i] = colour(static_cast<dl::Index>(j) * res + i, i, j);
    }
    return img;
  };
  // Inputs: what the network is fed at each point of the plane — the mapped features vary along x
  // and y, the others held at their mean, then expanded (x₁², sin x₁, ...) and scaled as in training.
  const std::vector<int>& mf = in.mapFeatures;
  dl::Matrix inputs;
  if (data && grid->space == dl::MapSpace::NetworkInputs && data->train.X.cols() > 0) {
    // A map over the network's inputs: the two mapped inputs vary, the others at their mean.
    const dl::Matrix& X = data->train.X;
    const dl::Vector mean = X.cast<double>().rowwise().mean().cast<dl::Scalar>();
    const int fx = grid->xFeature, fy = grid->yFeature;
    dl::Matrix x(X.rows(), n);
    for (dl::Index k = 0; k < n; ++k) {
      const int i = static_cast<int>(k % res), j = static_cast<int>(k / res);
      x.col(k) = mean;
      if (fx < X.rows())
        x(fx, k) = static_cast<dl::Scalar>(grid->x0 + (grid->x1 - grid->x0) * i / std::max(res - 1, 1));
      if (fy < X.rows())
        x(fy, k) = static_cast<dl::Scalar>(grid->y0 + (grid->y1 - grid->y0) * j / std::max(res - 1, 1));
    }
    inputs = std::move(x);
  } else if (data && data->preprocessor.rawMean.size() > 0) {
    const dl::Preprocessor& pre = data->preprocessor;
    const dl::Index raw = pre.rawMean.size();
    const int fx = mf.size() > 0 ? mf[0] : 0, fy = mf.size() > 1 ? mf[1] : 1;
    dl::Matrix x(raw, n);
    for (dl::Index k = 0; k < n; ++k) {
      const int i = static_cast<int>(k % res), j = static_cast<int>(k / res);
      x.col(k) = pre.rawMean;
      if (fx < raw) x(fx, k) = static_cast<dl::Scalar>(grid->x0 + (grid->x1 - grid->x0) * i / std::max(res - 1, 1));
      if (fy < raw) x(fy, k) = static_cast<dl::Scalar>(grid->y0 + (grid->y1 - grid->y0) * j / std::max(res - 1, 1));
    }
    pre.apply(x);
    inputs = std::move(x);
  }
  for (int u = 0; u < static_cast<int>(in.counts.front()); ++u) {
    if (u < inputs.rows() && inputs.cols() == n) {
      const dl::Matrix row = inputs.row(u);
      const double scale = finiteMaxAbs(row);
      // A feature held at its mean is constant over the plane: grey, as before.
      if (row.maxCoeff() - row.minCoeff() < 1e-6 * scale) {
        out.front().push_back(image([](dl::Index, int, int) { return qRgb(0xe8, 0xe8, 0xe8); }));
        continue;
      }
      out.front().push_back(image([&](dl::Index k, int, int) { return colors::diverging(row(0, k) / scale); }));
      continue;
    }
    const bool isX = mf.size() >= 1 && mf[0] == u, isY = mf.size() >= 2 && mf[1] == u;
    out.front().push_back(image([&](dl::Index, int i, int j) {
      if (isX) return colors::diverging(2.0 * i / std::max(res - 1, 1) - 1.0);
      if (isY) return colors::diverging(2.0 * j / std::max(res - 1, 1) - 1.0);
      return qRgb(0xe8, 0xe8, 0xe8);
    }));
  }
  // Hidden layers: one shared scale per layer, so a dead or quiet unit looks pale next to the others.
  for (std::size_t l = 0; l < grid->hidden.size() && l + 2 < in.counts.size(); ++l) {
    const dl::Matrix& A = grid->hidden[l];
    if (A.cols() != n || A.rows() != in.units[l + 1]) continue;
    const double scale = finiteMaxAbs(A);
    // One row of A at a time, copied to contiguous memory: A is column-major (unit-strided).
    for (int u = 0; u < static_cast<int>(in.counts[l + 1]); ++u) {
      const Eigen::Matrix<dl::Scalar, 1, Eigen::Dynamic> row = A.row(u);
      out[l + 1].push_back(image([&](dl::Index k, int, int) { return colors::diverging(row(k) / scale); }));
    }
  }
  // Outputs: a class probability, or the regression value.
  const dl::Matrix& V = grid->values;
  if (V.cols() == n && V.rows() == in.units.back()) {
    const bool reg = data && data->train.task == dl::Task::Regression;
    const double scale = finiteMaxAbs(V);
    for (int u = 0; u < static_cast<int>(in.counts.back()); ++u) {
      out.back().push_back(image([&](dl::Index k, int, int) {
        const double v = V(u, k);
        if (reg) return colors::diverging(v / scale);
        if (V.rows() == 1) return colors::diverging(2 * v - 1);
        return colors::mix(0xffffffff, colors::classColor(u).rgb(), v);
      }));
    }
  }
  return out;
}

// The thumbnails of a new grid (or of more boxes) are coloured in the render thread; the diagram
// keeps showing the previous ones until they arrive.
void NetworkDiagramWidget::startThumbRender(const std::vector<std::size_t>& counts) {
  if (m_thumbRenderRunning) {
    m_thumbsDirty = true;  // thumbsRendered() asks for a repaint, which starts the next one
    return;
  }
  m_thumbRenderRunning = true;
  m_thumbsDirty = false;
  m_thumbRequested = counts;
  ThumbInput in;
  in.grid = m_grid;
  in.data = m_data;
  in.mapFeatures = m_config.data.mapFeatures;
  for (const Column& c : m_columns) in.units.push_back(c.units);
  in.counts = counts;
  m_renderPool.start([this, in = std::move(in), structure = m_structureSerial] {
    Thumbnails thumbs = buildThumbnails(in);
    QMetaObject::invokeMethod(
        this,
        [this, thumbs = std::move(thumbs), structure]() mutable { thumbsRendered(std::move(thumbs), structure); },
        Qt::QueuedConnection);
  });
}

void NetworkDiagramWidget::thumbsRendered(Thumbnails thumbs, quint64 structure) {
  m_thumbRenderRunning = false;
  if (structure == m_structureSerial) {  // else drawn for columns that are gone
    m_thumbs = std::move(thumbs);
  } else {
    m_thumbsDirty = true;
  }
  update();
}

QString NetworkDiagramWidget::columnTitle(int column) const {
  if (column == 0) return tr("Input");
  if (column == static_cast<int>(m_columns.size()) - 1) return tr("Output");
  return tr("Layer %1").arg(column);
}

QString NetworkDiagramWidget::columnSubtitle(int column) const {
  const Column& c = m_columns[static_cast<std::size_t>(column)];
  if (column == 0) return c.units == 1 ? tr("1 feature") : tr("%1 features").arg(c.units);
  if (column == static_cast<int>(m_columns.size()) - 1) {
    if (m_data && m_data->train.task == dl::Task::Regression)
      return c.units == 1 ? tr("1 value") : tr("%1 values").arg(c.units);
    if (c.units == 1) return tr("P(class 1)");
    return tr("%1 classes").arg(c.units);
  }
  const dl::LayerConfig& l = m_config.hidden[static_cast<std::size_t>(column - 1)];
  return QStringLiteral("%1 · %2").arg(c.units).arg(displayName(NameKind::Activation, l.activation));
}

// The links of the current layout and weights, in layout order; also refreshes m_links (read by
// the tooltips). One scale for all layers: relative sizes matter (vanishing and exploding weights
// are the lesson).
std::vector<NetworkDiagramWidget::LinkStroke> NetworkDiagramWidget::linkStrokes() {
  std::vector<LinkStroke> strokes;
  m_links.clear();
  double maxAbs = 1e-12;
  const bool weightsFit = m_weights.size() + 1 == m_columns.size();
  if (weightsFit)
    for (const LayerWeights& w : m_weights)
      if (w.W.size() > 0) maxAbs = std::max(maxAbs, finiteMaxAbs(w.W));
  const double maxWidth = m_presentation ? 8.0 : 5.5;
  for (std::size_t l = 0; weightsFit && l + 1 < m_columns.size(); ++l) {
    const Column& src = m_columns[l];
    const Column& dst = m_columns[l + 1];
    const dl::Matrix& W = m_weights[l].W;
    if (W.cols() != src.units || dst.units == 0 || W.rows() % dst.units != 0) continue;
    // Many links between wide layers: thinner and fainter, so the picture stays readable.
    const double density =
        std::clamp(6.0 / std::sqrt(static_cast<double>(src.boxes.size() * dst.boxes.size())), 0.15, 1.0);
    for (int to = 0; to < static_cast<int>(dst.boxes.size()); ++to) {
      for (int from = 0; from < static_cast<int>(src.boxes.size()); ++from) {
        const float w = linkWeight(static_cast<int>(l), to, from);
        const double r = std::min(1.0, std::abs(w) / maxAbs);
        Link link{QPointF(src.boxes[static_cast<std::size_t>(from)].right(),
                          src.boxes[static_cast<std::size_t>(from)].center().y()),
                  QPointF(dst.boxes[static_cast<std::size_t>(to)].left(),
                          dst.boxes[static_cast<std::size_t>(to)].center().y()),
                  w,
                  static_cast<int>(l) + 1,
                  from,
                  to};
        QColor colour = QColor::fromRgb(w < 0 ? colors::kNegative : colors::kPositive);
        colour.setAlpha(static_cast<int>((40 + 215 * r) * (0.35 + 0.65 * density)));
        strokes.push_back({link.a, link.b, colour, 0.4 + maxWidth * r * density});
        m_links.push_back(link);
      }
    }
  }
  return strokes;
}

// Hundreds of antialiased curves take milliseconds of the GUI thread and more waiting: Qt's
// raster engine hands every larger span batch to the global thread pool and waits for it. New
// weights (up to 10 times a second) are therefore drawn in a pool thread, where the fills stay
// serial, one render at a time; the diagram shows the previous links until the new ones arrive.
void NetworkDiagramWidget::startLinkRender() {
  if (m_linkRenderRunning) return;  // linksRendered() starts the next one
  m_linkRenderRunning = true;
  m_linksDirty = false;
  m_renderPool.start([this, strokes = linkStrokes(), pixels = m_linkCache.size(), dpr = m_linkCache.devicePixelRatio(),
                      layout = m_linkLayout] {
    QImage image = renderLinks(strokes, pixels, dpr);
    QMetaObject::invokeMethod(
        this, [this, image = std::move(image), layout] { linksRendered(image, layout); }, Qt::QueuedConnection);
  });
}

void NetworkDiagramWidget::linksRendered(const QImage& image, const std::vector<std::vector<QRectF>>& layout) {
  m_linkRenderRunning = false;
  // A new layout drawn meanwhile makes this image stale.
  if (!layout.empty() && layout == m_linkLayout && image.size() == m_linkCache.size()) {
    m_linkCache = image;
    update();
  }
  if (m_linksDirty && !m_linkLayout.empty() && isVisible()) startLinkRender();
}

void NetworkDiagramWidget::paintEvent(QPaintEvent*) {
  if (m_columns.size() != m_config.hidden.size() + 2) rebuildColumns();
  layoutColumns();
  std::vector<std::size_t> counts;
  for (const Column& c : m_columns) counts.push_back(std::min(c.boxes.size(), std::size_t{kMaxThumbs}));
  if (m_thumbsDirty || counts != m_thumbRequested) startThumbRender(counts);
  QPainter p(this);
  p.fillRect(rect(), palette().base());
  p.setRenderHint(QPainter::Antialiasing);
  const QFontMetrics fm(font());

  // Links first, so the neurons sit on top: from the cache, drawn here only for a new size (first
  // paint, resize, presentation mode), else in the render thread — a new architecture too: a
  // preset or a ± layer shows its columns at once and its links a moment later, without a stall.
  const qreal dpr = devicePixelRatioF();
  const QSize pixels = (QSizeF(size()) * dpr).toSize();
  std::vector<std::vector<QRectF>> layout;
  for (const Column& c : m_columns) layout.push_back(c.boxes);
  if (m_linkCache.isNull() || m_linkCache.size() != pixels || m_linkCache.devicePixelRatio() != dpr) {
    m_linkCache = renderLinks(linkStrokes(), pixels, dpr);
    m_linkLayout = std::move(layout);
    m_linksDirty = false;
  } else if (layout != m_linkLayout) {
    m_linkLayout = std::move(layout);
    m_linkCache.fill(Qt::transparent);  // the old links join boxes that moved
    m_linksDirty = true;
    startLinkRender();
  } else if (m_linksDirty) {
    startLinkRender();
  }
  p.drawImage(QPointF(0, 0), m_linkCache);

  // Neurons.
  const QColor frame = palette().windowText().color();
  for (std::size_t ci = 0; ci < m_columns.size(); ++ci) {
    const Column& c = m_columns[ci];
    for (std::size_t u = 0; u < c.boxes.size(); ++u) {
      const QRectF& b = c.boxes[u];
      if (ci < m_thumbs.size() && u < m_thumbs[ci].size()) {
        p.setRenderHint(QPainter::SmoothPixmapTransform);
        p.drawImage(b, m_thumbs[ci][u]);
      } else {
        p.fillRect(b, QColor(0xee, 0xee, 0xee));
      }
      p.setPen(QPen(frame, m_presentation ? 2.0 : 1.0));
      p.setBrush(Qt::NoBrush);
      p.drawRect(b);
    }
  }

  // The folded middle layers: a pale band the "+k layers" label sits on.
  if (m_gapFirst > 0) {
    QColor band = palette().windowText().color();
    band.setAlpha(20);
    p.setPen(QPen(palette().mid().color(), 1, Qt::DashLine));
    p.setBrush(band);
    p.drawRoundedRect(m_gapRect.adjusted(4, 0, -4, 0), 6, 6);
  }
  p.setPen(palette().windowText().color());
  for (const Label& l : labels()) {
    p.setFont(l.font);
    p.drawText(l.rect, Qt::AlignCenter | Qt::TextDontClip, l.text);
  }
}

// Column headers (title, then units · activation) and the "+N more" markers. Deep networks have
// narrow columns: a hidden layer's title becomes its number and its subtitle the unit count; the
// input and output titles may also use the half of the neighbouring column its number leaves free,
// and become x and ŷ (their tooltips still say Input and Output) when even that is too narrow.
std::vector<NetworkDiagramWidget::Label> NetworkDiagramWidget::labels() {
  if (m_columns.size() != m_config.hidden.size() + 2) rebuildColumns();
  layoutColumns();
  std::vector<Label> out;
  const int cols = static_cast<int>(m_columns.size());
  const double colSpacing = m_colSpacing;
  const QFontMetricsF fm(font());
  QFont bold = font();
  bold.setBold(true);
  const QFontMetricsF bm(bold);
  std::vector<QString> titles(m_columns.size());
  for (int ci = 0; ci < cols; ++ci) {
    QString title = columnTitle(ci);
    if (bm.horizontalAdvance(title) > colSpacing - 6 && ci > 0 && ci + 1 < cols) title = QString::number(ci);
    titles[static_cast<std::size_t>(ci)] = title;
  }
  // The neighbour slot of the input and the output (the gap may sit next to them).
  const auto neighbour = [&](int ci) {
    int n = ci == 0 ? 1 : cols - 2;
    while (n > 0 && n < cols - 1 && !m_columns[static_cast<std::size_t>(n)].visible) n += ci == 0 ? 1 : -1;
    return n;
  };
  if (m_gapFirst > 0) {
    const double y = m_gapRect.center().y();
    QString text = tr("+%1 layers").arg(m_gapCount);
    if (fm.horizontalAdvance(text) > colSpacing - 4) text = QStringLiteral("+%1").arg(m_gapCount);
    out.push_back(fitLabel(text, font(), colSpacing - 2, QPointF(m_gapRect.center().x(), y)));
    const QString range = QStringLiteral("%1–%2").arg(m_gapFirst).arg(m_gapFirst + m_gapCount - 1);
    out.push_back(fitLabel(range, bold, colSpacing - 2, QPointF(m_gapRect.center().x(), 4 + fm.height() / 2)));
  }
  for (int ci = 0; ci < cols; ++ci) {
    if (!m_columns[static_cast<std::size_t>(ci)].visible) continue;
    const double cx = m_columns[static_cast<std::size_t>(ci)].cx;
    const bool end = ci == 0 || ci + 1 == cols;
    double room = colSpacing - 2;
    double centre = cx;
    if (end && cols > 1 && bm.horizontalAdvance(titles[static_cast<std::size_t>(ci)]) > room) {
      // From the widget's edge to the neighbour's title.
      const int next = neighbour(ci);
      const double nextCx = m_columns[static_cast<std::size_t>(next)].cx;
      const double nextHalf = bm.horizontalAdvance(titles[static_cast<std::size_t>(next)]) / 2 + 4;
      const double lo = ci == 0 ? 2.0 : nextCx + nextHalf, hi = ci == 0 ? nextCx - nextHalf : width() - 2.0;
      room = std::max(room, hi - lo);
      centre = (lo + hi) / 2;
    }
    Label title = fitLabel(titles[static_cast<std::size_t>(ci)], bold, room, QPointF(centre, 4 + fm.height() / 2));
    if (end && title.text != titles[static_cast<std::size_t>(ci)])  // still too narrow: the symbols x and ŷ
      title = fitLabel(ci == 0 ? QStringLiteral("x") : QStringLiteral("ŷ"), bold, room, title.rect.center());
    out.push_back(title);
    QString subtitle = columnSubtitle(ci);
    if (fm.horizontalAdvance(subtitle) > colSpacing - 10)
      subtitle = QString::number(m_columns[static_cast<std::size_t>(ci)].units);  // narrow: the count
    out.push_back(fitLabel(subtitle, font(), colSpacing - 2, QPointF(cx, 4 + fm.height() * 1.5)));
    const Column& c = m_columns[static_cast<std::size_t>(ci)];
    if (!c.more.isNull()) {
      const int hidden = c.units - static_cast<int>(c.boxes.size());
      QString more = tr("+%1 more").arg(hidden);
      if (fm.horizontalAdvance(more) > c.more.width() - 2) more = QStringLiteral("+%1").arg(hidden);
      out.push_back(fitLabel(more, font(), c.more.width() - 2, c.more.center()));
    }
  }
  return out;
}

std::vector<QRectF> NetworkDiagramWidget::neuronRects() {
  if (m_columns.size() != m_config.hidden.size() + 2) rebuildColumns();
  layoutColumns();
  std::vector<QRectF> out;
  for (const Column& c : m_columns) out.insert(out.end(), c.boxes.begin(), c.boxes.end());
  return out;
}

QString NetworkDiagramWidget::neuronToolTip(int column, int unit) const {
  const int last = static_cast<int>(m_columns.size()) - 1;
  auto bias = [&](int layer) -> QString {  // layer: 0-based weighted layer
    if (layer < 0 || layer >= static_cast<int>(m_weights.size())) return {};
    const dl::Vector& b = m_weights[static_cast<std::size_t>(layer)].b;
    if (unit >= b.size()) return {};
    return QLatin1Char('\n') + tr("Bias: %1").arg(static_cast<double>(b(unit)), 0, 'g', 4);
  };
  if (column == 0) {
    QString name = tr("feature %1").arg(unit + 1);
    if (m_data && unit < static_cast<int>(m_data->inputNames.size()))
      name = inputDisplayName(QString::fromStdString(m_data->inputNames[static_cast<std::size_t>(unit)]));
    return tr("Input %1: %2").arg(unit + 1).arg(name);
  }
  if (column == last) {
    QString what;
    if (m_data && m_data->train.task == dl::Task::Regression)
      what = tr("the predicted value");
    else if (m_columns.back().units == 1)
      what = tr("the probability of class 1");
    else {
      QString cls = QString::number(unit);
      if (m_data && unit < static_cast<int>(m_data->train.classNames.size()))
        cls = QString::fromStdString(m_data->train.classNames[static_cast<std::size_t>(unit)]);
      what = tr("the probability of class %1").arg(cls);
    }
    return tr("Output %1: %2").arg(unit + 1).arg(what) + bias(column - 1);
  }
  const dl::LayerConfig& l = m_config.hidden[static_cast<std::size_t>(column - 1)];
  QString tip = tr("Layer %1, neuron %2\nActivation: %3")
                    .arg(column)
                    .arg(unit + 1)
                    .arg(displayName(NameKind::Activation, l.activation));
  if (l.batchNorm) tip += QLatin1Char('\n') + tr("Batch normalisation");
  if (l.dropout > 0) tip += QLatin1Char('\n') + tr("Dropout: %1").arg(l.dropout);
  return tip + bias(column - 1);
}

bool NetworkDiagramWidget::event(QEvent* e) {
  if (e->type() != QEvent::ToolTip) return QWidget::event(e);
  auto* help = static_cast<QHelpEvent*>(e);
  const QPointF pos = help->pos();
  for (std::size_t ci = 0; ci < m_columns.size(); ++ci) {
    const Column& c = m_columns[ci];
    for (std::size_t u = 0; u < c.boxes.size(); ++u) {
      if (c.boxes[u].adjusted(-2, -2, 2, 2).contains(pos)) {
        QToolTip::showText(help->globalPos(), neuronToolTip(static_cast<int>(ci), static_cast<int>(u)), this);
        return true;
      }
    }
  }
  if (m_gapFirst > 0 && m_gapRect.contains(pos)) {
    QToolTip::showText(help->globalPos(),
                       tr("Layers %1 to %2 are folded to keep the diagram readable; a wider window shows them.")
                           .arg(m_gapFirst)
                           .arg(m_gapFirst + m_gapCount - 1),
                       this);
    return true;
  }
  if (const Link* best = linkAt(pos)) {
    QToolTip::showText(help->globalPos(),
                       tr("Weight %1\nfrom %2 to %3")
                               .arg(static_cast<double>(best->weight), 0, 'g', 4)
                               .arg(linkFrom(*best), linkTo(*best)) +
                           QLatin1Char('\n') + tr("Click to set it."),
                       this);
    return true;
  }
  QToolTip::hideText();
  e->ignore();
  return true;
}

const NetworkDiagramWidget::Link* NetworkDiagramWidget::linkAt(const QPointF& pos) const {
  const Link* best = nullptr;
  double bestDist = 5.0;
  for (const Link& l : m_links) {
    if (pos.x() < std::min(l.a.x(), l.b.x()) - 5 || pos.x() > std::max(l.a.x(), l.b.x()) + 5) continue;
    QPointF prev = l.a;
    for (int k = 1; k <= 16; ++k) {
      const QPointF next = bezierPoint(l.a, l.b, k / 16.0);
      const double d = distanceToSegment(pos, prev, next);
      if (d < bestDist) {
        bestDist = d;
        best = &l;
      }
      prev = next;
    }
  }
  return best;
}

QString NetworkDiagramWidget::linkFrom(const Link& l) const {
  return l.layer == 1 ? tr("input %1").arg(l.from + 1) : tr("layer %1 neuron %2").arg(l.layer - 1).arg(l.from + 1);
}

QString NetworkDiagramWidget::linkTo(const Link& l) const {
  return l.layer == static_cast<int>(m_columns.size()) - 1 ? tr("output %1").arg(l.to + 1)
                                                           : tr("layer %1 neuron %2").arg(l.layer).arg(l.to + 1);
}

void NetworkDiagramWidget::mousePressEvent(QMouseEvent* event) {
  if (event->button() == Qt::LeftButton && m_weights.size() + 1 == m_columns.size()) {
    if (const Link* l = linkAt(event->position())) {
      const int layer = l->layer - 1;
      emit weightClicked(layer, linkRow(layer, l->to, l->from), l->from, static_cast<double>(l->weight), linkFrom(*l),
                         linkTo(*l));
      event->accept();
      return;
    }
  }
  QWidget::mousePressEvent(event);
}

std::optional<QPointF> NetworkDiagramWidget::linkPoint(int layer, int to, int from) {
  if (m_links.empty()) linkStrokes();
  for (const Link& l : m_links)
    if (l.layer == layer + 1 && l.to == to && l.from == from) return bezierPoint(l.a, l.b, 0.3);
  return std::nullopt;
}

void NetworkDiagramWidget::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QWidget::changeEvent(event);
}

void NetworkDiagramWidget::retranslateUi() {
  setAccessibleName(tr("Network diagram"));
  update();  // headers and tooltips are translated when painted / shown
}

}  // namespace dlui
