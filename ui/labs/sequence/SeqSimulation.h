// What the sequence lab trains, as the labs' shared training thread drives it (session/LabRunner.h):
// - a layer stack on a sequence task, once per cell in lockstep (dl::SeqRuns: RNN, LSTM and GRU side
//   by side), whose snapshots carry each step's gradient through time and the recurrent matrices'
//   eigenvalues, and whose heavy snapshots add the test scores, ‖∂h_T/∂h_s‖ along a test sequence,
//   the insides of the cell for a chosen sequence, the forget-gate product, example predictions and
//   sampled text;
// - an encoder-decoder on reversal or sorting (dl::Seq2SeqTrainer), with the held-out accuracy and
//   the alignment of the sequence the user typed;
// - skip-gram word vectors (dl::SkipGramTrainer), with their 2-D projection, a word's neighbours
//   and an analogy.
#pragma once

#include "session/LabRunner.h"

#include "seq/Projection.h"
#include "seq/Seq2SeqTrainer.h"
#include "seq/SeqTrainer.h"
#include "seq/SkipGram.h"

#include <complex>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dlui {

// The costly part of one stack run's picture (heavy snapshots only).
struct SeqRunReport {
  long long step = 0;
  dl::SeqEvaluation test;
  double jacobianMedian = dl::kNaN;   // median ‖∂h_{T−1}/∂h_0‖ over 8 test sequences
  std::vector<double> jacobianNorms;  // ‖∂h_{T−1}/∂h_s‖, s = 0 … T−1, along test sequence `sample`
  double forgetProduct = dl::kNaN;    // LSTM: ∏ f_t along the sequence, mean over 32 test sequences
  dl::SeqTrainer::Inside inside;      // of test sequence `sample`
  int sample = 0;
  // Example predictions on the first test sequences: what the network says and what is right (the
  // target value, or the class; the character model: the class at every step, first sample only).
  struct Example {
    std::vector<double> predicted, truth;
    // The motif task: the sequence's symbols as letters, the motif's occurrence in brackets
    // ("DC[ABC]BD…"), so the reader sees where it is. Empty for the other tasks.
    std::string input;
  };
  std::vector<Example> examples;
  std::string sampledText;  // the character model: text sampled with the chosen temperature
};

struct SeqRunState {
  std::vector<dl::SeqStep> steps;  // since the previous snapshot, in order
  long long step = 0;
  std::optional<dl::Divergence> divergence;
  std::vector<std::complex<double>> eigenvalues;  // of the candidate's recurrent matrix
  double spectralRadius = dl::kNaN;
  std::shared_ptr<const SeqRunReport> report;  // a new report, or null
};

struct Seq2SeqState {
  struct Point {
    long step = 0;
    double loss = 0;
  };
  std::vector<Point> steps;  // since the previous snapshot
  long step = 0;
  std::optional<dl::Seq2SeqTrainer::Evaluation> evaluation;  // new held-out accuracy, or none
  std::vector<int> source, prediction;                       // the typed sequence and its decoding
  dl::Matrix alignment;  // (target, source) attention weights; empty without attention
};

struct WordsState {
  dl::SkipGramProgress progress;
  std::vector<std::string> words;  // the words shown on the map, most frequent first
  dl::Matrix coordinates;          // (2, words) PCA of their unit vectors
  std::vector<dl::Neighbour> neighbours;
  std::vector<dl::Neighbour> analogy;
  std::string queryError;  // an unknown query word, as one line
};

struct SeqSnapshot : LabSnapshot {
  std::vector<SeqRunState> runs;       // stack runs
  std::optional<Seq2SeqState> seq2seq;
  std::optional<WordsState> words;
};

// What the window asks of the heavy part; set by commands on the thread.
struct SeqReportSettings {
  int sample = 0;               // test sequence of the insides and the Jacobian curve
  double temperature = 0.7;     // sampled text
  std::uint64_t sampleSeed = 1;
  std::vector<int> source;      // seq2seq: the typed sequence
  std::string query = "king";   // words: neighbours of
  std::string a = "france", b = "paris", c = "italy";  // words: a : b :: c : ?
};

class SeqSimulation : public Simulation {
public:
  // Exactly one of the three is given.
  explicit SeqSimulation(std::unique_ptr<dl::SeqRuns> runs);
  explicit SeqSimulation(std::unique_ptr<dl::Seq2SeqTrainer> seq2seq, int evalEvery);
  SeqSimulation(std::unique_ptr<dl::SkipGramTrainer> words, int mapWords);

  bool step() override;
  long long stepCount() const override;
  bool finished() const override;
  std::shared_ptr<LabSnapshot> snapshot(bool heavy) override;

  SeqReportSettings& settings() { return m_settings; }
  // Between steps (the window's controls that apply live).
  void setClipping(double clipNorm, double clipValue);
  void setLearningRate(double lr);

  // The skip-gram pairs one step() trains.
  static constexpr std::int64_t kPairsPerStep = 2000;

private:
  std::shared_ptr<const SeqRunReport> reportOf(const dl::SeqTrainer& t) const;
  void fillSeq2Seq(Seq2SeqState& s, bool heavy);
  void fillWords(WordsState& s, bool heavy);

  std::unique_ptr<dl::SeqRuns> m_runs;
  std::unique_ptr<dl::Seq2SeqTrainer> m_seq2seq;
  std::unique_ptr<dl::SkipGramTrainer> m_words;
  int m_evalEvery = 100;
  int m_mapWords = 120;
  long long m_wordSteps = 0;
  std::vector<SeqRunState> m_pending;
  Seq2SeqState m_s2sPending;
  bool m_s2sEvaluated = false;
  dl::Matrix m_reference;  // the projection's previous axes (keeps the picture from flipping)
  SeqReportSettings m_settings;
};

}  // namespace dlui
