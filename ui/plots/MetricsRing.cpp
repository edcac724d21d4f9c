// The CSV export's ring of full-resolution metrics (see MetricsRing.h).
#include "plots/MetricsRing.h"

#include <algorithm>

namespace dlui {

MetricsRing::MetricsRing(std::size_t capacity) : m_capacity(std::max<std::size_t>(1, capacity)) {}

void MetricsRing::clear() {
  m_rows.clear();
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
    if (m_rows.size() < (row + 1) * cols) {
      if (m_rows.capacity() < (row + 1) * cols)  // grow geometrically, never past capacity rows
        m_rows.reserve(std::min(m_capacity * cols, std::max<std::size_t>(1024 * cols, 2 * m_rows.capacity())));
      m_rows.resize((row + 1) * cols);
    }
  } else {
    row = m_head;  // overwrite the oldest
    m_head = (m_head + 1) % m_capacity;
    ++m_overwritten;
  }
  double* r = m_rows.data() + row * cols;
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
  const double* r = m_rows.data() + ((m_head + i) % m_capacity) * columns();
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
