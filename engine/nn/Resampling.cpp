// The up- and downsampling experiment; see Resampling.h.
#include "nn/Resampling.h"

#include "core/Error.h"
#include "nn/Layer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numbers>
#include <span>

namespace dl::resampling {

namespace {

// cos(2π·x/period) with the phase reduced first, so that whole periods give exactly ±1.
double wave(double x, double period) {
  const double phase = std::fmod(x, period) / period;
  if (phase == 0) return 1;
  if (phase == 0.5) return -1;
  return std::cos(2 * std::numbers::pi * phase);
}

Image blank(int h, int w) {
  Image img;
  img.height = h;
  img.width = w;
  img.values.assign(static_cast<std::size_t>(h) * static_cast<std::size_t>(w), 0.0);
  return img;
}

// Runs one single-channel layer made through the registry on `in` with these parameters.
Image runLayer(const LayerSpec& spec, const Image& in, const std::vector<double>& weights) {
  const auto layer = makeLayer(spec, Shape{1, in.height, in.width, 1}, "resampling");
  std::vector<Scalar> params(static_cast<std::size_t>(layer->paramCount()), Scalar(0));
  for (std::size_t i = 0; i < weights.size() && i < params.size(); ++i) params[i] = static_cast<Scalar>(weights[i]);
  Matrix x(static_cast<Index>(in.values.size()), 1);
  for (std::size_t i = 0; i < in.values.size(); ++i) x(static_cast<Index>(i), 0) = static_cast<Scalar>(in.values[i]);
  Matrix y;
  const Matrix& out = layer->infer(x, y, std::span<const Scalar>(params), std::span<const Scalar>());
  const Shape s = layer->outputShape();
  Image r = blank(static_cast<int>(s.height), static_cast<int>(s.width));
  for (Index i = 0; i < out.rows() && i < static_cast<Index>(r.values.size()); ++i)
    r.values[static_cast<std::size_t>(i)] = static_cast<double>(out(i, 0));
  return r;
}

LayerSpec spec(const char* kind, Index kernel, Index stride, Index padding) {
  LayerSpec s;
  s.kind = kind;
  s.units = 1;
  s.bias = false;
  s.kernel = kernel;
  s.stride = stride;
  s.padding = padding;
  return s;
}

// The image with one mirrored pixel on every side (the edge pixel not repeated).
Image mirrored(const Image& in) {
  Image out = blank(in.height + 2, in.width + 2);
  const auto reflect = [](int i, int n) {
    return i < 0 ? std::min(-i, n - 1) : (i >= n ? std::max(2 * n - 2 - i, 0) : i);
  };
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x)
      out.values[static_cast<std::size_t>(y * out.width + x)] =
          in.at(reflect(y - 1, in.height), reflect(x - 1, in.width));
  return out;
}

// The outer product of a 1-d kernel with itself, row by row.
std::vector<double> outer(const std::vector<double>& row) {
  std::vector<double> w;
  for (double a : row)
    for (double b : row) w.push_back(a * b);
  return w;
}

std::string fixed(double v, int decimals = 2) {
  if (std::isinf(v)) return "inf";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, std::abs(v) < 0.5 * std::pow(10.0, -decimals) ? 0.0 : v);
  return buf;
}

}  // namespace

Image stripes(int side, double period) {
  Image img = blank(side, side);
  for (int y = 0; y < side; ++y)
    for (int x = 0; x < side; ++x) img.values[static_cast<std::size_t>(y * side + x)] = 0.5 + 0.5 * wave(x, period);
  return img;
}

Image checkerboard(int side, double period) {
  Image img = blank(side, side);
  for (int y = 0; y < side; ++y)
    for (int x = 0; x < side; ++x)
      img.values[static_cast<std::size_t>(y * side + x)] = 0.5 + 0.5 * wave(x, period) * wave(y, period);
  return img;
}

Image zonePlate(int side) {
  Image img = blank(side, side);
  const double c = (side - 1) / 2.0;
  for (int y = 0; y < side; ++y)
    for (int x = 0; x < side; ++x) {
      const double r2 = (x - c) * (x - c) + (y - c) * (y - c);
      img.values[static_cast<std::size_t>(y * side + x)] = 0.5 + 0.5 * std::cos(std::numbers::pi * r2 / side);
    }
  return img;
}

