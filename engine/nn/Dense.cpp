// The dense layer's passes. Shapes: x (in, B), W (units, in), y (units, B).
#include "nn/Dense.h"

#include "core/Error.h"
#include "core/Gemm.h"
#include "init/Initializer.h"

namespace dl {

Dense::Dense(Shape in, Index units, bool bias, const std::string& field) : Layer(in), m_units(units), m_bias(bias) {
  if (units < 1)
    throw ConfigError(field + ".units", std::to_string(units), {DL_TRANSLATE_NOOP("dl", "must be >= %1"), {"1"}});
}

void Dense::initialize(const InitConfig& init, Rng& rng, std::span<Scalar> params, std::span<Scalar>) const {
  initializeWeights(init, MatrixMap(params.data(), m_units, inputShape().size()), rng);
  const ParamRange b = biasRange();
  VectorMap(params.data() + b.offset, b.size).setConstant(static_cast<Scalar>(init.bias));
}

// y = W·x (+ b)
void Dense::affine(const Matrix& x, Matrix& y, std::span<const Scalar> params) const {
  const ConstMatrixMap W(params.data(), m_units, inputShape().size());
  y.resize(m_units, x.cols());
  gemm(y, W, Trans::No, x, Trans::No);
  if (m_bias) y.colwise() += ConstVectorMap(params.data() + biasRange().offset, m_units);
}

const Matrix& Dense::forward(const Matrix& x, const Pass&, std::span<const Scalar> params, std::span<Scalar>) {
  affine(x, m_y, params);
  return m_y;
}

// ∂W = dy·xᵀ;  ∂b = Σ_b dy;  dx = Wᵀ·dy
const Matrix& Dense::backward(const Matrix& x, const Matrix& dy, std::span<const Scalar> params,
                              std::span<Scalar> grads, bool wantInputGradient) {
  const Index in = inputShape().size();
  MatrixMap gW(grads.data(), m_units, in);
  gemm(gW, dy, Trans::No, x, Trans::Yes);
  if (m_bias) VectorMap(grads.data() + biasRange().offset, m_units) = dy.rowwise().sum();
  if (wantInputGradient) {
    const ConstMatrixMap W(params.data(), m_units, in);
    m_dx.resize(in, dy.cols());
    gemm(m_dx, W, Trans::Yes, dy, Trans::No);
  }
  return m_dx;
}

const Matrix& Dense::infer(const Matrix& x, Matrix& out, std::span<const Scalar> params,
                           std::span<const Scalar>) const {
  affine(x, out, params);
  return out;
}

}  // namespace dl
