// The dense (fully connected) layer: y = W·x + b, W (units, in) column-major, then b (units)
// unless a batch norm follows and shifts instead.
#pragma once

#include "nn/Layer.h"

namespace dl {

class Dense final : public Layer {
public:
  // Throws ConfigError(field + ".units") for fewer than one unit.
  Dense(Shape in, Index units, bool bias, const std::string& field);
  const char* kind() const override { return "dense"; }
  Shape outputShape() const override { return Shape::flat(m_units); }
  Index paramCount() const override { return m_units * inputShape().size() + (m_bias ? m_units : 0); }
  void initialize(const InitConfig& init, Rng& rng, std::span<Scalar> params, std::span<Scalar> buffers) const override;

  const Matrix& forward(const Matrix& x, const Pass& pass, std::span<const Scalar> params,
                        std::span<Scalar> buffers) override;
  const Matrix& backward(const Matrix& x, const Matrix& dy, std::span<const Scalar> params, std::span<Scalar> grads,
                         bool wantInputGradient) override;
  const Matrix& infer(const Matrix& x, Matrix& out, std::span<const Scalar> params,
                      std::span<const Scalar> buffers) const override;

  ParamRange weightRange() const override { return {0, m_units * inputShape().size()}; }
  ParamRange biasRange() const override { return {weightRange().size, m_bias ? m_units : 0}; }

private:
  void affine(const Matrix& x, Matrix& y, std::span<const Scalar> params) const;

  Index m_units;
  bool m_bias;
  Matrix m_y, m_dx;  // (units, B) output; (in, B) ∂L/∂x
};

}  // namespace dl
