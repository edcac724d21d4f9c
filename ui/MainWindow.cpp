// The main window (see MainWindow.h): builds the panels, wires the session to them and keeps the
// files, recent list, layout and presentation mode.
#include "MainWindow.h"

#include "Language.h"
#include "labs/Lab.h"
#include "notes/NotesDock.h"
#include "notes/PracticeDialog.h"
#include "plots/ChartPanel.h"
#include "plots/LossChart.h"
#include "plots/SparsityChart.h"
#include "session/TrainingSession.h"
#include "widgets/ClassroomDock.h"
#include "widgets/ControlDock.h"
#include "widgets/DecisionMapWidget.h"
#include "widgets/DisplayNames.h"
#include "notes/NotesLibrary.h"
#include "widgets/DivergenceBanner.h"
#include "widgets/FirstRunHint.h"
#include "widgets/HelpDialog.h"
#include "widgets/WatchPanel.h"
#include "widgets/LogSlider.h"
#include "widgets/NetworkDiagramWidget.h"
#include "widgets/ScoreBoard.h"
#include "widgets/TransportBar.h"

#include "io/ErrorText.h"
#include "io/ExperimentIo.h"
#include "io/PresetCatalog.h"
#include "io/Presets.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <cstdio>
#include <QDir>
#include <QElapsedTimer>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QLabel>
#include <QMenuBar>
#include <QInputDialog>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QShowEvent>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QToolBox>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace dlui {

namespace {
constexpr int kMaxRecent = 8;
constexpr double kDefaultSmoothing = 0.6;  // TensorBoard's default

QString experimentFilter() { return MainWindow::tr("dlplay experiments (*.json);;All files (*)"); }

QString architectureText(const dl::ExperimentConfig& c) {
  QStringList parts;
  for (const dl::LayerConfig& l : c.hidden) parts << QString::number(l.units);
  return parts.isEmpty() ? MainWindow::tr("no hidden layer") : parts.join(QStringLiteral("–"));
}
}  // namespace

MainWindow::MainWindow(TrainingSession* session, QWidget* parent) : QMainWindow(parent), m_session(session) {
  setObjectName(QStringLiteral("mainWindow"));
  if (!m_session) {
    m_ownSession = std::make_unique<TrainingSession>();
    m_session = m_ownSession.get();
  }
  m_normalFont = QApplication::font();
  m_errorReporter = [this](const QString& message) { QMessageBox::warning(this, tr("dlplay"), message); };
  m_weightEditor = [this](const QString& prompt, double value) -> std::optional<double> {
    bool ok = false;
    const double v = QInputDialog::getDouble(this, tr("Set weight"), prompt, value, -1000, 1000, 4, &ok);
    return ok ? std::optional<double>(v) : std::nullopt;
  };
  m_questionAsker = [this](const QString& question) {
    return QMessageBox::question(this, tr("dlplay"), question, QMessageBox::Yes | QMessageBox::No,
                                 QMessageBox::Yes) == QMessageBox::Yes;
  };

  createCentralArea();
  createDocks();
  createActions();
  createMenus();
  createLabHost();
  m_statusConfig = new QLabel(this);
  m_statusConfig->setObjectName(QStringLiteral("statusConfig"));
  statusBar()->addPermanentWidget(m_statusConfig);
  // A message too long to share the line with the experiment summary (a preset's description)
  // gets the whole line while it is shown; the summary comes back with the next short message.
  connect(statusBar(), &QStatusBar::messageChanged, this, &MainWindow::fitStatusLine);
  statusBar()->installEventFilter(this);
  retranslateUi();
  m_defaultState = saveState();
  if (const QScreen* screen = QGuiApplication::primaryScreen()) {
    const QSize avail = screen->availableGeometry().size();
    resize(std::min(1600, avail.width() * 95 / 100), std::min(1000, avail.height() * 95 / 100));
  }
  connectSession();
  m_session->setThumbnails(true);
  m_session->setSpeed(m_transport->speed());
  showConfig(m_session->config());
  readSettings();
}

MainWindow::~MainWindow() {
  if (m_presentation) QApplication::setFont(m_normalFont);
  // The snapshots in flight may still arrive while the widgets are being destroyed.
  if (m_session) disconnect(m_session, nullptr, this, nullptr);
}

// ---------------------------------------------------------------------------------------------
// Construction

void MainWindow::createCentralArea() {
  auto* central = new QWidget(this);
  auto* layout = new QVBoxLayout(central);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  m_banner = new DivergenceBanner(central);
  m_hint = new FirstRunHint(central);
  m_hint->setVisible(!FirstRunHint::dismissedBefore());
  connect(m_hint, &FirstRunHint::guideRequested, this, &MainWindow::showGuide);
  m_splitter = new QSplitter(Qt::Horizontal, central);
  m_splitter->setObjectName(QStringLiteral("centralSplitter"));
  m_network = new NetworkDiagramWidget(m_splitter);
  m_map = new DecisionMapWidget(m_splitter);
  m_score = new ScoreBoard(m_splitter);  // presentation mode only
  m_splitter->addWidget(m_network);
  m_splitter->addWidget(m_map);
  m_splitter->addWidget(m_score);
  m_splitter->setStretchFactor(0, 1);
  m_splitter->setStretchFactor(1, 1);
  m_splitter->setStretchFactor(2, 0);
  m_score->hide();
  connect(m_score, &ScoreBoard::widthChanged, this, &MainWindow::schedulePresentationLayout);
  connect(m_map, &DecisionMapWidget::plotExtentChanged, this, &MainWindow::schedulePresentationLayout);
  m_splitter->setChildrenCollapsible(false);
  layout->addWidget(m_hint);
  m_watch = new WatchPanel(central);
  // Rewrapped to another number of lines: on a projector the layout gives the map and chart their
  // shares again (and picks how many lines the watch line may have).
  connect(m_watch, &WatchPanel::shownLinesChanged, this, &MainWindow::schedulePresentationLayout);
  layout->addWidget(m_watch);
  layout->addWidget(m_banner);
  layout->addWidget(m_splitter, 1);
  m_playgroundPage = central;
  m_labStack = new QStackedWidget(this);
  m_labStack->setObjectName(QStringLiteral("labStack"));
  m_labStack->addWidget(central);
  setCentralWidget(m_labStack);
  connect(m_banner, &DivergenceBanner::resetRequested, this, &MainWindow::onReset);
  connect(m_network, &NetworkDiagramWidget::weightClicked, this, &MainWindow::editWeight);
  // In presentation mode the map row is sized around what sits above it.
  m_watch->installEventFilter(this);
  m_banner->installEventFilter(this);
}

