// The sequence lab's trainer: a stack of registered layers (recurrent cells and a head, nn/Network.h)
// trained on a sequence task (data/SequenceTasks.h) with mean squared error, softmax cross-entropy,
// or softmax cross-entropy at every step (the character model). It shares with the CNN lab's trainer
// (train/TrainerCore.h) the Fisher–Yates shuffle per epoch from the seed, divergence detection
// keeping the last finite weights and evaluation in chunks summed in chunk order, and adds what the notes on recurrent
// networks need: gradient clipping by global norm or by value, the gradient through time of the
// first recurrent layer at every step, the Jacobian ∂h_t/∂h_s of a sequence, the forget-gate
// product, and text sampled with a temperature. Deterministic for a seed on any number of threads.
#pragma once

#include "core/Rng.h"
#include "data/SequenceTasks.h"
#include "nn/Network.h"
#include "nn/Recurrent.h"
#include "seq/SeqConfig.h"
#include "train/TrainerCore.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dl {

// The task's sequences. `text` is the character model's UTF-8 text and `textSource` the name its
// errors use (the app reads the file, or the notes, and passes them); other tasks ignore both.
// A series is read from task.file here. Throws DataError (a text or series that is empty, binary,
// not UTF-8, or too short for the length: the message names the file and says how long it is) or
// ConfigError.
std::shared_ptr<const SeqData> makeSeqData(const SeqTaskConfig& task, const std::string& text = {},
                                           const std::string& textSource = {});

// A series column of a CSV file: numbers one per row, the column named by its header text or its
// 1-based number ("" = the last column); a first row that is not a number there is a header.
// Throws DataError naming the file, line and column for a missing, binary or non-regular file,
// a cell that is not a finite number, an unknown column, or fewer than 2 values.
std::vector<double> readSeries(const std::string& path, const std::string& column);

struct SeqStep {
  long long step = 0;  // steps completed, including this one
  long long epoch = 0;
  double lr = 0;
  double trainLoss = kNaN;
  double gradNormTotal = 0;  // the global gradient norm before clipping
  bool clipped = false;
  // ‖∂L/∂h_t‖ of the first recurrent layer, t = 0 … T−1 (mean over the batch): the gradient
  // through time. Empty without a recurrent layer.
  std::vector<double> timeGradients;
  bool evaluated = false;
  double valLoss = kNaN, valAccuracy = kNaN;  // accuracy: NaN for regression
};

struct SeqEvaluation {
  double loss = kNaN;
  double accuracy = kNaN;  // classification: of sequences, or of every step's token (character model)
  Index samples = 0;
};

enum class SeqSplit { Train, Validation, Test };

class SeqTrainer {
public:
  // Validates the configuration (ConfigError naming the field) and builds the network for the
  // task's shape: a stack that does not fit is ConfigError "layers[i]…"; a last layer that does not
  // give one value (regression), one value per class, or one per class at every step (the character
  // model, e.g. a conv1d of kernel 1 after a recurrent layer returning sequences) is ConfigError
  // "layers". Initialises it from training.seed.
  SeqTrainer(SeqConfig config, std::shared_ptr<const SeqData> data);

  const SeqConfig& config() const { return m_config; }
  const SeqData& data() const { return *m_data; }
  std::shared_ptr<const SeqData> dataPointer() const { return m_data; }
  const Network& network() const { return m_net; }
  Network& network() { return m_net; }
  long long stepCount() const { return m_core.stepCount(); }
  bool diverged() const { return m_core.diverged(); }
  const std::optional<Divergence>& divergence() const { return m_core.divergence(); }

  // One mini-batch step. After a divergence throws std::logic_error.
  SeqStep step();
  SeqEvaluation evaluate(SeqSplit which) const;
  // The network's outputs for sample i of a part: (outputs, 1) — the prediction (regression) or the
  // class probabilities; the character model's are (classes, T), one column per step.
  Matrix predict(SeqSplit which, Index i) const;
  const SeqSet& part(SeqSplit which) const;

