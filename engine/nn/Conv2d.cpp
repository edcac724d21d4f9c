// The convolution's passes as products of the unrolled batch (nn/Im2col.h), or, for a layer with
// few values per window, directly (nn/DirectConv.h). Shapes of the products, with
// P = outH·outW, K = C·kh·kw, and per group g its og = out/groups output and K/groups patch columns:
//   cols (B·P, K)   yAll (B·P, out)   W (out, K/groups)   y (out·P, B)
// Every product is one dl::gemm over the whole batch and the per-sample copies write only their
// own sample, so 1 and 2 threads give bitwise identical results.
#include "nn/Conv2d.h"

#include "core/Error.h"
#include "core/Gemm.h"
#include "init/Initializer.h"
#include "nn/Im2col.h"

namespace dl {

Conv2d::Conv2d(Shape in, const LayerSpec& spec, const std::string& field)
    : Layer(in),
      m_g(specGeometry(in, spec, 1, field)),
      m_unroll(m_g),
      m_out(spec.units),
      m_groups(spec.groups),
      m_bias(spec.bias),
      m_direct(directConvolution(m_g, m_groups)),
      m_directConv(m_g, m_out),
      m_directInput(directInputGradient(m_g, m_groups)),
      m_inputConv(inputGradientGeometry(m_g, m_out), m_g.channels) {
  if (m_out < 1)
    throw ConfigError(field + ".units", std::to_string(m_out), {DL_TRANSLATE_NOOP("dl", "must be >= %1"), {"1"}});
  if (m_groups < 1 || in.channels % m_groups != 0 || m_out % m_groups != 0)
    throw ConfigError(field + ".groups", std::to_string(m_groups),
                      {DL_TRANSLATE_NOOP("dl", "the groups must divide the %1 input and %2 output channels"),
                       {std::to_string(in.channels), std::to_string(m_out)}});
}

void Conv2d::initialize(const InitConfig& init, Rng& rng, std::span<Scalar> params, std::span<Scalar>) const {
  const Index taps = m_g.kh * m_g.kw;
  initializeWeights(init, MatrixMap(params.data(), m_out, groupPatch()), rng, groupPatch(), m_out / m_groups * taps);
  const ParamRange b = biasRange();
  VectorMap(params.data() + b.offset, b.size).setConstant(static_cast<Scalar>(init.bias));
}

// cols = im2col(x);  yAll_g = cols_g · W_gᵀ;  y(o·P + p, b) = yAll(b·P + p, o) + b_o
void Conv2d::convolve(const Matrix& x, Matrix& y, std::span<const Scalar> params, Matrix& cols, Matrix& yAll) const {
  if (m_direct) {
    m_directConv.forward(x, y, params.data(), m_bias ? params.data() + biasRange().offset : nullptr);
    return;
  }
  const Index B = x.cols(), P = m_g.positions(), K = m_g.patch(), og = m_out / m_groups, kg = groupPatch();
  cols.resize(B * P, K);
  forEachSample(B, P * K, [&](Index b) { m_unroll.im2col(x.col(b).data(), cols.data() + b * P, B * P); });
  const ConstMatrixMap W(params.data(), m_out, kg);
  yAll.resize(B * P, m_out);
  for (Index g = 0; g < m_groups; ++g)
    gemm(yAll.middleCols(g * og, og), cols.middleCols(g * kg, kg), Trans::No, W.middleRows(g * og, og), Trans::Yes);
  y.resize(m_out * P, B);
  const Scalar* bias = m_bias ? params.data() + biasRange().offset : nullptr;
  forEachSample(B, m_out * P, [&](Index b) {
    for (Index o = 0; o < m_out; ++o) {
      auto dst = y.col(b).segment(o * P, P);
      dst = yAll.col(o).segment(b * P, P);
      if (bias) dst.array() += bias[o];
    }
  });
}

const Matrix& Conv2d::forward(const Matrix& x, const Pass&, std::span<const Scalar> params, std::span<Scalar>) {
  convolve(x, m_y, params, m_cols, m_yAll);
  return m_y;
}

// dyAll(b·P + p, o) = dy(o·P + p, b);  ∂W_g = dyAll_gᵀ·cols_g (the batch sum is the product's
// inner dimension, in a fixed order);  ∂b_o = Σ dyAll(:, o);  dcols_g = dyAll_g·W_g;  dx = col2im(dcols).
// The direct layers' weight gradient and the stride-1 input gradient go through DirectConv instead.
const Matrix& Conv2d::backward(const Matrix& x, const Matrix& dy, std::span<const Scalar> params,
                               std::span<Scalar> grads, bool wantInputGradient) {
  const Index B = dy.cols(), P = m_g.positions(), K = m_g.patch(), og = m_out / m_groups, kg = groupPatch();
  const auto unrollDy = [&] {
    m_dyAll.resize(B * P, m_out);
    forEachSample(B, m_out * P, [&](Index b) {
      for (Index o = 0; o < m_out; ++o) m_dyAll.col(o).segment(b * P, P) = dy.col(b).segment(o * P, P);
    });
  };
  if (m_direct) {
    m_directConv.weightGradient(x, dy, grads.data(), m_bias ? grads.data() + biasRange().offset : nullptr);
  } else {
    unrollDy();
    MatrixMap gW(grads.data(), m_out, kg);
    for (Index g = 0; g < m_groups; ++g)
      gemm(gW.middleRows(g * og, og), m_dyAll.middleCols(g * og, og), Trans::Yes, m_cols.middleCols(g * kg, kg),
           Trans::No);
    if (m_bias) VectorMap(grads.data() + biasRange().offset, m_out) = m_dyAll.colwise().sum().transpose();
  }
  if (!wantInputGradient) return m_dx;
  if (m_directInput) {
    m_flipped.resize(m_g.channels, m_out * m_g.kh * m_g.kw);
    flipKernel(m_g, m_out, params.data(), m_flipped.data());
    m_inputConv.forward(dy, m_dx, m_flipped.data(), nullptr);
    return m_dx;
  }
  if (m_direct) unrollDy();
  const ConstMatrixMap W(params.data(), m_out, kg);
  m_dcols.resize(B * P, K);
  for (Index g = 0; g < m_groups; ++g)
    gemm(m_dcols.middleCols(g * kg, kg), m_dyAll.middleCols(g * og, og), Trans::No, W.middleRows(g * og, og),
         Trans::No);
  m_dx.setZero(inputShape().size(), B);
  forEachSample(B, P * K, [&](Index b) { m_unroll.col2im(m_dcols.data() + b * P, B * P, m_dx.col(b).data()); });
  return m_dx;
}

const Matrix& Conv2d::infer(const Matrix& x, Matrix& out, std::span<const Scalar> params,
                            std::span<const Scalar>) const {
  Matrix cols, yAll;
  convolve(x, out, params, cols, yAll);
  return out;
}

}  // namespace dl