void MainWindow::createDocks() {
  setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
  m_controls = new ControlDock(this);
  addDockWidget(Qt::LeftDockWidgetArea, m_controls);
  connect(m_controls, &ControlDock::configEdited, this, &MainWindow::onConfigEdited);
  connect(m_map, &DecisionMapWidget::mapFeaturesEdited, m_controls, &ControlDock::editMapFeatures);
  connect(m_map, &DecisionMapWidget::networkInputsToggled, m_session, &TrainingSession::setMapOverNetworkInputs);

  m_chartDock = new QDockWidget(this);
  m_chartDock->setObjectName(QStringLiteral("chartDock"));
  m_charts = new ChartPanel(m_chartDock);
  m_chartDock->setWidget(m_charts);
  addDockWidget(Qt::BottomDockWidgetArea, m_chartDock);

  m_notes = new NotesDock(this);
  addDockWidget(Qt::RightDockWidgetArea, m_notes);
  m_practice = new PracticeDialog(this);
  connect(m_notes, &NotesDock::tryPreset, this, &MainWindow::loadPreset);
  // On a projector the chart's options sit in the classroom column, which follows their width.
  connect(m_charts, &ChartPanel::currentViewChanged, this, &MainWindow::schedulePresentationLayout);
  connect(m_charts, &ChartPanel::smoothingChanged, this,
          [](double weight) { QSettings().setValue(QStringLiteral("charts/smoothing"), weight); });
  connect(m_practice, &PracticeDialog::tryPreset, this, &MainWindow::loadPreset);
  connect(m_notes, &NotesDock::practiceRequested, this, [this](const QString& id) { showPractice(id); });
  // The notes' 中文/English/Both buttons choose the content language of the practice too.
  connect(m_notes, &NotesDock::languageModeChanged, m_practice, &PracticeDialog::setLanguageMode);
  connect(m_practice, &PracticeDialog::openNote, this, [this](const QString& id) {
    m_notes->show();
    m_notes->raise();
    m_notes->showNote(id);
  });

  m_transport = new TransportBar(this);
  addToolBar(Qt::TopToolBarArea, m_transport);
  // The keys work even when the toolbar is hidden.
  addActions(m_transport->actions());
  connect(m_transport, &TransportBar::playToggled, this, &MainWindow::onPlayToggled);
  connect(m_transport, &TransportBar::stepRequested, this, [this] { m_session->stepOnce(); });
  connect(m_transport, &TransportBar::resetRequested, this, &MainWindow::onReset);
  connect(m_transport, &TransportBar::speedChanged, this, [this](double v) { m_session->setSpeed(v); });

  // Presentation mode's classroom column, on the left where the controls dock is; F6 swaps in the
  // full dock. Both show the same configuration: an edit in one is shown by the other.
  // Not the dock's own toggle action: that one shows the dock before anyone can make room for it.
  m_fullControlsAction = new QAction(this);
  m_fullControlsAction->setObjectName(QStringLiteral("fullControlsAction"));
  m_fullControlsAction->setCheckable(true);
  m_fullControlsAction->setChecked(true);
  m_fullControlsAction->setShortcut(QKeySequence(Qt::Key_F6));
  connect(m_fullControlsAction, &QAction::triggered, this, &MainWindow::toggleFullControls);
  connect(m_controls->toggleViewAction(), &QAction::toggled, m_fullControlsAction, [this](bool on) {
    const QSignalBlocker blocker(m_fullControlsAction);
    m_fullControlsAction->setChecked(on);
  });
  m_classroom = new ClassroomDock(m_transport, m_fullControlsAction, this);
  addDockWidget(Qt::LeftDockWidgetArea, m_classroom);
  m_classroom->hide();
  connect(m_classroom, &ClassroomDock::configEdited, this, [this](const dl::ExperimentConfig& c) {
    m_controls->setFromConfig(c);
    m_session->setConfig(c);
    schedulePresentationLayout();  // the column follows its widest control
  });
  connect(m_controls, &ControlDock::configEdited, this, [this](const dl::ExperimentConfig& c) {
    m_classroom->setFromConfig(c);
    schedulePresentationLayout();
  });
  connect(m_classroom, &ClassroomDock::showValidationToggled, m_map, &DecisionMapWidget::setShowValidation);
  connect(m_classroom, &ClassroomDock::discretizeToggled, m_map, &DecisionMapWidget::setDiscretize);
}

