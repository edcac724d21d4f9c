// The stack's passes: forward runs the layers in order, backward in reverse, each on its slices of
// the flat buffers; infer runs each layer's infer through two ping-pong matrices.
#include "nn/Network.h"

#include "act/Activation.h"
#include "core/Error.h"
#include "nn/ActivationLayer.h"
#include "nn/BatchNorm.h"
#include "nn/BatchNorm2d.h"
#include "nn/Dense.h"
#include "nn/Dropout.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace dl {

namespace {
std::string fieldOf(std::size_t i) { return "layers[" + std::to_string(i) + "]"; }
LayerSpec spec(const char* kind) {
  LayerSpec s;
  s.kind = kind;
  return s;
}
}  // namespace

// Hidden layer i is the stack Dense(units·pieces, bias unless batch norm) → [BatchNorm] →
// Activation, or Maxout(pieces) → [Dropout(rate)]; the output layer is Dense(outputs).
Network::Network(Index inputs, const std::vector<LayerConfig>& hidden, Index outputs) : m_input(Shape::flat(inputs)) {
  if (inputs < 1)
    throw ConfigError("data.features", std::to_string(inputs),
                      DL_TRANSLATE_NOOP("dl", "the data must have at least one feature"));
  if (outputs < 1)
    throw ConfigError("outputs", std::to_string(outputs),
                      DL_TRANSLATE_NOOP("dl", "the network needs at least one output"));
  if (hidden.size() > 64)
    throw ConfigError("layers", std::to_string(hidden.size()),
                      {DL_TRANSLATE_NOOP("dl", "at most %1 hidden layers"), {"64"}});
  std::vector<LayerSpec> stack;
  std::vector<std::string> fields;
  auto push = [&](LayerSpec s, const std::string& field) {
    stack.push_back(std::move(s));
    fields.push_back(field);
  };
  for (std::size_t i = 0; i < hidden.size(); ++i) {
    const LayerConfig& c = hidden[i];
    const std::string field = fieldOf(i);
    if (c.units < 1 || c.units > 4096)
      throw ConfigError(field + ".units", std::to_string(c.units),
                        {DL_TRANSLATE_NOOP("dl", "a layer needs between %1 and %2 units"), {"1", "4096"}});
    if (!std::isfinite(c.dropout) || c.dropout < 0 || c.dropout >= 1)
      throw ConfigError(field + ".dropout", formatValue(c.dropout),
                        {DL_TRANSLATE_NOOP("dl", "the dropout rate must be in %1"), {"[0, 1)"}});
    const Index pieces = makeActivation(c, field)->pieces();  // validates name, slope, alpha, pieces
    LayerSpec dense = spec("dense");
    dense.units = c.units * pieces;
    dense.bias = !c.batchNorm;
    push(dense, field);
    if (c.batchNorm) push(spec("batch_norm"), field);
    LayerSpec act = spec(pieces > 1 ? "maxout" : "activation");
    act.activation = c;
    push(act, field);
    if (c.dropout > 0) {  // else added by setDropout when needed
      LayerSpec dropout = spec("dropout");
      dropout.rate = c.dropout;
      push(dropout, field);
    }
  }
  LayerSpec out = spec("dense");
  out.units = outputs;
  push(out, "outputs");
  build(stack, fields);
}

Network::Network(Shape input, const std::vector<LayerSpec>& stack) : m_input(input) {
  std::vector<std::string> fields;
  for (std::size_t i = 0; i < stack.size(); ++i) fields.push_back(fieldOf(i));
  build(stack, fields);
}

