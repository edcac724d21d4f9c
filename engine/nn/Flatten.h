// Flatten: {C, H, W, T} → {C·H·W·T}. A column already holds the values in that order, so the layer
// only changes the shape the next layer sees: it passes x and dy through untouched.
#pragma once

#include "nn/Layer.h"

namespace dl {

class Flatten final : public Layer {
public:
  explicit Flatten(Shape in) : Layer(in) {}
  const char* kind() const override { return "flatten"; }
  Shape outputShape() const override { return Shape::flat(inputShape().size()); }

  // y = x
  const Matrix& forward(const Matrix& x, const Pass&, std::span<const Scalar>, std::span<Scalar>) override { return x; }
  // dx = dy
  const Matrix& backward(const Matrix&, const Matrix& dy, std::span<const Scalar>, std::span<Scalar>, bool) override {
    return dy;
  }
  const Matrix& infer(const Matrix& x, Matrix&, std::span<const Scalar>, std::span<const Scalar>) const override {
    return x;
  }
};

}  // namespace dl
