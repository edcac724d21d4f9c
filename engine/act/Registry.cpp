// Maps the activation names used in JSON and the UI to their implementations.
#include "act/Activation.h"
#include "act/Rectifiers.h"
#include "act/Smooth.h"
#include "core/Error.h"

#include <cmath>

namespace dl {

const std::vector<std::string>& activationNames() {
  static const std::vector<std::string> names = {"linear", "sigmoid", "tanh", "relu",  "leaky_relu",
                                                 "prelu",  "elu",     "selu", "maxout"};
  return names;
}

std::unique_ptr<Activation> makeActivation(const LayerConfig& c, const std::string& field) {
  const std::string& n = c.activation;
  auto requireFinite = [&](const char* key, double v, double lo, double hi) {
    if (!std::isfinite(v) || v < lo || v > hi)
      throw ConfigError(field + "." + key, formatValue(v),
                        {DL_TRANSLATE_NOOP("dl", "must be between %1 and %2"), {formatValue(lo), formatValue(hi)}});
  };
  if (n == "linear") return std::make_unique<Linear>();
  if (n == "sigmoid") return std::make_unique<Sigmoid>();
  if (n == "tanh") return std::make_unique<Tanh>();
  if (n == "relu") return std::make_unique<Relu>();
  if (n == "leaky_relu") {
    requireFinite("slope", c.slope, 0.0, 1.0);
    return std::make_unique<Relu>(static_cast<Scalar>(c.slope));
  }
  if (n == "prelu") {
    requireFinite("slope", c.slope, 0.0, 1.0);
    return std::make_unique<PRelu>(static_cast<Scalar>(c.slope));
  }
  if (n == "elu") {
    requireFinite("alpha", c.alpha, 1e-6, 100.0);
    return std::make_unique<Elu>(static_cast<Scalar>(c.alpha), Scalar(1), "elu");
  }
  if (n == "selu") return std::make_unique<Elu>(Elu::selu());
  if (n == "maxout") {
    if (c.pieces < 2 || c.pieces > 16)
      throw ConfigError(field + ".pieces", std::to_string(c.pieces),
                        {DL_TRANSLATE_NOOP("dl", "must be between %1 and %2"), {"2", "16"}});
    return std::make_unique<Maxout>(c.pieces);
  }
  std::string known;
  for (const auto& k : activationNames()) known += (known.empty() ? "" : ", ") + k;
  throw ConfigError(field + ".activation", n, {DL_TRANSLATE_NOOP("dl", "unknown activation (known: %1)"), {known}});
}

}  // namespace dl
