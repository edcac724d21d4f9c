// The GRU pass of the sequence-to-sequence model (seq/GruPass.h). Products over all steps or the
// whole batch go through dl::gemm; elementwise work is serial, so results do not depend on threads.
#include "seq/GruPass.h"

#include "core/Gemm.h"

#include <cmath>

namespace dl {

namespace {
auto sigmoid(const auto& a) { return (Scalar(1) + (-a).exp()).inverse(); }
auto block(Matrix& m, Index t, Index B) { return m.middleCols(t * B, B); }
auto block(const Matrix& m, Index t, Index B) { return m.middleCols(t * B, B); }
}  // namespace

void GruPass::initialize(Rng& rng, std::span<Scalar> params) const {
  const double k = 1.0 / std::sqrt(static_cast<double>(m_units));
  const Index weights = 3 * m_units * (m_inputs + m_units);
  for (Index i = 0; i < weights; ++i) params[static_cast<std::size_t>(i)] = static_cast<Scalar>(rng.uniform(-k, k));
  for (Index i = weights; i < paramCount(); ++i) params[static_cast<std::size_t>(i)] = 0;
}

// a = W·x + b (all steps, one gemm); per step: [r z] = σ(a_rz + U_rz·h_{t−1});
// aux = U_n·h_{t−1} + b_hn;  n = tanh(a_n + r⊙aux);  h_t = (1−z)⊙h_{t−1} + z⊙n
void GruPass::forward(std::span<const Scalar> params, const Matrix& x, const Matrix& h0, GruTrace& tr) const {
  const Index H = m_units, D = m_inputs, B = h0.cols(), T = x.cols() / B;
  const ConstMatrixMap W(params.data(), 3 * H, D);
  const ConstMatrixMap U(params.data() + 3 * H * D, 3 * H, H);
  const ConstVectorMap b(params.data() + 3 * H * (D + H), 3 * H);
  const ConstVectorMap bhn(params.data() + 3 * H * (D + H) + 3 * H, H);
  tr.xs = x;
  tr.z.resize(3 * H, T * B);
  tr.aux.resize(H, T * B);
  tr.h.resize(H, (T + 1) * B);
  block(tr.h, 0, B) = h0;
  gemm(tr.z, W, Trans::No, x, Trans::No);
  tr.z.colwise() += b;
  for (Index t = 0; t < T; ++t) {
    auto a = block(tr.z, t, B);
    auto un = block(tr.aux, t, B);
    const auto hPrev = block(tr.h, t, B);
    gemm(a.topRows(2 * H), U.topRows(2 * H), Trans::No, hPrev, Trans::No, true);
    gemm(un, U.bottomRows(H), Trans::No, hPrev, Trans::No);
    un.colwise() += bhn;
    a.topRows(2 * H) = sigmoid(a.topRows(2 * H).array()).matrix();
    a.bottomRows(H) = (a.bottomRows(H).array() + a.topRows(H).array() * un.array()).tanh().matrix();
    const auto u = a.middleRows(H, H).array(), n = a.bottomRows(H).array();
    block(tr.h, t + 1, B) = ((Scalar(1) - u) * hPrev.array() + u * n).matrix();
  }
}

void GruPass::backward(std::span<const Scalar> params, std::span<Scalar> grads, const GruTrace& tr, const Matrix& dOut,
                       Matrix& dx, Matrix& dh0) const {
  // tr.h has one block more than tr.z: the batch is the difference.
  const Index H = m_units, D = m_inputs, B = tr.h.cols() - tr.z.cols(), T = tr.z.cols() / B;
  const ConstMatrixMap W(params.data(), 3 * H, D);
  const ConstMatrixMap U(params.data() + 3 * H * D, 3 * H, H);
  Matrix dzx(3 * H, T * B), dzh(3 * H, T * B);  // ∂L/∂(W·x + b), ∂L/∂(U·h_{t−1} [+ b_hn])
  Matrix dh = Matrix::Zero(H, B);               // ∂L/∂h_t, carried backwards
  Matrix carry(H, B);
  for (Index t = T - 1; t >= 0; --t) {
    dh += block(dOut, t, B);
    const auto a = block(tr.z, t, B);
    const auto r = a.topRows(H).array(), u = a.middleRows(H, H).array(), n = a.bottomRows(H).array();
    const auto un = block(tr.aux, t, B).array();
    const auto hPrev = block(tr.h, t, B).array();
    const auto d = dh.array();
    auto gx = block(dzx, t, B);
    auto gh = block(dzh, t, B);
    gx.bottomRows(H) = (d * u * (Scalar(1) - n.square())).matrix();
    gh.bottomRows(H) = (gx.bottomRows(H).array() * r).matrix();
    gx.topRows(H) = (gx.bottomRows(H).array() * un * r * (Scalar(1) - r)).matrix();
    gx.middleRows(H, H) = (d * (n - hPrev) * u * (Scalar(1) - u)).matrix();
    gh.topRows(2 * H) = gx.topRows(2 * H);
    carry = (d * (Scalar(1) - u)).matrix();
    gemm(carry, U, Trans::Yes, gh, Trans::No, true);
    dh = carry;
  }
  dh0 = dh;
  MatrixMap dW(grads.data(), 3 * H, D);
  MatrixMap dU(grads.data() + 3 * H * D, 3 * H, H);
  VectorMap db(grads.data() + 3 * H * (D + H), 3 * H);
  VectorMap dbhn(grads.data() + 3 * H * (D + H) + 3 * H, H);
  gemm(dW, dzx, Trans::No, tr.xs, Trans::Yes);
  gemm(dU, dzh, Trans::No, tr.h.leftCols(T * B), Trans::Yes);
  db = dzx.rowwise().sum();
  dbhn = dzh.bottomRows(H).rowwise().sum();
  dx.resize(D, T * B);
  gemm(dx, W, Trans::Yes, dzx, Trans::No);
}

}  // namespace dl
