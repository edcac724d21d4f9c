// Nesterov accelerated gradient (Nesterov 1983; Sutskever et al. 2013), PyTorch convention.
#pragma once

#include "optim/BufferedOptimizer.h"

namespace dl {

class Nesterov final : public BufferedOptimizer {
public:
  explicit Nesterov(const OptimizerConfig& c);
  std::string name() const override { return "nesterov"; }
  void step(VectorMap params, ConstVectorMap grads, Scalar lr) override;
  void setHyperparameters(const OptimizerConfig& c) override;

private:
  Scalar m_mu = 0.9f;
  Vector m_velocity;  // (n) "velocity"
};

}  // namespace dl
