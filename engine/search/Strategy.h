// How a search picks its trials: a grid, random points (uniform in the value or on each
// parameter's own scale), or coarse to fine. Pure functions of the ranges and a seeded generator,
// so a search seed always gives the same trials.
#pragma once

#include "core/Rng.h"
#include "search/Space.h"

#include <string>
#include <vector>

namespace dl::search {

// Grid          k = ⌊trials^(1/d)⌋ points per axis (d parameters), evenly spaced on each
//               parameter's own scale, ends included (k = 1: the middle); k^d trials. The
//               trials − k^d left over are not run: a grid cannot use them without breaking its
//               regular spacing (9 trials, 2 parameters: a 3×3 grid; 10 trials: the same 9).
// Uniform       every value uniform in [low, high] in the value itself, whatever the scale: on
//               [1e-4, 1] about 90% of the trials land in the top decade — what a Log range is for.
// LogUniform    every value uniform on its own scale: log-uniform on a Log range (each decade the
//               same share), uniform on a Linear one.
// CoarseToFine  rounds: round 1 is LogUniform over the whole space; each later round is
//               LogUniform inside a box centred on the best trial so far (lowest final validation
//               loss), its side zoom^(round−1) of the whole range on each parameter's scale,
//               clipped to the range. Trials are shared out evenly, earlier rounds taking the
//               remainder. See zoomBox.
enum class Strategy { Grid, Uniform, LogUniform, CoarseToFine };

// "grid", "uniform", "log-uniform", "coarse-to-fine", in the enum's order.
const std::vector<std::string>& strategyNames();
std::string strategyName(Strategy s);
bool strategyFromName(const std::string& name, Strategy& out);

// Points per axis of a grid of at most `trials` points over `dims` parameters: ⌊trials^(1/dims)⌋.
int gridPointsPerAxis(int trials, int dims);
// The grid's trials, the first parameter varying slowest.
std::vector<std::vector<double>> gridTrials(const std::vector<ParamRange>& params, int trials);

// A box in unit coordinates (see toUnit): per parameter [low, high] ⊆ [0, 1].
struct UnitBox {
  std::vector<double> low, high;
};
UnitBox wholeSpace(std::size_t dims);
// The box of a coarse-to-fine round after the first: centred on `best` (unit coordinates), each
// side zoom^(round−1), clipped to [0, 1].
UnitBox zoomBox(const std::vector<double>& best, double zoom, int round);

// `n` random trials, parameter after parameter, trial after trial, from `rng`. logScale false:
// uniform in the value over each whole range (the box is ignored); true: uniform in unit
// coordinates inside `box`, mapped back through each parameter's scale.
std::vector<std::vector<double>> randomTrials(const std::vector<ParamRange>& params, int n, bool logScale,
                                              const UnitBox& box, Rng& rng);

// How many trials each of the `rounds` rounds of a coarse-to-fine search of `trials` gets.
std::vector<int> roundSizes(int trials, int rounds);

}  // namespace dl::search
