// Weight initialisers. W is (fan_out, fan_in) — rows are output units, columns inputs.
#pragma once

#include "core/Rng.h"
#include "core/Types.h"
#include "config/Config.h"

#include <string>
#include <vector>

namespace dl {

// Fill W according to c.scheme. Throws ConfigError (field "init.scheme") for an unknown scheme.
void initializeWeights(const InitConfig& c, MatrixMap W, Rng& rng);
// The same with the fans given: a convolution's W (out, in/groups·kh·kw) has
// fan_in = in/groups·kh·kw and fan_out = out/groups·kh·kw. Orthogonal uses W's shape.
void initializeWeights(const InitConfig& c, MatrixMap W, Rng& rng, Index fanIn, Index fanOut);
const std::vector<std::string>& initializerNames();

// The standard deviation the scheme gives a weight of a (fanOut, fanIn) layer (for tests and the
// notes); uniform schemes report limit/√3.
double initializerStdDev(const InitConfig& c, Index fanIn, Index fanOut);

}  // namespace dl
