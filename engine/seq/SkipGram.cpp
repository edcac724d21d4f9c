// Skip-gram with negative sampling: pairs, the unigram^0.75 table, the SGD trainer and the queries.
#include "seq/SkipGram.h"

#include <cmath>
#include <algorithm>

namespace dl {

std::int64_t skipGramPairCount(std::int64_t length, int window) {
  const std::int64_t c = window;
  if (length <= 0 || c <= 0) return 0;
  if (length > 2 * c) return 2 * c * length - c * c - c;
  std::int64_t n = 0;  // short stream: every centre is clipped
  for (std::int64_t i = 0; i < length; ++i) n += std::min(i, c) + std::min(length - 1 - i, c);
  return n;
}

// ---- UnigramTable ----------------------------------------------------------------------------------

UnigramTable::UnigramTable(const std::vector<std::int64_t>& counts, double power) {
  m_probability.resize(counts.size());
  double sum = 0.0;
  for (std::size_t i = 0; i < counts.size(); ++i)
    sum += m_probability[i] = std::pow(static_cast<double>(counts[i]), power);
  m_cumulative.resize(counts.size());
  double acc = 0.0;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    m_probability[i] /= sum;
    acc += m_probability[i];
    m_cumulative[i] = acc;
  }
  if (!m_cumulative.empty()) m_cumulative.back() = 1.0;  // rounding must not leave a gap at the top
}

int UnigramTable::sample(Rng& rng) const {
  const double u = rng.uniform();  // [0, 1): the first word whose cumulative sum exceeds u
  const auto it = std::upper_bound(m_cumulative.begin(), m_cumulative.end(), u);
  return static_cast<int>(
      std::min<std::ptrdiff_t>(it - m_cumulative.begin(), static_cast<std::ptrdiff_t>(m_cumulative.size()) - 1));
}

// ---- Queries ---------------------------------------------------------------------------------------

int WordVectors::id(const std::string& word) const {
  const auto it = std::find(words.begin(), words.end(), word);
  return it == words.end() ? -1 : static_cast<int>(it - words.begin());
}

namespace {

int knownId(const WordVectors& wv, const char* field, const std::string& word) {
  const int id = wv.id(word);
  if (id < 0) throw ConfigError(field, word, DL_TRANSLATE_NOOP("dl", "not in the vocabulary"));
  return id;
}

// The k best of `scores` (V) by value, ties by id, leaving out `excluded`.
std::vector<Neighbour> best(const WordVectors& wv, const Vector& scores, int k, const std::vector<int>& excluded) {
  std::vector<int> order;
  for (int w = 0; w < static_cast<int>(scores.size()); ++w)
    if (std::find(excluded.begin(), excluded.end(), w) == excluded.end()) order.push_back(w);
  const std::size_t n = std::min(order.size(), static_cast<std::size_t>(std::max(k, 0)));
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n), order.end(),
                    [&](int a, int b) { return scores(a) != scores(b) ? scores(a) > scores(b) : a < b; });
  std::vector<Neighbour> out;
  for (std::size_t i = 0; i < n; ++i)
    out.push_back({order[i], wv.words[static_cast<std::size_t>(order[i])], static_cast<double>(scores(order[i]))});
  return out;
}

}  // namespace

std::vector<Neighbour> nearestNeighbours(const WordVectors& wv, const std::string& word, int k) {
  const int id = knownId(wv, "query.word", word);
  const Vector scores = wv.unit.transpose() * wv.unit.col(id);  // (V)
  return best(wv, scores, k, {id});
}

std::vector<Neighbour> analogy(const WordVectors& wv, const std::string& a, const std::string& b, const std::string& c,
                               int k) {
  const int ia = knownId(wv, "query.a", a), ib = knownId(wv, "query.b", b), ic = knownId(wv, "query.c", c);
  Vector target = wv.unit.col(ib) - wv.unit.col(ia) + wv.unit.col(ic);  // (D)
  const Scalar norm = target.norm();
  if (norm > 0) target /= norm;
  const Vector scores = wv.unit.transpose() * target;  // (V)
  return best(wv, scores, k, {ia, ib, ic});
}

double meanCosine(const WordVectors& wv, const std::vector<std::string>& first,
                  const std::vector<std::string>& second) {
  const bool same = &first == &second || first == second;
  double sum = 0.0;
  long n = 0;
  for (std::size_t i = 0; i < first.size(); ++i) {
    const int a = knownId(wv, "query.word", first[i]);
    for (std::size_t j = same ? i + 1 : 0; j < second.size(); ++j) {
      const int b = knownId(wv, "query.word", second[j]);
      if (a == b) continue;
      sum += static_cast<double>(wv.unit.col(a).dot(wv.unit.col(b)));
      ++n;
    }
  }
  return n > 0 ? sum / static_cast<double>(n) : 0.0;
}

// ---- One pair ---------------------------------------------------------------------------------------

namespace {
double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }
// log(1 + eˣ) without overflow: −log σ(x) = softplus(−x).
double softplus(double x) { return std::max(x, 0.0) + std::log1p(std::exp(-std::abs(x))); }
}  // namespace

double pairLossAndGradient(const Eigen::Ref<const Vector>& v, const Matrix& U, const std::vector<int>& targets,
                           Vector& gradV, Matrix& gradU) {
  const Index d = v.size(), n = static_cast<Index>(targets.size());
  gradV.setZero(d);
  gradU.resize(d, n);
  double loss = 0.0;
  for (Index i = 0; i < n; ++i) {
    const auto u = U.col(targets[static_cast<std::size_t>(i)]);  // (D)
    const double x = static_cast<double>(u.dot(v));
    const double y = i == 0 ? 1.0 : 0.0;
    loss += softplus(i == 0 ? -x : x);
    const auto g = static_cast<Scalar>(sigmoid(x) - y);  // ∂L/∂x
    gradV.noalias() += g * u;
    gradU.col(i).noalias() = g * v;
  }
  return loss;
}

