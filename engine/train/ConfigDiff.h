// What a new configuration changes for a running experiment: new trainers and why, or nothing that
// needs new weights (then dl::applyInPlace / Runs::applyInPlace give the trainers the rest between
// steps). The window's session and Runs both decide by it.
#pragma once

#include "train/Config.h"

namespace dl {

// Why a configuration needs new trainers (new weights). None: every change applies in place.
enum class RebuildReason { None, Data, Architecture, Initialization, Seed, Loss, ClassWeights, CompareL1L2 };

RebuildReason rebuildReason(const ExperimentConfig& from, const ExperimentConfig& to);

// The same prepared data (the map's features are a view of them, not part of them).
bool sameData(const DataConfig& a, const DataConfig& b);

}  // namespace dl
