// Pooling of images, channel by channel, without parameters: max and average over k×k windows
// (stride default k, padding 0; sizes that do not divide drop the last rows and columns), and the
// global average and maximum of each channel. Input {C, H, W, 1}; output {C, outH, outW, 1}, or
// {C, 1, 1, 1}. The global ones take any {C, H, W, T}: on a sequence {C, 1, 1, T} the maximum is
// max-over-time pooling (Collobert et al. 2011; Kim 2014), the strongest match of each filter
// wherever in the sequence it is.
#pragma once

#include "nn/ConvArithmetic.h"
#include "nn/Layer.h"

#include <cstdint>
#include <vector>

namespace dl {

// y = the largest value of each window; the gradient goes to that value alone (the first one
// when several are equal).
class MaxPool2d final : public Layer {
public:
  // Throws ConfigError naming field + ".kernel", ".stride", ".input" or ".output".
  MaxPool2d(Shape in, const LayerSpec& spec, const std::string& field);
  const char* kind() const override { return "max_pool2d"; }
  Shape outputShape() const override { return {m_g.channels, m_g.outH, m_g.outW, 1}; }

  const Matrix& forward(const Matrix& x, const Pass& pass, std::span<const Scalar> params,
                        std::span<Scalar> buffers) override;
  const Matrix& backward(const Matrix& x, const Matrix& dy, std::span<const Scalar> params, std::span<Scalar> grads,
                         bool wantInputGradient) override;
  const Matrix& infer(const Matrix& x, Matrix& out, std::span<const Scalar> params,
                      std::span<const Scalar> buffers) const override;
  const ConvGeometry& geometry() const { return m_g; }

private:
  void pool(const Matrix& x, Matrix& y, std::vector<std::int32_t>* argmax) const;

  ConvGeometry m_g;
  Matrix m_y, m_dx;
  // (out rows · B): the input row each output took its value from (32 bits: the same lanes as the
  // floats, so the 2×2 pooling vectorises; the constructor refuses inputs of 2³¹ values or more)
  std::vector<std::int32_t> m_argmax;
};

// y = the mean of each window (every window lies inside the image: no padding).
class AvgPool2d final : public Layer {
public:
  AvgPool2d(Shape in, const LayerSpec& spec, const std::string& field);
  const char* kind() const override { return "avg_pool2d"; }
  Shape outputShape() const override { return {m_g.channels, m_g.outH, m_g.outW, 1}; }

  const Matrix& forward(const Matrix& x, const Pass& pass, std::span<const Scalar> params,
                        std::span<Scalar> buffers) override;
  const Matrix& backward(const Matrix& x, const Matrix& dy, std::span<const Scalar> params, std::span<Scalar> grads,
                         bool wantInputGradient) override;
  const Matrix& infer(const Matrix& x, Matrix& out, std::span<const Scalar> params,
                      std::span<const Scalar> buffers) const override;

private:
  void pool(const Matrix& x, Matrix& y) const;

  ConvGeometry m_g;
  Matrix m_y, m_dx;
};

// y_c = the mean of channel c over all its H·W·T values: {C, ...} → {C, 1, 1, 1}.
class GlobalAvgPool final : public Layer {
public:
  explicit GlobalAvgPool(Shape in) : Layer(in) {}
  const char* kind() const override { return "global_avg_pool"; }
  Shape outputShape() const override { return Shape::flat(inputShape().channels); }

  const Matrix& forward(const Matrix& x, const Pass& pass, std::span<const Scalar> params,
                        std::span<Scalar> buffers) override;
  const Matrix& backward(const Matrix& x, const Matrix& dy, std::span<const Scalar> params, std::span<Scalar> grads,
                         bool wantInputGradient) override;
  const Matrix& infer(const Matrix& x, Matrix& out, std::span<const Scalar> params,
                      std::span<const Scalar> buffers) const override;

private:
  void pool(const Matrix& x, Matrix& y) const;
  Index plane() const { return inputShape().size() / inputShape().channels; }

  Matrix m_y, m_dx;
};

// y_c = the largest of channel c's H·W·T values: {C, ...} → {C, 1, 1, 1}. The gradient goes to
// that value alone, the first one (lowest row) when several are equal.
class GlobalMaxPool final : public Layer {
public:
  // Throws ConfigError naming field + ".input" for an input of 2³¹ values or more.
  GlobalMaxPool(Shape in, const std::string& field);
  const char* kind() const override { return "global_max_pool"; }
  Shape outputShape() const override { return Shape::flat(inputShape().channels); }

  const Matrix& forward(const Matrix& x, const Pass& pass, std::span<const Scalar> params,
                        std::span<Scalar> buffers) override;
  const Matrix& backward(const Matrix& x, const Matrix& dy, std::span<const Scalar> params, std::span<Scalar> grads,
                         bool wantInputGradient) override;
  const Matrix& infer(const Matrix& x, Matrix& out, std::span<const Scalar> params,
                      std::span<const Scalar> buffers) const override;

private:
  void pool(const Matrix& x, Matrix& y, std::vector<std::int32_t>* argmax) const;
  Index plane() const { return inputShape().size() / inputShape().channels; }

  Matrix m_y, m_dx;
  std::vector<std::int32_t> m_argmax;  // (C · B): the input row each output took its value from
};

}  // namespace dl
