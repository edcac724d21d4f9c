// The optimisers by the names used in JSON and the UI.
#include "optim/AdaGrad.h"
#include "optim/Adadelta.h"
#include "optim/Adam.h"
#include "optim/Momentum.h"
#include "optim/RmsProp.h"
#include "optim/Sgd.h"

#include "config/ConfigChecks.h"

namespace dl {

namespace {

using Factory = std::unique_ptr<Optimizer> (*)(const OptimizerConfig&);

template <class T>
std::unique_ptr<Optimizer> create(const OptimizerConfig& c) {
  return std::make_unique<T>(c);
}

template <bool Nesterov>
std::unique_ptr<Optimizer> createMomentum(const OptimizerConfig& c) {
  return std::make_unique<Momentum>(c, Nesterov);
}

struct Entry {
  const char* name;
  Factory make;
  double learningRate = 0.03;
};

// Order is the order the UI lists them in: from plain descent to adaptive methods.
constexpr Entry kOptimizers[] = {
    {"sgd", &create<Sgd>},         {"momentum", &createMomentum<false>}, {"nesterov", &createMomentum<true>},
    {"adagrad", &create<AdaGrad>}, {"rmsprop", &create<RmsProp>},        {"adadelta", &create<Adadelta>, 1.0},
    {"adam", &create<Adam>},
};

}  // namespace

const std::vector<std::string>& optimizerNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const auto& e : kOptimizers) v.emplace_back(e.name);
    return v;
  }();
  return names;
}

double defaultLearningRate(const std::string& name) {
  for (const auto& e : kOptimizers)
    if (name == e.name) return e.learningRate;
  return OptimizerConfig{}.learningRate;
}

std::unique_ptr<Optimizer> makeOptimizer(const OptimizerConfig& c) {
  validateOptimizerConfig(c);  // the name too: an unknown one throws here
  for (const auto& e : kOptimizers)
    if (c.name == e.name) return e.make(c);
  return nullptr;  // unreachable: validateOptimizerConfig knows the same names
}

}  // namespace dl
