// Activation curves from the engine's own implementations (see ActivationCurves.h).
#include "plots/ActivationCurves.h"

#include "act/Activation.h"

#include <algorithm>
#include <cmath>

namespace dlui {

namespace {

// One unit's pre-activations for the samples z: (pieces, N). Maxout's example pieces have the
// slopes 1 … −1 evenly spaced, so their maximum is |z| whatever k is.
dl::Matrix preActivations(const dl::Activation& act, const std::vector<double>& z) {
  const dl::Index k = act.pieces(), n = static_cast<dl::Index>(z.size());
  dl::Matrix Z(k, n);
  for (dl::Index j = 0; j < k; ++j) {
    const double slope = k == 1 ? 1.0 : 1.0 - 2.0 * static_cast<double>(j) / static_cast<double>(k - 1);
    for (dl::Index i = 0; i < n; ++i) Z(j, i) = static_cast<dl::Scalar>(slope * z[static_cast<std::size_t>(i)]);
  }
  return Z;
}

// f(z) for the samples (one unit; PReLU at its initial slope).
dl::Matrix forward(const dl::Activation& act, const dl::Matrix& Z) {
  std::vector<dl::Scalar> params(static_cast<std::size_t>(std::max<dl::Index>(1, act.paramCount(1))), 0);
  act.initParams(params.data(), 1);
  dl::Matrix A;
  act.forward(Z, A, params.data());
  return A;
}

}  // namespace

ActivationCurve sampleActivation(const dl::LayerConfig& layer, double zMin, double zMax, int samples) {
  const auto act = dl::makeActivation(layer, "activation");
  ActivationCurve c;
  c.layer = layer;
  c.examplePieces = act->pieces() > 1;
  samples = std::max(2, samples);
  c.z.resize(static_cast<std::size_t>(samples));
  for (int i = 0; i < samples; ++i) c.z[static_cast<std::size_t>(i)] = zMin + (zMax - zMin) * i / (samples - 1);
  const dl::Matrix Z = preActivations(*act, c.z);
  std::vector<dl::Scalar> params(static_cast<std::size_t>(std::max<dl::Index>(1, act->paramCount(1))), 0);
  act->initParams(params.data(), 1);
  dl::Matrix A;
  act->forward(Z, A, params.data());
  // f′ through the network's own backward pass: dZ = f′(Z) ⊙ dA with dA = 1. For maxout dZ has a
  // row per piece; the derivative along z is Σ_j slope_j · dZ_j.
  const dl::Matrix dA = dl::Matrix::Ones(A.rows(), A.cols());
  dl::Matrix dZ;
  std::vector<dl::Scalar> gradParams(params.size(), 0);
  act->backward(Z, A, dA, dZ, params.data(), gradParams.data());
  const dl::Index k = act->pieces();
  c.f.resize(c.z.size());
  c.df.resize(c.z.size());
  c.saturated.resize(c.z.size());
  for (int i = 0; i < samples; ++i) {
    const auto u = static_cast<std::size_t>(i);
    c.f[u] = static_cast<double>(A(0, i));
    double d = 0;
    for (dl::Index j = 0; j < k; ++j) {
      const double slope = k == 1 ? 1.0 : 1.0 - 2.0 * static_cast<double>(j) / static_cast<double>(k - 1);
      d += slope * static_cast<double>(dZ(j, i));
    }
    c.df[u] = d;
    c.peakDerivative = std::max(c.peakDerivative, std::abs(d));
    // The same test the saturation chart applies to a whole layer, for a single unit at z.
    c.saturated[u] = act->saturation(Z.col(i), A.col(i), params.data()) > 0.5 ? 1 : 0;
  }
  c.meanUnderNormal = meanUnderStandardNormal(layer);
  return c;
}

std::vector<std::pair<double, double>> ActivationCurve::saturatedRanges() const {
  std::vector<std::pair<double, double>> ranges;
  const std::size_t n = z.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (!saturated[i]) continue;
    std::size_t j = i;
    while (j + 1 < n && saturated[j + 1]) ++j;
    const double from = i == 0 ? z.front() : (z[i - 1] + z[i]) / 2;
    const double to = j + 1 == n ? z.back() : (z[j] + z[j + 1]) / 2;
    ranges.emplace_back(from, to);
    i = j;
  }
  return ranges;
}

double meanUnderStandardNormal(const dl::LayerConfig& layer) {
  // Simpson's rule with 4,000 intervals of 0.005 on [−10, 10]; z = 0 is a node at the end of a
  // Simpson pair, so the kinks of the ReLU family cost no accuracy. The tails beyond ±10 weigh
  // less than 10⁻²².
  constexpr int kIntervals = 4000;
  constexpr double kLimit = 10.0;
  const double h = 2 * kLimit / kIntervals;
  const auto act = dl::makeActivation(layer, "activation");
  std::vector<double> z(kIntervals + 1);
  for (int i = 0; i <= kIntervals; ++i) z[static_cast<std::size_t>(i)] = -kLimit + h * i;
  const dl::Matrix A = forward(*act, preActivations(*act, z));
  const double norm = 1.0 / std::sqrt(2 * M_PI);
  double sum = 0;
  for (int i = 0; i <= kIntervals; ++i) {
    const double x = z[static_cast<std::size_t>(i)];
    const double weight = (i == 0 || i == kIntervals) ? 1 : (i % 2 ? 4 : 2);
    sum += weight * static_cast<double>(A(0, i)) * norm * std::exp(-x * x / 2);
  }
  return sum * h / 3;
}

}  // namespace dlui
