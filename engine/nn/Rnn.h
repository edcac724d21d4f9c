// The Elman recurrent layer with tanh (Elman 1990, "Finding structure in time"):
//   h_t = tanh(W·x_t + U·h_{t−1} + b)
// Layout, parameters, truncation and diagnostics: nn/Recurrent.h (one gate, whose activation is h_t).
// With recurrentInit "identity" and gain 1 it starts as the IRNN of Le, Jaitly & Hinton (2015),
// here with tanh, which is the identity map near 0.
#pragma once

#include "nn/Recurrent.h"

namespace dl {

class Rnn final : public Recurrent {
public:
  Rnn(Shape in, const LayerSpec& spec, const std::string& field) : Recurrent(in, spec, 1, 0, field) {}
  const char* kind() const override { return "rnn"; }
  std::vector<std::string> gateNames() const override { return {"h"}; }
  bool gateIsTanh(Index) const override { return true; }
  Index candidateGate() const override { return 0; }

protected:
  void stepForward(Index t, Workspace& ws, std::span<const Scalar> params) const override;
  void stepBackward(Index t, const Workspace& ws, std::span<const Scalar> params, Matrix& dh, Matrix& dc,
                    Eigen::Ref<Matrix> dzx, Eigen::Ref<Matrix> dzh) const override;
};

}  // namespace dl
