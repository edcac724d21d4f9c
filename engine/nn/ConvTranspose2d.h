// The transposed convolution ("deconvolution", learned upsampling): the adjoint of a conv2d with
// the same kernel, stride, padding and dilation — each input pixel spreads a kernel-sized stamp
// over the output, s pixels apart. Input {C, H, W, 1}; output {out, H', W', 1} with
// H' = (H − 1)·s − 2p + d(k − 1) + 1 (output padding 0, one group). Parameters: W (C, out·kh·kw)
// column-major, column (o·kh + i)·kw + j; then b (out) unless bias is off.
#pragma once

#include "nn/ConvArithmetic.h"
#include "nn/Im2col.h"
#include "nn/Layer.h"

namespace dl {

class ConvTranspose2d final : public Layer {
public:
  // Throws ConfigError naming field + ".units", ".groups", ".kernel", ".stride", ".padding",
  // ".dilation", ".input" or ".output".
  ConvTranspose2d(Shape in, const LayerSpec& spec, const std::string& field);
  const char* kind() const override { return "conv_transpose2d"; }
  Shape outputShape() const override { return {m_out, m_g.height, m_g.width, 1}; }
  Index paramCount() const override { return weightCount() + (m_bias ? m_out : 0); }
  // W from init with fan_in = C·kh·kw, fan_out = out·kh·kw; b = init.bias.
  void initialize(const InitConfig& init, Rng& rng, std::span<Scalar> params, std::span<Scalar> buffers) const override;

  const Matrix& forward(const Matrix& x, const Pass& pass, std::span<const Scalar> params,
                        std::span<Scalar> buffers) override;
  const Matrix& backward(const Matrix& x, const Matrix& dy, std::span<const Scalar> params, std::span<Scalar> grads,
                         bool wantInputGradient) override;
  const Matrix& infer(const Matrix& x, Matrix& out, std::span<const Scalar> params,
                      std::span<const Scalar> buffers) const override;

  ParamRange weightRange() const override { return {0, weightCount()}; }
  ParamRange biasRange() const override { return {weightCount(), m_bias ? m_out : 0}; }
  MatrixShape weightShape() const override { return {inputShape().channels, m_g.patch()}; }

private:
  Index weightCount() const { return inputShape().channels * m_g.patch(); }
  void spread(const Matrix& x, Matrix& y, std::span<const Scalar> params, Matrix& xAll, Matrix& cols) const;

  // The convolution this layer transposes: its image is this layer's OUTPUT (out channels,
  // H', W'), its output positions are this layer's input pixels (outH = H, outW = W).
  ConvGeometry m_g;
  Unrolling m_unroll;  // im2col/col2im for m_g
  Index m_out;
  bool m_bias;
  Matrix m_xAll, m_cols, m_y;  // (B·P, C), (B·P, out·kh·kw), (out·H'·W', B) with P = H·W
  Matrix m_dcols, m_dxAll, m_dx;
};

}  // namespace dl
