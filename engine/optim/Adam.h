// Adam (Kingma & Ba 2015): bias-corrected moving averages of g and g².
#pragma once

#include "optim/BufferedOptimizer.h"

namespace dl {

class Adam final : public BufferedOptimizer {
public:
  explicit Adam(const OptimizerConfig& c);
  std::string name() const override { return "adam"; }
  void step(VectorMap params, ConstVectorMap grads, Scalar lr) override;
  void setHyperparameters(const OptimizerConfig& c) override;

private:
  double m_beta1 = 0.9;  // double: β^t for the bias corrections
  double m_beta2 = 0.999;
  Scalar m_epsilon = 1e-8f;
  Vector m_m;  // (n) "m": first-moment estimate
  Vector m_v;  // (n) "v": second-moment estimate
};

}  // namespace dl
