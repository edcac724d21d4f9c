// RMSProp (Tieleman & Hinton 2012): AdaGrad with an exponentially decaying mean of g².
#pragma once

#include "optim/BufferedOptimizer.h"

namespace dl {

class RmsProp final : public BufferedOptimizer {
public:
  explicit RmsProp(const OptimizerConfig& c);
  std::string name() const override { return "rmsprop"; }
  void step(VectorMap params, ConstVectorMap grads, Scalar lr) override;
  void setHyperparameters(const OptimizerConfig& c) override;

private:
  Scalar m_rho = 0.9f;
  Scalar m_oneMinusRho = 0;
  Scalar m_epsilon = 1e-8f;
  Vector m_meanSq;  // (n) "mean_sq": decaying mean of g²
};

}  // namespace dl