void MainWindow::createActions() {
  m_openAction = new QAction(this);
  m_openAction->setShortcut(QKeySequence::Open);
  connect(m_openAction, &QAction::triggered, this, &MainWindow::openDialog);
  m_saveAction = new QAction(this);
  m_saveAction->setShortcut(QKeySequence::Save);
  connect(m_saveAction, &QAction::triggered, this, [this] { saveDialog(false); });
  m_saveWeightsAction = new QAction(this);
  connect(m_saveWeightsAction, &QAction::triggered, this, [this] { saveDialog(true); });
  m_exportPngAction = new QAction(this);
  connect(m_exportPngAction, &QAction::triggered, this, [this] { exportChart(false); });
  m_exportSvgAction = new QAction(this);
  connect(m_exportSvgAction, &QAction::triggered, this, [this] { exportChart(true); });
  m_exportCsvAction = new QAction(this);
  connect(m_exportCsvAction, &QAction::triggered, this, &MainWindow::exportMetrics);
  m_clearRecentAction = new QAction(this);
  connect(m_clearRecentAction, &QAction::triggered, this, [this] {
    m_recent.clear();
    updateRecentMenu();
    writeSettings();
  });
  m_quitAction = new QAction(this);
  m_quitAction->setShortcut(QKeySequence::Quit);
  m_quitAction->setMenuRole(QAction::QuitRole);
  connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
  m_presentationAction = new QAction(this);
  m_presentationAction->setObjectName(QStringLiteral("presentationAction"));
  m_presentationAction->setCheckable(true);
  m_presentationAction->setShortcut(QKeySequence(Qt::Key_F5));
  connect(m_presentationAction, &QAction::toggled, this, &MainWindow::setPresentationMode);
  m_defaultLayoutAction = new QAction(this);
  connect(m_defaultLayoutAction, &QAction::triggered, this, &MainWindow::restoreDefaultLayout);
  m_languageGroup = new QActionGroup(this);
  for (const QString& code : availableLanguages()) {
    QAction* a = m_languageGroup->addAction(languageName(code));  // a language's own name is never translated
    a->setCheckable(true);
    a->setData(code);
    a->setChecked(code == currentLanguage());
    connect(a, &QAction::triggered, this, [this, code] { switchLanguage(code); });
  }
  m_practiceAction = new QAction(this);
  m_practiceAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
  connect(m_practiceAction, &QAction::triggered, this, [this] { showPractice(QString()); });
  m_guideAction = new QAction(this);
  m_guideAction->setObjectName(QStringLiteral("guideAction"));
  m_guideAction->setShortcut(QKeySequence::HelpContents);  // F1
  connect(m_guideAction, &QAction::triggered, this, &MainWindow::showGuide);
  m_aboutAction = new QAction(this);
  m_aboutAction->setMenuRole(QAction::AboutRole);
  connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createMenus() {
  m_fileMenu = menuBar()->addMenu(QString());
  m_fileMenu->addAction(m_openAction);
  m_recentMenu = m_fileMenu->addMenu(QString());
  m_fileMenu->addSeparator();
  m_fileMenu->addAction(m_saveAction);
  m_fileMenu->addAction(m_saveWeightsAction);
  m_fileMenu->addSeparator();
  m_exportMenu = m_fileMenu->addMenu(QString());
  m_exportMenu->addAction(m_exportPngAction);
  m_exportMenu->addAction(m_exportSvgAction);
  m_exportMenu->addAction(m_exportCsvAction);
  m_fileMenu->addSeparator();
  m_fileMenu->addAction(m_quitAction);

  m_viewMenu = menuBar()->addMenu(QString());
  m_viewMenu->addAction(m_fullControlsAction);
  m_viewMenu->addAction(m_chartDock->toggleViewAction());
  m_viewMenu->addAction(m_notes->toggleViewAction());
  m_viewMenu->addAction(m_transport->toggleViewAction());
  m_viewMenu->addSeparator();
  m_viewMenu->addAction(m_presentationAction);
  m_viewMenu->addAction(m_defaultLayoutAction);
  m_viewMenu->addSeparator();
  m_languageMenu = m_viewMenu->addMenu(QString());
  m_languageMenu->setObjectName(QStringLiteral("languageMenu"));
  m_languageMenu->addActions(m_languageGroup->actions());

  // Presets: every built-in experiment, one click each, in the catalogue's groups (the notes' Try
  // it buttons load the same). The texts come from the catalogue in retranslatePresetMenu().
  m_presetMenu = menuBar()->addMenu(QString());
  m_presetMenu->setObjectName(QStringLiteral("presetMenu"));
  m_presetMenu->setToolTipsVisible(true);
  const auto addPreset = [this](QMenu* menu, const QString& name) {
    QAction* a = menu->addAction(name);
    a->setObjectName(name);
    a->setData(name);
    connect(a, &QAction::triggered, this, [this, name] { loadPreset(name); });
  };
  const QStringList files = dlio::presetNames();
  QStringList placed;
  for (const dlio::PresetGroup& group : dlio::PresetCatalog::builtIn().groups()) {
    // A lab that runs headless only so far (the CNN lab) has no window to load its presets into:
    // its group stays out of the menu instead of offering entries that can only fail.
    if (group.lab != QLatin1String("playground") && !findLab(group.lab)) {
      placed << group.presets;
      continue;
    }
    QMenu* sub = nullptr;
    for (const QString& name : group.presets) {
      if (!files.contains(name)) continue;
      if (!sub) {
        sub = m_presetMenu->addMenu(QString());
        sub->setObjectName(QStringLiteral("presetGroup-") + group.id);
        sub->menuAction()->setData(group.id);
        sub->setToolTipsVisible(true);
      }
      addPreset(sub, name);
      placed << name;
    }
  }
  // A preset file the catalogue does not list still gets a place, after the groups.
  bool separated = false;
  for (const QString& name : files) {
    if (placed.contains(name)) continue;
    if (!separated) m_presetMenu->addSeparator();
    separated = true;
    addPreset(m_presetMenu, name);
  }
  m_practiceMenu = menuBar()->addMenu(QString());
  m_practiceMenu->addAction(m_notes->toggleViewAction());
  m_practiceMenu->addAction(m_practiceAction);

  m_helpMenu = menuBar()->addMenu(QString());
  m_helpMenu->addAction(m_guideAction);
  m_helpMenu->addSeparator();
  m_helpMenu->addAction(m_aboutAction);
  updateRecentMenu();
}

void MainWindow::connectSession() {
  connect(m_session, &TrainingSession::snapshotReady, this, &MainWindow::applySnapshot);
  connect(m_session, &TrainingSession::stateReady, this, &MainWindow::onStateReady);
  connect(m_session, &TrainingSession::error, this, &MainWindow::onSessionError);
  connect(m_session, &TrainingSession::resetHappened, this, &MainWindow::onResetHappened);
  connect(m_session, &TrainingSession::experimentLoaded, this, &MainWindow::onExperimentLoaded);
  connect(m_session, &TrainingSession::diverged, this, &MainWindow::onDiverged);
}

// ---------------------------------------------------------------------------------------------
// Session → window

void MainWindow::applySnapshot(const SnapshotPtr& s) {
  if (!s) return;
  m_last = s;
  // DLPLAY_SLOW_TRACE=1: a snapshot that takes the GUI thread over 15 ms is broken down on stderr
  // (what found the metrics ring's 50–80 ms reallocations; see scripts/gui-bench.sh).
  static const bool trace = qEnvironmentVariableIsSet("DLPLAY_SLOW_TRACE");
  QElapsedTimer t;
  t.start();
  qint64 marks[6] = {};
  m_transport->applySnapshot(s);
  marks[0] = t.nsecsElapsed();
  m_map->applySnapshot(s);
  marks[1] = t.nsecsElapsed();
  m_network->applySnapshot(s);
  marks[2] = t.nsecsElapsed();
  m_charts->applySnapshot(s);
  marks[3] = t.nsecsElapsed();
  m_score->applySnapshot(s);
  marks[4] = t.nsecsElapsed();
  if (trace && marks[4] > 15'000'000)
    fprintf(stderr, "slow snapshot: transport %.1f map %.1f network %.1f charts %.1f score %.1f ms, %zu steps\n",
            marks[0] / 1e6, (marks[1] - marks[0]) / 1e6, (marks[2] - marks[1]) / 1e6, (marks[3] - marks[2]) / 1e6,
            (marks[4] - marks[3]) / 1e6, s->runs.empty() ? std::size_t(0) : s->runs.front().metrics.size());
  const RunSnapshot* diverged = nullptr;
  for (const RunSnapshot& r : s->runs)
    if (r.divergence && !diverged) diverged = &r;
  if (diverged)
    m_banner->showDivergence(*diverged->divergence, diverged->label);
  else if (s->generation != m_generation)
    m_banner->clear();
  m_generation = s->generation;
  updateStatusSummary();
  emit snapshotApplied(s);
}

void MainWindow::updateStatusSummary() {
  if (m_lab != QLatin1String("playground")) {  // the summary is the playground's experiment
    m_statusConfig->clear();
    return;
  }
  if (!m_last) return;
  const dl::ExperimentConfig& c = m_last->config;
  const QString source = c.data.source == "csv" ? QFileInfo(QString::fromStdString(c.data.csvPath)).fileName()
                                                : displayName(NameKind::Source, c.data.source);
  const QString summary = tr("%1 · %2 · %3, learning rate %4")
                              .arg(source, architectureText(c), displayName(NameKind::Optimizer, c.optimizer.name),
                                   formatRate(c.optimizer.learningRate));
  if (summary == m_statusConfig->text()) return;
  m_statusConfig->setText(summary);
  fitStatusLine();  // a longer summary (a deeper preset) may no longer share the line with the message
}

void MainWindow::onStateReady(const dl::ExperimentConfig& config, std::shared_ptr<const dl::TrainerState> state) {
  if (m_pendingSaves.empty()) return;
  const PendingSave save = m_pendingSaves.front();
  m_pendingSaves.pop_front();
  try {
    dlio::writeExperimentFile(save.path, config, save.withState ? state.get() : nullptr);
    addRecentFile(save.path);
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(save.path)), 5000);
  } catch (const dlio::IoError& e) {
    reportError(e.message());
  } catch (const std::exception& e) {
    reportError(tr("%1: %2").arg(save.path, dlio::ErrorText::of(e)));
  }
}

