// Colour tables of the playground (see ColorMaps.h).
#include "widgets/ColorMaps.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace dlui::colors {

QColor classColor(int c) {
  // Orange and blue first (TF Playground), then a colour-blind-friendly set (Okabe–Ito, Tableau).
  static constexpr std::array<QRgb, 10> table = {0xfff59322, 0xff0877bd, 0xff2ca02c, 0xff9467bd, 0xffd62728,
                                                 0xff8c564b, 0xffe377c2, 0xff7f7f7f, 0xffbcbd22, 0xff17becf};
  return QColor::fromRgb(table[static_cast<std::size_t>(std::max(c, 0)) % table.size()]);
}

QRgb mix(QRgb a, QRgb b, double t) {
  t = std::isfinite(t) ? std::clamp(t, 0.0, 1.0) : 0.0;  // NaN would make the rounding undefined
  // Rounds half up like lround (the value is in [0, 255]) without the libm call: the thumbnails
  // mix a colour per pixel, tens of thousands per grid.
  auto ch = [t](int x, int y) { return static_cast<int>(x + (y - x) * t + 0.5); };
  return qRgb(ch(qRed(a), qRed(b)), ch(qGreen(a), qGreen(b)), ch(qBlue(a), qBlue(b)));
}

QRgb diverging(double t) {
  if (!std::isfinite(t)) return qRgb(0xc4, 0xc4, 0xc4);  // NaN or overflow: neutral grey, as on the map
  t = std::clamp(t, -1.0, 1.0);
  return t < 0 ? mix(0xffffffff, kNegative, -t) : mix(0xffffffff, kPositive, t);
}

QRgb sequential(double t) {
  // Five anchors of a perceptually ordered dark-to-light map.
  static constexpr QRgb kAnchors[] = {0xff2b1a4d, 0xff31608d, 0xff21918c, 0xff5cc863, 0xfffde725};
  if (!std::isfinite(t)) return 0xff9e9e9e;
  t = std::clamp(t, 0.0, 1.0) * 4.0;
  const int i = std::min(3, static_cast<int>(t));
  const double f = t - i;
  const QRgb a = kAnchors[i], b = kAnchors[i + 1];
  const auto ch = [f](int x, int y) { return static_cast<int>(std::lround(x + (y - x) * f)); };
  return qRgb(ch(qRed(a), qRed(b)), ch(qGreen(a), qGreen(b)), ch(qBlue(a), qBlue(b)));
}

}  // namespace dlui::colors
