// im2col and col2im; see Im2col.h. The two loops are the same walk, copying one way or the other.
#include "nn/Im2col.h"

#include "core/Error.h"

namespace dl {

ConvGeometry specGeometry(const Shape& in, const LayerSpec& spec, Index defaultStride, const std::string& field) {
  if (in.time != 1)
    throw ConfigError(field + ".input", std::to_string(in.time),
                      DL_TRANSLATE_NOOP("dl", "the layer needs an image input (channels × height × width)"));
  const Index kw = spec.kernelWidth > 0 ? spec.kernelWidth : spec.kernel;
  const Index stride = spec.stride == 0 ? defaultStride : spec.stride;
  return checkedGeometry(in.channels, in.height, in.width, spec.kernel, kw, stride, spec.padding, spec.dilation, field);
}

void im2col(const Scalar* image, const ConvGeometry& g, Scalar* cols, Index ld) {
  for (Index c = 0; c < g.channels; ++c)
    for (Index i = 0; i < g.kh; ++i)
      for (Index j = 0; j < g.kw; ++j) {
        Scalar* col = cols + ((c * g.kh + i) * g.kw + j) * ld;
        for (Index oy = 0; oy < g.outH; ++oy) {
          Scalar* out = col + oy * g.outW;
          const Index y = oy * g.sh - g.ph + i * g.dh;
          if (y < 0 || y >= g.height) {
            for (Index ox = 0; ox < g.outW; ++ox) out[ox] = Scalar(0);
            continue;
          }
          const Scalar* row = image + (c * g.height + y) * g.width;
          for (Index ox = 0; ox < g.outW; ++ox) {
            const Index x = ox * g.sw - g.pw + j * g.dw;
            out[ox] = (x >= 0 && x < g.width) ? row[x] : Scalar(0);
          }
        }
      }
}

void col2im(const Scalar* cols, Index ld, const ConvGeometry& g, Scalar* image) {
  for (Index c = 0; c < g.channels; ++c)
    for (Index i = 0; i < g.kh; ++i)
      for (Index j = 0; j < g.kw; ++j) {
        const Scalar* col = cols + ((c * g.kh + i) * g.kw + j) * ld;
        for (Index oy = 0; oy < g.outH; ++oy) {
          const Index y = oy * g.sh - g.ph + i * g.dh;
          if (y < 0 || y >= g.height) continue;
          const Scalar* in = col + oy * g.outW;
          Scalar* row = image + (c * g.height + y) * g.width;
          for (Index ox = 0; ox < g.outW; ++ox) {
            const Index x = ox * g.sw - g.pw + j * g.dw;
            if (x >= 0 && x < g.width) row[x] += in[ox];
          }
        }
      }
}

}  // namespace dl
