// Full-resolution metrics of the last 100,000 steps, for the CSV export (the charts' histories
// are decimated and cannot be exported). A ring of flat rows: older steps fall out, memory is
// bounded by capacity · (13 + 5·layers) doubles. The rows live in blocks of 2,048 that are never
// moved: one contiguous array grown by doubling copied up to 20 MB inside a single snapshot and
// stalled the window for 50–80 ms.
#pragma once

#include "train/Trainer.h"

#include <cstddef>
#include <vector>

namespace dlui {

class MetricsRing {
public:
  static constexpr std::size_t kDefaultCapacity = 100000;

  explicit MetricsRing(std::size_t capacity = kDefaultCapacity);

  // The layer count is taken from the first row after clear(); later rows are cut or padded to it.
  void append(const dl::StepMetrics& m);
  void clear();

  std::size_t size() const { return m_size; }
  std::size_t capacity() const { return m_capacity; }
  int layerCount() const { return m_layers; }
  long long overwritten() const { return m_overwritten; }  // steps that fell out of the ring
  // i = 0 is the oldest step kept.
  dl::StepMetrics at(std::size_t i) const;

private:
  static constexpr int kFixed = 13;
  std::size_t columns() const { return static_cast<std::size_t>(kFixed + 5 * m_layers); }

  std::size_t m_capacity;
  int m_layers = -1;  // -1: not known until the first row
  std::size_t m_size = 0;
  std::size_t m_head = 0;  // row index of the oldest step
  long long m_overwritten = 0;
  static constexpr std::size_t kBlockRows = 2048;
  double* rowAt(std::size_t row) { return m_blocks[row / kBlockRows].data() + (row % kBlockRows) * columns(); }
  const double* rowAt(std::size_t row) const {
    return m_blocks[row / kBlockRows].data() + (row % kBlockRows) * columns();
  }
  std::vector<std::vector<double>> m_blocks;  // row-major blocks of kBlockRows rows, up to capacity rows
};

}  // namespace dlui
