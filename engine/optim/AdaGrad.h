// AdaGrad (Duchi, Hazan & Singer 2011): per-parameter rates shrinking with the summed squares.
#pragma once

#include "optim/BufferedOptimizer.h"

namespace dl {

class AdaGrad final : public BufferedOptimizer {
public:
  explicit AdaGrad(const OptimizerConfig& c);
  std::string name() const override { return "adagrad"; }
  void step(VectorMap params, ConstVectorMap grads, Scalar lr) override;
  void setHyperparameters(const OptimizerConfig& c) override;

private:
  Scalar m_epsilon = 1e-8f;
  Vector m_sumSq;  // (n) "sum_sq": Σ g² over all steps
};

}  // namespace dl
