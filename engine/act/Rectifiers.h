// The ReLU family (ReLU, leaky ReLU, PReLU) and the exponential units ELU and SELU.
#pragma once

#include "act/Activation.h"

namespace dl {

// f(z) = max(0, z) (Nair & Hinton 2010), or leaky: z > 0 ? z : slope·z (Maas et al. 2013).
class Relu final : public Activation {
public:
  explicit Relu(Scalar slope = 0) : m_slope(slope) {}
  std::string name() const override { return m_slope == 0 ? "relu" : "leaky_relu"; }
  void forward(const Matrix& Z, Matrix& A, const Scalar* params) const override;
  void backward(const Matrix& Z, const Matrix& A, const Matrix& dA, Matrix& dZ, const Scalar* params,
                Scalar* gradParams) const override;
  double saturation(const Matrix& Z, const Matrix& A, const Scalar* params) const override;

private:
  Scalar m_slope;
};

// PReLU (He et al. 2015, "Delving deep into rectifiers"): a learned slope a_u per unit.
class PRelu final : public Activation {
public:
  explicit PRelu(Scalar initialSlope) : m_initialSlope(initialSlope) {}
  std::string name() const override { return "prelu"; }
  Index paramCount(Index units) const override { return units; }
  void initParams(Scalar* params, Index units) const override;
  void forward(const Matrix& Z, Matrix& A, const Scalar* params) const override;
  void backward(const Matrix& Z, const Matrix& A, const Matrix& dA, Matrix& dZ, const Scalar* params,
                Scalar* gradParams) const override;
  double saturation(const Matrix& Z, const Matrix& A, const Scalar* params) const override;

private:
  Scalar m_initialSlope;
};

// ELU (Clevert et al. 2016): z > 0 ? z : α(eᶻ − 1).  SELU (Klambauer et al. 2017): λ·ELU with the
// fixed λ ≈ 1.0507, α ≈ 1.6733 that make activations self-normalising.
class Elu final : public Activation {
public:
  Elu(Scalar alpha, Scalar scale, std::string name) : m_alpha(alpha), m_scale(scale), m_name(std::move(name)) {}
  static Elu selu() { return Elu(Scalar(1.6732632423543772), Scalar(1.0507009873554805), "selu"); }
  std::string name() const override { return m_name; }
  void forward(const Matrix& Z, Matrix& A, const Scalar* params) const override;
  void backward(const Matrix& Z, const Matrix& A, const Matrix& dA, Matrix& dZ, const Scalar* params,
                Scalar* gradParams) const override;
  double saturation(const Matrix& Z, const Matrix& A, const Scalar* params) const override;

private:
  Scalar m_alpha;
  Scalar m_scale;
  std::string m_name;
};

// Maxout (Goodfellow et al. 2013): each unit outputs the largest of k linear pieces. Piece j of
// unit u sits at pre-activation row j·units + u, so the max is taken over k row blocks.
class Maxout final : public Activation {
public:
  explicit Maxout(Index pieces) : m_pieces(pieces) {}
  std::string name() const override { return "maxout"; }
  Index pieces() const override { return m_pieces; }
  void forward(const Matrix& Z, Matrix& A, const Scalar* params) const override;
  void backward(const Matrix& Z, const Matrix& A, const Matrix& dA, Matrix& dZ, const Scalar* params,
                Scalar* gradParams) const override;
  double saturation(const Matrix& Z, const Matrix& A, const Scalar* params) const override;

private:
  Index m_pieces;
};

}  // namespace dl
