// The order a trainer draws its mini-batches in: every training sample once per epoch, shuffled by
// Fisher–Yates from a stream of its own at each epoch start. Shared by the playground's Trainer and
// the labs' TrainerCore, so that the same seed gives the same batches in every lab; its whole state
// can be saved and restored for an exact resume.
#pragma once

#include "core/Rng.h"
#include "core/Types.h"

#include <span>
#include <vector>

namespace dl {

class EpochOrder {
public:
  void seed(std::uint64_t seed) { m_rng.reseed(seed ^ 0x9e3779b97f4a7c15ULL); }
  // Samples 0 … n−1 in order, and epoch 0: the next batch starts epoch 1 with a shuffle. The stream
  // goes on where it was.
  void reset(Index n);
  // The next mini-batch: at most `batchSize` indices. A new epoch (a shuffle) starts first when
  // fewer than `minBatch` samples of this one are left.
  std::span<const Index> next(Index batchSize, Index minBatch);
  bool epochEnd() const { return m_cursor >= static_cast<Index>(m_order.size()); }
  long long epoch() const { return m_epoch; }

  // For saving and resuming (checked by the caller).
  const Rng::State& rngState() const { return m_rng.state(); }
  const std::vector<Index>& order() const { return m_order; }
  Index cursor() const { return m_cursor; }
  void restore(const Rng::State& rng, std::vector<Index> order, Index cursor, long long epoch);

private:
  Rng m_rng;
  std::vector<Index> m_order;
  Index m_cursor = 0;
  long long m_epoch = 0;
};

}  // namespace dl
