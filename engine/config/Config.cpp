// Validation of the experiment configuration: the first bad field throws ConfigError naming it.
// Each field's own range comes from its field list (config/Field.h); the checks written out here
// are the ones that need several fields.
#include "config/Config.h"

#include "act/Activation.h"
#include "config/Field.h"
#include "core/Error.h"
#include "data/Generators.h"
#include "data/Prepare.h"
#include "config/ConfigChecks.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace dl {

void ExperimentConfig::validate() const {
  validateDataConfig(data);
  if (hidden.size() > 64)
    throw ConfigError("layers", std::to_string(hidden.size()) + " layers",
                      {DL_TRANSLATE_NOOP("dl", "at most %1 hidden layers"), {"64"}});
  for (std::size_t i = 0; i < hidden.size(); ++i) {
    const std::string field = "layers[" + std::to_string(i) + "]";
    validateFields(layerFields(), hidden[i], field);
    makeActivation(hidden[i], field);  // the activation's own checks
  }
  // Memory: exact for generated data (2 inputs, known classes and points); for a CSV only the
  // hidden layers are known here, and the Trainer checks again with the file's sizes.
  if (data.source == "csv") {
    validateNetworkSize(hidden, 1, 1, 1);
  } else {
    const int classes = data.source == "blobs" ? data.classes : data.source == "spiral" ? data.arms : 2;
    validateNetworkSize(hidden, data.inputs.empty() ? 2 : static_cast<Index>(data.inputs.size()),
                        isRegressionSource(data.source) ? 1 : classes, std::min(training.batchSize, data.points));
  }
  validateField(*findField(optimizerFields(), "lr"), optimizer, "optimizer");  // the experiment's bound
  validateOptimizerConfig(optimizer);
  validateScheduleConfig(schedule);
  validateInitConfig(init);
  validateFields(regularizationFields(), regularization, "regularization");
  validateFields(trainingFields(), training, "training");
  for (const LayerConfig& h : hidden)
    if (h.batchNorm && training.batchSize < 2)
      throw ConfigError(
          "training.batchSize", std::to_string(training.batchSize),
          {DL_TRANSLATE_NOOP("dl", "batch normalisation needs at least %1 samples per mini-batch"), {"2"}});
  for (double w : training.classWeights)
    if (!std::isfinite(w) || w <= 0 || w > 1e6)
      throw ConfigError("training.classWeights", formatValue(w),
                        {DL_TRANSLATE_NOOP("dl", "class weights must be positive and at most %1"), {"1000000"}});
}

}  // namespace dl
