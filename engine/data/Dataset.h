// The data container every part of the engine passes around: inputs in the engine's batch layout
// (one column per sample) plus class labels or regression targets.
#pragma once

#include "core/Types.h"

#include <string>
#include <vector>

namespace dl {

enum class Task { Classification, Regression };

// How a column of an image data set reads: channels × height × width values, channel outermost —
// value (c, y, x) at row (c·height + y)·width + x (nn/Layer.h's Shape with time 1). All 0 for data
// that are not images (points, CSV tables).
struct ImageShape {
  Index channels = 0, height = 0, width = 0;
  Index size() const { return channels * height * width; }
  bool isImage() const { return channels > 0 && height > 0 && width > 0; }
  bool operator==(const ImageShape&) const = default;
};

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
  ImageShape image;  // set by the image readers and generators (data/Images.h); size() == features()

  Index size() const { return X.cols(); }
  Index features() const { return X.rows(); }
};

}  // namespace dl
