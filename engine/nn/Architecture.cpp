// The description of a layer stack; see Architecture.h.
#include "nn/Architecture.h"

#include "nn/ConvArithmetic.h"
#include "nn/Im2col.h"

#include <cmath>
#include <stdexcept>
#include <string_view>

namespace dl {

namespace {

// The receptive field along one axis, walking up the stack: r grows by the span a layer's window
// adds, measured in input pixels through the jump j (the input distance between neighbouring
// values of the current layer): r += d(k − 1)·j, then j ·= s. Upsampling divides the jump, so it
// is a double; the field is reported rounded up.
struct Axis {
  double field = 1, jump = 1;
  void window(Index k, Index s, Index d) {
    field += static_cast<double>(d * (k - 1)) * jump;
    jump *= static_cast<double>(s);
  }
  // An upsampling layer by `factor` whose outputs each read `span` + 1 neighbouring input values.
  void upsample(Index factor, Index span) {
    field += static_cast<double>(span) * jump;
    jump /= static_cast<double>(factor);
  }
  Index side() const { return static_cast<Index>(std::ceil(field - 1e-9)); }
};

bool is(const LayerSpec& s, std::string_view kind) { return s.kind == kind; }

std::string fieldOf(std::size_t i) { return "layers[" + std::to_string(i) + "]"; }

ConfigError unknownKind(const LayerSpec& s, const std::string& field) {
  std::string list;
  for (const LayerKind& k : layerKinds()) list += (list.empty() ? "" : ", ") + std::string(k.name);
  return ConfigError(field + ".kind", s.kind, {DL_TRANSLATE_NOOP("dl", "unknown name (expected one of: %1)"), {list}});
}

}  // namespace

ArchitectureSummary describeStack(Shape input, const std::vector<LayerSpec>& stack) {
  ArchitectureSummary out;
  out.output = input;
  if (stack.empty()) out.error = ConfigError("layers", "[]", DL_TRANSLATE_NOOP("dl", "needs at least one layer"));
  Shape shape = input;
  Axis rows, cols;
  bool whole = false;
  for (std::size_t i = 0; i < stack.size(); ++i) {
    const LayerSpec& s = stack[i];
    ArchitectureRow row;
    row.kind = s.kind;
    if (out.error) {
      row.status = RowStatus::AfterError;
      out.rows.push_back(std::move(row));
      continue;
    }
    const std::string field = fieldOf(i);
    std::unique_ptr<Layer> layer;
    try {
      layer = makeLayer(s, shape, field);
      if (i == 0 && layer->weightRange().size == 0)
        throw ConfigError(field + ".kind", s.kind,
                          DL_TRANSLATE_NOOP("dl", "the first layer must have weights (dense or a convolution)"));
    } catch (const ConfigError& e) {
      row.error = e;
    } catch (const std::invalid_argument&) {  // makeLayer: a kind the registry does not know
      row.error = unknownKind(s, field);
    }
    if (row.error) {
      row.status = RowStatus::Error;
      out.error = row.error;
      out.firstError = static_cast<int>(i);
      out.rows.push_back(std::move(row));
      continue;
    }

    const Shape in = shape;
    shape = layer->outputShape();
    row.output = shape;
    row.params = layer->paramCount();
    const Index kh = s.kernel, kw = s.kernelWidth > 0 ? s.kernelWidth : s.kernel;
    if (is(s, "conv2d") || is(s, "locally_connected2d")) {
      // The layer accepted the geometry, so recomputing it cannot throw.
      const ConvGeometry g = specGeometry(in, s, 1, field);
      rows.window(g.kh, g.sh, g.dh);
      cols.window(g.kw, g.sw, g.dw);
      row.multiplyAdds =
          convMultiplyAdds(in.channels, s.units, g.kh, g.kw, is(s, "conv2d") ? s.groups : 1, g.outH, g.outW);
    } else if (is(s, "max_pool2d") || is(s, "avg_pool2d")) {
      const ConvGeometry g = specGeometry(in, s, s.kernel, field);
      rows.window(g.kh, g.sh, g.dh);
      cols.window(g.kw, g.sw, g.dw);
    } else if (is(s, "conv_transpose2d")) {
      // Output pixel o = i·s − p + j·d reads the inputs within ⌊d(k − 1)/s⌋ of each other.
      const Index stride = s.stride == 0 ? 1 : s.stride;
      rows.upsample(stride, s.dilation * (kh - 1) / stride);
      cols.upsample(stride, s.dilation * (kw - 1) / stride);
      row.multiplyAdds = convMultiplyAdds(in.channels, s.units, kh, kw, 1, in.height, in.width);
    } else if (is(s, "upsample")) {
      const Index span = s.mode == "bilinear" ? 1 : 0;  // bilinear reads two neighbours per axis
      rows.upsample(s.scale, span);
      cols.upsample(s.scale, span);
    } else if (is(s, "dense")) {
      whole = true;
      row.multiplyAdds = static_cast<double>(in.size()) * static_cast<double>(s.units);
    } else if (is(s, "flatten") || is(s, "global_avg_pool") || is(s, "global_max_pool") || is(s, "spp")) {
      whole = true;
    } else if (is(s, "rnn") || is(s, "lstm") || is(s, "gru")) {
      // The last state has seen every value of every step; [W U] is applied once per step.
      whole = true;
      const Layer::MatrixShape w = layer->weightShape();
      row.multiplyAdds = static_cast<double>(w.rows * w.cols) * static_cast<double>(in.time);
    } else if (is(s, "conv1d")) {
      const Layer::MatrixShape w = layer->weightShape();  // per output step
      row.multiplyAdds = static_cast<double>(w.rows * w.cols) * static_cast<double>(shape.time);
    }
    // Activations, batch norm, dropout and maxout work value by value: the field stays.
    row.wholeInput = whole;
    row.receptiveHeight = whole ? input.height : rows.side();
    row.receptiveWidth = whole ? input.width : cols.side();
    out.params += row.params;
    out.multiplyAdds += row.multiplyAdds;
    out.output = shape;
    out.rows.push_back(std::move(row));
  }
  return out;
}

}  // namespace dl
