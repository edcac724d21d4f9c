// Trains the sequence-to-sequence model (seq/Seq2Seq.h) on reversal or sorting of digit sequences
// (data/TokenTasks.h): each step draws a fresh mini-batch, runs the teacher-forced pass, clips the
// gradient's global norm and lets one of the engine's optimisers update the flat parameter buffer.
// evaluate() decodes a fixed held-out set greedily. Three seeded streams, so a seed reproduces a run
// and the attention kinds see the same data: the initialisation (Rng(seed)), the training batches
// and the held-out set (each its own Rng derived from the seed; training draws never equal a
// held-out sequence while digits^length is large enough for that to be possible, ≥ 4× the set).
#pragma once

#include "config/Config.h"
#include "data/TokenTasks.h"
#include "optim/Optimizer.h"
#include "seq/Seq2Seq.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace dl {

struct Seq2SeqConfig {
  std::string task = "reverse";   // "reverse", "sort"
  Index length = 10;              // tokens per sequence, source and target
  int digits = 10;                // vocabulary of digits 0 .. digits − 1
  Index hidden = 32;              // H
  Index embedding = 16;           // D
  std::string attention = "dot";  // "none", "dot", "additive"
  bool bidirectional = true;      // the encoder reads both ways (Seq2SeqSpec::bidirectional)
  OptimizerConfig optimizer{"adam", 0.01};
  Index batchSize = 32;
  long steps = 1500;  // the budget a caller runs (step() itself does not stop)
  std::uint64_t seed = 1;
  double clipNorm = 1.0;  // global-norm clipping (Pascanu et al. 2013); 0 = off
  Index evalSize = 256;   // held-out sequences for evaluate()
};

// Throws ConfigError naming the field ("seq2seq.hidden", "seq2seq.attention", ..., and the
// optimiser's "optimizer.*") and the bad value; "seq2seq.batchSize" also when one pass would keep
// more than kMaxMiniBatchValues (config/ConfigChecks.h) values.
void validateSeq2SeqConfig(const Seq2SeqConfig& c);

class Seq2SeqTrainer {
public:
  struct Evaluation {
    double tokenAccuracy = 0;     // fraction of target tokens decoded right
    double sequenceAccuracy = 0;  // fraction of sequences decoded entirely right
  };

  // Validates (validateSeq2SeqConfig), initialises the model and draws the held-out set.
  explicit Seq2SeqTrainer(const Seq2SeqConfig& config);

  // One mini-batch step; returns its loss (mean cross-entropy per target token, before the update).
  double step();
  long stepsDone() const { return m_steps; }
  // The global gradient norm of the last step, before clipping.
  double lastGradientNorm() const { return m_gradNorm; }
  // Greedy decoding of the held-out set.
  Evaluation evaluate() const;
  // The (Ts, Ts) alignment of a source the user typed (any length Ts, digits in [0, digits)),
  // decoded greedily to Ts tokens: row t is output step t's attention over the source. Empty for
  // "none". Throws ConfigError("seq2seq.input", the bad token) for a token out of range or an
  // empty source.
  Matrix attentionWeights(std::span<const int> source) const;
  // The greedy output for one source: as many tokens as it has.
  std::vector<int> predict(std::span<const int> source) const;

  const Seq2SeqConfig& config() const { return m_config; }
  const Seq2Seq& model() const { return m_model; }
  std::span<const Scalar> params() const { return {m_params.data(), static_cast<std::size_t>(m_params.size())}; }
  const TokenPairs& heldOut() const { return m_heldOut; }

private:
  void checkSource(std::span<const int> source) const;

  Seq2SeqConfig m_config;
  TokenTask m_task;
  Seq2Seq m_model;
  Vector m_params, m_grads;
  std::unique_ptr<Optimizer> m_optimizer;
  Rng m_data;
  TokenPairs m_heldOut;
  bool m_excludeHeldOut = false;
  long m_steps = 0;
  double m_gradNorm = 0;
};

}  // namespace dl
