// Bucketed history and min/max decimation (see PlotHistory.h).
#include "plots/PlotHistory.h"

#include <algorithm>
#include <utility>
#include <cmath>

namespace dlui {

PlotHistory::PlotHistory(int capacity) : m_capacity(std::max(2, capacity + (capacity & 1))) {}

void PlotHistory::clear() {
  m_buckets.clear();  // keeps the allocation: the next run fills the same memory
  m_nonFinite.clear();
  m_width = 1;
  m_samples = 0;
  m_minY = m_minPositiveY = std::numeric_limits<double>::infinity();
  m_maxY = -std::numeric_limits<double>::infinity();
}

std::size_t PlotHistory::memoryBytes() const {
  return m_buckets.capacity() * sizeof(Bucket) + m_nonFinite.capacity() * sizeof(double) + sizeof(*this);
}

void PlotHistory::Bucket::merge(const Bucket& next) {
  lastX = next.lastX;
  lastY = next.lastY;
  if (next.minY < minY) {
    minY = next.minY;
    minX = next.minX;
  }
  if (next.maxY > maxY) {
    maxY = next.maxY;
    maxX = next.maxX;
  }
  count += next.count;
  sum += next.sum;
}

void PlotHistory::markNonFinite(double x) {
  if (static_cast<int>(m_nonFinite.size()) == m_capacity) {
    for (std::size_t i = 0; i < m_nonFinite.size() / 2; ++i) m_nonFinite[i] = m_nonFinite[2 * i];
    m_nonFinite.resize(m_nonFinite.size() / 2);
  }
  m_nonFinite.push_back(x);
}

void PlotHistory::append(double x, double y) {
  if (!std::isfinite(y) || !std::isfinite(x)) return;
  ++m_samples;
  m_minY = std::min(m_minY, y);
  m_maxY = std::max(m_maxY, y);
  if (y > 0) m_minPositiveY = std::min(m_minPositiveY, y);
  if (!m_buckets.empty() && m_buckets.back().count < m_width) {
    m_buckets.back().merge(Bucket{x, y, x, y, x, y, x, y, 1, y});
    return;
  }
  if (static_cast<int>(m_buckets.size()) == m_capacity) {
    // Every bucket is full: merge neighbours, halving the count and doubling the width.
    for (std::size_t i = 0; i < m_buckets.size() / 2; ++i) {
      Bucket b = m_buckets[2 * i];
      b.merge(m_buckets[2 * i + 1]);
      m_buckets[i] = b;
    }
    m_buckets.resize(m_buckets.size() / 2);
    m_width *= 2;
  }
  if (m_buckets.capacity() < static_cast<std::size_t>(m_capacity))
    m_buckets.reserve(static_cast<std::size_t>(m_capacity));
  m_buckets.push_back(Bucket{x, y, x, y, x, y, x, y, 1, y});
}

// Adds p after the previous points; a point equal to the last is dropped, and a point continuing
// a horizontal run moves the run's end instead of adding one.
void PlotHistory::appendPoint(const QPointF& p, QList<QPointF>& out) {
  const qsizetype n = out.size();
  if (n > 0 && out[n - 1] == p) return;
  if (n > 1 && out[n - 1].y() == p.y() && out[n - 2].y() == p.y()) {
    out[n - 1] = p;
    return;
  }
  out.push_back(p);
}

// The minimum and maximum of one bucket (or of a column's merged buckets), in x order.
void PlotHistory::appendColumn(const Bucket& b, QList<QPointF>& out) {
  QPointF lo(b.minX, b.minY), hi(b.maxX, b.maxY);
  if (hi.x() < lo.x()) std::swap(lo, hi);
  appendPoint(lo, out);
  appendPoint(hi, out);
}

QList<QPointF> PlotHistory::decimated(int pixelWidth) const {
  QList<QPointF> out;
  if (m_buckets.empty()) return out;
  const int columns = std::max(1, pixelWidth);
  const double x0 = firstX(), span = lastX() - firstX();
  out.reserve(2 * std::min<qsizetype>(columns, static_cast<qsizetype>(m_buckets.size())) + 2);
  appendPoint(QPointF(m_buckets.front().firstX, m_buckets.front().firstY), out);
  if (static_cast<int>(m_buckets.size()) <= columns || span <= 0) {
    for (const Bucket& b : m_buckets) appendColumn(b, out);
  } else {
    // A bucket belongs to the column of its first sample; columns merge whole buckets.
    auto columnOf = [&](const Bucket& b) {
      return std::min(columns - 1, static_cast<int>(std::floor((b.firstX - x0) / span * columns)));
    };
    Bucket acc = m_buckets.front();
    int col = columnOf(acc);
    for (std::size_t i = 1; i < m_buckets.size(); ++i) {
      const int c = columnOf(m_buckets[i]);
      if (c == col) {
        acc.merge(m_buckets[i]);
      } else {
        appendColumn(acc, out);
        acc = m_buckets[i];
        col = c;
      }
    }
    appendColumn(acc, out);
  }
  appendPoint(QPointF(m_buckets.back().lastX, m_buckets.back().lastY), out);
  return out;
}

QList<QPointF> PlotHistory::smoothed(int pixelWidth, double weight) const {
  QList<QPointF> out;
  if (m_buckets.empty()) return out;
  const double w = std::clamp(weight, 0.0, 0.999);
  const int columns = std::max(1, pixelWidth);
  const double x0 = firstX(), span = lastX() - firstX();
  out.reserve(std::min<qsizetype>(columns, static_cast<qsizetype>(m_buckets.size())) + 1);
  double ema = 0, decay = 1;  // decay = w^(samples so far): the debiasing weight is 1 − decay
  int col = -1;
  long long lastCount = 0;  // every full bucket has the same count: one pow() for all of them
  double wn = 1;
  for (const Bucket& b : m_buckets) {
    if (b.count != lastCount) {
      lastCount = b.count;
      wn = std::pow(w, static_cast<double>(b.count));
    }
    ema = ema * wn + (1 - wn) * (b.sum / static_cast<double>(b.count));
    decay *= wn;
    const double y = decay < 1 ? ema / (1 - decay) : b.lastY;
    const int c = span > 0 ? std::min(columns - 1, static_cast<int>(std::floor((b.lastX - x0) / span * columns))) : 0;
    if (c == col && !out.isEmpty())
      out.back() = QPointF(b.lastX, y);
    else
      out.push_back(QPointF(b.lastX, y));
    col = c;
  }
  return out;
}

}  // namespace dlui
