// The main window, the host of the labs: the lab switcher and the central stack with one page per
// lab (the MLP playground first, ui/labs/playground/), the notes dock and the practice dialog, the
// File, View, Lab, Presets, Notes and Help menus, presentation mode's window-wide part (font, full
// screen, status bar, restoring the layout), and settings (geometry, dock layout, the last lab,
// recent files) kept in QSettings. The accessors below reach into the playground for the tests.
#pragma once

#include "labs/playground/Snapshot.h"

#include <QMainWindow>
#include <QStringList>

#include <functional>
#include <optional>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QStackedWidget;
class QToolBar;

namespace dlui {

class ChartPanel;
class ClassroomDock;
class ControlDock;
class DecisionMapWidget;
class DivergenceBanner;
class FirstRunHint;
class WatchPanel;
class HelpDialog;
class Lab;
class NetworkDiagramWidget;
class NotesDock;
class PlaygroundLab;
class PracticeDialog;
class ScoreBoard;
class TrainingSession;
class TransportBar;

class MainWindow : public QMainWindow {
  Q_OBJECT
public:
  // Drives `session` (not owned), or a session of its own when null.
  explicit MainWindow(TrainingSession* session = nullptr, QWidget* parent = nullptr);
  ~MainWindow() override;

  TrainingSession* session() const;

  // Where error messages go: a modal QMessageBox::warning by default; tests inject a recorder.
  void setErrorReporter(std::function<void(const QString&)> reporter);
  // Where yes/no questions go ("load this CSV as data?"): a QMessageBox by default; tests answer.
  void setQuestionAsker(std::function<bool(const QString&)> asker);
  // Where a clicked weight's new value is asked for (a QInputDialog by default; tests answer).
  // Returns no value when cancelled.
  void setWeightEditor(std::function<std::optional<double>(const QString& prompt, double value)> editor);

  // Loads an experiment file (with or without trained state). On a bad file reports the
  // IoError's message and returns false; the current experiment is untouched.
  bool openExperiment(const QString& path);
  // Saves the experiment (withState: with weights, optimiser state and counters). Asynchronous:
  // the session delivers the state first; errors go to the error reporter.
  void saveExperiment(const QString& path, bool withState);
  // Writes main-window.png and one PNG per dock and central panel into `dir`; returns the paths.
  QStringList grabPanels(const QString& dir);

  // Presentation mode (F5), for a projector: the window fills the screen with the decision map as
  // its largest element, the big numbers beside it and the preset's chart below; the classroom
  // controls replace the controls dock (all of them one key away, F6); larger text everywhere.
  // Leaving it restores the layout, the window's size and the font exactly as they were.
  void setPresentationMode(bool on);
  bool presentationMode() const { return m_presentation; }
  void restoreDefaultLayout();
  QStringList recentFiles() const { return m_recent; }

  // The View → Language submenu: the hook for the runtime language switch.
  QMenu* languageMenu() const { return m_languageMenu; }
  // Load a built-in preset (the Presets menu and the notes' Try it buttons).
  void loadPreset(const QString& name);
  // "zh" or "en": installs the translation; every widget retranslates.
  void switchLanguage(const QString& code);
  void showPractice(const QString& noteId);
  NotesDock* notesDock() const { return m_notes; }
  PracticeDialog* practiceDialog() const { return m_practice; }
  // The playground's parts (PlaygroundLab has the same accessors).
  PlaygroundLab* playground() const { return m_playground; }
  ChartPanel* chartPanel() const;
  ControlDock* controlDock() const;
  TransportBar* transport() const;
  DecisionMapWidget* decisionMap() const;
  NetworkDiagramWidget* networkDiagram() const;
  DivergenceBanner* divergenceBanner() const;
  QDockWidget* chartDock() const;
  ClassroomDock* classroomDock() const;
  ScoreBoard* scoreBoard() const;
  SnapshotPtr lastSnapshot() const;

