// Spatial pyramid pooling's passes; see SpatialPyramidPool.h. Shapes: x (C·H·W, B), y (C·Σn², B).
#include "nn/SpatialPyramidPool.h"

#include "core/Error.h"
#include "nn/Im2col.h"

namespace dl {

SpatialPyramidPool::SpatialPyramidPool(Shape in, std::vector<Index> bins, const std::string& field)
    : Layer(in), m_bins(bins.empty() ? std::vector<Index>{1, 2, 4} : std::move(bins)) {
  for (Index n : m_bins)
    if (n < 1) throw ConfigError(field + ".bins", std::to_string(n), {DL_TRANSLATE_NOOP("dl", "must be >= %1"), {"1"}});
  if (in.time != 1)
    throw ConfigError(field + ".input", std::to_string(in.time),
                      DL_TRANSLATE_NOOP("dl", "the layer needs an image input (channels × height × width)"));
}

Index SpatialPyramidPool::outputSize(Index channels, const std::vector<Index>& bins) {
  Index cells = 0;
  for (Index n : bins) cells += n * n;
  return channels * cells;
}

Shape SpatialPyramidPool::outputShape() const { return Shape::flat(outputSize(inputShape().channels, m_bins)); }

// y = max over bin (level n, channel c, i, j) of x(c, y, x) with ⌊iH/n⌋ <= y < ⌈(i+1)H/n⌉ and
// likewise for x. Bins are never empty, and overlap by a row when n does not divide H.
void SpatialPyramidPool::pool(const Matrix& x, Matrix& y, std::vector<Index>* argmax) const {
  const Index C = inputShape().channels, H = inputShape().height, W = inputShape().width;
  const Index out = outputShape().size(), B = x.cols();
  y.resize(out, B);
  if (argmax) argmax->assign(static_cast<std::size_t>(out * B), -1);
  forEachSample(B, inputShape().size(), [&](Index b) {
    const Scalar* in = x.col(b).data();
    Index r = 0;  // output row
    for (Index n : m_bins)
      for (Index c = 0; c < C; ++c)
        for (Index i = 0; i < n; ++i)
          for (Index j = 0; j < n; ++j, ++r) {
            const Index y0 = i * H / n, y1 = ((i + 1) * H + n - 1) / n;
            const Index x0 = j * W / n, x1 = ((j + 1) * W + n - 1) / n;
            Index best = (c * H + y0) * W + x0;
            for (Index yy = y0; yy < y1; ++yy)
              for (Index xx = x0; xx < x1; ++xx) {
                const Index at = (c * H + yy) * W + xx;
                if (in[at] > in[best]) best = at;
              }
            y(r, b) = in[best];
            if (argmax) (*argmax)[static_cast<std::size_t>(b * out + r)] = best;
          }
  });
}

const Matrix& SpatialPyramidPool::forward(const Matrix& x, const Pass&, std::span<const Scalar>, std::span<Scalar>) {
  pool(x, m_y, &m_argmax);
  return m_y;
}

// dx_i = Σ over the bins whose maximum was x_i of dy
const Matrix& SpatialPyramidPool::backward(const Matrix&, const Matrix& dy, std::span<const Scalar>, std::span<Scalar>,
                                           bool wantInputGradient) {
  if (!wantInputGradient) return m_dx;
  const Index out = dy.rows(), B = dy.cols();
  m_dx.setZero(inputShape().size(), B);
  forEachSample(B, inputShape().size(), [&](Index b) {
    const Index* arg = m_argmax.data() + b * out;
    for (Index o = 0; o < out; ++o) m_dx(arg[o], b) += dy(o, b);
  });
  return m_dx;
}

const Matrix& SpatialPyramidPool::infer(const Matrix& x, Matrix& out, std::span<const Scalar>,
                                        std::span<const Scalar>) const {
  pool(x, out, nullptr);
  return out;
}

}  // namespace dl
