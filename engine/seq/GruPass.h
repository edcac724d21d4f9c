// The GRU of the sequence-to-sequence model: the same cell as nn/Gru.h (Cho et al. 2014, reset
// gate after the recurrent product, z the update gate), but as a plain pass over a time-major
// batch that starts from a GIVEN state and returns the gradient reaching it — the decoder starts
// from the encoder's last state and the gradient must flow back into the encoder — and that runs
// one step at a time for greedy decoding.
//   r = σ(W_r·x_t + U_r·h_{t−1} + b_r)      z = σ(W_z·x_t + U_z·h_{t−1} + b_z)
//   n = tanh(W_n·x_t + b_n + r ⊙ (U_n·h_{t−1} + b_hn))
//   h_t = (1 − z) ⊙ h_{t−1} + z ⊙ n
// Layout: a matrix with T·B columns holds step t of sample b in column t·B + b.
// Parameters, one flat slice: W (3H, D) | U (3H, H) | b (3H) | b_hn (H); gates in rows r, z, n.
#pragma once

#include "core/Rng.h"
#include "core/Types.h"

#include <span>

namespace dl {

// What one pass keeps for its backward pass.
struct GruTrace {
  Matrix xs;   // (D, T·B) the inputs
  Matrix z;    // (3H, T·B) the gates' activations r, z, n
  Matrix aux;  // (H, T·B) U_n·h_{t−1} + b_hn
  Matrix h;    // (H, (T+1)·B) block 0 = h₋₁, block t + 1 = h_t
};

class GruPass {
public:
  GruPass(Index inputs, Index units) : m_inputs(inputs), m_units(units) {}
  Index inputs() const { return m_inputs; }
  Index units() const { return m_units; }
  Index paramCount() const { return 3 * m_units * (m_inputs + m_units) + 4 * m_units; }
  // W and U uniform in ±1/√H (PyTorch's GRU default), biases 0; values drawn in buffer order.
  void initialize(Rng& rng, std::span<Scalar> params) const;

  // x (D, T·B), h0 (H, B) → tr (tr.h's last block is h_{T−1}).
  void forward(std::span<const Scalar> params, const Matrix& x, const Matrix& h0, GruTrace& tr) const;
  // In: dOut (H, T·B) = ∂L/∂h_t from outside the recurrence, for every step. Writes the slice's
  // gradient into grads (assigns), dx = ∂L/∂x (D, T·B) and dh0 = ∂L/∂h₋₁ (H, B). Full BPTT.
  // ∂n = dh⊙z;  ∂a_n = ∂n⊙(1 − n²) (input side), ∂a_n⊙r (recurrent side, through aux);
  // ∂a_r = ∂a_n⊙aux⊙r(1−r);  ∂a_z = dh⊙(n − h_{t−1})⊙z(1−z);  ∂h_{t−1} = dh⊙(1 − z) + Uᵀ·∂a_h.
  void backward(std::span<const Scalar> params, std::span<Scalar> grads, const GruTrace& tr, const Matrix& dOut,
                Matrix& dx, Matrix& dh0) const;

private:
  Index m_inputs, m_units;
};

}  // namespace dl
