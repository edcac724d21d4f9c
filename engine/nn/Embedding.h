// Token embedding: each input value is a token id, each output step its learned vector. The input's
// in.size() values are read as a sequence of ids (normally {1, 1, 1, T}, one id per step); the
// output is {units, 1, 1, in.size()}, so value d of step t is row d·T + t (Layer.h) and a recurrent
// layer or conv1d can follow. Parameters: E (units, vocabulary) column-major, column v = token v's
// vector (weightRange; no bias). Gradient with respect to E only: ∂L/∂x is 0.
#pragma once

#include "nn/Layer.h"

namespace dl {

class Embedding final : public Layer {
public:
  // Throws ConfigError naming field + ".units" or ".vocabulary" (both >= 1).
  Embedding(Shape in, const LayerSpec& spec, const std::string& field);
  const char* kind() const override { return "embedding"; }
  Shape outputShape() const override { return {m_dim, 1, 1, inputShape().size()}; }
  Index paramCount() const override { return m_dim * m_vocabulary; }
  // E from init with fan_in = vocabulary, fan_out = units.
  void initialize(const InitConfig& init, Rng& rng, std::span<Scalar> params, std::span<Scalar> buffers) const override;

  // Throws ConfigError naming field + ".input" and the value for an id that is not a whole number
  // from 0 to vocabulary − 1 (NaN included).
  const Matrix& forward(const Matrix& x, const Pass& pass, std::span<const Scalar> params,
                        std::span<Scalar> buffers) override;
  const Matrix& backward(const Matrix& x, const Matrix& dy, std::span<const Scalar> params, std::span<Scalar> grads,
                         bool wantInputGradient) override;
  const Matrix& infer(const Matrix& x, Matrix& out, std::span<const Scalar> params,
                      std::span<const Scalar> buffers) const override;

  ParamRange weightRange() const override { return {0, paramCount()}; }
  MatrixShape weightShape() const override { return {m_dim, m_vocabulary}; }
  Index vocabulary() const { return m_vocabulary; }

private:
  Index tokenAt(const Matrix& x, Index t, Index b) const;  // the checked id
  void lookup(const Matrix& x, Matrix& y, std::span<const Scalar> params) const;

  Index m_dim, m_vocabulary;
  std::string m_field;
  Matrix m_y, m_dx;
};

}  // namespace dl
