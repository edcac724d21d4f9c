// The data container every part of the engine passes around: inputs in the engine's batch layout
// (one column per sample) plus class labels or regression targets.
#pragma once

#include "core/Types.h"

#include <string>
#include <vector>

namespace dl {

enum class Task { Classification, Regression };

struct Dataset {
  Matrix X;                 // (features, N): one column per sample (the engine's batch layout)
  std::vector<int> labels;  // classification: class id per sample in 0..numClasses-1
  Matrix targets;           // regression: (outputs, N)
  int numClasses = 0;       // 0 for regression
  Task task = Task::Classification;
  std::vector<std::string> featureNames;
  // Classification: the name of each class id (numClasses entries). Generated sets use "0", "1",
  // ...; a CSV keeps its label text ("setosa", or the original integer for integer labels).
  std::vector<std::string> classNames;

  Index size() const { return X.cols(); }
  Index features() const { return X.rows(); }
};

}  // namespace dl
