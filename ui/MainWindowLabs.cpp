// MainWindow as the host of labs: the lab switcher (Lab menu, the lab bar, Ctrl+1…), the central
// stack with one page per lab, routing presets and files to the lab that owns them, and the
// playground's docks shown only with the playground.
#include "MainWindow.h"

#include "Language.h"
#include "labs/Lab.h"
#include "labs/playground/PlaygroundLab.h"
#include "notes/NotesDock.h"
#include "labs/playground/TransportBar.h"

#include "io/ErrorText.h"
#include "io/ExperimentIo.h"
#include "io/PresetCatalog.h"

#include <QAction>
#include <QActionGroup>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>

namespace dlui {

namespace {
const QString kPlayground = QStringLiteral("playground");
}  // namespace

void MainWindow::createLabHost() {
  m_labGroup = new QActionGroup(this);
  m_labGroup->setExclusive(true);
  m_labMenu = new QMenu(this);
  m_labMenu->setObjectName(QStringLiteral("labMenu"));
  menuBar()->insertMenu(m_presetMenu->menuAction(), m_labMenu);
  m_labBar = new QToolBar(this);
  m_labBar->setObjectName(QStringLiteral("labBar"));
  m_labBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
  insertToolBar(m_playground->transport(), m_labBar);
  // The playground first, then every registered lab the catalogue lists, in the catalogue's order.
  QStringList ids{kPlayground};
  for (const dlio::LabEntry& l : dlio::PresetCatalog::builtIn().labs())
    if (findLab(l.id)) ids << l.id;
  for (const LabRegistration& r : labRegistry())
    if (!ids.contains(QLatin1String(r.id))) ids << QString::fromLatin1(r.id);
  for (qsizetype i = 0; i < ids.size(); ++i) {
    QAction* a = m_labGroup->addAction(ids[i]);
    a->setObjectName(QStringLiteral("lab-") + ids[i]);
    a->setData(ids[i]);
    a->setCheckable(true);
    a->setChecked(ids[i] == m_lab);
    if (i < 9) a->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
    const QString id = ids[i];
    connect(a, &QAction::triggered, this, [this, id] { setLab(id); });
    m_labMenu->addAction(a);
    m_labBar->addAction(a);
  }
  // Space and → for the lab shown (the playground's transport has its own, enabled only there).
  m_labPlayAction = new QAction(this);
  m_labPlayAction->setShortcut(QKeySequence(Qt::Key_Space));
  connect(m_labPlayAction, &QAction::triggered, this, [this] {
    if (Lab* l = lab(m_lab)) l->togglePlay();
  });
  m_labStepAction = new QAction(this);
  m_labStepAction->setShortcut(QKeySequence(Qt::Key_Right));
  connect(m_labStepAction, &QAction::triggered, this, [this] {
    if (Lab* l = lab(m_lab)) l->stepOnce();
  });
  addAction(m_labPlayAction);
  addAction(m_labStepAction);
  m_labPlayAction->setEnabled(false);
  m_labStepAction->setEnabled(false);
  // One lab: nothing to switch.
  m_labBar->setVisible(ids.size() > 1);
  m_labBar->toggleViewAction()->setVisible(ids.size() > 1);
}

void MainWindow::retranslateLabs() {
  m_labMenu->setTitle(tr("&Lab"));
  m_labBar->setWindowTitle(tr("Labs"));
  m_labPlayAction->setText(tr("Play/pause the lab"));
  m_labStepAction->setText(tr("Step the lab"));
  const dlio::PresetCatalog& catalog = dlio::PresetCatalog::builtIn();
  const QString language = currentLanguage();
  for (QAction* a : m_labGroup->actions()) {
    const dlio::LabEntry* e = catalog.lab(a->data().toString());
    a->setText(e ? e->title.in(language) : dlio::PresetCatalog::readableName(a->data().toString()));
    QString tip = e ? e->summary.in(language) : QString();
    if (!a->shortcut().isEmpty()) tip += QStringLiteral(" (%1)").arg(a->shortcut().toString(QKeySequence::NativeText));
    a->setToolTip(tip);
    a->setStatusTip(e ? e->summary.in(language) : QString());
  }
}

Lab* MainWindow::lab(const QString& id) {
  for (int i = 0; i < m_labStack->count(); ++i)
    if (auto* l = qobject_cast<Lab*>(m_labStack->widget(i)); l && l->id() == id) return l;
  const LabRegistration* r = findLab(id);
  if (!r) return nullptr;
  Lab* l = r->make(m_labStack);
  l->setObjectName(QStringLiteral("lab-page-") + id);
  m_labStack->addWidget(l);
  l->setPresentationMode(m_presentation);
  l->setActive(false);
  connect(l, &Lab::statusMessage, this,
          [this](const QString& text, int timeoutMs) { statusBar()->showMessage(text, timeoutMs); });
  connect(l, &Lab::openInPlayground, this, [this](const QByteArray& json) {
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (!doc.isObject()) return;
    try {
      dl::ExperimentConfig c = dlio::configFromJson(doc.object());
      c.validate();
      setLab(kPlayground);
      m_playground->loadConfig(c);
      statusBar()->showMessage(tr("Opened in the playground: %1").arg(QString::fromStdString(c.name)), 10000);
    } catch (const std::exception& e) {
      reportError(dlio::ErrorText::of(e));
    }
  });
  return l;
}

bool MainWindow::setLab(const QString& id) {
  if (id == m_lab) return true;
  if (id != kPlayground && !findLab(id)) return false;
  Lab* next = lab(id);
  // Leaving: the playground pauses (its thread stops working) and puts its docks away; another
  // lab stops its clock.
  if (m_lab == kPlayground) {
    // Its docks as they are, or on a projector as they were before it (what leaving restores).
    if (!m_presentation) m_playgroundState = saveState();
    else if (m_normalLayout)
      m_playgroundState = m_normalLayout->state;
  }
  if (Lab* previous = lab(m_lab)) previous->setActive(false);
  m_lab = id;
  m_pendingRestore.reset();  // a late resize after leaving a projector must not restore another lab's docks
  const bool playground = next == m_playground;
  // Space and → are the playground's transport's there, the window's (for the lab shown) elsewhere.
  m_labPlayAction->setEnabled(!playground);
  m_labStepAction->setEnabled(!playground);
  m_labStack->setCurrentWidget(next);
  // Its docks where they were (on a projector the playground places them itself).
  if (playground && !m_presentation && !m_playgroundState.isEmpty()) restoreState(m_playgroundState);
  next->setActive(true);
  hidePlaygroundChrome();
  for (QAction* a : m_labGroup->actions())
    if (a->data().toString() == id) a->setChecked(true);
  updateStatusSummary();
  emit labChanged(id);
  return true;
}

void MainWindow::hidePlaygroundChrome() { m_playground->putAwayChrome(m_lab != kPlayground); }

bool MainWindow::loadLabPreset(const QString& labId, const QString& name) {
  if (!findLab(labId) || !setLab(labId)) {
    reportError(tr("Preset “%1” belongs to the lab “%2”, which this build does not have.").arg(name, labId));
    return false;
  }
  QString error;
  if (!lab(labId)->loadPreset(name, &error)) {
    reportError(error);
    return false;
  }
  const dlio::PresetCatalog& catalog = dlio::PresetCatalog::builtIn();
  const QString language = currentLanguage();
  setWindowFilePath(QString());
  statusBar()->showMessage(
      tr("Preset “%1”: %2").arg(catalog.title(name, language), catalog.description(name, language)), 10000);
  // Its note, as a playground preset's: shown beside the lab (on a projector only when the notes are up).
  if (const dlio::PresetEntry* e = catalog.entry(name); e && !e->note.isEmpty()) {
    if (!m_presentation) m_notes->show();
    m_notes->showNote(e->note);
  }
  return true;
}

QString MainWindow::labOfFile(const QString& path) {
  // A lab's file is small JSON; anything else (a FIFO, a device, a huge file) is the playground's
  // reader's to judge and explain.
  const QFileInfo info(path);
  if (!info.isFile() || info.size() > (1 << 20)) return {};
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  const QJsonDocument doc = QJsonDocument::fromJson(f.read(1 << 20));
  if (!doc.isObject()) return {};
  return doc.object().value(QStringLiteral("lab")).toString(kPlayground);
}

}  // namespace dlui
