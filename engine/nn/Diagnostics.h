// Per-layer diagnostics (docs/diagnostics.md): what a weighted layer reports each step, and the
// reductions behind it. Each layer says which of its parameters are weights (Layer::weightRange)
// and how saturated its last pass was (Layer::saturation); Network::stats() combines them per
// weighted layer. Sums are accumulated in double so large gradients do not overflow.
#pragma once

#include "core/Types.h"

#include <limits>

namespace dl {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
inline constexpr double kSparseThreshold = 1e-3;  // |w| below this counts as "near zero"

// Per weighted layer (1 = first hidden layer, last = output layer).
struct LayerStats {
  double gradNorm = 0;       // ‖∂L/∂θ‖₂ over all the layer's parameters (W, b, γ, β, slopes)
  double weightNorm = 0;     // ‖W‖₂
  double updateRatio = 0;    // ‖ΔW‖₂ / ‖W‖₂ of this step
  double sparsity = 0;       // fraction of W with |w| < 1e-3
  double saturation = kNaN;  // hidden layers: Activation::saturation; output layer: NaN
  // Hidden layers: mean output of the layer's units over the mini-batch, before dropout (sigmoid
  // layers sit near +0.5, tanh layers near 0: the zero-centred question); output layer: NaN.
  double activationMean = kNaN;
};

// Σ p² in double.
double sumSquares(const Scalar* p, Index n);
// weightNorm, updateRatio and sparsity of the n weights W, which were `before` ahead of this step.
void weightStatistics(const Scalar* W, const Scalar* before, Index n, LayerStats& s);

}  // namespace dl
