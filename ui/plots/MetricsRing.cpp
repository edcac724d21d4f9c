// The CSV export's ring of full-resolution metrics (see MetricsRing.h).
#include "plots/MetricsRing.h"

#include <algorithm>

namespace dlui {

MetricsRing::MetricsRing(std::size_t capacity) : m_capacity(std::max<std::size_t>(1, capacity)) {}

void MetricsRing::clear() {
  m_blocks.clear();
  m_layers = -1;
  m_size = m_head = 0;
  m_overwritten = 0;
}

void MetricsRing::append(const dl::StepMetrics& m) {
  if (m_layers < 0) m_layers = static_cast<int>(m.layers.size());
  const std::size_t cols = columns();
  std::size_t row;
  if (m_size < m_capacity) {
    row = (m_head + m_size) % m_capacity;
    ++m_size;
    if (row / kBlockRows >= m_blocks.size()) m_blocks.emplace_back(kBlockRows * cols);
  } else {
    row = m_head;  // overwrite the oldest
    m_head = (m_head + 1) % m_capacity;
    ++m_overwritten;
  }
  double* r = rowAt(row);
  r[0] = static_cast<double>(m.step);
  r[1] = static_cast<double>(m.epoch);
  r[2] = m.lr;
  r[3] = m.trainLoss;
  r[4] = m.penalty;
  r[5] = m.evaluated ? 1.0 : 0.0;
  r[6] = m.valLoss;
  r[7] = m.valAccuracy;
  r[8] = m.gradNormTotal;
  r[9] = m.clipped ? 1.0 : 0.0;
  r[10] = m.layers.empty() ? 0.0 : 1.0;
  r[11] = m.testLoss;
  r[12] = m.testAccuracy;
  for (int l = 0; l < m_layers; ++l) {
    double* c = r + kFixed + 5 * l;
    if (l < static_cast<int>(m.layers.size())) {
      const dl::LayerStats& s = m.layers[static_cast<std::size_t>(l)];
      c[0] = s.gradNorm;
      c[1] = s.weightNorm;
      c[2] = s.updateRatio;
      c[3] = s.sparsity;
      c[4] = s.saturation;
    } else {
      std::fill(c, c + 5, dl::kNaN);
    }
  }
}

dl::StepMetrics MetricsRing::at(std::size_t i) const {
  const double* r = rowAt((m_head + i) % m_capacity);
  dl::StepMetrics m;
  m.step = static_cast<long long>(r[0]);
  m.epoch = static_cast<long long>(r[1]);
  m.lr = r[2];
  m.trainLoss = r[3];
  m.penalty = r[4];
  m.evaluated = r[5] != 0.0;
  m.valLoss = r[6];
  m.valAccuracy = r[7];
  m.gradNormTotal = r[8];
  m.clipped = r[9] != 0.0;
  m.testLoss = r[11];
  m.testAccuracy = r[12];
  if (r[10] != 0.0) {
    m.layers.resize(static_cast<std::size_t>(m_layers));
    for (int l = 0; l < m_layers; ++l) {
      const double* c = r + kFixed + 5 * l;
      m.layers[static_cast<std::size_t>(l)] = dl::LayerStats{c[0], c[1], c[2], c[3], c[4]};
    }
  }
  return m;
}

}  // namespace dlui
