// Adam: Kingma & Ba 2015, "Adam: A Method for Stochastic Optimization", ICLR (Algorithm 1,
// with ε added to √v̂ as in the paper and PyTorch).
#include "optim/Adam.h"

#include "config/ConfigChecks.h"

#include <cassert>
#include <cmath>

namespace dl {

Adam::Adam(const OptimizerConfig& c) {
  addBuffer("m", &m_m);
  addBuffer("v", &m_v, Sign::NonNegative);
  setHyperparameters(c);
}

void Adam::setHyperparameters(const OptimizerConfig& c) {
  validateOptimizerHyperparameters(c);
  m_beta1 = c.beta1;
  m_beta2 = c.beta2;
  m_epsilon = static_cast<Scalar>(c.epsilon);
}

void Adam::step(VectorMap params, ConstVectorMap grads, Scalar lr) {
  assert(params.size() == m_n && grads.size() == m_n);
  ++m_t;
  // β and 1 − β each rounded from double, as PyTorch does (β a Python float): 1 − float(β2)
  // would be off by ~6e-6 relative for β2 = 0.999, and so would every step.
  const Scalar b1 = static_cast<Scalar>(m_beta1), ob1 = static_cast<Scalar>(1.0 - m_beta1);
  const Scalar b2 = static_cast<Scalar>(m_beta2), ob2 = static_cast<Scalar>(1.0 - m_beta2);
  const Scalar eps = m_epsilon;
  // Bias corrections 1 − β^t, in double so that β2 = 0.999 stays exact over many steps.
  const auto t = static_cast<double>(m_t);
  const auto c1 = static_cast<Scalar>(1.0 - std::pow(m_beta1, t));
  const auto c2 = static_cast<Scalar>(1.0 - std::pow(m_beta2, t));
  forEachChunk(m_n, [&](Index b, Index len) {
    auto g = grads.segment(b, len).array();
    auto m = m_m.segment(b, len).array();
    auto v = m_v.segment(b, len).array();
    // m ← β1·m + (1−β1)·g;  v ← β2·v + (1−β2)·g²
    // m̂ = m / (1−β1^t);  v̂ = v / (1−β2^t);  w ← w − lr·m̂ / (√v̂ + ε)
    m = b1 * m + ob1 * g;
    v = b2 * v + ob2 * g.square();
    params.segment(b, len).array() -= lr * (m / c1) / ((v / c2).sqrt() + eps);
  });
}

}  // namespace dl
