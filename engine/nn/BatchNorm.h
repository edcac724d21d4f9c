// Batch normalisation (Ioffe & Szegedy 2015, "Batch Normalization: Accelerating Deep Network
// Training by Reducing Internal Covariate Shift"), per row of the column: y = γ·x̂ + β with x̂ the
// input normalised by the batch's statistics (train) or the running ones (eval).
// Parameters: γ then β (rows each). Buffers: running mean then running variance (rows each).
#pragma once

#include "nn/Layer.h"

namespace dl {

class BatchNorm final : public Layer {
public:
  static constexpr double kMomentum = 0.1;  // running = (1−m)·running + m·batch
  static constexpr double kEpsilon = 1e-5;

  explicit BatchNorm(Shape in) : Layer(in) {}
  const char* kind() const override { return "batch_norm"; }
  Shape outputShape() const override { return inputShape(); }
  Index paramCount() const override { return 2 * rows(); }
  Index bufferCount() const override { return 2 * rows(); }
  // γ = 1, β = 0; running mean 0, running variance 1.
  void initialize(const InitConfig& init, Rng& rng, std::span<Scalar> params, std::span<Scalar> buffers) const override;

  const Matrix& forward(const Matrix& x, const Pass& pass, std::span<const Scalar> params,
                        std::span<Scalar> buffers) override;
  const Matrix& backward(const Matrix& x, const Matrix& dy, std::span<const Scalar> params, std::span<Scalar> grads,
                         bool wantInputGradient) override;
  const Matrix& infer(const Matrix& x, Matrix& out, std::span<const Scalar> params,
                      std::span<const Scalar> buffers) const override;

private:
  Index rows() const { return inputShape().size(); }
  void normalizeWithRunningStats(const Matrix& x, Matrix& y, std::span<const Scalar> params,
                                 std::span<const Scalar> buffers) const;

  Mode m_mode = Mode::Train;  // of the last forward pass
  Matrix m_y, m_xhat, m_dx;   // (rows, B) output, normalised input, ∂L/∂x
  Vector m_invStd;            // (rows) 1/√(σ²+ε) of the last forward pass
};

}  // namespace dl
