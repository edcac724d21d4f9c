// The unrolling (im2col, col2im) and the image layers' geometry; see Im2col.h.
#include "nn/Im2col.h"

#include "core/Error.h"

#include <algorithm>
#include <type_traits>

namespace dl {

ConvGeometry specGeometry(const Shape& in, const LayerSpec& spec, Index defaultStride, const std::string& field) {
  if (in.time != 1)
    throw ConfigError(field + ".input", std::to_string(in.time),
                      DL_TRANSLATE_NOOP("dl", "the layer needs an image input (channels × height × width)"));
  const Index kw = spec.kernelWidth > 0 ? spec.kernelWidth : spec.kernel;
  const Index stride = spec.stride == 0 ? defaultStride : spec.stride;
  return checkedGeometry(in.channels, in.height, in.width, spec.kernel, kw, stride, spec.padding, spec.dilation, field);
}

Scalar* zeroBordered(const ConvGeometry& g, const Scalar* image, Index rowLength, Index slack, std::vector<Scalar>& buf) {
  const Index Hp = g.height + 2 * g.ph;
  buf.assign(static_cast<std::size_t>(g.channels * Hp * rowLength + slack), Scalar(0));
  for (Index c = 0; c < g.channels; ++c)
    for (Index y = 0; y < g.height; ++y)
      std::copy_n(image + (c * g.height + y) * g.width, g.width, buf.data() + (c * Hp + y + g.ph) * rowLength + g.pw);
  return buf.data();
}

Scalar* Unrolling::padded(const Scalar* image) const {
  thread_local std::vector<Scalar> scratch;  // (C, H + 2ph, W + 2pw); forEachSample runs one sample per thread
  return zeroBordered(m_g, image, m_g.width + 2 * m_g.pw, 0, scratch);
}

namespace {
// The rows of the unrolled columns from the padded image (Add: the adjoint, summing into it).
// N > 0 fixes the row length at compile time (LeNet's 4- and 8-pixel rows become single moves;
// the generic loop spent more on its own bookkeeping than on copying); stride 1 only, with N.
template <bool Add>
using Cols = std::conditional_t<Add, const Scalar*, Scalar*>;  // col2im only reads the columns

template <Index N, bool Add>
void rows(const ConvGeometry& g, Scalar* pad, Cols<Add> cols, Index ld) {
  const Index Hp = g.height + 2 * g.ph, Wp = g.width + 2 * g.pw, W = N > 0 ? N : g.outW, s = N > 0 ? 1 : g.sw;
  for (Index c = 0; c < g.channels; ++c)
    for (Index i = 0; i < g.kh; ++i)
      for (Index j = 0; j < g.kw; ++j) {
        Cols<Add> col = cols + ((c * g.kh + i) * g.kw + j) * ld;
        for (Index oy = 0; oy < g.outH; ++oy, col += W) {
          Scalar* img = pad + (c * Hp + oy * g.sh + i * g.dh) * Wp + j * g.dw;
          if constexpr (Add) {
            for (Index ox = 0; ox < W; ++ox) img[ox * s] += col[ox];
          } else {
            for (Index ox = 0; ox < W; ++ox) col[ox] = img[ox * s];
          }
        }
      }
}

template <bool Add>
void rowsFor(const ConvGeometry& g, Scalar* pad, Cols<Add> cols, Index ld) {
  if (g.sw == 1 && g.outW == 4)
    rows<4, Add>(g, pad, cols, ld);
  else if (g.sw == 1 && g.outW == 8)
    rows<8, Add>(g, pad, cols, ld);
  else
    rows<0, Add>(g, pad, cols, ld);
}
}  // namespace

void Unrolling::im2col(const Scalar* image, Scalar* cols, Index ld) const {
  rowsFor<false>(m_g, padded(image), cols, ld);
}

void Unrolling::col2im(const Scalar* cols, Index ld, Scalar* image) const {
  const ConvGeometry& g = m_g;
  const Index Hp = g.height + 2 * g.ph, Wp = g.width + 2 * g.pw;
  Scalar* pad = padded(image);  // starts from the image's values: the same sums as the walk
  rowsFor<true>(g, pad, cols, ld);
  for (Index c = 0; c < g.channels; ++c)
    for (Index y = 0; y < g.height; ++y)
      std::copy_n(pad + (c * Hp + y + g.ph) * Wp + g.pw, g.width, image + (c * g.height + y) * g.width);
}

}  // namespace dl
