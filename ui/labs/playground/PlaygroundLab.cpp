// The MLP playground's lab (see PlaygroundLab.h): builds its page and docks, wires the session to
// them, and loads, saves and exports its experiments.
#include "labs/playground/PlaygroundLab.h"

#include "Language.h"
#include "plots/ChartPanel.h"
#include "plots/LossChart.h"
#include "plots/SparsityChart.h"
#include "labs/playground/TrainingSession.h"
#include "labs/playground/ClassroomDock.h"
#include "labs/playground/ControlDock.h"
#include "labs/playground/DecisionMapWidget.h"
#include "widgets/DisplayNames.h"
#include "labs/playground/DivergenceBanner.h"
#include "labs/playground/FirstRunHint.h"
#include "widgets/LogSlider.h"
#include "labs/playground/NetworkDiagramWidget.h"
#include "labs/playground/ScoreBoard.h"
#include "labs/playground/TransportBar.h"
#include "labs/playground/WatchPanel.h"

#include "io/ErrorText.h"
#include "io/ExperimentIo.h"
#include "io/PresetCatalog.h"
#include "io/Presets.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QJsonDocument>
#include <QMainWindow>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStyle>
#include <QThread>
#include <QToolBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cstdio>
#include <utility>

namespace dlui {

namespace {
constexpr double kDefaultSmoothing = 0.6;  // TensorBoard's default

QString architectureText(const dl::ExperimentConfig& c) {
  QStringList parts;
  for (const dl::LayerConfig& l : c.hidden) parts << QString::number(l.units);
  return parts.isEmpty() ? PlaygroundLab::tr("no hidden layer") : parts.join(QStringLiteral("–"));
}

// A data file handed to File → Open: by its name (.csv, .tsv, .txt, .gz) or, for any other name, by
// content that cannot be JSON (its first visible character is not '{').
bool looksLikeDataFile(const QString& path) {
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

// Runs the event loop until `done` or `timeoutMs` passed.
template <class Done>
bool waitUntil(Done done, qint64 timeoutMs) {
  QElapsedTimer clock;
  clock.start();
  while (!done()) {
    if (clock.elapsed() > timeoutMs) return false;
    QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    QThread::msleep(2);
  }
  return true;
}
}  // namespace

PlaygroundLab::PlaygroundLab(TrainingSession* session, QMainWindow* host, QWidget* parent)
    : Lab(parent), m_host(host), m_session(session) {
  setObjectName(QStringLiteral("lab-page-playground"));
  if (!m_session) {
    m_ownSession = std::make_unique<TrainingSession>();
    m_session = m_ownSession.get();
  }
  m_weightEditor = [this](const QString& prompt, double value) -> std::optional<double> {
    bool ok = false;
    const double v = QInputDialog::getDouble(this, tr("Set weight"), prompt, value, -1000, 1000, 4, &ok);
    return ok ? std::optional<double>(v) : std::nullopt;
  };
  m_questionAsker = [this](const QString& question) {
    return QMessageBox::question(this, tr("dlplay"), question, QMessageBox::Yes | QMessageBox::No,
                                 QMessageBox::Yes) == QMessageBox::Yes;
  };
  createPage();
  createDocks();
  connectSession();
  retranslateUi();
  m_session->setThumbnails(true);
  m_session->setSpeed(m_transport->speed());
  showConfig(m_session->config());
}

PlaygroundLab::~PlaygroundLab() {
  // The snapshots in flight may still arrive while the widgets are being destroyed.
  if (m_session) disconnect(m_session, nullptr, this, nullptr);
}

QString PlaygroundLab::id() const { return QStringLiteral("playground"); }

// ---------------------------------------------------------------------------------------------
// Construction

void PlaygroundLab::createPage() {
  m_layout = new QVBoxLayout(this);
  m_layout->setContentsMargins(0, 0, 0, 0);
  m_layout->setSpacing(0);
  m_banner = new DivergenceBanner(this);
  m_hint = new FirstRunHint(this);
  m_hint->setVisible(!FirstRunHint::dismissedBefore());
  connect(m_hint, &FirstRunHint::guideRequested, this, &PlaygroundLab::guideRequested);
  m_splitter = new QSplitter(Qt::Horizontal, this);
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
  connect(m_score, &ScoreBoard::widthChanged, this, &PlaygroundLab::requestLayout);
  connect(m_map, &DecisionMapWidget::plotExtentChanged, this, &PlaygroundLab::requestLayout);
  m_splitter->setChildrenCollapsible(false);
  m_layout->addWidget(m_hint);
  m_watch = new WatchPanel(this);
  // Rewrapped to another number of lines: on a projector the layout gives the map and chart their
  // shares again (and picks how many lines the watch line may have).
  connect(m_watch, &WatchPanel::shownLinesChanged, this, &PlaygroundLab::requestLayout);
  m_layout->addWidget(m_watch);
  m_layout->addWidget(m_banner);
  m_layout->addWidget(m_splitter, 1);
  connect(m_banner, &DivergenceBanner::resetRequested, this, &PlaygroundLab::onReset);
  connect(m_network, &NetworkDiagramWidget::weightClicked, this, &PlaygroundLab::editWeight);
  // In presentation mode the map row is sized around what sits above it.
  m_watch->installEventFilter(this);
  m_banner->installEventFilter(this);
}

void PlaygroundLab::createDocks() {
  m_controls = new ControlDock(m_host);
  m_host->addDockWidget(Qt::LeftDockWidgetArea, m_controls);
  connect(m_controls, &ControlDock::configEdited, this, [this](const dl::ExperimentConfig& c) { m_session->setConfig(c); });
  connect(m_map, &DecisionMapWidget::mapFeaturesEdited, m_controls, &ControlDock::editMapFeatures);
  connect(m_map, &DecisionMapWidget::networkInputsToggled, m_session, &TrainingSession::setMapOverNetworkInputs);

  m_chartDock = new QDockWidget(m_host);
  m_chartDock->setObjectName(QStringLiteral("chartDock"));
  m_charts = new ChartPanel(m_chartDock);
  m_chartDock->setWidget(m_charts);
  m_host->addDockWidget(Qt::BottomDockWidgetArea, m_chartDock);
  // On a projector the chart's options sit in the classroom column, which follows their width.
  connect(m_charts, &ChartPanel::currentViewChanged, this, &PlaygroundLab::requestLayout);
  connect(m_charts, &ChartPanel::smoothingChanged, this,
          [](double weight) { QSettings().setValue(QStringLiteral("charts/smoothing"), weight); });

  m_transport = new TransportBar(m_host);
  m_host->addToolBar(Qt::TopToolBarArea, m_transport);
  // The keys work even when the toolbar is hidden.
  m_host->addActions(m_transport->actions());
  connect(m_transport, &TransportBar::playToggled, this, [this](bool play) {
    if (play)
      m_session->play();
    else
      m_session->pause();
  });
  connect(m_transport, &TransportBar::stepRequested, this, [this] { m_session->stepOnce(); });
  connect(m_transport, &TransportBar::resetRequested, this, &PlaygroundLab::onReset);
  connect(m_transport, &TransportBar::speedChanged, this, [this](double v) { m_session->setSpeed(v); });

  // Presentation mode's classroom column, on the left where the controls dock is; F6 swaps in the
  // full dock. Both show the same configuration: an edit in one is shown by the other.
  // Not the dock's own toggle action: that one shows the dock before anyone can make room for it.
  m_fullControlsAction = new QAction(m_host);  // (the window's, as the docks it shows: they outlive the page)
  m_fullControlsAction->setObjectName(QStringLiteral("fullControlsAction"));
  m_fullControlsAction->setCheckable(true);
  m_fullControlsAction->setChecked(true);
  m_fullControlsAction->setShortcut(QKeySequence(Qt::Key_F6));
  connect(m_fullControlsAction, &QAction::triggered, this, &PlaygroundLab::toggleFullControls);
  connect(m_controls->toggleViewAction(), &QAction::toggled, m_fullControlsAction, [this](bool on) {
    const QSignalBlocker blocker(m_fullControlsAction);
    m_fullControlsAction->setChecked(on);
  });
  m_classroom = new ClassroomDock(m_transport, m_fullControlsAction, m_host);
  m_host->addDockWidget(Qt::LeftDockWidgetArea, m_classroom);
  m_classroom->hide();
  connect(m_classroom, &ClassroomDock::configEdited, this, [this](const dl::ExperimentConfig& c) {
    m_controls->setFromConfig(c);
    m_session->setConfig(c);
    requestLayout();  // the column follows its widest control
  });
  connect(m_controls, &ControlDock::configEdited, this, [this](const dl::ExperimentConfig& c) {
    m_classroom->setFromConfig(c);
    requestLayout();
  });
  connect(m_classroom, &ClassroomDock::showValidationToggled, m_map, &DecisionMapWidget::setShowValidation);
  connect(m_classroom, &ClassroomDock::discretizeToggled, m_map, &DecisionMapWidget::setDiscretize);
}

void PlaygroundLab::connectSession() {
  connect(m_session, &TrainingSession::snapshotReady, this, &PlaygroundLab::applySnapshot);
  connect(m_session, &TrainingSession::stateReady, this, &PlaygroundLab::onStateReady);
  connect(m_session, &TrainingSession::error, this, &PlaygroundLab::onSessionError);
  connect(m_session, &TrainingSession::resetHappened, this, [this](const QString& reason) {
    if (!reason.isEmpty()) emit statusMessage(tr("↻ %1").arg(reason), 8000);
    m_banner->clear();
  });
  connect(m_session, &TrainingSession::experimentLoaded, this, [this] {
    // A preset's or a file's own line says more than the "Experiment loaded" just shown.
    if (!m_loadMessage.isEmpty()) emit statusMessage(std::exchange(m_loadMessage, QString()));
  });
  connect(m_session, &TrainingSession::diverged, this, [this](int, const QString& where) { m_banner->showMessage(where); });
}

void PlaygroundLab::retranslateUi() {
  m_chartDock->setWindowTitle(tr("Charts"));
  m_fullControlsAction->setText(tr("All &controls"));
  m_fullControlsAction->setStatusTip(tr("Show or hide the dock with every setting of the experiment."));
}

void PlaygroundLab::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) {
    retranslateUi();
    m_loadMessage.clear();  // the window clears the status line: the old language's message is gone
    requestLayout();        // other words, other widths
  }
  Lab::changeEvent(event);
}

