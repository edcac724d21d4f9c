// Heavy-ball momentum: Polyak 1964, "Some methods of speeding up the convergence of iteration
// methods"; Sutskever, Martens, Dahl & Hinton 2013, "On the importance of initialization and
// momentum in deep learning". PyTorch's form: the velocity sums raw gradients, lr applies after.
#include "optim/Momentum.h"

#include "train/ConfigChecks.h"

#include <cassert>

namespace dl {

Momentum::Momentum(const OptimizerConfig& c) {
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
  forEachChunk(m_n, [&](Index b, Index len) {
    auto g = grads.segment(b, len).array();
    auto v = m_velocity.segment(b, len).array();
    // v ← μ·v + g;  w ← w − lr·v
    v = mu * v + g;
    params.segment(b, len).array() -= lr * v;
  });
}

}  // namespace dl
