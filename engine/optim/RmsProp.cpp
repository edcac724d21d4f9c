// RMSProp: Tieleman & Hinton 2012, "Lecture 6.5 — rmsprop: divide the gradient by a running
// average of its recent magnitude", COURSERA Neural Networks for Machine Learning (unpublished).
#include "optim/RmsProp.h"

#include "config/ConfigChecks.h"

#include <cassert>

namespace dl {

RmsProp::RmsProp(const OptimizerConfig& c) {
  addBuffer("mean_sq", &m_meanSq, Sign::NonNegative);
  setHyperparameters(c);
}

void RmsProp::setHyperparameters(const OptimizerConfig& c) {
  validateOptimizerHyperparameters(c);
  m_rho = static_cast<Scalar>(c.rho);
  m_oneMinusRho = static_cast<Scalar>(1.0 - c.rho);  // from double, as PyTorch: not 1 − float(ρ)
  m_epsilon = static_cast<Scalar>(c.epsilon);
}

void RmsProp::step(VectorMap params, ConstVectorMap grads, Scalar lr) {
  assert(params.size() == m_n && grads.size() == m_n);
  ++m_t;
  const Scalar rho = m_rho, orho = m_oneMinusRho;
  const Scalar eps = m_epsilon;
  forEachChunk(m_n, [&](Index b, Index len) {
    auto g = grads.segment(b, len).array();
    auto s = m_meanSq.segment(b, len).array();
    // s ← ρ·s + (1−ρ)·g²;  w ← w − lr·g / (√s + ε)
    s = rho * s + orho * g.square();
    params.segment(b, len).array() -= lr * g / (s.sqrt() + eps);
  });
}

}  // namespace dl
