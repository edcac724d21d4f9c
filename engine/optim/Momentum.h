// Momentum (Polyak 1964; Sutskever et al. 2013) and its Nesterov variant (Nesterov 1983), in
// PyTorch's convention: the velocity sums raw gradients and the learning rate applies after.
#pragma once

#include "optim/BufferedOptimizer.h"

namespace dl {

class Momentum final : public BufferedOptimizer {
public:
  Momentum(const OptimizerConfig& c, bool nesterov);
  std::string name() const override { return m_nesterov ? "nesterov" : "momentum"; }
  void step(VectorMap params, ConstVectorMap grads, Scalar lr) override;
  void setHyperparameters(const OptimizerConfig& c) override;

private:
  Scalar m_mu = 0.9f;
  bool m_nesterov = false;
  Vector m_velocity;  // (n) "velocity"
};

}  // namespace dl
