// The MLP playground as a lab: a dense network trained on 2-D or tabular data, with the decision
// map, the network diagram, the score board, the watch line and the divergence banner on its page,
// and three docks and a toolbar of its own: the controls (every setting), the classroom column (the
// projector's few), the charts, and the transport bar. It drives one TrainingSession: edits go in
// as commands, snapshots come out to every widget.
//
// Unlike the other labs, whose page holds everything they show, the playground's docks live in the
// window that hosts it (they can be moved, tabbed, floated and saved with the window's layout): the
// lab creates them and adds them to `host`, and puts them away when another lab is shown. The
// window keeps what is the window's: the menus, the notes dock, the recent files, the window's
// geometry and dock state, and presentation mode's font, full screen and status bar; the lab lays
// out its own page and docks on a projector.
#pragma once

#include "labs/Lab.h"
#include "labs/playground/Snapshot.h"

#include <QStringList>

#include <deque>
#include <functional>
#include <memory>
#include <optional>

class QAction;
class QDockWidget;
class QMainWindow;
class QSettings;
class QSplitter;
class QVBoxLayout;

namespace dlui {

class ChartPanel;
class ClassroomDock;
class ControlDock;
class DecisionMapWidget;
class DivergenceBanner;
class FirstRunHint;
class NetworkDiagramWidget;
class ScoreBoard;
class TrainingSession;
class TransportBar;
class WatchPanel;

class PlaygroundLab : public Lab {
  Q_OBJECT
public:
  // Drives `session` (not owned), or a session of its own when null; its docks and transport bar
  // go into `host`.
  PlaygroundLab(TrainingSession* session, QMainWindow* host, QWidget* parent = nullptr);
  ~PlaygroundLab() override;

  // ---- Lab ----
  QString id() const override;
  // A built-in preset: its configuration, its chart in front, its goal, its watch line.
  bool loadPreset(const QString& name, QString* error) override;
  // An experiment file (with or without trained state); a data file (CSV…) is offered as the data of
  // the current experiment instead (true when taken).
  bool openFile(const QString& path, QString* error) override { return openFile(path, error, nullptr); }
  // The same; *dataFile says whether the file was taken as data (not an experiment file to reopen).
  bool openFile(const QString& path, QString* error, bool* dataFile);
  // Hidden: training pauses (and resumes when shown again if it was running); the docks go.
  void setActive(bool on) override;
  void setPresentationMode(bool on) override;
  void togglePlay() override;
  void stepOnce() override;
  // Brings the run to its configuration's step count (paced, then single steps, so that the picture
  // is the state the preset's claim is tested at), or to its divergence; false when time ran out.
  bool finish(int timeoutMs) override;
  QStringList grabPanels(const QString& dir) override;

  // ---- the playground's own ----
  TrainingSession* session() const { return m_session; }
  // A configuration from elsewhere (a search trial): loaded as an experiment without a preset.
  void loadConfig(const dl::ExperimentConfig& config);
  // Saves the experiment (withState: with weights, optimiser state and counters). Asynchronous: the
  // session delivers the state first; fileSaved() or the error reporter say how it went.
  void saveExperiment(const QString& path, bool withState);
  void exportChart(bool svg);
  void exportMetrics();
  // Where asynchronous errors go (a refused edit, a failed save), and the questions and the weight
  // editor the window may replace in tests.
  void setErrorReporter(std::function<void(const QString&)> reporter) { m_errorReporter = std::move(reporter); }
  void setQuestionAsker(std::function<bool(const QString&)> asker) { m_questionAsker = std::move(asker); }
  void setWeightEditor(std::function<std::optional<double>(const QString& prompt, double value)> editor) {
    m_weightEditor = std::move(editor);
  }
  // The experiment in one line for the window's status bar ("Spiral · 8–8 · Adam, learning rate 0.03").
  QString statusSummary() const;
  // The last experiment and the charts' smoothing, kept between runs of the program.
  void readSettings(QSettings& settings);
  void writeSettings(QSettings& settings) const;

  // ---- its place in the window ----
  // With another lab shown the docks and the transport bar are put away, and their View actions
  // disabled (the window's dock state keeps where they were).
  void putAwayChrome(bool away);
  // Default sizes: the controls a fifth of the width, the charts a third of the height, the map a
  // little more than the diagram.
  void applyDefaultSizes();
  // Every dock back in the window and shown (View → Restore default layout).
  void showDefaultChrome();
  // ---- on a projector (PlaygroundLabPresentation.cpp) ----
  // The docks and page arranged for a projector (the window has set its corners, font and full
  // screen); leaving puts the page back (the window restores the docks' state).
  void enterPresentationLayout();
  void leavePresentationLayout();
  // Sizes the map row, the chart dock and the columns for the window's current size.
  void layoutPresentation();
  // The application font changed: on a projector the watch line takes it (a widget with a style
  // sheet does not by itself); off it, QFont() gives it back to the application's.
  void setWatchFont(const QFont& font);

