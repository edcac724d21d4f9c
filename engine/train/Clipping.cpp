// Gradient clipping (train/Clipping.h).
#include "train/Clipping.h"

#include <cmath>

namespace dl {

bool clipGradient(Vector& g, double norm, double clipValue, double clipNorm) {
  bool clipped = false;
  if (clipValue > 0) {
    const auto c = static_cast<Scalar>(clipValue);
    if (g.cwiseAbs().maxCoeff() > c) {
      g = g.cwiseMax(-c).cwiseMin(c);
      clipped = true;
    }
  }
  if (clipNorm > 0) {
    if (clipped) norm = std::sqrt(g.template cast<double>().squaredNorm());
    if (norm > clipNorm) {
      g *= static_cast<Scalar>(clipNorm / norm);
      clipped = true;
    }
  }
  return clipped;
}

}  // namespace dl
