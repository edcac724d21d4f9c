// The optimiser race (see Race.h). Each racer's flat buffer holds the step, not the position: the
// buffer is zeroed, the optimiser updates it from the gradient, and the position (kept in double)
// moves by what it holds. Every optimiser of the engine updates by an amount that does not depend
// on the parameters' values (tests/tst_optim.cpp), so this is exactly the optimiser's step; it
// keeps the float build's rounding to the step (~1e-7 of lr) instead of to the position (~1e-7 of
// |x|), which the claims about single steps need.
#include "surface/Race.h"

#include "core/Error.h"
#include "core/Rng.h"
#include "optim/Optimizer.h"
#include "schedule/Schedule.h"
#include "config/ConfigChecks.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace dl::surface {

namespace {

constexpr std::size_t kMaxRacers = 64;

// The hyperparameter checks of the engine, with the field named as the landscape file spells it.
void validateHyper(const OptimizerConfig& hyper) {
  OptimizerConfig h = hyper;
  h.learningRate = 1;  // each racer's rate is checked on its own
  try {
    validateOptimizerHyperparameters(h);
  } catch (const ConfigError& e) {
    std::string field = e.field();
    if (field.rfind("optimizer.", 0) == 0) field = "hyper." + field.substr(10);
    throw ConfigError(field, e.value(), e.reason());
  }
}

void validateRate(const std::string& field, double lr) { requireInOpenClosed(field.c_str(), lr, 0.0, 1e3); }

// Everything but the surface (which the race builds once anyway).
void validateRace(const RaceConfig& c) {
  if (c.start) {
    for (double v : *c.start)
      if (!(std::isfinite(v) && std::abs(v) <= kDivergedBeyond))
        throw ConfigError("start", formatValue(v),
                          {DL_TRANSLATE_NOOP("dl", "must be finite and within ±%1"), {formatValue(kDivergedBeyond)}});
  }
  if (c.racers.size() > kMaxRacers)
    throw ConfigError("racers", std::to_string(c.racers.size()) + " racers",
                      {DL_TRANSLATE_NOOP("dl", "at most %1 racers"), {std::to_string(kMaxRacers)}});
  const std::vector<std::string>& names = optimizerNames();
  for (std::size_t i = 0; i < c.racers.size(); ++i) {
    const std::string path = "racers[" + std::to_string(i) + "]";
    const RacerConfig& r = c.racers[i];
    if (std::find(names.begin(), names.end(), r.optimizer) == names.end()) {
      std::string list;
      for (const std::string& n : names) list += (list.empty() ? "" : ", ") + n;
      throw ConfigError(path + ".optimizer", r.optimizer,
                        {DL_TRANSLATE_NOOP("dl", "unknown name (expected one of: %1)"), {list}});
    }
    if (r.learningRate != 0) validateRate(path + ".lr", r.learningRate);  // 0: the surface's tuned rate
  }
  validateRate("lr", c.learningRate);
  validateHyper(c.hyper);
  validateScheduleConfig(c.schedule);
  requireRange("noise", c.noise, 0.0, 1e6);
  if (c.steps < 1 || c.steps > 1'000'000)
    throw ConfigError("steps", std::to_string(c.steps), {DL_TRANSLATE_NOOP("dl", "must be in %1"), {"[1, 1000000]"}});
}

bool sameRacerSet(const std::vector<RacerConfig>& a, const std::vector<RacerConfig>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const RacerConfig& x, const RacerConfig& y) {
    return x.optimizer == y.optimizer && x.enabled == y.enabled;
  });
}

}  // namespace

void validate(const RaceConfig& c) {
  validateRace(c);
  makeSurface(c.surface);
}

std::vector<RacerConfig> racersOf(const RaceConfig& c) {
  if (!c.racers.empty()) return c.racers;
  std::vector<RacerConfig> all;
  for (const std::string& name : optimizerNames()) all.push_back({name, 0.0, true});
  return all;
}

double momentumStabilityBound(double lambdaMax, double beta) { return 2 * (1 + beta) / lambdaMax; }

struct Race::Racer {
  std::unique_ptr<Optimizer> optimizer;
  std::unique_ptr<Schedule> schedule;
  Rng noise;
  double x = 0, y = 0;
  Jet here;  // the surface at (x, y): its gradient drives the next step
  Vector step = Vector::Zero(2), grad = Vector::Zero(2);
  std::vector<std::array<double, 2>> trail;
};

Race::Race(const RaceConfig& c) : m_config(c) {
  validateRace(c);
  build(makeSurface(c.surface));
}

Race::~Race() = default;

void Race::build(std::unique_ptr<Surface> surface) {
  m_surface = std::move(surface);
  m_critical.clear();
  for (const CriticalPoint& p : m_surface->criticalPoints())
    if (p.kind == CriticalKind::Minimum) m_critical.push_back(p);
  m_racerConfigs = racersOf(m_config);
  m_racers.clear();
  m_states.assign(m_racerConfigs.size(), RacerState{});
  for (std::size_t i = 0; i < m_racerConfigs.size(); ++i) {
    auto r = std::make_unique<Racer>();
    OptimizerConfig h = m_config.hyper;
    h.name = m_racerConfigs[i].optimizer;
    h.learningRate = baseRate(i);
    r->optimizer = makeOptimizer(h);
    r->schedule = makeSchedule(m_config.schedule);
    m_racers.push_back(std::move(r));
    m_states[i].optimizer = m_racerConfigs[i].optimizer;
  }
  const std::array<double, 2> s = m_config.start ? *m_config.start : m_surface->start();
  placeAll(s[0], s[1]);
}

