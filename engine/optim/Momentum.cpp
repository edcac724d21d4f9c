// Heavy-ball momentum: Polyak 1964, "Some methods of speeding up the convergence of iteration
// methods"; Sutskever, Martens, Dahl & Hinton 2013, "On the importance of initialization and
// momentum in deep learning". Nesterov accelerated gradient: Nesterov 1983, "A method for solving
// the convex programming problem with convergence rate O(1/k²)", in PyTorch's form, which takes
// the gradient at w rather than at the look-ahead point.
#include "optim/Momentum.h"

#include "config/ConfigChecks.h"

#include <cassert>

namespace dl {

Momentum::Momentum(const OptimizerConfig& c, bool nesterov) : m_nesterov(nesterov) {
  addBuffer("velocity", &m_velocity);
  setHyperparameters(c);
}

void Momentum::setHyperparameters(const OptimizerConfig& c) {
  validateOptimizerHyperparameters(c);
  m_mu = static_cast<Scalar>(c.momentum);
}

void Momentum::step(VectorMap params, ConstVectorMap grads, Scalar lr) {
  assert(params.size() == m_n && grads.size() == m_n);
  ++m_t;
  const Scalar mu = m_mu;
  const bool nesterov = m_nesterov;
  forEachChunk(m_n, [&](Index b, Index len) {
    auto g = grads.segment(b, len).array();
    auto v = m_velocity.segment(b, len).array();
    v = mu * v + g;  // v ← μ·v + g
    if (nesterov)
      params.segment(b, len).array() -= lr * (g + mu * v);  // w ← w − lr·(g + μ·v): one velocity ahead
    else
      params.segment(b, len).array() -= lr * v;  // w ← w − lr·v
  });
}

}  // namespace dl
