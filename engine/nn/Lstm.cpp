// The LSTM's step. Shapes per step: z_t (4H, B) with gate k in rows [k·H, (k+1)·H); c_t, h_t (H, B).
// aux keeps tanh(c_t) for the backward step.
#include "nn/Lstm.h"

#include "core/Error.h"

namespace dl {

namespace {
auto sigmoid(const auto& z) { return (Scalar(1) + (-z).exp()).inverse(); }
}  // namespace

Lstm::Lstm(Shape in, const LayerSpec& spec, const std::string& field)
    : Recurrent(in, spec, 4, 0, field), m_forgetBias(spec.forgetBias) {
  if (!(m_forgetBias >= 0 && m_forgetBias <= 5))
    throw ConfigError(field + ".forgetBias", formatValue(m_forgetBias),
                      {DL_TRANSLATE_NOOP("dl", "must be between %1 and %2"), {"0", "5"}});
}

// [i f g o] = [σ σ tanh σ](z_t);  c_t = f⊙c_{t−1} + i⊙g;  h_t = o⊙tanh(c_t)
void Lstm::stepForward(Index t, Workspace& ws, std::span<const Scalar> params) const {
  const Index H = m_units, B = ws.z.cols() / steps();
  addRecurrentProduct(t, ws, params);
  auto z = block(ws.z, t, B);
  z.topRows(2 * H) = sigmoid(z.topRows(2 * H).array()).matrix();
  z.middleRows(2 * H, H) = z.middleRows(2 * H, H).array().tanh().matrix();
  z.bottomRows(H) = sigmoid(z.bottomRows(H).array()).matrix();
  const auto i = z.topRows(H).array(), f = z.middleRows(H, H).array(), g = z.middleRows(2 * H, H).array(),
             o = z.bottomRows(H).array();
  auto c = block(ws.c, t + 1, B);
  c = (f * block(ws.c, t, B).array() + i * g).matrix();
  auto tc = block(ws.aux, t, B);
  tc = c.array().tanh().matrix();
  block(ws.h, t + 1, B) = (o * tc.array()).matrix();
}

// With ∂c = dc + dh⊙o⊙(1 − tanh²c_t):  ∂z_o = dh⊙tanh(c_t)⊙o(1−o);  ∂z_i = ∂c⊙g⊙i(1−i);
// ∂z_g = ∂c⊙i⊙(1−g²);  ∂z_f = ∂c⊙c_{t−1}⊙f(1−f);  ∂c_{t−1} = ∂c⊙f;  h_{t−1} only through U.
void Lstm::stepBackward(Index t, const Workspace& ws, std::span<const Scalar>, Matrix& dh, Matrix& dc,
                        Eigen::Ref<Matrix> dzx, Eigen::Ref<Matrix>) const {
  const Index H = m_units, B = dh.cols();
  const auto z = block(ws.z, t, B);
  const auto i = z.topRows(H).array(), f = z.middleRows(H, H).array(), g = z.middleRows(2 * H, H).array(),
             o = z.bottomRows(H).array();
  const auto tc = block(ws.aux, t, B).array();
  const auto cPrev = block(ws.c, t, B).array();
  const Eigen::Array<Scalar, Eigen::Dynamic, Eigen::Dynamic> dcell =
      dc.array() + dh.array() * o * (Scalar(1) - tc.square());
  dzx.topRows(H) = (dcell * g * i * (Scalar(1) - i)).matrix();
  dzx.middleRows(H, H) = (dcell * cPrev * f * (Scalar(1) - f)).matrix();
  dzx.middleRows(2 * H, H) = (dcell * i * (Scalar(1) - g.square())).matrix();
  dzx.bottomRows(H) = (dh.array() * tc * o * (Scalar(1) - o)).matrix();
  dc = (dcell * f).matrix();
  dh.setZero();
}

}  // namespace dl
