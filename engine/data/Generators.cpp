// Synthetic data sets: a table maps each source name to a function that fills one class (or the
// whole regression set), so adding a shape is one function and one table row.
#include "data/Generators.h"

#include "config/Field.h"
#include "core/Error.h"
#include "core/Rng.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace dl {

namespace {

constexpr double kPi = 3.14159265358979323846;

// Writes one 2-D sample. Generators work in double and store in Scalar at the end.
void put(Dataset& d, Index col, double x1, double x2) {
  d.X(0, col) = static_cast<Scalar>(x1);
  d.X(1, col) = static_cast<Scalar>(x2);
}

// linspace(a, b, n)[i]; a single point sits at a, as in numpy and torch.
double linspace(double a, double b, int n, int i) { return n <= 1 ? a : a + (b - a) * i / (n - 1); }

// What a class generator reads and writes; lineAngle is drawn once per set (used by "linear").
struct ClassContext {
  Dataset& d;
  Rng& rng;
  const DataConfig& c;
  int k;
  double lineAngle;
};
// Fills columns [first, first + n) with samples of class `cls`.
using ClassGenerator = void (*)(ClassContext&, int cls, Index first, int n);

void genCircle(ClassContext& g, int cls, Index first, int n) {
  const double sd = g.c.noise * 0.2;
  for (int i = 0; i < n; ++i) {
    const double r = cls == 0 ? g.rng.uniform(0.0, 2.0) : g.rng.uniform(3.0, 5.0);
    const double t = g.rng.uniform(0.0, 2.0 * kPi);
    put(g.d, first + i, r * std::cos(t) / 5.0 + g.rng.normal(0.0, sd), r * std::sin(t) / 5.0 + g.rng.normal(0.0, sd));
  }
}

void genXor(ClassContext& g, int cls, Index first, int n) {
  const double sd = g.c.noise * 0.2;
  for (int i = 0; i < n; ++i) {
    // Class 0 lives in quadrants where the signs agree, class 1 where they differ. |x| is mapped
    // from [0,1) to [0.1,1) so no clean point sits on an axis, where the label would be arbitrary.
    const double sx = g.rng.uniform() < 0.5 ? -1.0 : 1.0;
    const double sy = cls == 0 ? sx : -sx;
    const double x = sx * (0.1 + 0.9 * g.rng.uniform());
    const double y = sy * (0.1 + 0.9 * g.rng.uniform());
    put(g.d, first + i, x + g.rng.normal(0.0, sd), y + g.rng.normal(0.0, sd));
  }
}

void genBlobs(ClassContext& g, int cls, Index first, int n) {
  const double sd = 0.1 + g.c.noise * 0.2;
  const double a = 2.0 * kPi * cls / g.k;
  const double cx = 0.7 * std::cos(a), cy = 0.7 * std::sin(a);
  for (int i = 0; i < n; ++i) put(g.d, first + i, g.rng.normal(cx, sd), g.rng.normal(cy, sd));
}

void genSpiral(ClassContext& g, int cls, Index first, int n) {
  for (int i = 0; i < n; ++i) {
    const double r = linspace(0.0, 1.0, n, i);
    const double t = linspace(4.0 * cls, 4.0 * (cls + 1), n, i) + g.rng.normal(0.0, g.c.noise);
    put(g.d, first + i, r * std::sin(t), r * std::cos(t));
  }
}

void genMoons(ClassContext& g, int cls, Index first, int n) {
  const double sd = g.c.noise * 0.2;
  for (int i = 0; i < n; ++i) {
    const double t = linspace(0.0, kPi, n, i);
    // make_moons: outer moon (cos t, sin t), inner moon (1 − cos t, 1 − sin t − 0.5); together
    // they span [−1,2]×[−0.5,1], which the affine map below centres and scales.
    const double x = cls == 0 ? std::cos(t) : 1.0 - std::cos(t);
    const double y = cls == 0 ? std::sin(t) : 1.0 - std::sin(t) - 0.5;
    put(g.d, first + i, (x - 0.5) / 1.5 + g.rng.normal(0.0, sd), (y - 0.25) / 1.5 + g.rng.normal(0.0, sd));
  }
}

void genLinear(ClassContext& g, int cls, Index first, int n) {
  const double sd = g.c.noise * 0.2;
  const double nx = -std::sin(g.lineAngle), ny = std::cos(g.lineAngle);  // normal of the line
  for (int i = 0; i < n; ++i) {
    // Rejection keeps the points uniform on their half of the square; it accepts half the draws.
    double x = 0.0, y = 0.0;
    do {
      x = g.rng.uniform(-1.0, 1.0);
      y = g.rng.uniform(-1.0, 1.0);
    } while ((nx * x + ny * y > 0.0 ? 1 : 0) != cls);
    put(g.d, first + i, x + g.rng.normal(0.0, sd), y + g.rng.normal(0.0, sd));
  }
}

void genCheckerboard(ClassContext& g, int cls, Index first, int n) {
  const double sd = g.c.noise * 0.2;
  for (int i = 0; i < n; ++i) {
    // Pick a column of squares, then one of the two rows-of-two whose parity gives this class;
    // each class owns 8 of the 16 squares, so this is uniform over the class's area.
    const int col = static_cast<int>(g.rng.below(4));
    const int row = 2 * static_cast<int>(g.rng.below(2)) + ((col + cls) % 2);
    const double x = -1.0 + 0.5 * (col + g.rng.uniform());
    const double y = -1.0 + 0.5 * (row + g.rng.uniform());
    put(g.d, first + i, x + g.rng.normal(0.0, sd), y + g.rng.normal(0.0, sd));
  }
}

// Regression surfaces: fill x and return the clean target.
using Surface = double (*)(Rng&, double& x1, double& x2);

double surfacePlane(Rng& rng, double& x1, double& x2) {
  x1 = rng.uniform(-1.0, 1.0);
  x2 = rng.uniform(-1.0, 1.0);
  return 0.6 * x1 - 0.4 * x2;
}

double surfaceRipple(Rng& rng, double& x1, double& x2) {
  x1 = rng.uniform(-1.0, 1.0);
  x2 = rng.uniform(-1.0, 1.0);
  return std::sin(3.0 * x1) * std::cos(3.0 * x2);
}

double surfaceIllConditioned(Rng& rng, double& x1, double& x2) {
  x1 = rng.normal(0.0, 1.0);
  x2 = rng.normal(0.0, 0.03);
  return x1 + 30.0 * x2;
}

double surfaceCorrelated(Rng& rng, double& x1, double& x2) {
  const double u = rng.normal(0.0, 1.0), v = rng.normal(0.0, 0.1);
  x1 = u + v;
  x2 = 0.03 * (u - v);
  return u + 10.0 * v;
}

struct Source {
  const char* name;
  ClassGenerator classGen;  // null for regression
  Surface surface;          // null for classification
  int fixedClasses;         // 2 for the binary shapes, 0 = from the config
};

const Source kSources[] = {
    {"circle", genCircle, nullptr, 2},
    {"xor", genXor, nullptr, 2},
    {"blobs", genBlobs, nullptr, 0},
    {"spiral", genSpiral, nullptr, 0},
    {"moons", genMoons, nullptr, 2},
    {"linear", genLinear, nullptr, 2},
    {"checkerboard", genCheckerboard, nullptr, 2},
    {"plane", nullptr, surfacePlane, 0},
    {"ripple", nullptr, surfaceRipple, 0},
    {"ill_conditioned", nullptr, surfaceIllConditioned, 0},
    {"correlated", nullptr, surfaceCorrelated, 0},
};

const Source* findSource(const std::string& name) {
  for (const auto& s : kSources)
    if (name == s.name) return &s;
  return nullptr;
}

int classCount(const Source& s, const DataConfig& c) {
  if (s.fixedClasses > 0) return s.fixedClasses;
  return std::string(s.name) == "spiral" ? c.arms : c.classes;
}

}  // namespace

