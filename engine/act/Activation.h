// Activation functions as small policy objects: forward() and backward() side by side, plus the
// saturation measure the diagnostics report. Z is a layer's pre-activation (rows, B), A its output
// (units, B); rows = units·pieces (pieces > 1 only for maxout).
#pragma once

#include "core/Types.h"
#include "config/Config.h"

#include <memory>
#include <string>
#include <vector>

namespace dl {

class Activation {
public:
  virtual ~Activation() = default;
  virtual std::string name() const = 0;
  // Pre-activation rows per output unit (maxout: k pieces; everything else 1).
  virtual Index pieces() const { return 1; }
  // Learned parameters for `units` output units (PReLU: one slope per unit).
  virtual Index paramCount(Index /*units*/) const { return 0; }
  virtual void initParams(Scalar* /*params*/, Index /*units*/) const {}
  // A = f(Z). params: this layer's activation parameters (may be null when paramCount is 0).
  virtual void forward(const Matrix& Z, Matrix& A, const Scalar* params) const = 0;
  // dZ = f'(Z) ⊙ dA; adds ∂L/∂params into gradParams. Z and A come from forward().
  virtual void backward(const Matrix& Z, const Matrix& A, const Matrix& dA, Matrix& dZ, const Scalar* params,
                        Scalar* gradParams) const = 0;
  // Fraction of the batch's unit activations that are saturated (docs/diagnostics.md):
  // the units whose derivative is below 5% of its maximum: sigmoid/tanh at both ends; ReLU, and a
  // leak (or a unit's learned PReLU slope) under 0.05, for z ≤ 0; ELU/SELU for z < ln(0.05/α);
  // linear, maxout — 0. params as for forward().
  virtual double saturation(const Matrix& Z, const Matrix& A, const Scalar* params) const = 0;
};

// Registry: "linear" "sigmoid" "tanh" "relu" "leaky_relu" "prelu" "elu" "selu" "maxout".
// Throws ConfigError(field, name, ...) for an unknown name or a bad slope/alpha/pieces.
std::unique_ptr<Activation> makeActivation(const LayerConfig& c, const std::string& field);
const std::vector<std::string>& activationNames();

}  // namespace dl