  // Between steps: clipping and the learning rate may change while it trains.
  void setClipping(double clipNorm, double clipValue);
  void setLearningRate(double lr);

  // ---- the recurrent layer's insides (the first recurrent layer of the stack; −1 / null without) ----
  int recurrentIndex() const { return m_recurrent; }
  const Recurrent* recurrent() const;
  std::span<const Scalar> recurrentParams() const;
  // ∂h_to/∂h_from (H, H) on sample i of a part, as the trained weights give it; steps count from 0.
  Eigen::MatrixXd stateJacobian(SeqSplit which, Index i, Index from, Index to) const;
  // Its largest singular value: how much a change of h_from can change h_to.
  double stateJacobianNorm(SeqSplit which, Index i, Index from, Index to) const;
  // ‖∂h_{T−1}/∂h_s‖ for every step s of sample i (Recurrent::stateJacobianNorms).
  std::vector<double> stateJacobianNorms(SeqSplit which, Index i) const;
  // The median of ‖∂h_{T−1}/∂h_0‖ over the first `samples` sequences of a part (NaN without any):
  // the number the lab's score board and the headless report give for "does h_1 still reach h_T".
  double medianJacobianNorm(SeqSplit which, Index samples) const;
  // One forward pass of sample i in evaluation mode through the layers up to and including the
  // recurrent layer: what gates and states it shows (a copy of the layer's diagnostics).
  struct Inside {
    std::vector<std::string> gateNames;
    Matrix gates;   // (G·H, T) every gate's activation per step
    Matrix hidden;  // (H, T) h_t
    Matrix cell;    // (H, T) the LSTM's c_t; empty for the others
    Matrix input;   // (F, T) what the recurrent layer reads
  };
  Inside inside(SeqSplit which, Index i) const;
  // The LSTM's forget gates multiplied along the sequence, ∏_{t<T} f_t, averaged over units and the
  // first `samples` sequences of a part: how much of c₀ survives to the end (NaN without an LSTM).
  double forgetProduct(SeqSplit which, Index samples) const;

  // ---- the character model ----
  // `length` characters continuing `prompt` (ids; empty: from the most frequent character), each
  // drawn from softmax(logits / temperature) with a seeded Rng; temperature → 0 is greedy.
  std::vector<int> sampleText(const std::vector<int>& prompt, int length, double temperature, std::uint64_t seed) const;

private:
  void nextBatch();
  double lossOf(const Matrix& out, const SeqSet& s, Index start, Index len, Matrix* d, Index* correct) const;
  Matrix prefixInput(const Matrix& x) const;  // x through the layers before the recurrent one

  SeqConfig m_config;
  std::shared_ptr<const SeqData> m_data;
  Network m_net;
  int m_recurrent = -1;  // stack index of the first recurrent layer
  TrainerCore m_core;
  Matrix m_xb, m_dOut;
  std::vector<Index> m_batch;  // the samples of the batch
};

// The same configuration once per cell of training.cells (each recurrent layer's kind replaced),
// on one data set and from one seed, stepped in lockstep: RNN, LSTM and GRU side by side. Without
// cells, one run of the stack as written.
class SeqRuns {
public:
  SeqRuns(const SeqConfig& c, std::shared_ptr<const SeqData> data);
  std::size_t size() const { return m_runs.size(); }
  SeqTrainer& trainer(std::size_t i) { return *m_runs[i]; }
  const SeqTrainer& trainer(std::size_t i) const { return *m_runs[i]; }
  const std::string& label(std::size_t i) const { return m_labels[i]; }
  // Steps every run that has not diverged once; result i belongs to run i (default for a diverged run).
  std::vector<SeqStep> step();

private:
  std::vector<std::unique_ptr<SeqTrainer>> m_runs;
  std::vector<std::string> m_labels;
};

// The configuration of cell `cell`: every recurrent layer's kind replaced by it.
SeqConfig withCell(SeqConfig c, const std::string& cell);

}  // namespace dl
