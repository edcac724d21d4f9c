// The focus presets' numbers (cnn/Focus.h).
#include "cnn/Focus.h"

#include "core/Error.h"
#include "core/Rng.h"
#include "data/Shapes.h"
#include "nn/Architecture.h"
#include "nn/ConvArithmetic.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace dl {

namespace {

std::string fmt(const char* f, auto... args) {
  char buf[512];
  std::snprintf(buf, sizeof buf, f, args...);
  return buf;
}

// 1234567 → "1,234,567".
std::string grouped(long long v) {
  std::string s = std::to_string(v), out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && (s.size() - i) % 3 == 0) out += ',';
    out += s[i];
  }
  return out;
}

std::vector<int> numbers(const std::string& list, const std::string& focus) {
  std::vector<int> out;
  std::stringstream in(list);
  std::string item;
  while (std::getline(in, item, ',')) {
    try {
      std::size_t used = 0;
      out.push_back(std::stoi(item, &used));
      if (used != item.size()) throw std::invalid_argument(item);
    } catch (const std::exception&) {
      throw ConfigError("focus", focus, DL_TRANSLATE_NOOP("dl", "a list of whole numbers was expected"));
    }
  }
  return out;
}

LayerSpec conv(Index out, Index k, Index padding = LayerSpec::kSamePadding) {
  LayerSpec s;
  s.kind = "conv2d";
  s.units = out;
  s.kernel = k;
  s.padding = padding;
  s.bias = false;
  return s;
}
LayerSpec relu() {
  LayerSpec s;
  s.kind = "activation";
  s.activation.activation = "relu";
  return s;
}

// The architecture tab's comparisons at its default C = 64 channels on 16×16 maps.
std::vector<std::string> architecture(const std::string& focus) {
  constexpr Index C = 64;
  const std::vector<ComparisonDesign> designs = comparisonDesigns(focus, C);
  if (designs.empty())
    throw ConfigError("focus", focus,
                      {DL_TRANSLATE_NOOP("dl", "unknown name (expected one of: %1)"),
                       {"three-vs-seven, two-vs-five, bottleneck, weight-sharing"}});
  std::vector<ArchitectureSummary> s;
  for (const ComparisonDesign& d : designs) s.push_back(describeStack(d.input, d.stack));
  const auto weights = [](const ArchitectureSummary& a) {
    long long n = 0;
    for (const ArchitectureRow& r : a.rows) n += r.params;
    return n;
  };
  const auto field = [](const ArchitectureSummary& a) {
    return fmt("%lld×%lld", static_cast<long long>(a.rows.back().receptiveHeight),
               static_cast<long long>(a.rows.back().receptiveWidth));
  };
  std::vector<std::string> out;
  if (focus == "three-vs-seven" || focus == "two-vs-five") {
    const bool three = focus == "three-vs-seven";
    out.push_back(fmt("C = %lld channels on 16×16 maps, \"same\" padding, no biases", static_cast<long long>(C)));
    out.push_back(fmt("%s 3×3 convolutions: receptive field %s, %s weights (%dC²)", three ? "three" : "two",
                      field(s[0]).c_str(), grouped(weights(s[0])).c_str(), designs[0].perC2));
    out.push_back(fmt("one %d×%d convolution: receptive field %s, %s weights (%dC²)", three ? 7 : 5, three ? 7 : 5,
                      field(s[1]).c_str(), grouped(weights(s[1])).c_str(), designs[1].perC2));
    out.push_back(fmt("the same view with %.0f%% of the weights and %d more non-linearities",
                      100.0 * static_cast<double>(weights(s[0])) / static_cast<double>(weights(s[1])), three ? 2 : 1));
  } else if (focus == "bottleneck") {
    out.push_back(fmt("%lld channels in, %lld out, \"same\" padding, no biases", static_cast<long long>(4 * C),
                      static_cast<long long>(C)));
    out.push_back(fmt("1×1 to %lld, then 3×3: %s + %s = %s weights, receptive field %s", static_cast<long long>(C),
                      grouped(s[0].rows[0].params).c_str(), grouped(s[0].rows[2].params).c_str(),
                      grouped(weights(s[0])).c_str(), field(s[0]).c_str()));
    out.push_back(fmt("3×3 straight from %lld: %s weights, receptive field %s", static_cast<long long>(4 * C),
                      grouped(weights(s[1])).c_str(), field(s[1]).c_str()));
    out.push_back(fmt("%.2f times fewer weights for the same 3×3 view",
                      static_cast<double>(weights(s[1])) / static_cast<double>(weights(s[0]))));
  } else {
    out.push_back("3×32×32 in, 16×32×32 out, no biases");
    out.push_back(fmt("convolution 3×3 (one kernel set shared by all 1,024 positions): %s weights",
                      grouped(weights(s[0])).c_str()));
    out.push_back(
        fmt("locally connected 3×3 (its own kernels at each position): %s weights", grouped(weights(s[1])).c_str()));
    out.push_back(fmt("dense (every input value to every output value): %s weights", grouped(weights(s[2])).c_str()));
  }
  return out;
}