void MainWindow::onSessionError(const QString& message) {
  // A refused edit: the session keeps the experiment it had, so the controls go back to it. A
  // CSV file that cannot be used deserves more than the status bar: the user just chose it.
  const dl::ExperimentConfig edited = m_controls->config();  // a copy: setFromConfig below changes it
  const bool csvRefused = edited.data.source == "csv" && edited.data.csvPath != m_session->config().data.csvPath;
  m_loadMessage.clear();  // a refused load must not be announced by the next reset
  statusBar()->showMessage(tr("Not applied: %1").arg(message), 10000);
  showConfig(m_session->config());
  if (!csvRefused) return;
  // Labels with a value every few rows: offer the regression the file evidently is.
  if (!edited.data.regression && m_session->lastErrorWasRealValuedLabels()) {
    if (m_questionAsker(tr("%1\n\nLoad %2 as regression (a real-valued target)?")
                            .arg(message, QFileInfo(QString::fromStdString(edited.data.csvPath)).fileName())))
      m_controls->loadCsvFile(QString::fromStdString(edited.data.csvPath), true);
    return;
  }
  reportError(message);
}

void MainWindow::onResetHappened(const QString& reason) {
  if (!reason.isEmpty()) statusBar()->showMessage(tr("↻ %1").arg(reason), 8000);
  m_banner->clear();
}

void MainWindow::onExperimentLoaded() {
  // A preset's or a file's own line says more than the "Experiment loaded" just shown.
  if (!m_loadMessage.isEmpty()) statusBar()->showMessage(std::exchange(m_loadMessage, QString()), 10000);
}

