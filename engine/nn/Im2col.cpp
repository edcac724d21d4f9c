// im2col and col2im; see Im2col.h. The two loops are the same walk, copying one way or the other.
#include "nn/Im2col.h"

#include "core/Error.h"

#include <bit>
#include <climits>
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

namespace {
// The output columns ox whose input column x = ox·sw − pw + j·dw lies inside 0 <= x < width:
// [first, last). Both loops below copy only those and leave the rest to the padding's zeros,
// so no value is tested per pixel.
struct ValidRange {
  Index first, last;
};
ValidRange validColumns(const ConvGeometry& g, Index j) {
  const Index off = j * g.dw - g.pw;  // x = ox·sw + off
  // first: smallest ox with ox·sw + off >= 0;  last: smallest ox with ox·sw + off >= width
  auto ceilDiv = [](Index a, Index b) { return a <= 0 ? 0 : (a + b - 1) / b; };
  const Index first = std::min(g.outW, ceilDiv(-off, g.sw));
  const Index last = std::max(first, std::min(g.outW, ceilDiv(g.width - off, g.sw)));
  return {first, last};
}
}  // namespace

void im2col(const Scalar* image, const ConvGeometry& g, Scalar* cols, Index ld) {
  for (Index c = 0; c < g.channels; ++c)
    for (Index i = 0; i < g.kh; ++i)
      for (Index j = 0; j < g.kw; ++j) {
        Scalar* col = cols + ((c * g.kh + i) * g.kw + j) * ld;
        const auto [first, last] = validColumns(g, j);
        const Index off = j * g.dw - g.pw;
        for (Index oy = 0; oy < g.outH; ++oy) {
          Scalar* out = col + oy * g.outW;
          const Index y = oy * g.sh - g.ph + i * g.dh;
          if (y < 0 || y >= g.height) {
            for (Index ox = 0; ox < g.outW; ++ox) out[ox] = Scalar(0);
            continue;
          }
          // Rows are short (8 to 28 values): plain loops, not a library call per row.
          const Scalar* row = image + (c * g.height + y) * g.width;
          for (Index ox = 0; ox < first; ++ox) out[ox] = Scalar(0);
          if (g.sw == 1) {
#pragma omp simd
            for (Index ox = first; ox < last; ++ox) out[ox] = row[ox + off];
          } else {
            for (Index ox = first; ox < last; ++ox) out[ox] = row[ox * g.sw + off];
          }
          for (Index ox = last; ox < g.outW; ++ox) out[ox] = Scalar(0);
        }
      }
}

// The same walk and the same order of additions into each pixel as im2col's copies.
void col2im(const Scalar* cols, Index ld, const ConvGeometry& g, Scalar* image) {
  for (Index c = 0; c < g.channels; ++c)
    for (Index i = 0; i < g.kh; ++i)
      for (Index j = 0; j < g.kw; ++j) {
        const Scalar* col = cols + ((c * g.kh + i) * g.kw + j) * ld;
        const auto [first, last] = validColumns(g, j);
        const Index off = j * g.dw - g.pw;
        for (Index oy = 0; oy < g.outH; ++oy) {
          const Index y = oy * g.sh - g.ph + i * g.dh;
          if (y < 0 || y >= g.height) continue;
          const Scalar* in = col + oy * g.outW;
          Scalar* row = image + (c * g.height + y) * g.width;
          if (g.sw == 1)
#pragma omp simd
            for (Index ox = first; ox < last; ++ox) row[ox + off] += in[ox];
          else
            for (Index ox = first; ox < last; ++ox) row[ox * g.sw + off] += in[ox];
        }
      }
}

Unrolling::Unrolling(const ConvGeometry& g) : m_g(g) {
  const Index P = g.positions(), K = g.patch();
  if (g.outW >= kMaxTableRow || K * P > kMaxTable || g.channels * g.height * g.width > INT32_MAX) return;
  m_source.resize(static_cast<std::size_t>(K * P));
  for (Index c = 0; c < g.channels; ++c)
    for (Index i = 0; i < g.kh; ++i)
      for (Index j = 0; j < g.kw; ++j) {
        std::int32_t* col = m_source.data() + ((c * g.kh + i) * g.kw + j) * P;
        for (Index oy = 0; oy < g.outH; ++oy)
          for (Index ox = 0; ox < g.outW; ++ox) {
            const Index y = oy * g.sh - g.ph + i * g.dh, x = ox * g.sw - g.pw + j * g.dw;
            const bool inside = y >= 0 && y < g.height && x >= 0 && x < g.width;
            col[oy * g.outW + ox] = inside ? static_cast<std::int32_t>((c * g.height + y) * g.width + x) : -1;
          }
      }
}

void Unrolling::im2col(const Scalar* image, Scalar* cols, Index ld) const {
  if (!tabulated()) return dl::im2col(image, m_g, cols, ld);
  // Padding entries read image[0] and are masked to +0 by bits, so the loop has no branch and
  // vectorises as a gather.
  using Bits = std::conditional_t<sizeof(Scalar) == 4, std::uint32_t, std::uint64_t>;
  const Index P = m_g.positions(), K = m_g.patch();
  for (Index r = 0; r < K; ++r) {
    const std::int32_t* __restrict src = m_source.data() + r * P;
    Scalar* __restrict out = cols + r * ld;
    for (Index p = 0; p < P; ++p) {
      const std::int32_t at = src[p];
      const Bits keep = Bits(0) - Bits(at >= 0);
      out[p] = std::bit_cast<Scalar>(std::bit_cast<Bits>(image[at < 0 ? 0 : at]) & keep);
    }
  }
}

void Unrolling::col2im(const Scalar* cols, Index ld, Scalar* image) const {
  if (!tabulated()) return dl::col2im(cols, ld, m_g, image);
  const Index P = m_g.positions(), K = m_g.patch();
  for (Index r = 0; r < K; ++r) {
    const std::int32_t* src = m_source.data() + r * P;
    const Scalar* in = cols + r * ld;
    for (Index p = 0; p < P; ++p)
      if (src[p] >= 0) image[src[p]] += in[p];
  }
}

}  // namespace dl
