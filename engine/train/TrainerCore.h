// What the CNN and sequence labs' trainers (cnn/CnnTrainer.h, seq/SeqTrainer.h) share: the
// network's initialisation and the streams seeded from training.seed, the optimiser and its
// schedule, an epoch order shuffled by Fisher–Yates at each epoch start, the step count, divergence
// that keeps the last finite weights, and inference over a part in chunks whose sums, taken in chunk
// order, are the same on any number of threads. Each trainer keeps its own loss, batch and step.
#pragma once

#include "config/Config.h"
#include "core/Parallel.h"
#include "core/Rng.h"
#include "nn/Network.h"
#include "optim/Optimizer.h"
#include "schedule/Schedule.h"
#include "train/Divergence.h"
#include "train/EpochOrder.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace dl {

class TrainerCore {
public:
  // Initialises `net` from `seed` (its dropout masks from a stream of their own), seeds the shuffle
  // stream, and restart()s: a trainer calls it once, after it has checked its configuration.
  void start(Network& net, const InitConfig& init, std::uint64_t seed, const OptimizerConfig& optimizer,
             const ScheduleConfig& schedule, Index trainSize);
  // A fresh optimiser state and schedule (as one makes a new optimiser to fine-tune), and a new
  // epoch 1 over `trainSize` samples, starting with a shuffle; the step count and shuffle stream go on.
  void restart(const OptimizerConfig& optimizer, const ScheduleConfig& schedule, Index paramCount, Index trainSize);

  // The next mini-batch: the indices of at most `batchSize` training samples. A new epoch (a
  // shuffle) starts first when fewer than `minBatch` samples of this one are left.
  std::span<const Index> nextBatch(Index batchSize, Index minBatch) { return m_batches.next(batchSize, minBatch); }
  // The last batch ended the epoch.
  bool epochEnd() const { return m_batches.epochEnd(); }
  long long epoch() const { return m_batches.epoch(); }
  long long stepCount() const { return m_step; }
  void countStep() { ++m_step; }
  // This epoch's learning rate from the schedule, never negative.
  double learningRate(double base) const { return std::max(m_schedule->rate(base, m_batches.epoch()), 0.0); }

  bool diverged() const { return m_divergence.has_value(); }
  const std::optional<Divergence>& divergence() const { return m_divergence; }
  // Throws std::logic_error after a divergence: a diverged run takes no more steps.
  void requireFinite() const;
  void diverge(long long step, int layer, std::string quantity);

  // The optimiser's step on net's parameters with gradient g at rate lr; the parameters before it
  // are kept (backup()) to restore a layer or the whole after it.
  void update(Network& net, const Vector& g, double lr);
  const Vector& backup() const { return m_backup; }
  // Puts back the weights from before the step and records divergence of the weights at `layer`.
  void rollBack(Network& net, long long step, int layer);
  // The validation loss after step `step`: the schedule sees it (a plateau), or, not finite, the
  // run diverges in its loss (`layers`: the network's weighted layer count).
  void validated(double loss, long long step, int layers);

  // The first weighted layer (counting from 1) whose parameters are not all finite; 0 when all are.
  static int nonFiniteLayer(const Network& net);

  static constexpr Index kEvalChunk = 256;
  static Index chunkCount(Index samples) { return (samples + kEvalChunk - 1) / kEvalChunk; }
  // net's outputs for the columns of X (inputs, N) in chunks of kEvalChunk, in parallel, each thread
  // with its own workspace: prepare(x) may change a chunk's input in place first, then
  // onChunk(c, start, len, out) must write only what belongs to chunk c.
  template <class Prepare, class OnChunk>
  static void inferInChunks(const Network& net, const Matrix& X, Prepare&& prepare, OnChunk&& onChunk);

private:
  std::unique_ptr<Optimizer> m_optimizer;
  std::unique_ptr<Schedule> m_schedule;
  EpochOrder m_batches;
  long long m_step = 0;
  Vector m_backup;
  std::optional<Divergence> m_divergence;
};

template <class Prepare, class OnChunk>
void TrainerCore::inferInChunks(const Network& net, const Matrix& X, Prepare&& prepare, OnChunk&& onChunk) {
  const Index n = X.cols(), chunks = chunkCount(n);
  const int threads = inParallelRegion() ? 1 : threadCount();
#pragma omp parallel num_threads(threads)
  {
    Network::Workspace ws;
    Matrix x, out;
#pragma omp for schedule(static)
    for (Index c = 0; c < chunks; ++c) {
      const Index start = c * kEvalChunk, len = std::min(kEvalChunk, n - start);
      x = X.middleCols(start, len);
      prepare(x);
      net.infer(x, out, ws);
      onChunk(c, start, len, static_cast<const Matrix&>(out));
    }
  }
}

}  // namespace dl