std::vector<std::string> convolution(const std::string& focus) {
  std::vector<std::string> out;
  if (focus.rfind("window:", 0) == 0) {
    const std::vector<int> v = numbers(focus.substr(7), focus);
    if (v.size() != 5) throw ConfigError("focus", focus, DL_TRANSLATE_NOOP("dl", "a window needs n,k,s,p,d"));
    const Index n = v[0], k = v[1], s = v[2], p = v[3], d = v[4];
    const Index formula = (n + 2 * p - d * (k - 1) - 1) / s + 1;
    const ConvGeometry g = checkedGeometry(1, n, n, k, k, s, p, d, "focus");
    out.push_back(fmt("input %lld×%lld, kernel %lld, stride %lld, padding %lld, dilation %lld", (long long)n,
                      (long long)n, (long long)k, (long long)s, (long long)p, (long long)d));
    out.push_back(
        fmt("output size floor((n + 2p - d(k-1) - 1)/s) + 1 = floor((%lld + %lld - %lld - 1)/%lld) + 1 = %lld",
            (long long)n, (long long)(2 * p), (long long)(d * (k - 1)), (long long)s, (long long)formula));
    out.push_back(fmt("the engine's conv2d layer gives %lld×%lld", (long long)g.outH, (long long)g.outW));
  } else if (focus.rfind("stack:", 0) == 0) {
    const std::vector<int> dil = numbers(focus.substr(6), focus);
    if (dil.empty()) throw ConfigError("focus", focus, DL_TRANSLATE_NOOP("dl", "a stack needs 1 to 4 dilations"));
    std::vector<ConvStage> stack;
    std::string list;
    for (int d : dil) {
      stack.push_back({3, 1, d, 0});
      list += (list.empty() ? "" : ", ") + std::to_string(d);
    }
    const Index r = receptiveField(stack);
    out.push_back(
        fmt("3×3 kernels with dilations %s: one output value sees %lld×%lld input pixels (r = 1 + sum of d(k-1))",
            list.c_str(), (long long)r, (long long)r));
    out.push_back(
        fmt("input pixels inside that field no output path reaches: %lld per row", (long long)gridHoles(stack)));
  } else if (focus == "gridding") {
    for (const std::vector<int>& dil : {std::vector<int>{2, 2, 2}, std::vector<int>{1, 2, 5}}) {
      std::vector<ConvStage> stack;
      for (int d : dil) stack.push_back({3, 1, d, 0});
      const Index r = receptiveField(stack), holes = gridHoles(stack);
      out.push_back(
          fmt("dilations %d, %d, %d: field %lld×%lld; %lld of %lld positions per row never seen, so %lld of "
              "the %lld input pixels in the field reach no output",
              dil[0], dil[1], dil[2], (long long)r, (long long)r, (long long)holes, (long long)r,
              (long long)(r * r - (r - holes) * (r - holes)), (long long)(r * r)));
    }
  } else {
    throw ConfigError(
        "focus", focus,
        {DL_TRANSLATE_NOOP("dl", "unknown name (expected one of: %1)"), {"window:n,k,s,p,d, stack:d1,d2,…, gridding"}});
  }
  return out;
}

