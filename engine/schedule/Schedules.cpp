// The learning-rate schedules and their registry. Epochs count from 1; every rate is clamped
// from below at minLearningRate.
#include "schedule/Schedule.h"

#include "core/Error.h"
#include "config/ConfigChecks.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace dl {

namespace {

// Shared by all schedules: the configuration, checked on every change, and the clamp.
class ScheduleBase : public Schedule {
public:
  explicit ScheduleBase(const ScheduleConfig& c) { ScheduleBase::setConfig(c); }
  void setConfig(const ScheduleConfig& c) override {
    validateScheduleParameters(c);
    m_c = c;
  }
  double rate(double lr0, long long epoch) const final {
    return std::max(unclamped(lr0, std::max(epoch, 1LL)), m_c.minLearningRate);
  }

protected:
  virtual double unclamped(double lr0, long long epoch) const = 0;
  ScheduleConfig m_c;
};

class Constant final : public ScheduleBase {
public:
  using ScheduleBase::ScheduleBase;
  std::string name() const override { return "constant"; }

protected:
  double unclamped(double lr0, long long) const override { return lr0; }
};

class InverseTime final : public ScheduleBase {
public:
  using ScheduleBase::ScheduleBase;
  std::string name() const override { return "inverse_time"; }

protected:
  // lr0 / (1 + decay·epoch)
  double unclamped(double lr0, long long epoch) const override {
    return lr0 / (1.0 + m_c.decay * static_cast<double>(epoch));
  }
};

class Exponential final : public ScheduleBase {
public:
  using ScheduleBase::ScheduleBase;
  std::string name() const override { return "exponential"; }

protected:
  // lr0 · base^epoch
  double unclamped(double lr0, long long epoch) const override {
    return lr0 * std::pow(m_c.base, static_cast<double>(epoch));
  }
};

class InverseSqrt final : public ScheduleBase {
public:
  using ScheduleBase::ScheduleBase;
  std::string name() const override { return "inverse_sqrt"; }

protected:
  // lr0 · k / √epoch
  double unclamped(double lr0, long long epoch) const override {
    return lr0 * m_c.k / std::sqrt(static_cast<double>(epoch));
  }
};

class Step final : public ScheduleBase {
public:
  using ScheduleBase::ScheduleBase;
  std::string name() const override { return "step"; }

protected:
  // lr0 · stepFactor^⌊(epoch − 1) / stepEvery⌋: epochs 1..stepEvery run at lr0.
  double unclamped(double lr0, long long epoch) const override {
    const long long drops = (epoch - 1) / m_c.stepEvery;
    return lr0 * std::pow(m_c.stepFactor, static_cast<double>(drops));
  }
};

// Reduce on plateau (as Keras' ReduceLROnPlateau / PyTorch's, relative threshold 1e-4):
// after `patience` evaluations in a row that do not beat the best loss by that margin, the factor
// is multiplied by plateauFactor and the count starts again; the best loss is kept.
class Plateau final : public ScheduleBase {
public:
  using ScheduleBase::ScheduleBase;
  std::string name() const override { return "plateau"; }

  void onValidation(double valLoss) override {
    // improvement: loss < best·(1 − 1e-4). NaN never improves.
    if (valLoss < m_best * (1.0 - kThreshold)) {
      m_best = valLoss;
      m_badCount = 0;
      return;
    }
    if (++m_badCount >= m_c.patience) {
      m_factor *= m_c.plateauFactor;
      m_badCount = 0;
    }
  }

  std::vector<double> state() const override { return {m_best, static_cast<double>(m_badCount), m_factor}; }

  void setState(const std::vector<double>& s) override {
    if (s.size() != 3)
      throw ConfigError(
          "state.schedule", std::to_string(s.size()) + " values",
          DL_TRANSLATE_NOOP("dl", "plateau state is {best loss, evaluations without improvement, factor}"));
    if (std::isnan(s[0]))
      throw ConfigError("state.schedule[0]", formatValue(s[0]), DL_TRANSLATE_NOOP("dl", "must not be NaN"));
    if (!(s[1] >= 0 && s[1] == std::floor(s[1]) && s[1] < 1e9))
      throw ConfigError("state.schedule[1]", formatValue(s[1]),
                        DL_TRANSLATE_NOOP("dl", "must be a whole number >= 0"));
    if (!(s[2] > 0 && s[2] <= 1))
      throw ConfigError("state.schedule[2]", formatValue(s[2]),
                        {DL_TRANSLATE_NOOP("dl", "must be in %1"), {"(0, 1]"}});
    m_best = s[0];
    m_badCount = static_cast<int>(s[1]);
    m_factor = s[2];
  }

protected:
  double unclamped(double lr0, long long) const override { return lr0 * m_factor; }

private:
  static constexpr double kThreshold = 1e-4;
  // The largest double rather than +∞ before the first evaluation, so the state survives JSON.
  double m_best = std::numeric_limits<double>::max();
  int m_badCount = 0;
  double m_factor = 1.0;
};

template <class T>
std::unique_ptr<Schedule> create(const ScheduleConfig& c) {
  return std::make_unique<T>(c);
}

struct Entry {
  const char* name;
  std::unique_ptr<Schedule> (*make)(const ScheduleConfig&);
};

constexpr Entry kSchedules[] = {
    {"constant", &create<Constant>},
    {"inverse_time", &create<InverseTime>},
    {"exponential", &create<Exponential>},
    {"inverse_sqrt", &create<InverseSqrt>},
    {"step", &create<Step>},
    {"plateau", &create<Plateau>},
};

}  // namespace

const std::vector<std::string>& scheduleNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const auto& e : kSchedules) v.emplace_back(e.name);
    return v;
  }();
  return names;
}

std::unique_ptr<Schedule> makeSchedule(const ScheduleConfig& c) {
  validateScheduleConfig(c);  // the name too: an unknown one throws here
  for (const auto& e : kSchedules)
    if (c.name == e.name) return e.make(c);
  return nullptr;  // unreachable: validateScheduleConfig knows the same names
}

}  // namespace dl
