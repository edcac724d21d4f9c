// Output functions fused with their losses, so the gradient w.r.t. the logits is the simple,
// numerically stable (prediction − target). Losses are MEANS over the batch (weighted means when
// class weights are set: Σᵢ w_{yᵢ}·ℓᵢ / Σᵢ w_{yᵢ}), so gradients are averaged over the mini-batch.
#pragma once

#include "core/Types.h"

#include <memory>
#include <string>
#include <vector>

namespace dl {

class Loss {
public:
  virtual ~Loss() = default;
  virtual std::string name() const = 0;
  virtual bool classification() const = 0;
  // logits (outputs, B); labels: B class ids (classification) or targets (outputs, B) (regression).
  // Returns the mean loss; if dLogits is given, writes ∂(mean loss)/∂logits into it.
  virtual double evaluate(const Matrix& logits, const int* labels, const Matrix* targets, Matrix* dLogits) const = 0;
  // Class probabilities (classes, B) — softmax, or (1−p, p) for the sigmoid — or the regression output.
  virtual void predict(const Matrix& logits, Matrix& out) const = 0;
  // Predicted class of column b (argmax of the probabilities).
  virtual int predictedClass(const Matrix& logits, Index b) const = 0;
};

// name: "softmax_ce", "sigmoid_bce" (2 classes, 1 output), "sigmoid_mse" (2 classes, 1 output:
// (σ(z) − y)²), "mse" (regression: (ŷ − y)²; classification: squared error between the softmax
// probabilities and the one-hot target, averaged over the K outputs). classWeights: empty or one per
// class, all > 0 (classification only). Throws ConfigError ("training.loss", "training.classWeights").
std::unique_ptr<Loss> makeLoss(const std::string& name, int numClasses, const std::vector<double>& classWeights);
// Output units the network needs for this loss.
Index lossOutputs(const std::string& name, int numClasses, Index regressionTargets);

}  // namespace dl
