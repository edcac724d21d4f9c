// L1/L2 weight penalties: value, gradient and the L1 proximal step.
#include "train/Regularization.h"

namespace dl {

double weightPenalty(const Network& net, double l1, double l2) {
  if (l1 <= 0 && l2 <= 0) return 0.0;
  double sumAbs = 0, sumSq = 0;
  for (int l = 0; l < net.layerCount(); ++l) {
    const auto W = net.weights(l);
    if (l1 > 0) sumAbs += W.template cast<double>().cwiseAbs().sum();
    if (l2 > 0) sumSq += W.template cast<double>().squaredNorm();
  }
  return l1 * sumAbs + 0.5 * l2 * sumSq;
}

// ∂/∂w (λ2/2)w² = λ2·w;  ∂/∂w λ1|w| = λ1·sign(w) (subgradient 0 at w = 0)
void addPenaltyGradient(Network& net, double l1, double l2, bool l1Subgradient) {
  const bool sub = l1 > 0 && l1Subgradient;
  if (l2 <= 0 && !sub) return;
  const auto s2 = static_cast<Scalar>(l2), s1 = static_cast<Scalar>(l1);
  for (int l = 0; l < net.layerCount(); ++l) {
    const ParamRange& w = net.layer(l).weights;
    auto g = net.grads().segment(w.offset, w.size);
    const auto p = net.params().segment(w.offset, w.size);
    if (l2 > 0) g += s2 * p;
    if (sub) g.array() += s1 * p.array().sign();
  }
}

void proximalL1(Network& net, double threshold) {
  if (threshold <= 0) return;
  const auto t = static_cast<Scalar>(threshold);
  for (int l = 0; l < net.layerCount(); ++l) {
    const ParamRange& w = net.layer(l).weights;
    auto p = net.params().segment(w.offset, w.size).array();
    p = p.sign() * (p.abs() - t).max(Scalar(0));
  }
}

}  // namespace dl
