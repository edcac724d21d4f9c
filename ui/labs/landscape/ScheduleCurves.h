// Every learning-rate schedule's curve over the race's steps, as a fraction of the base rate, the
// chosen one drawn bold: what "exponential" or "inverse square root" will do to the step size,
// seen before pressing Play. The curves come from the engine's own schedules.
#pragma once

#include "config/Config.h"

#include <QWidget>

namespace dlui {

class ScheduleCurves : public QWidget {
  Q_OBJECT
public:
  explicit ScheduleCurves(QWidget* parent = nullptr);
  // The schedules' parameters, the chosen name and how many steps the curves span.
  void setSchedule(const dl::ScheduleConfig& config, long long steps);
  // The names drawn (the race's: every schedule but "plateau", which needs a validation loss).
  static const std::vector<std::string>& names();
  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

protected:
  void paintEvent(QPaintEvent* event) override;

private:
  dl::ScheduleConfig m_config;
  long long m_steps = 300;
};

}  // namespace dlui