// Each layer takes the next slices of the parameter and buffer buffers, in stack order; a block
// starts at each layer with weights.
void Network::build(const std::vector<LayerSpec>& stack, const std::vector<std::string>& fields) {
  Index cursor = 0, bufferCursor = 0;
  Shape shape = m_input;
  for (std::size_t i = 0; i < stack.size(); ++i) {
    Slot s;
    s.layer = makeLayer(stack[i], shape, fields[i]);
    s.params = {cursor, s.layer->paramCount()};
    s.buffers = {bufferCursor, s.layer->bufferCount()};
    cursor += s.params.size;
    bufferCursor += s.buffers.size;
    shape = s.layer->outputShape();
    if (s.layer->weightRange().size > 0) {
      Block b;
      b.first = static_cast<int>(i);
      m_blocks.push_back(b);
    } else if (m_blocks.empty()) {
      throw std::invalid_argument("the first layer of a network must have weights, not " + stack[i].kind);
    }
    m_blocks.back().last = static_cast<int>(i);
    m_stack.push_back(std::move(s));
  }
  if (m_blocks.empty()) throw std::invalid_argument("a network needs at least one layer");

  for (Block& b : m_blocks) {
    LayerInfo& I = b.info;
    const Slot& first = m_stack[static_cast<std::size_t>(b.first)];
    const ParamRange w = first.layer->weightRange();
    I.in = first.layer->inputShape().size();
    I.rows = first.layer->weightShape().rows;
    I.cols = first.layer->weightShape().cols;
    I.weights = {first.params.offset + w.offset, w.size};
    if (const ParamRange bias = first.layer->biasRange(); bias.size > 0)
      I.bias = {first.params.offset + bias.offset, bias.size};
    const Slot& end = m_stack[static_cast<std::size_t>(b.last)];
    I.all = {first.params.offset, end.params.offset + end.params.size - first.params.offset};
    I.units = end.layer->outputShape().size();
    for (int i = b.first + 1; i <= b.last; ++i) {
      const Slot& s = m_stack[static_cast<std::size_t>(i)];
      const Layer& L = *s.layer;
      if (dynamic_cast<const BatchNorm*>(&L) || dynamic_cast<const BatchNorm2d*>(&L)) {
        I.batchNorm = true;
        I.gamma = {s.params.offset, s.params.size / 2};
        I.beta = {s.params.offset + s.params.size / 2, s.params.size / 2};
        I.running = s.buffers;
      }
      if (dynamic_cast<const ActivationLayer*>(&L)) I.actParams = s.params;
      if (const auto* d = dynamic_cast<const Dropout*>(&L)) {
        I.dropout = d->rate();
        b.dropout = i;
      }
      if (L.reportsSaturation()) b.saturation = i;
    }
  }
  m_blocks.back().info.output = true;
  m_params = Vector::Zero(cursor);
  m_grads = Vector::Zero(cursor);
  m_buffers = Vector::Zero(bufferCursor);
}

MatrixMap Network::weights(int l) {
  const LayerInfo& I = layer(l);
  return MatrixMap(m_params.data() + I.weights.offset, I.rows, I.cols);
}
ConstMatrixMap Network::weights(int l) const {
  const LayerInfo& I = layer(l);
  return ConstMatrixMap(m_params.data() + I.weights.offset, I.rows, I.cols);
}

void Network::initialize(const InitConfig& init, Rng& rng) {
  for (Slot& s : m_stack)
    s.layer->initialize(init, rng, {m_params.data() + s.params.offset, span(s.params)}, buffersOf(s));
  m_grads.setZero();
}

// ---------------------------------------------------------------------------------------------
void Network::forward(const Matrix& X, Mode mode) {
  const Pass pass{mode, &m_dropoutRng, m_masksFrozen};
  m_lastInput = &X;
  const Matrix* x = &X;
  for (Slot& s : m_stack) {
    x = &s.layer->forward(*x, pass, paramsOf(s), buffersOf(s));
    s.out = x;
  }
}

// dy of each layer is the dx of the layer above; the first layer's dx is never needed.
void Network::backward(const Matrix& X, const Matrix& dLogits) {
  const Matrix* dy = &dLogits;
  for (std::size_t i = m_stack.size(); i-- > 0;) {
    Slot& s = m_stack[i];
    dy = &s.layer->backward(inputOf(i, X), *dy, paramsOf(s), gradsOf(s), i > 0);
  }
}

double Network::saturation(int l) const {
  const int i = m_blocks[static_cast<std::size_t>(l)].saturation;
  if (i < 0) return std::nan("");
  const auto si = static_cast<std::size_t>(i);
  return m_stack[si].layer->saturation(inputOf(si, *m_lastInput), *m_stack[si].out, paramsOf(m_stack[si]));
}

