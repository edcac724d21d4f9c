// What the CNN lab's "focus" presets show on a tab (convolution arithmetic, the kernel editor, the
// architecture comparisons; resampling has nn/Resampling.h), as numbers: the headless run prints
// them, the tests assert them, and the tabs draw the same computation. Qt-free.
#pragma once

#include "core/Types.h"
#include "nn/Layer.h"

#include <string>
#include <vector>

namespace dl {

// The kernel editor's named kernels at size k (3 or 5), row-major: "sobel_x", "sobel_y",
// "laplacian", "box", "gaussian" (binomial), "sharpen", "identity". A 3×3 kernel asked for at 5×5
// is padded with zeros (*padded set). Empty for an unknown id.
std::vector<double> namedKernel(const std::string& id, int k, bool* padded = nullptr);
const std::vector<std::string>& namedKernelIds();

// The kernel editor's grey test images, side × side row-major: "shapes" (a vertical bar, a
// horizontal bar, a square outline and a cross from data/Shapes.h, seed 7, the brightest wins) and
// "constant" (every pixel 0.5). Empty for another id.
std::vector<double> focusImage(const std::string& id, int* side);

// One k×k kernel over a grey image, stride 1, without padding ("valid"): (side − k + 1)² values.
std::vector<double> convolveValid(const std::vector<double>& image, int side, const std::vector<double>& kernel, int k);

// The architecture tab's comparisons ("three-vs-seven", "two-vs-five", "bottleneck",
// "weight-sharing"): the designs compared, each a stack on its input with, for the claims written
// in C² (C = `channels`), its weights over C². Convolutions use "same" padding and no biases; the
// bottleneck's input has 4C channels; weight sharing maps a 3×32×32 image to 16×32×32. Empty for an
// unknown id.
struct ComparisonDesign {
  Shape input;
  std::vector<LayerSpec> stack;
  int perC2 = 0;  // 0: not a claim in C²
};
std::vector<ComparisonDesign> comparisonDesigns(const std::string& id, Index channels);

// The claim of a focus preset, in English lines: the tab ("convolution", "kernels",
// "architecture") and its focus as the catalogue writes it (io/PresetCatalog.h). Throws
// ConfigError("focus", focus) for one it does not know.
std::vector<std::string> focusReport(const std::string& view, const std::string& focus);

}  // namespace dl