bool PlaygroundLab::eventFilter(QObject* watched, QEvent* event) {
  if ((watched == m_watch || watched == m_banner) && (event->type() == QEvent::Show || event->type() == QEvent::Hide))
    requestLayout();
  return Lab::eventFilter(watched, event);
}

void PlaygroundLab::requestLayout() {
  if (m_presentation) emit layoutRequested();
}

// ---------------------------------------------------------------------------------------------
// Session → lab

void PlaygroundLab::applySnapshot(const SnapshotPtr& s) {
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
  if (m_loading && s->generation != m_loadGeneration) m_loading = false;
  emit snapshotApplied(s);
}

QString PlaygroundLab::statusSummary() const {
  if (!m_last) return {};
  const dl::ExperimentConfig& c = m_last->config;
  const QString source = c.data.source == "csv" ? QFileInfo(QString::fromStdString(c.data.csvPath)).fileName()
                                                : displayName(NameKind::Source, c.data.source);
  return tr("%1 · %2 · %3, learning rate %4")
      .arg(source, architectureText(c), displayName(NameKind::Optimizer, c.optimizer.name),
           formatRate(c.optimizer.learningRate));
}

void PlaygroundLab::onStateReady(const dl::ExperimentConfig& config, std::shared_ptr<const dl::TrainerState> state) {
  if (m_pendingSaves.empty()) return;
  const PendingSave save = m_pendingSaves.front();
  m_pendingSaves.pop_front();
  try {
    dlio::writeExperimentFile(save.path, config, save.withState ? state.get() : nullptr);
    emit statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(save.path)), 5000);
    emit fileSaved(save.path);
  } catch (const dlio::IoError& e) {
    reportError(e.message());
  } catch (const std::exception& e) {
    reportError(tr("%1: %2").arg(save.path, dlio::ErrorText::of(e)));
  }
}

