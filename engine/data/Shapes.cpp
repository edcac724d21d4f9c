// The synthetic shapes: each image drawn on a background level with the shape brighter by a random
// contrast, at a random place and size.
#include "data/Shapes.h"

#include "core/Error.h"
#include "data/Images.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace dl {

namespace {

constexpr double kTwoPi = 6.283185307179586;

// Uniform integer in [lo, hi] (hi ≥ lo).
int between(Rng& rng, int lo, int hi) {
  return lo + static_cast<int>(rng.below(static_cast<std::uint64_t>(hi - lo + 1)));
}

void fillRect(Scalar* image, int size, int x0, int y0, int w, int h, Scalar v) {
  for (int y = y0; y < y0 + h; ++y)
    for (int x = x0; x < x0 + w; ++x) image[y * size + x] = v;
}

}  // namespace

const std::vector<std::string>& shapeClassNames() {
  static const std::vector<std::string> names = {"horizontal bar", "vertical bar", "square", "cross", "circle", "edge"};
  return names;
}

void validateShapesConfig(const ShapesConfig& c) {
  if (c.size < 8 || c.size > 64)
    throw ConfigError("shapes.size", std::to_string(c.size), {DL_TRANSLATE_NOOP("dl", "must be in %1"), {"[8, 64]"}});
  if (c.count < kShapeKinds || c.count > 100000)
    throw ConfigError("shapes.count", std::to_string(c.count),
                      {DL_TRANSLATE_NOOP("dl", "must be in %1"), {"[6, 100000]"}});
  if (!std::isfinite(c.noise) || c.noise < 0.0 || c.noise > 1.0)
    throw ConfigError("shapes.noise", formatValue(c.noise), {DL_TRANSLATE_NOOP("dl", "must be in %1"), {"[0, 1]"}});
}

void drawShape(ShapeKind kind, int size, Rng& rng, Scalar* image) {
  const int s = size;
  const Scalar bg = static_cast<Scalar>(rng.uniform(0.0, 0.2));
  const Scalar fg = bg + static_cast<Scalar>(rng.uniform(0.5, 0.8));
  std::fill(image, image + s * s, bg);
  switch (kind) {
    case ShapeKind::HorizontalBar:
    case ShapeKind::VerticalBar: {
      const int length = between(rng, s / 2, s - 2), thick = between(rng, 1, 2);
      const int x0 = between(rng, 0, s - length), y0 = between(rng, 0, s - thick);
      if (kind == ShapeKind::HorizontalBar)
        fillRect(image, s, x0, y0, length, thick, fg);
      else
        fillRect(image, s, y0, x0, thick, length, fg);
      break;
    }
    case ShapeKind::Square: {
      const int side = between(rng, std::max(4, s / 3), s - 2);
      const int x0 = between(rng, 0, s - side), y0 = between(rng, 0, s - side);
      fillRect(image, s, x0, y0, side, 1, fg);
      fillRect(image, s, x0, y0 + side - 1, side, 1, fg);
      fillRect(image, s, x0, y0, 1, side, fg);
      fillRect(image, s, x0 + side - 1, y0, 1, side, fg);
      break;
    }
    case ShapeKind::Cross: {
      const int half = between(rng, std::max(2, s / 6), (s - 2) / 2);
      const int cx = between(rng, half, s - 1 - half), cy = between(rng, half, s - 1 - half);
      fillRect(image, s, cx - half, cy, 2 * half + 1, 1, fg);
      fillRect(image, s, cx, cy - half, 1, 2 * half + 1, fg);
      break;
    }
    case ShapeKind::Circle: {
      // Pixels whose centre lies within half a pixel of the circle: a closed 1-pixel ring.
      const double r = rng.uniform(std::max(2.5, s / 6.0), s / 2.0 - 1.0);
      const double cx = rng.uniform(r, s - 1 - r), cy = rng.uniform(r, s - 1 - r);
      for (int y = 0; y < s; ++y)
        for (int x = 0; x < s; ++x)
          if (std::abs(std::hypot(x - cx, y - cy) - r) <= 0.5) image[y * s + x] = fg;
      break;
    }
    case ShapeKind::Edge: {
      // A line through a point of the middle half at any angle; one side is bright.
      const double angle = rng.uniform(0.0, kTwoPi);
      const double px = rng.uniform(s / 4.0, 3.0 * s / 4.0), py = rng.uniform(s / 4.0, 3.0 * s / 4.0);
      const double nx = std::cos(angle), ny = std::sin(angle);
      for (int y = 0; y < s; ++y)
        for (int x = 0; x < s; ++x)
          if ((x - px) * nx + (y - py) * ny > 0.0) image[y * s + x] = fg;
      break;
    }
  }
}

Dataset generateShapes(const ShapesConfig& c) {
  validateShapesConfig(c);
  Rng rng(c.seed);
  const Index n = c.count, pixels = Index{c.size} * c.size;
  Matrix X(pixels, n);
  std::vector<int> labels(static_cast<std::size_t>(n));
  for (Index i = 0; i < n; ++i) {
    const int label = static_cast<int>(i % kShapeKinds);
    labels[static_cast<std::size_t>(i)] = label;
    drawShape(static_cast<ShapeKind>(label), c.size, rng, X.col(i).data());
    if (c.noise > 0.0)
      for (Index p = 0; p < pixels; ++p)
        X(p, i) = std::clamp(X(p, i) + static_cast<Scalar>(rng.normal(0.0, c.noise)), Scalar(0), Scalar(1));
  }
  // Shuffled, so a consumer that takes the first k samples still sees every class.
  std::vector<Index> order(static_cast<std::size_t>(n));
  std::iota(order.begin(), order.end(), Index{0});
  for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[static_cast<std::size_t>(rng.below(i))]);
  Dataset d;
  d.image = {1, c.size, c.size};
  d.X.resize(pixels, n);
  d.labels.resize(static_cast<std::size_t>(n));
  for (Index i = 0; i < n; ++i) {
    d.X.col(i) = X.col(order[static_cast<std::size_t>(i)]);
    d.labels[static_cast<std::size_t>(i)] = labels[static_cast<std::size_t>(order[static_cast<std::size_t>(i)])];
  }
  d.numClasses = kShapeKinds;
  d.classNames = shapeClassNames();
  d.featureNames = imageFeatureNames(d.image);
  return d;
}

}  // namespace dl
