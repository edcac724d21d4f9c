// The transport toolbar (see TransportBar.h). The actions carry the shortcuts; the main window
// also adds them to itself so the keys work while this toolbar is hidden.
#include "labs/playground/TransportBar.h"

#include <QAction>
#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace dlui {

namespace {
// Slider positions: 1 … 1000 steps/s in roughly logarithmic steps, then "max".
constexpr std::array<int, 16> kSpeeds = {1, 2, 3, 5, 10, 15, 20, 30, 50, 75, 100, 150, 200, 300, 500, 1000};
constexpr int kMaxPosition = static_cast<int>(kSpeeds.size());
}  // namespace

TransportBar::TransportBar(QWidget* parent) : QToolBar(parent) {
  setObjectName(QStringLiteral("transportBar"));
  setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  m_play = addAction(style()->standardIcon(QStyle::SP_MediaPlay), QString());
  m_play->setObjectName(QStringLiteral("playAction"));
  m_play->setCheckable(true);
  m_play->setShortcut(QKeySequence(Qt::Key_Space));
  m_step = addAction(style()->standardIcon(QStyle::SP_MediaSkipForward), QString());
  m_step->setObjectName(QStringLiteral("stepAction"));
  m_step->setShortcuts({QKeySequence(Qt::Key_Right), QKeySequence(Qt::Key_S)});
  m_reset = addAction(style()->standardIcon(QStyle::SP_BrowserReload), QString());
  m_reset->setObjectName(QStringLiteral("resetAction"));
  m_reset->setShortcut(QKeySequence(Qt::Key_R));
  addSeparator();
  m_speedLabel = new QLabel(this);
  addWidget(m_speedLabel);
  m_speed = new QSlider(Qt::Horizontal, this);
  m_speed->setObjectName(QStringLiteral("speedSlider"));
  m_speed->setRange(0, kMaxPosition);
  m_speed->setPageStep(2);
  m_speed->setFixedWidth(110);
  m_speed->setFocusPolicy(Qt::NoFocus);  // → must stay "step", not "faster"
  addWidget(m_speed);
  m_speedValue = new QLabel(this);
  m_speedValue->setMinimumWidth(m_speedValue->fontMetrics().horizontalAdvance(QStringLiteral("1000/s")) + 4);
  addWidget(m_speedValue);
  addSeparator();
  m_stepLabel = new QLabel(this);
  m_stepLabel->setObjectName(QStringLiteral("stepCounter"));
  m_epochLabel = new QLabel(this);
  m_epochLabel->setObjectName(QStringLiteral("epochCounter"));
  m_rateLabel = new QLabel(this);
  m_rateLabel->setObjectName(QStringLiteral("rateReadout"));
  for (QLabel* l : {m_stepLabel, m_epochLabel, m_rateLabel}) {
    l->setContentsMargins(6, 0, 6, 0);
    addWidget(l);
  }
  setSpeed(100);

  connect(m_play, &QAction::toggled, this, [this](bool on) {
    updatePlayLook();
    emit playToggled(on);
  });
  connect(m_step, &QAction::triggered, this, &TransportBar::stepRequested);
  connect(m_reset, &QAction::triggered, this, &TransportBar::resetRequested);
  connect(m_speed, &QSlider::valueChanged, this, [this] {
    updateReadouts();
    emit speedChanged(speed());
  });
  retranslateUi();
}

double TransportBar::speed() const {
  const int p = m_speed->value();
  return p >= kMaxPosition ? 0.0 : kSpeeds[static_cast<std::size_t>(p)];
}

void TransportBar::setSpeed(double stepsPerSecond) {
  int pos = kMaxPosition;
  if (stepsPerSecond > 0) {
    double best = 1e300;
    for (int i = 0; i < kMaxPosition; ++i) {
      const double d = std::abs(std::log(kSpeeds[static_cast<std::size_t>(i)]) - std::log(stepsPerSecond));
      if (d < best) best = d, pos = i;
    }
  }
  const QSignalBlocker blocker(m_speed);
  m_speed->setValue(pos);
  updateReadouts();
}

void TransportBar::applySnapshot(const SnapshotPtr& s) {
  if (!s) return;
  if (!s->runs.empty()) {
    m_stepCount = s->runs.front().step;
    m_epochCount = s->runs.front().epoch;
  }
  m_rate = s->stepsPerSecond;
  setRunning(s->running);
  updateReadouts();
}

void TransportBar::setRunning(bool running) {
  if (m_play->isChecked() == running) return;
  const QSignalBlocker blocker(m_play);
  m_play->setChecked(running);
  updatePlayLook();
}

void TransportBar::updatePlayLook() {
  const bool on = m_play->isChecked();
  m_play->setIcon(style()->standardIcon(on ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
  m_play->setText(on ? tr("Pause") : tr("Play"));
}

void TransportBar::updateReadouts() {
  const QLocale locale;
  m_stepLabel->setText(tr("Step %1").arg(locale.toString(m_stepCount)));
  m_epochLabel->setText(tr("Epoch %1").arg(locale.toString(m_epochCount)));
  m_rateLabel->setText(tr("%1 steps/s").arg(locale.toString(m_rate, 'f', 0)));
  m_speedValue->setText(speed() > 0 ? tr("%1/s").arg(speed()) : tr("max"));
  fitReadouts();
}

// The step, epoch and rate readouts change with every snapshot, 60 times a second. At a fixed size
// (room for a seven-digit step count; a longer text widens it once) a new text only repaints the
// label; a label that may resize makes every new text lay out the toolbar and then the whole main
// window again (docks and all).
void TransportBar::fitReadouts() {
  const QLocale locale;
  const std::array<std::pair<QLabel*, QString>, 3> readouts = {
      std::pair{m_stepLabel, tr("Step %1").arg(locale.toString(9999999LL))},
      std::pair{m_epochLabel, tr("Epoch %1").arg(locale.toString(999999LL))},
      std::pair{m_rateLabel, tr("%1 steps/s").arg(locale.toString(99999.0, 'f', 0))}};
  for (const auto& [label, widest] : readouts) {
    const QFontMetrics fm = label->fontMetrics();
    const QMargins m = label->contentsMargins();
    const QSize size(std::max(fm.horizontalAdvance(widest), fm.horizontalAdvance(label->text())) + m.left() + m.right() + 2,
                     fm.height() + m.top() + m.bottom());
    if (label->minimumSize() != size || label->maximumSize() != size) label->setFixedSize(size);
  }
}

void TransportBar::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  // A new font (presentation mode) reaches the readouts after this toolbar: fit them afterwards.
  if (event->type() == QEvent::FontChange) QMetaObject::invokeMethod(this, &TransportBar::fitReadouts, Qt::QueuedConnection);
  QToolBar::changeEvent(event);
}

void TransportBar::retranslateUi() {
  setWindowTitle(tr("Transport"));
  updatePlayLook();
  m_play->setToolTip(tr("Train continuously, or pause (Space)."));
  m_step->setText(tr("Step"));
  m_step->setToolTip(tr("Train exactly one mini-batch step (→ or S)."));
  m_reset->setText(tr("Reset"));
  m_reset->setToolTip(tr("New weights from the seed; counters back to zero (R)."));
  m_speedLabel->setText(tr("Speed"));
  m_speed->setToolTip(tr("Training speed in steps per second; rightmost = as fast as the computer can."));
  m_stepLabel->setToolTip(tr("Mini-batch steps trained so far."));
  m_epochLabel->setToolTip(tr("Passes over the training data so far."));
  m_rateLabel->setToolTip(tr("Measured training speed over the last second."));
  updateReadouts();
}

}  // namespace dlui