void MainWindow::onDiverged(int run, const QString& where) {
  Q_UNUSED(run);
  m_banner->showMessage(where);
}

// ---------------------------------------------------------------------------------------------
// User → session

void MainWindow::onConfigEdited(const dl::ExperimentConfig& config) { m_session->setConfig(config); }

void MainWindow::showConfig(const dl::ExperimentConfig& config) {
  m_controls->setFromConfig(config);
  m_classroom->setFromConfig(config);
  schedulePresentationLayout();
}

void MainWindow::onPlayToggled(bool play) {
  if (play)
    m_session->play();
  else
    m_session->pause();
}

void MainWindow::onReset() {
  m_banner->clear();
  m_session->reset();
}

void MainWindow::setWeightEditor(std::function<std::optional<double>(const QString&, double)> editor) {
  m_weightEditor = std::move(editor);
}

// A click on a link of the diagram: ask for the new value, then set it in every run (applied
// between two steps; the optimiser keeps its state, the diagram and the map redraw).
void MainWindow::editWeight(int layer, int row, int col, double value, const QString& from, const QString& to) {
  const std::optional<double> v =
      m_weightEditor(tr("Weight from %1 to %2 (now %3):").arg(from, to).arg(value, 0, 'g', 4), value);
  if (v) m_session->setWeight(layer, row, col, *v);
}

void MainWindow::setQuestionAsker(std::function<bool(const QString&)> asker) { m_questionAsker = std::move(asker); }

void MainWindow::setErrorReporter(std::function<void(const QString&)> reporter) {
  m_errorReporter = std::move(reporter);
}

void MainWindow::reportError(const QString& message) {
  statusBar()->showMessage(message, 10000);
  if (m_errorReporter) m_errorReporter(message);
}

void MainWindow::loadPreset(const QString& name) {
  const dlio::PresetEntry* entry = dlio::PresetCatalog::builtIn().entry(name);
  if (entry && entry->lab != QLatin1String("playground")) {
    loadLabPreset(entry->lab, name);
    return;
  }
  setLab(QStringLiteral("playground"));
  try {
    const dlio::ExperimentFile file = dlio::readPreset(name);
    m_session->loadExperiment(file.config, nullptr);
    showConfig(file.config);
    m_banner->clear();
    setWindowFilePath(QString());
    const dlio::PresetCatalog& catalog = dlio::PresetCatalog::builtIn();
    const QString language = currentLanguage();
    QString description = catalog.description(name, language);
    if (description.isEmpty()) description = QString::fromStdString(file.config.description);
    m_loadMessage = tr("Preset “%1”: %2").arg(catalog.title(name, language), description);
    statusBar()->showMessage(m_loadMessage, 10000);  // again when the session confirms the load
    showPresetView(name);
    if (file.config.regularization.compareL1L2) m_charts->showChart(m_charts->sparsityChart());
  } catch (const dlio::IoError& e) {
    reportError(e.message());
  }
}

void MainWindow::showPresetView(const QString& preset) {
  const dlio::PresetEntry* e = dlio::PresetCatalog::builtIn().entry(preset);
  if (!e) {
    m_watch->setPreset(QString());
    m_charts->lossChart()->setGoal(std::nullopt);
    return;
  }
  // A preset about the map or the network has no chart of its own: the loss chart shows how the run
  // is going, not whatever tab the last preset left in front.
  const bool chartView = m_charts->showView(e->view);
  if (!chartView) m_charts->showView(QStringLiteral("loss"));
  // (Not while a projector layout has the diagram below the map in the dock's place: showing the dock
  // there would add its height to the map's and the diagram's and grow the window past the screen.
  // The layout brings it back once the diagram has left.)
  if (chartView && !m_chartDock->isVisible() && !(m_presentation && diagramBelowMap())) m_chartDock->show();
  m_map->setNetworkInputs(e->map == QLatin1String("inputs"));
  // Its loss axis as its lesson reads it: a slow crawl is only seen on a log axis (and a linear one
  // comes back for the next preset).
  m_charts->lossChart()->setLogScale(e->logAxis);
  // Its goal, if its lesson is a step count ("below 0.05 by step 5"): drawn and measured on this run.
  std::optional<LossChart::Goal> goal;
  if (!e->goalLine.isEmpty())
    goal = LossChart::Goal{e->goalLine == QLatin1String("validation-accuracy") ? 2 : 1, e->goalLevel, e->goalBelow};
  m_charts->lossChart()->setGoal(goal);
  // The note that teaches it, unless the open note already lists it (its own Try it was pressed).
  const Note* current = NotesLibrary::builtIn().note(m_notes->currentNoteId());
  if (!e->note.isEmpty() && !(current && current->presets.contains(preset))) m_notes->showNote(e->note);
  m_watch->setPreset(preset);
}

ChartPanel* MainWindow::chartPanel() const { return m_charts; }

void MainWindow::showPractice(const QString& noteId) {
  m_practice->setNoteFilter(noteId);
  m_practice->show();
  m_practice->raise();
  m_practice->activateWindow();
}

void MainWindow::switchLanguage(const QString& code) {
  if (!setLanguage(code)) return;
  for (QAction* a : m_languageGroup->actions()) a->setChecked(a->data().toString() == code);
  // The interface language is the content language too, so a screen never mixes the two: notes,
  // quiz and flash cards switch with it. The notes' own 中文/English/Both buttons (and the practice
  // dialog's language box) still override it until the next switch.
  const LanguageMode content = code == QLatin1String("zh") ? LanguageMode::Chinese : LanguageMode::English;
  m_notes->setUiLanguage(code);
  m_notes->setLanguageMode(content);
  m_practice->setUiLanguage(code);
  m_practice->setLanguageMode(content);
}

