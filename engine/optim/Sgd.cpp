// Plain stochastic gradient descent (Robbins & Monro 1951): no state besides the step count.
#include "optim/Sgd.h"

#include "config/ConfigChecks.h"

#include <cassert>

namespace dl {

Sgd::Sgd(const OptimizerConfig& c) { setHyperparameters(c); }

void Sgd::setHyperparameters(const OptimizerConfig& c) { validateOptimizerHyperparameters(c); }

void Sgd::step(VectorMap params, ConstVectorMap grads, Scalar lr) {
  assert(params.size() == m_n && grads.size() == m_n);
  ++m_t;
  forEachChunk(m_n, [&](Index b, Index len) {
    // w ← w − lr·g
    params.segment(b, len) -= lr * grads.segment(b, len);
  });
}

}  // namespace dl
