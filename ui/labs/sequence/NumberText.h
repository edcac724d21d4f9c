// Short numbers for the sequence lab's views: colour-bar ends, tooltips and legends read from the
// back of a room, so 0.003 and 12 stay plain, very small or large values take an exponent (1e−6,
// 2.5e+7), and the log scale's whole decades read as powers of ten (10⁻⁶, 10⁰).
#pragma once

#include <QString>

namespace dlui::seqtext {

// v with `digits` significant digits: plain between 10⁻³ and 10⁵, otherwise mantissa e exponent;
// a real minus sign; NaN and ±∞ spelled out.
QString number(double v, int digits);
// 10 with a superscript exponent: powerOfTen(-6) = "10⁻⁶".
QString powerOfTen(int exponent);

}  // namespace dlui::seqtext
