// Learning-rate schedules: the rate for the current epoch from the base rate lr0.
// Epochs are counted from 1 (the first pass over the data is epoch 1), as in the formulas
// lr0/(1+decay·epoch), lr0·base^epoch, lr0·k/√epoch.
#pragma once

#include "config/Config.h"

#include <memory>
#include <string>
#include <vector>

namespace dl {

class Schedule {
public:
  virtual ~Schedule() = default;
  virtual std::string name() const = 0;
  // The learning rate during `epoch` (>= 1). Never below config.minLearningRate.
  virtual double rate(double lr0, long long epoch) const = 0;
  // Called after every validation evaluation (plateau uses it; others ignore it).
  virtual void onValidation(double /*valLoss*/) {}
  // Parameters may change between steps (the GUI); the plateau state is kept.
  virtual void setConfig(const ScheduleConfig& c) = 0;
  // Plateau state for save/resume: {best loss, evaluations without improvement, current factor}.
  virtual std::vector<double> state() const { return {}; }
  virtual void setState(const std::vector<double>& /*s*/) {}
};

// Registry by name; throws ConfigError (field "schedule.name") for an unknown name.
std::unique_ptr<Schedule> makeSchedule(const ScheduleConfig& c);
const std::vector<std::string>& scheduleNames();

}  // namespace dl
