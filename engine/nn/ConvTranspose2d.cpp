// The transposed convolution's passes: conv2d's backward data pass as its forward. Shapes, with
// P = H·W input pixels and K = out·kh·kw:  xAll (B·P, C)   W (C, K)   cols (B·P, K)   y (out·H'·W', B).
// One dl::gemm per product over the whole batch; per-sample copies write their own sample only.
#include "nn/ConvTranspose2d.h"

#include "core/Error.h"
#include "core/Gemm.h"
#include "init/Initializer.h"
#include "nn/Im2col.h"

namespace dl {

namespace {
ConvGeometry transposedGeometry(const Shape& in, const LayerSpec& spec, const std::string& field) {
  const Index kh = spec.kernel, kw = spec.kernelWidth > 0 ? spec.kernelWidth : spec.kernel;
  const Index stride = spec.stride == 0 ? 1 : spec.stride;
  const auto atLeast = [&](const char* name, Index v, Index min) {
    if (v < min)
      throw ConfigError(field + "." + name, std::to_string(v),
                        {DL_TRANSLATE_NOOP("dl", "must be >= %1"), {std::to_string(min)}});
  };
  atLeast("kernel", kh, 1);
  atLeast("kernelWidth", kw, 1);
  atLeast("stride", stride, 1);
  atLeast("dilation", spec.dilation, 1);
  atLeast("padding", spec.padding, 0);  // no "same" here
  if (in.time != 1 || in.channels < 1)
    throw ConfigError(field + ".input", std::to_string(in.time),
                      DL_TRANSLATE_NOOP("dl", "the layer needs an image input (channels × height × width)"));
  const Index H = convTransposeOutputSize(in.height, kh, stride, spec.padding, spec.dilation);
  const Index W = convTransposeOutputSize(in.width, kw, stride, spec.padding, spec.dilation);
  if (H < 1 || W < 1)
    throw ConfigError(field + ".output", std::to_string(H) + "×" + std::to_string(W),
                      {DL_TRANSLATE_NOOP("dl", "the padding is too large for the %1 input (output size < 1)"),
                       {std::to_string(in.height) + "×" + std::to_string(in.width)}});
  ConvGeometry g =
      checkedGeometry(std::max<Index>(spec.units, 1), H, W, kh, kw, stride, spec.padding, spec.dilation, field);
  // (H − 1)·s − 2p + d(k−1) + 1 gives back H input pixels: ⌊(H' + 2p − d(k−1) − 1)/s⌋ + 1 = H.
  g.outH = in.height;
  g.outW = in.width;
  return g;
}
}  // namespace

ConvTranspose2d::ConvTranspose2d(Shape in, const LayerSpec& spec, const std::string& field)
    : Layer(in), m_g(transposedGeometry(in, spec, field)), m_unroll(m_g), m_out(spec.units), m_bias(spec.bias) {
  if (m_out < 1)
    throw ConfigError(field + ".units", std::to_string(m_out), {DL_TRANSLATE_NOOP("dl", "must be >= %1"), {"1"}});
  if (spec.groups != 1)
    throw ConfigError(field + ".groups", std::to_string(spec.groups),
                      {DL_TRANSLATE_NOOP("dl", "a transposed convolution takes %1 group only"), {"1"}});
}

void ConvTranspose2d::initialize(const InitConfig& init, Rng& rng, std::span<Scalar> params, std::span<Scalar>) const {
  const Index taps = m_g.kh * m_g.kw;
  initializeWeights(init, MatrixMap(params.data(), inputShape().channels, m_g.patch()), rng,
                    inputShape().channels * taps, m_out * taps);
  const ParamRange b = biasRange();
  VectorMap(params.data() + b.offset, b.size).setConstant(static_cast<Scalar>(init.bias));
}

// xAll(b·P + p, c) = x(c·P + p, b);  cols = xAll·W;  y = col2im(cols) + b_o
void ConvTranspose2d::spread(const Matrix& x, Matrix& y, std::span<const Scalar> params, Matrix& xAll,
                             Matrix& cols) const {
  const Index B = x.cols(), P = m_g.positions(), C = inputShape().channels, plane = m_g.height * m_g.width;
  xAll.resize(B * P, C);
  forEachSample(B, P * C, [&](Index b) {
    for (Index c = 0; c < C; ++c) xAll.col(c).segment(b * P, P) = x.col(b).segment(c * P, P);
  });
  cols.resize(B * P, m_g.patch());
  gemm(cols, xAll, Trans::No, ConstMatrixMap(params.data(), C, m_g.patch()), Trans::No);
  y.setZero(outputShape().size(), B);
  const Scalar* bias = m_bias ? params.data() + biasRange().offset : nullptr;
  forEachSample(B, P * m_g.patch(), [&](Index b) {
    m_unroll.col2im(cols.data() + b * P, B * P, y.col(b).data());
    if (bias)
      for (Index o = 0; o < m_out; ++o) y.col(b).segment(o * plane, plane).array() += bias[o];
  });
}

const Matrix& ConvTranspose2d::forward(const Matrix& x, const Pass&, std::span<const Scalar> params,
                                       std::span<Scalar>) {
  spread(x, m_y, params, m_xAll, m_cols);
  return m_y;
}

// dcols = im2col(dy);  ∂W = xAllᵀ·dcols;  ∂b_o = Σ dy over channel o;  dxAll = dcols·Wᵀ
const Matrix& ConvTranspose2d::backward(const Matrix&, const Matrix& dy, std::span<const Scalar> params,
                                        std::span<Scalar> grads, bool wantInputGradient) {
  const Index B = dy.cols(), P = m_g.positions(), C = inputShape().channels, plane = m_g.height * m_g.width;
  m_dcols.resize(B * P, m_g.patch());
  forEachSample(B, P * m_g.patch(), [&](Index b) { m_unroll.im2col(dy.col(b).data(), m_dcols.data() + b * P, B * P); });
  MatrixMap gW(grads.data(), C, m_g.patch());
  gemm(gW, m_xAll, Trans::Yes, m_dcols, Trans::No);
  if (m_bias) {
    VectorMap gb(grads.data() + biasRange().offset, m_out);
    for (Index o = 0; o < m_out; ++o) gb(o) = dy.middleRows(o * plane, plane).sum();
  }
  if (!wantInputGradient) return m_dx;
  m_dxAll.resize(B * P, C);
  gemm(m_dxAll, m_dcols, Trans::No, ConstMatrixMap(params.data(), C, m_g.patch()), Trans::Yes);
  m_dx.resize(inputShape().size(), B);
  forEachSample(B, P * m_g.patch(), [&](Index b) {
    for (Index c = 0; c < C; ++c) m_dx.col(b).segment(c * P, P) = m_dxAll.col(c).segment(b * P, P);
  });
  return m_dx;
}

const Matrix& ConvTranspose2d::infer(const Matrix& x, Matrix& out, std::span<const Scalar> params,
                                     std::span<const Scalar>) const {
  Matrix xAll, cols;
  spread(x, out, params, xAll, cols);
  return out;
}

}  // namespace dl
