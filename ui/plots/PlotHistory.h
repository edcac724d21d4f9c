// Bounded-memory history of one time series for the live charts: a million steps and more in a
// fixed number of buckets, and a pixel-exact decimated point list for drawing. No Qt Charts here.
//
// Storage: at most capacity() buckets, each summarising `width` consecutive samples by their first,
// last, minimum and maximum. When every bucket is full, neighbours merge pairwise and the width
// doubles, so memory stays flat (capacity · sizeof(Bucket)) however long training runs.
// Drawing: decimated(w) gives, per pixel column, the minimum and the maximum sample in x order
// (plus the very first and last samples), so spikes survive at any zoom; the inner points of
// horizontal runs are left out. Two points per column, not M4's four (Jugel et al., PVLDB 7(10),
// 2014): Qt Charts spends about a microsecond per point on every replace(), and for noisy
// training curves the band drawn is the same.
#pragma once

#include <QList>
#include <QPointF>

#include <cstddef>
#include <limits>
#include <vector>

namespace dlui {

class PlotHistory {
public:
  static constexpr int kDefaultCapacity = 4096;

  explicit PlotHistory(int capacity = kDefaultCapacity);  // rounded up to an even number >= 2

  // x must not decrease. Non-finite y values are skipped (not measured at that step).
  void append(double x, double y);
  // A value that should have been finite was not (the run diverged at x): kept apart from the
  // samples, for a marker. At most capacity() are kept (every other one beyond that).
  void markNonFinite(double x);
  void clear();

  bool isEmpty() const { return m_buckets.empty(); }
  long long sampleCount() const { return m_samples; }
  int bucketCount() const { return static_cast<int>(m_buckets.size()); }
  int capacity() const { return m_capacity; }
  long long bucketWidth() const { return m_width; }  // samples per full bucket (a power of two)
  std::size_t memoryBytes() const;                   // allocated storage, flat after the first fill

  double firstX() const { return isEmpty() ? 0.0 : m_buckets.front().firstX; }
  double lastX() const { return isEmpty() ? 0.0 : m_buckets.back().lastX; }
  double lastY() const { return isEmpty() ? std::numeric_limits<double>::quiet_NaN() : m_buckets.back().lastY; }
  double minY() const { return m_minY; }
  double maxY() const { return m_maxY; }
  double minPositiveY() const { return m_minPositiveY; }  // +inf when no sample is > 0
  const std::vector<double>& nonFiniteX() const { return m_nonFinite; }

  // At most 2 points per pixel column (+ 2) over [firstX, lastX], in x order; every point is a
  // real sample. pixelWidth < 1 counts as 1.
  QList<QPointF> decimated(int pixelWidth) const;
  // The exponential moving average TensorBoard draws, with its debiasing (s_n = w·s_{n−1} +
  // (1−w)·y_n, divided by 1 − w^n), one point per pixel column at the column's last sample.
  // Exact while buckets hold one sample; a wider bucket enters as its mean with weight w^count
  // (close to exact while the window, 1/(1−w) samples, is wider than a bucket; smoother otherwise).
  // Costs O(bucketCount()), not O(samples): the GUI thread's work does not grow with the run.
  QList<QPointF> smoothed(int pixelWidth, double weight) const;

private:
  struct Bucket {
    double firstX, firstY, lastX, lastY;
    double minX, minY, maxX, maxY;
    long long count;
    double sum;                      // of the bucket's y values (the smoothing uses the mean)
    void merge(const Bucket& next);  // next follows this in x
  };
  static void appendColumn(const Bucket& b, QList<QPointF>& out);
  static void appendPoint(const QPointF& p, QList<QPointF>& out);

  int m_capacity;
  long long m_width = 1;
  long long m_samples = 0;
  double m_minY = std::numeric_limits<double>::infinity();
  double m_maxY = -std::numeric_limits<double>::infinity();
  double m_minPositiveY = std::numeric_limits<double>::infinity();
  std::vector<Bucket> m_buckets;
  std::vector<double> m_nonFinite;
};

}  // namespace dlui
