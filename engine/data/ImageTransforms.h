// Transforms of image data sets (Dataset::image set): a fixed pixel permutation (the
// shuffled-pixels experiment), shifts and flips, random augmentation per sample, and per-channel
// standardisation fitted on the training part. Images are columns (channels, height, width),
// value (c, y, x) at row (c·height + y)·width + x; pixels moved in from outside the image are 0.
#pragma once

#include "core/Rng.h"
#include "data/Dataset.h"
#include "data/Prepare.h"

#include <cstdint>
#include <vector>

namespace dl {

// Throws ConfigError("data.image", "<rows> features", ...) unless `d` holds images whose
// shape matches its feature count.
void checkImages(const Dataset& d);

// ---- fixed transforms, the same for every image

// A permutation of the height·width pixel positions drawn from `seed` (Fisher–Yates on dl::Rng):
// output position p takes input position perm[p]. Every channel moves alike, so a colour pixel
// stays one pixel.
std::vector<Index> pixelPermutation(const ImageShape& shape, std::uint64_t seed);
// Applies it to every column of X. Throws ConfigError when perm is not a permutation of
// height·width positions.
void permutePixels(Matrix& X, const ImageShape& shape, const std::vector<Index>& perm);

// Moves every image right by dx and down by dy pixels (negative: left, up): out(y, x) =
// in(y − dy, x − dx), 0 where that falls outside.
void shiftImages(Matrix& X, const ImageShape& shape, int dx, int dy);
// Mirrors every image left to right: out(y, x) = in(y, width − 1 − x).
void flipImages(Matrix& X, const ImageShape& shape);

// ---- augmentation: random per sample, deterministic for the Rng's state

struct AugmentConfig {
  int maxShift = 0;              // shift by dx, dy uniform in [−maxShift, maxShift], zero fill
  double maxRotation = 0.0;      // rotation by an angle uniform in [−maxRotation, maxRotation] degrees
  double flipProbability = 0.0;  // horizontal flip with this probability
  double noise = 0.0;            // Gaussian noise of this standard deviation added to every value
  bool operator==(const AugmentConfig&) const = default;
};

// Throws ConfigError("augment.maxShift", ...) etc.: maxShift 0..8, maxRotation 0..45,
// flipProbability 0..1, noise 0..1.
void validateAugment(const AugmentConfig& a);

// Rotates one image (a column) by `degrees` counter-clockwise about its centre, bilinear
// interpolation, 0 outside: out(p) = in(c + R(−θ)(p − c)), c = ((width − 1)/2, (height − 1)/2).
void rotateImage(Eigen::Ref<Vector> column, const ImageShape& shape, double degrees);

// Augments each column of X in turn: shift, rotation, flip, noise, each when its strength is > 0;
// the draws per sample come from rng in column order, so a seed gives the same batch on any
// machine. Validates `a` first.
void augmentImages(Matrix& X, const ImageShape& shape, const AugmentConfig& a, Rng& rng);

// ---- per-channel standardisation: x ← (x − mean_c) / std_c, statistics of the training part

struct ChannelStandardizer {
  ImageShape shape;
  std::vector<double> mean, std;  // per channel; std 0 (a constant channel) is stored as 1
  void apply(Matrix& X) const;
  // The inverse: standardised values back to raw pixels (identity when nothing was fitted).
  void unapply(Matrix& X) const;
};

// Means and (population) standard deviations over every pixel of every image, channel by channel.
ChannelStandardizer fitChannelStandardizer(const Matrix& X, const ImageShape& shape);

// Splits an image set as prepareData does (stratified, seeded: splitData) and standardises every
// part per channel with the statistics of the training part only. Throws as splitData and
// checkImages.
struct PreparedImages {
  DataParts parts;
  ChannelStandardizer standardizer;
};
PreparedImages prepareImages(const Dataset& all, double validationFraction, double testFraction, std::uint64_t seed,
                             bool standardize = true);

}  // namespace dl
