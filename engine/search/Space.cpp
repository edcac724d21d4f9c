// Search-space parameters ⇄ experiment settings; see Space.h.
#include "search/Space.h"

#include "core/Error.h"

#include <algorithm>
#include <cmath>

namespace dl::search {

namespace {
int whole(double v) { return static_cast<int>(std::lround(std::clamp(v, -2e9, 2e9))); }

bool usesBeta1(const ExperimentConfig& c) { return c.optimizer.name == "adam"; }
}  // namespace

const std::vector<std::string>& paramNames() {
  static const std::vector<std::string> names{"learningRate", "l2", "batchSize", "width", "depth", "momentum"};
  return names;
}

bool isParamName(const std::string& name) {
  const auto& n = paramNames();
  return std::find(n.begin(), n.end(), name) != n.end();
}

bool isIntegerParam(const std::string& name) { return name == "batchSize" || name == "width" || name == "depth"; }

std::string scaleName(Scale s) { return s == Scale::Log ? "log" : "linear"; }

bool scaleFromName(const std::string& name, Scale& out) {
  if (name == "log")
    out = Scale::Log;
  else if (name == "linear")
    out = Scale::Linear;
  else
    return false;
  return true;
}

void applyParam(ExperimentConfig& c, const std::string& name, double value) {
  if (name == "learningRate") {
    c.optimizer.learningRate = value;
  } else if (name == "l2") {
    c.regularization.l2 = value;
  } else if (name == "batchSize") {
    c.training.batchSize = whole(value);
  } else if (name == "width") {
    for (LayerConfig& l : c.hidden) l.units = whole(value);
  } else if (name == "depth") {
    const int depth = std::clamp(whole(value), 0, 1000);
    const LayerConfig added = c.hidden.empty() ? LayerConfig{} : c.hidden.back();
    c.hidden.resize(static_cast<std::size_t>(depth), added);
  } else if (name == "momentum") {
    (usesBeta1(c) ? c.optimizer.beta1 : c.optimizer.momentum) = 1.0 - value;
  } else {
    throw ConfigError("params.name", name, DL_TRANSLATE_NOOP("dl", "unknown hyperparameter"));
  }
}

void applyParams(ExperimentConfig& c, const std::vector<ParamRange>& params, const std::vector<double>& values) {
  for (std::size_t i = 0; i < params.size() && i < values.size(); ++i)
    if (params[i].name == "depth") applyParam(c, params[i].name, values[i]);
  for (std::size_t i = 0; i < params.size() && i < values.size(); ++i)
    if (params[i].name != "depth") applyParam(c, params[i].name, values[i]);
}

double paramValue(const ExperimentConfig& c, const std::string& name) {
  if (name == "learningRate") return c.optimizer.learningRate;
  if (name == "l2") return c.regularization.l2;
  if (name == "batchSize") return c.training.batchSize;
  if (name == "width") return c.hidden.empty() ? 0 : c.hidden.front().units;
  if (name == "depth") return static_cast<double>(c.hidden.size());
  if (name == "momentum") return 1.0 - (usesBeta1(c) ? c.optimizer.beta1 : c.optimizer.momentum);
  throw ConfigError("params.name", name, DL_TRANSLATE_NOOP("dl", "unknown hyperparameter"));
}

double toUnit(const ParamRange& r, double value) {
  if (r.scale == Scale::Log) return (std::log(value) - std::log(r.low)) / (std::log(r.high) - std::log(r.low));
  return (value - r.low) / (r.high - r.low);
}

double fromUnit(const ParamRange& r, double u) {
  // The ends exactly, not exp(log(x)) of them: a grid's corners are the range's own numbers.
  if (u <= 0) return r.low;
  if (u >= 1) return r.high;
  if (r.scale == Scale::Log) return std::exp(std::log(r.low) + u * (std::log(r.high) - std::log(r.low)));
  return r.low + u * (r.high - r.low);
}

}  // namespace dl::search
