// The main window: the decision map and the network diagram in the centre, the controls dock,
// the charts dock and the transport toolbar around them; the File, View and Help menus; settings
// (geometry, last experiment, recent files) kept in QSettings. It drives one TrainingSession:
// user edits go in as commands, snapshots come out to every widget.
#pragma once

#include "session/Snapshot.h"

#include <QMainWindow>
#include <QStringList>

#include <deque>
#include <functional>
#include <optional>
#include <memory>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QSplitter;
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

  TrainingSession* session() const { return m_session; }

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
  ChartPanel* chartPanel() const;
  PracticeDialog* practiceDialog() const { return m_practice; }
  ControlDock* controlDock() const { return m_controls; }
  TransportBar* transport() const { return m_transport; }
  DecisionMapWidget* decisionMap() const { return m_map; }
  NetworkDiagramWidget* networkDiagram() const { return m_network; }
  DivergenceBanner* divergenceBanner() const { return m_banner; }
  QDockWidget* chartDock() const { return m_chartDock; }
  ClassroomDock* classroomDock() const { return m_classroom; }
  ScoreBoard* scoreBoard() const { return m_score; }
  SnapshotPtr lastSnapshot() const { return m_last; }

  // ---- labs (MainWindowLabs.cpp) ----
  // Shows lab `id` ("playground", "landscape", …): its page in the centre, the playground's docks
  // only with the playground. False (nothing changes) for an id with no lab. The lab shown when
  // the window closes is the one it opens with next time.
  bool setLab(const QString& id);
  QString currentLab() const { return m_lab; }
  // The lab's page, created on first use; nullptr for the playground and unknown ids.
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
  struct PendingSave {
    QString path;
    bool withState = false;
  };

  void createCentralArea();
  void createLabHost();
  void retranslateLabs();
  // With another lab shown: the playground's docks, transport and their menu actions put away
  // (nothing when the playground is shown).
  void hidePlaygroundChrome();
  // A preset or file of another lab than the playground: that lab loads it.
  bool loadLabPreset(const QString& lab, const QString& name);
  // The "lab" a JSON file declares ("playground" when none); empty when the file cannot be read.
  static QString labOfFile(const QString& path);
  void createDocks();
  void createActions();
  void createMenus();
  void connectSession();
  void retranslateUi();
  void retranslatePresetMenu();
  void applyDefaultSizes();
  void fitControlsWidth();
  // Model → both control sets (the full dock and the classroom column).
  void showConfig(const dl::ExperimentConfig& config);

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
  // Sizes the map row, the chart dock and the columns for the window's current size.
  void layoutPresentation();
  // On a narrow projector a network preset shows its diagram below the map, in the chart dock's place.
  bool diagramBelowMap() const;
  void schedulePresentationLayout();
  // F6: the full controls dock in place of the classroom column (presentation), or shown/hidden.
  void toggleFullControls(bool show);
  void readSettings();
  void writeSettings() const;

  // ---- session → window ----
  void applySnapshot(const SnapshotPtr& snapshot);
  void updateStatusSummary();
  void onStateReady(const dl::ExperimentConfig& config, std::shared_ptr<const dl::TrainerState> state);
  void onSessionError(const QString& message);
  void onResetHappened(const QString& reason);
  void onExperimentLoaded();
  void onDiverged(int run, const QString& where);
  // ---- user → session ----
  void onConfigEdited(const dl::ExperimentConfig& config);
  void onPlayToggled(bool play);
  void onReset();
  void openDialog();
  void saveDialog(bool withState);
  void exportChart(bool svg);
  void exportMetrics();
  void addRecentFile(const QString& path);
  void updateRecentMenu();
  void showAbout();
public:
  // Help → Quick guide (F1): the guide and every shortcut, in the interface language.
  void showGuide();
  HelpDialog* helpDialog() const { return m_help; }
  FirstRunHint* firstRunHint() const { return m_hint; }
  WatchPanel* watchPanel() const { return m_watch; }

private:
  void reportError(const QString& message);
  // A status message too long to share the line with the experiment summary hides the summary.
  void fitStatusLine();

  TrainingSession* m_session = nullptr;
  std::unique_ptr<TrainingSession> m_ownSession;
  std::function<void(const QString&)> m_errorReporter;
  std::function<bool(const QString&)> m_questionAsker;
  std::function<std::optional<double>(const QString&, double)> m_weightEditor;
  void editWeight(int layer, int row, int col, double value, const QString& from, const QString& to);

  DivergenceBanner* m_banner = nullptr;
  FirstRunHint* m_hint = nullptr;
  WatchPanel* m_watch = nullptr;
  // A preset's view: its chart tab in front, its note in the notes dock, its watch line above the map.
  void showPresetView(const QString& preset);
  HelpDialog* m_help = nullptr;
  QSplitter* m_splitter = nullptr;
  QStackedWidget* m_labStack = nullptr;
  QWidget* m_playgroundPage = nullptr;  // the map, the diagram and what sits above them
  QToolBar* m_labBar = nullptr;
  QMenu* m_labMenu = nullptr;
  QAction* m_labPlayAction = nullptr;  // Space and → while another lab than the playground is shown
  QAction* m_labStepAction = nullptr;
  QActionGroup* m_labGroup = nullptr;
  QString m_lab = QStringLiteral("playground");
  QByteArray m_playgroundState;  // the playground's docks while another lab is shown
  bool m_playgroundWasRunning = false;
  // Which column the projector showed when the playground was left: all controls or the classroom
  // set (hiding the docks for another lab unchecks "All controls", so the action cannot say).
  bool m_fullControlsOnLeave = false;
  NetworkDiagramWidget* m_network = nullptr;
  DecisionMapWidget* m_map = nullptr;
  ControlDock* m_controls = nullptr;
  ClassroomDock* m_classroom = nullptr;
  ScoreBoard* m_score = nullptr;
  QDockWidget* m_chartDock = nullptr;
  ChartPanel* m_charts = nullptr;
  TransportBar* m_transport = nullptr;
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
  QAction* m_fullControlsAction = nullptr;  // F6: the controls dock (in presentation mode, in the column's place)
  QAction* m_defaultLayoutAction = nullptr;
  QAction* m_aboutAction = nullptr;
  QAction* m_guideAction = nullptr;

  SnapshotPtr m_last;
  quint64 m_generation = ~quint64{0};
  std::deque<PendingSave> m_pendingSaves;
  QStringList m_recent;
  QString m_loadMessage;  // a loaded preset or file: shown again when the session confirms the load
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
