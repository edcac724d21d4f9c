// The pooling layers' passes; see Pool2d.h. Shapes: x (C·H·W, B), y (C·outH·outW, B); output
// (c, oy, ox) reads the window rows oy·s + i, columns ox·s + j, 0 <= i, j < k.
#include "nn/Pool2d.h"

#include "core/Error.h"
#include "nn/Im2col.h"

#include <algorithm>
#include <cstdint>

namespace dl {

namespace {
// Pooling windows lie inside the image: padding must be 0; stride defaults to the kernel size.
ConvGeometry poolGeometry(const Shape& in, const LayerSpec& spec, const std::string& field) {
  if (spec.padding != 0)
    throw ConfigError(field + ".padding", std::to_string(spec.padding),
                      {DL_TRANSLATE_NOOP("dl", "pooling takes padding %1 only"), {"0"}});
  return specGeometry(in, spec, spec.kernel, field);
}

// Calls f(outRow, inRow) for every input value of every output's window, one sample's rows.
template <typename F>
void forEachWindowValue(const ConvGeometry& g, F&& f) {
  for (Index c = 0; c < g.channels; ++c)
    for (Index oy = 0; oy < g.outH; ++oy)
      for (Index ox = 0; ox < g.outW; ++ox) {
        const Index o = (c * g.outH + oy) * g.outW + ox;
        for (Index i = 0; i < g.kh; ++i)
          for (Index j = 0; j < g.kw; ++j) f(o, (c * g.height + oy * g.sh + i * g.dh) * g.width + ox * g.sw + j * g.dw);
      }
}

// The max pools keep the row of each maximum in 32 bits: they refuse inputs of 2³¹ values or more.
void refuseTooLargeForArgmax(const Shape& in, const std::string& field) {
  if (in.size() > INT32_MAX)
    throw ConfigError(field + ".input", std::to_string(in.size()),
                      {DL_TRANSLATE_NOOP("dl", "the input holds more than %1 values"), {std::to_string(INT32_MAX)}});
}

// dx (inRows, B): dy(o, b) added at the row argmax[b·out + o] that output o took its value from.
void scatterToArgmax(const Matrix& dy, const std::vector<std::int32_t>& argmax, Index inRows, Matrix& dx) {
  const Index out = dy.rows(), B = dy.cols();
  dx.setZero(inRows, B);
  forEachSample(B, inRows, [&](Index b) {
    const std::int32_t* arg = argmax.data() + b * out;
    for (Index o = 0; o < out; ++o) dx(arg[o], b) += dy(o, b);
  });
}
}  // namespace

// ---- max ----
MaxPool2d::MaxPool2d(Shape in, const LayerSpec& spec, const std::string& field)
    : Layer(in), m_g(poolGeometry(in, spec, field)) {
  refuseTooLargeForArgmax(in, field);
}

void MaxPool2d::pool(const Matrix& x, Matrix& y, std::vector<std::int32_t>* argmax) const {
  const Index out = outputShape().size(), B = x.cols();
  y.resize(out, B);
  if (argmax) argmax->resize(static_cast<std::size_t>(out * B));  // every entry is written below
  const ConvGeometry& g = m_g;
  const bool twoByTwo = g.kh == 2 && g.kw == 2 && g.dh == 1 && g.dw == 1;  // LeNet's pooling
  forEachSample(B, inputShape().size(), [&](Index b) {
    const Scalar* in = x.col(b).data();
    Scalar* o = y.col(b).data();
    std::int32_t* arg = argmax ? argmax->data() + b * out : nullptr;
    if (arg && twoByTwo && g.sh == 2 && g.sw == 2) {
      // LeNet's 2×2 pooling with stride 2 while training: a row of windows at a time, the same
      // winner rule as below, in 32-bit masks so that the compiler vectorises it across the row.
      const auto below = static_cast<std::int32_t>(g.width);
      Index r = 0;
      for (Index c = 0; c < g.channels; ++c)
        for (Index oy = 0; oy < g.outH; ++oy, r += g.outW) {
          const auto start = static_cast<std::int32_t>((c * g.height + 2 * oy) * g.width);
          const Scalar* __restrict r0 = in + start;
          const Scalar* __restrict r1 = r0 + g.width;
          Scalar* __restrict orow = o + r;
          std::int32_t* __restrict arow = arg + r;
          const auto n = static_cast<std::int32_t>(g.outW);
          for (std::int32_t ox = 0; ox < n; ++ox) {
            const Scalar v1 = r0[2 * ox + 1], v2 = r1[2 * ox], v3 = r1[2 * ox + 1];
            Scalar m = r0[2 * ox];
            std::int32_t at = 0, wins = -std::int32_t(v1 > m);
            at = (1 & wins) | (at & ~wins);
            m = std::max(m, v1);
            wins = -std::int32_t(v2 > m);
            at = (below & wins) | (at & ~wins);
            m = std::max(m, v2);
            wins = -std::int32_t(v3 > m);
            at = ((below + 1) & wins) | (at & ~wins);
            m = std::max(m, v3);
            orow[ox] = m;
            arow[ox] = start + 2 * ox + at;
          }
        }
      return;
    }
    Index r = 0;
    for (Index c = 0; c < g.channels; ++c)
      for (Index oy = 0; oy < g.outH; ++oy)
        for (Index ox = 0; ox < g.outW; ++ox, ++r) {
          // The window's first value, then strictly larger ones (the first of equal maxima wins;
          // a NaN never does), in forEachWindowValue's order. A mask and a max instruction, not a
          // branch: the comparisons are data and would be mispredicted.
          const Index corner = (c * g.height + oy * g.sh) * g.width + ox * g.sw;
          Index best = corner;
          Scalar m = in[corner];
          for (Index i = 0; i < g.kh; ++i)
            for (Index j = 0; j < g.kw; ++j) {
              const Index at = corner + i * g.dh * g.width + j * g.dw;
              const Scalar v = in[at];
              const Index larger = -Index(v > m);  // all ones where v wins
              best = (at & larger) | (best & ~larger);
              m = std::max(m, v);  // (m < v) ? v : m: the same winner, NaN included
            }
          o[r] = m;
          if (arg) arg[r] = static_cast<std::int32_t>(best);
        }
  });
}

// y_o = max over window(o) of x;  dx_i = Σ over the outputs o that took x_i of dy_o
const Matrix& MaxPool2d::forward(const Matrix& x, const Pass&, std::span<const Scalar>, std::span<Scalar>) {
  pool(x, m_y, &m_argmax);
  return m_y;
}

const Matrix& MaxPool2d::backward(const Matrix&, const Matrix& dy, std::span<const Scalar>, std::span<Scalar>,
                                  bool wantInputGradient) {
  if (wantInputGradient) scatterToArgmax(dy, m_argmax, inputShape().size(), m_dx);
  return m_dx;
}

const Matrix& MaxPool2d::infer(const Matrix& x, Matrix& out, std::span<const Scalar>, std::span<const Scalar>) const {
  pool(x, out, nullptr);
  return out;
}

// ---- average ----
AvgPool2d::AvgPool2d(Shape in, const LayerSpec& spec, const std::string& field)
    : Layer(in), m_g(poolGeometry(in, spec, field)) {}

void AvgPool2d::pool(const Matrix& x, Matrix& y) const {
  const Scalar scale = Scalar(1) / Scalar(m_g.kh * m_g.kw);
  y.setZero(outputShape().size(), x.cols());
  forEachSample(x.cols(), inputShape().size(), [&](Index b) {
    const Scalar* in = x.col(b).data();
    Scalar* o = y.col(b).data();
    forEachWindowValue(m_g, [&](Index r, Index i) { o[r] += in[i]; });
    for (Index r = 0; r < y.rows(); ++r) o[r] *= scale;
  });
}

// y_o = (1/k²)·Σ_window(o) x;  dx_i = (1/k²)·Σ over the windows o containing i of dy_o
const Matrix& AvgPool2d::forward(const Matrix& x, const Pass&, std::span<const Scalar>, std::span<Scalar>) {
  pool(x, m_y);
  return m_y;
}

const Matrix& AvgPool2d::backward(const Matrix&, const Matrix& dy, std::span<const Scalar>, std::span<Scalar>,
                                  bool wantInputGradient) {
  if (!wantInputGradient) return m_dx;
  const Scalar scale = Scalar(1) / Scalar(m_g.kh * m_g.kw);
  m_dx.setZero(inputShape().size(), dy.cols());
  forEachSample(dy.cols(), inputShape().size(), [&](Index b) {
    const Scalar* d = dy.col(b).data();
    Scalar* o = m_dx.col(b).data();
    forEachWindowValue(m_g, [&](Index r, Index i) { o[i] += scale * d[r]; });
  });
  return m_dx;
}

const Matrix& AvgPool2d::infer(const Matrix& x, Matrix& out, std::span<const Scalar>, std::span<const Scalar>) const {
  pool(x, out);
  return out;
}

// ---- global average ----
// y_c = (1/n)·Σ x over channel c's n rows;  dx = dy_c/n on each of them
void GlobalAvgPool::pool(const Matrix& x, Matrix& y) const {
  const Index C = inputShape().channels, n = plane();
  y.resize(C, x.cols());
  for (Index c = 0; c < C; ++c) y.row(c) = x.middleRows(c * n, n).colwise().sum() / Scalar(n);
}

const Matrix& GlobalAvgPool::forward(const Matrix& x, const Pass&, std::span<const Scalar>, std::span<Scalar>) {
  pool(x, m_y);
  return m_y;
}

const Matrix& GlobalAvgPool::backward(const Matrix&, const Matrix& dy, std::span<const Scalar>, std::span<Scalar>,
                                      bool wantInputGradient) {
  if (!wantInputGradient) return m_dx;
  const Index C = inputShape().channels, n = plane();
  m_dx.resize(inputShape().size(), dy.cols());
  for (Index c = 0; c < C; ++c) m_dx.middleRows(c * n, n).rowwise() = dy.row(c) / Scalar(n);
  return m_dx;
}

const Matrix& GlobalAvgPool::infer(const Matrix& x, Matrix& out, std::span<const Scalar>,
                                   std::span<const Scalar>) const {
  pool(x, out);
  return out;
}

// ---- global maximum ----
GlobalMaxPool::GlobalMaxPool(Shape in, const std::string& field) : Layer(in) { refuseTooLargeForArgmax(in, field); }

// x (C·n, B) with n = H·W·T → y (C, B); argmax, when given, the row of x each y came from.
void GlobalMaxPool::pool(const Matrix& x, Matrix& y, std::vector<std::int32_t>* argmax) const {
  const Index C = inputShape().channels, n = plane(), B = x.cols();
  y.resize(C, B);
  if (argmax) argmax->resize(static_cast<std::size_t>(C * B));
  for (Index b = 0; b < B; ++b)
    for (Index c = 0; c < C; ++c) {
      Index at = c * n;
      for (Index r = at + 1; r < (c + 1) * n; ++r)
        if (x(r, b) > x(at, b)) at = r;  // strictly greater: the first of equal values wins
      y(c, b) = x(at, b);
      if (argmax) (*argmax)[static_cast<std::size_t>(b * C + c)] = static_cast<std::int32_t>(at);
    }
}

const Matrix& GlobalMaxPool::forward(const Matrix& x, const Pass&, std::span<const Scalar>, std::span<Scalar>) {
  pool(x, m_y, &m_argmax);
  return m_y;
}

// ∂L/∂x is ∂L/∂y_c at the row y_c came from and 0 elsewhere.
const Matrix& GlobalMaxPool::backward(const Matrix&, const Matrix& dy, std::span<const Scalar>, std::span<Scalar>,
                                      bool wantInputGradient) {
  if (wantInputGradient) scatterToArgmax(dy, m_argmax, inputShape().size(), m_dx);
  return m_dx;
}

const Matrix& GlobalMaxPool::infer(const Matrix& x, Matrix& out, std::span<const Scalar>,
                                   std::span<const Scalar>) const {
  pool(x, out, nullptr);
  return out;
}

}  // namespace dl
