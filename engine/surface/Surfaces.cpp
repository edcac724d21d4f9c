// The built-in surfaces and their registry. Each writes its function once, on Jets: the gradient
// and Hessian follow exactly (tests/tst_landscape.cpp checks them against finite differences).
// The tuned learning rates were found by running the race (see docs/presets.md): every optimiser
// makes visible progress within ~200 steps from start() without diverging.
#include "core/Error.h"
#include "data/Generators.h"
#include "optim/Optimizer.h"
#include "surface/Expression.h"
#include "surface/Surface.h"
#include "config/ConfigChecks.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <numbers>

namespace dl::surface {

namespace {

// A surface whose box, start and rates are fixed numbers.
class TableSurface : public Surface {
public:
  Box view() const override { return m_view; }
  std::array<double, 2> start() const override { return m_start; }
  double tunedLearningRate(const std::string& optimizer) const override {
    const auto it = m_rates.find(optimizer);
    return it != m_rates.end() ? it->second : defaultLearningRate(optimizer);
  }
  double minimumValue() const override { return m_minimum; }

protected:
  Box m_view{-2, 2, -2, 2};
  std::array<double, 2> m_start{1, 1};
  std::map<std::string, double> m_rates;
  double m_minimum = std::numeric_limits<double>::quiet_NaN();
};

CriticalPoint criticalAt(const Surface& s, double x, double y) {
  const Jet j = s.eval(x, y);
  const Curvature c = curvature(j);
  return {x, y, j.v, c.kind, c.lambdaMin, c.lambdaMax};
}

// ½(λmax·x² + λmin·y²), λmin = λmax/κ: axis-aligned, so x is the steep direction and y the flat
// one. The tuned rates are the textbook ones for this Hessian: 2/(λmax+λmin) for gradient descent
// (the fastest fixed rate), 1/λmax for the momentum methods (β = 0.9 is stable up to 3.8/λmax).
class Quadratic : public TableSurface {
public:
  Quadratic(double lambdaMax, double condition) : m_lmax(lambdaMax), m_lmin(lambdaMax / condition) {
    m_view = {-2, 2, -2, 2};
    m_start = {-1.6, 1.5};
    m_minimum = 0;
    m_rates = {{"sgd", 2 / (m_lmax + m_lmin)},
               {"momentum", 1 / m_lmax},
               {"nesterov", 1 / m_lmax},
               {"adagrad", 0.5},
               {"rmsprop", 0.02},
               {"adadelta", 50},
               {"adam", 0.05}};
  }
  Jet eval(double x, double y) const override {
    const Jet X = Jet::x(x), Y = Jet::y(y);
    return 0.5 * (m_lmax * X * X + m_lmin * Y * Y);
  }
  std::vector<CriticalPoint> criticalPoints() const override { return {criticalAt(*this, 0, 0)}; }

private:
  double m_lmax, m_lmin;
};

// x² − y²: a saddle at the origin, minimum along x, maximum along y; unbounded below.
class Saddle : public TableSurface {
public:
  Saddle() {
    m_view = {-2, 2, -2, 2};
    m_start = {1.5, 0.05};
    m_rates = {{"sgd", 0.01},     {"momentum", 0.001}, {"nesterov", 0.001}, {"adagrad", 0.1},
               {"rmsprop", 0.01}, {"adadelta", 5},     {"adam", 0.02}};
  }
  Jet eval(double x, double y) const override {
    const Jet X = Jet::x(x), Y = Jet::y(y);
    return X * X - Y * Y;
  }
  std::vector<CriticalPoint> criticalPoints() const override { return {criticalAt(*this, 0, 0)}; }
};

// x³ − 3xy²: the monkey saddle, three valleys meeting at a flat point (Hessian zero: degenerate).
class MonkeySaddle : public TableSurface {
public:
  MonkeySaddle() {
    m_view = {-1.5, 1.5, -1.5, 1.5};
    m_start = {0.9, 0.35};
    m_rates = {{"sgd", 0.001},     {"momentum", 0.0001}, {"nesterov", 0.0001}, {"adagrad", 0.03},
               {"rmsprop", 0.005}, {"adadelta", 2},      {"adam", 0.01}};
  }
  Jet eval(double x, double y) const override {
    const Jet X = Jet::x(x), Y = Jet::y(y);
    return X * X * X - 3.0 * X * Y * Y;
  }
  std::vector<CriticalPoint> criticalPoints() const override { return {criticalAt(*this, 0, 0)}; }
};

// Rosenbrock 1960, a = 1, b = 100: (1 − x)² + 100(y − x²)², a curved flat-bottomed valley with
// its minimum at (1, 1).
class Rosenbrock : public TableSurface {
public:
  Rosenbrock() {
    m_view = {-2, 2, -1, 3};
    m_start = {-1.2, 1};
    m_minimum = 0;
    m_rates = {{"sgd", 0.001},    {"momentum", 0.0005}, {"nesterov", 0.0005}, {"adagrad", 0.3},
               {"rmsprop", 0.01}, {"adadelta", 20},     {"adam", 0.05}};
  }
  Jet eval(double x, double y) const override {
    const Jet X = Jet::x(x), Y = Jet::y(y);
    const Jet a = 1.0 - X, b = Y - X * X;
    return a * a + 100.0 * b * b;
  }
  std::vector<CriticalPoint> criticalPoints() const override { return {criticalAt(*this, 1, 1)}; }
};

// Beale: (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)², minimum 0 at (3, 0.5) in a
// narrow curved valley, steep walls near the corners of the view.
class Beale : public TableSurface {
public:
  Beale() {
    m_view = {-4.5, 4.5, -4.5, 4.5};
    m_start = {1, 1.4};
    m_minimum = 0;
    m_rates = {{"sgd", 0.001},    {"momentum", 0.0005}, {"nesterov", 0.0005}, {"adagrad", 0.5},
               {"rmsprop", 0.01}, {"adadelta", 20},     {"adam", 0.05}};
  }
  Jet eval(double x, double y) const override {
    const Jet X = Jet::x(x), Y = Jet::y(y);
    const Jet a = 1.5 - X + X * Y, b = 2.25 - X + X * Y * Y, c = 2.625 - X + X * Y * Y * Y;
    return a * a + b * b + c * c;
  }
};

// Himmelblau 1972: (x² + y − 11)² + (x + y² − 7)², four minima of value 0 (one at (3, 2)), a
// maximum near (−0.27, −0.92) and four saddles between them.
class Himmelblau : public TableSurface {
public:
  Himmelblau() {
    m_view = {-5, 5, -5, 5};
    m_start = {-0.3, 0.2};
    m_minimum = 0;
    m_rates = {{"sgd", 0.005},    {"momentum", 0.002}, {"nesterov", 0.002}, {"adagrad", 0.5},
               {"rmsprop", 0.02}, {"adadelta", 20},    {"adam", 0.05}};
  }
  Jet eval(double x, double y) const override {
    const Jet X = Jet::x(x), Y = Jet::y(y);
    const Jet a = X * X + Y - 11.0, b = X + Y * Y - 7.0;
    return a * a + b * b;
  }
};

// A well in a plateau: 1 − exp(−(x² + y²)/4). Far from the origin the surface is flat to within
// 10⁻⁴ and its gradient nearly vanishes, so plain gradient steps crawl; the optimisers that divide
// by the gradient's size cross it at their own pace. Minimum 0 at the origin.
class Plateau : public TableSurface {
public:
  Plateau() {
    m_view = {-6, 6, -6, 6};
    m_start = {4.5, 3.5};
    m_minimum = 0;
    m_rates = {{"sgd", 2},        {"momentum", 1},  {"nesterov", 1}, {"adagrad", 1},
               {"rmsprop", 0.02}, {"adadelta", 20}, {"adam", 0.05}};
  }
  Jet eval(double x, double y) const override {
    const Jet X = Jet::x(x), Y = Jet::y(y);
    return 1.0 - exp(-(X * X + Y * Y) / 4.0);
  }
  std::vector<CriticalPoint> criticalPoints() const override { return {criticalAt(*this, 0, 0)}; }
};

// Rastrigin-like: x² + y² + A·(2 − cos 2πx − cos 2πy) with A = 2, one local minimum near every
// integer point: 5×5 of them in the view [−2.5, 2.5]², the global one 0 at the origin.
class Rastrigin : public TableSurface {
public:
  static constexpr double kA = 2.0;
  Rastrigin() {
    m_view = {-2.5, 2.5, -2.5, 2.5};
    m_start = {2.2, 1.8};
    m_minimum = 0;
    m_rates = {{"sgd", 0.005},    {"momentum", 0.002}, {"nesterov", 0.002}, {"adagrad", 0.2},
               {"rmsprop", 0.01}, {"adadelta", 5},     {"adam", 0.02}};
  }
  Jet eval(double x, double y) const override {
    const double tau = 2 * std::numbers::pi;
    const Jet X = Jet::x(x), Y = Jet::y(y);
    return X * X + Y * Y + kA * (2.0 - cos(tau * X) - cos(tau * Y));
  }
  // The function is a sum of one 1-D function per axis, g(t) = t² + A(1 − cos 2πt), so its
  // critical points are the pairs of g's: found by bisection on g' = 2t + 2πA·sin 2πt.
  std::vector<CriticalPoint> criticalPoints() const override {
    const double tau = 2 * std::numbers::pi;
    const auto slope = [&](double t) { return 2 * t + tau * kA * std::sin(tau * t); };
    std::vector<double> roots;
    const int cells = 2000;
    const double lo = m_view.xmin, hi = m_view.xmax;
    for (int i = 0; i < cells; ++i) {
      double a = lo + (hi - lo) * i / cells, b = lo + (hi - lo) * (i + 1) / cells;
      double fa = slope(a), fb = slope(b);
      if (fa == 0) {
        roots.push_back(a);
        continue;
      }
      if ((fa < 0) == (fb < 0)) continue;
      for (int k = 0; k < 100; ++k) {
        const double m = 0.5 * (a + b), fm = slope(m);
        if ((fm < 0) == (fa < 0))
          a = m, fa = fm;
        else
          b = m;
      }
      roots.push_back(0.5 * (a + b));
    }
    // A root on a cell boundary is found from both cells.
    roots.erase(std::unique(roots.begin(), roots.end(), [](double a, double b) { return std::abs(a - b) < 1e-9; }),
                roots.end());
    std::vector<CriticalPoint> points;
    for (double x : roots)
      for (double y : roots) points.push_back(criticalAt(*this, x, y));
    return points;
  }
};

// Logistic regression with two weights and no bias: the real loss of a two-parameter model on a
// generated two-class data set, mean log-loss + (l2/2)‖w‖². With z = w·xᵢ and sᵢ = ±1:
//   L = (1/N) Σ log(1 + exp(−sᵢzᵢ)) + (l2/2)‖w‖²
//   ∇L = (1/N) Σ −sᵢ σ(−sᵢzᵢ) xᵢ + l2·w,   H = (1/N) Σ σ(zᵢ)σ(−zᵢ) xᵢxᵢᵀ + l2·I
class Logistic : public Surface {
public:
  explicit Logistic(const SurfaceConfig& c) : m_l2(c.l2) {
    DataConfig d;
    d.source = c.dataset;
    d.points = c.points;
    d.seed = c.dataSeed;
    d.classes = 2;
    d.arms = 2;
    const Dataset data = generateDataset(d);
    m_x.resize(static_cast<std::size_t>(data.size()));
    for (Index i = 0; i < data.size(); ++i)
      m_x[static_cast<std::size_t>(i)] = {double(data.X(0, i)), double(data.X(1, i)),
                                          data.labels[static_cast<std::size_t>(i)] == 1 ? 1.0 : -1.0};
    // The minimum, by Newton's method from the origin (the loss is strictly convex when l2 > 0).
    double wx = 0, wy = 0;
    for (int k = 0; k < 100; ++k) {
      const Jet j = eval(wx, wy);
      const double det = j.hxx * j.hyy - j.hxy * j.hxy;
      if (!(det > 0)) break;
      const double dx = -(j.hyy * j.gx - j.hxy * j.gy) / det, dy = -(-j.hxy * j.gx + j.hxx * j.gy) / det;
      wx += dx;
      wy += dy;
      if (std::hypot(dx, dy) < 1e-14 * (1 + std::hypot(wx, wy))) break;
    }
    m_best = {wx, wy};
    // A square view around the origin holding the minimum with room to spare.
    const double half = std::max(3.0, std::ceil(1.5 * std::max(std::abs(wx), std::abs(wy))));
    m_view = {-half, half, -half, half};
  }