// A data file handed to File → Open: by its name (.csv, .tsv, .txt, .gz) or, for any other name, by
// content that cannot be JSON (its first visible character is not '{').
static bool looksLikeDataFile(const QString& path) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix == QLatin1String("csv") || suffix == QLatin1String("tsv") || suffix == QLatin1String("txt") ||
      suffix == QLatin1String("gz"))
    return true;
  if (suffix == QLatin1String("json") || !QFileInfo(path).isFile()) return false;
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return false;
  const QByteArray head = f.read(4096).trimmed();
  return !head.isEmpty() && !head.startsWith('{') && !head.startsWith("\xEF\xBB\xBF{");
}

bool MainWindow::openExperiment(const QString& path) {
  if (looksLikeDataFile(path)) {
    // Not an experiment: offered as the data of the current one instead of "invalid JSON".
    if (m_questionAsker(tr("%1 looks like a data file, not an experiment. Load it as the data of the current "
                           "experiment?")
                            .arg(QFileInfo(path).fileName()))) {
      m_controls->loadCsvFile(path, false);
      return true;
    }
    return false;
  }
  // Another lab's file ("lab": "landscape"): that lab opens it.
  const QString fileLab = labOfFile(path);
  if (!fileLab.isEmpty() && fileLab != QLatin1String("playground") && findLab(fileLab)) {
    // Read before switching: a broken file leaves the lab on screen, and its experiment, as they were.
    QString error;
    if (!lab(fileLab)->openFile(path, &error)) {
      reportError(error);
      return false;
    }
    setLab(fileLab);
    addRecentFile(path);
    setWindowFilePath(path);
    return true;
  }
  dlio::ExperimentFile file;
  try {
    file = dlio::readExperimentFile(path);
  } catch (const dlio::IoError& e) {
    reportError(e.message());
    return false;
  } catch (const std::exception& e) {  // ConfigError/DataError should arrive wrapped; be safe
    reportError(tr("%1: %2").arg(QFileInfo(path).fileName(), dlio::ErrorText::of(e)));
    return false;
  }
  std::shared_ptr<const dl::TrainerState> state;
  if (file.state) state = std::make_shared<const dl::TrainerState>(std::move(*file.state));
  setLab(QStringLiteral("playground"));
  m_session->loadExperiment(file.config, state);
  showConfig(file.config);
  m_banner->clear();
  addRecentFile(path);
  setWindowFilePath(path);
  // A saved preset (its name in the catalogue) shows its view as the Presets menu does.
  if (dlio::PresetCatalog::builtIn().entry(QString::fromStdString(file.config.name)))
    showPresetView(QString::fromStdString(file.config.name));
  else
    m_watch->setPreset(QString());
  m_loadMessage = tr("Opened %1").arg(QDir::toNativeSeparators(path));
  statusBar()->showMessage(m_loadMessage, 10000);  // again when the session confirms the load
  return true;
}

void MainWindow::saveExperiment(const QString& path, bool withState) {
  m_pendingSaves.push_back({path, withState});
  m_session->requestState();
}

void MainWindow::openDialog() {
  QString dir = m_recent.isEmpty() ? QString() : QFileInfo(m_recent.front()).absolutePath();
  const QString path = QFileDialog::getOpenFileName(this, tr("Open experiment"), dir, experimentFilter());
  if (!path.isEmpty()) openExperiment(path);
}

void MainWindow::saveDialog(bool withState) {
  const QString title = withState ? tr("Save model weights") : tr("Save experiment");
  QString dir = m_recent.isEmpty() ? QString() : QFileInfo(m_recent.front()).absolutePath();
  QString path = QFileDialog::getSaveFileName(this, title, dir, experimentFilter());
  if (path.isEmpty()) return;
  if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".json");
  saveExperiment(path, withState);
}

void MainWindow::exportChart(bool svg) {
  const QString filter = svg ? tr("SVG images (*.svg)") : tr("PNG images (*.png)");
  QString path = QFileDialog::getSaveFileName(this, svg ? tr("Export chart as SVG") : tr("Export chart as PNG"),
                                              QString(), filter);
  if (path.isEmpty()) return;
  const QString suffix = svg ? QStringLiteral(".svg") : QStringLiteral(".png");
  if (!path.endsWith(suffix, Qt::CaseInsensitive)) path += suffix;
  QString error;
  const bool ok = svg ? m_charts->exportSvg(path, &error) : m_charts->exportPng(path, &error);
  if (!ok) reportError(error.isEmpty() ? tr("%1: could not write the image").arg(path) : error);
}

void MainWindow::exportMetrics() {
  QString path = QFileDialog::getSaveFileName(this, tr("Export metrics as CSV"), QString(), tr("CSV files (*.csv)"));
  if (path.isEmpty()) return;
  if (!path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive)) path += QStringLiteral(".csv");
  QString error;
  if (!m_charts->exportCsv(path, 0, &error))
    reportError(error.isEmpty() ? tr("%1: could not write the metrics").arg(path) : error);
}

void MainWindow::addRecentFile(const QString& path) {
  const QString abs = QFileInfo(path).absoluteFilePath();
  m_recent.removeAll(abs);
  m_recent.prepend(abs);
  while (m_recent.size() > kMaxRecent) m_recent.removeLast();
  updateRecentMenu();
  writeSettings();
}

void MainWindow::updateRecentMenu() {
  // Called from a recent entry's own triggered(): never delete an action synchronously here.
  for (QAction* a : m_recentMenu->actions()) {
    m_recentMenu->removeAction(a);
    if (a != m_clearRecentAction) a->deleteLater();
  }
  for (int i = 0; i < m_recent.size(); ++i) {
    const QString path = m_recent[i];
    QAction* a = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()));
    a->setToolTip(QDir::toNativeSeparators(path));
    a->setStatusTip(QDir::toNativeSeparators(path));
    connect(a, &QAction::triggered, this, [this, path] {
      if (!openExperiment(path)) {  // gone or broken: it leaves the list
        m_recent.removeAll(path);
        updateRecentMenu();
        writeSettings();
      }
    });
  }
  m_recentMenu->addSeparator();
  m_recentMenu->addAction(m_clearRecentAction);
  m_clearRecentAction->setEnabled(!m_recent.isEmpty());
}

