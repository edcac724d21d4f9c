// Adadelta (Zeiler 2012): RMSProp whose step size is the running RMS of past updates.
#pragma once

#include "optim/BufferedOptimizer.h"

namespace dl {

class Adadelta final : public BufferedOptimizer {
public:
  explicit Adadelta(const OptimizerConfig& c);
  std::string name() const override { return "adadelta"; }
  void step(VectorMap params, ConstVectorMap grads, Scalar lr) override;
  void setHyperparameters(const OptimizerConfig& c) override;

private:
  Scalar m_rho = 0.9f;
  Scalar m_oneMinusRho = 0;
  Scalar m_epsilon = 1e-8f;
  Vector m_meanSqGrad;    // (n) "mean_sq_grad": E[g²]
  Vector m_meanSqUpdate;  // (n) "mean_sq_update": E[Δ²]
};

}  // namespace dl
