// The sequence lab's simulation (labs/sequence/SeqSimulation.h).
#include "labs/sequence/SeqSimulation.h"

#include "core/Error.h"

#include <algorithm>
#include <numeric>

namespace dlui {

namespace {

constexpr dl::Index kJacobianSequences = 8;  // the median the headless report gives too
constexpr dl::Index kForgetSequences = 32;
constexpr int kExamples = 6;
constexpr int kSampledCharacters = 160;

}  // namespace

SeqSimulation::SeqSimulation(std::unique_ptr<dl::SeqRuns> runs) : m_runs(std::move(runs)) {
  m_pending.resize(m_runs->size());
}

SeqSimulation::SeqSimulation(std::unique_ptr<dl::Seq2SeqTrainer> seq2seq, int evalEvery)
    : m_seq2seq(std::move(seq2seq)), m_evalEvery(std::max(1, evalEvery)) {
  const dl::Index L = m_seq2seq->config().length;
  // The first held-out sequence is what the alignment shows until the user types one.
  m_settings.source.clear();
  const dl::TokenPairs& held = m_seq2seq->heldOut();
  if (held.count > 0 && held.length == L)
    m_settings.source.assign(held.source.begin(), held.source.begin() + L);
  else
    for (dl::Index i = 0; i < L; ++i) m_settings.source.push_back(static_cast<int>(i % m_seq2seq->config().digits));
}

SeqSimulation::SeqSimulation(std::unique_ptr<dl::SkipGramTrainer> words, int mapWords)
    : m_words(std::move(words)), m_mapWords(std::max(2, mapWords)) {}

bool SeqSimulation::step() {
  if (m_runs) {
    const std::vector<dl::SeqStep> steps = m_runs->step();
    bool evaluated = false;
    for (std::size_t r = 0; r < steps.size(); ++r) {
      if (steps[r].step == 0) continue;  // a diverged run
      m_pending[r].steps.push_back(steps[r]);
      evaluated = evaluated || steps[r].evaluated;
    }
    return evaluated;
  }
  if (m_seq2seq) {
    const double loss = m_seq2seq->step();
    m_s2sPending.steps.push_back({m_seq2seq->stepsDone(), loss});
    if (m_seq2seq->stepsDone() % m_evalEvery == 0) {
      m_s2sPending.evaluation = m_seq2seq->evaluate();
      return true;
    }
    return false;
  }
  const int epoch = m_words->progress().epoch;
  m_words->step(kPairsPerStep);
  ++m_wordSteps;
  return m_words->progress().epoch != epoch;
}

long long SeqSimulation::stepCount() const {
  if (m_runs)
    return lockstepStepCount(m_runs->size(), [this](std::size_t r) -> const dl::SeqTrainer& { return m_runs->trainer(r); });
  if (m_seq2seq) return m_seq2seq->stepsDone();
  return m_wordSteps;
}

bool SeqSimulation::finished() const {
  if (m_runs) {
    for (std::size_t r = 0; r < m_runs->size(); ++r)
      if (!m_runs->trainer(r).diverged()) return false;
    return true;
  }
  if (m_seq2seq) return false;
  return m_words->finished();
}

void SeqSimulation::setClipping(double clipNorm, double clipValue) {
  if (m_runs)
    for (std::size_t r = 0; r < m_runs->size(); ++r) m_runs->trainer(r).setClipping(clipNorm, clipValue);
}

void SeqSimulation::setLearningRate(double lr) {
  if (m_runs)
    for (std::size_t r = 0; r < m_runs->size(); ++r) m_runs->trainer(r).setLearningRate(lr);
}

namespace {

// A motif-task sequence (one-hot: symbol f at step t in row f·T + t) as letters, with the motif
// A B C bracketed where it occurs.
std::string motifText(const dl::Vector& x, dl::Index symbols, dl::Index steps) {
  std::string letters;
  for (dl::Index t = 0; t < steps; ++t) {
    char c = '?';
    for (dl::Index f = 0; f < symbols; ++f)
      if (x(f * steps + t) > 0.5f) c = static_cast<char>('A' + f % 26);
    letters += c;
  }
  const std::size_t at = letters.find("ABC");
  if (at != std::string::npos) letters = letters.substr(0, at) + "[ABC]" + letters.substr(at + 3);
  return letters;
}

}  // namespace

std::shared_ptr<const SeqRunReport> SeqSimulation::reportOf(const dl::SeqTrainer& t) const {
  auto r = std::make_shared<SeqRunReport>();
  r->step = t.stepCount();
  const dl::SeqData& d = t.data();
  const dl::SeqSet& test = d.test;
  r->test = t.evaluate(dl::SeqSplit::Test);
  r->sample = std::clamp<int>(m_settings.sample, 0, static_cast<int>(std::max<dl::Index>(test.size() - 1, 0)));
  if (const dl::Recurrent* rec = t.recurrent(); rec && test.size() > 0) {
    r->jacobianMedian = t.medianJacobianNorm(dl::SeqSplit::Test, kJacobianSequences);
    r->jacobianNorms = t.stateJacobianNorms(dl::SeqSplit::Test, r->sample);
    r->inside = t.inside(dl::SeqSplit::Test, r->sample);
    if (std::string(rec->kind()) == "lstm") r->forgetProduct = t.forgetProduct(dl::SeqSplit::Test, kForgetSequences);
  }
  const dl::Index n = std::min<dl::Index>(d.perStep ? 1 : kExamples, test.size());
  for (dl::Index i = 0; i < n; ++i) {
    SeqRunReport::Example e;
    const dl::Matrix out = t.predict(dl::SeqSplit::Test, i);
    if (t.config().task.kind == "motif") e.input = motifText(test.X.col(i), d.features, d.steps);
    if (d.classes == 0) {
      e.predicted = {static_cast<double>(out(0, 0)) * d.scale + d.offset};
      e.truth = {static_cast<double>(test.targets(0, i)) * d.scale + d.offset};
    } else {
      for (dl::Index c = 0; c < out.cols(); ++c) {
        Eigen::Index q = 0;
        out.col(c).maxCoeff(&q);
        e.predicted.push_back(static_cast<double>(q));
        const std::size_t label = d.perStep ? static_cast<std::size_t>(i * d.steps + c) : static_cast<std::size_t>(i);
        e.truth.push_back(label < test.labels.size() ? test.labels[label] : -1);
      }
    }
    r->examples.push_back(std::move(e));
  }
  if (d.perStep) {
    for (int id : t.sampleText({}, kSampledCharacters, m_settings.temperature, m_settings.sampleSeed))
      r->sampledText += d.classNames[static_cast<std::size_t>(id)];
  }
  return r;
}

void SeqSimulation::fillSeq2Seq(Seq2SeqState& s, bool heavy) {
  s.step = m_seq2seq->stepsDone();
  if (!heavy) return;
  s.source = m_settings.source;
  try {
    s.prediction = m_seq2seq->predict(s.source);
    if (m_seq2seq->config().attention != "none") s.alignment = m_seq2seq->attentionWeights(s.source);
  } catch (const std::exception&) {
    // The window checks typed sequences before it sends them; one that still fails shows nothing.
    s.prediction.clear();
    s.alignment = dl::Matrix();
  }
  if (!s.evaluation) s.evaluation = m_seq2seq->evaluate();
}

void SeqSimulation::fillWords(WordsState& s, bool heavy) {
  (void)heavy;  // the whole picture is cheap (a few hundred words of 10–50 dimensions)
  s.progress = m_words->progress();
  const dl::WordVectors wv = m_words->snapshot();
  try {
    if (!m_settings.query.empty()) s.neighbours = dl::nearestNeighbours(wv, m_settings.query, 8);
  } catch (const dl::ConfigError&) {
    s.queryError = m_settings.query;
  }
  try {
    if (!m_settings.a.empty() && !m_settings.b.empty() && !m_settings.c.empty())
      s.analogy = dl::analogy(wv, m_settings.a, m_settings.b, m_settings.c, 5);
  } catch (const dl::ConfigError& e) {
    if (s.queryError.empty()) s.queryError = e.value();
  }
  const dl::Vocabulary& v = m_words->corpus().vocabulary();
  std::vector<int> order(static_cast<std::size_t>(v.size()));
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return v.count(a) > v.count(b); });
  if (order.size() > static_cast<std::size_t>(m_mapWords)) order.resize(static_cast<std::size_t>(m_mapWords));
  // Keep the query, its neighbours and the analogy's words on the map.
  std::vector<std::string> keep = {m_settings.query, m_settings.a, m_settings.b, m_settings.c};
  for (const dl::Neighbour& n : s.neighbours) keep.push_back(n.word);
  for (const dl::Neighbour& n : s.analogy) keep.push_back(n.word);
  for (const std::string& w : keep) {
    const int id = wv.id(w);
    if (id >= 0 && std::find(order.begin(), order.end(), id) == order.end()) order.push_back(id);
  }
  dl::Matrix points(wv.unit.rows(), static_cast<dl::Index>(order.size()));
  for (std::size_t i = 0; i < order.size(); ++i) {
    points.col(static_cast<dl::Index>(i)) = wv.unit.col(order[i]);
    s.words.push_back(wv.words[static_cast<std::size_t>(order[i])]);
  }
  const dl::Projection2d p = dl::projectPca2d(points, m_reference.size() ? &m_reference : nullptr);
  m_reference = p.axes;
  s.coordinates = p.coordinates;
}

