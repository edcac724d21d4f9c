// What every surface shares: curvature from the Hessian, classification of critical points, and
// the numerical search for critical points (Newton's method from a grid of seeds).
#include "surface/Surface.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace dl::surface {

Curvature curvature(const Jet& j) {
  // Eigenvalues of the symmetric [[hxx, hxy], [hxy, hyy]]: mean ± √(half-difference² + hxy²).
  const double mean = 0.5 * (j.hxx + j.hyy);
  const double half = 0.5 * (j.hxx - j.hyy);
  const double radius = std::hypot(half, j.hxy);
  Curvature c;
  c.lambdaMin = mean - radius;
  c.lambdaMax = mean + radius;
  const double small = std::min(std::abs(c.lambdaMin), std::abs(c.lambdaMax));
  const double large = std::max(std::abs(c.lambdaMin), std::abs(c.lambdaMax));
  c.condition = small > 0 ? large / small : std::numeric_limits<double>::infinity();
  c.kind = classify(c.lambdaMin, c.lambdaMax);
  return c;
}

CriticalKind classify(double lambdaMin, double lambdaMax, double tol) {
  if (lambdaMin > tol && lambdaMax > tol) return CriticalKind::Minimum;
  if (lambdaMin < -tol && lambdaMax < -tol) return CriticalKind::Maximum;
  if (std::min(lambdaMin, lambdaMax) < -tol && std::max(lambdaMin, lambdaMax) > tol) return CriticalKind::Saddle;
  return CriticalKind::Degenerate;
}

const char* kindName(CriticalKind k) {
  switch (k) {
    case CriticalKind::Minimum:
      return "minimum";
    case CriticalKind::Maximum:
      return "maximum";
    case CriticalKind::Saddle:
      return "saddle";
    case CriticalKind::Degenerate:
      break;
  }
  return "degenerate";
}

double Surface::minimumValue() const { return std::numeric_limits<double>::quiet_NaN(); }

std::vector<CriticalPoint> Surface::criticalPoints() const { return newtonCriticalPoints(24); }

std::vector<CriticalPoint> Surface::newtonCriticalPoints(int seeds) const {
  const Box b = view();
  const double diagonal = std::hypot(b.xmax - b.xmin, b.ymax - b.ymin);
  const double margin = 1e-9 * diagonal;
  std::vector<CriticalPoint> found;
  for (int i = 0; i < seeds; ++i) {
    for (int k = 0; k < seeds; ++k) {
      // Seeds at the centres of a seeds×seeds grid of cells.
      double x = b.xmin + (b.xmax - b.xmin) * (i + 0.5) / seeds;
      double y = b.ymin + (b.ymax - b.ymin) * (k + 0.5) / seeds;
      bool converged = false;
      for (int iteration = 0; iteration < 100; ++iteration) {
        const Jet j = eval(x, y);
        const double det = j.hxx * j.hyy - j.hxy * j.hxy;
        const double scale = std::max({std::abs(j.hxx), std::abs(j.hyy), std::abs(j.hxy), 1e-300});
        // A (nearly) singular Hessian: Newton's step is meaningless here.
        if (!std::isfinite(det) || std::abs(det) <= 1e-14 * scale * scale) break;
        // δ = −H⁻¹∇f
        const double dx = -(j.hyy * j.gx - j.hxy * j.gy) / det;
        const double dy = -(-j.hxy * j.gx + j.hxx * j.gy) / det;
        x += dx;
        y += dy;
        if (!std::isfinite(x) || !std::isfinite(y) || std::abs(x) > 1e6 || std::abs(y) > 1e6) break;
        if (std::hypot(dx, dy) <= 1e-13 * (1 + std::hypot(x, y))) {
          converged = true;
          break;
        }
      }
      if (!converged) continue;
      if (x < b.xmin - margin || x > b.xmax + margin || y < b.ymin - margin || y > b.ymax + margin) continue;
      const Jet j = eval(x, y);
      const Curvature c = curvature(j);
      // A true critical point: the gradient vanishes on the scale of the curvature.
      if (std::hypot(j.gx, j.gy) > 1e-7 * std::max(1.0, std::abs(c.lambdaMax) + std::abs(c.lambdaMin))) continue;
      const bool known = std::any_of(found.begin(), found.end(), [&](const CriticalPoint& p) {
        return std::hypot(p.x - x, p.y - y) <= 1e-6 * diagonal;
      });
      if (!known) found.push_back({x, y, j.v, c.kind, c.lambdaMin, c.lambdaMax});
    }
  }
  std::sort(found.begin(), found.end(),
            [](const CriticalPoint& a, const CriticalPoint& b) { return a.x != b.x ? a.x < b.x : a.y < b.y; });
  return found;
}

}  // namespace dl::surface
