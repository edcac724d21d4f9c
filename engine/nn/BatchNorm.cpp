// Batch normalisation's passes; see BatchNorm.h. Shapes: x, x̂, y (rows, B); γ, β, μ, σ² (rows).
#include "nn/BatchNorm.h"

namespace dl {

void BatchNorm::initialize(const InitConfig&, Rng&, std::span<Scalar> params, std::span<Scalar> buffers) const {
  const Index n = rows();
  VectorMap(params.data(), n).setOnes();       // γ
  VectorMap(params.data() + n, n).setZero();   // β
  VectorMap(buffers.data(), n).setZero();      // running mean
  VectorMap(buffers.data() + n, n).setOnes();  // running variance
}

// Eval: y = (x − μ_run)·s + β with s = γ/√(σ²_run + ε). The one copy of the evaluation-mode
// arithmetic, used by infer and by forward in eval mode.
void BatchNorm::normalizeWithRunningStats(const Matrix& x, Matrix& y, std::span<const Scalar> params,
                                          std::span<const Scalar> buffers) const {
  const Index n = rows();
  const ConstVectorMap gamma(params.data(), n), beta(params.data() + n, n);
  const ConstVectorMap mean(buffers.data(), n), var(buffers.data() + n, n);
  const Vector scale = gamma.array() * (var.array() + Scalar(kEpsilon)).rsqrt();
  y = x.colwise() - Vector(mean);
  y.array() = (y.array().colwise() * scale.array()).colwise() + beta.array();
}

// Train: μ, σ² over the batch (biased), x̂ = (x−μ)/√(σ²+ε), y = γx̂ + β; the running statistics
// move by momentum m, the variance unbiased by B/(B−1). Eval: normalizeWithRunningStats, keeping
// x̂ and 1/√(σ²+ε) for backward (gradient checks in eval mode).
const Matrix& BatchNorm::forward(const Matrix& x, const Pass& pass, std::span<const Scalar> params,
                                 std::span<Scalar> buffers) {
  const Index n = rows(), B = x.cols();
  m_mode = pass.mode;
  VectorMap runMean(buffers.data(), n), runVar(buffers.data() + n, n);
  if (pass.mode == Mode::Eval) {
    normalizeWithRunningStats(x, m_y, params, buffers);
    m_invStd = (runVar.array() + Scalar(kEpsilon)).rsqrt();
    m_xhat = x.colwise() - Vector(runMean);
    m_xhat.array().colwise() *= m_invStd.array();
    return m_y;
  }
  const ConstVectorMap gamma(params.data(), n), beta(params.data() + n, n);
  m_xhat.resize(n, B);
  const Vector mean = x.rowwise().mean();
  m_xhat = x.colwise() - mean;
  const Vector var = m_xhat.array().square().rowwise().mean();
  m_invStd = (var.array() + Scalar(kEpsilon)).rsqrt();
  m_xhat.array().colwise() *= m_invStd.array();
  const auto m = static_cast<Scalar>(kMomentum);
  const Scalar unbias = B > 1 ? Scalar(B) / Scalar(B - 1) : Scalar(1);
  runMean = (Scalar(1) - m) * runMean + m * mean;
  runVar = (Scalar(1) - m) * runVar + (m * unbias) * var;
  m_y.resize(n, B);
  m_y.array() = (m_xhat.array().colwise() * gamma.array()).colwise() + beta.array();
  return m_y;
}

// ∂γ = Σ_b dy⊙x̂;  ∂β = Σ_b dy;  dx̂ = dy⊙γ;
// train: dx = (1/B)·invStd⊙(B·dx̂ − Σ_b dx̂ − x̂⊙Σ_b(dx̂⊙x̂));   eval: dx = dx̂⊙invStd
const Matrix& BatchNorm::backward(const Matrix&, const Matrix& dy, std::span<const Scalar> params,
                                  std::span<Scalar> grads, bool) {
  const Index n = rows(), B = dy.cols();
  const ConstVectorMap gamma(params.data(), n);
  VectorMap(grads.data(), n) = (dy.array() * m_xhat.array()).rowwise().sum().matrix();
  VectorMap(grads.data() + n, n) = dy.rowwise().sum();
  m_dx.resize(n, B);
  m_dx.array() = dy.array().colwise() * gamma.array();  // dx̂
  if (m_mode == Mode::Train) {
    const Vector sumDx = m_dx.rowwise().sum();
    const Vector sumDxX = (m_dx.array() * m_xhat.array()).rowwise().sum();
    m_dx.array() = (Scalar(B) * m_dx.array() - m_xhat.array().colwise() * sumDxX.array()).colwise() - sumDx.array();
    m_dx.array().colwise() *= m_invStd.array() / Scalar(B);
  } else {
    m_dx.array().colwise() *= m_invStd.array();
  }
  return m_dx;
}

const Matrix& BatchNorm::infer(const Matrix& x, Matrix& out, std::span<const Scalar> params,
                               std::span<const Scalar> buffers) const {
  normalizeWithRunningStats(x, out, params, buffers);
  return out;
}

}  // namespace dl
