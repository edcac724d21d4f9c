// Image transforms on columns (channels, height, width). Statistics in double whatever Scalar is,
// as in Prepare.cpp.
#include "data/ImageTransforms.h"

#include "core/Error.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace dl {

namespace {

constexpr int kMaxAugmentShift = 8;
constexpr double kMaxAugmentRotation = 45.0;
constexpr double kPi = 3.141592653589793;

// One image moved by (dx, dy) from `in` into `out` (both a column's values), 0 fill.
void shiftColumn(const Scalar* in, Scalar* out, const ImageShape& s, Index dx, Index dy) {
  const Index h = s.height, w = s.width;
  std::fill(out, out + s.size(), Scalar(0));
  const Index x0 = std::max<Index>(0, dx), x1 = std::min(w, w + dx);
  const Index y0 = std::max<Index>(0, dy), y1 = std::min(h, h + dy);
  if (x0 >= x1 || y0 >= y1) return;
  for (Index c = 0; c < s.channels; ++c)
    for (Index y = y0; y < y1; ++y)
      std::copy(in + (c * h + y - dy) * w + x0 - dx, in + (c * h + y - dy) * w + x1 - dx, out + (c * h + y) * w + x0);
}

void flipColumn(Scalar* v, const ImageShape& s) {
  for (Index r = 0; r < s.channels * s.height; ++r) std::reverse(v + r * s.width, v + (r + 1) * s.width);
}

}  // namespace

void checkImages(const Dataset& d) {
  if (!d.image.isImage() || d.image.size() != d.features())
    throw ConfigError("data.image", std::to_string(d.features()) + " features",
                      {DL_TRANSLATE_NOOP("dl", "the data are not images of the shape %1"),
                       {std::to_string(d.image.channels) + " × " + std::to_string(d.image.height) + " × " +
                        std::to_string(d.image.width)}});
}

std::vector<Index> pixelPermutation(const ImageShape& shape, std::uint64_t seed) {
  std::vector<Index> perm(static_cast<std::size_t>(shape.height * shape.width));
  std::iota(perm.begin(), perm.end(), Index{0});
  Rng rng(seed);
  for (std::size_t i = perm.size(); i > 1; --i) std::swap(perm[i - 1], perm[static_cast<std::size_t>(rng.below(i))]);
  return perm;
}

void permutePixels(Matrix& X, const ImageShape& shape, const std::vector<Index>& perm) {
  const Index area = shape.height * shape.width;
  std::vector<char> seen(static_cast<std::size_t>(area), 0);
  bool ok = static_cast<Index>(perm.size()) == area && X.rows() == shape.size();
  for (std::size_t i = 0; ok && i < perm.size(); ++i) {
    ok = perm[i] >= 0 && perm[i] < area && !seen[static_cast<std::size_t>(perm[i])];
    if (ok) seen[static_cast<std::size_t>(perm[i])] = 1;
  }
  if (!ok)
    throw ConfigError("data.permutation", std::to_string(perm.size()) + " positions",
                      {DL_TRANSLATE_NOOP("dl", "not a permutation of the %1 pixel positions"), {std::to_string(area)}});
  Vector tmp(X.rows());
  for (Index i = 0; i < X.cols(); ++i) {
    tmp = X.col(i);
    for (Index c = 0; c < shape.channels; ++c)
      for (Index p = 0; p < area; ++p) X(c * area + p, i) = tmp(c * area + perm[static_cast<std::size_t>(p)]);
  }
}

void shiftImages(Matrix& X, const ImageShape& shape, int dx, int dy) {
  Vector tmp(X.rows());
  for (Index i = 0; i < X.cols(); ++i) {
    tmp = X.col(i);
    shiftColumn(tmp.data(), X.col(i).data(), shape, dx, dy);
  }
}

void flipImages(Matrix& X, const ImageShape& shape) {
  for (Index i = 0; i < X.cols(); ++i) flipColumn(X.col(i).data(), shape);
}

void validateAugment(const AugmentConfig& a) {
  if (a.maxShift < 0 || a.maxShift > kMaxAugmentShift)
    throw ConfigError("augment.maxShift", std::to_string(a.maxShift),
                      {DL_TRANSLATE_NOOP("dl", "must be in %1"), {"[0, " + std::to_string(kMaxAugmentShift) + "]"}});
  const auto check = [](const char* field, double v, double hi) {
    if (!std::isfinite(v) || v < 0.0 || v > hi)
      throw ConfigError(field, formatValue(v),
                        {DL_TRANSLATE_NOOP("dl", "must be in %1"), {"[0, " + formatValue(hi) + "]"}});
  };
  check("augment.maxRotation", a.maxRotation, kMaxAugmentRotation);
  check("augment.flipProbability", a.flipProbability, 1.0);
  check("augment.noise", a.noise, 1.0);
}

