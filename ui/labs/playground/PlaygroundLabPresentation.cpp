// The playground on a projector (see MainWindow::setPresentationMode for the window's part: font,
// full screen, corners, status bar, and restoring the docks on the way out).
//
// The projector layout, for a room that reads the screen from ten metres:
//   ┌ menu ───────────────────────────────────────────────┐
//   │ classroom │ watch line (the preset's lesson)         │
//   │ controls  │ [diagram] │ decision map │ big numbers  │
//   │ column    ├──────────────────────────────────────────┤
//   │           │ the preset's chart                       │
//   └───────────┴──────────────────────────────────────────┘
// The map's square gets kMapShare of the window height; the chart dock takes what is left below
// it; the network diagram gets what is left beside it, or hides when that is too narrow to read
// (a preset about the network shows it below the map instead of the chart). No toolbar and no
// status bar: their height goes to the map.
#include "labs/playground/PlaygroundLab.h"

#include "plots/ChartPanel.h"
#include "labs/playground/ClassroomDock.h"
#include "labs/playground/ControlDock.h"
#include "labs/playground/DecisionMapWidget.h"
#include "labs/playground/DivergenceBanner.h"
#include "labs/playground/FirstRunHint.h"
#include "labs/playground/NetworkDiagramWidget.h"
#include "labs/playground/ScoreBoard.h"
#include "labs/playground/TransportBar.h"
#include "labs/playground/WatchPanel.h"

#include "io/PresetCatalog.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLayout>
#include <QMainWindow>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace dlui {

namespace {
constexpr double kMapShare = 0.47;     // the map's square, as a share of the window height
constexpr int kMinChartHeight = 160;   // below this the chart's labels cannot be read
constexpr int kMinDiagramWidth = 260;  // a narrower network diagram is hidden
}  // namespace

void PlaygroundLab::setPresentationMode(bool on) {
  m_presentation = on;
  // A projector shows the lesson, not the newcomer's hint (it comes back with the normal view).
  m_hint->setVisible(!on && !FirstRunHint::dismissedBefore());
  m_watch->setCompact(on);
  m_banner->setCompact(on);
  m_map->setPresentationMode(on);
  m_network->setPresentationMode(on);
  m_charts->setPresentationMode(on);
}

void PlaygroundLab::setWatchFont(const QFont& font) { m_watch->setFont(font); }

void PlaygroundLab::enterPresentationLayout() {
  m_transport->hide();  // play, step and reset are in the column, step and epoch on the board
  m_controls->hide();   // F6 brings them back
  if (m_chartDock->isFloating()) m_chartDock->setFloating(false);
  if (m_host->dockWidgetArea(m_chartDock) != Qt::BottomDockWidgetArea)
    m_host->addDockWidget(Qt::BottomDockWidgetArea, m_chartDock);
  m_chartDock->setTitleBarWidget(new QWidget(m_chartDock));  // its tabs say what it is
  m_chartDock->show();
  // The map's toggles and the chart's options join the classroom controls: the map and the tabs
  // keep the room.
  m_classroom->setMapToggles(m_map->showsValidation(), m_map->discretized());
  m_charts->setChartOptionsDetached(true);
  m_classroom->setChartOptions(m_charts->chartOptions());
  m_charts->updateChartOptions();
  m_classroom->show();
  m_score->show();
}

void PlaygroundLab::leavePresentationLayout() {
  if (QWidget* bar = m_chartDock->titleBarWidget()) {
    m_chartDock->setTitleBarWidget(nullptr);
    delete bar;
  }
  m_score->hide();
  if (diagramBelowMap()) m_splitter->insertWidget(0, m_network);
  m_layout->setStretchFactor(m_splitter, 1);
  m_splitter->setMinimumHeight(0);
  m_splitter->setMaximumHeight(QWIDGETSIZE_MAX);
  m_network->show();
  m_classroom->setChartOptions(nullptr);
  m_charts->setChartOptionsDetached(false);
  m_classroom->hide();
}

void PlaygroundLab::toggleFullControls(bool show) {
  if (!m_presentation) {
    m_controls->setVisible(show);
    return;
  }
  // On a projector the full dock takes the classroom column's place, with the transport bar (its
  // speed slider) above the map; F6 again goes back. What leaves goes first: for a moment both
  // columns in the left area would need more than the screen's height, and the window would grow.
  if (show) {
    m_classroom->hide();
    m_controls->show();
    m_transport->show();
    fitControlsWidth();
  } else {
    m_controls->hide();
    m_transport->hide();
    m_classroom->show();
  }
  requestLayout();
}

bool PlaygroundLab::diagramBelowMap() const { return m_network->parentWidget() != m_splitter; }

