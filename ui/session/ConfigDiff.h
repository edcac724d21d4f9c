// What a new configuration changes for a running session: a rebuild and why, or nothing that needs
// new weights (then dl::Runs::applyInPlace gives the runs the rest between steps; the L1-vs-L2
// pair's runs come from dl::experimentRuns). Private to ui/session/.
#pragma once

#include "train/Config.h"

namespace dlui::detail {

// Why a configuration needs new trainers (new weights). None: every change applies in place.
enum class RebuildReason { None, Data, Architecture, Initialization, Seed, Loss, ClassWeights, CompareL1L2 };

RebuildReason rebuildReason(const dl::ExperimentConfig& from, const dl::ExperimentConfig& to);

bool sameData(const dl::DataConfig& a, const dl::DataConfig& b);

}  // namespace dlui::detail
