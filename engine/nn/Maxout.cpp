// The maxout layer's passes; the maths is act/Rectifiers.cpp's Maxout.
#include "nn/Maxout.h"

#include "core/Error.h"

namespace dl {

MaxoutLayer::MaxoutLayer(Shape in, int pieces, const std::string& field) : Layer(in), m_max(pieces) {
  if (pieces < 2 || pieces > 16 || in.channels % pieces != 0)
    throw ConfigError(field + ".pieces", std::to_string(pieces),
                      {DL_TRANSLATE_NOOP("dl", "must be between %1 and %2"), {"2", "16"}});
}

Shape MaxoutLayer::outputShape() const {
  Shape s = inputShape();
  s.channels /= m_max.pieces();
  return s;
}

const Matrix& MaxoutLayer::forward(const Matrix& x, const Pass&, std::span<const Scalar>, std::span<Scalar>) {
  m_max.forward(x, m_y, nullptr);
  return m_y;
}

// ∂L/∂x is dy at the piece that attained each maximum, 0 elsewhere.
const Matrix& MaxoutLayer::backward(const Matrix& x, const Matrix& dy, std::span<const Scalar>, std::span<Scalar>,
                                    bool) {
  m_max.backward(x, m_y, dy, m_dx, nullptr, nullptr);
  return m_dx;
}

const Matrix& MaxoutLayer::infer(const Matrix& x, Matrix& out, std::span<const Scalar>, std::span<const Scalar>) const {
  m_max.forward(x, out, nullptr);
  return out;
}

}  // namespace dl