const std::vector<std::string>& generatorNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const auto& s : kSources) v.emplace_back(s.name);
    return v;
  }();
  return names;
}


bool isRegressionSource(const std::string& source) {
  const Source* s = findSource(source);
  return s != nullptr && s->surface != nullptr;
}

void validateGeneratorConfig(const DataConfig& c) {
  if (!findSource(c.source)) {
    std::string list;
    for (const auto& n : generatorNames()) list += n + ", ";
    throw ConfigError("data.source", c.source,
                      {DL_TRANSLATE_NOOP("dl", "unknown source; expected one of %1"), {list + "csv"}});
  }
  // The ranges are the field list's (config/Fields.cpp). Noise is in units of the data's scale:
  // beyond 10 the shape is gone (and 1e300 overflows).
  for (const char* key : {"points", "noise", "imbalance", "classes", "arms"})
    validateField(*findField(dataFields(), key), c, "data");
}

std::vector<int> classSizes(int total, int k, double ratio) {
  if (k < 1)
    throw ConfigError("data.classes", std::to_string(k), {DL_TRANSLATE_NOOP("dl", "must be at least %1"), {"1"}});
  if (total < k)
    throw ConfigError(
        "data.points", std::to_string(total),
        {DL_TRANSLATE_NOOP("dl", "too few points for %1 classes of at least 1 point each"), {std::to_string(k)}});
  std::vector<double> w(static_cast<std::size_t>(k));
  for (int c = 0; c < k; ++c) w[c] = k == 1 ? 1.0 : std::pow(ratio, static_cast<double>(c) / (k - 1));
  const double sum = std::accumulate(w.begin(), w.end(), 0.0);
  // Largest remainder: floor every quota, then hand the missing points to the largest fractions
  // (ties to the lower class id, so class 0 stays the largest).
  std::vector<int> n(static_cast<std::size_t>(k));
  std::vector<double> frac(static_cast<std::size_t>(k));
  int assigned = 0;
  for (int c = 0; c < k; ++c) {
    const double q = total * w[c] / sum;
    n[c] = static_cast<int>(std::floor(q));
    frac[c] = q - n[c];
    assigned += n[c];
  }
  std::vector<int> order(static_cast<std::size_t>(k));
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return frac[a] > frac[b]; });
  for (int i = 0; assigned < total; i = (i + 1) % k, ++assigned) ++n[order[i]];
  // Every class needs a point; a tiny ratio may round one to zero, so borrow from the largest.
  for (int c = 0; c < k; ++c) {
    while (n[c] < 1) {
      const auto big = std::max_element(n.begin(), n.end());
      --*big;
      ++n[c];
    }
  }
  return n;
}

