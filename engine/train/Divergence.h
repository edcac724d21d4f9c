// Where a run's first non-finite value appeared: what a Trainer reports when training diverges, and
// what a search keeps of a diverged trial.
#pragma once

#include <string>

namespace dl {

// layer counts from 1 like the metrics columns (0: not in one layer).
struct Divergence {
  long long step = 0;
  int layer = 0;
  std::string quantity;          // "loss" (training or validation), "activations", "gradient" or "weights"
  std::string describe() const;  // in English, for logs and the command line
};

}  // namespace dl