std::shared_ptr<LabSnapshot> SeqSimulation::snapshot(bool heavy) {
  auto snap = std::make_shared<SeqSnapshot>();
  if (m_runs) {
    for (std::size_t r = 0; r < m_runs->size(); ++r) {
      const dl::SeqTrainer& t = m_runs->trainer(r);
      SeqRunState& s = m_pending[r];
      s.step = t.stepCount();
      s.divergence = t.divergence();
      if (const dl::Recurrent* rec = t.recurrent()) {
        const Eigen::VectorXcd lambda = rec->recurrentEigenvalues(t.recurrentParams(), rec->candidateGate());
        s.eigenvalues.assign(lambda.data(), lambda.data() + lambda.size());
        s.spectralRadius = lambda.size() ? lambda.cwiseAbs().maxCoeff() : dl::kNaN;
      }
      if (heavy && !t.diverged()) s.report = reportOf(t);
    }
    snap->runs = std::move(m_pending);
    m_pending.assign(m_runs->size(), SeqRunState{});
  } else if (m_seq2seq) {
    fillSeq2Seq(m_s2sPending, heavy);
    snap->seq2seq = std::move(m_s2sPending);
    m_s2sPending = Seq2SeqState{};
  } else {
    WordsState w;
    fillWords(w, heavy);
    snap->words = std::move(w);
  }
  return snap;
}

}  // namespace dlui
