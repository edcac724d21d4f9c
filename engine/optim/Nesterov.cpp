// Nesterov accelerated gradient: Nesterov 1983, "A method for solving the convex programming
// problem with convergence rate O(1/k²)"; Sutskever et al. 2013 for its use in deep learning.
// PyTorch's form, which evaluates the gradient at w rather than at the look-ahead point.
#include "optim/Nesterov.h"

#include "train/ConfigChecks.h"

#include <cassert>

namespace dl {

Nesterov::Nesterov(const OptimizerConfig& c) {
  addBuffer("velocity", &m_velocity);
  setHyperparameters(c);
}

void Nesterov::setHyperparameters(const OptimizerConfig& c) {
  validateOptimizerHyperparameters(c);
  m_mu = static_cast<Scalar>(c.momentum);
}

void Nesterov::step(VectorMap params, ConstVectorMap grads, Scalar lr) {
  assert(params.size() == m_n && grads.size() == m_n);
  ++m_t;
  const Scalar mu = m_mu;
  forEachChunk(m_n, [&](Index b, Index len) {
    auto g = grads.segment(b, len).array();
    auto v = m_velocity.segment(b, len).array();
    // v ← μ·v + g;  w ← w − lr·(g + μ·v)   (the new v: the step looks one velocity ahead)
    v = mu * v + g;
    params.segment(b, len).array() -= lr * (g + mu * v);
  });
}

}  // namespace dl
