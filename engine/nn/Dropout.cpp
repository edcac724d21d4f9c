// Dropout's passes: y = x⊙m and dx = dy⊙m with the mask m of the training pass.
#include "nn/Dropout.h"

#include "core/Error.h"

#include <cmath>

namespace dl {

Dropout::Dropout(Shape in, double rate, const std::string& field) : Layer(in) { setRate(rate, field); }

void Dropout::setRate(double rate, const std::string& field) {
  if (!std::isfinite(rate) || rate < 0 || rate >= 1)
    throw ConfigError(field + ".dropout", formatValue(rate),
                      {DL_TRANSLATE_NOOP("dl", "the dropout rate must be in %1"), {"[0, 1)"}});
  m_rate = rate;
}

const Matrix& Dropout::forward(const Matrix& x, const Pass& pass, std::span<const Scalar>, std::span<Scalar>) {
  m_dropped = pass.mode == Mode::Train && m_rate > 0;
  if (!m_dropped) return x;
  const bool reuse = pass.freezeMasks && m_mask.rows() == x.rows() && m_mask.cols() == x.cols();
  if (!reuse) {
    const double keep = 1.0 - m_rate;
    const auto scale = static_cast<Scalar>(1.0 / keep);
    m_mask.resize(x.rows(), x.cols());
    Rng& rng = *pass.rng;
    Scalar* mask = m_mask.data();
    for (Index i = 0, n = m_mask.size(); i < n; ++i) mask[i] = rng.uniform() < keep ? scale : Scalar(0);
  }
  m_y.resize(x.rows(), x.cols());
  m_y.array() = x.array() * m_mask.array();
  return m_y;
}

const Matrix& Dropout::backward(const Matrix&, const Matrix& dy, std::span<const Scalar>, std::span<Scalar>, bool) {
  if (!m_dropped) return dy;
  m_dx.resize(dy.rows(), dy.cols());
  m_dx.array() = dy.array() * m_mask.array();
  return m_dx;
}

const Matrix& Dropout::infer(const Matrix& x, Matrix&, std::span<const Scalar>, std::span<const Scalar>) const {
  return x;
}

}  // namespace dl
