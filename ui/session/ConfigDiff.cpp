// Comparison of configurations for the session: what applies in place, what rebuilds (ConfigDiff.h).
#include "session/ConfigDiff.h"

#include "core/Error.h"
#include "train/Trainer.h"

#include <algorithm>
#include <string>
#include <tuple>

namespace dlui::detail {

namespace {

// What the prepared data depend on. Not mapFeatures: which two features the map shows is a view of
// the run and changes in place (it reset a run at step 7,167 to step 0).
auto tieData(const dl::DataConfig& d) {
  return std::tie(d.source, d.points, d.noise, d.seed, d.classes, d.arms, d.imbalance, d.csvPath, d.labelColumn,
                  d.csvHeader, d.regression, d.validationFraction, d.testFraction, d.standardize, d.whiten, d.resample,
                  d.smoteNeighbours, d.inputs);
}

// Everything of a layer but the dropout rate, which a Trainer changes in place.
auto tieLayerShape(const dl::LayerConfig& l) {
  return std::tie(l.units, l.activation, l.slope, l.alpha, l.pieces, l.batchNorm);
}

auto tieInit(const dl::InitConfig& i) { return std::tie(i.scheme, i.sigma, i.limit, i.value, i.gain, i.bias); }

bool sameArchitecture(const std::vector<dl::LayerConfig>& a, const std::vector<dl::LayerConfig>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (tieLayerShape(a[i]) != tieLayerShape(b[i])) return false;
  return true;
}

}  // namespace

bool sameData(const dl::DataConfig& a, const dl::DataConfig& b) { return tieData(a) == tieData(b); }

bool sameOptimizer(const dl::OptimizerConfig& a, const dl::OptimizerConfig& b) {
  return std::tie(a.name, a.learningRate, a.momentum, a.beta1, a.beta2, a.rho, a.epsilon) ==
         std::tie(b.name, b.learningRate, b.momentum, b.beta1, b.beta2, b.rho, b.epsilon);
}

bool sameSchedule(const dl::ScheduleConfig& a, const dl::ScheduleConfig& b) {
  return std::tie(a.name, a.decay, a.base, a.k, a.stepEvery, a.stepFactor, a.patience, a.plateauFactor,
                  a.minLearningRate) == std::tie(b.name, b.decay, b.base, b.k, b.stepEvery, b.stepFactor, b.patience,
                                                 b.plateauFactor, b.minLearningRate);
}

bool sameRegularization(const dl::RegularizationConfig& a, const dl::RegularizationConfig& b) {
  return std::tie(a.l1, a.l2, a.l1Mode, a.clipNorm, a.clipValue, a.compareL1L2) ==
         std::tie(b.l1, b.l2, b.l1Mode, b.clipNorm, b.clipValue, b.compareL1L2);
}

RebuildReason rebuildReason(const dl::ExperimentConfig& from, const dl::ExperimentConfig& to) {
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

void applyInPlace(dl::Trainer& t, const dl::ExperimentConfig& rc) {
  const dl::ExperimentConfig& cur = t.config();
  if (!sameOptimizer(cur.optimizer, rc.optimizer)) t.setOptimizer(rc.optimizer);
  if (!sameSchedule(cur.schedule, rc.schedule)) t.setSchedule(rc.schedule);
  if (!sameRegularization(cur.regularization, rc.regularization)) t.setRegularization(rc.regularization);
  if (cur.training.batchSize != rc.training.batchSize) t.setBatchSize(rc.training.batchSize);
  if (cur.training.evalEvery != rc.training.evalEvery) t.setEvalEvery(rc.training.evalEvery);
  if (cur.training.steps != rc.training.steps || cur.training.threads != rc.training.threads)
    t.setHeadlessSettings(rc.training.steps, rc.training.threads);
  if (cur.data.mapFeatures != rc.data.mapFeatures) t.setMapFeatures(rc.data.mapFeatures);
  for (std::size_t l = 0; l < rc.hidden.size(); ++l)
    if (t.config().hidden[l].dropout != rc.hidden[l].dropout) t.setDropout(static_cast<int>(l), rc.hidden[l].dropout);
}

}  // namespace dlui::detail
