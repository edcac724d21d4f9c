// The transport toolbar: play/pause (Space), step (→ or S), reset (R), a speed slider from 1 to
// 1000 steps per second plus "max", and the step, epoch and steps-per-second readouts.
#pragma once

#include "labs/playground/Snapshot.h"

#include <QToolBar>

class QAction;
class QLabel;
class QSlider;

namespace dlui {

class TransportBar : public QToolBar {
  Q_OBJECT
public:
  explicit TransportBar(QWidget* parent = nullptr);

  // Model → widget: counters, rate and the play state (no signal is emitted).
  void applySnapshot(const SnapshotPtr& snapshot);
  void setRunning(bool running);
  // Steps per second of the slider's position; 0 = as fast as possible.
  double speed() const;
  void setSpeed(double stepsPerSecond);

  QAction* playAction() const { return m_play; }
  QAction* stepAction() const { return m_step; }
  QAction* resetAction() const { return m_reset; }
  long long stepCount() const { return m_stepCount; }
  long long epochCount() const { return m_epochCount; }

signals:
  void playToggled(bool play);
  void stepRequested();
  void resetRequested();
  void speedChanged(double stepsPerSecond);

protected:
  void changeEvent(QEvent* event) override;

private:
  void retranslateUi();
  void updatePlayLook();
  void updateReadouts();
  void fitReadouts();

  QAction* m_play = nullptr;
  QAction* m_step = nullptr;
  QAction* m_reset = nullptr;
  QLabel* m_speedLabel = nullptr;
  QSlider* m_speed = nullptr;
  QLabel* m_speedValue = nullptr;
  QLabel* m_stepLabel = nullptr;
  QLabel* m_epochLabel = nullptr;
  QLabel* m_rateLabel = nullptr;
  long long m_stepCount = 0;
  long long m_epochCount = 0;
  double m_rate = 0;
};

}  // namespace dlui
