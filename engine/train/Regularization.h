// Weight penalties on a network's weights (never biases, γ/β or PReLU slopes):
// L1 λ1·Σ|w| and L2 (λ2/2)·Σw²; elastic net is both at once.
#pragma once

#include "nn/Network.h"

namespace dl {

// λ1·Σ|w| + (λ2/2)·Σw² over every layer's W.
double weightPenalty(const Network& net, double l1, double l2);
// grads += λ2·w (+ λ1·sign(w) when l1Subgradient).
void addPenaltyGradient(Network& net, double l1, double l2, bool l1Subgradient);
// Proximal step for λ1·Σ|w| with step size lr (ISTA): w ← sign(w)·max(|w| − lr·λ1, 0).
// Produces exact zeros, which is why L1 makes weights sparse.
void proximalL1(Network& net, double threshold);

}  // namespace dl
