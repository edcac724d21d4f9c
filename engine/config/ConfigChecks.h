// Range checks for configuration values, and the validators of the optimiser, schedule and
// initialiser sections. Each failure throws ConfigError naming the field and the bad value.
#pragma once

#include "core/Types.h"
#include "config/Config.h"

namespace dl {

// What a legal configuration may ask of memory. Each limit alone is a few hundred MB of floats,
// so that no combination of in-range fields (4096 units × 64 layers × a batch of a million) can
// demand tens of gigabytes.
inline constexpr double kMaxParameters = 50e6;       // weights, biases, γ, β, slopes
inline constexpr double kMaxMiniBatchValues = 64e6;  // batch × (inputs + Σ pre-activation rows + outputs)

// The network inputs → hidden → outputs trained on mini-batches of `batch` samples must stay within
// the limits above. Throws ConfigError("layers", "N parameters") or
// ConfigError("training.batchSize", ...) saying what to make smaller.
void validateNetworkSize(const std::vector<LayerConfig>& hidden, Index inputs, Index outputs, Index batch);

// v must be finite.
void requireFinite(const char* field, double v);
// v must be finite and > lo.
void requireAbove(const char* field, double v, double lo);
// v must be finite and >= lo.
void requireAtLeast(const char* field, double v, double lo);
void requireRange(const char* field, double v, double lo, double hi);  // finite, in [lo, hi]
// v in [lo, hi).
void requireInClosedOpen(const char* field, double v, double lo, double hi);
// v in (lo, hi].
void requireInOpenClosed(const char* field, double v, double lo, double hi);
// v in (lo, hi).
void requireInOpen(const char* field, double v, double lo, double hi);

// Every field of the section is checked, whichever optimiser / schedule / scheme is selected, so
// a configuration stays valid when the user switches between them. Unknown names throw too
// (fields "optimizer.name", "schedule.name", "init.scheme").
void validateOptimizerConfig(const OptimizerConfig& c);
void validateScheduleConfig(const ScheduleConfig& c);
void validateInitConfig(const InitConfig& c);

// The same checks without the name: for hyperparameter changes during training.
void validateOptimizerHyperparameters(const OptimizerConfig& c);
void validateScheduleParameters(const ScheduleConfig& c);

}  // namespace dl
