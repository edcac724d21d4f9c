// Common behaviour of the live charts (see PlotWidget.h).
#include "plots/PlotWidget.h"

#include "plots/ChartAxes.h"

#include "io/ExperimentIo.h"
#include "io/OutputFile.h"

#include <QAbstractAxis>
#include <QBuffer>
#include <QChart>
#include <QChartView>
#include <QApplication>
#include <QResizeEvent>
#include <QCoreApplication>
#include <QEvent>
#include <QGraphicsScene>
#include <QGraphicsLayout>
#include <QImage>
#include <QLegend>
#include <QLineSeries>
#include <QSet>
#include <QPainter>
#include <QSvgGenerator>
#include <QTimer>
#include <QXYSeries>

#include <algorithm>

namespace dlui {

namespace {
// Presentation sizes are the window's own (13 pt on a 768-line screen, scaled with the screen's
// height): larger labels no longer fit a charts dock a third of the screen high, and Qt Charts
// then elides every tick label to "…".
constexpr int kNormalLabelPt = 9, kNormalTitlePt = 11, kNormalPen = 2;
constexpr int kPresentationLabelPt = 13, kPresentationTitlePt = 15, kPresentationPen = 4;
const char* const kExportTitle = "dlplayExportTitle";
const char* const kNormalLegendAlignment = "dlplayNormalLegendAlignment";
constexpr int kMaxLegendBeside = 5;  // more entries than this stay under the plot
const QSize kHiddenExportSize(1000, 600);
constexpr qint64 kMinRefreshIntervalMs = 25;
}  // namespace

PlotWidget::PlotWidget(QWidget* parent) : QWidget(parent), m_refreshTimer(new QTimer(this)) {
  m_refreshTimer->setSingleShot(true);
  connect(m_refreshTimer, &QTimer::timeout, this, [this] {
    if (isVisible()) flush();
  });
}

// Redraws are coalesced (one per event-loop turn) and paced by their own cost: after a redraw that
// took t ms the next waits until 6·t ms have passed. The repaint replace() causes costs about 1.5·t
// more, so a chart takes at most ~40% of the GUI thread (measured: a 1200-px panel fed 300k noisy
// steps/s). And at most 40 a second: the snapshots come at 60 Hz, and a chart redrawn at 60 Hz
// took a fifth of a core (axes, grid and curves), which a curve moving a pixel at a time does not
// need and the training thread does.
void PlotWidget::requestRefresh() {
  m_refreshPending = true;
  if (!isVisible() || m_refreshTimer->isActive()) return;
  const qint64 since = m_sinceRefresh.isValid() ? m_sinceRefresh.elapsed() : 1000000;
  const qint64 wait = std::max(6 * m_refreshCostMs, kMinRefreshIntervalMs) - since;
  m_refreshTimer->start(static_cast<int>(std::clamp<qint64>(wait, 0, 250)));
}

void PlotWidget::resetAxesLater() {
  m_axesReset = true;
  requestRefresh();
}

void PlotWidget::flush() {
  if (!m_refreshPending) return;
  m_refreshPending = false;
  QElapsedTimer cost;
  cost.start();
  refresh();
  m_refreshCostMs = cost.elapsed();
  m_sinceRefresh.start();
}

void PlotWidget::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  if (m_refreshPending) m_refreshTimer->start(0);
}

void PlotWidget::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  if (event->size().height() != event->oldSize().height()) requestRefresh();
}

void PlotWidget::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  if (event->type() == QEvent::FontChange && m_presentation) restyle();  // the screen's text size changed
  QWidget::changeEvent(event);
}

QChartView* PlotWidget::createView(QChart* chart) {
  auto* view = new QChartView(chart, this);
  view->setRenderHint(QPainter::Antialiasing);
  // The view has its own scene rectangle (QChartView sets it to the chart's); a scene without one
  // recomputes the bounding box of every item (stroking each grid line's shape) after any change,
  // and a live chart changes 60 times a second. Its items move with every axis range, so no index.
  view->scene()->setSceneRect(QRectF(0, 0, 1, 1));
  view->scene()->setItemIndexMethod(QGraphicsScene::NoIndex);
  view->setFrameShape(QFrame::NoFrame);
  chart->setMargins(QMargins(4, 4, 4, 4));
  chart->layout()->setContentsMargins(0, 0, 0, 0);  // the plot, not a white frame, gets the pixels
  chart->setBackgroundRoundness(0);
  m_views.push_back(view);
  return view;
}

int PlotWidget::plotWidth(const QChartView* view) {
  const int w = view && view->chart() ? static_cast<int>(view->chart()->plotArea().width()) : 0;
  return std::max(100, w);
}

void PlotWidget::setPresentationMode(bool on) {
  if (m_presentation == on) return;
  m_presentation = on;
  restyle();
  presentationModeChanged();
}

