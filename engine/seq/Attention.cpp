// Dot and additive attention (seq/Attention.h). The per-sample products work on strided views of
// the time-major matrices (sample b's steps are every B-th column); they and the elementwise work
// are serial Eigen, the batched projections of the additive score go through dl::gemm.
#include "seq/Attention.h"

#include "core/Error.h"
#include "core/Gemm.h"

#include <cmath>

namespace dl {

namespace {

using Strided = Eigen::OuterStride<>;
using SampleView = Eigen::Map<Matrix, 0, Strided>;
using ConstSampleView = Eigen::Map<const Matrix, 0, Strided>;

// Sample b's columns of a time-major (rows, T·B) matrix, as a (rows, T) view.
ConstSampleView sampleOf(const Matrix& m, Index b, Index B) {
  const Index T = m.cols() / B;
  return ConstSampleView(m.data() + b * m.rows(), m.rows(), T, Strided(B * m.rows()));
}
SampleView sampleOf(Matrix& m, Index b, Index B) {
  const Index T = m.cols() / B;
  return SampleView(m.data() + b * m.rows(), m.rows(), T, Strided(B * m.rows()));
}

}  // namespace

const std::vector<std::string>& attentionNames() {
  static const std::vector<std::string> names = {"none", "dot", "additive"};
  return names;
}

AttentionKind attentionFromName(const std::string& name, const char* field) {
  if (name == "none") return AttentionKind::None;
  if (name == "dot") return AttentionKind::Dot;
  if (name == "additive") return AttentionKind::Additive;
  throw ConfigError(field, name, {DL_TRANSLATE_NOOP("dl", "unknown attention (expected %1)"), {"none, dot, additive"}});
}

void Attention::initialize(Rng& rng, std::span<Scalar> params) const {
  const double k = 1.0 / std::sqrt(static_cast<double>(m_units));
  for (Index i = 0; i < paramCount(); ++i)
    params[static_cast<std::size_t>(i)] = static_cast<Scalar>(rng.uniform(-k, k));
}

void Attention::forward(std::span<const Scalar> params, const Matrix& enc, const Matrix& dec, Index B,
                        AttentionTrace& tr) const {
  const Index H = m_units, Ts = enc.cols() / B, Tt = dec.cols() / B;
  tr.alpha.resize(Ts, Tt * B);
  tr.context.resize(H, Tt * B);
  if (m_kind == AttentionKind::Dot) {
    for (Index b = 0; b < B; ++b)
      sampleOf(tr.alpha, b, B).noalias() = sampleOf(enc, b, B).transpose() * sampleOf(dec, b, B);
  } else {
    const Index A = H;
    const ConstMatrixMap Wq(params.data(), A, H), Wk(params.data() + A * H, A, H);
    const ConstVectorMap v(params.data() + 2 * A * H, A);
    tr.keys.resize(A, Ts * B);
    tr.queries.resize(A, Tt * B);
    tr.tanhs.resize(A, Ts * Tt * B);
    gemm(tr.keys, Wk, Trans::No, enc, Trans::No);
    gemm(tr.queries, Wq, Trans::No, dec, Trans::No);
    for (Index t = 0; t < Tt; ++t)
      for (Index b = 0; b < B; ++b) {
        const Index col = t * B + b;
        auto u = tr.tanhs.middleCols(col * Ts, Ts);  // (A, Ts)
        for (Index s = 0; s < Ts; ++s)
          u.col(s) = (tr.keys.col(s * B + b) + tr.queries.col(col)).array().tanh().matrix();
        tr.alpha.col(col).noalias() = u.transpose() * v;
      }
  }
  // softmax over the source positions, column by column (max subtracted for range)
  for (Index c = 0; c < tr.alpha.cols(); ++c) {
    auto a = tr.alpha.col(c);
    a = (a.array() - a.maxCoeff()).exp().matrix();
    a /= a.sum();
  }
  for (Index b = 0; b < B; ++b) sampleOf(tr.context, b, B).noalias() = sampleOf(enc, b, B) * sampleOf(tr.alpha, b, B);
}

void Attention::backward(std::span<const Scalar> params, std::span<Scalar> grads, const Matrix& enc, const Matrix& dec,
                         Index B, const AttentionTrace& tr, const Matrix& dContext, Matrix& dEnc, Matrix& dDec) const {
  const Index H = m_units, Ts = enc.cols() / B, Tt = dec.cols() / B;
  Matrix dScore(Ts, Tt * B);  // ∂L/∂score, same layout as α
  for (Index b = 0; b < B; ++b) {
    const auto E = sampleOf(enc, b, B);
    const auto dC = sampleOf(dContext, b, B);
    const auto alpha = sampleOf(tr.alpha, b, B);
    auto dS = sampleOf(dScore, b, B);
    dS.noalias() = E.transpose() * dC;  // ∂α (Ts, Tt)
    sampleOf(dEnc, b, B).noalias() += dC * alpha.transpose();
  }
  for (Index c = 0; c < dScore.cols(); ++c) {
    const auto a = tr.alpha.col(c);
    auto d = dScore.col(c);
    const Scalar mean = a.dot(d);
    d = (a.array() * (d.array() - mean)).matrix();
  }
  if (m_kind == AttentionKind::Dot) {
    for (Index b = 0; b < B; ++b) {
      const auto dS = sampleOf(dScore, b, B);
      sampleOf(dDec, b, B).noalias() += sampleOf(enc, b, B) * dS;
      sampleOf(dEnc, b, B).noalias() += sampleOf(dec, b, B) * dS.transpose();
    }
    return;
  }
  const Index A = H;
  const ConstMatrixMap Wq(params.data(), A, H), Wk(params.data() + A * H, A, H);
  const ConstVectorMap v(params.data() + 2 * A * H, A);
  MatrixMap dWq(grads.data(), A, H), dWk(grads.data() + A * H, A, H);
  VectorMap dv(grads.data() + 2 * A * H, A);
  Matrix dKeys = Matrix::Zero(A, Ts * B), dQueries = Matrix::Zero(A, Tt * B);
  Vector dpre(A);
  dv.setZero();
  for (Index t = 0; t < Tt; ++t)
    for (Index b = 0; b < B; ++b) {
      const Index col = t * B + b;
      const auto u = tr.tanhs.middleCols(col * Ts, Ts);
      for (Index s = 0; s < Ts; ++s) {
        const Scalar g = dScore(s, col);
        dv += g * u.col(s);
        dpre = (g * v.array() * (Scalar(1) - u.col(s).array().square())).matrix();
        dKeys.col(s * B + b) += dpre;
        dQueries.col(col) += dpre;
      }
    }
  gemm(dWk, dKeys, Trans::No, enc, Trans::Yes);
  gemm(dWq, dQueries, Trans::No, dec, Trans::Yes);
  gemm(dEnc, Wk, Trans::Yes, dKeys, Trans::No, true);
  gemm(dDec, Wq, Trans::Yes, dQueries, Trans::No, true);
}

}  // namespace dl
