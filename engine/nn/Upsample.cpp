// Upsampling's passes; see Upsample.h. Both modes are one linear map: output (c, Y, X) =
// Σ_a Σ_b wy_a·wx_b·x(c, iy_a, ix_b) over the row taps (iy, wy) of Y and column taps (ix, wx) of X.
#include "nn/Upsample.h"

#include "core/Error.h"
#include "nn/Im2col.h"

#include <cmath>

namespace dl {

Upsample::Upsample(Shape in, Index scale, const std::string& mode, const std::string& field)
    : Layer(in), m_scale(scale), m_bilinear(mode == "bilinear") {
  if (scale < 1 || scale > 64)
    throw ConfigError(field + ".scale", std::to_string(scale),
                      {DL_TRANSLATE_NOOP("dl", "must be between %1 and %2"), {"1", "64"}});
  if (!mode.empty() && mode != "nearest" && mode != "bilinear")
    throw ConfigError(field + ".mode", mode, {DL_TRANSLATE_NOOP("dl", "must be one of %1"), {"nearest, bilinear"}});
  if (in.time != 1)
    throw ConfigError(field + ".input", std::to_string(in.time),
                      DL_TRANSLATE_NOOP("dl", "the layer needs an image input (channels × height × width)"));
  m_rows = taps(in.height);
  m_cols = taps(in.width);
}

Shape Upsample::outputShape() const {
  const Shape& in = inputShape();
  return {in.channels, in.height * m_scale, in.width * m_scale, 1};
}

// nearest: i0 = ⌊o/s⌋.  bilinear: c = max(0, (o + ½)/s − ½), i0 = ⌊c⌋, i1 = min(i0 + 1, n − 1),
// w1 = c − i0, w0 = 1 − w1.
std::vector<Upsample::Tap> Upsample::taps(Index n) const {
  std::vector<Tap> t(static_cast<std::size_t>(n * m_scale));
  for (Index o = 0; o < n * m_scale; ++o) {
    Tap& tap = t[static_cast<std::size_t>(o)];
    if (!m_bilinear) {
      tap.i0 = tap.i1 = o / m_scale;
      continue;
    }
    const double c = std::max(0.0, (static_cast<double>(o) + 0.5) / static_cast<double>(m_scale) - 0.5);
    tap.i0 = std::min(static_cast<Index>(std::floor(c)), n - 1);
    tap.i1 = std::min(tap.i0 + 1, n - 1);
    tap.w1 = static_cast<Scalar>(c - static_cast<double>(tap.i0));
    tap.w0 = Scalar(1) - tap.w1;
  }
  return t;
}

void Upsample::upsample(const Matrix& x, Matrix& y) const {
  const Shape in = inputShape(), out = outputShape();
  y.resize(out.size(), x.cols());
  forEachSample(x.cols(), out.size(), [&](Index b) {
    const Scalar* src = x.col(b).data();
    Scalar* dst = y.col(b).data();
    for (Index c = 0; c < in.channels; ++c)
      for (Index Y = 0; Y < out.height; ++Y) {
        const Tap& r = m_rows[static_cast<std::size_t>(Y)];
        const Scalar* row0 = src + (c * in.height + r.i0) * in.width;
        const Scalar* row1 = src + (c * in.height + r.i1) * in.width;
        for (Index X = 0; X < out.width; ++X) {
          const Tap& k = m_cols[static_cast<std::size_t>(X)];
          dst[(c * out.height + Y) * out.width + X] =
              r.w0 * (k.w0 * row0[k.i0] + k.w1 * row0[k.i1]) + r.w1 * (k.w0 * row1[k.i0] + k.w1 * row1[k.i1]);
        }
      }
  });
}

const Matrix& Upsample::forward(const Matrix& x, const Pass&, std::span<const Scalar>, std::span<Scalar>) {
  upsample(x, m_y);
  return m_y;
}

// dx(c, iy_a, ix_b) += wy_a·wx_b·dy(c, Y, X) for every output pixel (the transpose of the map)
const Matrix& Upsample::backward(const Matrix&, const Matrix& dy, std::span<const Scalar>, std::span<Scalar>,
                                 bool wantInputGradient) {
  if (!wantInputGradient) return m_dx;
  const Shape in = inputShape(), out = outputShape();
  m_dx.setZero(in.size(), dy.cols());
  forEachSample(dy.cols(), out.size(), [&](Index b) {
    const Scalar* d = dy.col(b).data();
    Scalar* dst = m_dx.col(b).data();
    for (Index c = 0; c < in.channels; ++c)
      for (Index Y = 0; Y < out.height; ++Y) {
        const Tap& r = m_rows[static_cast<std::size_t>(Y)];
        Scalar* row0 = dst + (c * in.height + r.i0) * in.width;
        Scalar* row1 = dst + (c * in.height + r.i1) * in.width;
        for (Index X = 0; X < out.width; ++X) {
          const Tap& k = m_cols[static_cast<std::size_t>(X)];
          const Scalar g = d[(c * out.height + Y) * out.width + X];
          row0[k.i0] += r.w0 * k.w0 * g;
          row0[k.i1] += r.w0 * k.w1 * g;
          row1[k.i0] += r.w1 * k.w0 * g;
          row1[k.i1] += r.w1 * k.w1 * g;
        }
      }
  });
  return m_dx;
}

const Matrix& Upsample::infer(const Matrix& x, Matrix& out, std::span<const Scalar>, std::span<const Scalar>) const {
  upsample(x, out);
  return out;
}

}  // namespace dl
