// Maxout (Goodfellow et al. 2013, "Maxout Networks") as a layer: k pieces per output value, the
// output the largest. Over channels: output channel u of piece j is input channel j·(C/k) + u, so
// after a dense layer of units·k rows the pieces of unit u sit at rows j·units + u.
#pragma once

#include "act/Rectifiers.h"
#include "nn/Layer.h"

namespace dl {

class MaxoutLayer final : public Layer {
public:
  // Throws ConfigError(field + ".pieces") unless 2 ≤ k ≤ 16 and k divides the input's channels.
  MaxoutLayer(Shape in, int pieces, const std::string& field);
  const char* kind() const override { return "maxout"; }
  Shape outputShape() const override;
  Index pieces() const { return m_max.pieces(); }

  const Matrix& forward(const Matrix& x, const Pass& pass, std::span<const Scalar> params,
                        std::span<Scalar> buffers) override;
  const Matrix& backward(const Matrix& x, const Matrix& dy, std::span<const Scalar> params, std::span<Scalar> grads,
                         bool wantInputGradient) override;
  const Matrix& infer(const Matrix& x, Matrix& out, std::span<const Scalar> params,
                      std::span<const Scalar> buffers) const override;

  bool reportsSaturation() const override { return true; }  // always 0: a maximum of linear pieces
  double saturation(const Matrix& x, const Matrix& y, std::span<const Scalar> params) const override {
    return m_max.saturation(x, y, params.data());
  }

private:
  Maxout m_max;      // the maths, forward and backward side by side (act/Rectifiers.cpp)
  Matrix m_y, m_dx;  // (units, B) the maxima; (units·k, B) ∂L/∂x
};

}  // namespace dl
