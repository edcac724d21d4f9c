// Synthetic grey images of simple shapes, for the CNN lab's edge-detection and translation demos:
// a small set that a convolution learns in seconds and a dense network must learn position by
// position. Drawn from dl::Rng, so a seed reproduces a set exactly.
#pragma once

#include "core/Rng.h"
#include "data/Dataset.h"

#include <cstdint>
#include <string>
#include <vector>

namespace dl {

// The classes, in label order: horizontal bar, vertical bar, square (outline), cross, circle
// (outline), edge (a half-plane step).
enum class ShapeKind { HorizontalBar, VerticalBar, Square, Cross, Circle, Edge };
constexpr int kShapeKinds = 6;
const std::vector<std::string>& shapeClassNames();  // "horizontal bar", ... as above

struct ShapesConfig {
  int size = 16;       // images are size × size, 8..64
  int count = 1200;    // images, 6..100000; class i % 6 for the i-th before shuffling: balanced
  double noise = 0.0;  // Gaussian noise σ added to every pixel (then clipped to [0, 1]), 0..1
  std::uint64_t seed = 1;
  bool operator==(const ShapesConfig&) const = default;
};

// Throws ConfigError("shapes.size", ...) etc. for a field out of its range.
void validateShapesConfig(const ShapesConfig& c);

// count images {1, size, size}, shuffled, labels the ShapeKind. Each image has a background
// level b ~ U[0, 0.2] and the shape at b + contrast, contrast ~ U[0.5, 0.8], at a random place and
// size (a bar: length ≥ size/2, 1–2 pixels thick; square and circle outlines 1 pixel wide, sides
// and diameters from about a third of the image up; a cross of two such bars; an edge: every pixel
// on one side of a random line through the middle half of the image). Validates c first.
Dataset generateShapes(const ShapesConfig& c);

// Draws one shape into `image` (size × size values, row by row), overwriting it, with the random
// choices taken from rng as generateShapes does.
void drawShape(ShapeKind kind, int size, Rng& rng, Scalar* image);

}  // namespace dl