// ---- SkipGramTrainer -------------------------------------------------------------------------------

SkipGramTrainer::SkipGramTrainer(Corpus corpus, const SkipGramConfig& config)
    : m_corpus(std::move(corpus)), m_config(config), m_rng(config.seed) {
  m_config.validate();
  if (m_config.minCount > 1) m_corpus = m_corpus.withMinCount(m_config.minCount);
  checkLength(m_config);
  m_table = UnigramTable(m_corpus.vocabulary().counts());
  const Index d = m_config.dimension, v = m_corpus.vocabulary().size();
  m_in.resize(d, v);
  const double half = 0.5 / static_cast<double>(d);
  for (Index j = 0; j < v; ++j)
    for (Index i = 0; i < d; ++i) m_in(i, j) = static_cast<Scalar>(m_rng.uniform(-half, half));
  m_out = Matrix::Zero(d, v);
  m_targets.reserve(static_cast<std::size_t>(m_config.negatives) + 1);
  startEpoch();
}

void SkipGramTrainer::checkLength(const SkipGramConfig& config) const {
  const std::int64_t needed = 2 * static_cast<std::int64_t>(config.window) + 1;
  if (m_corpus.length() < needed)
    throw DataError(
        {m_corpus.source()},
        {DL_TRANSLATE_NOOP("dl", "%1 words to train on (minimum count %2); a window of %3 needs at least %4"),
         {std::to_string(m_corpus.length()), std::to_string(config.minCount), std::to_string(config.window),
          std::to_string(needed)}});
}

RebuildReason SkipGramTrainer::apply(const SkipGramConfig& next) {
  next.validate();
  const RebuildReason reason = firstRebuild(skipGramFields(), m_config, next);
  if (reason != RebuildReason::None) return reason;
  checkLength(next);
  m_config = next;
  return RebuildReason::None;
}

void SkipGramTrainer::startEpoch() {
  m_stream = subsample(m_corpus.ids(), m_corpus.vocabulary(), m_config.subsample, m_rng);
  m_centre = 0;
  m_context = 0;
}

double SkipGramTrainer::learningRate() const { return progress().learningRate; }

SkipGramProgress SkipGramTrainer::progress() const {
  SkipGramProgress p;
  p.epoch = m_epoch;
  p.pairsDone = m_pairsDone;
  const double within = m_stream.empty() ? 1.0 : static_cast<double>(m_centre) / static_cast<double>(m_stream.size());
  p.fraction = finished() ? 1.0 : std::min(1.0, (m_epoch + within) / m_config.epochs);
  p.learningRate =
      m_config.decayLearningRate ? m_config.learningRate * std::max(1.0 - p.fraction, 0.0001) : m_config.learningRate;
  p.lastLoss = m_lastLoss;
  p.smoothedLoss = m_smoothedLoss;
  p.finished = finished();
  return p;
}

double SkipGramTrainer::trainPair(int centre, int context, double lr) {
  m_targets.clear();
  m_targets.push_back(context);
  for (int j = 0; j < m_config.negatives; ++j) {
    const int t = m_table.sample(m_rng);
    if (t != context) m_targets.push_back(t);
  }
  const double loss = pairLossAndGradient(m_in.col(centre), m_out, m_targets, m_gradV, m_gradU);
  const auto step = static_cast<Scalar>(lr);
  for (std::size_t i = 0; i < m_targets.size(); ++i)
    m_out.col(m_targets[i]).noalias() -= step * m_gradU.col(static_cast<Index>(i));
  m_in.col(centre).noalias() -= step * m_gradV;
  return loss;
}

std::int64_t SkipGramTrainer::step(std::int64_t n) {
  std::int64_t done = 0;
  double lossSum = 0.0;
  while (done < n && !finished()) {
    const std::int64_t window = m_config.window;
    const auto length = static_cast<std::int64_t>(m_stream.size());
    if (m_centre >= length) {
      if (++m_epoch < m_config.epochs) startEpoch();
      continue;
    }
    m_context = std::max(m_context, m_centre - window);  // the window may have shrunk (apply)
    const std::int64_t hi = std::min(length - 1, m_centre + window);
    if (m_context > hi) {
      ++m_centre;
      m_context = std::max<std::int64_t>(0, m_centre - window);
      continue;
    }
    if (m_context == m_centre) {
      ++m_context;
      continue;
    }
    const double loss = trainPair(m_stream[static_cast<std::size_t>(m_centre)],
                                  m_stream[static_cast<std::size_t>(m_context)], learningRate());
    ++m_context;
    lossSum += loss;
    m_smoothedLoss = m_haveLoss ? 0.999 * m_smoothedLoss + 0.001 * loss : loss;
    m_haveLoss = true;
    ++done;
    ++m_pairsDone;
  }
  if (done > 0) m_lastLoss = lossSum / static_cast<double>(done);
  return done;
}

void SkipGramTrainer::train() {
  while (!finished()) step(1 << 20);
}

WordVectors SkipGramTrainer::snapshot() const {
  WordVectors wv;
  const Vocabulary& vocab = m_corpus.vocabulary();
  wv.words.reserve(static_cast<std::size_t>(vocab.size()));
  for (int w = 0; w < vocab.size(); ++w) wv.words.push_back(vocab.word(w));
  wv.vectors = m_in;
  wv.unit = m_in;
  for (Index j = 0; j < wv.unit.cols(); ++j) {
    const Scalar norm = wv.unit.col(j).norm();
    if (norm > 0) wv.unit.col(j) /= norm;
  }
  return wv;
}

}  // namespace dl
