// What a new configuration changes for a running experiment: new trainers and why, or nothing that
// needs new weights (then dl::applyInPlace / Runs::applyInPlace give the trainers the rest between
// steps). The window's session and Runs both decide by it.
#pragma once

#include "config/Config.h"
#include "config/Field.h"

namespace dl {

// The first field, section by section in the order of RebuildReason, whose change needs new
// trainers (the field lists' onChange, config/Field.h).
RebuildReason rebuildReason(const ExperimentConfig& from, const ExperimentConfig& to);

// The same prepared data (the map's features are a view of them, not part of them).
bool sameData(const DataConfig& a, const DataConfig& b);

}  // namespace dl
