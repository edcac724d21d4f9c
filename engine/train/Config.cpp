// Validation of the experiment configuration: the first bad field throws ConfigError naming it.
#include "train/Config.h"

#include "act/Activation.h"
#include "core/Error.h"
#include "data/Generators.h"
#include "data/Prepare.h"
#include "train/ConfigChecks.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace dl {

namespace {
// v finite and in [lo, hi]; `reason` is a message template whose %1 and %2 are lo and hi.
void requireRange(const std::string& field, double v, double lo, double hi,
                  MessageId reason = DL_TRANSLATE_NOOP("dl", "must be between %1 and %2")) {
  if (!std::isfinite(v) || v < lo || v > hi)
    throw ConfigError(field, formatValue(v), {reason, {formatValue(lo), formatValue(hi)}});
}
}  // namespace

void ExperimentConfig::validate() const {
  validateDataConfig(data);
  if (hidden.size() > 64)
    throw ConfigError("layers", std::to_string(hidden.size()) + " layers",
                      {DL_TRANSLATE_NOOP("dl", "at most %1 hidden layers"), {"64"}});
  for (std::size_t i = 0; i < hidden.size(); ++i) {
    const LayerConfig& h = hidden[i];
    const std::string field = "layers[" + std::to_string(i) + "]";
    if (h.units < 1 || h.units > 4096)
      throw ConfigError(field + ".units", std::to_string(h.units),
                        {DL_TRANSLATE_NOOP("dl", "a layer needs between %1 and %2 units"), {"1", "4096"}});
    requireRange(field + ".dropout", h.dropout, 0.0, 0.95,
                 DL_TRANSLATE_NOOP("dl", "the dropout rate must be between %1 and %2"));
    makeActivation(h, field);  // throws for unknown names and bad slope/alpha/pieces
  }
  // Memory: exact for generated data (2 inputs, known classes and points); for a CSV only the
  // hidden layers are known here, and the Trainer checks again with the file's sizes.
  if (data.source == "csv") {
    validateNetworkSize(hidden, 1, 1, 1);
  } else {
    const int classes = data.source == "blobs" ? data.classes : data.source == "spiral" ? data.arms : 2;
    validateNetworkSize(hidden, data.inputs.empty() ? 2 : static_cast<Index>(data.inputs.size()),
                        isRegressionSource(data.source) ? 1 : classes,
                        std::min(training.batchSize, data.points));
  }
  // Learning rates above 10 are never useful here; divergence is shown with rates up to 10.
  if (!std::isfinite(optimizer.learningRate) || optimizer.learningRate <= 0 || optimizer.learningRate > 10)
    throw ConfigError("optimizer.lr", formatValue(optimizer.learningRate),
                      {DL_TRANSLATE_NOOP("dl", "the learning rate must be > 0 and at most %1"), {"10"}});
  validateOptimizerConfig(optimizer);
  validateScheduleConfig(schedule);
  // The schedule's floor is a learning rate too: it must not lift the rate above the limit.
  validateInitConfig(init);
  requireRange("init.bias", init.bias, -100, 100,
               DL_TRANSLATE_NOOP("dl", "the initial bias must be between %1 and %2"));
  requireRange("regularization.l1", regularization.l1, 0, 10,
               DL_TRANSLATE_NOOP("dl", "the L1 strength must be between %1 and %2"));
  requireRange("regularization.l2", regularization.l2, 0, 10,
               DL_TRANSLATE_NOOP("dl", "the L2 strength must be between %1 and %2"));
  if (regularization.l1Mode != "proximal" && regularization.l1Mode != "subgradient")
    throw ConfigError("regularization.l1Mode", regularization.l1Mode,
                      {DL_TRANSLATE_NOOP("dl", "must be '%1' or '%2'"), {"proximal", "subgradient"}});
  const MessageId clipReason = DL_TRANSLATE_NOOP("dl", "must be 0 (off) or a positive number up to %2");
  requireRange("regularization.clipNorm", regularization.clipNorm, 0, 1e6, clipReason);
  requireRange("regularization.clipValue", regularization.clipValue, 0, 1e6, clipReason);
  if (training.batchSize < 1 || training.batchSize > 1000000)
    throw ConfigError("training.batchSize", std::to_string(training.batchSize),
                      {DL_TRANSLATE_NOOP("dl", "the batch size must be between %1 and %2"), {"1", "1000000"}});
  for (const LayerConfig& h : hidden)
    if (h.batchNorm && training.batchSize < 2)
      throw ConfigError(
          "training.batchSize", std::to_string(training.batchSize),
          {DL_TRANSLATE_NOOP("dl", "batch normalisation needs at least %1 samples per mini-batch"), {"2"}});
  if (training.steps < 0)
    throw ConfigError("training.steps", std::to_string(training.steps),
                      DL_TRANSLATE_NOOP("dl", "must not be negative"));
  if (training.evalEvery < 0)
    throw ConfigError("training.evalEvery", std::to_string(training.evalEvery),
                      DL_TRANSLATE_NOOP("dl", "must be 0 (every epoch) or positive"));
  if (training.threads < 1 || training.threads > 256)
    throw ConfigError("training.threads", std::to_string(training.threads),
                      {DL_TRANSLATE_NOOP("dl", "must be between %1 and %2"), {"1", "256"}});
  const std::string& loss = training.loss;
  if (loss != "auto" && loss != "softmax_ce" && loss != "sigmoid_bce" && loss != "sigmoid_mse" && loss != "mse")
    throw ConfigError(
        "training.loss", loss,
        {DL_TRANSLATE_NOOP("dl", "unknown loss (known: %1)"), {"auto, softmax_ce, sigmoid_bce, sigmoid_mse, mse"}});
  for (double w : training.classWeights)
    if (!std::isfinite(w) || w <= 0 || w > 1e6)
      throw ConfigError("training.classWeights", formatValue(w),
                        {DL_TRANSLATE_NOOP("dl", "class weights must be positive and at most %1"), {"1000000"}});
}

}  // namespace dl
