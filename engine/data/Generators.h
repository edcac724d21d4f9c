// Synthetic 2-D data sets of the playground: seven classification shapes and three regression
// surfaces, all drawn from dl::Rng seeded with DataConfig::seed so a seed reproduces a set exactly.
#pragma once

#include "data/Dataset.h"
#include "config/Config.h"

#include <string>
#include <vector>

namespace dl {

// Generates c.points samples of c.source (not "csv"). Every set has two inputs "x1", "x2";
// regression sets have one target. Samples come out grouped by class (the split shuffles).
// Throws ConfigError for an unknown source or an out-of-range field (see validateGeneratorConfig).
//
// Classification (noise σ = noise·0.2 on each coordinate unless said otherwise):
//   circle        class 0 radius U[0,2), class 1 radius U[3,5), uniform angle, all /5
//   xor           U[−1,1]² with |x|,|y| ≥ 0.1 (pushed off the axes); class 1 when x·y < 0
//   blobs         `classes` Gaussians, centres evenly on a circle of radius 0.7, σ = 0.1 + noise·0.2
//   spiral        `arms` arms (cs231n): r = linspace(0,1), t = linspace(4c, 4(c+1)) + N(0, noise)
//   moons         scikit-learn's make_moons, mapped by (x − (0.5, 0.25)) / 1.5 into ~[−1,1]×[−½,½]
//   linear        U[−1,1]², split by a line through the origin at a seed-dependent angle
//   checkerboard  U[−1,1]², 4×4 squares, label = parity of the square
// As in every shape here the noise is added after labelling, so it blurs the class boundaries.
// Regression (x ~ U[−1,1]² unless said otherwise, target noise N(0, noise·0.1)):
//   plane            y = 0.6·x1 − 0.4·x2
//   ripple           y = sin(3·x1)·cos(3·x2)
//   ill_conditioned  x1 ~ N(0,1), x2 ~ N(0, 0.03²), y = x1 + 30·x2: the two inputs differ in scale
//                    by ~33×, so unstandardised least squares is badly conditioned.
//   correlated       u ~ N(0,1), v ~ N(0, 0.1²); x1 = u + v, x2 = 0.03·(u − v), y = u + 10·v: the
//                    inputs differ in scale by ~33× and are correlated (ρ = 0.99/1.01 ≈ 0.98), and
//                    the target depends as much on their small difference v as on their common
//                    part u. Standardising fixes the scales but leaves a condition number of
//                    (1 + ρ)/(1 − ρ) ≈ 100; PCA whitening brings it to 1.
// Class sizes follow classSizes(c.points, k, c.imbalance).
Dataset generateDataset(const DataConfig& c);

// Sizes of k classes totalling `total`, falling geometrically from class 0 (largest) to class k−1
// (ratio × class 0): n_c ∝ ratio^(c/(k−1)), rounded by largest remainder, every class ≥ 1.
// Throws ConfigError("data.points") when total < k.
std::vector<int> classSizes(int total, int k, double ratio);

// The generator names, classification first; and whether a name is a regression surface.
const std::vector<std::string>& generatorNames();
bool isRegressionSource(const std::string& source);

// Checks the fields a generator reads: source, points (4..1,000,000), noise (finite, ≥ 0),
// imbalance (0, 1], classes and arms (2..10). Throws ConfigError naming the field.
void validateGeneratorConfig(const DataConfig& c);

}  // namespace dl
