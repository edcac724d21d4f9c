// The sequence-to-sequence model of the sequence lab (issue 12): a GRU encoder (reading the source
// both ways by default), a GRU decoder that starts from the encoder's last state, optional attention, and a softmax
// over the vocabulary. Luong, Pham & Manning 2015 ("global attention", without input feeding): the context c_t is
// computed from the decoder's state h_t AFTER its step and joins it only at the output,
//   h̃_t = tanh(W_c [c_t; h_t] + b_c),   p_t = softmax(W_o h̃_t + b_o),
// so the decoder's input is just the previous token (Bahdanau et al. 2015 feed c_t into the
// decoder's step instead). "none" is the same model minus the context: h̃_t = tanh(W_c h_t + b_c).
// Teacher forcing in training (the decoder reads <s>, y_0, .., y_{Tt−2}), greedy decoding in
// evaluation (it reads its own previous argmax); the loss is the cross-entropy averaged over all
// B·Tt target tokens.
//
// Tokens: the digits 0 .. digits − 1, and the start token <s> = digits; V = digits + 1. One
// embedding E (D, V) is SHARED by the encoder and the decoder (the same digits on both sides).
// Sequences come in sample-major (token t of sample b at b·T + t); inside, every matrix is
// time-major like nn/Recurrent.h: step t of sample b in column t·B + b.
//
// Parameters, one flat buffer (the engine's optimisers update it unchanged):
//   E (D, V) | encoder GRU (seq/GruPass.h) | [backward encoder GRU] | decoder GRU |
//   attention (seq/Attention.h) | W_c (H, K) | b_c (H) | W_o (V, H) | b_o (V),   K = 2H with attention, H without.
// Count, with G = 3H(D + H) + 4H per GRU and e = 1 for a bidirectional encoder, else 0:
//   none  V·D + (2 + e)·G + H² + H + V·H + V      dot  none + H²      additive  none + 3H² + H
// (V = 11, D = 16, H = 24, bidirectional, tst_seq2seq's claim: none 9 979, dot 10 555, additive
//  11 731; H = 32: none 15 803, dot 16 827, additive 18 907; unidirectional: G less, 2 976 / 4 736.)
//
// Why bidirectional by default: with a forward-only encoder, e_s is the state after x_s and still
// holds x_{s−1}; the decoder's state at step t has just read y_{t−1}, and on reversal the dot score
// learns to find where that digit sits (source L − t) and reads the answer x_{L−1−t} out of e_{L−t}:
// an alignment one column off the anti-diagonal (tst_seq2seq measures both).
#pragma once

#include "seq/Attention.h"
#include "seq/GruPass.h"

#include <span>
#include <vector>

namespace dl {

struct Seq2SeqSpec {
  int digits = 10;       // tokens 0 .. digits − 1; <s> = digits
  Index embedding = 16;  // D
  Index hidden = 32;     // H, of both GRUs (the decoder starts from the encoder's state)
  AttentionKind attention = AttentionKind::Dot;
  // A second encoder GRU reads the source backwards and e_s = →h_s + ←h_s (summed, so e_s stays
  // H wide for the dot score; the decoder starts from →h_{Ts−1} + ←h_0). Bahdanau et al. 2015 read
  // both ways so that e_s is centred on x_s (they concatenate).
  bool bidirectional = true;
};

class Seq2Seq {
public:
  // Sizes must be positive (the trainer's config validation says which field is not).
  explicit Seq2Seq(const Seq2SeqSpec& spec);

  const Seq2SeqSpec& spec() const { return m_spec; }
  Index vocabulary() const { return m_spec.digits + 1; }
  int startToken() const { return m_spec.digits; }
  Index paramCount() const { return m_count; }
  // E ~ N(0, 1) (PyTorch's Embedding); GRU and attention weights, W_c and W_o uniform in ±1/√fan_in
  // (PyTorch's defaults); biases 0. Drawn in buffer order from rng.
  void initialize(Rng& rng, std::span<Scalar> params) const;

  // Teacher-forced pass: source (B·Ts), target (B·Tt) sample-major → the mean cross-entropy over the
  // B·Tt target tokens. Keeps what backward() needs.
  double forward(std::span<const Scalar> params, std::span<const int> source, std::span<const int> target, Index batch);
  // The gradient of the last forward()'s loss with respect to every parameter (assigned into
  // grads): full backpropagation through the output, the attention, the decoder and the encoder.
  void backward(std::span<const Scalar> params, std::span<Scalar> grads);

  // Greedy decoding of targetLength tokens per sample (sample-major, B·Tt). With alignments, also
  // the attention weights (Ts, Tt·B), time-major (left empty for "none").
  std::vector<int> decode(std::span<const Scalar> params, std::span<const int> source, Index batch, Index targetLength,
                          Matrix* alignments = nullptr) const;
  // The (Tt, Ts) alignment of one source sequence under greedy decoding: row t is output step t's
  // distribution over the source positions (sums to 1). Empty (0 × 0) for "none".
  Matrix attentionWeights(std::span<const Scalar> params, std::span<const int> source, Index targetLength) const;

private:
  struct Offsets {
    Index embedding, encoder, backwardEncoder, decoder, attention, combine, combineBias, output, outputBias;
  };
  Index combineInputs() const { return m_spec.attention == AttentionKind::None ? m_spec.hidden : 2 * m_spec.hidden; }
  // x (D, T·B) time-major: the embeddings of tokens (sample-major, B·T).
  Matrix embed(std::span<const Scalar> params, std::span<const int> tokens, Index batch) const;
  // The encoder's states e (H, Ts·B) and the decoder's h₋₁ (H, B).
  void encode(std::span<const Scalar> params, std::span<const int> source, Index batch, GruTrace& forwardTrace,
              GruTrace& backwardTrace, Matrix& states, Matrix& last) const;
  // h̃ = tanh(W_c·comb + b_c) (H, n) and the logits W_o·h̃ + b_o (V, n).
  void output(std::span<const Scalar> params, const Matrix& comb, Matrix& htilde, Matrix& logits) const;
  std::span<const Scalar> slice(std::span<const Scalar> p, Index at, Index n) const {
    return p.subspan(static_cast<std::size_t>(at), static_cast<std::size_t>(n));
  }

  Seq2SeqSpec m_spec;
  GruPass m_encoder, m_backwardEncoder, m_decoder;
  Attention m_attention;
  Offsets m_at{};
  Index m_count = 0;

  // The last forward pass (time-major).
  Index m_batch = 0;
  std::vector<int> m_sourceIds, m_inputIds, m_targetIds;  // (Ts·B), (Tt·B) decoder inputs, (Tt·B)
  GruTrace m_enc, m_encBack, m_dec;
  AttentionTrace m_att;
  Matrix m_encOut;  // (H, Ts·B) e_s of the encoder (both directions summed)
  Matrix m_decOut;  // (H, Tt·B) h_t of the decoder
  Matrix m_comb;    // (K, Tt·B) [c; h] or h
  Matrix m_htilde;  // (H, Tt·B)
  Matrix m_probs;   // (V, Tt·B) softmax
};

}  // namespace dl