  Jet eval(double wx, double wy) const override {
    double v = 0, gx = 0, gy = 0, hxx = 0, hxy = 0, hyy = 0;
    for (const auto& [x1, x2, s] : m_x) {
      const double z = wx * x1 + wy * x2, m = -s * z;
      // log(1 + eᵐ) without overflow; σ(m) = the probability given to the wrong class.
      v += m > 0 ? m + std::log1p(std::exp(-m)) : std::log1p(std::exp(m));
      const double wrong = 1 / (1 + std::exp(-m));
      const double weight = wrong * (1 - wrong);
      gx -= s * wrong * x1;
      gy -= s * wrong * x2;
      hxx += weight * x1 * x1;
      hxy += weight * x1 * x2;
      hyy += weight * x2 * x2;
    }
    const double n = static_cast<double>(m_x.size());
    return {v / n + 0.5 * m_l2 * (wx * wx + wy * wy),
            gx / n + m_l2 * wx,
            gy / n + m_l2 * wy,
            hxx / n + m_l2,
            hxy / n,
            hyy / n + m_l2};
  }
  Box view() const override { return m_view; }
  std::array<double, 2> start() const override { return {-0.8 * m_view.xmax, 0.8 * m_view.ymax}; }
  std::vector<CriticalPoint> criticalPoints() const override {
    if (m_l2 <= 0) return newtonCriticalPoints(12);
    return {criticalAt(*this, m_best[0], m_best[1])};
  }
  double tunedLearningRate(const std::string& optimizer) const override {
    static const std::map<std::string, double> rates = {{"sgd", 2},     {"momentum", 0.5}, {"nesterov", 0.5},
                                                        {"adagrad", 1}, {"rmsprop", 0.02}, {"adadelta", 20},
                                                        {"adam", 0.05}};
    const auto it = rates.find(optimizer);
    return it != rates.end() ? it->second : defaultLearningRate(optimizer);
  }
  double minimumValue() const override { return m_l2 > 0 ? value(m_best[0], m_best[1]) : Surface::minimumValue(); }

private:
  double m_l2;
  std::vector<std::array<double, 3>> m_x;  // (x1, x2, ±1) per sample
  std::array<double, 2> m_best{0, 0};
  Box m_view{-3, 3, -3, 3};
};

// The user's function. Its critical points are searched numerically; the rates are cautious ones
// for an unknown scale.
class TypedSurface : public TableSurface {
public:
  explicit TypedSurface(Expression e) : m_expression(std::move(e)) {
    m_view = {-3, 3, -3, 3};
    m_start = {2, 2};
    m_rates = {{"sgd", 0.01},     {"momentum", 0.01}, {"nesterov", 0.01}, {"adagrad", 0.1},
               {"rmsprop", 0.01}, {"adadelta", 5},    {"adam", 0.05}};
  }
  Jet eval(double x, double y) const override { return m_expression.eval(x, y); }

private:
  Expression m_expression;
};

struct Entry {
  const char* name;
  std::function<std::unique_ptr<Surface>(const SurfaceConfig&)> make;
};

const std::vector<Entry>& registry() {
  static const std::vector<Entry> entries = {
      {"quadratic",
       [](const SurfaceConfig& c) -> std::unique_ptr<Surface> {
         requireInOpenClosed("surface.curvature", c.curvature, 0.0, 100.0);
         requireRange("surface.condition", c.condition, 1.0, 1e4);
         return std::make_unique<Quadratic>(c.curvature, c.condition);
       }},
      {"saddle", [](const SurfaceConfig&) -> std::unique_ptr<Surface> { return std::make_unique<Saddle>(); }},
      {"monkey-saddle",
       [](const SurfaceConfig&) -> std::unique_ptr<Surface> { return std::make_unique<MonkeySaddle>(); }},
      {"rosenbrock", [](const SurfaceConfig&) -> std::unique_ptr<Surface> { return std::make_unique<Rosenbrock>(); }},
      {"beale", [](const SurfaceConfig&) -> std::unique_ptr<Surface> { return std::make_unique<Beale>(); }},
      {"himmelblau", [](const SurfaceConfig&) -> std::unique_ptr<Surface> { return std::make_unique<Himmelblau>(); }},
      {"plateau", [](const SurfaceConfig&) -> std::unique_ptr<Surface> { return std::make_unique<Plateau>(); }},
      {"rastrigin", [](const SurfaceConfig&) -> std::unique_ptr<Surface> { return std::make_unique<Rastrigin>(); }},
      {"logistic",
       [](const SurfaceConfig& c) -> std::unique_ptr<Surface> {
         if (isRegressionSource(c.dataset) || c.dataset == "csv" ||
             std::find(generatorNames().begin(), generatorNames().end(), c.dataset) == generatorNames().end())
           throw ConfigError("surface.dataset", c.dataset,
                             {DL_TRANSLATE_NOOP("dl", "must be a two-class generated data set (%1)"),
                              {"circle, xor, blobs, spiral, moons, linear, checkerboard"}});
         requireRange("surface.l2", c.l2, 0.0, 100.0);
         requireRange("surface.points", c.points, 4.0, 100000.0);
         return std::make_unique<Logistic>(c);
       }},
      {"expression",
       [](const SurfaceConfig& c) -> std::unique_ptr<Surface> {
         return std::make_unique<TypedSurface>(Expression::parse(c.expression));
       }},
  };
  return entries;
}

}  // namespace

std::unique_ptr<Surface> makeSurface(const SurfaceConfig& c) {
  for (const Entry& e : registry())
    if (c.name == e.name) return e.make(c);
  std::string list;
  for (const std::string& n : surfaceNames()) list += (list.empty() ? "" : ", ") + n;
  throw ConfigError("surface.name", c.name, {DL_TRANSLATE_NOOP("dl", "unknown name (expected one of: %1)"), {list}});
}

const std::vector<std::string>& surfaceNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> n;
    for (const Entry& e : registry()) n.emplace_back(e.name);
    return n;
  }();
  return names;
}

}  // namespace dl::surface
