// ReLU, leaky ReLU, PReLU, ELU, SELU and maxout: forward and backward side by side.
#include "act/Rectifiers.h"

#include <bit>
#include <cmath>
#include <cstdint>
#include <type_traits>

namespace dl {

namespace {
double fractionNotPositive(const Matrix& Z) {
  if (Z.size() == 0) return 0.0;
  return static_cast<double>((Z.array() <= Scalar(0)).count()) / static_cast<double>(Z.size());
}

// The rule of every activation: saturated where the derivative is below 5% of its maximum (1 for
// the rectifiers). For z ≤ 0 a rectifier's derivative is its leak: ReLU's 0 and a 0.01 leak count,
// a 0.2 leak passes a fifth of the gradient and does not (the leaky preset showed 88% "saturated"
// units beside its lesson, "no dead units").
constexpr Scalar kSaturatedSlope = Scalar(0.05);
}  // namespace

// f(z) = z > 0 ? z : s·z;  f'(z) = z > 0 ? 1 : s
void Relu::forward(const Matrix& Z, Matrix& A, const Scalar*) const {
  A.resize(Z.rows(), Z.cols());
  if (m_slope == 0)
    A.array() = Z.array().max(Scalar(0));
  else
    A.array() = (Z.array() > Scalar(0)).select(Z.array(), m_slope * Z.array());
}
void Relu::backward(const Matrix& Z, const Matrix&, const Matrix& dA, Matrix& dZ, const Scalar*, Scalar*) const {
  dZ.resize(Z.rows(), Z.cols());
  // dZ = (z > 0 ? dA : s·dA), both sides computed and blended by a bit mask so that the compiler
  // vectorises it (Eigen 3.4's select, and a plain ?:, compile to a branch per value, mispredicted
  // half the time on a ReLU's signs: 18% of a small CNN's step).
  const Scalar s = m_slope;
  const Scalar* __restrict z = Z.data();
  const Scalar* __restrict da = dA.data();
  Scalar* __restrict dz = dZ.data();
  const Index n = Z.size();
  using Bits = std::conditional_t<sizeof(Scalar) == 4, std::uint32_t, std::uint64_t>;
  for (Index i = 0; i < n; ++i) {
    const Scalar g = da[i], leaked = s * g;
    const Bits keep = Bits(0) - Bits(z[i] > Scalar(0));  // all ones where z > 0
    dz[i] = std::bit_cast<Scalar>((std::bit_cast<Bits>(g) & keep) | (std::bit_cast<Bits>(leaked) & ~keep));
  }
}
double Relu::saturation(const Matrix& Z, const Matrix&, const Scalar*) const {
  return std::abs(m_slope) < kSaturatedSlope ? fractionNotPositive(Z) : 0.0;
}

void PRelu::initParams(Scalar* params, Index units) const { VectorMap(params, units).setConstant(m_initialSlope); }
// f(z) = z > 0 ? z : a_u·z;  ∂f/∂z = z > 0 ? 1 : a_u;  ∂f/∂a_u = min(z, 0)
void PRelu::forward(const Matrix& Z, Matrix& A, const Scalar* params) const {
  const ConstVectorMap a(params, Z.rows());
  A.resize(Z.rows(), Z.cols());
  A.array() = (Z.array() > Scalar(0)).select(Z.array(), Z.array().colwise() * a.array());
}
void PRelu::backward(const Matrix& Z, const Matrix&, const Matrix& dA, Matrix& dZ, const Scalar* params,
                     Scalar* gradParams) const {
  const ConstVectorMap a(params, Z.rows());
  VectorMap ga(gradParams, Z.rows());
  dZ.resize(Z.rows(), Z.cols());
  dZ.array() = (Z.array() > Scalar(0)).select(dA.array(), dA.array().colwise() * a.array());
  ga += (dA.array() * Z.array().min(Scalar(0))).rowwise().sum().matrix();
}
// Per unit: its learned slope decides whether its z ≤ 0 side is saturated.
double PRelu::saturation(const Matrix& Z, const Matrix&, const Scalar* params) const {
  if (Z.size() == 0) return 0.0;
  const ConstVectorMap a(params, Z.rows());
  Index count = 0;
  for (Index u = 0; u < Z.rows(); ++u)
    if (std::abs(a(u)) < kSaturatedSlope) count += (Z.row(u).array() <= Scalar(0)).count();
  return static_cast<double>(count) / static_cast<double>(Z.size());
}

// f(z) = λ·(z > 0 ? z : α(eᶻ − 1));  f'(z) = z > 0 ? λ : λαeᶻ = f(z) + λα
void Elu::forward(const Matrix& Z, Matrix& A, const Scalar*) const {
  A.resize(Z.rows(), Z.cols());
  A.array() =
      m_scale * (Z.array() > Scalar(0)).select(Z.array(), m_alpha * (Z.array().min(Scalar(0)).exp() - Scalar(1)));
}
void Elu::backward(const Matrix& Z, const Matrix& A, const Matrix& dA, Matrix& dZ, const Scalar*, Scalar*) const {
  dZ.resize(Z.rows(), Z.cols());
  dZ.array() = (Z.array() > Scalar(0)).select(m_scale * dA.array(), dA.array() * (A.array() + m_scale * m_alpha));
}
// The derivative's maximum is max(λ, λα); saturated where λαeᶻ < 5% of it (only for z < 0).
double Elu::saturation(const Matrix& Z, const Matrix&, const Scalar*) const {
  if (Z.size() == 0) return 0.0;
  const double peak = std::max(1.0, static_cast<double>(m_alpha));
  const auto threshold = static_cast<Scalar>(std::log(0.05 * peak / static_cast<double>(m_alpha)));
  return static_cast<double>((Z.array() < threshold).count()) / static_cast<double>(Z.size());
}

// a_u = max_j z_{j·U+u};  ∂a_u/∂z_{j·U+u} = 1 for the first j that attains the max, else 0
void Maxout::forward(const Matrix& Z, Matrix& A, const Scalar*) const {
  const Index units = Z.rows() / m_pieces;
  A = Z.topRows(units);
  for (Index j = 1; j < m_pieces; ++j) A.array() = A.array().max(Z.middleRows(j * units, units).array());
}
void Maxout::backward(const Matrix& Z, const Matrix& A, const Matrix& dA, Matrix& dZ, const Scalar*, Scalar*) const {
  const Index units = A.rows();
  dZ.resize(Z.rows(), Z.cols());
  dZ.setZero();
  for (Index b = 0; b < Z.cols(); ++b)
    for (Index u = 0; u < units; ++u)
      for (Index j = 0; j < m_pieces; ++j)
        if (Z(j * units + u, b) == A(u, b)) {
          dZ(j * units + u, b) = dA(u, b);
          break;
        }
}
double Maxout::saturation(const Matrix&, const Matrix&, const Scalar*) const { return 0.0; }

}  // namespace dl
