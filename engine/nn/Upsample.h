// Upsampling of images by an integer factor s: {C, H, W, 1} → {C, s·H, s·W, 1}, without
// parameters. "nearest" copies each value into an s×s block; "bilinear" interpolates between the
// four nearest input pixels with PyTorch's align_corners = false convention: output pixel o sits
// at input coordinate max(0, (o + ½)/s − ½), and the last row and column repeat at the border.
#pragma once

#include "nn/Layer.h"

#include <vector>

namespace dl {

class Upsample final : public Layer {
public:
  // mode "" or "nearest", or "bilinear". Throws ConfigError naming field + ".scale", ".mode" or ".input".
  Upsample(Shape in, Index scale, const std::string& mode, const std::string& field);
  const char* kind() const override { return "upsample"; }
  Shape outputShape() const override;

  const Matrix& forward(const Matrix& x, const Pass& pass, std::span<const Scalar> params,
                        std::span<Scalar> buffers) override;
  const Matrix& backward(const Matrix& x, const Matrix& dy, std::span<const Scalar> params, std::span<Scalar> grads,
                         bool wantInputGradient) override;
  const Matrix& infer(const Matrix& x, Matrix& out, std::span<const Scalar> params,
                      std::span<const Scalar> buffers) const override;

private:
  // Along one axis, output index o reads input i0 with weight w0 and i1 with weight w1.
  struct Tap {
    Index i0 = 0, i1 = 0;
    Scalar w0 = 1, w1 = 0;
  };
  std::vector<Tap> taps(Index n) const;
  void upsample(const Matrix& x, Matrix& y) const;

  Index m_scale;
  bool m_bilinear;
  std::vector<Tap> m_rows, m_cols;  // per output row, per output column
  Matrix m_y, m_dx;
};

}  // namespace dl
