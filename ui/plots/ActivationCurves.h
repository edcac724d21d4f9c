// The numbers behind the activation explorer: every activation of the engine sampled through its
// own dl::Activation (forward for f, backward with dA = 1 for f′, saturation() point by point for
// the shaded regions), and its mean output for standard-normal pre-activations (the zero-centred
// question). No formula is written twice: what the explorer draws is what the network computes.
#pragma once

#include "config/Config.h"

#include <string>
#include <vector>

namespace dlui {

struct ActivationCurve {
  dl::LayerConfig layer;        // the activation and its parameters (slope, alpha, pieces)
  std::vector<double> z;        // pre-activations, evenly spaced, zMin … zMax
  std::vector<double> f;        // f(z)
  std::vector<double> df;       // f′(z) as backward() passes it (dZ for dA = 1)
  std::vector<char> saturated;  // Activation::saturation of a unit at z: 1 saturated, 0 not
  double peakDerivative = 0;    // max |f′| over the samples
  double meanUnderNormal = 0;   // E[f(z)] for z ~ N(0, 1)
  // Maxout has no curve of its own (each unit takes the largest of k learned pieces): it is shown
  // with the example pieces z and −z, so f(z) = |z|.
  bool examplePieces = false;
  // The saturated stretches [from, to] of z, merged from the samples (edges at sample midpoints).
  std::vector<std::pair<double, double>> saturatedRanges() const;
};

// Samples `samples` ≥ 2 points of layer.activation on [zMin, zMax]. Throws dl::ConfigError for an
// unknown activation or bad parameters (as the network would).
ActivationCurve sampleActivation(const dl::LayerConfig& layer, double zMin = -6, double zMax = 6, int samples = 601);

// E[f(z)] for z ~ N(0, 1), by Simpson's rule on [−10, 10] through the engine's forward pass.
double meanUnderStandardNormal(const dl::LayerConfig& layer);

}  // namespace dlui
