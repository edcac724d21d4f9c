// The search space of the hyperparameter-search lab: which settings of a playground experiment a
// search may vary, over which range and on which scale, and the one place a sampled value enters
// an experiment (applyParam) or is read back from one (paramValue).
#pragma once

#include "config/Config.h"

#include <string>
#include <vector>

namespace dl::search {

// Linear: values spread evenly between low and high. Log: their logarithms do (low > 0), so each
// decade of [1e-4, 1] gets the same share — how a learning rate or a penalty should be searched.
enum class Scale { Linear, Log };

// One searched setting. `name` is one of paramNames():
//   learningRate  optimizer.learningRate
//   l2            regularization.l2
//   batchSize     training.batchSize, rounded to a whole number
//   width         the units of every hidden layer, rounded
//   depth         the number of hidden layers, rounded; added layers copy the last one (so the
//                 width is kept), or are LayerConfig's default when there was none
//   momentum      1 − β: low and high are of 1 − β, not of β, so a Log range [0.001, 0.1] means
//                 β ∈ [0.9, 0.999], spread evenly over "remembers 10 … 1000 steps". β is
//                 optimizer.momentum (momentum, nesterov) or optimizer.beta1 (adam).
struct ParamRange {
  std::string name;
  double low = 0, high = 1;
  Scale scale = Scale::Linear;
  bool operator==(const ParamRange&) const = default;
};

// The names above, in this order.
const std::vector<std::string>& paramNames();
bool isParamName(const std::string& name);
// batchSize, width and depth take whole numbers.
bool isIntegerParam(const std::string& name);

// "linear" / "log"; false for another name.
std::string scaleName(Scale s);
bool scaleFromName(const std::string& name, Scale& out);

// Sets the setting `name` of `c` to `value` (rounded for the whole-number ones). Throws
// ConfigError("params.name", name, …) for an unknown name; the result is validated by the caller.
void applyParam(ExperimentConfig& c, const std::string& name, double value);
// Every value of a trial, depth first (so a width applies to the layers depth added).
void applyParams(ExperimentConfig& c, const std::vector<ParamRange>& params, const std::vector<double>& values);
// The setting's current value in `c` (1 − β for momentum; the first hidden layer's units for
// width, 0 without hidden layers).
double paramValue(const ExperimentConfig& c, const std::string& name);

// Position of `value` in the range on its scale: 0 at low, 1 at high; and back.
double toUnit(const ParamRange& r, double value);
double fromUnit(const ParamRange& r, double u);

}  // namespace dl::search