Image constant(int side, double level) {
  Image img = blank(side, side);
  std::fill(img.values.begin(), img.values.end(), level);
  return img;
}

Image downsample(const Image& in, Down how) {
  switch (how) {
    case Down::Subsample:
      return runLayer(spec("conv2d", 1, 2, 0), in, {1.0});
    case Down::AvgPool:
      return runLayer(spec("avg_pool2d", 2, 2, 0), in, {});
    case Down::MaxPool:
      return runLayer(spec("max_pool2d", 2, 2, 0), in, {});
    case Down::BlurSubsample:
      break;
  }
  // Windows centred on the pixels subsampling keeps: (2i, 2j) of the image is (2i + 1, 2j + 1) of
  // the mirrored one, the centre of the window starting at (2i, 2j).
  std::vector<double> w = outer({1, 2, 1});
  for (double& v : w) v /= 16;
  return runLayer(spec("conv2d", 3, 2, 0), mirrored(in), w);
}

int transposedKernel(Up how) {
  switch (how) {
    case Up::Transposed3:
      return 3;
    case Up::Transposed4:
      return 4;
    case Up::Transposed2:
      return 2;
    default:
      return 0;
  }
}

int transposedPadding(Up how) { return how == Up::Transposed3 || how == Up::Transposed4 ? 1 : 0; }

Image upsample(const Image& in, Up how, Weights weights) {
  if (how == Up::Nearest || how == Up::Bilinear) {
    LayerSpec s;
    s.kind = "upsample";
    s.scale = 2;
    s.mode = how == Up::Nearest ? "nearest" : "bilinear";
    return runLayer(s, in, {});
  }
  const int k = transposedKernel(how);
  std::vector<double> row(static_cast<std::size_t>(k), 1.0);
  if (weights == Weights::Tent) {
    if (k == 3) row = {0.5, 1, 0.5};
    if (k == 4) row = {0.25, 0.75, 0.75, 0.25};
  }
  return runLayer(spec("conv_transpose2d", k, 2, transposedPadding(how)), in, outer(row));
}

double Stats::ratio() const {
  if (min != 0) return max / min;
  return max == 0 ? 1 : std::numeric_limits<double>::infinity();
}

Stats measure(const Image& img, int border) {
  Stats s;
  double sum = 0;
  long long n = 0;
  s.min = std::numeric_limits<double>::infinity();
  s.max = -s.min;
  for (int y = border; y < img.height - border; ++y)
    for (int x = border; x < img.width - border; ++x) {
      const double v = img.at(y, x);
      sum += v;
      ++n;
      s.min = std::min(s.min, v);
      s.max = std::max(s.max, v);
    }
  if (n == 0) return Stats{};
  s.mean = sum / static_cast<double>(n);
  return s;
}

double stripePeriod(const Image& img) {
  if (img.width < 2 || img.height < 1) return 0;
  std::vector<double> cols(static_cast<std::size_t>(img.width), 0.0);
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x) cols[static_cast<std::size_t>(x)] += img.at(y, x) / img.height;
  const auto [lo, hi] = std::minmax_element(cols.begin(), cols.end());
  if (*hi - *lo < 1e-6) return 0;
  double mean = 0;
  for (double v : cols) mean += v / img.width;
  int best = 0;
  double bestPower = -1;
  for (int k = 1; k <= img.width / 2; ++k) {
    double re = 0, im = 0;
    for (int x = 0; x < img.width; ++x) {
      const double a = 2 * std::numbers::pi * k * x / img.width;
      re += (cols[static_cast<std::size_t>(x)] - mean) * std::cos(a);
      im -= (cols[static_cast<std::size_t>(x)] - mean) * std::sin(a);
    }
    const double power = re * re + im * im;
    if (power > bestPower * (1 + 1e-9)) {
      bestPower = power;
      best = k;
    }
  }
  return static_cast<double>(img.width) / best;
}