void PlotWidget::restyle() {
  // On a projector the charts' text follows the window's, which presentation mode sizes to the
  // screen (13 pt on 768 lines).
  const double appPt = QApplication::font().pointSizeF();
  const double scale = m_presentation && appPt > 0 ? appPt / kPresentationLabelPt : 1.0;
  const double labelPt = (m_presentation ? kPresentationLabelPt : kNormalLabelPt) * scale;
  const double titlePt = (m_presentation ? kPresentationTitlePt : kNormalTitlePt) * scale;
  const int pen = m_presentation ? kPresentationPen : kNormalPen;
  QFont labels = font(), titles = font();
  labels.setPointSizeF(labelPt);
  titles.setPointSizeF(titlePt);
  titles.setBold(true);
  for (QChartView* v : m_views) {
    QChart* c = v->chart();
    c->setTitleFont(titles);
    c->legend()->setFont(labels);
    QLegend* legend = c->legend();
    const QVariant normal = legend->property(kNormalLegendAlignment);
    if (!normal.isValid()) legend->setProperty(kNormalLegendAlignment, static_cast<int>(legend->alignment()));
    const auto normalAlignment = static_cast<Qt::Alignment>(legend->property(kNormalLegendAlignment).toInt());
    // The legend's entries: one per named line (a line's gap parts and its faint raw copy share
    // its name and have no entry of their own).
    QSet<QString> names;
    for (QAbstractSeries* series : c->series())
      if (qobject_cast<QLineSeries*>(series) && !series->property("dlplayFaint").toBool() && !series->name().isEmpty())
        names.insert(series->name());
    const auto entries = names.size();
    legend->setAlignment(m_presentation && entries <= kMaxLegendBeside ? Qt::AlignRight : normalAlignment);
    for (QAbstractAxis* a : c->axes()) {
      // On a projector the step axis's ticks say enough: its title's line goes to the plot, whose
      // vertical title needs the height.
      if (a->property(kStepAxisProperty).toBool()) a->setTitleVisible(!m_presentation);
      a->setLabelsFont(labels);
      QFont t = labels;
      t.setBold(true);
      a->setTitleFont(t);
    }
    for (QAbstractSeries* s : c->series())
      if (auto* xy = qobject_cast<QXYSeries*>(s)) {
        QPen p = xy->pen();
        p.setWidthF(xy->property("dlplayThin").toBool() ? pen / 2.0 : pen);
        xy->setPen(p);
      }
  }
  QFont f = font();
  f.setPointSizeF(labelPt);
  for (QWidget* w : findChildren<QWidget*>(Qt::FindDirectChildrenOnly))
    if (!qobject_cast<QChartView*>(w)) w->setFont(f);
}

void PlotWidget::setExportTitle(QChart* chart, const QString& title) {
  chart->setProperty(kExportTitle, title);
  chart->setTitle(QString());
}

QString PlotWidget::exportTitle(const QChart* chart) { return chart->property(kExportTitle).toString(); }

void PlotWidget::showExportTitles(bool on) {
  m_exportTitlesShown = on;
  for (QChartView* v : m_views) {
    const QVariant title = v->chart()->property(kExportTitle);
    if (title.isValid()) v->chart()->setTitle(on ? title.toString() : QString());
  }
  exportTitlesChanged();
}

// render() lays out hidden widgets from their window, which it first shrinks to its size hint
// unless the window was resized explicitly: give a never-shown window a useful export size.
void PlotWidget::prepareForExport() {
  QWidget* top = window();
  if (!isVisible()) {
    if (!top->isVisible() && !top->testAttribute(Qt::WA_Resized))
      top->resize(top->size().expandedTo(kHiddenExportSize));
    // A throw-away render does that layout now, so size() below is the size the export gets.
    QImage probe(1, 1, QImage::Format_ARGB32_Premultiplied);
    QPainter p(&probe);
    render(&p, QPoint(), QRegion(0, 0, 1, 1), QWidget::DrawChildren);
  }
  showExportTitles(true);
  m_refreshPending = true;
  flush();
  // The charts lay out their axes on a posted LayoutRequest: deliver it before drawing.
  QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
}

namespace {
bool writeBytes(const QString& path, const QByteArray& bytes, QString* error) {
  try {
    dlio::writeFileAtomically(path, bytes);
    return true;
  } catch (const dlio::IoError& e) {
    if (error) *error = e.message();
    return false;
  }
}
}  // namespace

bool PlotWidget::exportPng(const QString& path, QString* error) {
  prepareForExport();
  const qreal scale = 2.0;  // crisp on slides
  QImage image(size() * scale, QImage::Format_ARGB32_Premultiplied);
  image.setDevicePixelRatio(scale);
  image.fill(Qt::white);
  {
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    render(&p, QPoint(), QRegion(), QWidget::DrawChildren);
  }
  showExportTitles(false);
  QByteArray bytes;
  QBuffer buffer(&bytes);
  if (!buffer.open(QIODevice::WriteOnly) || !image.save(&buffer, "PNG")) return false;
  return writeBytes(path, bytes, error);
}

bool PlotWidget::exportSvg(const QString& path, QString* error) {
  prepareForExport();
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  QSvgGenerator svg;
  svg.setOutputDevice(&buffer);
  svg.setSize(size());
  svg.setViewBox(QRect(QPoint(0, 0), size()));
  svg.setTitle(windowTitle());
  svg.setDescription(tr("Exported from dlplay"));
  QPainter p;
  if (!p.begin(&svg)) {
    showExportTitles(false);
    return false;
  }
  render(&p, QPoint(), QRegion(), QWidget::DrawChildren);
  const bool ok = p.end();
  showExportTitles(false);
  return ok && writeBytes(path, bytes, error);
}

}  // namespace dlui
