// Optimisers update one flat parameter buffer from its matching flat gradient buffer. Their state
// (velocities, moment estimates) is indexed by position in that buffer, never by address, so it
// can be saved, restored and resized with the network.
#pragma once

#include "core/Types.h"
#include "config/Config.h"

#include <memory>
#include <string>
#include <vector>

namespace dl {

// A named state buffer of an optimiser ("velocity", "m", "v", ...) plus the step counter.
struct OptimizerState {
  std::vector<std::pair<std::string, Vector>> buffers;
  long long t = 0;
};

class Optimizer {
public:
  virtual ~Optimizer() = default;
  virtual std::string name() const = 0;
  // Zero the state for a parameter buffer of n values.
  virtual void reset(Index n) = 0;
  // params ← update(params, grads) with learning rate lr (the schedule's value for this step).
  virtual void step(VectorMap params, ConstVectorMap grads, Scalar lr) = 0;
  // Hyperparameters (momentum, β1, β2, ρ, ε) may change between steps; the state is kept.
  virtual void setHyperparameters(const OptimizerConfig& c) = 0;
  virtual OptimizerState state() const = 0;
  // Throws ConfigError when the buffers do not match this optimiser or the size n.
  virtual void setState(const OptimizerState& s) = 0;
};

// Registry: the names used in JSON and the UI ("sgd", "adam", ...). Throws ConfigError
// (field "optimizer.name") for an unknown name.
std::unique_ptr<Optimizer> makeOptimizer(const OptimizerConfig& c);
const std::vector<std::string>& optimizerNames();
// The learning rate an optimiser starts with when none is given: 1.0 for Adadelta (Zeiler 2012
// has no learning rate, and PyTorch's lr multiplies its update: 1.0 is the paper's method), the
// playground's 0.03 for the rest. Unknown names get 0.03.
double defaultLearningRate(const std::string& name);

}  // namespace dl
