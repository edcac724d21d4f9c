// Skip-gram with negative sampling (word2vec: Mikolov, Sutskever, Chen, Corrado & Dean 2013,
// "Distributed Representations of Words and Phrases and their Compositionality"): word vectors
// learnt by telling the words seen near a word from words drawn at random. Then the queries on them:
// nearest neighbours by cosine similarity and analogies a : b :: c : ?.
#pragma once

#include "core/Rng.h"
#include "core/Types.h"
#include "seq/Corpus.h"
#include "seq/SkipGramConfig.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace dl {

// ---- Training pairs -------------------------------------------------------------------------------
// In a stream of L tokens, position i is a centre whose contexts are the positions i−c..i+c other
// than i, clipped at both ends of the stream (a window never wraps around). When L > 2c, every
// centre has 2c contexts except the c at each end, which lose c, c−1, …, 1: 2cL − 2·c(c+1)/2 pairs.

// The number of (centre, context) pairs, 2cL − c² − c when L > 2c (counted exactly otherwise).
std::int64_t skipGramPairCount(std::int64_t length, int window);

// Calls f(centre, context) for every pair, centre by centre, contexts left to right: the order of
// SkipGramTrainer's updates.
template <class F>
void forEachSkipGramPair(std::int64_t length, int window, F&& f) {
  for (std::int64_t i = 0; i < length; ++i) {
    const std::int64_t lo = std::max<std::int64_t>(0, i - window);
    const std::int64_t hi = std::min<std::int64_t>(length - 1, i + window);
    for (std::int64_t j = lo; j <= hi; ++j)
      if (j != i) f(i, j);
  }
}

// ---- Negative sampling ----------------------------------------------------------------------------
// Negatives are drawn from the unigram distribution raised to the power 3/4 (Mikolov et al. 2013,
// §2.2): P(w) = count(w)^0.75 / Σ count^0.75, which samples rare words more often than their share.
class UnigramTable {
public:
  UnigramTable() = default;
  explicit UnigramTable(const std::vector<std::int64_t>& counts, double power = 0.75);
  int sample(Rng& rng) const;  // one word id, by binary search of a uniform number in the cumulative sums
  const std::vector<double>& probabilities() const { return m_probability; }  // (V), sums to 1

private:
  std::vector<double> m_probability;  // (V)
  std::vector<double> m_cumulative;   // (V), last = 1
};

// ---- One pair: forward and backward ---------------------------------------------------------------
// The objective of a pair (Mikolov et al. 2013, eq. 4), for centre vector v (D), output vectors
// U (D, V), targets t_0 = o (the context word, label y = 1) and t_1..t_k (negatives, y = 0), with σ the
// logistic function, is J = log σ(u_o·v) + Σ_j log σ(−u_{t_j}·v). We minimise L = −J:
//   forward:  L = Σ_i softplus(−s_i·u_{t_i}·v),  s_i = 2y_i − 1,   softplus(x) = log(1 + eˣ)
//   backward: ∂L/∂v = Σ_i (σ(u_{t_i}·v) − y_i)·u_{t_i},   ∂L/∂u_{t_i} = (σ(u_{t_i}·v) − y_i)·v
// Writes gradV (D) and gradU, resized to (D, T): column i belongs to targets[i] (a word given twice
// gets two columns, to be added). Returns L.
double pairLossAndGradient(const Eigen::Ref<const Vector>& v, const Matrix& U, const std::vector<int>& targets,
                           Vector& gradV, Matrix& gradU);

// ---- Word vectors and queries ---------------------------------------------------------------------
// A snapshot of the embedding: a plain value the window may keep while training goes on.
struct WordVectors {
  std::vector<std::string> words;  // (V), id → word
  Matrix vectors;                  // (D, V): column w is word w's input vector v_w, as trained
  Matrix unit;                     // (D, V): the same columns scaled to length 1 (a zero column stays 0)

  int id(const std::string& word) const;  // −1 when unknown (a linear search: V is small here)
};

struct Neighbour {
  int id = -1;
  std::string word;
  double similarity = 0.0;  // cosine, in [−1, 1]
};

// The k words most similar to `word` by cosine similarity, most similar first (ties by id), never
// `word` itself. Throws ConfigError("query.word", word, "not in the vocabulary") for an unknown word.
std::vector<Neighbour> nearestNeighbours(const WordVectors& wv, const std::string& word, int k);