double Network::gradientSquares(int l) const {
  const ParamRange& a = layer(l).all;
  return sumSquares(m_grads.data() + a.offset, a.size);
}

double Network::activationMean(int l) const {
  const int i = m_blocks[static_cast<std::size_t>(l)].saturation;
  if (i < 0 || m_blocks[static_cast<std::size_t>(l)].info.output) return std::nan("");
  const Matrix& a = *m_stack[static_cast<std::size_t>(i)].out;
  if (a.size() == 0) return std::nan("");
  return a.cast<double>().mean();
}

LayerStats Network::stats(int l, const Vector& before, double gradSquares) const {
  LayerStats s;
  const ParamRange& w = layer(l).weights;
  weightStatistics(m_params.data() + w.offset, before.data() + w.offset, w.size, s);
  s.gradNorm = std::sqrt(gradSquares);
  s.saturation = saturation(l);
  s.activationMean = activationMean(l);
  return s;
}

const Matrix& Network::hiddenOutput(int l) const {
  return *m_stack[static_cast<std::size_t>(m_blocks[static_cast<std::size_t>(l)].last)].out;
}

// A hidden layer without dropout has no dropout layer: one that only passed its input through
// would still cost two calls a step (1% of a small network's step). The first rate above 0 inserts
// it after the block's last layer; it has no parameters, so no slice moves.
void Network::setDropout(int l, double rate) {
  Block& b = m_blocks[static_cast<std::size_t>(l)];
  const std::string field = fieldOf(static_cast<std::size_t>(l));
  if (b.dropout >= 0) {
    static_cast<Dropout&>(*m_stack[static_cast<std::size_t>(b.dropout)].layer).setRate(rate, field);
  } else {
    if (b.info.output) throw std::invalid_argument(field + " is the output layer: no dropout");
    const Slot& before = m_stack[static_cast<std::size_t>(b.last)];
    auto dropout = std::make_unique<Dropout>(before.layer->outputShape(), rate, field);  // validates the rate
    if (rate > 0) {
      Slot s;
      s.layer = std::move(dropout);
      s.params = {before.params.offset + before.params.size, 0};
      s.buffers = {before.buffers.offset + before.buffers.size, 0};
      s.out = before.out;  // what it passes on until the next forward pass
      m_stack.insert(m_stack.begin() + b.last + 1, std::move(s));
      for (std::size_t k = static_cast<std::size_t>(l) + 1; k < m_blocks.size(); ++k) {
        Block& after = m_blocks[k];
        ++after.first;
        ++after.last;
        if (after.saturation >= 0) ++after.saturation;
        if (after.dropout >= 0) ++after.dropout;
      }
      b.dropout = ++b.last;
    }
  }
  b.info.dropout = rate;
}

// ---------------------------------------------------------------------------------------------
void Network::infer(const Matrix& X, Matrix& logits, Workspace& ws, std::vector<Matrix>* hidden) const {
  if (hidden) hidden->resize(m_blocks.size() - 1);
  const Matrix* x = &X;
  std::size_t block = 0;
  for (std::size_t i = 0; i < m_stack.size(); ++i) {
    const Slot& s = m_stack[i];
    Matrix& out = i + 1 == m_stack.size() ? logits : (x == &ws.a[0] ? ws.a[1] : ws.a[0]);
    x = &s.layer->infer(*x, out, paramsOf(s), buffersOf(s));
    if (static_cast<int>(i) == m_blocks[block].last) {
      if (hidden && block + 1 < m_blocks.size()) (*hidden)[block] = *x;
      ++block;
    }
  }
  if (x != &logits) logits = *x;
}

void Network::inferLayers(const Matrix& X, std::vector<Matrix>& outputs) const {
  outputs.resize(m_stack.size());
  const Matrix* x = &X;
  for (std::size_t i = 0; i < m_stack.size(); ++i) {
    const Slot& s = m_stack[i];
    const Matrix* y = &s.layer->infer(*x, outputs[i], paramsOf(s), buffersOf(s));
    if (y != &outputs[i]) outputs[i] = *y;  // a layer that passes its input through
    x = &outputs[i];
  }
}

}  // namespace dl
