// The layer registry: the names used in layer specs, their factories, and the examples the
// gradient check runs for each kind (tests/tst_gradcheck_f64.cpp). A new layer is one line here.
#include "act/Activation.h"
#include "nn/ActivationLayer.h"
#include "nn/BatchNorm.h"
#include "nn/BatchNorm2d.h"
#include "nn/Conv1d.h"
#include "nn/Conv2d.h"
#include "nn/ConvTranspose2d.h"
#include "nn/Dense.h"
#include "nn/Dropout.h"
#include "nn/Embedding.h"
#include "nn/Flatten.h"
#include "nn/Gru.h"
#include "nn/Layer.h"
#include "nn/LocallyConnected2d.h"
#include "nn/Lstm.h"
#include "nn/Maxout.h"
#include "nn/Pool2d.h"
#include "nn/Rnn.h"
#include "nn/SpatialPyramidPool.h"
#include "nn/Upsample.h"

#include <stdexcept>

namespace dl {

namespace {

Index between(Rng& rng, Index lo, Index hi) {
  return lo + static_cast<Index>(rng.below(static_cast<std::uint64_t>(hi - lo + 1)));
}

LayerExample example(const char* kind, Shape in) {
  LayerExample e;
  e.spec.kind = kind;
  e.input = in;
  return e;
}

std::vector<LayerExample> denseExamples(Rng& rng) {
  std::vector<LayerExample> out;
  for (bool bias : {true, false}) {
    LayerExample e = example("dense", Shape::flat(between(rng, 2, 5)));
    e.spec.units = between(rng, 2, 5);
    e.spec.bias = bias;
    out.push_back(e);
  }
  LayerExample image = example("dense", Shape{2, 2, 3, 1});  // any shape is read as one flat column
  image.spec.units = between(rng, 2, 4);
  out.push_back(image);
  return out;
}

std::vector<LayerExample> batchNormExamples(Rng& rng) {
  return {example("batch_norm", Shape::flat(between(rng, 2, 5)))};
}

std::vector<LayerExample> activationExamples(Rng& rng) {
  std::vector<LayerExample> out;
  for (const std::string& name : activationNames()) {
    if (name == "maxout") continue;  // its own kind
    LayerExample e = example("activation", Shape::flat(between(rng, 2, 5)));
    e.spec.activation.activation = name;
    e.spec.activation.slope = rng.uniform(0.05, 0.5);
    e.spec.activation.alpha = rng.uniform(0.5, 1.5);
    out.push_back(e);
  }
  return out;
}

std::vector<LayerExample> maxoutExamples(Rng& rng) {
  std::vector<LayerExample> out;
  const int k = static_cast<int>(between(rng, 2, 4));
  LayerExample flat = example("maxout", Shape::flat(k * between(rng, 2, 4)));
  flat.spec.activation.pieces = k;
  out.push_back(flat);
  LayerExample sequence = example("maxout", Shape{2 * k, 1, 1, 3});
  sequence.spec.activation.pieces = k;
  out.push_back(sequence);
  return out;
}

std::vector<LayerExample> dropoutExamples(Rng& rng) {
  LayerExample e = example("dropout", Shape::flat(between(rng, 3, 6)));
  e.spec.rate = rng.uniform(0.2, 0.6);
  return {e};
}

// An image layer's example: kernel k, stride s (0: the kind's default), padding p, dilation d.
LayerExample windowed(const char* kind, Shape in, Index k, Index s = 0, Index p = 0, Index d = 1) {
  LayerExample e = example(kind, in);
  e.spec.kernel = k;
  e.spec.stride = s;
  e.spec.padding = p;
  e.spec.dilation = d;
  return e;
}

LayerExample conv(Shape in, Index out, Index k, Index s = 1, Index p = 0, Index d = 1, Index groups = 1,
                  bool bias = true) {
  LayerExample e = windowed("conv2d", in, k, s, p, d);
  e.spec.units = out;
  e.spec.groups = groups;
  e.spec.bias = bias;
  return e;
}

// Stride 2 with padding on sizes that do not divide, dilation with "same" padding, groups,
// depthwise, 1×1, a non-square kernel on a non-square image, bias on and off.
std::vector<LayerExample> conv2dExamples(Rng& rng) {
  std::vector<LayerExample> out;
  out.push_back(conv({2, 5, 4, 1}, between(rng, 2, 3), 3));
  out.push_back(conv({2, 6, 5, 1}, 2, 3, 2, 1, 1, 1, false));
  out.push_back(conv({1, 7, 6, 1}, 2, 3, 1, LayerSpec::kSamePadding, 2));
  out.push_back(conv({4, 4, 5, 1}, 4, 2, 1, 0, 1, 2));
  out.push_back(conv({3, 5, 5, 1}, 3, 3, 1, 1, 1, 3));  // depthwise
  out.push_back(conv({3, 3, 4, 1}, 2, 1));              // 1×1
  LayerExample wide = conv({2, 4, 7, 1}, 2, 2, 2, 1);
  wide.spec.kernelWidth = 3;
  out.push_back(wide);
  // The direct path (nn/DirectConv.h) takes the stride-1 examples above with few values per
  // window; these two are one for each side of its limit: a 2×7 kernel (its weight gradient
  // works in chunks of 5 taps) with 7 outputs, and 4 channels of 3×3 (36 per window: the product).
  LayerExample row = conv({1, 4, 12, 1}, 7, 2, 1, 1);
  row.spec.kernelWidth = 7;
  out.push_back(row);
  out.push_back(conv({4, 5, 5, 1}, 2, 3, 1, 1));
  return out;
}

std::vector<LayerExample> maxPoolExamples(Rng&) {
  return {windowed("max_pool2d", {2, 4, 6, 1}, 2), windowed("max_pool2d", {1, 7, 5, 1}, 3, 2),
          windowed("max_pool2d", {2, 5, 5, 1}, 2, 1)};
}

std::vector<LayerExample> avgPoolExamples(Rng&) {
  return {windowed("avg_pool2d", {2, 4, 6, 1}, 2), windowed("avg_pool2d", {1, 7, 5, 1}, 3, 2)};
}

std::vector<LayerExample> globalAvgPoolExamples(Rng& rng) {
  return {example("global_avg_pool", {between(rng, 2, 3), 3, 4, 1})};
}

// An image, a sequence (max over time) and a single value per channel.
std::vector<LayerExample> globalMaxPoolExamples(Rng& rng) {
  return {example("global_max_pool", {between(rng, 2, 3), 3, 4, 1}), example("global_max_pool", {3, 1, 1, 7}),
          example("global_max_pool", {2, 1, 1, 1})};
}

std::vector<LayerExample> sppExamples(Rng&) {
  LayerExample a = example("spp", {2, 5, 7, 1});  // default levels 1, 2, 4 on two input sizes
  LayerExample b = example("spp", {2, 8, 8, 1});
  LayerExample c = example("spp", {1, 6, 3, 1});
  c.spec.bins = {1, 3};
  return {a, b, c};
}

std::vector<LayerExample> flattenExamples(Rng&) { return {example("flatten", {2, 3, 4, 1})}; }

std::vector<LayerExample> batchNorm2dExamples(Rng& rng) {
  return {example("batch_norm2d", {between(rng, 2, 3), 3, 2, 1}), example("batch_norm2d", {2, 1, 1, 1})};
}

std::vector<LayerExample> upsampleExamples(Rng&) {
  std::vector<LayerExample> out;
  for (const char* mode : {"nearest", "bilinear"})
    for (Index scale : {2, 3}) {
      LayerExample e = example("upsample", {2, 3, 2, 1});
      e.spec.mode = mode;
      e.spec.scale = scale;
      out.push_back(e);
    }
  return out;
}

// Stride 2 (the usual ×2 learned upsampling), padding with dilation, a non-square kernel, no bias.
std::vector<LayerExample> convTransposeExamples(Rng&) {
  LayerExample a = windowed("conv_transpose2d", {2, 3, 2, 1}, 3, 2, 1);
  a.spec.units = 2;
  LayerExample b = windowed("conv_transpose2d", {1, 3, 3, 1}, 2, 1, 1, 2);
  b.spec.units = 3;
  b.spec.bias = false;
  LayerExample c = windowed("conv_transpose2d", {2, 2, 3, 1}, 2, 2);
  c.spec.kernelWidth = 3;
  c.spec.units = 1;
  return {a, b, c};
}

std::vector<LayerExample> locallyConnectedExamples(Rng&) {
  LayerExample a = windowed("locally_connected2d", {2, 4, 3, 1}, 2);
  a.spec.units = 2;
  LayerExample b = windowed("locally_connected2d", {1, 5, 5, 1}, 3, 2, 1);
  b.spec.units = 2;
  b.spec.bias = false;
  return {a, b};
}

// A recurrent layer's example: `units` on input `in`, every step or the last, recurrent weights.
LayerExample recurrent(const char* kind, Shape in, Index units, bool allSteps, const char* init = "",
                       double gain = 1.0) {
  LayerExample e = example(kind, in);
  e.spec.units = units;
  e.spec.returnSequences = allSteps;
  e.spec.recurrentInit = init;
  e.spec.recurrentGain = gain;
  return e;
}

// Many-to-one and many-to-many, T = 1 and odd lengths, more units than features and fewer, a
// sequence of 2×2 "images", orthogonal and identity recurrent weights. Truncation changes the
// objective, so tst_gradcheck_f64's truncatedBackpropagation checks it on its own.
std::vector<LayerExample> rnnExamples(Rng& rng) {
  return {recurrent("rnn", {3, 1, 1, 5}, between(rng, 2, 4), false), recurrent("rnn", {2, 1, 1, 1}, 3, true),
          recurrent("rnn", {2, 1, 1, 7}, 5, true, "orthogonal", 0.9),
          recurrent("rnn", {1, 1, 1, 4}, 2, false, "identity"), recurrent("rnn", {1, 2, 2, 3}, 3, true)};
}

std::vector<LayerExample> lstmExamples(Rng& rng) {
  LayerExample forget = recurrent("lstm", {1, 1, 1, 6}, 3, true, "orthogonal", 1.2);
  forget.spec.forgetBias = 2.5;
  return {recurrent("lstm", {3, 1, 1, 5}, between(rng, 2, 4), false), recurrent("lstm", {2, 1, 1, 1}, 2, true), forget,
          recurrent("lstm", {2, 1, 1, 3}, 1, false, "identity")};
}

std::vector<LayerExample> gruExamples(Rng& rng) {
  return {recurrent("gru", {3, 1, 1, 5}, between(rng, 2, 4), false), recurrent("gru", {2, 1, 1, 1}, 2, true),
          recurrent("gru", {1, 1, 1, 6}, 3, true, "orthogonal", 0.8), recurrent("gru", {2, 1, 1, 3}, 1, false)};
}

std::vector<LayerExample> embeddingExamples(Rng& rng) {
  std::vector<LayerExample> out;
  for (const Shape in : {Shape{1, 1, 1, 5}, Shape{1, 1, 1, 1}, Shape{2, 1, 1, 3}}) {
    LayerExample e = example("embedding", in);
    e.spec.units = between(rng, 2, 4);
    e.spec.vocabulary = between(rng, 3, 7);
    e.tokens = true;
    out.push_back(e);
  }
  return out;
}

LayerExample conv1d(Shape in, Index out, Index k, Index s = 1, Index p = 0, Index d = 1, Index groups = 1,
                    bool bias = true) {
  LayerExample e = windowed("conv1d", in, k, s, p, d);
  e.spec.units = out;
  e.spec.groups = groups;
  e.spec.bias = bias;
  return e;
}

// Valid and same padding, stride 2 on a length it does not divide, dilation, groups, k = 1, no bias.
std::vector<LayerExample> conv1dExamples(Rng& rng) {
  return {conv1d({2, 1, 1, 7}, between(rng, 2, 3), 3), conv1d({3, 1, 1, 8}, 2, 2, 2),
          conv1d({1, 1, 1, 9}, 2, 3, 1, LayerSpec::kSamePadding, 2), conv1d({2, 1, 1, 5}, 3, 1, 1, 0, 1, 1, false),
          conv1d({4, 1, 1, 6}, 2, 3, 1, LayerSpec::kSamePadding, 1, 2)};
}

}  // namespace

const std::vector<LayerKind>& layerKinds() {
  static const std::vector<LayerKind> kinds = {
      {"dense",
       [](const LayerSpec& s, const Shape& in, const std::string& f) -> std::unique_ptr<Layer> {
         return std::make_unique<Dense>(in, s.units, s.bias, f);
       },
       denseExamples},
      {"batch_norm",
       [](const LayerSpec&, const Shape& in, const std::string&) -> std::unique_ptr<Layer> {
         return std::make_unique<BatchNorm>(in);
       },
       batchNormExamples},
      {"activation",
       [](const LayerSpec& s, const Shape& in, const std::string& f) -> std::unique_ptr<Layer> {
         return std::make_unique<ActivationLayer>(in, s.activation, f);
       },
       activationExamples},
      {"maxout",
       [](const LayerSpec& s, const Shape& in, const std::string& f) -> std::unique_ptr<Layer> {
         return std::make_unique<MaxoutLayer>(in, s.activation.pieces, f);
       },
       maxoutExamples},
      {"dropout",
       [](const LayerSpec& s, const Shape& in, const std::string& f) -> std::unique_ptr<Layer> {
         return std::make_unique<Dropout>(in, s.rate, f);
       },
       dropoutExamples},
      {"conv2d",
       [](const LayerSpec& s, const Shape& in, const std::string& f) -> std::unique_ptr<Layer> {
         return std::make_unique<Conv2d>(in, s, f);
       },
       conv2dExamples},
      {"max_pool2d",
       [](const LayerSpec& s, const Shape& in, const std::string& f) -> std::unique_ptr<Layer> {
         return std::make_unique<MaxPool2d>(in, s, f);
       },
       maxPoolExamples},
      {"avg_pool2d",
       [](const LayerSpec& s, const Shape& in, const std::string& f) -> std::unique_ptr<Layer> {
         return std::make_unique<AvgPool2d>(in, s, f);
       },
       avgPoolExamples},
      {"global_avg_pool",
       [](const LayerSpec&, const Shape& in, const std::string&) -> std::unique_ptr<Layer> {
         return std::make_unique<GlobalAvgPool>(in);
       },
       globalAvgPoolExamples},
      {"global_max_pool",
       [](const LayerSpec&, const Shape& in, const std::string& f) -> std::unique_ptr<Layer> {
         return std::make_unique<GlobalMaxPool>(in, f);
       },
       globalMaxPoolExamples},
      {"spp",
       [](const LayerSpec& s, const Shape& in, const std::string& f) -> std::unique_ptr<Layer> {
         return std::make_unique<SpatialPyramidPool>(in, s.bins, f);
       },
       sppExamples},
      {"flatten",
       [](const LayerSpec&, const Shape& in, const std::string&) -> std::unique_ptr<Layer> {
         return std::make_unique<Flatten>(in);
       },
       flattenExamples},
      {"batch_norm2d",
       [](const LayerSpec&, const Shape& in, const std::string&) -> std::unique_ptr<Layer> {
         return std::make_unique<BatchNorm2d>(in);
       },
       batchNorm2dExamples},
      {"upsample",
       [](const LayerSpec& s, const Shape& in, const std::string& f) -> std::unique_ptr<Layer> {
         return std::make_unique<Upsample>(in, s.scale, s.mode, f);
       },
       upsampleExamples},
      {"conv_transpose2d",
       [](const LayerSpec& s, const Shape& in, const std::string& f) -> std::unique_ptr<Layer> {
         return std::make_unique<ConvTranspose2d>(in, s, f);
       },
       convTransposeExamples},
      {"locally_connected2d",
       [](const LayerSpec& s, const Shape& in, const std::string& f) -> std::unique_ptr<Layer> {
         return std::make_unique<LocallyConnected2d>(in, s, f);
       },
       locallyConnectedExamples},
      {"rnn",
       [](const LayerSpec& s, const Shape& in, const std::string& f) -> std::unique_ptr<Layer> {
         return std::make_unique<Rnn>(in, s, f);
       },
       rnnExamples},
      {"lstm",
       [](const LayerSpec& s, const Shape& in,
          const std::string& f) -> std::unique_ptr<Layer> { return std::make_unique<Lstm>(in, s, f); },
       lstmExamples},
      {"gru",
       [](const LayerSpec& s, const Shape& in,
          const std::string& f) -> std::unique_ptr<Layer> { return std::make_unique<Gru>(in, s, f); },
       gruExamples},
      {"embedding",
       [](const LayerSpec& s, const Shape& in,
          const std::string& f) -> std::unique_ptr<Layer> { return std::make_unique<Embedding>(in, s, f); },
       embeddingExamples},
      {"conv1d",
       [](const LayerSpec& s, const Shape& in,
          const std::string& f) -> std::unique_ptr<Layer> { return std::make_unique<Conv1d>(in, s, f); },
       conv1dExamples},
  };
  return kinds;
}

std::unique_ptr<Layer> makeLayer(const LayerSpec& spec, const Shape& in, const std::string& field) {
  for (const LayerKind& k : layerKinds())
    if (spec.kind == k.name) return k.make(spec, in, field);
  std::string known;
  for (const LayerKind& k : layerKinds()) known += (known.empty() ? "" : ", ") + std::string(k.name);
  // Specs come from the program (the MLP's blocks), not from users' files: a programming error.
  throw std::invalid_argument(field + ": unknown layer kind \"" + spec.kind + "\" (known: " + known + ")");
}

}  // namespace dl
