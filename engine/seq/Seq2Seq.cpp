// The encoder-decoder with attention (seq/Seq2Seq.h): the teacher-forced forward pass next to its
// backward pass, then greedy decoding. Batched products go through dl::gemm, the rest is serial.
#include "seq/Seq2Seq.h"

#include "core/Gemm.h"

#include <cassert>
#include <cmath>

namespace dl {

namespace {

// Sample-major (B·T) token ids → time-major (T·B).
std::vector<int> timeMajor(std::span<const int> ids, Index batch) {
  const Index T = static_cast<Index>(ids.size()) / batch;
  std::vector<int> out(ids.size());
  for (Index b = 0; b < batch; ++b)
    for (Index t = 0; t < T; ++t)
      out[static_cast<std::size_t>(t * batch + b)] = ids[static_cast<std::size_t>(b * T + t)];
  return out;
}

// The time blocks of a time-major (rows, T·B) matrix in reverse order.
Matrix reversedSteps(const Matrix& m, Index B) {
  const Index T = m.cols() / B;
  Matrix r(m.rows(), m.cols());
  for (Index t = 0; t < T; ++t) r.middleCols((T - 1 - t) * B, B) = m.middleCols(t * B, B);
  return r;
}

void fillUniform(Rng& rng, std::span<Scalar> p, Index at, Index n, double k) {
  for (Index i = at; i < at + n; ++i) p[static_cast<std::size_t>(i)] = static_cast<Scalar>(rng.uniform(-k, k));
}

}  // namespace

Seq2Seq::Seq2Seq(const Seq2SeqSpec& spec)
    : m_spec(spec),
      m_encoder(spec.embedding, spec.hidden),
      m_backwardEncoder(spec.embedding, spec.bidirectional ? spec.hidden : 0),
      m_decoder(spec.embedding, spec.hidden),
      m_attention(spec.attention, spec.hidden) {
  assert(spec.digits > 0 && spec.embedding > 0 && spec.hidden > 0);
  const Index V = vocabulary(), D = spec.embedding, H = spec.hidden;
  m_at.embedding = 0;
  m_at.encoder = m_at.embedding + D * V;
  m_at.backwardEncoder = m_at.encoder + m_encoder.paramCount();
  m_at.decoder = m_at.backwardEncoder + (spec.bidirectional ? m_backwardEncoder.paramCount() : 0);
  m_at.attention = m_at.decoder + m_decoder.paramCount();
  m_at.combine = m_at.attention + m_attention.paramCount();
  m_at.combineBias = m_at.combine + H * combineInputs();
  m_at.output = m_at.combineBias + H;
  m_at.outputBias = m_at.output + V * H;
  m_count = m_at.outputBias + V;
}

void Seq2Seq::initialize(Rng& rng, std::span<Scalar> params) const {
  const Index V = vocabulary(), D = m_spec.embedding, H = m_spec.hidden;
  assert(static_cast<Index>(params.size()) == m_count);
  for (Index i = 0; i < D * V; ++i) params[static_cast<std::size_t>(i)] = static_cast<Scalar>(rng.normal());
  m_encoder.initialize(
      rng, params.subspan(static_cast<std::size_t>(m_at.encoder), static_cast<std::size_t>(m_encoder.paramCount())));
  if (m_spec.bidirectional)
    m_backwardEncoder.initialize(rng, params.subspan(static_cast<std::size_t>(m_at.backwardEncoder),
                                                     static_cast<std::size_t>(m_backwardEncoder.paramCount())));
  m_decoder.initialize(
      rng, params.subspan(static_cast<std::size_t>(m_at.decoder), static_cast<std::size_t>(m_decoder.paramCount())));
  m_attention.initialize(rng, params.subspan(static_cast<std::size_t>(m_at.attention),
                                             static_cast<std::size_t>(m_attention.paramCount())));
  fillUniform(rng, params, m_at.combine, H * combineInputs(), 1.0 / std::sqrt(static_cast<double>(combineInputs())));
  fillUniform(rng, params, m_at.combineBias, H, 0.0);
  fillUniform(rng, params, m_at.output, V * H, 1.0 / std::sqrt(static_cast<double>(H)));
  fillUniform(rng, params, m_at.outputBias, V, 0.0);
}

Matrix Seq2Seq::embed(std::span<const Scalar> params, std::span<const int> tokens, Index batch) const {
  const Index D = m_spec.embedding, T = static_cast<Index>(tokens.size()) / batch;
  const ConstMatrixMap E(params.data() + m_at.embedding, D, vocabulary());
  Matrix x(D, T * batch);
  for (Index b = 0; b < batch; ++b)
    for (Index t = 0; t < T; ++t) {
      const int id = tokens[static_cast<std::size_t>(b * T + t)];
      assert(id >= 0 && id < vocabulary());
      x.col(t * batch + b) = E.col(id);
    }
  return x;
}

void Seq2Seq::output(std::span<const Scalar> params, const Matrix& comb, Matrix& htilde, Matrix& logits) const {
  const Index V = vocabulary(), H = m_spec.hidden, n = comb.cols();
  const ConstMatrixMap Wc(params.data() + m_at.combine, H, combineInputs());
  const ConstMatrixMap Wo(params.data() + m_at.output, V, H);
  htilde.resize(H, n);
  gemm(htilde, Wc, Trans::No, comb, Trans::No);
  htilde.colwise() += ConstVectorMap(params.data() + m_at.combineBias, H);
  htilde = htilde.array().tanh().matrix();
  logits.resize(V, n);
  gemm(logits, Wo, Trans::No, htilde, Trans::No);
  logits.colwise() += ConstVectorMap(params.data() + m_at.outputBias, V);
}

// e_s = →h_s (+ ←h_s), (H, Ts·B); h₋₁ of the decoder = →h_{Ts−1} (+ ←h_0).
void Seq2Seq::encode(std::span<const Scalar> params, std::span<const int> source, Index batch, GruTrace& forwardTrace,
                     GruTrace& backwardTrace, Matrix& states, Matrix& last) const {
  const Index H = m_spec.hidden, B = batch, Ts = static_cast<Index>(source.size()) / B;
  const Matrix x = embed(params, source, B);
  m_encoder.forward(slice(params, m_at.encoder, m_encoder.paramCount()), x, Matrix::Zero(H, B), forwardTrace);
  states = forwardTrace.h.rightCols(Ts * B);
  last = forwardTrace.h.rightCols(B);
  if (!m_spec.bidirectional) return;
  m_backwardEncoder.forward(slice(params, m_at.backwardEncoder, m_backwardEncoder.paramCount()), reversedSteps(x, B),
                            Matrix::Zero(H, B), backwardTrace);
  states += reversedSteps(backwardTrace.h.rightCols(Ts * B), B);
  last += backwardTrace.h.rightCols(B);
}

// Shapes (time-major): x_src (D, Ts·B) → e (H, Ts·B); x_in (D, Tt·B) → dec h (H, Tt·B) from
// h₋₁ = the encoder's last state (encode()); α (Ts, Tt·B), c (H, Tt·B); comb (K, Tt·B); h̃ (H, Tt·B); p (V, Tt·B).
// L = −(1/(B·Tt)) Σ log p[y].
double Seq2Seq::forward(std::span<const Scalar> params, std::span<const int> source, std::span<const int> target,
                        Index batch) {
  const Index H = m_spec.hidden, B = batch;
  const Index Tt = static_cast<Index>(target.size()) / B;
  m_batch = B;
  m_sourceIds = timeMajor(source, B);
  m_targetIds = timeMajor(target, B);
  std::vector<int> input(target.size());  // sample-major: <s>, y_0, .., y_{Tt−2}
  for (Index b = 0; b < B; ++b)
    for (Index t = 0; t < Tt; ++t)
      input[static_cast<std::size_t>(b * Tt + t)] =
          t == 0 ? startToken() : target[static_cast<std::size_t>(b * Tt + t - 1)];
  m_inputIds = timeMajor(input, B);

  Matrix last;
  encode(params, source, B, m_enc, m_encBack, m_encOut, last);
  m_decoder.forward(slice(params, m_at.decoder, m_decoder.paramCount()), embed(params, input, B), last, m_dec);
  m_decOut = m_dec.h.rightCols(Tt * B);
  if (m_spec.attention == AttentionKind::None) {
    m_comb = m_decOut;
  } else {
    m_attention.forward(slice(params, m_at.attention, m_attention.paramCount()), m_encOut, m_decOut, B, m_att);
    m_comb.resize(2 * H, Tt * B);
    m_comb.topRows(H) = m_att.context;
    m_comb.bottomRows(H) = m_decOut;
  }
  Matrix logits;
  output(params, m_comb, m_htilde, logits);
  m_probs.resize(logits.rows(), logits.cols());
  double loss = 0;
  for (Index c = 0; c < logits.cols(); ++c) {
    const auto z = logits.col(c);
    const Scalar top = z.maxCoeff();
    const Scalar sum = (z.array() - top).exp().sum();
    m_probs.col(c) = ((z.array() - top).exp() / sum).matrix();
    loss -= static_cast<double>(z(m_targetIds[static_cast<std::size_t>(c)]) - top - std::log(sum));
  }
  return loss / static_cast<double>(Tt * B);
}

// ∂logits = (p − onehot(y))/(B·Tt);  ∂W_o = ∂logits h̃ᵀ;  ∂h̃ = W_oᵀ ∂logits;  ∂a = ∂h̃ ⊙ (1 − h̃²);
// ∂W_c = ∂a combᵀ;  ∂comb = W_cᵀ ∂a = [∂c; ∂h_dec];  attention → ∂e, ∂h_dec;  decoder BPTT → ∂x_in
// and ∂h₋₁, which joins ∂e at the last step of each encoder direction (the backward one's is
// source position 0);  ∂e reaches both directions unchanged (a sum);  encoder BPTT → ∂x_src;
// ∂E gathers ∂x by token.
void Seq2Seq::backward(std::span<const Scalar> params, std::span<Scalar> grads) {
  const Index V = vocabulary(), D = m_spec.embedding, H = m_spec.hidden, B = m_batch;
  const Index n = m_probs.cols(), Ts = m_encOut.cols() / B;
  assert(static_cast<Index>(grads.size()) == m_count);
  Matrix dLogits = m_probs;  // (V, Tt·B)
  for (Index c = 0; c < n; ++c) dLogits(m_targetIds[static_cast<std::size_t>(c)], c) -= Scalar(1);
  dLogits /= static_cast<Scalar>(n);

  MatrixMap dWo(grads.data() + m_at.output, V, H);
  gemm(dWo, dLogits, Trans::No, m_htilde, Trans::Yes);
  VectorMap(grads.data() + m_at.outputBias, V) = dLogits.rowwise().sum();
  Matrix dA(H, n);  // ∂(W_c comb + b_c)
  gemm(dA, ConstMatrixMap(params.data() + m_at.output, V, H), Trans::Yes, dLogits, Trans::No);
  dA = (dA.array() * (Scalar(1) - m_htilde.array().square())).matrix();
  MatrixMap dWc(grads.data() + m_at.combine, H, combineInputs());
  gemm(dWc, dA, Trans::No, m_comb, Trans::Yes);
  VectorMap(grads.data() + m_at.combineBias, H) = dA.rowwise().sum();
  Matrix dComb(combineInputs(), n);
  gemm(dComb, ConstMatrixMap(params.data() + m_at.combine, H, combineInputs()), Trans::Yes, dA, Trans::No);

  Matrix dEnc = Matrix::Zero(H, Ts * B), dDec;
  if (m_spec.attention == AttentionKind::None) {
    dDec = dComb;
  } else {
    dDec = dComb.bottomRows(H);
    const Matrix dContext = dComb.topRows(H);
    m_attention.backward(
        slice(params, m_at.attention, m_attention.paramCount()),
        grads.subspan(static_cast<std::size_t>(m_at.attention), static_cast<std::size_t>(m_attention.paramCount())),
        m_encOut, m_decOut, B, m_att, dContext, dEnc, dDec);
  }
  Matrix dxIn, dxSrc, dh0;
  m_decoder.backward(
      slice(params, m_at.decoder, m_decoder.paramCount()),
      grads.subspan(static_cast<std::size_t>(m_at.decoder), static_cast<std::size_t>(m_decoder.paramCount())), m_dec,
      dDec, dxIn, dh0);
  Matrix dOut = dEnc, dxBack, dhUnused;
  dOut.rightCols(B) += dh0;
  m_encoder.backward(
      slice(params, m_at.encoder, m_encoder.paramCount()),
      grads.subspan(static_cast<std::size_t>(m_at.encoder), static_cast<std::size_t>(m_encoder.paramCount())), m_enc,
      dOut, dxSrc, dhUnused);
  if (m_spec.bidirectional) {
    dOut = reversedSteps(dEnc, B);
    dOut.rightCols(B) += dh0;
    m_backwardEncoder.backward(slice(params, m_at.backwardEncoder, m_backwardEncoder.paramCount()),
                               grads.subspan(static_cast<std::size_t>(m_at.backwardEncoder),
                                             static_cast<std::size_t>(m_backwardEncoder.paramCount())),
                               m_encBack, dOut, dxBack, dhUnused);
    dxSrc += reversedSteps(dxBack, B);
  }
  MatrixMap dE(grads.data() + m_at.embedding, D, V);
  dE.setZero();
  for (Index c = 0; c < dxSrc.cols(); ++c) dE.col(m_sourceIds[static_cast<std::size_t>(c)]) += dxSrc.col(c);
  for (Index c = 0; c < dxIn.cols(); ++c) dE.col(m_inputIds[static_cast<std::size_t>(c)]) += dxIn.col(c);
}

// The same pass one decoder step at a time, each step reading the previous step's argmax.
std::vector<int> Seq2Seq::decode(std::span<const Scalar> params, std::span<const int> source, Index batch,
                                 Index targetLength, Matrix* alignments) const {
  const Index H = m_spec.hidden, B = batch, Ts = static_cast<Index>(source.size()) / B, Tt = targetLength;
  const auto decParams = slice(params, m_at.decoder, m_decoder.paramCount());
  const auto attParams = slice(params, m_at.attention, m_attention.paramCount());
  const bool attend = m_spec.attention != AttentionKind::None;
  GruTrace enc, encBack, dec;
  AttentionTrace att;
  Matrix encOut, h;
  encode(params, source, B, enc, encBack, encOut, h);
  Matrix comb(combineInputs(), B), htilde, logits;
  std::vector<int> previous(static_cast<std::size_t>(B), startToken()), out(static_cast<std::size_t>(B * Tt));
  if (alignments) {
    if (attend)
      alignments->resize(Ts, Tt * B);
    else
      alignments->resize(0, 0);
  }
  for (Index t = 0; t < Tt; ++t) {
    m_decoder.forward(decParams, embed(params, previous, B), h, dec);
    h = dec.h.rightCols(B);
    if (attend) {
      m_attention.forward(attParams, encOut, h, B, att);
      comb.topRows(H) = att.context;
      comb.bottomRows(H) = h;
      if (alignments) alignments->middleCols(t * B, B) = att.alpha;
    } else {
      comb = h;
    }
    output(params, comb, htilde, logits);
    for (Index b = 0; b < B; ++b) {
      Index best = 0;
      logits.col(b).maxCoeff(&best);
      previous[static_cast<std::size_t>(b)] = static_cast<int>(best);
      out[static_cast<std::size_t>(b * Tt + t)] = static_cast<int>(best);
    }
  }
  return out;
}

Matrix Seq2Seq::attentionWeights(std::span<const Scalar> params, std::span<const int> source,
                                 Index targetLength) const {
  Matrix alignments;
  decode(params, source, 1, targetLength, &alignments);
  return alignments.transpose();  // (Ts, Tt) → (Tt, Ts)
}

}  // namespace dl
