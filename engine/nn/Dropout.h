// Inverted dropout (Srivastava et al. 2014, "Dropout: A Simple Way to Prevent Neural Networks
// from Overfitting"): in training each value is kept with probability 1 − p and scaled by 1/(1−p),
// so evaluation passes the input through unchanged. A rate of 0 passes through in training too.
#pragma once

#include "nn/Layer.h"

namespace dl {

class Dropout final : public Layer {
public:
  // Throws ConfigError(field + ".dropout") for a rate outside [0, 1).
  Dropout(Shape in, double rate, const std::string& field);
  const char* kind() const override { return "dropout"; }
  Shape outputShape() const override { return inputShape(); }
  double rate() const { return m_rate; }
  void setRate(double rate, const std::string& field);  // between steps; throws like the constructor

  const Matrix& forward(const Matrix& x, const Pass& pass, std::span<const Scalar> params,
                        std::span<Scalar> buffers) override;
  const Matrix& backward(const Matrix& x, const Matrix& dy, std::span<const Scalar> params, std::span<Scalar> grads,
                         bool wantInputGradient) override;
  const Matrix& infer(const Matrix& x, Matrix& out, std::span<const Scalar> params,
                      std::span<const Scalar> buffers) const override;

private:
  double m_rate = 0;
  bool m_dropped = false;  // the last forward pass applied a mask
  Matrix m_mask;           // (rows, B) 0 or 1/(1−p), drawn in column-major order from Pass::rng
  Matrix m_y, m_dx;        // (rows, B) x⊙mask; dy⊙mask
};

}  // namespace dl
