// The locally connected layer's passes. Shapes, with P positions and K = C·kh·kw:
//   unrolled (B·P, K) → cols (K, P·B) by position;  W_p (out, K);  y_p = W_p·cols_p (out, B);
//   y(o·P + p, b) = y_p(o, b) + b(o·P + p).
#include "nn/LocallyConnected2d.h"

#include "core/Error.h"
#include "core/Gemm.h"
#include "init/Initializer.h"
#include "nn/Im2col.h"

namespace dl {

LocallyConnected2d::LocallyConnected2d(Shape in, const LayerSpec& spec, const std::string& field)
    : Layer(in), m_g(specGeometry(in, spec, 1, field)), m_unroll(m_g), m_out(spec.units), m_bias(spec.bias) {
  if (m_out < 1)
    throw ConfigError(field + ".units", std::to_string(m_out), {DL_TRANSLATE_NOOP("dl", "must be >= %1"), {"1"}});
  if (spec.groups != 1)
    throw ConfigError(field + ".groups", std::to_string(spec.groups),
                      {DL_TRANSLATE_NOOP("dl", "a locally connected layer takes %1 group only"), {"1"}});
}

void LocallyConnected2d::initialize(const InitConfig& init, Rng& rng, std::span<Scalar> params,
                                    std::span<Scalar>) const {
  const Index taps = m_g.kh * m_g.kw;
  initializeWeights(init, MatrixMap(params.data(), m_out, m_g.patch() * m_g.positions()), rng, m_g.patch(),
                    m_out * taps);
  const ParamRange b = biasRange();
  VectorMap(params.data() + b.offset, b.size).setConstant(static_cast<Scalar>(init.bias));
}

void LocallyConnected2d::apply(const Matrix& x, Matrix& y, std::span<const Scalar> params, Matrix& cols) const {
  const Index B = x.cols(), P = m_g.positions(), K = m_g.patch();
  Matrix unrolled(B * P, K);
  forEachSample(B, P * K, [&](Index b) { m_unroll.im2col(x.col(b).data(), unrolled.data() + b * P, B * P); });
  cols.resize(K, P * B);
  for (Index p = 0; p < P; ++p)
    for (Index b = 0; b < B; ++b) cols.col(p * B + b) = unrolled.row(b * P + p).transpose();
  y.resize(m_out * P, B);
  const Scalar* bias = m_bias ? params.data() + biasRange().offset : nullptr;
  Matrix yp(m_out, B);
  for (Index p = 0; p < P; ++p) {
    gemm(yp, ConstMatrixMap(params.data() + p * m_out * K, m_out, K), Trans::No, cols.middleCols(p * B, B), Trans::No);
    for (Index o = 0; o < m_out; ++o) y.row(o * P + p) = yp.row(o).array() + (bias ? bias[o * P + p] : Scalar(0));
  }
}

const Matrix& LocallyConnected2d::forward(const Matrix& x, const Pass&, std::span<const Scalar> params,
                                          std::span<Scalar>) {
  apply(x, m_y, params, m_cols);
  return m_y;
}

// dy_p(o, b) = dy(o·P + p, b);  ∂W_p = dy_p·cols_pᵀ;  ∂b(o·P + p) = Σ_b dy_p(o, b);
// dcols_p = W_pᵀ·dy_p, back to the unrolled layout, then dx = col2im
const Matrix& LocallyConnected2d::backward(const Matrix&, const Matrix& dy, std::span<const Scalar> params,
                                           std::span<Scalar> grads, bool wantInputGradient) {
  const Index B = dy.cols(), P = m_g.positions(), K = m_g.patch();
  m_dyP.resize(m_out, B);
  m_dcolsP.resize(K, B);
  if (wantInputGradient) m_dcols.resize(B * P, K);
  for (Index p = 0; p < P; ++p) {
    for (Index o = 0; o < m_out; ++o) m_dyP.row(o) = dy.row(o * P + p);
    MatrixMap gW(grads.data() + p * m_out * K, m_out, K);
    gemm(gW, m_dyP, Trans::No, m_cols.middleCols(p * B, B), Trans::Yes);
    if (m_bias)
      for (Index o = 0; o < m_out; ++o) grads[static_cast<std::size_t>(weightCount() + o * P + p)] = m_dyP.row(o).sum();
    if (!wantInputGradient) continue;
    gemm(m_dcolsP, ConstMatrixMap(params.data() + p * m_out * K, m_out, K), Trans::Yes, m_dyP, Trans::No);
    for (Index b = 0; b < B; ++b) m_dcols.row(b * P + p) = m_dcolsP.col(b).transpose();
  }
  if (!wantInputGradient) return m_dx;
  m_dx.setZero(inputShape().size(), B);
  forEachSample(B, P * m_g.patch(), [&](Index b) { m_unroll.col2im(m_dcols.data() + b * P, B * P, m_dx.col(b).data()); });
  return m_dx;
}

const Matrix& LocallyConnected2d::infer(const Matrix& x, Matrix& out, std::span<const Scalar> params,
                                        std::span<const Scalar>) const {
  Matrix cols;
  apply(x, out, params, cols);
  return out;
}

}  // namespace dl
