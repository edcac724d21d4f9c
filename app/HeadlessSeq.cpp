// The sequence lab headless: train the configuration's runs (one, or one per cell of
// training.cells, in lockstep) for their `steps` (or --steps; 0 measures the initial network),
// print one line per validation, then per run what the notes' claims are about: the test loss
// against the input-blind baseline (or the accuracy), the gradient through time at the first step
// against the last, ‖∂h_T/∂h_1‖ along test sequences, the recurrent matrix's spectral radius and,
// for an LSTM, the product of its forget gates. --metrics writes one CSV row per step and run.
// Exit 0, 2 for bad input, 3 when every run diverged (after writing the metrics).
#include "HeadlessSeq.h"

#include "Headless.h"
#include "core/Error.h"
#include "core/Parallel.h"
#include "io/ErrorText.h"
#include "io/OutputFile.h"
#include "io/SeqIo.h"
#include "seq/Seq2SeqTrainer.h"
#include "seq/SkipGram.h"

#include <QCommandLineParser>
#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <cstdio>

namespace dlapp {

namespace {

// How many test sequences the Jacobian and forget-gate numbers look at.
constexpr dl::Index kProbeSequences = 8;

// Reversal or sorting by the encoder-decoder: token and sequence accuracy of greedy decoding on the
// held-out set at every evaluation; then, with attention, how its weights look on held-out inputs.
int runSeq2Seq(const QCommandLineParser& p, const dl::SeqConfig& c, const QString& source) {
  std::unique_ptr<dl::Seq2SeqTrainer> t;
  if (const int bad = buildLab(source, [&] { t = std::make_unique<dl::Seq2SeqTrainer>(dl::seq2seqConfigOf(c)); }))
    return bad;
  MetricsFile metrics;
  if (const int bad = metrics.open(p, "step,train_loss,grad_norm,token_accuracy,sequence_accuracy\n")) return bad;
  QElapsedTimer timer;
  timer.start();
  std::vector<std::string> lines;
  for (long long k = 1; k <= c.training.steps; ++k) {
    const double loss = t->step();
    if (!std::isfinite(loss)) {
      // The rows up to the divergence are kept, as the other labs keep theirs.
      if (const int bad = metrics.finish()) return bad;
      std::fprintf(stderr, "diverged: non-finite loss at step %lld\n", k);
      return Diverged;
    }
    QByteArray row = QByteArray::number(k) + ',' + QByteArray::number(loss, 'g', 9) + ',' +
                     QByteArray::number(t->lastGradientNorm(), 'g', 9);
    if (k % c.training.evalEvery == 0 || k == c.training.steps) {
      const dl::Seq2SeqTrainer::Evaluation e = t->evaluate();
      row += ',' + QByteArray::number(e.tokenAccuracy, 'g', 6) + ',' + QByteArray::number(e.sequenceAccuracy, 'g', 6);
      lines.push_back(QString("step %1 train loss %2 token accuracy %3 sequence accuracy %4")
                          .arg(k, -7)
                          .arg(loss, -10, 'f', 5)
                          .arg(e.tokenAccuracy, 0, 'f', 4)
                          .arg(e.sequenceAccuracy, 0, 'f', 4)
                          .toStdString());
    } else {
      row += ",,";
    }
    if (metrics.enabled()) metrics.add(row + '\n');
  }
  const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
  if (const int bad = metrics.finish()) return bad;
  if (p.isSet("quiet")) return Success;
  std::printf("steps %lld in %.3f ms\n", c.training.steps, seconds * 1000);
  std::printf("task %s of %d digits from 0 to %d; encoder-decoder (%s encoder), attention %s: %lld parameters\n",
              c.task.kind.c_str(), c.task.length, c.seq2seq.digits - 1, c.seq2seq.bidirectional ? "two-way" : "one-way",
              c.seq2seq.attention.c_str(), static_cast<long long>(t->model().paramCount()));
  for (const std::string& l : lines) std::printf("%s\n", l.c_str());
  if (c.seq2seq.attention == "none") return Success;
  // The held-out inputs' alignments: rows sum to 1; for reversal, where each output step looks.
  const dl::TokenPairs& held = t->heldOut();
  const dl::Index L = held.length, n = std::min<dl::Index>(held.count, 64);
  double worst = 0;
  long long antiDiagonal = 0, rows = 0;
  for (dl::Index i = 0; i < n; ++i) {
    const std::span<const int> src(held.source.data() + i * L, static_cast<std::size_t>(L));
    const dl::Matrix a = t->attentionWeights(src);
    for (dl::Index r = 0; r < a.rows(); ++r) {
      worst = std::max(worst, std::abs(static_cast<double>(a.row(r).sum()) - 1.0));
      dl::Index at = 0;
      a.row(r).maxCoeff(&at);
      antiDiagonal += at == L - 1 - r;
      ++rows;
    }
  }
  std::printf(
      "attention on %lld held-out inputs: every row sums to 1 within %.1e; its largest weight on the "
      "anti-diagonal (source position L-1-t) for %.1f%% of output steps\n",
      static_cast<long long>(n), worst, 100.0 * static_cast<double>(antiDiagonal) / static_cast<double>(rows));
  return Success;
}

// Skip-gram on a text: the vocabulary, the training pairs (2cL − c² − c per pass), the loss, and the
// nearest neighbours of the most frequent words.
int runWords(const QCommandLineParser& p, dl::SeqConfig c, const QString& source) {
  if (p.isSet("metrics")) return fail("--metrics: skip-gram writes no metrics (it trains pair by pair)");
  if (p.isSet("seed")) c.skipgram.seed = c.training.seed;
  std::unique_ptr<dl::SkipGramTrainer> t;
  if (const int bad =
          buildLab(source, [&] { t = std::make_unique<dl::SkipGramTrainer>(dlio::loadCorpus(c), c.skipgram); }))
    return bad;
  QElapsedTimer timer;
  timer.start();
  t->train();
  const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
  if (p.isSet("quiet")) return Success;
  const dl::Corpus& corpus = t->corpus();
  const dl::SkipGramProgress pr = t->progress();
  const int window = c.skipgram.window;
  std::printf("skip-gram: %d epochs in %.3f ms\n", c.skipgram.epochs, seconds * 1000);
  std::printf("corpus: %lld words, %d distinct; window %d: %lld training pairs per pass (2cL - c^2 - c)\n",
              static_cast<long long>(corpus.length()), corpus.vocabulary().size(), window,
              static_cast<long long>(dl::skipGramPairCount(corpus.length(), window)));
  std::printf("%lld pairs trained, final loss %.4f (smoothed %.4f)\n", static_cast<long long>(pr.pairsDone),
              pr.lastLoss, pr.smoothedLoss);
  const dl::WordVectors wv = t->snapshot();
  const dl::Vocabulary& v = corpus.vocabulary();
  // The words the bundled corpus is about, when the text has them; otherwise its most frequent
  // words of four letters or more ("the", "a", "is" say little).
  std::vector<std::string> probes;
  for (const char* w : {"king", "three", "cat", "paris", "red"})
    if (v.id(w) >= 0) probes.push_back(w);
  if (probes.size() < 5) {
    probes.clear();
    std::vector<int> order(static_cast<std::size_t>(v.size()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return v.count(a) > v.count(b); });
    for (int id : order)
      if (probes.size() < 5 && QString::fromStdString(v.word(id)).size() >= 4) probes.push_back(v.word(id));
  }
  for (const std::string& w : probes) {
    std::string list;
    for (const dl::Neighbour& nb : dl::nearestNeighbours(wv, w, 3))
      list += (list.empty() ? "" : ", ") + nb.word + QString(" %1").arg(nb.similarity, 0, 'f', 2).toStdString();
    std::printf("nearest to %s: %s\n", w.c_str(), list.c_str());
  }
  return Success;
}

}  // namespace

std::string describeSeqPreset(const QString& preset) { return dlio::readSeqPreset(preset).description; }

int runSequence(const QCommandLineParser& p) {
  if (const int bad =
          checkLabArguments(p, "sequence", "the sequence lab", {"epochs", "save-model", "load-model", "trials-csv"},
                            {"config", "preset", "metrics", "steps", "seed", "threads"}))
    return bad;

  dl::SeqConfig c;
  if (const int bad = readLabConfig(p, c, dlio::readSeqFile, dlio::readSeqPreset)) return bad;
  const QString source = labSource(p);
  if (const int bad = stepsAndThreads(p, c.training.steps)) return bad;
  if (p.isSet("seed") && !seedOption(p.value("seed"), c.training.seed)) return BadInput;
  if (c.isSeq2Seq()) return runSeq2Seq(p, c, source);
  if (c.isWords()) return runWords(p, c, source);
  std::unique_ptr<dl::SeqRuns> runs;
  if (const int bad = buildLab(source, [&] { runs = std::make_unique<dl::SeqRuns>(c, dlio::loadSeqData(c.task)); }))
    return bad;
  MetricsFile metrics;
  if (const int bad = metrics.open(p, dlio::seqMetricsHeader().toUtf8() + '\n')) return bad;
  const std::size_t R = runs->size();
  const auto allDiverged = [&] {
    for (std::size_t r = 0; r < R; ++r)
      if (!runs->trainer(r).diverged()) return false;
    return true;
  };
  QElapsedTimer timer;
  timer.start();
  std::vector<std::vector<dl::SeqStep>> evaluations(R);
  std::vector<std::vector<double>> firstGradients(R), lastGradients(R);
  for (long long k = 0; k < c.training.steps && !allDiverged(); ++k) {
    const std::vector<dl::SeqStep> steps = runs->step();
    for (std::size_t r = 0; r < R; ++r) {
      const dl::SeqStep& s = steps[r];
      if (s.step == 0) continue;  // a diverged run
      if (metrics.enabled()) metrics.add(dlio::seqMetricsRow(runs->label(r), s).toUtf8() + '\n');
      if (s.evaluated) evaluations[r].push_back(s);
      if (s.step == 1) firstGradients[r] = s.timeGradients;
      if (!s.timeGradients.empty()) lastGradients[r] = s.timeGradients;
    }
  }
  const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
  if (const int bad = metrics.finish()) return bad;
  for (std::size_t r = 0; r < R; ++r)
    if (runs->trainer(r).diverged())
      std::fprintf(stderr, "%s%sdiverged: %s\n", runs->label(r).c_str(), runs->label(r).empty() ? "" : ": ",
                   runs->trainer(r).divergence()->describe().c_str());
  if (allDiverged()) return Diverged;
  if (p.isSet("quiet")) return Success;

  const dl::SeqData& d = runs->trainer(0).data();
  std::printf("steps %lld in %.3f ms\n", c.training.steps, seconds * 1000);
  std::printf("task %s: %lld training sequences of %lld steps; input-blind baseline %s %.4f\n", c.task.kind.c_str(),
              static_cast<long long>(d.train.size()), static_cast<long long>(d.steps),
              d.classes == 0 ? "mean squared error" : "cross-entropy", d.baselineLoss);
  for (std::size_t r = 0; r < R; ++r) {
    const dl::SeqTrainer& t = runs->trainer(r);
    const std::string name = runs->label(r).empty() ? std::string("run") : runs->label(r);
    std::printf("%s: %lld parameters\n", name.c_str(), static_cast<long long>(t.network().params().size()));
    for (const dl::SeqStep& s : evaluations[r])
      std::printf(
          "%s step %-7lld train loss %-10.5f val loss %-10.5f%s\n", name.c_str(), s.step, s.trainLoss, s.valLoss,
          std::isnan(s.valAccuracy) ? ""
                                    : QString(" val accuracy %1").arg(s.valAccuracy, 0, 'f', 4).toUtf8().constData());
    if (t.diverged()) continue;
    const dl::SeqEvaluation test = t.evaluate(dl::SeqSplit::Test);
    if (d.classes == 0)
      std::printf("%s test loss %.5f (baseline %.5f, ratio %.3f)\n", name.c_str(), test.loss, d.baselineLoss,
                  test.loss / d.baselineLoss);
    else
      std::printf("%s test loss %.5f test accuracy %.4f (baseline loss %.5f)\n", name.c_str(), test.loss, test.accuracy,
                  d.baselineLoss);
    if (c.task.kind == "motif" && c.task.heldOutPositions)
      std::printf(
          "%s accuracy with the motif where training showed it (validation) %.4f, where it never did (test) "
          "%.4f\n",
          name.c_str(), t.evaluate(dl::SeqSplit::Validation).accuracy, test.accuracy);
    const auto ratio = [](const std::vector<double>& g) {
      return g.size() > 1 && g.back() > 0 ? g.front() / g.back() : dl::kNaN;
    };
    if (!firstGradients[r].empty())
      std::printf("%s gradient through time |dL/dh_1| / |dL/dh_T|: %.3g at step 1, %.3g at the last step\n",
                  name.c_str(), ratio(firstGradients[r]), ratio(lastGradients[r]));
    if (const dl::Recurrent* rec = t.recurrent()) {
      std::printf("%s |dh_T/dh_1| (median of %lld test sequences) %.3g; spectral radius of U (%s) %.3f\n", name.c_str(),
                  static_cast<long long>(std::min<dl::Index>(kProbeSequences, d.test.size())), t.medianJacobianNorm(dl::SeqSplit::Test, kProbeSequences),
                  rec->gateNames()[static_cast<std::size_t>(rec->candidateGate())].c_str(),
                  rec->spectralRadius(t.recurrentParams(), rec->candidateGate()));
      if (std::string(rec->kind()) == "lstm")
        std::printf("%s forget-gate product over %lld steps %.3g\n", name.c_str(), static_cast<long long>(rec->steps()),
                    t.forgetProduct(dl::SeqSplit::Test, kProbeSequences));
    }
    if (d.perStep) {
      const std::vector<int> ids = t.sampleText({}, 120, 0.7, 1);
      std::string text;
      for (int id : ids) text += d.classNames[static_cast<std::size_t>(id)];
      std::printf("%s sample (temperature 0.7): %s\n", name.c_str(), dl::printable(text, 400).c_str());
    }
  }
  return Success;
}

}  // namespace dlapp