  ControlDock* controlDock() const { return m_controls; }
  ClassroomDock* classroomDock() const { return m_classroom; }
  QDockWidget* chartDock() const { return m_chartDock; }
  ChartPanel* chartPanel() const { return m_charts; }
  TransportBar* transport() const { return m_transport; }
  DecisionMapWidget* decisionMap() const { return m_map; }
  NetworkDiagramWidget* networkDiagram() const { return m_network; }
  DivergenceBanner* divergenceBanner() const { return m_banner; }
  ScoreBoard* scoreBoard() const { return m_score; }
  FirstRunHint* firstRunHint() const { return m_hint; }
  WatchPanel* watchPanel() const { return m_watch; }
  QSplitter* splitter() const { return m_splitter; }
  // F6: all the controls (on a projector in the classroom column's place).
  QAction* fullControlsAction() const { return m_fullControlsAction; }
  SnapshotPtr lastSnapshot() const { return m_last; }

signals:
  // Every snapshot after the lab's widgets have taken it.
  void snapshotApplied(const dlui::SnapshotPtr& snapshot);
  // A save finished: `path` holds the experiment.
  void fileSaved(const QString& path);
  // The first-run hint's "Quick guide" link.
  void guideRequested();
  // On a projector something changed size (a wider control, another chart, a rewrapped watch line):
  // the window lays the page out again.
  void layoutRequested();

protected:
  void changeEvent(QEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;

private:
  struct PendingSave {
    QString path;
    bool withState = false;
  };

  void createPage();
  void createDocks();
  void connectSession();
  void retranslateUi();
  // Model → both control sets (the full dock and the classroom column).
  void showConfig(const dl::ExperimentConfig& config);
  // A loaded experiment: into the session, the controls and a cleared banner; it starts paused.
  void load(const dl::ExperimentConfig& config, std::shared_ptr<const dl::TrainerState> state);
  // A preset's view: its chart tab in front, its goal, its map space, its watch line above the map
  // (at once, or when the lab is shown if it is not).
  void showPresetView(const QString& preset);
  void applyPresetView(const QString& preset);
  void requestLayout();
  void reportError(const QString& message);
  void applySnapshot(const SnapshotPtr& snapshot);
  void onStateReady(const dl::ExperimentConfig& config, std::shared_ptr<const dl::TrainerState> state);
  void onSessionError(const QString& message);
  void onReset();
  void editWeight(int layer, int row, int col, double value, const QString& from, const QString& to);
  // The controls dock as wide as its widest page.
  void fitControlsWidth();
  // F6: the full controls dock in place of the classroom column (presentation), or shown/hidden.
  void toggleFullControls(bool show);
  // On a narrow projector a network preset shows its diagram below the map, in the chart dock's place.
  bool diagramBelowMap() const;

  QMainWindow* m_host;
  TrainingSession* m_session = nullptr;
  std::unique_ptr<TrainingSession> m_ownSession;
  std::function<void(const QString&)> m_errorReporter;
  std::function<bool(const QString&)> m_questionAsker;
  std::function<std::optional<double>(const QString&, double)> m_weightEditor;

  QVBoxLayout* m_layout = nullptr;
  DivergenceBanner* m_banner = nullptr;
  FirstRunHint* m_hint = nullptr;
  WatchPanel* m_watch = nullptr;
  QSplitter* m_splitter = nullptr;
  NetworkDiagramWidget* m_network = nullptr;
  DecisionMapWidget* m_map = nullptr;
  ScoreBoard* m_score = nullptr;
  ControlDock* m_controls = nullptr;
  ClassroomDock* m_classroom = nullptr;
  QDockWidget* m_chartDock = nullptr;
  ChartPanel* m_charts = nullptr;
  TransportBar* m_transport = nullptr;
  QAction* m_fullControlsAction = nullptr;

  SnapshotPtr m_last;
  quint64 m_generation = ~quint64{0};
  std::deque<PendingSave> m_pendingSaves;
  QString m_loadMessage;  // a loaded preset or file: shown again when the session confirms the load
  bool m_loading = false;         // a load was sent and no snapshot of it has arrived yet
  quint64 m_loadGeneration = 0;  // the generation on screen when it was sent
  bool m_presentation = false;
  bool m_active = true;       // shown (the window starts with it)
  // A preset's view asked for while another lab was shown (a file opened there): shown with the lab,
  // after the window has put the docks back where they were.
  std::optional<QString> m_pendingView;
  bool m_wasRunning = false;  // training was on when another lab was shown
  // Which column the projector showed when the playground was left: all controls or the classroom
  // set (putting the docks away unchecks "All controls", so the action cannot say).
  bool m_fullControlsOnLeave = false;
};

}  // namespace dlui
