// The layer registry: the names used in layer specs, their factories, and the examples the
// gradient check runs for each kind (tests/tst_gradcheck_f64.cpp). A new layer is one line here.
#include "act/Activation.h"
#include "nn/ActivationLayer.h"
#include "nn/BatchNorm.h"
#include "nn/Dense.h"
#include "nn/Dropout.h"
#include "nn/Layer.h"
#include "nn/Maxout.h"

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
