// The epoch order (train/EpochOrder.h).
#include "train/EpochOrder.h"

#include <algorithm>
#include <numeric>
#include <utility>

namespace dl {

void EpochOrder::reset(Index n) {
  m_order.resize(static_cast<std::size_t>(n));
  std::iota(m_order.begin(), m_order.end(), Index(0));
  m_cursor = n;  // the first batch starts an epoch with a shuffle
  m_epoch = 0;
}

std::span<const Index> EpochOrder::next(Index batchSize, Index minBatch) {
  const Index n = static_cast<Index>(m_order.size());
  if (n - m_cursor < minBatch) {
    for (Index i = n - 1; i > 0; --i)
      std::swap(m_order[static_cast<std::size_t>(i)], m_order[m_rng.below(static_cast<std::uint64_t>(i + 1))]);
    m_cursor = 0;
    ++m_epoch;
  }
  const Index len = std::min(std::min(batchSize, n), n - m_cursor);
  const std::span<const Index> batch(m_order.data() + m_cursor, static_cast<std::size_t>(len));
  m_cursor += len;
  return batch;
}

void EpochOrder::restore(const Rng::State& rng, std::vector<Index> order, Index cursor, long long epoch) {
  m_rng.setState(rng);
  m_order = std::move(order);
  m_cursor = cursor;
  m_epoch = epoch;
}

}  // namespace dl
