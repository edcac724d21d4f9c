// The locally connected layer: a convolution's windows without weight sharing — every output
// position p has its own kernel W_p (out, C·kh·kw) and its own bias per channel, as in DeepFace
// (Taigman et al. 2014), where each face region learns its own filters. Input {C, H, W, 1};
// output {out, outH, outW, 1} with conv2d's sizes (one group). Parameters: W_p for p = 0..P−1
// one after the other, each column-major (so all of W is (out, K·P)); then b (out·P, in output row order).
#pragma once

#include "nn/ConvArithmetic.h"
#include "nn/Im2col.h"
#include "nn/Layer.h"

namespace dl {

class LocallyConnected2d final : public Layer {
public:
  // Throws ConfigError naming field + ".units", ".kernel", ".stride", ".padding", ".dilation",
  // ".input" or ".output".
  LocallyConnected2d(Shape in, const LayerSpec& spec, const std::string& field);
  const char* kind() const override { return "locally_connected2d"; }
  Shape outputShape() const override { return {m_out, m_g.outH, m_g.outW, 1}; }
  Index paramCount() const override { return weightCount() + (m_bias ? m_out * m_g.positions() : 0); }
  // W from init with fan_in = C·kh·kw, fan_out = out·kh·kw (as a convolution); b = init.bias.
  void initialize(const InitConfig& init, Rng& rng, std::span<Scalar> params, std::span<Scalar> buffers) const override;

  const Matrix& forward(const Matrix& x, const Pass& pass, std::span<const Scalar> params,
                        std::span<Scalar> buffers) override;
  const Matrix& backward(const Matrix& x, const Matrix& dy, std::span<const Scalar> params, std::span<Scalar> grads,
                         bool wantInputGradient) override;
  const Matrix& infer(const Matrix& x, Matrix& out, std::span<const Scalar> params,
                      std::span<const Scalar> buffers) const override;

  ParamRange weightRange() const override { return {0, weightCount()}; }
  ParamRange biasRange() const override { return {weightCount(), m_bias ? m_out * m_g.positions() : 0}; }
  MatrixShape weightShape() const override { return {m_out, m_g.patch() * m_g.positions()}; }

private:
  Index weightCount() const { return m_out * m_g.patch() * m_g.positions(); }
  void apply(const Matrix& x, Matrix& y, std::span<const Scalar> params, Matrix& cols) const;

  ConvGeometry m_g;
  Unrolling m_unroll;  // im2col/col2im for m_g
  Index m_out;
  bool m_bias;
  Matrix m_cols, m_y;  // (K, P·B): position p's windows in columns p·B .. p·B + B − 1; (out·P, B)
  Matrix m_dyP, m_dcolsP, m_dcols, m_dx;
};

}  // namespace dl
