// Convolution arithmetic; see ConvArithmetic.h.
#include "nn/ConvArithmetic.h"

#include "core/Error.h"

#include <algorithm>

namespace dl {

namespace {
// ⌊a/b⌋ for b > 0 and any a (C++ division truncates toward zero).
Index floorDiv(Index a, Index b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }
}  // namespace

Index convOutputSize(Index n, Index kernel, Index stride, Index padding, Index dilation) {
  return floorDiv(n + 2 * padding - dilation * (kernel - 1) - 1, stride) + 1;
}

Index convTransposeOutputSize(Index n, Index kernel, Index stride, Index padding, Index dilation) {
  return (n - 1) * stride - 2 * padding + dilation * (kernel - 1) + 1;
}

ConvGeometry& ConvGeometry::withOutputSize() {
  outH = convOutputSize(height, kh, sh, ph, dh);
  outW = convOutputSize(width, kw, sw, pw, dw);
  return *this;
}

ConvGeometry checkedGeometry(Index channels, Index height, Index width, Index kh, Index kw, Index stride, Index padding,
                             Index dilation, const std::string& field) {
  const auto atLeast = [&](const char* name, Index v, Index min) {
    if (v < min)
      throw ConfigError(field + "." + name, std::to_string(v),
                        {DL_TRANSLATE_NOOP("dl", "must be >= %1"), {std::to_string(min)}});
  };
  atLeast("kernel", kh, 1);
  atLeast("kernelWidth", kw, 1);
  atLeast("stride", stride, 1);
  atLeast("dilation", dilation, 1);
  if (padding != kSamePaddingValue) atLeast("padding", padding, 0);
  // "Same": d(k−1)/2 zeros on each side keep the size at stride 1; an even dilated kernel
  // would need one more zero on one side than the other, which this layer does not do.
  const auto same = [&](Index k) {
    if (dilation * (k - 1) % 2 != 0)
      throw ConfigError(
          field + ".padding", "same",
          {DL_TRANSLATE_NOOP("dl", "\"same\" padding needs an odd kernel size, not %1"), {std::to_string(k)}});
    return dilation * (k - 1) / 2;
  };
  if (channels < 1 || height < 1 || width < 1)
    throw ConfigError(field + ".input",
                      std::to_string(channels) + "×" + std::to_string(height) + "×" + std::to_string(width),
                      DL_TRANSLATE_NOOP("dl", "the layer needs an image input (channels × height × width)"));
  ConvGeometry g;
  g.channels = channels;
  g.height = height;
  g.width = width;
  g.kh = kh;
  g.kw = kw;
  g.sh = g.sw = stride;
  g.ph = padding == kSamePaddingValue ? same(kh) : padding;
  g.pw = padding == kSamePaddingValue ? same(kw) : padding;
  g.dh = g.dw = dilation;
  g.withOutputSize();
  if (g.outH < 1 || g.outW < 1)
    throw ConfigError(field + ".output", std::to_string(g.outH) + "×" + std::to_string(g.outW),
                      {DL_TRANSLATE_NOOP("dl", "the kernel does not fit the %1 input (output size < 1)"),
                       {std::to_string(height) + "×" + std::to_string(width)}});
  return g;
}

// r_l = r_{l−1} + d_l(k_l − 1)·j_{l−1}, with the jump j (input distance between neighbouring
// values of layer l's output) the product of the strides so far.
Index receptiveField(const std::vector<ConvStage>& stack) {
  Index r = 1, jump = 1;
  for (const ConvStage& s : stack) {
    r += s.dilation * (s.kernel - 1) * jump;
    jump *= s.stride;
  }
  return r;
}

// Back from the one output: the paths to each value of the layer below are the paths of the
// values above it summed over the taps that read it, walking down the stack.
std::vector<Index> pathCounts(const std::vector<ConvStage>& stack) {
  std::vector<Index> counts{1};  // one output value
  for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
    const Index span = (static_cast<Index>(counts.size()) - 1) * it->stride + it->dilation * (it->kernel - 1) + 1;
    std::vector<Index> below(static_cast<std::size_t>(span), 0);
    for (std::size_t o = 0; o < counts.size(); ++o)
      for (Index i = 0; i < it->kernel; ++i)
        below[static_cast<std::size_t>(static_cast<Index>(o) * it->stride + i * it->dilation)] += counts[o];
    counts = std::move(below);
  }
  return counts;
}

Index gridHoles(const std::vector<ConvStage>& stack) {
  const std::vector<Index> c = pathCounts(stack);
  return static_cast<Index>(std::count(c.begin(), c.end(), Index(0)));
}

std::vector<bool> influence(Index n, const std::vector<ConvStage>& stack, Index output) {
  // Lengths of each layer's input, going up.
  std::vector<Index> lengths{n};
  for (const ConvStage& s : stack)
    lengths.push_back(convOutputSize(lengths.back(), s.kernel, s.stride, s.padding, s.dilation));
  std::vector<bool> seen(static_cast<std::size_t>(std::max<Index>(lengths.back(), 0)), false);
  if (output < 0 || output >= lengths.back()) return std::vector<bool>(static_cast<std::size_t>(n), false);
  seen[static_cast<std::size_t>(output)] = true;
  for (std::size_t l = stack.size(); l-- > 0;) {
    const ConvStage& s = stack[l];
    std::vector<bool> below(static_cast<std::size_t>(lengths[l]), false);
    for (Index o = 0; o < static_cast<Index>(seen.size()); ++o) {
      if (!seen[static_cast<std::size_t>(o)]) continue;
      for (Index i = 0; i < s.kernel; ++i) {
        const Index at = o * s.stride - s.padding + i * s.dilation;
        if (at >= 0 && at < lengths[l]) below[static_cast<std::size_t>(at)] = true;
      }
    }
    seen = std::move(below);
  }
  return seen;
}

Index convParameters(Index in, Index out, Index kh, Index kw, Index groups, bool bias) {
  return out * (in / groups) * kh * kw + (bias ? out : 0);
}

double convMultiplyAdds(Index in, Index out, Index kh, Index kw, Index groups, Index outH, Index outW) {
  return static_cast<double>(outH) * static_cast<double>(outW) * static_cast<double>(out) *
         static_cast<double>(in / groups) * static_cast<double>(kh * kw);
}

}  // namespace dl
