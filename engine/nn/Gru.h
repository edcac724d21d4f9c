// The gated recurrent unit (Cho et al. 2014), with the reset gate applied after the recurrent
// product as in cuDNN and PyTorch (so all three gates share one U·h product). Gates in row order
// r, z, n:
//   r = σ(W_r·x_t + U_r·h_{t−1} + b_r)      z = σ(W_z·x_t + U_z·h_{t−1} + b_z)
//   n = tanh(W_n·x_t + b_n + r ⊙ (U_n·h_{t−1} + b_hn))
//   h_t = (1 − z) ⊙ h_{t−1} + z ⊙ n
// z is the UPDATE gate (Chung et al. 2014's convention): z = 0 passes h_{t−1} through unchanged.
// PyTorch's z is the opposite (its h_t = (1 − z)⊙n + z⊙h_{t−1}). b_hn is the extra bias (H), after
// b in the parameters, starting at 0. Layout, truncation and diagnostics: nn/Recurrent.h.
#pragma once

#include "nn/Recurrent.h"

namespace dl {

class Gru final : public Recurrent {
public:
  Gru(Shape in, const LayerSpec& spec, const std::string& field) : Recurrent(in, spec, 3, spec.units, field) {}
  const char* kind() const override { return "gru"; }
  std::vector<std::string> gateNames() const override { return {"r", "z", "n"}; }
  bool gateIsTanh(Index gate) const override { return gate == 2; }
  Index candidateGate() const override { return 2; }

protected:
  void stepForward(Index t, Workspace& ws, std::span<const Scalar> params) const override;
  void stepBackward(Index t, const Workspace& ws, std::span<const Scalar> params, Matrix& dh, Matrix& dc,
                    Eigen::Ref<Matrix> dzx, Eigen::Ref<Matrix> dzh) const override;
  bool separateRecurrentGradient() const override { return true; }
  void extraBiasGradient(const Matrix& dzh, std::span<Scalar> grads) const override;
};

}  // namespace dl
