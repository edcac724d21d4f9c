// AdaGrad: Duchi, Hazan & Singer 2011, "Adaptive Subgradient Methods for Online Learning and
// Stochastic Optimization", JMLR 12. Each parameter's rate is lr divided by its gradient history.
#include "optim/AdaGrad.h"

#include "config/ConfigChecks.h"

#include <cassert>

namespace dl {

AdaGrad::AdaGrad(const OptimizerConfig& c) {
  addBuffer("sum_sq", &m_sumSq, Sign::NonNegative);
  setHyperparameters(c);
}

void AdaGrad::setHyperparameters(const OptimizerConfig& c) {
  validateOptimizerHyperparameters(c);
  m_epsilon = static_cast<Scalar>(c.epsilon);
}

void AdaGrad::step(VectorMap params, ConstVectorMap grads, Scalar lr) {
  assert(params.size() == m_n && grads.size() == m_n);
  ++m_t;
  const Scalar eps = m_epsilon;
  forEachChunk(m_n, [&](Index b, Index len) {
    auto g = grads.segment(b, len).array();
    auto G = m_sumSq.segment(b, len).array();
    // G ← G + g²;  w ← w − lr·g / (√G + ε)
    G += g.square();
    params.segment(b, len).array() -= lr * g / (G.sqrt() + eps);
  });
}

}  // namespace dl
