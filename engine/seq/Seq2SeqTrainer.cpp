// The sequence-to-sequence trainer (seq/Seq2SeqTrainer.h).
#include "seq/Seq2SeqTrainer.h"

#include "config/ConfigChecks.h"
#include "core/Error.h"

#include <cmath>

namespace dl {

namespace {

// Streams derived from the seed (SplitMix64 in Rng::reseed decorrelates nearby seeds).
constexpr std::uint64_t kDataStream = 0x5e92'0001ULL;
constexpr std::uint64_t kHeldOutStream = 0x5e92'0002ULL;

Seq2SeqSpec specOf(const Seq2SeqConfig& c) {
  validateSeq2SeqConfig(c);
  return {c.digits, c.embedding, c.hidden, attentionFromName(c.attention, "seq2seq.attention"), c.bidirectional};
}

}  // namespace

void validateSeq2SeqConfig(const Seq2SeqConfig& c) {
  tokenTaskFromName(c.task, "seq2seq.task");
  attentionFromName(c.attention, "seq2seq.attention");
  requireRange("seq2seq.length", static_cast<double>(c.length), 1, 64);
  requireRange("seq2seq.digits", c.digits, 2, 10);
  requireRange("seq2seq.hidden", static_cast<double>(c.hidden), 1, 1024);
  requireRange("seq2seq.embedding", static_cast<double>(c.embedding), 1, 1024);
  requireRange("seq2seq.batchSize", static_cast<double>(c.batchSize), 1, 4096);
  requireRange("seq2seq.steps", static_cast<double>(c.steps), 0, 1e9);
  requireRange("seq2seq.clipNorm", c.clipNorm, 0, 1e6);
  requireRange("seq2seq.evalSize", static_cast<double>(c.evalSize), 1, 100000);
  validateOptimizerConfig(c.optimizer);
  // What one pass keeps per sample, about: per step the embeddings, both GRUs' gates and states,
  // [c; h], h̃ and p; α (L²); the additive score's tanh values (H·L²).
  const double L = static_cast<double>(c.length), H = static_cast<double>(c.hidden);
  const double perSample = L * (2.0 * static_cast<double>(c.embedding) + 24.0 * H + c.digits + 1.0) + L * L +
                           (c.attention == "additive" ? H * L * L + 2.0 * H * L : 0.0);
  const double values = perSample * static_cast<double>(c.batchSize);
  const auto millions = [](double v) { return formatValue(std::ceil(v / 1e5) / 10); };
  if (values > kMaxMiniBatchValues)
    throw ConfigError("seq2seq.batchSize", std::to_string(c.batchSize),
                      {DL_TRANSLATE_NOOP("dl",
                                         "a mini-batch of this size through these layers holds %1 million values; at "
                                         "most %2 million fit (use a smaller batch or fewer units)"),
                       {millions(values), millions(kMaxMiniBatchValues)}});
}

Seq2SeqTrainer::Seq2SeqTrainer(const Seq2SeqConfig& config)
    : m_config(config),
      m_task(tokenTaskFromName(config.task, "seq2seq.task")),
      m_model(specOf(config)),
      m_optimizer(makeOptimizer(config.optimizer)),
      m_data(config.seed ^ kDataStream) {
  m_params.resize(m_model.paramCount());
  m_grads.setZero(m_model.paramCount());
  Rng init(config.seed);
  m_model.initialize(init, {m_params.data(), static_cast<std::size_t>(m_params.size())});
  m_optimizer->reset(m_model.paramCount());
  Rng heldOut(config.seed ^ kHeldOutStream);
  m_heldOut = makeTokenPairs(m_task, config.evalSize, config.length, config.digits, heldOut);
  m_excludeHeldOut = std::pow(static_cast<double>(config.digits), static_cast<double>(config.length)) >=
                     4.0 * static_cast<double>(config.evalSize);
}

double Seq2SeqTrainer::step() {
  const TokenPairs batch = makeTokenPairs(m_task, m_config.batchSize, m_config.length, m_config.digits, m_data,
                                          m_excludeHeldOut ? &m_heldOut : nullptr);
  const std::span<const Scalar> p(m_params.data(), static_cast<std::size_t>(m_params.size()));
  const double loss = m_model.forward(p, batch.source, batch.target, batch.count);
  m_model.backward(p, {m_grads.data(), static_cast<std::size_t>(m_grads.size())});
  m_gradNorm = static_cast<double>(m_grads.norm());
  if (m_config.clipNorm > 0 && m_gradNorm > m_config.clipNorm)
    m_grads *= static_cast<Scalar>(m_config.clipNorm / m_gradNorm);
  m_optimizer->step(VectorMap(m_params.data(), m_params.size()), ConstVectorMap(m_grads.data(), m_grads.size()),
                    static_cast<Scalar>(m_config.optimizer.learningRate));
  ++m_steps;
  return loss;
}

Seq2SeqTrainer::Evaluation Seq2SeqTrainer::evaluate() const {
  const std::vector<int> out = m_model.decode(params(), m_heldOut.source, m_heldOut.count, m_heldOut.length);
  long tokens = 0, sequences = 0;
  for (Index b = 0; b < m_heldOut.count; ++b) {
    bool all = true;
    for (Index t = 0; t < m_heldOut.length; ++t) {
      const auto i = static_cast<std::size_t>(b * m_heldOut.length + t);
      const bool right = out[i] == m_heldOut.target[i];
      tokens += right;
      all = all && right;
    }
    sequences += all;
  }
  return {static_cast<double>(tokens) / static_cast<double>(m_heldOut.count * m_heldOut.length),
          static_cast<double>(sequences) / static_cast<double>(m_heldOut.count)};
}

void Seq2SeqTrainer::checkSource(std::span<const int> source) const {
  if (source.empty()) throw ConfigError("seq2seq.input", "", DL_TRANSLATE_NOOP("dl", "must hold at least one digit"));
  for (const int d : source)
    if (d < 0 || d >= m_config.digits)
      throw ConfigError(
          "seq2seq.input", std::to_string(d),
          {DL_TRANSLATE_NOOP("dl", "must be a digit from 0 to %1"), {std::to_string(m_config.digits - 1)}});
}

Matrix Seq2SeqTrainer::attentionWeights(std::span<const int> source) const {
  checkSource(source);
  return m_model.attentionWeights(params(), source, static_cast<Index>(source.size()));
}

std::vector<int> Seq2SeqTrainer::predict(std::span<const int> source) const {
  checkSource(source);
  return m_model.decode(params(), source, 1, static_cast<Index>(source.size()));
}

}  // namespace dl
