// Step metrics as plain numbers, for the tests that compare two trainings bit for bit.
#pragma once

#include "train/Trainer.h"

#include <cmath>
#include <vector>

// Every number a step reports, for exact comparison.
inline std::vector<double> flatten(const dl::StepMetrics& m) {
  std::vector<double> v{
      double(m.step), double(m.epoch), m.lr,       m.trainLoss,    m.penalty,       m.valLoss,
      m.valAccuracy,  m.trainAccuracy, m.testLoss, m.testAccuracy, m.gradNormTotal, double(m.clipped)};
  for (const dl::LayerStats& s : m.layers)
    v.insert(v.end(), {s.gradNorm, s.weightNorm, s.updateRatio, s.sparsity, s.saturation, s.activationMean});
  return v;
}

// Equal numbers, NaN equal to NaN.
inline bool sameBits(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!(a[i] == b[i] || (std::isnan(a[i]) && std::isnan(b[i])))) return false;
  return true;
}
