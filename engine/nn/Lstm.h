// Long short-term memory (Hochreiter & Schmidhuber 1997, with the forget gate of Gers, Schmidhuber
// & Cummins 2000). Gates in row order i, f, g, o (as PyTorch):
//   [i f g o] = [σ σ tanh σ](W·x_t + U·h_{t−1} + b)
//   c_t = f ⊙ c_{t−1} + i ⊙ g;   h_t = o ⊙ tanh(c_t)
// The forget gate's bias starts at forgetBias (0–5; Jozefowicz, Zaremba & Sutskever 2015 recommend
// 1): f ≈ σ(bias) keeps the cell's memory over ~1/(1 − f) steps from the start.
// Layout, parameters, truncation and diagnostics: nn/Recurrent.h.
#pragma once

#include "nn/Recurrent.h"

namespace dl {

class Lstm final : public Recurrent {
public:
  // Throws ConfigError naming field + ".forgetBias" outside [0, 5], or what Recurrent throws.
  Lstm(Shape in, const LayerSpec& spec, const std::string& field);
  const char* kind() const override { return "lstm"; }
  std::vector<std::string> gateNames() const override { return {"i", "f", "g", "o"}; }
  bool gateIsTanh(Index gate) const override { return gate == 2; }
  Index candidateGate() const override { return 2; }

protected:
  void stepForward(Index t, Workspace& ws, std::span<const Scalar> params) const override;
  void stepBackward(Index t, const Workspace& ws, std::span<const Scalar> params, Matrix& dh, Matrix& dc,
                    Eigen::Ref<Matrix> dzx, Eigen::Ref<Matrix> dzh) const override;
  double gateBias(Index gate) const override { return gate == 1 ? m_forgetBias : Recurrent::gateBias(gate); }
  bool hasCellState() const override { return true; }

private:
  double m_forgetBias;
};

}  // namespace dl
