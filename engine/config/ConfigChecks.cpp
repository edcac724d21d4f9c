// Range checks for configuration values and the validators of the optimiser, schedule and
// initialiser sections of the experiment.
#include "config/ConfigChecks.h"

#include "config/Field.h"
#include "core/Error.h"

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

// The optimiser's and the schedule's own settings, from their field lists (config/Field.h). The
// learning rate is only required to be positive here: optimisers serve the landscape lab too, where
// rates above the playground's 10 make sense; ExperimentConfig::validate applies the list's bound.
void validateOptimizerHyperparameters(const OptimizerConfig& c) {
  requireAbove("optimizer.lr", c.learningRate, 0.0);
  for (const Field<OptimizerConfig>& f : optimizerFields())
    if (f.key != std::string_view("name") && f.key != std::string_view("lr")) validateField(f, c, "optimizer");
}

void validateOptimizerConfig(const OptimizerConfig& c) {
  validateField(*findField(optimizerFields(), "name"), c, "optimizer");
  validateOptimizerHyperparameters(c);
}

void validateScheduleParameters(const ScheduleConfig& c) { validateFields(scheduleFields(), c, "schedule", "name"); }

void validateScheduleConfig(const ScheduleConfig& c) { validateFields(scheduleFields(), c, "schedule"); }

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

void validateInitConfig(const InitConfig& c) { validateFields(initFields(), c, "init"); }

}  // namespace dl