Dataset generateDataset(const DataConfig& c) {
  validateGeneratorConfig(c);
  const Source& s = *findSource(c.source);
  Rng rng(c.seed);
  Dataset d;
  d.featureNames = {"x1", "x2"};
  d.X.resize(2, c.points);

  if (s.surface) {
    d.task = Task::Regression;
    d.numClasses = 0;
    d.targets.resize(1, c.points);
    const double sd = c.noise * 0.1;
    for (Index i = 0; i < c.points; ++i) {
      double x1 = 0.0, x2 = 0.0;
      const double y = s.surface(rng, x1, x2);
      put(d, i, x1, x2);
      d.targets(0, i) = static_cast<Scalar>(y + rng.normal(0.0, sd));
    }
    return d;
  }

  const int k = classCount(s, c);
  d.task = Task::Classification;
  d.numClasses = k;
  for (int cls = 0; cls < k; ++cls) d.classNames.push_back(std::to_string(cls));
  const std::vector<int> sizes = classSizes(c.points, k, c.imbalance);
  d.labels.reserve(static_cast<std::size_t>(c.points));
  // The angle is drawn first for every source so the other draws do not depend on the source.
  ClassContext ctx{d, rng, c, k, rng.uniform(0.0, kPi)};
  Index first = 0;
  for (int cls = 0; cls < k; ++cls) {
    s.classGen(ctx, cls, first, sizes[cls]);
    d.labels.insert(d.labels.end(), static_cast<std::size_t>(sizes[cls]), cls);
    first += sizes[cls];
  }
  return d;
}

}  // namespace dl