// A kernel over the constant image and over the shapes: zero inside the constant image, non-zero
// only where the 3×3 neighbourhood is not constant (an edge) on the shapes.
std::vector<std::string> kernels(const std::string& focus) {
  const std::size_t slash = focus.find('/');
  const std::string id = focus.substr(0, slash), image = slash == std::string::npos ? "" : focus.substr(slash + 1);
  const std::vector<double> w = namedKernel(id, 3);
  if (w.empty() || (image != "shapes" && image != "constant" && image != "colour" && image != "digit"))
    throw ConfigError("focus", focus, DL_TRANSLATE_NOOP("dl", "needs kernel/image, e.g. sobel_x/shapes"));
  std::vector<std::string> out;
  if (image == "colour") {
    out.push_back(
        fmt("a 3×3 kernel on a colour image has the input's depth: 3 × 3 × 3 = 27 weights, one 3×3 slice per "
            "channel, and the three products are summed into ONE output map"));
    const ArchitectureSummary a = describeStack({3, 48, 48, 1}, {conv(1, 3)});
    out.push_back(fmt("the engine's conv2d layer from 3×48×48 to one map: %lld weights, output %lld×%lld×%lld",
                      (long long)a.rows[0].params, (long long)a.rows[0].output.channels,
                      (long long)a.rows[0].output.height, (long long)a.rows[0].output.width));
    return out;
  }
  int side = 0;
  const std::vector<double> constant = focusImage("constant", &side);
  const std::vector<double> flat = convolveValid(constant, side, w, 3);
  double most = 0;
  for (double v : flat) most = std::max(most, std::abs(v));
  out.push_back(fmt("%s on a constant %d×%d image (no padding): largest |output| %.3g", id.c_str(), side, side, most));
  const std::vector<double> shapes = focusImage("shapes", &side);
  const std::vector<double> y = convolveValid(shapes, side, w, 3);
  const int o = side - 2;
  long long responding = 0, atEdges = 0, edges = 0;
  for (int r = 0; r < o; ++r)
    for (int c = 0; c < o; ++c) {
      bool edge = false;
      const double centre = shapes[static_cast<std::size_t>((r + 1) * side + c + 1)];
      for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) edge = edge || shapes[static_cast<std::size_t>((r + i) * side + c + j)] != centre;
      const bool on = std::abs(y[static_cast<std::size_t>(r * o + c)]) > 1e-9;
      responding += on;
      atEdges += on && edge;
      edges += edge;
    }
  out.push_back(
      fmt("on the shapes (%d×%d): %lld of %lld outputs respond, %lld of them where the 3×3 window holds an "
          "edge (%lld such windows)",
          side, side, responding, static_cast<long long>(o) * o, atEdges, edges));
  return out;
}

}  // namespace

std::vector<ComparisonDesign> comparisonDesigns(const std::string& id, Index C) {
  constexpr Index side = 16;
  const Shape square{C, side, side, 1};
  if (id == "three-vs-seven")
    return {{square, {conv(C, 3), relu(), conv(C, 3), relu(), conv(C, 3)}, 27}, {square, {conv(C, 7)}, 49}};
  if (id == "two-vs-five") return {{square, {conv(C, 3), relu(), conv(C, 3)}, 18}, {square, {conv(C, 5)}, 25}};
  if (id == "bottleneck") {
    const Shape wide{4 * C, side, side, 1};
    return {{wide, {conv(C, 1, 0), relu(), conv(C, 3)}, 13}, {wide, {conv(C, 3)}, 36}};
  }
  if (id == "weight-sharing") {
    const Shape in{3, 32, 32, 1};
    constexpr Index out = 16;
    LayerSpec local = conv(out, 3);
    local.kind = "locally_connected2d";
    LayerSpec dense;
    dense.kind = "dense";
    dense.units = out * in.height * in.width;
    dense.bias = false;
    return {{in, {conv(out, 3)}, 0}, {in, {local}, 0}, {in, {dense}, 0}};
  }
  return {};
}

