// Heavy-ball momentum (Polyak 1964; in deep learning Sutskever et al. 2013), PyTorch convention.
#pragma once

#include "optim/BufferedOptimizer.h"

namespace dl {

class Momentum final : public BufferedOptimizer {
public:
  explicit Momentum(const OptimizerConfig& c);
  std::string name() const override { return "momentum"; }
  void step(VectorMap params, ConstVectorMap grads, Scalar lr) override;
  void setHyperparameters(const OptimizerConfig& c) override;

private:
  Scalar m_mu = 0.9f;
  Vector m_velocity;  // (n) "velocity"
};

}  // namespace dl
