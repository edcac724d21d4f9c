// Adadelta: Zeiler 2012, "ADADELTA: An Adaptive Learning Rate Method", arXiv:1212.5701.
// lr is a multiplier on the paper's update (1.0 reproduces the paper), as in PyTorch.
#include "optim/Adadelta.h"

#include "config/ConfigChecks.h"

#include <cassert>

namespace dl {

Adadelta::Adadelta(const OptimizerConfig& c) {
  addBuffer("mean_sq_grad", &m_meanSqGrad, Sign::NonNegative);
  addBuffer("mean_sq_update", &m_meanSqUpdate, Sign::NonNegative);
  setHyperparameters(c);
}

void Adadelta::setHyperparameters(const OptimizerConfig& c) {
  validateOptimizerHyperparameters(c);
  m_rho = static_cast<Scalar>(c.rho);
  m_oneMinusRho = static_cast<Scalar>(1.0 - c.rho);  // from double, as PyTorch: not 1 − float(ρ)
  m_epsilon = static_cast<Scalar>(c.epsilon);
}

void Adadelta::step(VectorMap params, ConstVectorMap grads, Scalar lr) {
  assert(params.size() == m_n && grads.size() == m_n);
  ++m_t;
  const Scalar rho = m_rho, orho = m_oneMinusRho;
  const Scalar eps = m_epsilon;
  forEachChunk(m_n, [&](Index b, Index len) {
    auto g = grads.segment(b, len).array();
    auto Eg = m_meanSqGrad.segment(b, len).array();
    auto Ed = m_meanSqUpdate.segment(b, len).array();
    // E_g ← ρ·E_g + (1−ρ)·g²
    // Δ   = −(√(E_Δ + ε) / √(E_g + ε))·g          (E_Δ of the previous step)
    // w   ← w + lr·Δ
    // E_Δ ← ρ·E_Δ + (1−ρ)·Δ²,  with Δ² = (E_Δ + ε)·g² / (E_g + ε)
    // Δ² is rebuilt from E_Δ instead of kept, so the step needs no scratch buffer.
    Eg = rho * Eg + orho * g.square();
    params.segment(b, len).array() -= lr * ((Ed + eps).sqrt() / (Eg + eps).sqrt()) * g;
    Ed = rho * Ed + orho * ((Ed + eps) / (Eg + eps)) * g.square();
  });
}

}  // namespace dl
