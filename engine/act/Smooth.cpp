// Smooth squashing activations: sigmoid and tanh, whose derivatives vanish at both ends —
// the root of the vanishing-gradient picture.
#include "act/Smooth.h"

namespace dl {

// σ(z) = 1/(1+e^−z);  σ'(z) = σ(1−σ) ≤ 1/4
void Sigmoid::forward(const Matrix& Z, Matrix& A, const Scalar*) const {
  A.resize(Z.rows(), Z.cols());
  A.array() = (Scalar(1) + (-Z.array()).exp()).inverse();
}
void Sigmoid::backward(const Matrix&, const Matrix& A, const Matrix& dA, Matrix& dZ, const Scalar*, Scalar*) const {
  dZ.resize(A.rows(), A.cols());
  dZ.array() = dA.array() * A.array() * (Scalar(1) - A.array());
}
// Saturated: σ' = a(1−a) < 5% of 1/4.
double Sigmoid::saturation(const Matrix&, const Matrix& A, const Scalar*) const {
  if (A.size() == 0) return 0.0;
  const Index n = (A.array() * (Scalar(1) - A.array()) < Scalar(0.0125)).count();
  return static_cast<double>(n) / static_cast<double>(A.size());
}

// tanh'(z) = 1 − tanh²(z) ≤ 1
void Tanh::forward(const Matrix& Z, Matrix& A, const Scalar*) const {
  A.resize(Z.rows(), Z.cols());
  A.array() = Z.array().tanh();
}
void Tanh::backward(const Matrix&, const Matrix& A, const Matrix& dA, Matrix& dZ, const Scalar*, Scalar*) const {
  dZ.resize(A.rows(), A.cols());
  dZ.array() = dA.array() * (Scalar(1) - A.array().square());
}
// Saturated: 1 − a² < 0.05, i.e. |a| > 0.9747.
double Tanh::saturation(const Matrix&, const Matrix& A, const Scalar*) const {
  if (A.size() == 0) return 0.0;
  const Index n = (A.array().square() > Scalar(0.95)).count();
  return static_cast<double>(n) / static_cast<double>(A.size());
}

// Identity: f(z) = z, f' = 1. Never saturates.
void Linear::forward(const Matrix& Z, Matrix& A, const Scalar*) const { A = Z; }
void Linear::backward(const Matrix&, const Matrix&, const Matrix& dA, Matrix& dZ, const Scalar*, Scalar*) const {
  dZ = dA;
}
double Linear::saturation(const Matrix&, const Matrix&, const Scalar*) const { return 0.0; }

}  // namespace dl
