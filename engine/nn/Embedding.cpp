// The embedding's passes. Shapes: x (T, B) ids; E (D, V); y (D·T, B) with y(d·T + t, b) = E(d, x(t, b)).
#include "nn/Embedding.h"

#include "core/Error.h"
#include "init/Initializer.h"

#include <cmath>

namespace dl {

Embedding::Embedding(Shape in, const LayerSpec& spec, const std::string& field)
    : Layer(in), m_dim(spec.units), m_vocabulary(spec.vocabulary), m_field(field) {
  if (m_dim < 1)
    throw ConfigError(field + ".units", std::to_string(m_dim), {DL_TRANSLATE_NOOP("dl", "must be >= %1"), {"1"}});
  if (m_vocabulary < 1)
    throw ConfigError(field + ".vocabulary", std::to_string(m_vocabulary),
                      {DL_TRANSLATE_NOOP("dl", "must be >= %1"), {"1"}});
}

void Embedding::initialize(const InitConfig& init, Rng& rng, std::span<Scalar> params, std::span<Scalar>) const {
  initializeWeights(init, MatrixMap(params.data(), m_dim, m_vocabulary), rng);
}

Index Embedding::tokenAt(const Matrix& x, Index t, Index b) const {
  const double v = static_cast<double>(x(t, b));
  if (!(v >= 0 && v < static_cast<double>(m_vocabulary) && v == std::floor(v)))
    throw ConfigError(m_field + ".input", formatValue(v),
                      {DL_TRANSLATE_NOOP("dl", "'%1' is not a whole number from %2 to %3"),
                       {formatValue(v), "0", std::to_string(m_vocabulary - 1)}});
  return static_cast<Index>(v);
}

// y(d·T + t, b) = E(d, x(t, b))
void Embedding::lookup(const Matrix& x, Matrix& y, std::span<const Scalar> params) const {
  const Index T = inputShape().size(), B = x.cols();
  const ConstMatrixMap E(params.data(), m_dim, m_vocabulary);
  y.resize(m_dim * T, B);
  for (Index b = 0; b < B; ++b)
    for (Index t = 0; t < T; ++t) {
      const Index v = tokenAt(x, t, b);
      for (Index d = 0; d < m_dim; ++d) y(d * T + t, b) = E(d, v);
    }
}

const Matrix& Embedding::forward(const Matrix& x, const Pass&, std::span<const Scalar> params, std::span<Scalar>) {
  lookup(x, m_y, params);
  return m_y;
}

// ∂E(:, v) = Σ over the (t, b) with x(t, b) = v of dy(d·T + t, b), summed in the order b, t (one
// thread: the sums then never depend on the thread count). dx = 0: ids are not differentiable.
const Matrix& Embedding::backward(const Matrix& x, const Matrix& dy, std::span<const Scalar>, std::span<Scalar> grads,
                                  bool wantInputGradient) {
  const Index T = inputShape().size(), B = dy.cols();
  MatrixMap gE(grads.data(), m_dim, m_vocabulary);
  gE.setZero();
  for (Index b = 0; b < B; ++b)
    for (Index t = 0; t < T; ++t) {
      const Index v = tokenAt(x, t, b);
      for (Index d = 0; d < m_dim; ++d) gE(d, v) += dy(d * T + t, b);
    }
  if (wantInputGradient) m_dx.setZero(T, B);
  return m_dx;
}

const Matrix& Embedding::infer(const Matrix& x, Matrix& out, std::span<const Scalar> params,
                               std::span<const Scalar>) const {
  lookup(x, out, params);
  return out;
}

}  // namespace dl
