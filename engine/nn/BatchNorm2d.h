// Batch normalisation of images (Ioffe & Szegedy 2015, "Batch Normalization: Accelerating Deep
// Network Training by Reducing Internal Covariate Shift", §3.2 for convolutions): one mean and
// variance PER CHANNEL over the batch and every pixel, so a feature is normalised the same way
// wherever it appears; y = γ_c·x̂ + β_c. Input and output {C, H, W, T}.
// Parameters: γ then β (C each). Buffers: running mean then running variance (C each).
#pragma once

#include "nn/Layer.h"

namespace dl {

class BatchNorm2d final : public Layer {
public:
  static constexpr double kMomentum = 0.1;  // running = (1−m)·running + m·batch, as BatchNorm
  static constexpr double kEpsilon = 1e-5;

  explicit BatchNorm2d(Shape in) : Layer(in) {}
  const char* kind() const override { return "batch_norm2d"; }
  Shape outputShape() const override { return inputShape(); }
  Index paramCount() const override { return 2 * channels(); }
  Index bufferCount() const override { return 2 * channels(); }
  // γ = 1, β = 0; running mean 0, running variance 1.
  void initialize(const InitConfig& init, Rng& rng, std::span<Scalar> params, std::span<Scalar> buffers) const override;

  const Matrix& forward(const Matrix& x, const Pass& pass, std::span<const Scalar> params,
                        std::span<Scalar> buffers) override;
  const Matrix& backward(const Matrix& x, const Matrix& dy, std::span<const Scalar> params, std::span<Scalar> grads,
                         bool wantInputGradient) override;
  const Matrix& infer(const Matrix& x, Matrix& out, std::span<const Scalar> params,
                      std::span<const Scalar> buffers) const override;

private:
  Index channels() const { return inputShape().channels; }
  Index plane() const { return inputShape().size() / channels(); }  // H·W·T values of one channel
  // x̂ = (x − μ)·invStd and y = γ·x̂ + β per channel.
  void normalize(const Matrix& x, Matrix& y, std::span<const Scalar> params, const Vector& mean, const Vector& invStd,
                 Matrix& xhat) const;

  Mode m_mode = Mode::Train;  // of the last forward pass
  Matrix m_y, m_xhat, m_dx;   // (C·H·W·T, B)
  Vector m_invStd;            // (C) 1/√(σ²+ε) of the last forward pass
};

}  // namespace dl
