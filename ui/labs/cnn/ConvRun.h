// What the CNN lab's convolution views share: one convolution run by the engine's own Conv2d
// (made through the layer registry, one output channel, no bias), the colour maps and the number
// format of their cells.
#pragma once

#include <QColor>
#include <QString>

#include <vector>

namespace dlui::conv {

struct Result {
  std::vector<double> values;  // height × width, row by row
  int height = 0, width = 0;
};

// Convolves `input` (channels × height × width, channel outermost) with `kernel` (channels × k × k)
// by a Conv2d layer from dl::makeLayer. Throws dl::ConfigError when the kernel does not fit.
Result run(const std::vector<double>& input, int channels, int height, int width, const std::vector<double>& kernel,
           int k, int stride, int padding, int dilation);

// A number as a cell or a formula shows it: integers without decimals, else 3 significant digits,
// with a real minus sign (U+2212).
QString number(double v);
// The same, negative numbers in parentheses: a factor in "2·(−1)".
QString factor(double v);
// Blue for negative, white for 0, red for positive, saturated at ±maxAbs.
QColor diverging(double v, double maxAbs);
// White to dark blue for t in [0, 1].
QColor sequential(double t);
// Black or white, whichever reads on `fill`.
QColor textOn(const QColor& fill);

}  // namespace dlui::conv