  // ---- labs (MainWindowLabs.cpp) ----
  // Shows lab `id` ("playground", "landscape", …): its page in the centre, the playground's docks
  // only with the playground. False (nothing changes) for an id with no lab. The lab shown when
  // the window closes is the one it opens with next time.
  bool setLab(const QString& id);
  QString currentLab() const { return m_lab; }
  // The lab's page (the playground's from the start, the others created on first use); nullptr for
  // unknown ids.
  Lab* lab(const QString& id);
  QToolBar* labBar() const { return m_labBar; }
  QMenu* labMenu() const { return m_labMenu; }

signals:
  // Every snapshot after the window's widgets have taken it (tests wait on this).
  void snapshotApplied(const dlui::SnapshotPtr& snapshot);
  // Another lab is shown.
  void labChanged(const QString& id);

protected:
  void changeEvent(QEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;
  void closeEvent(QCloseEvent* event) override;
  void showEvent(QShowEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

private:
  void createCentralArea();
  // The playground's signals to the window (status line, summary, recent files, projector layout).
  void connectPlayground();
  void createLabHost();
  void retranslateLabs();
  // With another lab shown: the playground's docks, transport and their menu actions put away
  // (nothing when the playground is shown).
  void hidePlaygroundChrome();
  // A playground preset's note in the notes dock, unless the open note already lists it (its own
  // Try it was pressed).
  void showPresetNote(const QString& preset);
  // A preset or file of another lab than the playground: that lab loads it.
  bool loadLabPreset(const QString& lab, const QString& name);
  // The "lab" a JSON file declares ("playground" when none); empty when the file cannot be read.
  static QString labOfFile(const QString& path);
  void createDocks();
  void createActions();
  void createMenus();
  void retranslateUi();
  void retranslatePresetMenu();

  // ---- presentation mode (MainWindowPresentation.cpp) ----
  // What leaving presentation mode restores.
  struct NormalLayout {
    QByteArray state;     // docks and toolbars (saveState)
    QByteArray splitter;  // the diagram and the map
    QByteArray geometry;  // the window (saveGeometry)
    Qt::WindowStates windowState;
    Qt::DockWidgetArea bottomLeft = Qt::BottomDockWidgetArea;
    Qt::DockWidgetArea bottomRight = Qt::BottomDockWidgetArea;
    bool statusBar = true;
    bool transport = true;
  };
  // The application font in presentation mode for a window `windowHeight` pixels high.
  QFont presentationFont(int windowHeight) const;
  void setApplicationFont(const QFont& font);
  void enterPresentationLayout();
  void leavePresentationLayout();
  // A projector's text size for the window's height, then the playground's layout.
  void layoutPresentation();
  void schedulePresentationLayout();
  void readSettings();
  void writeSettings() const;

  void updateStatusSummary();
  void openDialog();
  void saveDialog(bool withState);
  void addRecentFile(const QString& path);
  void updateRecentMenu();
  void showAbout();
public:
  // Help → Quick guide (F1): the guide and every shortcut, in the interface language.
  void showGuide();
  HelpDialog* helpDialog() const { return m_help; }
  FirstRunHint* firstRunHint() const;
  WatchPanel* watchPanel() const;

private:
  void reportError(const QString& message);
  // A status message too long to share the line with the experiment summary hides the summary.
  void fitStatusLine();

  std::function<void(const QString&)> m_errorReporter;
  std::function<bool(const QString&)> m_questionAsker;

  HelpDialog* m_help = nullptr;
  QStackedWidget* m_labStack = nullptr;
  PlaygroundLab* m_playground = nullptr;  // the stack's first page
  QToolBar* m_labBar = nullptr;
  QMenu* m_labMenu = nullptr;
  QAction* m_labPlayAction = nullptr;  // Space and → while another lab than the playground is shown
  QAction* m_labStepAction = nullptr;
  QActionGroup* m_labGroup = nullptr;
  QString m_lab = QStringLiteral("playground");
  QByteArray m_playgroundState;  // the playground's docks while another lab is shown
  QLabel* m_statusConfig = nullptr;

  QMenu* m_fileMenu = nullptr;
  QMenu* m_recentMenu = nullptr;
  QMenu* m_exportMenu = nullptr;
  QMenu* m_viewMenu = nullptr;
  QMenu* m_languageMenu = nullptr;
  QMenu* m_helpMenu = nullptr;
  QMenu* m_presetMenu = nullptr;
  QMenu* m_practiceMenu = nullptr;
  QActionGroup* m_languageGroup = nullptr;
  QAction* m_practiceAction = nullptr;
  NotesDock* m_notes = nullptr;
  PracticeDialog* m_practice = nullptr;
  QAction* m_openAction = nullptr;
  QAction* m_saveAction = nullptr;
  QAction* m_saveWeightsAction = nullptr;
  QAction* m_exportPngAction = nullptr;
  QAction* m_exportSvgAction = nullptr;
  QAction* m_exportCsvAction = nullptr;
  QAction* m_clearRecentAction = nullptr;
  QAction* m_quitAction = nullptr;
  QAction* m_presentationAction = nullptr;
  QAction* m_defaultLayoutAction = nullptr;
  QAction* m_aboutAction = nullptr;
  QAction* m_guideAction = nullptr;

  QStringList m_recent;
  QByteArray m_defaultState;
  QFont m_normalFont;
  bool m_presentation = false;
  std::optional<NormalLayout> m_normalLayout;    // set while in presentation mode
  std::optional<NormalLayout> m_pendingRestore;  // just left it: a late resize restores the docks again
  bool m_presentationLayoutPending = false;
  bool m_shownOnce = false;
  bool m_layoutRestored = false;  // a saved dock layout was restored from the settings
};

}  // namespace dlui