void PlaygroundLab::layoutPresentation() {
  if (!m_presentation) return;
  QMainWindow* const w = m_host;
  const int separator = w->style()->pixelMetric(QStyle::PM_DockWidgetSeparatorExtent, nullptr, w);
  // The left column: as wide as its widest control.
  if (m_classroom->isVisible())
    w->resizeDocks({m_classroom}, {m_classroom->widget()->sizeHint().width()}, Qt::Horizontal);
  else if (m_controls->isVisible())
    fitControlsWidth();

  // Width: the map as wide as its square needs, the board beside it, the diagram in what is left.
  const int side = static_cast<int>(std::ceil(kMapShare * w->height()));
  int centre = w->width();
  if (m_classroom->isVisible()) centre -= m_classroom->widget()->sizeHint().width() + separator;
  // Every other dock beside the page takes its width too (the controls after F6, the window's notes).
  for (QDockWidget* d : w->findChildren<QDockWidget*>()) {
    const Qt::DockWidgetArea area = w->dockWidgetArea(d);
    if (d != m_classroom && d->isVisible() && !d->isFloating() &&
        (area == Qt::LeftDockWidgetArea || area == Qt::RightDockWidgetArea))
      centre -= d->width() + separator;
  }
  const int handle = m_splitter->handleWidth();
  const int map = m_map->sizeForPlot(side).width();
  const int rest = centre - m_score->preferredWidth() - map - 2 * handle;
  const bool beside = rest >= kMinDiagramWidth;
  // Without the diagram the board may take what the map leaves; on a very narrow screen its numbers
  // get a little smaller rather than the map.
  m_score->setAvailableWidth(beside ? m_score->preferredWidth() : centre - map - 2 * handle);
  const int board = m_score->sizeHint().width();
  // A preset about the network (its view is "network") must show it: too narrow beside the map,
  // it goes below the map, in the chart dock's place.
  const dlio::PresetEntry* preset = dlio::PresetCatalog::builtIn().entry(m_watch->preset());
  const bool below = !beside && preset && preset->view == QLatin1String("network");
  // In an order that never asks for more than the screen's height (or the window would grow):
  // the chart dock leaves before the diagram arrives below the map, and comes back after it left.
  const bool wasBelow = diagramBelowMap();
  if (below && !wasBelow) {
    m_chartDock->hide();
    m_layout->addWidget(m_network, 1);
    m_layout->setStretchFactor(m_splitter, 0);
  } else if (!below && wasBelow) {
    m_splitter->setMinimumHeight(0);
    m_splitter->setMaximumHeight(QWIDGETSIZE_MAX);
    m_splitter->insertWidget(0, m_network);
    m_layout->setStretchFactor(m_splitter, 1);
    // The window's layout still holds the central area's old minimum (the map's fixed height plus the
    // diagram below it) until the next event loop: told now, so showing the dock does not add its
    // height to that and grow the window past the screen.
    updateGeometry();
    if (QWidget* stack = parentWidget()) {  // the window's stack of lab pages passes it on now, too
      if (stack->layout()) stack->layout()->invalidate();
      stack->updateGeometry();
    }
    m_chartDock->show();
  }
  m_network->setVisible(beside || below);
  if (beside)
    m_splitter->setSizes({rest, map, board});
  else if (below)
    m_splitter->setSizes({map + std::max(0, rest), board});  // the diagram has left the splitter
  else
    m_splitter->setSizes({0, map + std::max(0, rest), board});

  // Height: the map's square first; the chart dock (or the diagram) gets the rest.
  const int mapHeight = m_map->sizeForPlot(side).height();
  // The page and the chart dock under it reach from the page's top to the window's bottom (the
  // status bar is hidden here). Measured so, not as the two heights: those are stale while the dock
  // comes or goes in this very layout.
  const int stacked = w->height() - mapTo(w, QPoint(0, 0)).y();
  // (The banner wraps: its height at the page's width. Its plain size hint is the wrapped label's
  // guess at a narrow width, 200–300 px, which starved the chart.)
  const int banner =
      m_banner->isVisible() ? std::max(m_banner->minimumSizeHint().height(), m_banner->heightForWidth(width())) : 0;
  // The watch line whole where the room allows: as many lines (up to four) as the height left by the
  // map, the banner and a readable chart holds (a 1024-pixel projector needs three or four for most
  // presets; an elided lesson cannot be hovered by the room). Never more: the window would grow past
  // the screen. The divergence banner's height comes off first: both stay, the map keeps its share.
  {
    // The chart (or the diagram below) keeps a readable height, and at least what its page needs
    // (the activation explorer needs more than a line chart); the divergence banner comes first.
    const int chart = below ? kMinChartHeight : std::max(kMinChartHeight, m_chartDock->minimumSizeHint().height());
    const int room = stacked - separator - mapHeight - chart - banner;
    int lines = 4;
    for (; lines > 1; --lines) {
      m_watch->setCompactLines(lines);
      if (m_watch->sizeHint().height() <= room) break;
    }
    m_watch->setCompactLines(lines);
  }
  const int above = (m_watch->isVisible() ? m_watch->sizeHint().height() : 0) + banner;
  if (below) {
    m_splitter->setFixedHeight(mapHeight);
  } else {
    m_splitter->setMinimumHeight(0);
    m_splitter->setMaximumHeight(QWIDGETSIZE_MAX);
    w->resizeDocks({m_chartDock}, {std::max(kMinChartHeight, stacked - separator - above - mapHeight)}, Qt::Vertical);
  }
}

}  // namespace dlui
