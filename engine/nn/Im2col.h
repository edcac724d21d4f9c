// im2col and col2im: the unrolling that turns a convolution into one matrix product. Every output
// pixel's receptive window becomes one ROW of a (P, C·kh·kw) block, so the convolution of a batch
// is (B·P, C·kh·kw)·Wᵀ — one deterministic dl::gemm for the whole batch — and the same block
// feeds the weight gradient. Also what the image layers share: their geometry from a LayerSpec
// and the per-sample loop.
#pragma once

#include "core/Parallel.h"
#include "core/Types.h"
#include "nn/ConvArithmetic.h"
#include "nn/Layer.h"

#include <cstdint>
#include <string>
#include <vector>

namespace dl {

// The unrolling of one geometry. im2col: image is one sample, (channels, height, width) at
// ((c·H + y)·W + x); cols is column r = (c·kh + i)·kw + j of a column-major matrix with leading
// dimension ld (>= P), starting at this sample's first row, and its entry p = oy·outW + ox becomes
// image(c, oy·sh − ph + i·dh, ox·sw − pw + j·dw), +0 in the padding. col2im is the adjoint:
// image(c, y, x) += every cols entry im2col would have copied from it, in the order (r, p).
//
// Both go through a per-thread copy of the image with a border of zeros as wide as the padding:
// every row of an unrolled column is then a plain copy (or a plain sum) with no bounds to test.
// col2im adds into the copy starting from the image's values, so its sums are the ones a direct
// walk with bounds tests makes, bit for bit (tst_conv keeps that walk as the reference). On a
// batch of 64 on this project's AVX2 machine: 61 µs against 136 µs for the walk with 4-pixel
// output rows, 207 against 377 µs with 28, 316 against 635 µs for LeNet's second convolution.
class Unrolling {
 public:
  explicit Unrolling(const ConvGeometry& g) : m_g(g) {}
  void im2col(const Scalar* image, Scalar* cols, Index ld) const;
  void col2im(const Scalar* cols, Index ld, Scalar* image) const;

 private:
  // Copies the image into the per-thread padded scratch (zeros around it) and returns it.
  Scalar* padded(const Scalar* image) const;
  ConvGeometry m_g;
};

// One image (channels × height × width) copied into buf with a border of zeros: ph rows above and
// below, pw columns on the left, each row rowLength values long (at least width + 2pw; zeros to the
// right of the image), then `slack` more zeros. Returns buf.data(). The unrolling and the direct
// convolution (nn/DirectConv.h) both read their windows from such a copy.
Scalar* zeroBordered(const ConvGeometry& g, const Scalar* image, Index rowLength, Index slack, std::vector<Scalar>& buf);

// The window of a conv or pooling layer on input `in` ({C, H, W, 1}): spec.kernel (× kernelWidth),
// spec.stride (0: defaultStride), spec.padding, spec.dilation. Throws ConfigError naming the field.
ConvGeometry specGeometry(const Shape& in, const LayerSpec& spec, Index defaultStride, const std::string& field);

// Below this many values in the whole batch a per-sample loop runs on one thread: starting a
// parallel region costs microseconds, more than the work (the 8×8 digits CNN, config E, ran at
// 2,986 steps/s on two threads against 4,908 on one when every loop was split).
inline constexpr Index kMinParallelValues = Index(1) << 16;

// f(b) for every sample b, split across the engine's threads when the batch holds at least
// kMinParallelValues values (`valuesPerSample` each: what f reads or writes), serially inside a
// parallel region. Each call must write only sample b's data, so the results do not depend on the
// thread count.
template <typename F>
void forEachSample(Index batch, Index valuesPerSample, F&& f) {
  const int threads = inParallelRegion() ? 1 : threadCount();
  const bool split = threads > 1 && batch > 1 && batch * valuesPerSample >= kMinParallelValues;
#pragma omp parallel for num_threads(threads) schedule(static) if (split)
  for (Index b = 0; b < batch; ++b) f(b);
}

}  // namespace dl