// ---------------------------------------------------------------------------------------------
// View

// The controls' rows grow with the font: the dock widens so that no page needs a horizontal scroll
// bar (neurons, dropout and units cut off at the right in presentation mode).
void MainWindow::fitControlsWidth() {
  QToolBox* pages = m_controls->pages();
  int wanted = 0;
  for (int i = 0; i < pages->count(); ++i) wanted = std::max(wanted, pages->widget(i)->sizeHint().width());
  wanted += style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 2 * pages->frameWidth() + 12;
  resizeDocks({m_controls}, {std::max(wanted, std::clamp(width() / 5, 250, 340))}, Qt::Horizontal);
}

void MainWindow::restoreDefaultLayout() {
  setPresentationMode(false);  // the default layout is the normal one
  if (!m_defaultState.isEmpty()) restoreState(m_defaultState);
  for (QDockWidget* d : {static_cast<QDockWidget*>(m_controls), m_chartDock}) {
    d->setFloating(false);
    d->show();
  }
  m_transport->show();
  applyDefaultSizes();
}

void MainWindow::applyDefaultSizes() {
  // Controls on the left, charts under the centre; the diagram and the map share the rest, the
  // map a little more (it is square and carries the lesson).
  resizeDocks({m_controls}, {std::clamp(width() / 5, 250, 340)}, Qt::Horizontal);
  resizeDocks({m_chartDock}, {std::clamp(height() * 34 / 100, 200, 400)}, Qt::Vertical);
  const int centre = std::max(400, m_splitter->width());
  m_splitter->setSizes({centre * 45 / 100, centre * 55 / 100});
}

void MainWindow::showEvent(QShowEvent* event) {
  QMainWindow::showEvent(event);
  if (m_shownOnce) return;
  m_shownOnce = true;
  if (!m_layoutRestored) applyDefaultSizes();
}

QStringList MainWindow::grabPanels(const QString& dir) {
  QStringList written;
  QDir().mkpath(dir);
  auto save = [&](QWidget* w, const QString& name) {
    if (!w || !w->isVisible()) return;
    const QString path = QDir(dir).filePath(name + QStringLiteral(".png"));
    if (w->grab().save(path)) written << path;
  };
  save(this, QStringLiteral("main-window"));
  save(m_controls, QStringLiteral("controls"));
  save(m_chartDock, QStringLiteral("charts"));
  save(m_map, QStringLiteral("decision-map"));
  save(m_network, QStringLiteral("network"));
  save(m_transport, QStringLiteral("transport"));
  if (m_banner->isVisible()) save(m_banner, QStringLiteral("divergence-banner"));
  return written;
}

void MainWindow::showGuide() {
  if (!m_help) m_help = new HelpDialog(this);
  // Every action with a shortcut, the transport's first (Space, →, R), then the menus'.
  QList<QAction*> actions;
  for (QAction* a : m_transport->actions()) actions << a;
  for (QAction* a : findChildren<QAction*>())
    if (!actions.contains(a)) actions << a;
  m_help->setActions(actions);
  m_help->show();
  m_help->raise();
  m_help->activateWindow();
}

void MainWindow::showAbout() {
  QMessageBox::about(this, tr("About dlplay"),
                     tr("<h3>dlplay %1</h3><p>A deep-learning playground for the desktop: train small neural "
                        "networks on 2-D data and watch them learn.</p><p>Built with Qt %2 and Eigen.</p>")
                         .arg(QApplication::applicationVersion().isEmpty() ? QStringLiteral("0.1")
                                                                           : QApplication::applicationVersion(),
                              QString::fromLatin1(qVersion())));
}

// ---------------------------------------------------------------------------------------------
// Settings

void MainWindow::readSettings() {
  QSettings s;
  m_recent = s.value(QStringLiteral("files/recent")).toStringList();
  while (m_recent.size() > kMaxRecent) m_recent.removeLast();
  updateRecentMenu();
  const QByteArray geometry = s.value(QStringLiteral("window/geometry")).toByteArray();
  if (!geometry.isEmpty()) restoreGeometry(geometry);
  const QByteArray state = s.value(QStringLiteral("window/state")).toByteArray();
  const QByteArray splitter = s.value(QStringLiteral("window/splitter")).toByteArray();
  m_layoutRestored = !state.isEmpty() && restoreState(state);
  if (!splitter.isEmpty()) m_splitter->restoreState(splitter);
  const QByteArray last = s.value(QStringLiteral("experiment/last")).toByteArray();
  if (!last.isEmpty()) {
    try {
      const QJsonDocument doc = QJsonDocument::fromJson(last);
      if (doc.isObject()) {
        dl::ExperimentConfig c = dlio::configFromJson(doc.object());
        c.validate();
        m_session->setConfig(c);
        showConfig(c);
      }
    } catch (const std::exception&) {
      // A stale or broken entry: start from the defaults.
    }
  }
  setPresentationMode(s.value(QStringLiteral("view/presentation"), false).toBool());
  setLab(s.value(QStringLiteral("lab/current"), QStringLiteral("playground")).toString());
  m_charts->setSmoothing(s.value(QStringLiteral("charts/smoothing"), kDefaultSmoothing).toDouble());
}

