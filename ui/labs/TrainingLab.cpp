// A lab on the shared training thread (labs/TrainingLab.h).
#include "labs/TrainingLab.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace dlui {

TrainingLab::TrainingLab(QWidget* parent) : Lab(parent), m_runner(std::make_unique<LabRunner>()) {
  connect(m_runner.get(), &LabRunner::snapshotReady, this, [this](const std::shared_ptr<const LabSnapshot>& s) {
    if (s->generation == m_generation) onLabSnapshot(s);
  });
}

// The thread stops before the lab's members (and the simulation's data they share) go.
TrainingLab::~TrainingLab() { m_runner.reset(); }

void TrainingLab::setSimulation(std::unique_ptr<Simulation> simulation, long long stopAt) {
  m_generation = m_runner->setSimulation(std::move(simulation), stopAt);
}

void TrainingLab::setActive(bool on) {
  m_active = on;
  if (!on && running()) {
    m_runner->setRunning(false);
    updatePlayButton();
  }
}

void TrainingLab::togglePlay() {
  m_runner->setRunning(!running());
  updatePlayButton();
}

void TrainingLab::stepOnce() {
  m_runner->stepOnce();
  updatePlayButton();
}

bool TrainingLab::running() const { return m_runner->running(); }

QGroupBox* TrainingLab::createRunBox(QWidget* parent, const QString& prefix) {
  m_runBox = new QGroupBox(parent);
  auto* layout = new QVBoxLayout(m_runBox);
  auto* buttons = new QHBoxLayout;
  m_play = new QPushButton(m_runBox);
  m_play->setObjectName(prefix + QStringLiteral("Play"));
  m_step = new QPushButton(m_runBox);
  m_step->setObjectName(prefix + QStringLiteral("Step"));
  m_reset = new QPushButton(m_runBox);
  m_reset->setObjectName(prefix + QStringLiteral("Reset"));
  for (QPushButton* b : {m_play, m_step, m_reset}) buttons->addWidget(b);
  layout->addLayout(buttons);
  m_status = new QLabel(m_runBox);
  m_status->setObjectName(prefix + QStringLiteral("Status"));
  m_status->setWordWrap(true);
  layout->addWidget(m_status);
  connect(m_play, &QPushButton::clicked, this, &TrainingLab::togglePlay);
  connect(m_step, &QPushButton::clicked, this, &TrainingLab::stepOnce);
  connect(m_reset, &QPushButton::clicked, this, &TrainingLab::resetRequested);
  return m_runBox;
}

void TrainingLab::retranslateRunBox() {
  if (!m_runBox) return;
  m_runBox->setTitle(tr("Training"));
  m_step->setText(tr("Step"));
  m_step->setToolTip(tr("Train one mini-batch step (→)."));
  m_reset->setText(tr("Reset"));
  m_reset->setToolTip(tr("New initial weights from the seed; the settings stay."));
  updatePlayButton();
}

void TrainingLab::updatePlayButton() {
  if (!m_play) return;
  const bool on = running();
  m_play->setText(on ? tr("❚❚ Pause") : tr("▶ Train"));
  m_play->setToolTip(tr("Train or pause (Space). Training pauses by itself at the preset's step."));
}

TrainingLab::ScoreBoard TrainingLab::createScoreBoard(QWidget* parent, const QString& objectName,
                                                      const QString& cellPrefix, int rows, int columns, int spacing) {
  ScoreBoard b;
  b.widget = new QWidget(parent);
  b.widget->setObjectName(objectName);
  b.grid = new QGridLayout(b.widget);
  b.grid->setContentsMargins(4, 2, 4, 2);
  b.grid->setHorizontalSpacing(spacing);
  b.grid->setVerticalSpacing(0);
  b.cells.assign(static_cast<std::size_t>(rows), std::vector<QLabel*>(static_cast<std::size_t>(columns), nullptr));
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < columns; ++c) {
      auto* l = new QLabel(b.widget);
      l->setObjectName(cellPrefix + QStringLiteral("%1_%2").arg(r).arg(c));
      l->setAlignment(c == 0 ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignRight | Qt::AlignVCenter);
      // A long run name or heading wraps rather than widening the window past a projector's width.
      if (c == 0 || r == 0) l->setWordWrap(true);
      b.cells[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)] = l;
      b.grid->addWidget(l, r, c);
    }
  b.grid->setColumnStretch(0, 1);
  return b;
}

void TrainingLab::setTextIfChanged(QLabel* label, const QString& text) {
  if (label->text() != text) label->setText(text);
}

QString TrainingLab::thousands(long long n) { return QLocale(QLocale::English).toString(n); }

const QString& TrainingLab::warningStyle() {
  static const QString s = QStringLiteral("QLabel { background: #fde2e1; color: #5a0000; padding: 4px 6px; }");
  return s;
}

const QString& TrainingLab::noticeStyle() {
  static const QString s = QStringLiteral("QLabel { background: #e3eefc; color: #0a2a5a; padding: 4px 6px; }");
  return s;
}

bool TrainingLab::finishAt(long long steps, int timeoutMs, const std::function<bool()>& arrived) {
  QElapsedTimer t;
  t.start();
  if (!m_runner->runTo(steps, timeoutMs)) return false;
  // Take the snapshots the run left on the way, up to the full one at the end.
  while (t.elapsed() < timeoutMs + 2000) {
    QCoreApplication::sendPostedEvents(m_runner.get());
    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    if (arrived()) break;
  }
  updatePlayButton();
  return true;
}

QStringList TrainingLab::savePanels(const QString& dir, const std::vector<std::pair<QWidget*, QString>>& panels) {
  QStringList out;
  for (const auto& [w, name] : panels) {
    const QString path = QDir(dir).filePath(name);
    if (w && w->isVisible() && w->grab().save(path)) out << path;
  }
  return out;
}

}  // namespace dlui