// a : b :: c : ? — the k words d maximising cos(v_d, v̂_b − v̂_a + v̂_c) over unit vectors (Mikolov,
// Yih & Zweig 2013, "Linguistic Regularities in Continuous Space Word Representations"), excluding a,
// b and c themselves (else b or c usually wins). Unknown words throw ConfigError naming
// "query.a", "query.b" or "query.c".
std::vector<Neighbour> analogy(const WordVectors& wv, const std::string& a, const std::string& b, const std::string& c,
                               int k);

// Mean cosine similarity over the pairs of distinct words drawn one from each list (the same list
// twice: each unordered pair once). Words not in the vocabulary throw like nearestNeighbours.
double meanCosine(const WordVectors& wv, const std::vector<std::string>& first, const std::vector<std::string>& second);

// ---- Trainer --------------------------------------------------------------------------------------
struct SkipGramProgress {
  int epoch = 0;               // epochs completed
  std::int64_t pairsDone = 0;  // over all epochs
  double fraction = 0.0;       // of the whole training, in [0, 1]
  double learningRate = 0.0;   // the step of the next pair
  double lastLoss = 0.0;       // mean −J over the last step() call's pairs
  double smoothedLoss = 0.0;   // exponential average of −J over pairs (weight 1/1000 per pair)
  bool finished = false;
};

// Serial pair-by-pair SGD, so a seed gives the same vectors whatever the thread count. Each pair
// (centre c, context o) draws k negatives from the unigram^0.75 table (a draw equal to o is skipped,
// as word2vec does) and takes one step of pairLossAndGradient on v_c and the u_t it involves, the
// step decaying linearly over the run (word2vec) unless config.decayLearningRate is off.
class SkipGramTrainer {
public:
  // Validates the config (ConfigError), drops the words of `corpus` seen fewer than config.minCount
  // times and checks that more than 2·window tokens remain (DataError naming the corpus' source).
  // V starts uniform in ±0.5/D, U at zero (as word2vec).
  SkipGramTrainer(Corpus corpus, const SkipGramConfig& config);

  // Trains on up to n more pairs (fewer at the end of the last epoch); returns how many it did.
  std::int64_t step(std::int64_t n);
  void train();  // to the end
  bool finished() const { return m_epoch >= m_config.epochs; }

  // A new configuration between steps. Changes of window, negatives, learning rate, decay, epochs
  // and subsampling apply from the next pair (subsampling from the next epoch; fewer epochs than
  // done finish the run) and return RebuildReason::None. Any other change is not applied: the
  // result says why it needs a new trainer. Throws ConfigError for an invalid configuration and
  // DataError for a window the corpus is too short for.
  RebuildReason apply(const SkipGramConfig& next);

  SkipGramProgress progress() const;
  WordVectors snapshot() const;
  const Corpus& corpus() const { return m_corpus; }
  const SkipGramConfig& config() const { return m_config; }
  const UnigramTable& negativeTable() const { return m_table; }
  const Matrix& inputVectors() const { return m_in; }    // V: (D, V)
  const Matrix& outputVectors() const { return m_out; }  // U: (D, V)

private:
  void checkLength(const SkipGramConfig& config) const;
  void startEpoch();
  double learningRate() const;
  double trainPair(int centre, int context, double lr);

  Corpus m_corpus;
  SkipGramConfig m_config;
  UnigramTable m_table;
  Rng m_rng;
  Matrix m_in;                 // (D, V) input vectors v_w
  Matrix m_out;                // (D, V) output vectors u_w
  std::vector<int> m_targets;  // (T) the current pair's context word, then its negatives
  Vector m_gradV;              // (D) ∂L/∂v_c of the current pair
  Matrix m_gradU;              // (D, T) ∂L/∂u_t of the current pair

  std::vector<int> m_stream;  // (L') this epoch's ids after subsampling
  int m_epoch = 0;
  std::int64_t m_centre = 0;   // position in m_stream
  std::int64_t m_context = 0;  // next context position for m_centre
  std::int64_t m_pairsDone = 0;
  double m_lastLoss = 0.0;
  double m_smoothedLoss = 0.0;
  bool m_haveLoss = false;
};

}  // namespace dl
