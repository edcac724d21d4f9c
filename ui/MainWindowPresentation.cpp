// Presentation mode of the main window (see MainWindow::setPresentationMode): what it changes on
// the way in, how it sizes the projector layout, and how it puts everything back on the way out.
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
#include "MainWindow.h"

#include "labs/Lab.h"

#include "notes/NotesDock.h"
#include "plots/ChartPanel.h"
#include "widgets/ClassroomDock.h"
#include "widgets/ControlDock.h"
#include "widgets/DecisionMapWidget.h"
#include "widgets/DivergenceBanner.h"
#include "widgets/FirstRunHint.h"
#include "widgets/NetworkDiagramWidget.h"
#include "widgets/ScoreBoard.h"
#include "widgets/TransportBar.h"
#include "widgets/WatchPanel.h"

#include "io/PresetCatalog.h"

#include <QAction>
#include <QApplication>
#include <QCoreApplication>
#include <QDockWidget>
#include <QEvent>
#include <QScreen>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QLayout>
#include <QStackedWidget>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <utility>

namespace dlui {

namespace {
// The application font on a projector is sized to the picture, not to the desktop: 13 pt on a
// 768-pixel-high screen, in proportion on others, so that every screen shows the same layout a
// room away (1.45 times a 9 pt desktop font at 768 lines; 18 pt at 1080).
constexpr double kPresentationPointsAt768 = 13.0;
constexpr double kMapShare = 0.47;      // the map's square, as a share of the window height
constexpr int kMinChartHeight = 160;    // below this the chart's labels cannot be read
constexpr int kMinDiagramWidth = 260;   // a narrower network diagram is hidden
constexpr int kRestoreWindowMs = 1000;  // how long after leaving a late resize still restores the docks
}  // namespace

void MainWindow::setPresentationMode(bool on) {
  if (on == m_presentation) return;
  m_pendingRestore.reset();
  if (on) {
    // Saved before anything changes: this is what leaving restores.
    // (In another lab the docks to come back to are the playground's, as it left them.)
    const bool inLab = m_lab != QLatin1String("playground") && !m_playgroundState.isEmpty();
    m_normalLayout = NormalLayout{inLab ? m_playgroundState : saveState(),
                                  m_splitter->saveState(),
                                  saveGeometry(),
                                  windowState(),
                                  corner(Qt::BottomLeftCorner),
                                  corner(Qt::BottomRightCorner),
                                  statusBar()->isVisibleTo(this),
                                  inLab || m_transport->isVisibleTo(this)};
  }
  m_presentation = on;
  {
    const QSignalBlocker blocker(m_presentationAction);
    m_presentationAction->setChecked(on);
  }
  // Everywhere: docks, menus, dialogs, charts. Full screen's height is the screen's.
  const int screenHeight = on && screen() ? screen()->geometry().height() : height();
  setApplicationFont(on ? presentationFont(screenHeight) : m_normalFont);
  // A projector shows the lesson, not the newcomer's hint (it comes back with the normal view).
  m_hint->setVisible(!on && !FirstRunHint::dismissedBefore());
  m_watch->setCompact(on);
  m_banner->setCompact(on);
  m_map->setPresentationMode(on);
  m_network->setPresentationMode(on);
  m_charts->setPresentationMode(on);
  m_notes->setPresentationMode(on);  // its own "Large text": the notes are read from the back row too
  if (on)
    enterPresentationLayout();
  else
    leavePresentationLayout();
  // Another lab shown: the playground's docks stay away, the lab takes the mode itself.
  for (int i = 0; i < m_labStack->count(); ++i)
    if (auto* lab = qobject_cast<Lab*>(m_labStack->widget(i))) lab->setPresentationMode(on);
  hidePlaygroundChrome();
}

// The application's font, and the watch panel's: a widget with a style sheet does not take a new
// application font by itself, and the watch line is the lesson a projector must show large.
void MainWindow::setApplicationFont(const QFont& font) {
  QApplication::setFont(font);
  m_watch->setFont(m_presentation ? font : QFont());
}

QFont MainWindow::presentationFont(int windowHeight) const {
  QFont f = m_normalFont;
  const double dpi = logicalDpiY() > 0 ? logicalDpiY() : 96.0;
  const double points = kPresentationPointsAt768 * std::max(windowHeight, 1) / 768.0 * 96.0 / dpi;
  f.setPointSizeF(std::round(points * 4) / 4);  // quarter points: a resize by a pixel changes nothing
  return f;
}

void MainWindow::enterPresentationLayout() {
  // The classroom column runs the full height on the left; the chart dock sits under the map.
  setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
  setCorner(Qt::BottomRightCorner, Qt::BottomDockWidgetArea);
  m_transport->hide();  // play, step and reset are in the column, step and epoch on the board
  m_labBar->hide();     // the height is the map's; the Lab menu and Ctrl+1… still switch labs
  m_notes->hide();      // View → Notes brings them back
  m_controls->hide();   // F6 brings them back
  if (m_chartDock->isFloating()) m_chartDock->setFloating(false);
  if (dockWidgetArea(m_chartDock) != Qt::BottomDockWidgetArea) addDockWidget(Qt::BottomDockWidgetArea, m_chartDock);
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
  statusBar()->hide();  // the watch line says what the status line would; the height goes to the map
  setWindowState(windowState() | Qt::WindowFullScreen);
  layoutPresentation();
  schedulePresentationLayout();  // again once the new window size and fonts have settled
}

void MainWindow::leavePresentationLayout() {
  if (QWidget* bar = m_chartDock->titleBarWidget()) {
    m_chartDock->setTitleBarWidget(nullptr);
    delete bar;
  }
  m_score->hide();
  if (diagramBelowMap()) m_splitter->insertWidget(0, m_network);
  static_cast<QVBoxLayout*>(m_playgroundPage->layout())->setStretchFactor(m_splitter, 1);
  m_splitter->setMinimumHeight(0);
  m_splitter->setMaximumHeight(QWIDGETSIZE_MAX);
  m_network->show();
  m_classroom->setChartOptions(nullptr);
  m_charts->setChartOptionsDetached(false);
  m_classroom->hide();
  if (!m_normalLayout) return;
  const NormalLayout normal = *std::exchange(m_normalLayout, std::nullopt);
  // The bars first, then the window's size, then the docks: the dock sizes are restored into the
  // room the bars and the window leave them.
  statusBar()->setVisible(normal.statusBar);
  // The status bar sizes itself to its font only on a layout request: it took the normal font
  // back while hidden.
  QEvent relayout(QEvent::LayoutRequest);
  QCoreApplication::sendEvent(statusBar(), &relayout);
  m_transport->setVisible(normal.transport);
  setWindowState(normal.windowState);
  restoreGeometry(normal.geometry);
  setCorner(Qt::BottomLeftCorner, normal.bottomLeft);
  setCorner(Qt::BottomRightCorner, normal.bottomRight);
  restoreState(normal.state);
  m_splitter->restoreState(normal.splitter);
  // Again once the layout has settled into the normal window, and whenever the window's size
  // arrives in the next moment: a platform (or a busy one) may apply the normal geometry later,
  // and the docks must be sized in it.
  m_pendingRestore = normal;
  QTimer::singleShot(0, this, [this] {
    if (!m_pendingRestore || m_presentation) return;
    restoreState(m_pendingRestore->state);
    m_splitter->restoreState(m_pendingRestore->splitter);
    hidePlaygroundChrome();
  });
  QTimer::singleShot(kRestoreWindowMs, this, [this] { m_pendingRestore.reset(); });
}

void MainWindow::toggleFullControls(bool show) {
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
  schedulePresentationLayout();
}

void MainWindow::resizeEvent(QResizeEvent* event) {
  QMainWindow::resizeEvent(event);
  if (m_pendingRestore && !m_presentation) {
    restoreState(m_pendingRestore->state);
    m_splitter->restoreState(m_pendingRestore->splitter);
    hidePlaygroundChrome();
  }
  schedulePresentationLayout();
}

void MainWindow::schedulePresentationLayout() {
  if (!m_presentation || m_presentationLayoutPending) return;
  m_presentationLayoutPending = true;
  QTimer::singleShot(0, this, [this] {
    m_presentationLayoutPending = false;
    layoutPresentation();
  });
}

bool MainWindow::diagramBelowMap() const { return m_network->parentWidget() != m_splitter; }

void MainWindow::layoutPresentation() {
  if (!m_presentation || m_lab != QLatin1String("playground")) return;
  // A new window height (full screen arrived, another screen) may call for another text size.
  // (Never larger than the screen's: a window pushed taller than its screen for a moment must not
  // get larger text, which would ask for more height still.)
  const QFont font = presentationFont(screen() ? std::min(height(), screen()->geometry().height()) : height());
  if (font != QApplication::font()) {
    setApplicationFont(font);
    schedulePresentationLayout();  // again once the widgets have taken it
    return;
  }
  const int separator = style()->pixelMetric(QStyle::PM_DockWidgetSeparatorExtent, nullptr, this);
  // The left column: as wide as its widest control.
  if (m_classroom->isVisible())
    resizeDocks({m_classroom}, {m_classroom->widget()->sizeHint().width()}, Qt::Horizontal);
  else if (m_controls->isVisible())
    fitControlsWidth();

  // Width: the map as wide as its square needs, the board beside it, the diagram in what is left.
  const int side = static_cast<int>(std::ceil(kMapShare * height()));
  int centre = width();
  if (m_classroom->isVisible()) centre -= m_classroom->widget()->sizeHint().width() + separator;
  if (m_controls->isVisible() && !m_controls->isFloating()) centre -= m_controls->width() + separator;
  if (m_notes->isVisible() && !m_notes->isFloating()) centre -= m_notes->width() + separator;
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
  auto* central = static_cast<QVBoxLayout*>(m_playgroundPage->layout());
  const bool wasBelow = diagramBelowMap();
  if (below && !wasBelow) {
    m_chartDock->hide();
    central->addWidget(m_network, 1);
    central->setStretchFactor(m_splitter, 0);
  } else if (!below && wasBelow) {
    m_splitter->setMinimumHeight(0);
    m_splitter->setMaximumHeight(QWIDGETSIZE_MAX);
    m_splitter->insertWidget(0, m_network);
    central->setStretchFactor(m_splitter, 1);
    // The window's layout still holds the central area's old minimum (the map's fixed height plus the
    // diagram below it) until the next event loop: told now, so showing the dock does not add its
    // height to that and grow the window past the screen.
    m_playgroundPage->updateGeometry();
    m_labStack->layout()->invalidate();  // the stack holding the page passes it on now, too
    m_labStack->updateGeometry();
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
  // The central area and the chart dock under it reach from the central area's top to the window's
  // bottom (the status bar is hidden here). Measured so, not as the two heights: those are stale
  // while the dock comes or goes in this very layout.
  const int stacked = height() - m_labStack->y();  // the page fills the stack, which sits below the menus
  // (The banner wraps: its height at the central area's width. Its plain size hint is the wrapped
  // label's guess at a narrow width, 200–300 px, which starved the chart.)
  const int banner = m_banner->isVisible() ? std::max(m_banner->minimumSizeHint().height(),
                                                      m_banner->heightForWidth(m_playgroundPage->width()))
                                           : 0;
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
    resizeDocks({m_chartDock}, {std::max(kMinChartHeight, stacked - separator - above - mapHeight)}, Qt::Vertical);
  }
}

}  // namespace dlui