double Race::baseRate(std::size_t i) const {
  if (m_config.sameLearningRate) return m_config.learningRate;
  const double own = m_racerConfigs[i].learningRate;
  return own > 0 ? own : m_surface->tunedLearningRate(m_racerConfigs[i].optimizer);
}

void Race::placeAll(double x, double y) {
  m_steps = 0;
  for (std::size_t i = 0; i < m_racers.size(); ++i) {
    Racer& r = *m_racers[i];
    r.optimizer->reset(2);
    r.schedule = makeSchedule(m_config.schedule);
    // Its own noise stream: the seed moved by a multiple of the golden ratio (Rng mixes it further).
    r.noise.reseed(m_config.seed + 0x9e3779b97f4a7c15ULL * (i + 1));
    r.trail.assign(1, {x, y});
    RacerState& s = m_states[i];
    s.learningRate = baseRate(i);
    s.rate = 0;
    s.stepLength = 0;
    s.step = 0;
    s.diverged = false;
    s.divergedAt = -1;
    s.convergedAt = -1;
    observe(i, x, y);
  }
}

void Race::observe(std::size_t i, double x, double y) {
  Racer& r = *m_racers[i];
  RacerState& s = m_states[i];
  r.x = s.x = x;
  r.y = s.y = y;
  r.here = m_surface->eval(x, y);
  s.value = r.here.v;
  s.gradNorm = std::hypot(r.here.gx, r.here.gy);
  s.distance = std::numeric_limits<double>::quiet_NaN();
  for (const CriticalPoint& p : m_critical) {
    const double d = std::hypot(x - p.x, y - p.y);
    if (!(d >= s.distance)) s.distance = d;  // the first one replaces NaN
  }
  const double minimum = m_surface->minimumValue();
  if (s.convergedAt < 0 && std::isfinite(minimum) && s.value - minimum <= kConvergedGap) s.convergedAt = s.step;
  if (!std::isfinite(s.value) || !std::isfinite(s.gradNorm) || !(std::abs(x) <= kDivergedBeyond) ||
      !(std::abs(y) <= kDivergedBeyond)) {
    s.diverged = true;
    s.divergedAt = s.step;
  }
}

void Race::step() {
  ++m_steps;
  for (std::size_t i = 0; i < m_racers.size(); ++i) {
    Racer& r = *m_racers[i];
    RacerState& s = m_states[i];
    if (!m_racerConfigs[i].enabled || s.diverged) continue;
    double gx = r.here.gx, gy = r.here.gy;
    if (m_config.noise > 0) {
      gx += m_config.noise * r.noise.normal();
      gy += m_config.noise * r.noise.normal();
    }
    r.grad << static_cast<Scalar>(gx), static_cast<Scalar>(gy);
    r.step.setZero();
    s.rate = r.schedule->rate(s.learningRate, s.step + 1);
    r.optimizer->step(VectorMap(r.step.data(), 2), ConstVectorMap(r.grad.data(), 2), static_cast<Scalar>(s.rate));
    const double dx = r.step(0), dy = r.step(1);
    s.stepLength = std::hypot(dx, dy);
    ++s.step;
    observe(i, r.x + dx, r.y + dy);
    r.trail.push_back({s.x, s.y});
  }
}

std::string Race::label(std::size_t racer) const {
  const std::string& name = m_racerConfigs[racer].optimizer;
  const auto same = std::count_if(m_racerConfigs.begin(), m_racerConfigs.end(),
                                  [&](const RacerConfig& r) { return r.optimizer == name; });
  if (same < 2) return name;
  char rate[32];
  std::snprintf(rate, sizeof rate, "%g", m_states[racer].learningRate);
  return name + "@" + rate;
}

const std::vector<std::array<double, 2>>& Race::trail(std::size_t racer) const { return m_racers.at(racer)->trail; }

void Race::restart(double x, double y) {
  if (!(std::isfinite(x) && std::isfinite(y) && std::abs(x) <= kDivergedBeyond && std::abs(y) <= kDivergedBeyond))
    throw ConfigError("start", formatValue(std::isfinite(x) ? y : x),
                      {DL_TRANSLATE_NOOP("dl", "must be finite and within ±%1"), {formatValue(kDivergedBeyond)}});
  placeAll(x, y);
}

void Race::applyLive(const RaceConfig& c) {
  validateRace(c);
  if (c.surface != m_config.surface || c.start != m_config.start || !sameRacerSet(racersOf(c), m_racerConfigs)) {
    std::unique_ptr<Surface> surface = makeSurface(c.surface);  // may throw: nothing changed yet
    m_config = c;
    build(std::move(surface));
    return;
  }
  const bool reseed = c.seed != m_config.seed;
  m_config = c;
  m_racerConfigs = racersOf(c);
  for (std::size_t i = 0; i < m_racers.size(); ++i) {
    Racer& r = *m_racers[i];
    m_states[i].learningRate = baseRate(i);
    OptimizerConfig h = c.hyper;
    h.name = m_racerConfigs[i].optimizer;
    h.learningRate = m_states[i].learningRate;
    r.optimizer->setHyperparameters(h);
    r.schedule->setConfig(c.schedule);
    if (reseed) r.noise.reseed(c.seed + 0x9e3779b97f4a7c15ULL * (i + 1));
  }
}

}  // namespace dl::surface
