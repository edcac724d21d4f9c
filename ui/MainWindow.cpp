// The main window (see MainWindow.h): builds the menus and the notes, hosts the labs and keeps the
// files, recent list, layout and settings.
#include "MainWindow.h"

#include "Language.h"
#include "labs/Lab.h"
#include "labs/playground/PlaygroundLab.h"
#include "notes/NotesDock.h"
#include "notes/PracticeDialog.h"
#include "labs/playground/TrainingSession.h"
#include "notes/NotesLibrary.h"
#include "widgets/HelpDialog.h"
#include "labs/playground/WatchPanel.h"
#include "labs/playground/TransportBar.h"

#include "io/PresetCatalog.h"
#include "io/Presets.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QShowEvent>
#include <QStatusBar>

#include <algorithm>
#include <utility>

namespace dlui {

namespace {
constexpr int kMaxRecent = 8;

QString experimentFilter() { return MainWindow::tr("dlplay experiments (*.json);;All files (*)"); }
}  // namespace

MainWindow::MainWindow(TrainingSession* session, QWidget* parent) : QMainWindow(parent) {
  setObjectName(QStringLiteral("mainWindow"));
  m_normalFont = QApplication::font();
  m_errorReporter = [this](const QString& message) { QMessageBox::warning(this, tr("dlplay"), message); };
  m_questionAsker = [this](const QString& question) {
    return QMessageBox::question(this, tr("dlplay"), question, QMessageBox::Yes | QMessageBox::No,
                                 QMessageBox::Yes) == QMessageBox::Yes;
  };

  setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
  createCentralArea();
  m_playground = new PlaygroundLab(session, this, m_labStack);
  m_labStack->addWidget(m_playground);
  connectPlayground();
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
  readSettings();
}

MainWindow::~MainWindow() {
  if (m_presentation) QApplication::setFont(m_normalFont);
  // The playground's snapshots in flight may still arrive while the widgets are being destroyed.
  disconnect(m_playground, nullptr, this, nullptr);
}

// ---------------------------------------------------------------------------------------------
// Construction

void MainWindow::createCentralArea() {
  m_labStack = new QStackedWidget(this);
  m_labStack->setObjectName(QStringLiteral("labStack"));
  setCentralWidget(m_labStack);
}

void MainWindow::connectPlayground() {
  PlaygroundLab* p = m_playground;
  p->setErrorReporter([this](const QString& message) { reportError(message); });
  p->setQuestionAsker([this](const QString& question) { return m_questionAsker(question); });
  connect(p, &PlaygroundLab::snapshotApplied, this, [this](const SnapshotPtr& s) {
    updateStatusSummary();
    emit snapshotApplied(s);
  });
  connect(p, &Lab::statusMessage, this,
          [this](const QString& text, int timeoutMs) { statusBar()->showMessage(text, timeoutMs); });
  connect(p, &PlaygroundLab::fileSaved, this, &MainWindow::addRecentFile);
  connect(p, &PlaygroundLab::guideRequested, this, &MainWindow::showGuide);
  connect(p, &PlaygroundLab::layoutRequested, this, &MainWindow::schedulePresentationLayout);
}

void MainWindow::createDocks() {
  m_notes = new NotesDock(this);
  addDockWidget(Qt::RightDockWidgetArea, m_notes);
  m_practice = new PracticeDialog(this);
  connect(m_notes, &NotesDock::tryPreset, this, &MainWindow::loadPreset);
  connect(m_practice, &PracticeDialog::tryPreset, this, &MainWindow::loadPreset);
  connect(m_notes, &NotesDock::practiceRequested, this, [this](const QString& id) { showPractice(id); });
  // The notes' 中文/English/Both buttons choose the content language of the practice too.
  connect(m_notes, &NotesDock::languageModeChanged, m_practice, &PracticeDialog::setLanguageMode);
  connect(m_practice, &PracticeDialog::openNote, this, [this](const QString& id) {
    m_notes->show();
    m_notes->raise();
    m_notes->showNote(id);
  });

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
  connect(m_exportPngAction, &QAction::triggered, m_playground, [this] { m_playground->exportChart(false); });
  m_exportSvgAction = new QAction(this);
  connect(m_exportSvgAction, &QAction::triggered, m_playground, [this] { m_playground->exportChart(true); });
  m_exportCsvAction = new QAction(this);
  connect(m_exportCsvAction, &QAction::triggered, m_playground, &PlaygroundLab::exportMetrics);
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
  m_viewMenu->addAction(m_playground->fullControlsAction());
  m_viewMenu->addAction(m_playground->chartDock()->toggleViewAction());
  m_viewMenu->addAction(m_notes->toggleViewAction());
  m_viewMenu->addAction(m_playground->transport()->toggleViewAction());
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

// ---------------------------------------------------------------------------------------------
// The playground's parts

TrainingSession* MainWindow::session() const { return m_playground->session(); }
ChartPanel* MainWindow::chartPanel() const { return m_playground->chartPanel(); }
ControlDock* MainWindow::controlDock() const { return m_playground->controlDock(); }
TransportBar* MainWindow::transport() const { return m_playground->transport(); }
DecisionMapWidget* MainWindow::decisionMap() const { return m_playground->decisionMap(); }
NetworkDiagramWidget* MainWindow::networkDiagram() const { return m_playground->networkDiagram(); }
DivergenceBanner* MainWindow::divergenceBanner() const { return m_playground->divergenceBanner(); }
QDockWidget* MainWindow::chartDock() const { return m_playground->chartDock(); }
ClassroomDock* MainWindow::classroomDock() const { return m_playground->classroomDock(); }
ScoreBoard* MainWindow::scoreBoard() const { return m_playground->scoreBoard(); }
SnapshotPtr MainWindow::lastSnapshot() const { return m_playground->lastSnapshot(); }
FirstRunHint* MainWindow::firstRunHint() const { return m_playground->firstRunHint(); }
WatchPanel* MainWindow::watchPanel() const { return m_playground->watchPanel(); }

void MainWindow::updateStatusSummary() {
  // The summary is the playground's experiment.
  const QString summary = m_lab == QLatin1String("playground") ? m_playground->statusSummary() : QString();
  if (summary == m_statusConfig->text()) return;
  m_statusConfig->setText(summary);
  fitStatusLine();  // a longer summary (a deeper preset) may no longer share the line with the message
}

void MainWindow::setWeightEditor(std::function<std::optional<double>(const QString&, double)> editor) {
  m_playground->setWeightEditor(std::move(editor));
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
  QString error;
  if (!m_playground->loadPreset(name, &error)) {
    reportError(error);
    return;
  }
  setWindowFilePath(QString());
  showPresetNote(name);
}

void MainWindow::showPresetNote(const QString& preset) {
  const dlio::PresetEntry* e = dlio::PresetCatalog::builtIn().entry(preset);
  if (!e || e->note.isEmpty()) return;
  const Note* current = NotesLibrary::builtIn().note(m_notes->currentNoteId());
  if (!(current && current->presets.contains(preset))) m_notes->showNote(e->note);
}

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

bool MainWindow::openExperiment(const QString& path) {
  // Another lab's file ("lab": "landscape"): that lab opens it.
  const QString fileLab = labOfFile(path);
  Lab* opener = m_playground;
  if (!fileLab.isEmpty() && fileLab != QLatin1String("playground") && findLab(fileLab)) opener = lab(fileLab);
  // Read before switching: a broken file leaves the lab on screen, and its experiment, as they were.
  QString error;
  bool dataFile = false;
  const bool opened = opener == m_playground ? m_playground->openFile(path, &error, &dataFile)
                                             : opener->openFile(path, &error);
  if (!opened) {
    if (!error.isEmpty()) reportError(error);  // (empty: a data file the user chose not to load)
    return false;
  }
  setLab(opener->id());
  if (dataFile) return true;  // taken as the data of the current experiment: not a file to reopen
  addRecentFile(path);
  setWindowFilePath(path);
  if (opener == m_playground) showPresetNote(m_playground->watchPanel()->preset());
  return true;
}

void MainWindow::saveExperiment(const QString& path, bool withState) { m_playground->saveExperiment(path, withState); }

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

void MainWindow::restoreDefaultLayout() {
  setPresentationMode(false);  // the default layout is the normal one
  if (!m_defaultState.isEmpty()) restoreState(m_defaultState);
  m_playground->showDefaultChrome();
  hidePlaygroundChrome();
}

void MainWindow::showEvent(QShowEvent* event) {
  QMainWindow::showEvent(event);
  if (m_shownOnce) return;
  m_shownOnce = true;
  if (!m_layoutRestored) m_playground->applyDefaultSizes();
}

QStringList MainWindow::grabPanels(const QString& dir) {
  QDir().mkpath(dir);
  QStringList written;
  const QString path = QDir(dir).filePath(QStringLiteral("main-window.png"));
  if (grab().save(path)) written << path;
  if (m_lab == QLatin1String("playground")) return written + m_playground->grabPanels(dir);
  if (Lab* l = lab(m_lab)) written += l->grabPanels(dir);
  return written;
}

void MainWindow::showGuide() {
  if (!m_help) m_help = new HelpDialog(this);
  // Every action with a shortcut, the transport's first (Space, →, R), then the menus'.
  QList<QAction*> actions;
  for (QAction* a : m_playground->transport()->actions()) actions << a;
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
  if (!splitter.isEmpty()) m_playground->splitter()->restoreState(splitter);
  m_playground->readSettings(s);
  setPresentationMode(s.value(QStringLiteral("view/presentation"), false).toBool());
  setLab(s.value(QStringLiteral("lab/current"), QStringLiteral("playground")).toString());
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
  s.setValue(QStringLiteral("window/splitter"),
             m_normalLayout ? m_normalLayout->splitter : m_playground->splitter()->saveState());
  s.setValue(QStringLiteral("view/presentation"), m_presentation);
  s.setValue(QStringLiteral("lab/current"), m_lab);
  m_playground->writeSettings(s);
}

void MainWindow::closeEvent(QCloseEvent* event) {
  writeSettings();
  session()->pause();
  QMainWindow::closeEvent(event);
}

// ---------------------------------------------------------------------------------------------
// Texts

void MainWindow::fitStatusLine() {
  const int room = statusBar()->width() - m_statusConfig->sizeHint().width() - 40;
  m_statusConfig->setVisible(statusBar()->fontMetrics().horizontalAdvance(statusBar()->currentMessage()) <= room);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
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
  m_defaultLayoutAction->setText(tr("&Restore default layout"));
  m_languageMenu->setTitle(tr("&Language"));
  m_presetMenu->setTitle(tr("&Presets"));
  m_practiceMenu->setTitle(tr("&Notes"));
  m_practiceAction->setText(tr("Interview &practice…"));
  m_practiceAction->setStatusTip(tr("Multiple-choice questions and flash cards from the notes."));
  m_helpMenu->setTitle(tr("&Help"));
  m_aboutAction->setText(tr("&About dlplay"));
  m_guideAction->setText(tr("Quick &guide and shortcuts"));
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
