// Trial sampling of the search lab; see Strategy.h.
#include "search/Strategy.h"

#include <algorithm>
#include <cmath>

namespace dl::search {

const std::vector<std::string>& strategyNames() {
  static const std::vector<std::string> names{"grid", "uniform", "log-uniform", "coarse-to-fine"};
  return names;
}

std::string strategyName(Strategy s) { return strategyNames()[static_cast<std::size_t>(s)]; }

bool strategyFromName(const std::string& name, Strategy& out) {
  const auto& n = strategyNames();
  const auto it = std::find(n.begin(), n.end(), name);
  if (it == n.end()) return false;
  out = static_cast<Strategy>(it - n.begin());
  return true;
}

int gridPointsPerAxis(int trials, int dims) {
  if (trials < 1 || dims < 1) return 0;
  // pow() may land a hair below a whole root (27^(1/3) = 2.9999…): settle it by integer powers.
  int k = std::max(1, static_cast<int>(std::pow(static_cast<double>(trials), 1.0 / dims)));
  const auto power = [dims](int base) {
    double p = 1;
    for (int i = 0; i < dims; ++i) p *= base;
    return p;
  };
  while (power(k + 1) <= trials) ++k;
  while (k > 1 && power(k) > trials) --k;
  return k;
}

std::vector<std::vector<double>> gridTrials(const std::vector<ParamRange>& params, int trials) {
  const int d = static_cast<int>(params.size());
  const int k = gridPointsPerAxis(trials, d);
  int count = 1;
  for (int i = 0; i < d; ++i) count *= k;
  std::vector<std::vector<double>> out;
  out.reserve(static_cast<std::size_t>(count));
  for (int t = 0; t < count; ++t) {
    std::vector<double> values(static_cast<std::size_t>(d));
    int rest = t;
    for (int p = d - 1; p >= 0; --p) {  // the last parameter varies fastest
      const int i = rest % k;
      rest /= k;
      const double u = k == 1 ? 0.5 : static_cast<double>(i) / (k - 1);
      values[static_cast<std::size_t>(p)] = fromUnit(params[static_cast<std::size_t>(p)], u);
    }
    out.push_back(std::move(values));
  }
  return out;
}

UnitBox wholeSpace(std::size_t dims) { return UnitBox{std::vector<double>(dims, 0.0), std::vector<double>(dims, 1.0)}; }

UnitBox zoomBox(const std::vector<double>& best, double zoom, int round) {
  const double side = std::pow(zoom, round - 1);
  UnitBox b;
  for (double c : best) {
    b.low.push_back(std::clamp(c - side / 2, 0.0, 1.0));
    b.high.push_back(std::clamp(c + side / 2, 0.0, 1.0));
  }
  return b;
}

std::vector<std::vector<double>> randomTrials(const std::vector<ParamRange>& params, int n, bool logScale,
                                              const UnitBox& box, Rng& rng) {
  std::vector<std::vector<double>> out;
  out.reserve(static_cast<std::size_t>(std::max(0, n)));
  for (int t = 0; t < n; ++t) {
    std::vector<double> values;
    for (std::size_t p = 0; p < params.size(); ++p) {
      const ParamRange& r = params[p];
      values.push_back(logScale ? fromUnit(r, rng.uniform(box.low[p], box.high[p])) : rng.uniform(r.low, r.high));
    }
    out.push_back(std::move(values));
  }
  return out;
}

std::vector<int> roundSizes(int trials, int rounds) {
  rounds = std::clamp(rounds, 1, std::max(1, trials));
  std::vector<int> sizes(static_cast<std::size_t>(rounds), trials / rounds);
  for (int i = 0; i < trials % rounds; ++i) ++sizes[static_cast<std::size_t>(i)];
  return sizes;
}

}  // namespace dl::search