void PlaygroundLab::onSessionError(const QString& message) {
  // A refused edit: the session keeps the experiment it had, so the controls go back to it. A
  // CSV file that cannot be used deserves more than the status bar: the user just chose it.
  const dl::ExperimentConfig edited = m_controls->config();  // a copy: setFromConfig below changes it
  const bool csvRefused = edited.data.source == "csv" && edited.data.csvPath != m_session->config().data.csvPath;
  m_loadMessage.clear();  // a refused load must not be announced by the next reset
  m_loading = false;
  emit statusMessage(tr("Not applied: %1").arg(message));
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

void PlaygroundLab::reportError(const QString& message) {
  if (m_errorReporter)
    m_errorReporter(message);
  else
    emit statusMessage(message);
}

// ---------------------------------------------------------------------------------------------
// User → session

void PlaygroundLab::showConfig(const dl::ExperimentConfig& config) {
  m_controls->setFromConfig(config);
  m_classroom->setFromConfig(config);
  requestLayout();
}

void PlaygroundLab::onReset() {
  m_banner->clear();
  m_session->reset();
}

void PlaygroundLab::togglePlay() { m_transport->playAction()->trigger(); }

void PlaygroundLab::stepOnce() { m_session->stepOnce(); }

// A click on a link of the diagram: ask for the new value, then set it in every run (applied
// between two steps; the optimiser keeps its state, the diagram and the map redraw).
void PlaygroundLab::editWeight(int layer, int row, int col, double value, const QString& from, const QString& to) {
  const std::optional<double> v =
      m_weightEditor(tr("Weight from %1 to %2 (now %3):").arg(from, to).arg(value, 0, 'g', 4), value);
  if (v) m_session->setWeight(layer, row, col, *v);
}

void PlaygroundLab::load(const dl::ExperimentConfig& config, std::shared_ptr<const dl::TrainerState> state) {
  m_wasRunning = false;  // a loaded experiment starts paused, even if shown only after loading
  m_loading = true;      // until a snapshot of a newer generation than the one on screen arrives
  m_loadGeneration = m_generation;
  m_session->loadExperiment(config, std::move(state));
  showConfig(config);
  m_banner->clear();
}

bool PlaygroundLab::loadPreset(const QString& name, QString* error) {
  try {
    const dlio::ExperimentFile file = dlio::readPreset(name);
    load(file.config, nullptr);
    const dlio::PresetCatalog& catalog = dlio::PresetCatalog::builtIn();
    const QString language = currentLanguage();
    QString description = catalog.description(name, language);
    if (description.isEmpty()) description = QString::fromStdString(file.config.description);
    m_loadMessage = tr("Preset “%1”: %2").arg(catalog.title(name, language), description);
    emit statusMessage(m_loadMessage);  // again when the session confirms the load
    showPresetView(name);
    if (file.config.regularization.compareL1L2) m_charts->showChart(m_charts->sparsityChart());
    return true;
  } catch (const dlio::IoError& e) {
    if (error) *error = e.message();
    return false;
  }
}

void PlaygroundLab::loadConfig(const dl::ExperimentConfig& config) {
  load(config, nullptr);
  showPresetView(QString());  // no preset: no watch line, no goal
}

bool PlaygroundLab::openFile(const QString& path, QString* error, bool* dataFile) {
  if (dataFile) *dataFile = false;
  if (looksLikeDataFile(path)) {
    // Not an experiment: offered as the data of the current one instead of "invalid JSON".
    if (m_questionAsker(tr("%1 looks like a data file, not an experiment. Load it as the data of the current "
                           "experiment?")
                            .arg(QFileInfo(path).fileName()))) {
      m_controls->loadCsvFile(path, false);
      if (dataFile) *dataFile = true;
      return true;
    }
    if (error) error->clear();  // declined: nothing to report
    return false;
  }
  dlio::ExperimentFile file;
  try {
    file = dlio::readExperimentFile(path);
  } catch (const dlio::IoError& e) {
    if (error) *error = e.message();
    return false;
  } catch (const std::exception& e) {  // ConfigError/DataError should arrive wrapped; be safe
    if (error) *error = tr("%1: %2").arg(QFileInfo(path).fileName(), dlio::ErrorText::of(e));
    return false;
  }
  std::shared_ptr<const dl::TrainerState> state;
  if (file.state) state = std::make_shared<const dl::TrainerState>(std::move(*file.state));
  load(file.config, state);
  // A saved preset (its name in the catalogue) shows its view as the Presets menu does.
  showPresetView(QString::fromStdString(file.config.name));
  m_loadMessage = tr("Opened %1").arg(QDir::toNativeSeparators(path));
  emit statusMessage(m_loadMessage);  // again when the session confirms the load
  return true;
}

void PlaygroundLab::showPresetView(const QString& preset) {
  // The watch line at once (the window reads it for the note); the rest where the user will see it.
  const dlio::PresetEntry* entry = dlio::PresetCatalog::builtIn().entry(preset);
  m_watch->setPreset(entry ? preset : QString());
  if (m_active)
    applyPresetView(preset);
  else
    m_pendingView = preset;
}

void PlaygroundLab::applyPresetView(const QString& preset) {
  const dlio::PresetEntry* e = dlio::PresetCatalog::builtIn().entry(preset);
  if (!e) {
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
}

void PlaygroundLab::saveExperiment(const QString& path, bool withState) {
  m_pendingSaves.push_back({path, withState});
  m_session->requestState();
}

void PlaygroundLab::exportChart(bool svg) {
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

void PlaygroundLab::exportMetrics() {
  QString path = QFileDialog::getSaveFileName(this, tr("Export metrics as CSV"), QString(), tr("CSV files (*.csv)"));
  if (path.isEmpty()) return;
  if (!path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive)) path += QStringLiteral(".csv");
  QString error;
  if (!m_charts->exportCsv(path, 0, &error))
    reportError(error.isEmpty() ? tr("%1: could not write the metrics").arg(path) : error);
}

// ---------------------------------------------------------------------------------------------
// Shown, hidden, finished

void PlaygroundLab::setActive(bool on) {
  m_active = on;
  for (QAction* a : m_transport->actions()) a->setEnabled(on);
  if (!on) {
    m_wasRunning = m_last && m_last->running;
    m_fullControlsOnLeave = m_presentation && m_controls->isVisibleTo(m_host);
    m_session->pause();
    return;
  }
  if (m_presentation) {
    m_chartDock->show();
    if (m_fullControlsOnLeave) {  // all the controls, with the transport bar, as F6 shows them
      const QSignalBlocker blocker(m_fullControlsAction);
      m_fullControlsAction->setChecked(true);
      toggleFullControls(true);
    } else {
      m_classroom->show();
    }
    requestLayout();
  }
  if (m_pendingView) applyPresetView(*std::exchange(m_pendingView, std::nullopt));
  if (m_wasRunning) m_session->play();
}

void PlaygroundLab::putAwayChrome(bool away) {
  // F6 and View → Charts / Transport belong to the playground.
  m_fullControlsAction->setEnabled(!away);
  m_chartDock->toggleViewAction()->setEnabled(!away);
  m_transport->toggleViewAction()->setEnabled(!away);
  if (!away) return;
  m_controls->hide();
  m_classroom->hide();
  m_chartDock->hide();
  m_transport->hide();
}

bool PlaygroundLab::finish(int timeoutMs) {
  QElapsedTimer clock;
  clock.start();
  const qint64 budget = std::max(timeoutMs, 1);
  const auto loaded = [&] { return !m_loading && m_last && !m_last->runs.empty(); };
  if (!waitUntil(loaded, budget)) return false;
  const long long target = m_last->config.training.steps;
  if (target <= 0) return false;
  const auto step = [&] { return m_last->runs[0].step; };
  const auto diverged = [&] {
    for (const RunSnapshot& r : m_last->runs)
      if (r.divergence) return true;
    return false;
  };
  // Paced to reach the target in under a second, paused 0.3 s of steps before it (a snapshot is up
  // to ~16 ms old, the pause queues behind the steps in flight, and on a busy machine this thread may
  // wait its turn), then the last steps one by one: the picture is the state the preset's claim is
  // tested at, not where a pause landed. The transport's speed is the user's again afterwards.
  const double pace = std::max(200.0, static_cast<double>(target) / 0.8);
  m_session->setSpeed(pace);
  m_transport->playAction()->setChecked(true);
  const long long lead = std::max<long long>(1, static_cast<long long>(0.3 * pace));
  waitUntil([&] { return step() >= target - lead || diverged(); }, budget - clock.elapsed());
  m_transport->playAction()->setChecked(false);
  waitUntil([&] { return !m_last->running; }, 5000);
  if (!diverged() && step() < target && clock.elapsed() <= budget)
    for (long long k = step(); k < target; ++k) m_session->stepOnce();
  waitUntil([&] { return step() >= target || diverged(); }, std::max<qint64>(0, budget - clock.elapsed()));
  m_session->setSpeed(m_transport->speed());
  return step() == target || diverged();
}

QStringList PlaygroundLab::grabPanels(const QString& dir) {
  QStringList written;
  QDir().mkpath(dir);
  auto save = [&](QWidget* w, const QString& name) {
    if (!w || !w->isVisible()) return;
    const QString path = QDir(dir).filePath(name + QStringLiteral(".png"));
    if (w->grab().save(path)) written << path;
  };
  save(m_controls, QStringLiteral("controls"));
  save(m_chartDock, QStringLiteral("charts"));
  save(m_map, QStringLiteral("decision-map"));
  save(m_network, QStringLiteral("network"));
  save(m_transport, QStringLiteral("transport"));
  if (m_banner->isVisible()) save(m_banner, QStringLiteral("divergence-banner"));
  return written;
}

// ---------------------------------------------------------------------------------------------
// Layout and settings

// The controls' rows grow with the font: the dock widens so that no page needs a horizontal scroll
// bar (neurons, dropout and units cut off at the right in presentation mode).
void PlaygroundLab::fitControlsWidth() {
  QToolBox* pages = m_controls->pages();
  int wanted = 0;
  for (int i = 0; i < pages->count(); ++i) wanted = std::max(wanted, pages->widget(i)->sizeHint().width());
  wanted += style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 2 * pages->frameWidth() + 12;
  m_host->resizeDocks({m_controls}, {std::max(wanted, std::clamp(m_host->width() / 5, 250, 340))}, Qt::Horizontal);
}

void PlaygroundLab::applyDefaultSizes() {
  // Controls on the left, charts under the centre; the diagram and the map share the rest, the
  // map a little more (it is square and carries the lesson).
  m_host->resizeDocks({m_controls}, {std::clamp(m_host->width() / 5, 250, 340)}, Qt::Horizontal);
  m_host->resizeDocks({m_chartDock}, {std::clamp(m_host->height() * 34 / 100, 200, 400)}, Qt::Vertical);
  const int centre = std::max(400, m_splitter->width());
  m_splitter->setSizes({centre * 45 / 100, centre * 55 / 100});
}

void PlaygroundLab::showDefaultChrome() {
  for (QDockWidget* d : {static_cast<QDockWidget*>(m_controls), m_chartDock}) {
    d->setFloating(false);
    d->show();
  }
  m_transport->show();
  applyDefaultSizes();
}

void PlaygroundLab::readSettings(QSettings& s) {
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
  m_charts->setSmoothing(s.value(QStringLiteral("charts/smoothing"), kDefaultSmoothing).toDouble());
}

void PlaygroundLab::writeSettings(QSettings& s) const {
  s.setValue(QStringLiteral("charts/smoothing"), m_charts->smoothing());
  s.setValue(QStringLiteral("experiment/last"),
             QJsonDocument(dlio::configToJson(m_controls->config())).toJson(QJsonDocument::Compact));
}

}  // namespace dlui
