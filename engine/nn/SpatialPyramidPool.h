// Spatial pyramid pooling (He, Zhang, Ren & Sun 2014, "Spatial Pyramid Pooling in Deep
// Convolutional Networks for Visual Recognition"): for each level n of the pyramid, max pooling of
// every channel into n×n bins whose edges follow the image, rows ⌊i·H/n⌋ .. ⌈(i+1)·H/n⌉ − 1 (and
// the same for columns), so the output has C·Σn² values WHATEVER the input size — a dense layer
// can follow images of any size. Input {C, H, W, 1}; output {C·Σn²}: level by level, then
// channel, bin row, bin column.
#pragma once

#include "nn/Layer.h"

#include <vector>

namespace dl {

class SpatialPyramidPool final : public Layer {
public:
  // bins empty: {1, 2, 4}. Throws ConfigError naming field + ".bins" for a level < 1 and
  // field + ".input" for an input that is not an image.
  SpatialPyramidPool(Shape in, std::vector<Index> bins, const std::string& field);
  const char* kind() const override { return "spp"; }
  Shape outputShape() const override;
  // C·Σn² for C channels and these levels, for any input size.
  static Index outputSize(Index channels, const std::vector<Index>& bins);

  const Matrix& forward(const Matrix& x, const Pass& pass, std::span<const Scalar> params,
                        std::span<Scalar> buffers) override;
  const Matrix& backward(const Matrix& x, const Matrix& dy, std::span<const Scalar> params, std::span<Scalar> grads,
                         bool wantInputGradient) override;
  const Matrix& infer(const Matrix& x, Matrix& out, std::span<const Scalar> params,
                      std::span<const Scalar> buffers) const override;

private:
  void pool(const Matrix& x, Matrix& y, std::vector<Index>* argmax) const;

  std::vector<Index> m_bins;
  Matrix m_y, m_dx;
  std::vector<Index> m_argmax;  // (out rows · B): the input row each output took its value from
};

}  // namespace dl
