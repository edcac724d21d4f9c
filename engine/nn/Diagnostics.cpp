// The reductions of the per-layer diagnostics, vectorised; see Diagnostics.h.
#include "nn/Diagnostics.h"

#include <cmath>

namespace dl {

// Eigen 3.4 does not vectorise cast<double>() reductions: its scalar loop waits on every add
// (≈ 15% of an MNIST-sized step).
double sumSquares(const Scalar* p, Index n) {
  double s = 0;
#pragma omp simd reduction(+ : s)
  for (Index i = 0; i < n; ++i) s += static_cast<double>(p[i]) * static_cast<double>(p[i]);
  return s;
}

// One pass for ‖W‖², ‖ΔW‖² and the near-zero count.
void weightStatistics(const Scalar* W, const Scalar* before, Index n, LayerStats& s) {
  double w2 = 0, d2 = 0;
  Index small = 0;
#pragma omp simd reduction(+ : w2, d2, small)
  for (Index i = 0; i < n; ++i) {
    const double wi = static_cast<double>(W[i]);
    const double di = static_cast<double>(W[i] - before[i]);
    w2 += wi * wi;
    d2 += di * di;
    small += std::abs(W[i]) < Scalar(kSparseThreshold) ? 1 : 0;
  }
  s.weightNorm = std::sqrt(w2);
  s.updateRatio = s.weightNorm > 0 ? std::sqrt(d2) / s.weightNorm : 0.0;
  s.sparsity = n ? static_cast<double>(small) / static_cast<double>(n) : 0.0;
}

}  // namespace dl
