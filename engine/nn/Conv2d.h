// The 2-d convolution (cross-correlation, as in every deep-learning library): out channels, a
// kh×kw kernel with stride, zero padding, dilation and channel groups (groups = in channels:
// depthwise; k = 1: the 1×1 "bottleneck" convolution). Input {C, H, W, 1}, output {out, outH, outW, 1}
// with the sizes of nn/ConvArithmetic.h. Parameters: W (out, C/groups·kh·kw) column-major, column
// (c·kh + i)·kw + j for input channel c of the group, tap (i, j); then b (out) unless bias is off.
#pragma once

#include "nn/ConvArithmetic.h"
#include "nn/DirectConv.h"
#include "nn/Im2col.h"
#include "nn/Layer.h"

namespace dl {

class Conv2d final : public Layer {
public:
  // Throws ConfigError naming field + ".units", ".groups", ".kernel", ".stride", ".padding",
  // ".dilation", ".input" or ".output".
  Conv2d(Shape in, const LayerSpec& spec, const std::string& field);
  const char* kind() const override { return "conv2d"; }
  Shape outputShape() const override { return {m_out, m_g.outH, m_g.outW, 1}; }
  Index paramCount() const override { return weightCount() + (m_bias ? m_out : 0); }
  // W from init with fan_in = C/groups·kh·kw, fan_out = out/groups·kh·kw; b = init.bias.
  void initialize(const InitConfig& init, Rng& rng, std::span<Scalar> params, std::span<Scalar> buffers) const override;

  const Matrix& forward(const Matrix& x, const Pass& pass, std::span<const Scalar> params,
                        std::span<Scalar> buffers) override;
  const Matrix& backward(const Matrix& x, const Matrix& dy, std::span<const Scalar> params, std::span<Scalar> grads,
                         bool wantInputGradient) override;
  const Matrix& infer(const Matrix& x, Matrix& out, std::span<const Scalar> params,
                      std::span<const Scalar> buffers) const override;

  ParamRange weightRange() const override { return {0, weightCount()}; }
  ParamRange biasRange() const override { return {weightCount(), m_bias ? m_out : 0}; }
  MatrixShape weightShape() const override { return {m_out, groupPatch()}; }
  const ConvGeometry& geometry() const { return m_g; }
  Index groups() const { return m_groups; }

private:
  Index groupPatch() const { return m_g.patch() / m_groups; }  // columns of W: C/groups·kh·kw
  Index weightCount() const { return m_out * groupPatch(); }
  // y from x: directly, or through the unrolled batch `cols` (B·P, C·kh·kw) and yAll (B·P, out).
  void convolve(const Matrix& x, Matrix& y, std::span<const Scalar> params, Matrix& cols, Matrix& yAll) const;

  ConvGeometry m_g;
  Unrolling m_unroll;  // im2col/col2im for m_g
  Index m_out, m_groups;
  bool m_bias;
  // Few values per window, stride 1, one group (nn/DirectConv.h): forward and weight gradient
  // without the unrolled block; the input gradient still goes through the product and col2im.
  bool m_direct;
  DirectConv m_directConv;
  // Stride 1, one group: the input gradient as a direct convolution of dy (DirectConv.h).
  bool m_directInput;
  DirectConv m_inputConv;
  Matrix m_flipped;  // its weights
  Matrix m_cols, m_yAll, m_y;  // forward: (B·P, C·kh·kw), (B·P, out), (out·P, B)
  Matrix m_dyAll, m_dcols, m_dx;
};

}  // namespace dl
