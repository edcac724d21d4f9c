// The direct convolution: each output row computed from the zero-bordered image with SIMD
// multiply-adds, no unrolled matrix. For the layers im2col serves worst: few values per receptive
// window (a first layer on grey or colour images: 1×5×5, 3×3×3), where the unrolled block is as
// wide as the window and the product is too skinny for the GEMM kernels. On Fashion-MNIST's
// LeNet-5 (6@5×5 on 28×28, batch 64) the first convolution's forward and weight-gradient products
// ran at 3–5 GMAC/s through im2col + GEMM, against 8 for the second one's.
//
// The sums: each output is Σ over the window in the order (c, i, j), from 0, then + bias; each
// weight gradient is Σ over samples in blocks of kSampleBlock (a fixed split, whatever the thread
// count), each block's samples in order, each sample's positions in SIMD lanes then reduced. So 1
// and 2 threads give bitwise identical results. They are not the GEMM path's bits (its sums run in
// other orders); tst_conv compares the two to rounding.
#pragma once

#include "core/Types.h"
#include "nn/ConvArithmetic.h"

namespace dl {

// Whether Conv2d takes the direct path: stride 1, one group, at most kMaxDirectPatch values in
// a receptive window.
inline constexpr Index kMaxDirectPatch = 32;
bool directConvolution(const ConvGeometry& g, Index groups);

// The input gradient of a stride-1 convolution with one group is itself such a convolution, of dy:
// dx(c, y, x) = Σ_o Σ_i Σ_j W(o, c, kh−1−i, kw−1−j)·dy'(o, y + i·dh, x + j·dw), with dy' = dy in
// a zero border of d(k−1) − p. Conv2d computes it that way when the border is not negative and
// the input rows fill at least three quarters of 8-value SIMD vectors (LeNet-5's second layer: 14
// of 16 lanes; its 6×14×14 input gradient from 16 channels of 5×5 ran as a (6400, 16)·(16, 150)
// product, a 3.8 MB zero fill and col2im).
bool directInputGradient(const ConvGeometry& g, Index groups);
// That convolution's geometry: input out × outH × outW, output g's channels × height × width.
ConvGeometry inputGradientGeometry(const ConvGeometry& g, Index out);
// Its weights (C, out·kh·kw) column-major from W (out, C·kh·kw): channels swapped, kernel flipped.
void flipKernel(const ConvGeometry& g, Index out, const Scalar* W, Scalar* flipped);

class DirectConv {
 public:
  static constexpr Index kSampleBlock = 16;
  DirectConv(const ConvGeometry& g, Index out) : m_g(g), m_out(out) {}

  // y (out·P, B) = conv(x (C·H·W, B)) with W (out, C·kh·kw) column-major as Conv2d keeps it, plus
  // bias[o] when bias is not null.
  void forward(const Matrix& x, Matrix& y, const Scalar* W, const Scalar* bias) const;
  // gW (out, C·kh·kw) column-major = ∂L/∂W, and gb (out) = ∂L/∂b when not null, from the input x
  // of forward() and dy (out·P, B).
  void weightGradient(const Matrix& x, const Matrix& dy, Scalar* gW, Scalar* gb) const;

 private:
  ConvGeometry m_g;
  Index m_out;
};

}  // namespace dl
