// What a new configuration changes for a running session: the parts a Trainer can take between
// steps (optimiser, schedule, penalties, batch size, dropout, evaluation period) or a rebuild and
// why (the L1-vs-L2 pair's runs come from dl::comparisonRun). Private to ui/session/.
#pragma once

#include "train/Config.h"

namespace dl {
class Trainer;
}

namespace dlui::detail {

// Why a configuration needs new trainers (new weights). None: every change applies in place.
enum class RebuildReason { None, Data, Architecture, Initialization, Seed, Loss, ClassWeights, CompareL1L2 };

RebuildReason rebuildReason(const dl::ExperimentConfig& from, const dl::ExperimentConfig& to);

bool sameData(const dl::DataConfig& a, const dl::DataConfig& b);
bool sameOptimizer(const dl::OptimizerConfig& a, const dl::OptimizerConfig& b);
bool sameSchedule(const dl::ScheduleConfig& a, const dl::ScheduleConfig& b);
// Includes compareL1L2 (a run's own regularization never has a different flag).
bool sameRegularization(const dl::RegularizationConfig& a, const dl::RegularizationConfig& b);

// Gives a trainer every in-place part of `run` (its own run's configuration) that differs from
// its own: afterwards t.config() equals `run` whenever rebuildReason(t.config(), run) is None.
// Throws ConfigError (nothing is applied then only if the caller validated `run` first).
void applyInPlace(dl::Trainer& t, const dl::ExperimentConfig& run);

}  // namespace dlui::detail
