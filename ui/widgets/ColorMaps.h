// Colours shared by the decision map and the network diagram: one colour per class (class 0
// orange, class 1 blue, as in TensorFlow Playground) and the orange–white–blue diverging map for
// signed values (weights, regression targets, neuron outputs).
#pragma once

#include <QColor>

namespace dlui::colors {

inline constexpr QRgb kNegative = 0xfff59322;  // orange: negative weights, class 0
inline constexpr QRgb kPositive = 0xff0877bd;  // blue: positive weights, class 1

// Colour of class c (cycles after ten classes).
QColor classColor(int c);
// t in [-1, 1]: −1 orange, 0 white, +1 blue; clamped outside.
QRgb diverging(double t);
// t in [0, 1]: a sequential dark-to-light map (dark blue → green → yellow, close to viridis), for
// losses: low values dark. Grey for a non-finite t.
QRgb sequential(double t);
// a·(1 − t) + b·t per channel, t in [0, 1].
QRgb mix(QRgb a, QRgb b, double t);

}  // namespace dlui::colors
