// Comparison of configurations: what needs new trainers, and why (ConfigDiff.h), read from the
// field lists (Field.h): a field's entry says whether its change needs new weights.
#include "config/ConfigDiff.h"

namespace dl {

bool sameData(const DataConfig& a, const DataConfig& b) {
  return firstRebuild(dataFields(), a, b) == RebuildReason::None;
}

RebuildReason rebuildReason(const ExperimentConfig& from, const ExperimentConfig& to) {
  if (const RebuildReason r = firstRebuild(dataFields(), from.data, to.data); r != RebuildReason::None) return r;
  if (from.hidden.size() != to.hidden.size()) return RebuildReason::Architecture;
  for (std::size_t l = 0; l < from.hidden.size(); ++l)
    if (const RebuildReason r = firstRebuild(layerFields(), from.hidden[l], to.hidden[l]); r != RebuildReason::None)
      return r;
  for (const RebuildReason r :
       {firstRebuild(initFields(), from.init, to.init), firstRebuild(trainingFields(), from.training, to.training),
        firstRebuild(regularizationFields(), from.regularization, to.regularization),
        firstRebuild(optimizerFields(), from.optimizer, to.optimizer),
        firstRebuild(scheduleFields(), from.schedule, to.schedule)})
    if (r != RebuildReason::None) return r;
  return RebuildReason::None;
}

}  // namespace dl