void rotateImage(Eigen::Ref<Vector> column, const ImageShape& shape, double degrees) {
  const Index h = shape.height, w = shape.width;
  const Vector in = column;
  const double t = degrees * kPi / 180.0, cs = std::cos(t), sn = std::sin(t);
  const double cx = (static_cast<double>(w) - 1.0) / 2.0, cy = (static_cast<double>(h) - 1.0) / 2.0;
  // y grows downwards, so a counter-clockwise turn on screen is a clockwise one in (x, y):
  // the source of p is c + R(−θ)(p − c) in screen terms.
  for (Index y = 0; y < h; ++y)
    for (Index x = 0; x < w; ++x) {
      const double px = static_cast<double>(x) - cx, py = static_cast<double>(y) - cy;
      const double sx = cx + cs * px - sn * py, sy = cy + sn * px + cs * py;
      const double fx = std::floor(sx), fy = std::floor(sy);
      const double ax = sx - fx, ay = sy - fy;
      const Index ix = static_cast<Index>(fx), iy = static_cast<Index>(fy);
      for (Index c = 0; c < shape.channels; ++c) {
        const auto at = [&](Index yy, Index xx) -> double {
          return yy < 0 || yy >= h || xx < 0 || xx >= w ? 0.0 : static_cast<double>(in((c * h + yy) * w + xx));
        };
        const double v = (1 - ay) * ((1 - ax) * at(iy, ix) + ax * at(iy, ix + 1)) +
                         ay * ((1 - ax) * at(iy + 1, ix) + ax * at(iy + 1, ix + 1));
        column((c * h + y) * w + x) = static_cast<Scalar>(v);
      }
    }
}

void augmentImages(Matrix& X, const ImageShape& shape, const AugmentConfig& a, Rng& rng) {
  validateAugment(a);
  Vector tmp(X.rows());
  for (Index i = 0; i < X.cols(); ++i) {
    if (a.maxShift > 0) {
      const auto span = static_cast<std::uint64_t>(2 * a.maxShift + 1);
      const Index dx = static_cast<Index>(rng.below(span)) - a.maxShift;
      const Index dy = static_cast<Index>(rng.below(span)) - a.maxShift;
      tmp = X.col(i);
      shiftColumn(tmp.data(), X.col(i).data(), shape, dx, dy);
    }
    if (a.maxRotation > 0.0) rotateImage(X.col(i), shape, rng.uniform(-a.maxRotation, a.maxRotation));
    if (a.flipProbability > 0.0 && rng.uniform() < a.flipProbability) flipColumn(X.col(i).data(), shape);
    if (a.noise > 0.0)
      for (Index r = 0; r < X.rows(); ++r) X(r, i) += static_cast<Scalar>(rng.normal(0.0, a.noise));
  }
}

ChannelStandardizer fitChannelStandardizer(const Matrix& X, const ImageShape& shape) {
  ChannelStandardizer s;
  s.shape = shape;
  const Index area = shape.height * shape.width;
  for (Index c = 0; c < shape.channels; ++c) {
    const auto block = X.middleRows(c * area, area).cast<double>();
    const double n = static_cast<double>(block.size());
    const double mean = n > 0 ? block.sum() / n : 0.0;
    const double var = n > 0 ? (block.array() - mean).square().sum() / n : 0.0;
    const double sd = std::sqrt(var);
    s.mean.push_back(mean);
    s.std.push_back(sd > 1e-12 * std::max(1.0, std::abs(mean)) ? sd : 1.0);
  }
  return s;
}

void ChannelStandardizer::apply(Matrix& X) const {
  const Index area = shape.height * shape.width;
  for (Index c = 0; c < shape.channels; ++c) {
    auto block = X.middleRows(c * area, area).array();
    block = (block - static_cast<Scalar>(mean[static_cast<std::size_t>(c)])) /
            static_cast<Scalar>(std[static_cast<std::size_t>(c)]);
  }
}

void ChannelStandardizer::unapply(Matrix& X) const {
  const Index area = shape.height * shape.width;
  for (Index c = 0; c < shape.channels && static_cast<std::size_t>(c) < mean.size(); ++c) {
    auto block = X.middleRows(c * area, area).array();
    block = block * static_cast<Scalar>(std[static_cast<std::size_t>(c)]) +
            static_cast<Scalar>(mean[static_cast<std::size_t>(c)]);
  }
}

PreparedImages prepareImages(const Dataset& all, double validationFraction, double testFraction, std::uint64_t seed,
                             bool standardize) {
  checkImages(all);
  PreparedImages p;
  p.parts = splitData(all, validationFraction, testFraction, seed);
  if (standardize) {
    p.standardizer = fitChannelStandardizer(p.parts.train.X, all.image);
  } else {  // the identity, so apply() is always safe
    p.standardizer.shape = all.image;
    p.standardizer.mean.assign(static_cast<std::size_t>(all.image.channels), 0.0);
    p.standardizer.std.assign(static_cast<std::size_t>(all.image.channels), 1.0);
  }
  for (Dataset* d : {&p.parts.train, &p.parts.validation, &p.parts.test}) p.standardizer.apply(d->X);
  return p;
}

}  // namespace dl
