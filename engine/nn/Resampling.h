// The up- and downsampling experiment of the CNN lab's Resampling tab, the headless run of its
// presets and their tests: a grey test image halved four ways and a small image doubled four ways,
// every way by one of the engine's own layers made through the registry (nn/Layer.h makeLayer), so
// what is shown and measured is what a network built from those layers computes.
//
// Halving (factor 2): stride-2 subsampling (a 1×1 conv2d with weight 1 and stride 2: keeps every
// second row and column), 2×2 average pooling, 2×2 max pooling, and blur-then-subsample (a 3×3
// binomial kernel (1 2 1)ᵀ(1 2 1)/16 as a stride-2 conv2d, on the image mirrored by one pixel at
// its edges so that the border is not darkened by zeros).
// Doubling: nearest and bilinear upsampling (nn/Upsample.h), and transposed convolutions with
// stride 2 (nn/ConvTranspose2d.h): kernel 3 with padding 1 (output 2n − 1), kernel 4 with padding 1
// (2n) and kernel 2 (2n), with equal weights 1 (each output then counts the input stamps that
// overlap on it) or the bilinear "tent" weights.
#pragma once

#include "core/Types.h"

#include <string>
#include <vector>

namespace dl::resampling {

// One grey image, row by row.
struct Image {
  int height = 0, width = 0;
  std::vector<double> values;
  double at(int y, int x) const { return values[static_cast<std::size_t>(y * width + x)]; }
};

// Test images, values in [0, 1].
// Vertical stripes 0.5 + 0.5·cos(2πx/period): period 2 alternates 1, 0, 1, 0 column by column.
Image stripes(int side, double period);
// A checkerboard 0.5 + 0.5·cos(2πx/period)·cos(2πy/period): period 2 alternates pixel by pixel.
Image checkerboard(int side, double period);
// A zone plate 0.5 + 0.5·cos(π r²/side), r measured from the centre: rings whose frequency grows
// with r, reaching 0.5 cycle per pixel (the finest a grid holds) at r = side/2.
Image zonePlate(int side);
Image constant(int side, double level);

enum class Down { Subsample, AvgPool, MaxPool, BlurSubsample };
inline constexpr Down kDowns[] = {Down::Subsample, Down::AvgPool, Down::MaxPool, Down::BlurSubsample};
// The image halved by the engine's layer for `how` (h, w ≥ 2): the poolings give ⌊h/2⌋ × ⌊w/2⌋,
// subsampling and blur-then-subsample ⌈h/2⌉ × ⌈w/2⌉ (they keep rows and columns 0, 2, 4, …: an odd
// side keeps its last one).
Image downsample(const Image& in, Down how);

enum class Up { Nearest, Bilinear, Transposed3, Transposed4, Transposed2 };
inline constexpr Up kUps[] = {Up::Nearest, Up::Bilinear, Up::Transposed3, Up::Transposed4, Up::Transposed2};
// The transposed convolution's weights: all 1, or the bilinear tent (k = 3: ½ 1 ½; k = 4:
// ¼ ¾ ¾ ¼; k = 2: 1 1, along each axis), which gives a constant input back unchanged inside.
enum class Weights { Equal, Tent };
// The image doubled by the engine's layer for `how`.
Image upsample(const Image& in, Up how, Weights weights = Weights::Equal);
// The transposed convolution's kernel size (0 for nearest and bilinear) and padding.
int transposedKernel(Up how);
int transposedPadding(Up how);

// Numbers measured on an image, or on its interior (`border` pixels left out on every side: the
// border of a transposed convolution's output has fewer overlapping stamps).
struct Stats {
  double mean = 0, min = 0, max = 0;
  double contrast() const { return max - min; }
  // max / min; +∞ when min is 0 and max is not, 1 for an all-zero image.
  double ratio() const;
};
Stats measure(const Image& img, int border = 0);
// The period, in the image's own pixels, of the strongest vertical-stripe component of the image
// (a DFT of its column means); 0 when the column means are flat (contrast below 1e-6).
double stripePeriod(const Image& img);

// A preset's setting of the experiment, parsed from its catalogue focus: "down:IMAGE:PERIOD"
// (IMAGE stripes, checkerboard or zoneplate; period 2 to 16) or "up:IMAGE:WEIGHTS" (IMAGE constant
// or stripes; WEIGHTS equal or tent). Throws ConfigError naming "focus" for anything else.
struct Focus {
  bool up = false;
  std::string image = "stripes";
  double period = 2;
  Weights weights = Weights::Equal;
};
Focus parseFocus(const std::string& focus);
inline constexpr int kDownSide = 40;  // the halved test images are 40 × 40
inline constexpr int kUpSide = 8;     // the doubled ones 8 × 8
inline constexpr double kMinPeriod = 2, kMaxPeriod = 16;
// The focus's input image.
Image focusImage(const Focus& f);

// Names for reports ("stride-2 subsampling", "transposed conv k3 s2 p1").
std::string name(Down how);
std::string name(Up how);
// The experiment of `focus` as plain English lines: per way, its output size and measured numbers.
std::vector<std::string> report(const Focus& focus);

}  // namespace dl::resampling
