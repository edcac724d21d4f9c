// The 1-d convolution over time (cross-correlation): units output channels, a kernel of k steps
// with stride, dilation, and padding 0 ("valid") or "same". Input {C, h, w, T} (its C·h·w values
// per step are the channels), output {units, 1, 1, T'} with T' from nn/ConvArithmetic.h. A column of
// the sequence (feature f of step t at row f·T + t) is exactly a {C·h·w, 1, T} image, so the layer
// IS a Conv2d with a 1×k kernel over that image, and shares its passes. Parameters: W (units,
// C/groups·k), column c·k + j for input channel c, tap j; then b (units) unless bias is off.
#pragma once

#include "nn/Conv2d.h"

namespace dl {

class Conv1d final : public Layer {
public:
  // Throws ConfigError naming field + ".kernel", ".padding" (0 or same), or what Conv2d throws.
  Conv1d(Shape in, const LayerSpec& spec, const std::string& field);
  const char* kind() const override { return "conv1d"; }
  Shape outputShape() const override;
  Index paramCount() const override { return m_conv.paramCount(); }
  void initialize(const InitConfig& init, Rng& rng, std::span<Scalar> params,
                  std::span<Scalar> buffers) const override {
    m_conv.initialize(init, rng, params, buffers);
  }

  const Matrix& forward(const Matrix& x, const Pass& pass, std::span<const Scalar> params,
                        std::span<Scalar> buffers) override {
    return m_conv.forward(x, pass, params, buffers);
  }
  const Matrix& backward(const Matrix& x, const Matrix& dy, std::span<const Scalar> params, std::span<Scalar> grads,
                         bool wantInputGradient) override {
    return m_conv.backward(x, dy, params, grads, wantInputGradient);
  }
  const Matrix& infer(const Matrix& x, Matrix& out, std::span<const Scalar> params,
                      std::span<const Scalar> buffers) const override {
    return m_conv.infer(x, out, params, buffers);
  }

  ParamRange weightRange() const override { return m_conv.weightRange(); }
  ParamRange biasRange() const override { return m_conv.biasRange(); }
  MatrixShape weightShape() const override { return m_conv.weightShape(); }

private:
  Conv2d m_conv;  // on the {C·h·w, 1, T} image
};

}  // namespace dl
