// An element-wise activation as a layer: y = f(x), one of engine/act's policies (sigmoid, tanh,
// the ReLU family, ELU, SELU, linear). PReLU learns one slope per row. Maxout changes the shape and
// is its own layer (nn/Maxout.h).
#pragma once

#include "act/Activation.h"
#include "nn/Layer.h"

namespace dl {

class ActivationLayer final : public Layer {
public:
  // Throws ConfigError(field + ...) for an unknown name or a bad slope/alpha (std::invalid_argument
  // for "maxout").
  ActivationLayer(Shape in, const LayerConfig& c, const std::string& field);
  const char* kind() const override { return "activation"; }
  Shape outputShape() const override { return inputShape(); }
  Index paramCount() const override { return m_act->paramCount(inputShape().size()); }
  void initialize(const InitConfig& init, Rng& rng, std::span<Scalar> params, std::span<Scalar> buffers) const override;
  const Activation& activation() const { return *m_act; }

  const Matrix& forward(const Matrix& x, const Pass& pass, std::span<const Scalar> params,
                        std::span<Scalar> buffers) override;
  const Matrix& backward(const Matrix& x, const Matrix& dy, std::span<const Scalar> params, std::span<Scalar> grads,
                         bool wantInputGradient) override;
  const Matrix& infer(const Matrix& x, Matrix& out, std::span<const Scalar> params,
                      std::span<const Scalar> buffers) const override;

  bool reportsSaturation() const override { return true; }
  double saturation(const Matrix& x, const Matrix& y, std::span<const Scalar> params) const override {
    return m_act->saturation(x, y, params.data());
  }

private:
  std::unique_ptr<Activation> m_act;
  Matrix m_y, m_dx;  // (rows, B) f(x); ∂L/∂x
};

}  // namespace dl
