// The loss surfaces of the optimiser-landscape lab: functions of two parameters (x, y) with their
// exact gradient and Hessian (a Jet), the plane a map shows, a starting point, the critical points
// classified by curvature, and the learning rates tuned for each optimiser. A registry maps the
// names used in JSON and the window ("quadratic", "rosenbrock", …) to them.
#pragma once

#include "surface/Jet.h"

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace dl::surface {

struct Box {
  double xmin, xmax, ymin, ymax;
};

enum class CriticalKind { Minimum, Maximum, Saddle, Degenerate };

struct CriticalPoint {
  double x, y, value;
  CriticalKind kind;
  double lambdaMin, lambdaMax;
};

// The Hessian's eigenvalues (λmin ≤ λmax), condition = |λ|max / |λ|min (inf when |λ|min is 0) and
// the kind a critical point with this curvature would be.
struct Curvature {
  double lambdaMin, lambdaMax, condition;
  CriticalKind kind;
};

Curvature curvature(const Jet& j);
// Minimum when both eigenvalues are > tol, maximum when both are < −tol, saddle when they have
// opposite signs beyond tol; otherwise (an eigenvalue within tol of 0) degenerate.
CriticalKind classify(double lambdaMin, double lambdaMax, double tol = 1e-9);
// "minimum", "maximum", "saddle", "degenerate": ids for files and the window to translate.
const char* kindName(CriticalKind k);

class Surface {
public:
  virtual ~Surface() = default;
  virtual Jet eval(double x, double y) const = 0;  // value, gradient, Hessian
  double value(double x, double y) const { return eval(x, y).v; }
  virtual Box view() const = 0;                     // the plane the map shows
  virtual std::array<double, 2> start() const = 0;  // the suggested starting point
  // The critical points inside view(): analytic where known, else found by Newton's method from a
  // grid of seeds, deduplicated and classified by the signs of the Hessian's eigenvalues.
  virtual std::vector<CriticalPoint> criticalPoints() const;
  // The learning rate tuned for this surface per optimiser name (the race's default).
  virtual double tunedLearningRate(const std::string& optimizer) const = 0;
  // The global minimum's value when known (for "loss − min" on a log axis), else NaN.
  virtual double minimumValue() const;

protected:
  // Newton from a seeds×seeds grid over view() (criticalPoints' default).
  std::vector<CriticalPoint> newtonCriticalPoints(int seeds) const;
};

struct SurfaceConfig {
  // quadratic saddle monkey-saddle rosenbrock beale himmelblau plateau rastrigin logistic expression
  std::string name = "quadratic";
  double curvature = 1.0;   // quadratic: λmax (0 < λmax ≤ 100)
  double condition = 10.0;  // quadratic: κ = λmax/λmin (1 … 10⁴)
  std::string expression;   // expression: f(x, y) as the user typed it
  // logistic: two weights, no bias, on a two-class playground data set (engine/data/Generators),
  // mean log-loss + (l2/2)‖w‖².
  std::string dataset = "blobs";
  double l2 = 0.01;
  int points = 200;
  std::uint64_t dataSeed = 1;

  bool operator==(const SurfaceConfig&) const = default;
};

// Throws dl::ConfigError naming the field ("surface.name", "surface.condition", "surface.expression", …).
std::unique_ptr<Surface> makeSurface(const SurfaceConfig& c);
const std::vector<std::string>& surfaceNames();

}  // namespace dl::surface