const std::vector<std::string>& namedKernelIds() {
  static const std::vector<std::string> ids = {"sobel_x",  "sobel_y", "laplacian", "box",
                                               "gaussian", "sharpen", "identity"};
  return ids;
}

std::vector<double> namedKernel(const std::string& id, int k, bool* padded) {
  if (padded) *padded = false;
  std::vector<double> three;
  if (id == "sobel_x")
    three = {-1, 0, 1, -2, 0, 2, -1, 0, 1};
  else if (id == "sobel_y")
    three = {-1, -2, -1, 0, 0, 0, 1, 2, 1};
  else if (id == "laplacian")
    three = {0, 1, 0, 1, -4, 1, 0, 1, 0};
  else if (id == "sharpen")
    three = {0, -1, 0, -1, 5, -1, 0, -1, 0};
  else if (id == "identity") {
    std::vector<double> w(static_cast<std::size_t>(k * k), 0);
    w[static_cast<std::size_t>(k * k / 2)] = 1;
    return w;
  } else if (id == "box") {
    return std::vector<double>(static_cast<std::size_t>(k * k), 1.0 / (k * k));
  } else if (id == "gaussian") {
    // The binomial approximation of a Gaussian: rows (1 2 1)/4 or (1 4 6 4 1)/16, outer product.
    const std::vector<double> row = k == 3 ? std::vector<double>{1, 2, 1} : std::vector<double>{1, 4, 6, 4, 1};
    const double sum = k == 3 ? 4 : 16;
    std::vector<double> w(static_cast<std::size_t>(k * k));
    for (int i = 0; i < k; ++i)
      for (int j = 0; j < k; ++j)
        w[static_cast<std::size_t>(i * k + j)] =
            row[static_cast<std::size_t>(i)] * row[static_cast<std::size_t>(j)] / (sum * sum);
    return w;
  } else {
    return {};
  }
  if (k == 3) return three;
  if (padded) *padded = true;
  std::vector<double> w(static_cast<std::size_t>(k * k), 0);
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      w[static_cast<std::size_t>((i + 1) * k + j + 1)] = three[static_cast<std::size_t>(i * 3 + j)];
  return w;
}

std::vector<double> focusImage(const std::string& id, int* side) {
  if (id == "constant") {
    *side = 32;
    return std::vector<double>(32 * 32, 0.5);
  }
  if (id != "shapes") return {};
  constexpr int n = 40;
  *side = n;
  std::vector<double> image(n * n, 0.0);
  std::vector<Scalar> one(n * n);
  Rng rng(7);
  for (ShapeKind kind : {ShapeKind::VerticalBar, ShapeKind::HorizontalBar, ShapeKind::Square, ShapeKind::Cross}) {
    drawShape(kind, n, rng, one.data());
    for (std::size_t i = 0; i < one.size(); ++i) image[i] = std::max<double>(image[i], one[i]);
  }
  return image;
}

std::vector<double> convolveValid(const std::vector<double>& image, int side, const std::vector<double>& kernel,
                                  int k) {
  const int o = side - k + 1;
  std::vector<double> y(static_cast<std::size_t>(std::max(o, 0) * std::max(o, 0)), 0.0);
  for (int r = 0; r < o; ++r)
    for (int c = 0; c < o; ++c) {
      double s = 0;
      for (int i = 0; i < k; ++i)
        for (int j = 0; j < k; ++j)
          s += kernel[static_cast<std::size_t>(i * k + j)] * image[static_cast<std::size_t>((r + i) * side + c + j)];
      y[static_cast<std::size_t>(r * o + c)] = s;
    }
  return y;
}

std::vector<std::string> focusReport(const std::string& view, const std::string& focus) {
  if (view == "convolution") return convolution(focus);
  if (view == "kernels") return kernels(focus);
  if (view == "architecture") return architecture(focus);
  throw ConfigError(
      "view", view,
      {DL_TRANSLATE_NOOP("dl", "unknown name (expected one of: %1)"), {"convolution, kernels, architecture"}});
}

}  // namespace dl
