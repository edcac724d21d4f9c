// Convolution arithmetic without any layer: output sizes, the geometry a convolution or pooling
// layer works on, receptive fields of a stack, which input pixels an output sees (the "gridding"
// of stacked dilated convolutions), parameter counts and multiply-adds. The CNN lab's notes and
// the layers (nn/Conv2d.h, nn/Pool2d.h, ...) use the same formulas.
#pragma once

#include "core/Types.h"

#include <string>
#include <vector>

namespace dl {

// Output length of a convolution or pooling along one axis: ⌊(n + 2p − d(k−1) − 1)/s⌋ + 1.
// Sizes that do not divide round down (the last input values are then not all seen); the result
// is <= 0 when the dilated kernel does not fit the padded input.
Index convOutputSize(Index n, Index kernel, Index stride, Index padding, Index dilation);
// Output length of a transposed convolution: (n − 1)·s − 2p + d(k − 1) + 1 (output padding 0).
Index convTransposeOutputSize(Index n, Index kernel, Index stride, Index padding, Index dilation);

// What a 2-d convolution or pooling window slides over: a (channels, height, width) image, a
// kh×kw kernel with stride, zero padding and dilation per axis, and the output size that follows.
struct ConvGeometry {
  Index channels = 1, height = 1, width = 1;
  Index kh = 1, kw = 1, sh = 1, sw = 1, ph = 0, pw = 0, dh = 1, dw = 1;
  Index outH = 1, outW = 1;  // set by withOutputSize()
  ConvGeometry& withOutputSize();
  Index positions() const { return outH * outW; }     // P: output pixels per channel
  Index patch() const { return channels * kh * kw; }  // values in one receptive window
};

// The padding value meaning "same": d(k−1)/2 on each side (LayerSpec::kSamePadding).
inline constexpr Index kSamePaddingValue = -1;

// Validates a layer's kernel, stride, padding, dilation and the output size they give, naming the
// field ("layers[2].kernel", ".stride", ".padding", ".dilation", ".output") and the value in a
// ConfigError. padding may be kSamePaddingValue (odd dilated kernels only). Returns the geometry
// with its output size.
ConvGeometry checkedGeometry(Index channels, Index height, Index width, Index kh, Index kw, Index stride, Index padding,
                             Index dilation, const std::string& field);

// ---- stacks of layers, one axis (square kernels) ----
struct ConvStage {
  Index kernel = 3, stride = 1, dilation = 1, padding = 0;
};
// The input length one output value depends on: r = 1 + Σ_l d_l(k_l − 1)·Π_{m<l} s_m.
Index receptiveField(const std::vector<ConvStage>& stack);
// For one output value, how many paths lead to it from each input position of its receptive field
// (length receptiveField(stack), leftmost first): 0 marks an input value inside the field that the
// output never sees. Dilations 2, 2, 2 of 3-tap kernels leave every odd offset at 0 (gridding, Wang
// et al. 2018, "Understanding Convolution for Semantic Segmentation"); 1, 2, 5 leave none.
std::vector<Index> pathCounts(const std::vector<ConvStage>& stack);
// Input positions inside the receptive field that no path reaches.
Index gridHoles(const std::vector<ConvStage>& stack);
// Which of an input row of length n the output at index `output` of the stack depends on
// (padding included: positions outside the row are dropped).
std::vector<bool> influence(Index n, const std::vector<ConvStage>& stack, Index output);

// ---- cost of one conv2d layer ----
// Weights out·(in/groups)·kh·kw, plus out biases.
Index convParameters(Index in, Index out, Index kh, Index kw, Index groups, bool bias);
// Multiply-adds of one sample: outH·outW·out·(in/groups)·kh·kw. FLOPs are twice that.
double convMultiplyAdds(Index in, Index out, Index kh, Index kw, Index groups, Index outH, Index outW);

}  // namespace dl
