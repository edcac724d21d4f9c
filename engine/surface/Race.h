// The optimiser race: several of the engine's own optimisers (dl::makeOptimizer, the classes the
// playground trains with) descend one surface from one starting point, each on a 2-element flat
// buffer, with the engine's learning-rate schedules and optional Gaussian gradient noise. Built
// to be driven from a GUI loop: step() is cheap, everything else is a read-only accessor.
#pragma once

#include "surface/Surface.h"
#include "config/Config.h"

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dl {
class Optimizer;
class Schedule;
}  // namespace dl

namespace dl::surface {

struct RacerConfig {
  std::string optimizer;
  double learningRate = 0;  // 0 → the surface's tuned value
  bool enabled = true;
  bool operator==(const RacerConfig&) const = default;
};

struct RaceConfig {
  std::string name, description;  // like ExperimentConfig's
  SurfaceConfig surface;
  std::optional<std::array<double, 2>> start;  // none → surface->start()
  // Empty → all seven optimisers at their tuned rates. One optimiser may race several times
  // (at different rates, say).
  std::vector<RacerConfig> racers;
  bool sameLearningRate = false;  // the toggle: every racer uses learningRate
  double learningRate = 0.01;
  OptimizerConfig hyper;    // momentum, beta1, beta2, rho, epsilon shared by all racers (name, lr ignored)
  ScheduleConfig schedule;  // the engine's schedules; their "epoch" is the step number (from 1)
  double noise = 0;         // σ of the Gaussian noise added to each gradient component
  std::uint64_t seed = 1;   // noise seed; racer i draws from its own stream derived from it
  long long steps = 300;    // how long a preset / the headless run goes
  bool operator==(const RaceConfig&) const = default;
};

// Throws ConfigError naming the field as the landscape file spells it and the value: "lr",
// "racers[2].optimizer", "racers[0].lr", "noise", "steps", "start", "hyper.momentum",
// "schedule.decay", "surface.condition", …
void validate(const RaceConfig& c);

// The racers of a configuration: its own list, or all seven optimisers at their tuned rates.
std::vector<RacerConfig> racersOf(const RaceConfig& c);

// "loss − minimum" at or below this counts as converged (RacerState::convergedAt).
inline constexpr double kConvergedGap = 1e-6;
// A racer beyond this distance on either axis, or with a non-finite loss, has diverged.
inline constexpr double kDivergedBeyond = 1e6;

struct RacerState {
  std::string optimizer;
  double learningRate = 0;  // the base rate in force
  double x = 0, y = 0, value = 0, gradNorm = 0;
  double distance = 0;    // to the nearest known minimum (NaN if none is known)
  double stepLength = 0;  // length of the last step
  double rate = 0;        // the scheduled rate of the last step
  long long step = 0;
  bool diverged = false;
  long long divergedAt = -1;
  long long convergedAt = -1;  // first step with value − minimumValue ≤ kConvergedGap (-1: not yet or unknown)
};

// Heavy-ball momentum on a quadratic with largest curvature λmax is stable for lr < 2(1+β)/λmax.
double momentumStabilityBound(double lambdaMax, double beta);

class Race {
public:
  explicit Race(const RaceConfig& c);  // validates; throws ConfigError
  ~Race();
  Race(const Race&) = delete;
  Race& operator=(const Race&) = delete;

  // One step for every enabled racer that has not diverged. A racer diverges when |x| or |y|
  // exceeds kDivergedBeyond or its loss is not finite; it stops there.
  void step();
  long long steps() const { return m_steps; }
  const RaceConfig& config() const { return m_config; }
  const Surface& surface() const { return *m_surface; }
  // One per racer of racersOf(config()), in that order (disabled ones stay at the start).
  const std::vector<RacerState>& racers() const { return m_states; }
  const std::vector<RacerConfig>& racerConfigs() const { return m_racerConfigs; }
  // The racer's name for a legend: its optimiser, with "@lr" when another racer has the same one.
  std::string label(std::size_t racer) const;
  // Every position since the start, the start included.
  const std::vector<std::array<double, 2>>& trail(std::size_t racer) const;
  // The known minima (criticalPoints() of kind Minimum), which distance is measured to.
  const std::vector<CriticalPoint>& criticalPoints() const { return m_critical; }

  // All racers back to (x, y) at step 0 with their optimiser state zeroed (a click on the map).
  void restart(double x, double y);
  // Learning rates, the same-rate toggle, hyperparameters, schedule, noise and seed apply in
  // place: positions and optimiser state are kept. A different surface, start or racer set
  // rebuilds the race from the start. Throws ConfigError (and changes nothing) when c is invalid.
  void applyLive(const RaceConfig& c);

private:
  struct Racer;
  void build(std::unique_ptr<Surface> surface);
  void placeAll(double x, double y);
  void observe(std::size_t i, double x, double y);
  double baseRate(std::size_t i) const;

  RaceConfig m_config;
  std::unique_ptr<Surface> m_surface;
  std::vector<CriticalPoint> m_critical;
  std::vector<RacerConfig> m_racerConfigs;
  std::vector<std::unique_ptr<Racer>> m_racers;
  std::vector<RacerState> m_states;
  long long m_steps = 0;
};

}  // namespace dl::surface
