// Linear, sigmoid and tanh activations.
#pragma once

#include "act/Activation.h"

namespace dl {

class Linear final : public Activation {
public:
  std::string name() const override { return "linear"; }
  void forward(const Matrix& Z, Matrix& A, const Scalar* params) const override;
  void backward(const Matrix& Z, const Matrix& A, const Matrix& dA, Matrix& dZ, const Scalar* params,
                Scalar* gradParams) const override;
  double saturation(const Matrix& Z, const Matrix& A, const Scalar* params) const override;
};

class Sigmoid final : public Activation {
public:
  std::string name() const override { return "sigmoid"; }
  void forward(const Matrix& Z, Matrix& A, const Scalar* params) const override;
  void backward(const Matrix& Z, const Matrix& A, const Matrix& dA, Matrix& dZ, const Scalar* params,
                Scalar* gradParams) const override;
  double saturation(const Matrix& Z, const Matrix& A, const Scalar* params) const override;
};

class Tanh final : public Activation {
public:
  std::string name() const override { return "tanh"; }
  void forward(const Matrix& Z, Matrix& A, const Scalar* params) const override;
  void backward(const Matrix& Z, const Matrix& A, const Matrix& dA, Matrix& dZ, const Scalar* params,
                Scalar* gradParams) const override;
  double saturation(const Matrix& Z, const Matrix& A, const Scalar* params) const override;
};

}  // namespace dl
