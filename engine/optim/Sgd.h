// Plain stochastic gradient descent (Robbins & Monro 1951, "A Stochastic Approximation Method").
#pragma once

#include "optim/BufferedOptimizer.h"

namespace dl {

class Sgd final : public BufferedOptimizer {
public:
  explicit Sgd(const OptimizerConfig& c);
  std::string name() const override { return "sgd"; }
  void step(VectorMap params, ConstVectorMap grads, Scalar lr) override;
  void setHyperparameters(const OptimizerConfig& c) override;
};

}  // namespace dl
