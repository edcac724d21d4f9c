// The landscape lab's engine (engine/surface): Jet arithmetic against hand-worked values, every
// registered surface's gradient and Hessian against central finite differences, the expression
// parser and its errors, critical points and their classes, and the race — that it steps with the
// engine's own optimisers, deterministically, and restarts, applies live changes, stops diverged
// racers and names the bad field of a configuration.
#include <QtTest>

#include "core/Error.h"
#include "data/Generators.h"
#include "optim/Optimizer.h"
#include "surface/Expression.h"
#include "surface/Race.h"

#include <cmath>
#include <numbers>

using namespace dl;
using namespace dl::surface;

namespace {

bool near(double got, double want, double rel = 1e-12) {
  return std::abs(got - want) <= rel * std::max(1.0, std::abs(want));
}

#define CHECK_NEAR(got, want)   \
  QVERIFY2(near((got), (want)), \
           qPrintable(QString("%1 = %2, want %3").arg(#got).arg((got), 0, 'g', 17).arg((want), 0, 'g', 17)))

void checkJet(const Jet& j, double v, double gx, double gy, double hxx, double hxy, double hyy) {
  QVERIFY2(near(j.v, v) && near(j.gx, gx) && near(j.gy, gy) && near(j.hxx, hxx) && near(j.hxy, hxy) && near(j.hyy, hyy),
           qPrintable(QString("got (%1, %2, %3, %4, %5, %6), want (%7, %8, %9, %10, %11, %12)")
                          .arg(j.v)
                          .arg(j.gx)
                          .arg(j.gy)
                          .arg(j.hxx)
                          .arg(j.hxy)
                          .arg(j.hyy)
                          .arg(v)
                          .arg(gx)
                          .arg(gy)
                          .arg(hxx)
                          .arg(hxy)
                          .arg(hyy)));
}

// The expression used for the registry's "expression" surface in the derivative check: every
// function of the parser, away from its kinks and poles.
const char* kEveryFunction =
    "sin(x)*y^2 + cos(x*y)/3 + tan(0.3*x) - exp(-x*y/4) + log(2 + x^2) + sqrt(1 + y^2) + abs(x + 10) + tanh(x - y) "
    "+ (1 + x^2)^(0.5*y)";

SurfaceConfig named(const std::string& name) {
  SurfaceConfig c;
  c.name = name;
  return c;
}

SurfaceConfig configFor(const std::string& name) {
  SurfaceConfig c;
  c.name = name;
  if (name == "expression") c.expression = kEveryFunction;
  return c;
}

std::string parseError(const std::string& text) {
  try {
    Expression::parse(text);
  } catch (const ConfigError& e) {
    if (e.field() != "surface.expression") return "wrong field " + e.field();
    return e.reason().english();
  }
  return "no error";
}

RaceConfig quadraticRace(std::vector<RacerConfig> racers) {
  RaceConfig c;
  c.surface.name = "quadratic";
  c.surface.curvature = 1;
  c.surface.condition = 10;
  c.start = std::array<double, 2>{1, 1};
  c.racers = std::move(racers);
  return c;
}

// The ConfigError a configuration raises: "field=value".
QString errorOf(const RaceConfig& c) {
  try {
    validate(c);
  } catch (const ConfigError& e) {
    return QString::fromStdString(e.field() + "=" + e.value());
  }
  return "valid";
}

}  // namespace

class LandscapeTest : public QObject {
  Q_OBJECT
private slots:
  void jetArithmetic() {
    const Jet x = Jet::x(2), y = Jet::y(3);
    checkJet(x, 2, 1, 0, 0, 0, 0);
    checkJet(x + y, 5, 1, 1, 0, 0, 0);
    checkJet(x - y, -1, 1, -1, 0, 0, 0);
    checkJet(-x, -2, -1, 0, 0, 0, 0);
    checkJet(x * y, 6, 3, 2, 0, 1, 0);
    checkJet(x * x * y, 12, 12, 4, 6, 4, 0);  // x²y: ∇ = (2xy, x²), H = [[2y, 2x], [2x, 0]]
    // x/y: ∇ = (1/y, −x/y²), H = [[0, −1/y²], [−1/y², 2x/y³]]
    checkJet(x / y, 2.0 / 3, 1.0 / 3, -2.0 / 9, 0, -1.0 / 9, 4.0 / 27);
    checkJet(x + 1.5, 3.5, 1, 0, 0, 0, 0);
    checkJet(1.5 - y, -1.5, 0, -1, 0, 0, 0);
    checkJet(2.0 * y, 6, 0, 2, 0, 0, 0);
    checkJet(1.0 / x, 0.5, -0.25, 0, 0.25, 0, 0);  // 1/x: −1/x², 2/x³
    checkJet(y / 2.0, 1.5, 0, 0.5, 0, 0, 0);
    const double e2 = std::exp(2.0);
    checkJet(exp(x), e2, e2, 0, e2, 0, 0);
    checkJet(log(y), std::log(3.0), 0, 1.0 / 3, 0, 0, -1.0 / 9);
    checkJet(sqrt(x), std::sqrt(2.0), 0.5 / std::sqrt(2.0), 0, -0.25 / std::pow(2.0, 1.5), 0, 0);
    checkJet(pow(x, 3.0), 8, 12, 0, 12, 0, 0);
    checkJet(pow(Jet::x(-2), 3.0), -8, 12, 0, -12, 0, 0);  // an integer power of a negative number
    // x^y at (2, 3): ∇ = (y·x^(y−1), x^y·ln x), ∂²/∂x∂y = x^(y−1)(1 + y·ln x), ∂²/∂y² = x^y·ln²x
    const double l2 = std::log(2.0);
    checkJet(pow(x, y), 8, 12, 8 * l2, 12, 4 * (1 + 3 * l2), 8 * l2 * l2);
    checkJet(sin(x), std::sin(2.0), std::cos(2.0), 0, -std::sin(2.0), 0, 0);
    checkJet(cos(y), std::cos(3.0), 0, -std::sin(3.0), 0, 0, -std::cos(3.0));
    const double t = std::tan(2.0), h = std::tanh(2.0);
    checkJet(tan(x), t, 1 + t * t, 0, 2 * t * (1 + t * t), 0, 0);
    checkJet(tanh(x), h, 1 - h * h, 0, -2 * h * (1 - h * h), 0, 0);
    checkJet(abs(-x), 2, 1, 0, 0, 0, 0);
    // The chain rule through a composition: sin(xy) has H = −sin(xy)·∇(xy)∇(xy)ᵀ + cos(xy)·H(xy).
    const double s = std::sin(6.0), c = std::cos(6.0);
    checkJet(sin(x * y), s, 3 * c, 2 * c, -9 * s, -6 * s + c, -4 * s);
  }

  // Every registered surface (a new one is checked by being registered): the Jet's gradient
  // against central differences of the value, its Hessian against central differences of the
  // Jet's gradient, at points spread over the view.
  void surfaceDerivativesMatchFiniteDifferences() {
    QVERIFY(surfaceNames().size() >= 10);
    for (const std::string& name : surfaceNames()) {
      const std::unique_ptr<Surface> s = makeSurface(configFor(name));
      const Box b = s->view();
      const double scale = std::max(b.xmax - b.xmin, b.ymax - b.ymin);
      const double h = 1e-5 * scale;
      for (const auto& [fx, fy] : std::vector<std::pair<double, double>>{
               {0.13, 0.71}, {0.37, 0.29}, {0.61, 0.83}, {0.82, 0.44}, {0.55, 0.18}}) {
        const double x = b.xmin + fx * (b.xmax - b.xmin), y = b.ymin + fy * (b.ymax - b.ymin);
        const Jet j = s->eval(x, y);
        const Jet xp = s->eval(x + h, y), xm = s->eval(x - h, y), yp = s->eval(x, y + h), ym = s->eval(x, y - h);
        const double gx = (xp.v - xm.v) / (2 * h), gy = (yp.v - ym.v) / (2 * h);
        const double hxx = (xp.gx - xm.gx) / (2 * h), hyy = (yp.gy - ym.gy) / (2 * h);
        const double hxy = (yp.gx - ym.gx) / (2 * h), hyx = (xp.gy - xm.gy) / (2 * h);
        const double gScale = 1 + std::abs(j.gx) + std::abs(j.gy) + std::abs(j.v) / scale;
        const double hScale = 1 + std::abs(j.hxx) + std::abs(j.hxy) + std::abs(j.hyy);
        const auto ok = [](double got, double fd, double sc) { return std::abs(got - fd) <= 1e-6 * sc; };
        const QString where = QString("%1 at (%2, %3)").arg(QString::fromStdString(name)).arg(x).arg(y);
        QVERIFY2(ok(j.gx, gx, gScale) && ok(j.gy, gy, gScale),
                 qPrintable(where +
                            QString(": gradient (%1, %2), differences (%3, %4)").arg(j.gx).arg(j.gy).arg(gx).arg(gy)));
        QVERIFY2(ok(j.hxx, hxx, hScale) && ok(j.hyy, hyy, hScale) && ok(j.hxy, hxy, hScale) && ok(j.hxy, hyx, hScale),
                 qPrintable(where + QString(": Hessian (%1, %2, %3), differences (%4, %5/%6, %7)")
                                        .arg(j.hxx)
                                        .arg(j.hxy)
                                        .arg(j.hyy)
                                        .arg(hxx)
                                        .arg(hxy)
                                        .arg(hyx)
                                        .arg(hyy)));
      }
      // Every surface has a start inside its view and a positive tuned rate for every optimiser.
      const auto start = s->start();
      QVERIFY2(start[0] >= b.xmin && start[0] <= b.xmax && start[1] >= b.ymin && start[1] <= b.ymax, name.c_str());
      for (const std::string& o : optimizerNames()) QVERIFY2(s->tunedLearningRate(o) > 0, (name + " " + o).c_str());
    }
  }

  void parserPrecedenceAndFunctions() {
    const auto at = [](const char* text, double x = 0.3, double y = 0.7) {
      return Expression::parse(text).value(x, y);
    };
    CHECK_NEAR(at("1 + 2*3"), 7.0);
    CHECK_NEAR(at("(1 + 2)*3"), 9.0);
    CHECK_NEAR(at("10 - 4 - 3"), 3.0);  // left-associative
    CHECK_NEAR(at("2/4/2"), 0.25);
    CHECK_NEAR(at("2^3^2"), 512.0);  // right-associative: 2^(3^2)
    CHECK_NEAR(at("-2^2"), -4.0);    // ^ binds tighter than unary minus
    CHECK_NEAR(at("(-2)^2"), 4.0);
    CHECK_NEAR(at("2^-1"), 0.5);
    CHECK_NEAR(at("2*-3"), -6.0);
    CHECK_NEAR(at("--x"), 0.3);
    CHECK_NEAR(at("+x"), 0.3);
    CHECK_NEAR(at("1e-3*1000 + .5 + 1.5 + 2E1"), 23.0);
    CHECK_NEAR(at("pi"), std::numbers::pi);
    CHECK_NEAR(at("e"), std::numbers::e);
    CHECK_NEAR(at("x*y - y/x"), 0.3 * 0.7 - 0.7 / 0.3);
    CHECK_NEAR(at("sin(x) + cos(y) + tan(x) + exp(y) + log(y) + sqrt(x) + abs(-y) + tanh(x)"),
               std::sin(0.3) + std::cos(0.7) + std::tan(0.3) + std::exp(0.7) + std::log(0.7) + std::sqrt(0.3) + 0.7 +
                   std::tanh(0.3));
    CHECK_NEAR(at("  x ^ 2 * y  "), 0.09 * 0.7);
    // The tree carries derivatives: x²y at (0.3, 0.7).
    checkJet(Expression::parse("x^2*y").eval(0.3, 0.7), 0.063, 0.42, 0.09, 1.4, 0.6, 0);
    // Two hundred nested parentheses within the limit of 100 levels fail; 100 sums do not nest.
    std::string sum = "x";
    for (int i = 0; i < 300; ++i) sum += "+x";
    CHECK_NEAR(at(sum.c_str()), 301 * 0.3);
    std::string nested = std::string(99, '(') + "x" + std::string(99, ')');
    CHECK_NEAR(at(nested.c_str()), 0.3);
  }

  void parserErrors() {
    QCOMPARE(parseError(""), std::string("empty expression"));
    QCOMPARE(parseError("   "), std::string("empty expression"));
    QCOMPARE(parseError("(x + 1))"), std::string("unexpected ')' at column 8"));
    QCOMPARE(parseError("x + z"), std::string("unknown name 'z' at column 5"));
    QCOMPARE(parseError("2x"), std::string("unexpected 'x' at column 2"));  // no implicit multiplication
    QCOMPARE(parseError("2 (x)"), std::string("unexpected '(' at column 3"));
    QCOMPARE(parseError("x +"), std::string("unexpected end of the expression at column 4"));
    QCOMPARE(parseError("x * / y"), std::string("unexpected '/' at column 5"));
    QCOMPARE(parseError("(x + 1"), std::string("missing ')' for the '(' at column 1"));
    QCOMPARE(parseError("sin(x"), std::string("missing ')' for the '(' at column 4"));
    QCOMPARE(parseError("sin x"), std::string("'sin' at column 1 needs its argument in parentheses"));
    QCOMPARE(parseError("x # y"), std::string("unknown character '#' at column 3"));
    QCOMPARE(parseError("é + x"), std::string("unknown character 'é' at column 1"));
    QCOMPARE(parseError("é + z"), std::string("unknown character 'é' at column 1"));
    QCOMPARE(parseError("x² + z"), std::string("unknown character '²' at column 2"));
    QCOMPARE(parseError("1e999"), std::string("the number '1e999' at column 1 is too large"));
    QCOMPARE(parseError(std::string(200, '(') + "x" + std::string(200, ')')),
             std::string("nested too deeply at column 102 (at most 100 levels)"));
    QCOMPARE(parseError(std::string(200, '-') + "x"),
             std::string("nested too deeply at column 102 (at most 100 levels)"));
    QCOMPARE(parseError(std::string(1001, 'x')), std::string("too long: 1001 characters (at most 1000)"));
    // The exception's text is one line naming the field and the value.
    try {
      SurfaceConfig typed = named("expression");
      typed.expression = "x + z";
      makeSurface(typed);
      QFAIL("no error");
    } catch (const ConfigError& e) {
      QCOMPARE(std::string(e.what()),
               std::string("field 'surface.expression' has bad value 'x + z': unknown name 'z' at column 5"));
    }
  }

  void classifyAndCurvature() {
    QCOMPARE(classify(1, 2), CriticalKind::Minimum);
    QCOMPARE(classify(-2, -1), CriticalKind::Maximum);
    QCOMPARE(classify(-1, 2), CriticalKind::Saddle);
    QCOMPARE(classify(0, 2), CriticalKind::Degenerate);
    QCOMPARE(classify(1e-12, 1), CriticalKind::Degenerate);
    QCOMPARE(classify(0, 0), CriticalKind::Degenerate);
    const Curvature c = curvature({0, 0, 0, 2, 0, -1});
    CHECK_NEAR(c.lambdaMin, -1.0);
    CHECK_NEAR(c.lambdaMax, 2.0);
    CHECK_NEAR(c.condition, 2.0);
    QCOMPARE(c.kind, CriticalKind::Saddle);
    // [[2, 1], [1, 2]]: eigenvalues 1 and 3.
    const Curvature r = curvature({0, 0, 0, 2, 1, 2});
    CHECK_NEAR(r.lambdaMin, 1.0);
    CHECK_NEAR(r.lambdaMax, 3.0);
    CHECK_NEAR(r.condition, 3.0);
    QVERIFY(std::isinf(curvature({0, 0, 0, 1, 0, 0}).condition));
    // The quadratic's condition number is the configured κ.
    SurfaceConfig qc = named("quadratic");
    qc.curvature = 2;
    qc.condition = 100;
    const auto q = makeSurface(qc);
    CHECK_NEAR(curvature(q->eval(0.3, -0.2)).condition, 100.0);
    CHECK_NEAR(curvature(q->eval(0.3, -0.2)).lambdaMax, 2.0);
    CHECK_NEAR(momentumStabilityBound(1, 0.9), 3.8);
  }

  void criticalPoints() {
    const auto count = [](const std::vector<CriticalPoint>& ps, CriticalKind k) {
      return std::count_if(ps.begin(), ps.end(), [k](const CriticalPoint& p) { return p.kind == k; });
    };
    // Himmelblau: four minima of value 0, one maximum near (−0.2708, −0.9230), four saddles.
    const auto himmelblau = makeSurface(named("himmelblau"))->criticalPoints();
    QCOMPARE(himmelblau.size(), std::size_t(9));
    QCOMPARE(count(himmelblau, CriticalKind::Minimum), 4);
    QCOMPARE(count(himmelblau, CriticalKind::Maximum), 1);
    QCOMPARE(count(himmelblau, CriticalKind::Saddle), 4);
    for (const CriticalPoint& p : himmelblau) {
      if (p.kind == CriticalKind::Minimum) QVERIFY(std::abs(p.value) < 1e-12);
      if (p.kind == CriticalKind::Maximum) {
        QVERIFY(std::abs(p.x + 0.270845) < 1e-5 && std::abs(p.y + 0.923039) < 1e-5);
        QVERIFY(std::abs(p.value - 181.617) < 1e-3);
      }
    }
    QVERIFY(std::any_of(himmelblau.begin(), himmelblau.end(),
                        [](const CriticalPoint& p) { return std::abs(p.x - 3) < 1e-9 && std::abs(p.y - 2) < 1e-9; }));
    const auto saddle = makeSurface(named("saddle"))->criticalPoints();
    QCOMPARE(saddle.size(), std::size_t(1));
    QCOMPARE(saddle[0].kind, CriticalKind::Saddle);
    QCOMPARE(saddle[0].lambdaMin, -2.0);
    QCOMPARE(saddle[0].lambdaMax, 2.0);
    QCOMPARE(makeSurface(named("monkey-saddle"))->criticalPoints()[0].kind, CriticalKind::Degenerate);
    QCOMPARE(makeSurface({})->criticalPoints()[0].kind, CriticalKind::Minimum);
    const auto rosenbrock = makeSurface(named("rosenbrock"))->criticalPoints();
    QCOMPARE(rosenbrock.size(), std::size_t(1));
    QCOMPARE(rosenbrock[0].kind, CriticalKind::Minimum);
    // Beale's minimum (3, 0.5) is found by the numerical search.
    const auto beale = makeSurface(named("beale"))->criticalPoints();
    QVERIFY(std::any_of(beale.begin(), beale.end(), [](const CriticalPoint& p) {
      return p.kind == CriticalKind::Minimum && std::abs(p.x - 3) < 1e-8 && std::abs(p.y - 0.5) < 1e-8;
    }));
    // Rastrigin: 5×5 local minima in the view, the global one at the origin.
    const auto rastrigin = makeSurface(named("rastrigin"))->criticalPoints();
    QCOMPARE(count(rastrigin, CriticalKind::Minimum), 25);
    QCOMPARE(count(rastrigin, CriticalKind::Maximum), 16);
    QCOMPARE(count(rastrigin, CriticalKind::Saddle), 40);
    for (const CriticalPoint& p : rastrigin) QVERIFY(std::hypot(p.x, p.y) < 1e-12 || p.value > 0.5);
    // A typed function's critical points are searched numerically: (x−1)² − (y+0.5)² has one saddle.
    SurfaceConfig tc = named("expression");
    tc.expression = "(x - 1)^2 - (y + 0.5)^2";
    const auto typed = makeSurface(tc)->criticalPoints();
    QCOMPARE(typed.size(), std::size_t(1));
    QCOMPARE(typed[0].kind, CriticalKind::Saddle);
    QVERIFY(std::abs(typed[0].x - 1) < 1e-12 && std::abs(typed[0].y + 0.5) < 1e-12);
  }

  // The logistic surface is the model's real loss: recomputed here from the generated data.
  void logisticIsTheRealLoss() {
    SurfaceConfig c;
    c.name = "logistic";
    c.dataset = "moons";
    c.points = 100;
    c.l2 = 0.05;
    c.dataSeed = 4;
    const auto s = makeSurface(c);
    DataConfig d;
    d.source = "moons";
    d.points = 100;
    d.seed = 4;
    d.classes = 2;
    d.arms = 2;
    const Dataset data = generateDataset(d);
    const double w1 = 0.7, w2 = -1.3;
    double loss = 0;
    for (Index i = 0; i < data.size(); ++i) {
      const double z = w1 * data.X(0, i) + w2 * data.X(1, i);
      const double p = 1 / (1 + std::exp(-z));
      loss -= data.labels[std::size_t(i)] == 1 ? std::log(p) : std::log(1 - p);
    }
    loss = loss / double(data.size()) + 0.5 * 0.05 * (w1 * w1 + w2 * w2);
    QVERIFY(std::abs(s->value(w1, w2) - loss) < 1e-12);
    const auto minima = s->criticalPoints();
    QCOMPARE(minima.size(), std::size_t(1));
    QCOMPARE(minima[0].kind, CriticalKind::Minimum);
    QVERIFY(std::hypot(s->eval(minima[0].x, minima[0].y).gx, s->eval(minima[0].x, minima[0].y).gy) < 1e-12);
    QCOMPARE(s->minimumValue(), minima[0].value);
  }

  // One SGD step and one Adam step, worked out by hand, and the same as the engine's classes.
  void raceStepsWithTheEngineOptimisers() {
    // Quadratic λ = (1, 0.1) from (1, 1): ∇ = (1, 0.1).
    Race sgd(quadraticRace({{"sgd", 0.1, true}}));
    sgd.step();
    QCOMPARE(sgd.racers()[0].x, 1 + double(-Scalar(0.1) * Scalar(1)));  // 0.9 (the step rounded to float)
    QVERIFY(std::abs(sgd.racers()[0].y - 0.99) < 1e-8);
    QVERIFY(std::abs(sgd.racers()[0].stepLength - std::hypot(0.1, 0.01)) < 1e-8);
    QCOMPARE(sgd.racers()[0].step, 1LL);
    QCOMPARE(sgd.steps(), 1LL);
    // Adam's first step: m̂ = g, v̂ = g², so each coordinate moves by lr·g/(|g| + ε).
    Race adam(quadraticRace({{"adam", 0.01, true}}));
    adam.step();
    QVERIFY(std::abs(adam.racers()[0].x - (1 - 0.01 * 1 / (1 + 1e-8))) < 1e-8);
    QVERIFY(std::abs(adam.racers()[0].y - (1 - 0.01 * 0.1 / (0.1 + 1e-8))) < 1e-8);
    // The engine's Adam on the same gradients, two steps: the race moved by exactly its update.
    OptimizerConfig oc;
    oc.name = "adam";
    const std::unique_ptr<Optimizer> engine = makeOptimizer(oc);
    engine->reset(2);
    Vector w = Vector::Zero(2), g(2);
    g << Scalar(1), Scalar(0.1);
    engine->step(VectorMap(w.data(), 2), ConstVectorMap(g.data(), 2), Scalar(0.01));
    QCOMPARE(adam.racers()[0].x, 1.0 + double(w(0)));
    QCOMPARE(adam.racers()[0].y, 1.0 + double(w(1)));
    // Tuned rates when lr is 0; the same-rate toggle overrides both.
    RaceConfig tuned = quadraticRace({{"sgd", 0, true}, {"adam", 0, true}});
    QCOMPARE(Race(tuned).racers()[0].learningRate, 2 / (1 + 0.1));
    tuned.sameLearningRate = true;
    tuned.learningRate = 0.02;
    QCOMPARE(Race(tuned).racers()[1].learningRate, 0.02);
    // Without racers, all seven optimisers race.
    QCOMPARE(Race(quadraticRace({})).racers().size(), optimizerNames().size());
  }

  // The schedule's epoch is the step number: inverse_time with decay 1 halves the rate at step 1.
  void raceUsesTheSchedules() {
    RaceConfig c = quadraticRace({{"sgd", 0.1, true}});
    c.schedule.name = "inverse_time";
    c.schedule.decay = 1;
    Race r(c);
    r.step();
    QCOMPARE(r.racers()[0].rate, 0.05);
    r.step();
    QVERIFY(std::abs(r.racers()[0].rate - 0.1 / 3) < 1e-15);
  }

  void noiseIsDeterministicPerSeed() {
    RaceConfig c = quadraticRace({});
    c.noise = 0.5;
    c.seed = 7;
    Race a(c), b(c);
    c.seed = 8;
    Race other(c);
    for (int k = 0; k < 50; ++k) {
      a.step();
      b.step();
      other.step();
    }
    for (std::size_t i = 0; i < a.racers().size(); ++i) {
      QCOMPARE(a.trail(i), b.trail(i));
      QVERIFY(a.trail(i) != other.trail(i));
      QCOMPARE(a.trail(i).size(), std::size_t(51));
    }
    // Each racer has its own stream: two SGD racers at one rate take different noisy paths.
    c.racers = {{"sgd", 0.1, true}, {"sgd", 0.1, true}};
    Race twins(c);
    twins.step();
    QVERIFY(twins.trail(0) != twins.trail(1));
  }

  void restartZeroesTheState() {
    RaceConfig c = quadraticRace({});
    Race r(c);
    for (int k = 0; k < 10; ++k) r.step();
    r.restart(0.5, -0.5);
    QCOMPARE(r.steps(), 0LL);
    c.start = std::array<double, 2>{0.5, -0.5};
    Race fresh(c);
    for (std::size_t i = 0; i < r.racers().size(); ++i) {
      QCOMPARE(r.trail(i).size(), std::size_t(1));
      QCOMPARE(r.racers()[i].x, 0.5);
      QCOMPARE(r.racers()[i].step, 0LL);
    }
    for (int k = 0; k < 5; ++k) {
      r.step();
      fresh.step();
    }
    for (std::size_t i = 0; i < r.racers().size(); ++i) QCOMPARE(r.trail(i), fresh.trail(i));
  }

  void applyLiveKeepsPositions() {
    RaceConfig c = quadraticRace({{"momentum", 0.1, true}, {"adam", 0.01, true}});
    Race live(c), straight(c);
    for (int k = 0; k < 10; ++k) {
      live.step();
      straight.step();
    }
    // The same configuration again changes nothing: state (velocities, moments) is kept.
    live.applyLive(c);
    live.step();
    straight.step();
    for (std::size_t i = 0; i < 2; ++i) QCOMPARE(live.trail(i), straight.trail(i));
    // New rates, noise and β apply in place: positions, step counts and trails stay.
    const double x = live.racers()[0].x;
    c.racers[0].learningRate = 0.2;
    c.noise = 0.1;
    c.hyper.momentum = 0.5;
    live.applyLive(c);
    QCOMPARE(live.steps(), 11LL);
    QCOMPARE(live.racers()[0].x, x);
    QCOMPARE(live.racers()[0].learningRate, 0.2);
    QCOMPARE(live.trail(0).size(), std::size_t(12));
    live.step();
    QCOMPARE(live.racers()[0].step, 12LL);
    // A different surface starts again from its start.
    c.surface.condition = 50;
    live.applyLive(c);
    QCOMPARE(live.steps(), 0LL);
    QCOMPARE(live.racers()[0].x, 1.0);
    // So does a different racer set.
    live.step();
    c.racers.push_back({"sgd", 0.1, true});
    live.applyLive(c);
    QCOMPARE(live.racers().size(), std::size_t(3));
    QCOMPARE(live.steps(), 0LL);
    // An invalid change throws and changes nothing.
    live.step();
    RaceConfig bad = c;
    bad.noise = -1;
    QVERIFY_THROWS_EXCEPTION(ConfigError, live.applyLive(bad));
    QCOMPARE(live.steps(), 1LL);
    QCOMPARE(live.config(), c);
  }

  void divergenceStopsARacer() {
    RaceConfig c = quadraticRace({{"momentum", 3.85, true}, {"momentum", 3.7, true}});
    c.surface.condition = 1;
    c.hyper.momentum = 0.9;
    Race r(c);
    QCOMPARE(r.label(0), std::string("momentum@3.85"));
    for (int k = 0; k < 300; ++k) r.step();
    const RacerState& out = r.racers()[0];
    QVERIFY(out.diverged);
    QVERIFY(out.divergedAt > 0 && out.divergedAt < 300);
    QCOMPARE(out.step, out.divergedAt);
    QCOMPARE(r.trail(0).size(), std::size_t(out.divergedAt + 1));
    QVERIFY(std::max(std::abs(out.x), std::abs(out.y)) > kDivergedBeyond);
    QVERIFY(!r.racers()[1].diverged);
    QCOMPARE(r.racers()[1].step, 300LL);
    // A disabled racer stays at the start.
    c.racers[1].enabled = false;
    Race off(c);
    off.step();
    QCOMPARE(off.racers()[1].step, 0LL);
    QCOMPARE(off.trail(1).size(), std::size_t(1));
  }

  void validationNamesFieldAndValue() {
    RaceConfig c = quadraticRace({{"sgd", 0.1, true}, {"adam", 0, true}, {"adamw", 0.1, true}});
    QCOMPARE(errorOf(c), QString("racers[2].optimizer=adamw"));
    c.racers.pop_back();
    QCOMPARE(errorOf(c), QString("valid"));
    c.learningRate = 1e9;
    QCOMPARE(errorOf(c), QString("lr=1000000000"));
    c.learningRate = 0.01;
    c.racers[0].learningRate = -1;
    QCOMPARE(errorOf(c), QString("racers[0].lr=-1"));
    c.racers[0].learningRate = 1001;
    QCOMPARE(errorOf(c), QString("racers[0].lr=1001"));
    c.racers[0].learningRate = 0.1;
    c.noise = -0.5;
    QCOMPARE(errorOf(c), QString("noise=-0.5"));
    c.noise = 0;
    c.steps = 0;
    QCOMPARE(errorOf(c), QString("steps=0"));
    c.steps = 2'000'000;
    QCOMPARE(errorOf(c), QString("steps=2000000"));
    c.steps = 10;
    c.hyper.momentum = 1.5;
    QCOMPARE(errorOf(c), QString("hyper.momentum=1.5"));
    c.hyper.momentum = 0.9;
    c.schedule.name = "cosine";
    QCOMPARE(errorOf(c), QString("schedule.name=cosine"));
    c.schedule.name = "constant";
    c.start = std::array<double, 2>{std::nan(""), 0};
    QCOMPARE(errorOf(c), QString("start=nan"));
    c.start.reset();
    c.surface.condition = 1e5;
    QCOMPARE(errorOf(c), QString("surface.condition=100000"));
    c.surface.condition = 10;
    c.surface.name = "everest";
    QCOMPARE(errorOf(c), QString("surface.name=everest"));
    c.surface.name = "logistic";
    c.surface.dataset = "ripple";
    QCOMPARE(errorOf(c), QString("surface.dataset=ripple"));
    c.surface.name = "expression";
    c.surface.expression = "x +* y";
    QCOMPARE(errorOf(c), QString("surface.expression=x +* y"));
    QVERIFY_THROWS_EXCEPTION(ConfigError, Race{c});
    // A restart outside the plane is refused.
    Race r(quadraticRace({}));
    QVERIFY_THROWS_EXCEPTION(ConfigError, r.restart(std::nan(""), 0));
  }
};

QTEST_APPLESS_MAIN(LandscapeTest)
#include "tst_landscape.moc"
