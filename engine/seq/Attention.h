// Attention of the sequence-to-sequence model: for each decoder state h_t (query) a softmax over
// the encoder states e_s (keys and values), and the context c_t = Σ_s α_ts e_s.
//   dot       (Luong, Pham & Manning 2015)       score_ts = h_tᵀ e_s
//   additive  (Bahdanau, Cho & Bengio 2015)      score_ts = vᵀ tanh(W_q h_t + W_k e_s)
//   α_t = softmax_s(score_t·),  c_t = Σ_s α_ts e_s
// Layout: enc (H, Ts·B) and dec (H, Tt·B) time-major (step t of sample b in column t·B + b);
// α (Ts, Tt·B) holds in column t·B + b the distribution of output step t of sample b over the
// source positions. Parameters (additive only; A = H attention units): W_q (A, H) | W_k (A, H) | v (A).
#pragma once

#include "core/Rng.h"
#include "core/Types.h"

#include <span>
#include <string>
#include <vector>

namespace dl {

enum class AttentionKind { None, Dot, Additive };

// "none", "dot", "additive". Throws ConfigError(field, name) for anything else.
AttentionKind attentionFromName(const std::string& name, const char* field);
const std::vector<std::string>& attentionNames();

struct AttentionTrace {
  Matrix alpha;    // (Ts, Tt·B)
  Matrix context;  // (H, Tt·B)
  Matrix keys;     // additive: (A, Ts·B) W_k·e
  Matrix queries;  // additive: (A, Tt·B) W_q·h
  Matrix tanhs;    // additive: (A, Ts·Tt·B) tanh(W_q h_t + W_k e_s) of sample b in column (t·B + b)·Ts + s
};

class Attention {
public:
  Attention(AttentionKind kind, Index units) : m_kind(kind), m_units(units) {}
  AttentionKind kind() const { return m_kind; }
  Index paramCount() const { return m_kind == AttentionKind::Additive ? 2 * m_units * m_units + m_units : 0; }
  // W_q, W_k, v uniform in ±1/√H (fan-in H, as PyTorch's Linear); drawn in buffer order.
  void initialize(Rng& rng, std::span<Scalar> params) const;

  // enc (H, Ts·B), dec (H, Tt·B) → tr.alpha, tr.context. Not for kind None.
  void forward(std::span<const Scalar> params, const Matrix& enc, const Matrix& dec, Index B, AttentionTrace& tr) const;
  // In: dContext (H, Tt·B). Writes the slice's gradient into grads (assigns) and ADDS ∂L/∂enc and
  // ∂L/∂dec into dEnc, dDec.
  //   ∂α_t = Eᵀ∂c_t;  ∂score_t = α_t ⊙ (∂α_t − α_tᵀ∂α_t);  ∂E += ∂c_t α_tᵀ
  //   dot:      ∂h_t += E ∂score_t;  ∂e_s += Σ_t ∂score_ts h_t
  //   additive: ∂pre_ts = ∂score_ts · v ⊙ (1 − u_ts²);  ∂v = Σ ∂score_ts u_ts;
  //             ∂W_q = Σ ∂pre h_tᵀ, ∂h_t += W_qᵀ Σ_s ∂pre_ts;  ∂W_k = Σ ∂pre e_sᵀ, ∂e_s += W_kᵀ Σ_t ∂pre_ts
  void backward(std::span<const Scalar> params, std::span<Scalar> grads, const Matrix& enc, const Matrix& dec, Index B,
                const AttentionTrace& tr, const Matrix& dContext, Matrix& dEnc, Matrix& dDec) const;

private:
  AttentionKind m_kind;
  Index m_units;
};

}  // namespace dl
