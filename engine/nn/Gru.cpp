// The GRU's step. Shapes per step: z_t (3H, B) with r, z, n in rows [0, H), [H, 2H), [2H, 3H);
// h_t (H, B). aux keeps U_n·h_{t−1} + b_hn for the backward step.
#include "nn/Gru.h"

#include "core/Gemm.h"

namespace dl {

namespace {
auto sigmoid(const auto& z) { return (Scalar(1) + (-z).exp()).inverse(); }
}  // namespace

// [r z] = σ(z_t + U_rz·h_{t−1});  aux = U_n·h_{t−1} + b_hn;  n = tanh(z_n + r⊙aux);  h_t = (1−z)⊙h_{t−1} + z⊙n
void Gru::stepForward(Index t, Workspace& ws, std::span<const Scalar> params) const {
  const Index H = m_units, B = ws.z.cols() / steps();
  const ConstMatrixMap U = recurrentWeights(params);
  auto z = block(ws.z, t, B);
  auto un = block(ws.aux, t, B);
  const auto hPrev = block(ws.h, t, B);
  gemm(z.topRows(2 * H), U.topRows(2 * H), Trans::No, hPrev, Trans::No, true);
  gemm(un, U.bottomRows(H), Trans::No, hPrev, Trans::No);
  un.colwise() += ConstVectorMap(extraBias(params), H);
  z.topRows(2 * H) = sigmoid(z.topRows(2 * H).array()).matrix();
  z.bottomRows(H) = (z.bottomRows(H).array() + z.topRows(H).array() * un.array()).tanh().matrix();
  const auto u = z.middleRows(H, H).array(), n = z.bottomRows(H).array();
  block(ws.h, t + 1, B) = ((Scalar(1) - u) * hPrev.array() + u * n).matrix();
}

// ∂n = dh⊙z;  ∂z_n = ∂n⊙(1 − n²) (input side) and ∂z_n⊙r (recurrent side, through aux);
// ∂z_r = ∂z_n⊙aux⊙r(1−r);  ∂z_z = dh⊙(n − h_{t−1})⊙z(1−z);  direct ∂h_{t−1} = dh⊙(1 − z).
void Gru::stepBackward(Index t, const Workspace& ws, std::span<const Scalar>, Matrix& dh, Matrix&,
                       Eigen::Ref<Matrix> dzx, Eigen::Ref<Matrix> dzh) const {
  const Index H = m_units, B = dh.cols();
  const auto z = block(ws.z, t, B);
  const auto r = z.topRows(H).array(), u = z.middleRows(H, H).array(), n = z.bottomRows(H).array();
  const auto un = block(ws.aux, t, B).array();
  const auto hPrev = block(ws.h, t, B).array();
  const auto d = dh.array();
  dzx.bottomRows(H) = (d * u * (Scalar(1) - n.square())).matrix();
  dzh.bottomRows(H) = (dzx.bottomRows(H).array() * r).matrix();
  dzx.topRows(H) = (dzx.bottomRows(H).array() * un * r * (Scalar(1) - r)).matrix();
  dzx.middleRows(H, H) = (d * (n - hPrev) * u * (Scalar(1) - u)).matrix();
  dzh.topRows(2 * H) = dzx.topRows(2 * H);
  dh = (d * (Scalar(1) - u)).matrix();
}

// ∂b_hn = Σ over steps and samples of the recurrent side of ∂z_n.
void Gru::extraBiasGradient(const Matrix& dzh, std::span<Scalar> grads) const {
  VectorMap(grads.data() + paramCount() - m_units, m_units) = dzh.bottomRows(m_units).rowwise().sum();
}

}  // namespace dl