void MainWindow::writeSettings() const {
  QSettings s;
  s.setValue(QStringLiteral("files/recent"), m_recent);
  // In presentation mode the layout to come back to is the normal one, not the projector's; with
  // another lab shown, the playground's docks as they were before it.
  s.setValue(QStringLiteral("window/geometry"), m_normalLayout ? m_normalLayout->geometry : saveGeometry());
  s.setValue(QStringLiteral("window/state"), m_normalLayout                         ? m_normalLayout->state
                                             : m_lab != QLatin1String("playground") ? m_playgroundState
                                                                                    : saveState());
  s.setValue(QStringLiteral("window/splitter"), m_normalLayout ? m_normalLayout->splitter : m_splitter->saveState());
  s.setValue(QStringLiteral("view/presentation"), m_presentation);
  s.setValue(QStringLiteral("lab/current"), m_lab);
  s.setValue(QStringLiteral("charts/smoothing"), m_charts->smoothing());
  s.setValue(QStringLiteral("experiment/last"),
             QJsonDocument(dlio::configToJson(m_controls->config())).toJson(QJsonDocument::Compact));
}

void MainWindow::closeEvent(QCloseEvent* event) {
  writeSettings();
  m_session->pause();
  QMainWindow::closeEvent(event);
}

// ---------------------------------------------------------------------------------------------
// Texts

void MainWindow::fitStatusLine() {
  const int room = statusBar()->width() - m_statusConfig->sizeHint().width() - 40;
  m_statusConfig->setVisible(statusBar()->fontMetrics().horizontalAdvance(statusBar()->currentMessage()) <= room);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
  if ((watched == m_watch || watched == m_banner) && (event->type() == QEvent::Show || event->type() == QEvent::Hide))
    schedulePresentationLayout();
  // The same message may no longer fit (or fit again) in a resized status bar or a larger font.
  if (watched == statusBar() && (event->type() == QEvent::Resize || event->type() == QEvent::FontChange))
    QMetaObject::invokeMethod(this, &MainWindow::fitStatusLine, Qt::QueuedConnection);
  return QMainWindow::eventFilter(watched, event);
}

void MainWindow::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) {
    retranslateUi();
    schedulePresentationLayout();  // other words, other widths
    // A passing message (a preset's description, "Saved …") is in the old language: gone, rather
    // than one English line at the bottom of a Chinese window.
    statusBar()->clearMessage();
    m_loadMessage.clear();
  }
  QMainWindow::changeEvent(event);
}

void MainWindow::retranslateUi() {
  setWindowTitle(tr("dlplay — deep-learning playground"));
  m_fileMenu->setTitle(tr("&File"));
  m_openAction->setText(tr("&Open experiment…"));
  m_openAction->setStatusTip(tr("Load an experiment file (settings, and weights when it has them)."));
  m_recentMenu->setTitle(tr("Recent &files"));
  m_clearRecentAction->setText(tr("Clear list"));
  m_saveAction->setText(tr("&Save experiment…"));
  m_saveAction->setStatusTip(tr("Save the settings of this experiment as a file to share or reopen."));
  m_saveWeightsAction->setText(tr("Save model &weights…"));
  m_saveWeightsAction->setStatusTip(
      tr("Save the settings with the trained weights, so training continues where it stopped."));
  m_exportMenu->setTitle(tr("&Export"));
  m_exportPngAction->setText(tr("Chart as &PNG…"));
  m_exportSvgAction->setText(tr("Chart as &SVG…"));
  m_exportCsvAction->setText(tr("Metrics as &CSV…"));
  m_quitAction->setText(tr("&Quit"));
  m_viewMenu->setTitle(tr("&View"));
  m_presentationAction->setText(tr("&Presentation mode"));
  m_presentationAction->setStatusTip(
      tr("For a projector: the whole screen, the decision map large with the numbers beside it, the preset's chart "
         "below, a short column of classroom controls and larger text."));
  m_fullControlsAction->setText(tr("All &controls"));
  m_fullControlsAction->setStatusTip(tr("Show or hide the dock with every setting of the experiment."));
  m_defaultLayoutAction->setText(tr("&Restore default layout"));
  m_languageMenu->setTitle(tr("&Language"));
  m_presetMenu->setTitle(tr("&Presets"));
  m_practiceMenu->setTitle(tr("&Notes"));
  m_practiceAction->setText(tr("Interview &practice…"));
  m_practiceAction->setStatusTip(tr("Multiple-choice questions and flash cards from the notes."));
  m_helpMenu->setTitle(tr("&Help"));
  m_aboutAction->setText(tr("&About dlplay"));
  m_guideAction->setText(tr("Quick &guide and shortcuts"));
  m_chartDock->setWindowTitle(tr("Charts"));
  retranslatePresetMenu();
  retranslateLabs();
  updateStatusSummary();
}

// The preset titles, group titles and descriptions are data in both languages (the catalogue),
// not tr() strings: they follow currentLanguage(). A preset the catalogue does not list shows its
// readable name and its file's English description.
void MainWindow::retranslatePresetMenu() {
  const dlio::PresetCatalog& catalog = dlio::PresetCatalog::builtIn();
  const QString language = currentLanguage();
  const auto describe = [&](QAction* a) {
    const QString name = a->data().toString();
    a->setText(QString(catalog.title(name, language)).replace(QLatin1Char('&'), QStringLiteral("&&")));
    QString tip = catalog.description(name, language);
    if (tip.isEmpty()) {
      try {
        tip = QString::fromStdString(dlio::readPreset(name).config.description);
      } catch (const std::exception&) {  // a broken file says so when it is loaded
      }
    }
    a->setToolTip(tip);
  };
  for (QAction* a : m_presetMenu->actions()) {
    if (QMenu* sub = a->menu()) {
      for (const dlio::PresetGroup& g : catalog.groups())
        if (g.id == a->data().toString()) sub->setTitle(g.title.in(language));
      for (QAction* preset : sub->actions()) describe(preset);
    } else if (!a->isSeparator()) {
      describe(a);
    }
  }
}

}  // namespace dlui
