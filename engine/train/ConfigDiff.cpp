// Comparison of configurations: what needs new trainers, and why (ConfigDiff.h).
#include "train/ConfigDiff.h"

#include <algorithm>
#include <string>
#include <tuple>

namespace dl {

namespace {

// What the prepared data depend on. Not mapFeatures: which two features the map shows is a view of
// the run and changes in place (it reset a run at step 7,167 to step 0).
auto tieData(const DataConfig& d) {
  return std::tie(d.source, d.points, d.noise, d.seed, d.classes, d.arms, d.imbalance, d.csvPath, d.labelColumn,
                  d.csvHeader, d.regression, d.validationFraction, d.testFraction, d.standardize, d.whiten, d.resample,
                  d.smoteNeighbours, d.inputs);
}

// Everything of a layer but the dropout rate, which a Trainer changes in place.
auto tieLayerShape(const LayerConfig& l) {
  return std::tie(l.units, l.activation, l.slope, l.alpha, l.pieces, l.batchNorm);
}

auto tieInit(const InitConfig& i) { return std::tie(i.scheme, i.sigma, i.limit, i.value, i.gain, i.bias); }

bool sameArchitecture(const std::vector<LayerConfig>& a, const std::vector<LayerConfig>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (tieLayerShape(a[i]) != tieLayerShape(b[i])) return false;
  return true;
}

}  // namespace

bool sameData(const DataConfig& a, const DataConfig& b) { return tieData(a) == tieData(b); }

RebuildReason rebuildReason(const ExperimentConfig& from, const ExperimentConfig& to) {
  if (!sameData(from.data, to.data)) return RebuildReason::Data;
  if (!sameArchitecture(from.hidden, to.hidden)) return RebuildReason::Architecture;
  if (tieInit(from.init) != tieInit(to.init)) return RebuildReason::Initialization;
  if (from.training.seed != to.training.seed) return RebuildReason::Seed;
  if (from.training.loss != to.training.loss) return RebuildReason::Loss;
  if (from.training.classWeights != to.training.classWeights ||
      from.training.balancedClassWeights != to.training.balancedClassWeights)
    return RebuildReason::ClassWeights;
  if (from.regularization.compareL1L2 != to.regularization.compareL1L2) return RebuildReason::CompareL1L2;
  return RebuildReason::None;
}

}  // namespace dl
