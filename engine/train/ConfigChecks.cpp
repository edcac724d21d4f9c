// Range checks for configuration values and the validators of the optimiser, schedule and
// initialiser sections of the experiment.
#include "train/ConfigChecks.h"

#include "core/Error.h"
#include "init/Initializer.h"
#include "optim/Optimizer.h"
#include "schedule/Schedule.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace dl {

namespace {

[[noreturn]] void fail(const char* field, double v, Message reason) {
  throw ConfigError(field, formatValue(v), std::move(reason));
}

Message interval(char open, double lo, double hi, char close) {
  return {DL_TRANSLATE_NOOP("dl", "must be in %1"), {open + formatValue(lo) + ", " + formatValue(hi) + close}};
}

void requireKnown(const char* field, const std::string& name, const std::vector<std::string>& known) {
  if (std::find(known.begin(), known.end(), name) != known.end()) return;
  std::string list;
  for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
  throw ConfigError(field, name, {DL_TRANSLATE_NOOP("dl", "unknown name (expected one of: %1)"), {list}});
}

}  // namespace

// Every check is written as "fail unless the good condition holds", so NaN always fails.
void requireFinite(const char* field, double v) {
  if (!std::isfinite(v)) fail(field, v, DL_TRANSLATE_NOOP("dl", "must be finite"));
}

void requireAbove(const char* field, double v, double lo) {
  if (!(std::isfinite(v) && v > lo))
    fail(field, v, {DL_TRANSLATE_NOOP("dl", "must be finite and > %1"), {formatValue(lo)}});
}

void requireAtLeast(const char* field, double v, double lo) {
  if (!(std::isfinite(v) && v >= lo))
    fail(field, v, {DL_TRANSLATE_NOOP("dl", "must be finite and >= %1"), {formatValue(lo)}});
}

void requireRange(const char* field, double v, double lo, double hi) {
  if (!(std::isfinite(v) && v >= lo && v <= hi)) fail(field, v, interval('[', lo, hi, ']'));
}

void requireInClosedOpen(const char* field, double v, double lo, double hi) {
  if (!(v >= lo && v < hi)) fail(field, v, interval('[', lo, hi, ')'));
}

void requireInOpenClosed(const char* field, double v, double lo, double hi) {
  if (!(v > lo && v <= hi)) fail(field, v, interval('(', lo, hi, ']'));
}

void requireInOpen(const char* field, double v, double lo, double hi) {
  if (!(v > lo && v < hi)) fail(field, v, interval('(', lo, hi, ')'));
}

void validateOptimizerHyperparameters(const OptimizerConfig& c) {
  requireAbove("optimizer.lr", c.learningRate, 0.0);
  requireInClosedOpen("optimizer.momentum", c.momentum, 0.0, 1.0);
  requireInClosedOpen("optimizer.beta1", c.beta1, 0.0, 1.0);
  requireInClosedOpen("optimizer.beta2", c.beta2, 0.0, 1.0);
  requireInClosedOpen("optimizer.rho", c.rho, 0.0, 1.0);
  requireInOpenClosed("optimizer.epsilon", c.epsilon, 0.0, 1.0);
}

void validateOptimizerConfig(const OptimizerConfig& c) {
  requireKnown("optimizer.name", c.name, optimizerNames());
  validateOptimizerHyperparameters(c);
}

void validateScheduleParameters(const ScheduleConfig& c) {
  // Field names as the experiment file spells them (schedule.minLr, not the struct's name).
  requireRange("schedule.decay", c.decay, 0.0, 1e6);
  requireInOpenClosed("schedule.base", c.base, 0.0, 1.0);
  requireInOpenClosed("schedule.k", c.k, 0.0, 1e6);
  requireRange("schedule.stepEvery", c.stepEvery, 1.0, 1e9);
  requireInOpenClosed("schedule.stepFactor", c.stepFactor, 0.0, 1.0);
  requireRange("schedule.patience", c.patience, 1.0, 1e9);
  requireInOpen("schedule.plateauFactor", c.plateauFactor, 0.0, 1.0);
  requireRange("schedule.minLr", c.minLearningRate, 0.0, 10.0);
}

void validateScheduleConfig(const ScheduleConfig& c) {
  requireKnown("schedule.name", c.name, scheduleNames());
  validateScheduleParameters(c);
}

void validateNetworkSize(const std::vector<LayerConfig>& hidden, Index inputs, Index outputs, Index batch) {
  // Counted in double: 64 layers of 4096 maxout-16 units overflow nothing here.
  double params = 0, rowsPerSample = static_cast<double>(inputs + outputs), in = static_cast<double>(inputs);
  for (const LayerConfig& h : hidden) {
    const double units = h.units;
    const double rows = units * (h.activation == "maxout" ? std::max(h.pieces, 1) : 1);
    params += rows * in + rows * (h.batchNorm ? 2 : 1) + (h.activation == "prelu" ? units : 0);
    rowsPerSample += rows;
    in = units;
  }
  params += static_cast<double>(outputs) * (in + 1);
  const auto millions = [](double v) { return formatValue(std::ceil(v / 1e5) / 10); };
  if (params > kMaxParameters)
    throw ConfigError("layers", formatValue(params) + " parameters",
                      {DL_TRANSLATE_NOOP("dl", "the network would have %1 million parameters; at most %2 million fit"),
                       {millions(params), millions(kMaxParameters)}});
  const double values = rowsPerSample * static_cast<double>(batch);
  if (values > kMaxMiniBatchValues)
    throw ConfigError("training.batchSize", std::to_string(batch),
                      {DL_TRANSLATE_NOOP("dl",
                                         "a mini-batch of this size through these layers holds %1 million values; at "
                                         "most %2 million fit (use a smaller batch or fewer units)"),
                       {millions(values), millions(kMaxMiniBatchValues)}});
}

void validateInitConfig(const InitConfig& c) {
  requireKnown("init.scheme", c.scheme, initializerNames());
  // Bounded well beyond any useful value (a σ of 100 already diverges at once), so a typo such
  // as 1e300 is named here instead of surfacing as a "divergence" with the wrong advice.
  requireInOpenClosed("init.sigma", c.sigma, 0.0, 100.0);
  requireInOpenClosed("init.limit", c.limit, 0.0, 100.0);
  requireRange("init.value", c.value, -100.0, 100.0);
  requireInOpenClosed("init.gain", c.gain, 0.0, 100.0);
  requireFinite("init.bias", c.bias);
}

}  // namespace dl
