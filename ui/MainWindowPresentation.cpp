// Presentation mode of the main window (see MainWindow::setPresentationMode): the window's part of
// it, what it changes on the way in and how it puts everything back on the way out. The projector
// layout of the playground's page and docks is the playground's (PlaygroundLabPresentation.cpp);
// another lab lays out its own page.
#include "MainWindow.h"

#include "labs/Lab.h"
#include "labs/playground/PlaygroundLab.h"

#include "notes/NotesDock.h"
#include "labs/playground/TransportBar.h"


#include <QAction>
#include <QApplication>
#include <QCoreApplication>
#include <QEvent>
#include <QScreen>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStatusBar>
#include <QStackedWidget>
#include <QTimer>
#include <QToolBar>

#include <algorithm>
#include <cmath>
#include <utility>

namespace dlui {

namespace {
// The application font on a projector is sized to the picture, not to the desktop: 13 pt on a
// 768-pixel-high screen, in proportion on others, so that every screen shows the same layout a
// room away (1.45 times a 9 pt desktop font at 768 lines; 18 pt at 1080).
constexpr double kPresentationPointsAt768 = 13.0;
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
                                  m_playground->splitter()->saveState(),
                                  saveGeometry(),
                                  windowState(),
                                  corner(Qt::BottomLeftCorner),
                                  corner(Qt::BottomRightCorner),
                                  statusBar()->isVisibleTo(this),
                                  inLab || m_playground->transport()->isVisibleTo(this)};
  }
  m_presentation = on;
  {
    const QSignalBlocker blocker(m_presentationAction);
    m_presentationAction->setChecked(on);
  }
  // Everywhere: docks, menus, dialogs, charts. Full screen's height is the screen's.
  const int screenHeight = on && screen() ? screen()->geometry().height() : height();
  setApplicationFont(on ? presentationFont(screenHeight) : m_normalFont);
  m_playground->setPresentationMode(on);
  m_notes->setPresentationMode(on);  // its own "Large text": the notes are read from the back row too
  if (on)
    enterPresentationLayout();
  else
    leavePresentationLayout();
  // Another lab shown: the playground's docks stay away, the lab takes the mode itself.
  for (int i = 0; i < m_labStack->count(); ++i)
    if (auto* lab = qobject_cast<Lab*>(m_labStack->widget(i)); lab && lab != m_playground)
      lab->setPresentationMode(on);
  hidePlaygroundChrome();
}

// The application's font, and the watch panel's: a widget with a style sheet does not take a new
// application font by itself, and the watch line is the lesson a projector must show large.
void MainWindow::setApplicationFont(const QFont& font) {
  QApplication::setFont(font);
  m_playground->setWatchFont(m_presentation ? font : QFont());
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
  m_labBar->hide();  // the height is the map's; the Lab menu and Ctrl+1… still switch labs
  m_notes->hide();   // View → Notes brings them back
  m_playground->enterPresentationLayout();
  statusBar()->hide();  // the watch line says what the status line would; the height goes to the map
  setWindowState(windowState() | Qt::WindowFullScreen);
  layoutPresentation();
  schedulePresentationLayout();  // again once the new window size and fonts have settled
}

void MainWindow::leavePresentationLayout() {
  m_playground->leavePresentationLayout();
  if (!m_normalLayout) return;
  const NormalLayout normal = *std::exchange(m_normalLayout, std::nullopt);
  // The bars first, then the window's size, then the docks: the dock sizes are restored into the
  // room the bars and the window leave them.
  statusBar()->setVisible(normal.statusBar);
  // The status bar sizes itself to its font only on a layout request: it took the normal font
  // back while hidden.
  QEvent relayout(QEvent::LayoutRequest);
  QCoreApplication::sendEvent(statusBar(), &relayout);
  m_playground->transport()->setVisible(normal.transport);
  setWindowState(normal.windowState);
  restoreGeometry(normal.geometry);
  setCorner(Qt::BottomLeftCorner, normal.bottomLeft);
  setCorner(Qt::BottomRightCorner, normal.bottomRight);
  restoreState(normal.state);
  m_playground->splitter()->restoreState(normal.splitter);
  // Again once the layout has settled into the normal window, and whenever the window's size
  // arrives in the next moment: a platform (or a busy one) may apply the normal geometry later,
  // and the docks must be sized in it.
  m_pendingRestore = normal;
  QTimer::singleShot(0, this, [this] {
    if (!m_pendingRestore || m_presentation) return;
    restoreState(m_pendingRestore->state);
    m_playground->splitter()->restoreState(m_pendingRestore->splitter);
    hidePlaygroundChrome();
  });
  QTimer::singleShot(kRestoreWindowMs, this, [this] { m_pendingRestore.reset(); });
}

void MainWindow::resizeEvent(QResizeEvent* event) {
  QMainWindow::resizeEvent(event);
  if (m_pendingRestore && !m_presentation) {
    restoreState(m_pendingRestore->state);
    m_playground->splitter()->restoreState(m_pendingRestore->splitter);
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
  m_playground->layoutPresentation();
}

}  // namespace dlui