Focus parseFocus(const std::string& focus) {
  const auto bad = [&] {
    return ConfigError("focus", focus,
                       DL_TRANSLATE_NOOP("dl",
                                         "must be down:IMAGE:PERIOD (stripes, checkerboard or zoneplate, period 2 "
                                         "to 16) or up:IMAGE:WEIGHTS (constant or stripes, equal or tent)"));
  };
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (;;) {
    const std::size_t colon = focus.find(':', start);
    parts.push_back(focus.substr(start, colon == std::string::npos ? std::string::npos : colon - start));
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  if (parts.size() != 3) throw bad();
  Focus f;
  f.image = parts[1];
  if (parts[0] == "down") {
    if (f.image != "stripes" && f.image != "checkerboard" && f.image != "zoneplate") throw bad();
    char* end = nullptr;
    f.period = std::strtod(parts[2].c_str(), &end);
    if (parts[2].empty() || *end != '\0' || !(f.period >= kMinPeriod && f.period <= kMaxPeriod)) throw bad();
  } else if (parts[0] == "up") {
    f.up = true;
    if (f.image != "constant" && f.image != "stripes") throw bad();
    if (parts[2] == "equal")
      f.weights = Weights::Equal;
    else if (parts[2] == "tent")
      f.weights = Weights::Tent;
    else
      throw bad();
  } else {
    throw bad();
  }
  return f;
}

Image focusImage(const Focus& f) {
  if (f.up) return f.image == "constant" ? constant(kUpSide, 1.0) : stripes(kUpSide, 2);
  if (f.image == "checkerboard") return checkerboard(kDownSide, f.period);
  if (f.image == "zoneplate") return zonePlate(kDownSide);
  return stripes(kDownSide, f.period);
}

std::string name(Down how) {
  switch (how) {
    case Down::Subsample:
      return "stride-2 subsampling";
    case Down::AvgPool:
      return "2x2 average pooling";
    case Down::MaxPool:
      return "2x2 max pooling";
    case Down::BlurSubsample:
      return "blur (1 2 1)/4 then subsample";
  }
  return "";
}

std::string name(Up how) {
  switch (how) {
    case Up::Nearest:
      return "nearest";
    case Up::Bilinear:
      return "bilinear";
    case Up::Transposed3:
      return "transposed conv k3 s2 p1";
    case Up::Transposed4:
      return "transposed conv k4 s2 p1";
    case Up::Transposed2:
      return "transposed conv k2 s2";
  }
  return "";
}

std::vector<std::string> report(const Focus& f) {
  std::vector<std::string> lines;
  const Image in = focusImage(f);
  const Stats s = measure(in);
  const auto size = [](const Image& img) { return std::to_string(img.width) + "x" + std::to_string(img.height); };
  const auto period = [](double p) { return p > 0 ? fixed(p, 1) + " px" : std::string("none (flat)"); };
  if (!f.up) {
    lines.push_back("input: " + f.image + " " + size(in) + ", period " + fixed(f.period, 1) + " px: mean " +
                    fixed(s.mean) + ", contrast " + fixed(s.contrast()) + ", stripe period " +
                    period(stripePeriod(in)));
    for (Down how : kDowns) {
      const Image out = downsample(in, how);
      const Stats o = measure(out);
      // The period in the input's pixels: one output pixel spans two.
      const double p = stripePeriod(out);
      lines.push_back(name(how) + ": " + size(out) + ", mean " + fixed(o.mean) + ", contrast " + fixed(o.contrast()) +
                      ", stripe period " + period(2 * p));
    }
    return lines;
  }
  lines.push_back("input: " + f.image + " " + size(in) + ", mean " + fixed(s.mean) + "; weights " +
                  (f.weights == Weights::Equal ? "equal (all 1)" : "bilinear tent"));
  for (Up how : kUps) {
    const Image out = upsample(in, how, f.weights);
    const Stats o = measure(out, 1);
    lines.push_back(name(how) + ": " + size(out) + ", interior min " + fixed(o.min) + ", max " + fixed(o.max) +
                    ", max/min " + fixed(o.ratio()));
  }
  return lines;
}

}  // namespace dl::resampling
