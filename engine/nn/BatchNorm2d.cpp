// Per-channel batch normalisation's passes; see BatchNorm2d.h. Shapes: x, x̂, y (C·n, B) with
// n = H·W·T values per channel, channel c's rows [c·n, (c+1)·n); γ, β, μ, σ² (C). N = B·n values
// make one channel's statistics. Sums run in a fixed order (rows, then samples), single-threaded.
#include "nn/BatchNorm2d.h"

namespace dl {

void BatchNorm2d::initialize(const InitConfig&, Rng&, std::span<Scalar> params, std::span<Scalar> buffers) const {
  const Index C = channels();
  VectorMap(params.data(), C).setOnes();       // γ
  VectorMap(params.data() + C, C).setZero();   // β
  VectorMap(buffers.data(), C).setZero();      // running mean
  VectorMap(buffers.data() + C, C).setOnes();  // running variance
}

// The one copy of y = γ·x̂ + β with x̂ = (x − μ)·invStd (forward and infer give the same bits).
void BatchNorm2d::normalize(const Matrix& x, Matrix& y, std::span<const Scalar> params, const Vector& mean,
                            const Vector& invStd, Matrix& xhat) const {
  const Index C = channels(), n = plane();
  y.resize(x.rows(), x.cols());
  xhat.resize(x.rows(), x.cols());
  for (Index c = 0; c < C; ++c) {
    const Scalar gamma = params[static_cast<std::size_t>(c)], beta = params[static_cast<std::size_t>(C + c)];
    xhat.middleRows(c * n, n).array() = (x.middleRows(c * n, n).array() - mean(c)) * invStd(c);
    y.middleRows(c * n, n).array() = gamma * xhat.middleRows(c * n, n).array() + beta;
  }
}

// Train: μ_c, σ²_c (biased) over the N values of channel c, x̂ = (x−μ)/√(σ²+ε), y = γx̂ + β; the
// running statistics move by momentum, the variance unbiased by N/(N−1). Eval: the running ones.
const Matrix& BatchNorm2d::forward(const Matrix& x, const Pass& pass, std::span<const Scalar> params,
                                   std::span<Scalar> buffers) {
  const Index C = channels(), n = plane(), N = n * x.cols();
  m_mode = pass.mode;
  VectorMap runMean(buffers.data(), C), runVar(buffers.data() + C, C);
  if (pass.mode == Mode::Eval) {
    m_invStd = (runVar.array() + Scalar(kEpsilon)).rsqrt();
    normalize(x, m_y, params, Vector(runMean), m_invStd, m_xhat);
    return m_y;
  }
  Vector mean(C), var(C);
  for (Index c = 0; c < C; ++c) {
    const auto block = x.middleRows(c * n, n).array();
    mean(c) = block.sum() / Scalar(N);
    var(c) = (block - mean(c)).square().sum() / Scalar(N);
  }
  m_invStd = (var.array() + Scalar(kEpsilon)).rsqrt();
  normalize(x, m_y, params, mean, m_invStd, m_xhat);
  const auto m = static_cast<Scalar>(kMomentum);
  const Scalar unbias = N > 1 ? Scalar(N) / Scalar(N - 1) : Scalar(1);
  runMean = (Scalar(1) - m) * runMean + m * mean;
  runVar = (Scalar(1) - m) * runVar + (m * unbias) * var;
  return m_y;
}

// ∂γ_c = Σ dy⊙x̂;  ∂β_c = Σ dy;  dx̂ = γ_c·dy  (sums over channel c's N values);
// train: dx = invStd_c/N·(N·dx̂ − Σ dx̂ − x̂⊙Σ(dx̂⊙x̂));   eval: dx = dx̂·invStd_c
const Matrix& BatchNorm2d::backward(const Matrix&, const Matrix& dy, std::span<const Scalar> params,
                                    std::span<Scalar> grads, bool) {
  const Index C = channels(), n = plane(), N = n * dy.cols();
  m_dx.resize(dy.rows(), dy.cols());
  for (Index c = 0; c < C; ++c) {
    const auto d = dy.middleRows(c * n, n).array();
    const auto h = m_xhat.middleRows(c * n, n).array();
    grads[static_cast<std::size_t>(c)] = (d * h).sum();
    grads[static_cast<std::size_t>(C + c)] = d.sum();
    const Scalar gamma = params[static_cast<std::size_t>(c)];
    auto dx = m_dx.middleRows(c * n, n).array();
    if (m_mode == Mode::Train) {
      const Scalar sumD = gamma * d.sum(), sumDH = gamma * (d * h).sum();
      dx = (Scalar(N) * gamma * d - sumD - h * sumDH) * (m_invStd(c) / Scalar(N));
    } else {
      dx = gamma * d * m_invStd(c);
    }
  }
  return m_dx;
}

const Matrix& BatchNorm2d::infer(const Matrix& x, Matrix& out, std::span<const Scalar> params,
                                 std::span<const Scalar> buffers) const {
  const Index C = channels();
  const Vector invStd = (ConstVectorMap(buffers.data() + C, C).array() + Scalar(kEpsilon)).rsqrt();
  Matrix xhat;
  normalize(x, out, params, Vector(ConstVectorMap(buffers.data(), C)), invStd, xhat);
  return out;
}

}  // namespace dl
