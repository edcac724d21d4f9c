// Range checks for configuration values, and the validators of the optimiser, schedule and
// initialiser sections. Each failure throws ConfigError naming the field and the bad value.
#pragma once

#include "train/Config.h"

namespace dl {

// v must be finite.
void requireFinite(const char* field, double v);
// v must be finite and > lo.
void requireAbove(const char* field, double v, double lo);
// v must be finite and >= lo.
void requireAtLeast(const char* field, double v, double lo);
// v in [lo, hi).
void requireInClosedOpen(const char* field, double v, double lo, double hi);
// v in (lo, hi].
void requireInOpenClosed(const char* field, double v, double lo, double hi);
// v in (lo, hi).
void requireInOpen(const char* field, double v, double lo, double hi);

// Every field of the section is checked, whichever optimiser / schedule / scheme is selected, so
// a configuration stays valid when the user switches between them. Unknown names throw too
// (fields "optimizer.name", "schedule.name", "init.scheme").
void validateOptimizerConfig(const OptimizerConfig& c);
void validateScheduleConfig(const ScheduleConfig& c);
void validateInitConfig(const InitConfig& c);

// The same checks without the name: for hyperparameter changes during training.
void validateOptimizerHyperparameters(const OptimizerConfig& c);
void validateScheduleParameters(const ScheduleConfig& c);

}  // namespace dl
