// A network: a stack of layers from the registry (nn/Layer.h) with ONE flat parameter buffer, a
// matching gradient buffer and a flat buffer of running statistics; each layer owns a contiguous
// slice of each, in stack order, so optimisers are one flat loop with state indexed by position.
// Batch layout: (values, batch), one column per sample.
//
// The playground's MLP is the stack  [Dense → (BatchNorm) → Activation or Maxout → (Dropout)] per
// hidden layer, then a Dense output layer producing logits (the loss applies softmax/sigmoid).
// The rest of the program sees it by WEIGHTED layers ("blocks": a layer with weights and the layers
// after it up to the next one), described by LayerInfo — the diagram, the charts and the
// diagnostics count layers that way.
#pragma once

#include "core/Rng.h"
#include "core/Types.h"
#include "nn/Diagnostics.h"
#include "nn/Layer.h"
#include "config/Config.h"

#include <memory>
#include <vector>

namespace dl {

// One weighted layer and the layers after it: shapes, and where its parameters sit in the flat
// buffers (absolute offsets).
struct LayerInfo {
  Index in = 0;     // inputs (values per sample)
  Index units = 0;  // outputs after the block's last layer (values per sample)
  Index rows = 0;   // rows of W: units·pieces (dense); out channels (convolutions)
  Index cols = 0;   // columns of W: in (dense); in channels/groups·kh·kw (convolutions)
  bool batchNorm = false;
  bool output = false;
  double dropout = 0;      // rate of dropped units (hidden layers)
  ParamRange weights;      // W (rows, cols), column-major
  ParamRange bias;         // b; empty with batch norm (β replaces it)
  ParamRange gamma, beta;  // batch-norm scale and shift (rows each; channels for batch_norm2d)
  ParamRange actParams;    // PReLU slopes (units)
  ParamRange all;          // every parameter of the layer, contiguous
  ParamRange running;      // batch norm: running mean then running variance, in buffers()
};

class Network {
public:
  // The MLP. Throws ConfigError for widths < 1 ("layers[i].units"), bad activations, dropout
  // outside [0, 1).
  Network(Index inputs, const std::vector<LayerConfig>& hidden, Index outputs);
  // Any stack of registered layers on inputs of the given shape; the first layer must have weights.
  // Throws what the layers' factories throw, naming "layers[i]" by position in the stack.
  Network(Shape input, const std::vector<LayerSpec>& stack);
  Network(const Network&) = delete;
  Network& operator=(const Network&) = delete;
  Network(Network&&) = default;
  Network& operator=(Network&&) = default;

  // ---- weighted layers ----
  int layerCount() const { return static_cast<int>(m_blocks.size()); }
  const LayerInfo& layer(int l) const { return m_blocks[static_cast<std::size_t>(l)].info; }
  Index inputs() const { return m_input.size(); }
  Index outputs() const { return m_blocks.back().info.units; }

  // ---- the stack ----
  int stackSize() const { return static_cast<int>(m_stack.size()); }
  const Layer& stackLayer(int i) const { return *m_stack[static_cast<std::size_t>(i)].layer; }
  ParamRange stackParams(int i) const { return m_stack[static_cast<std::size_t>(i)].params; }

  Vector& params() { return m_params; }
  const Vector& params() const { return m_params; }
  Vector& grads() { return m_grads; }
  const Vector& grads() const { return m_grads; }
  Vector& buffers() { return m_buffers; }  // batch-norm running statistics (not trained)
  const Vector& buffers() const { return m_buffers; }
  MatrixMap weights(int l);
  ConstMatrixMap weights(int l) const;

  // Every layer in stack order: dense weights by `init` (drawn from rng), biases to init.bias,
  // γ = 1, β = 0, PReLU slopes, running statistics (0, 1).
  void initialize(const InitConfig& init, Rng& rng);

  // ---- training pass (uses the layers' caches; one thread) ----
  // X: (inputs, B). Train mode uses batch statistics and draws dropout masks from dropoutRng.
  void forward(const Matrix& X, Mode mode);
  const Matrix& logits() const { return *m_stack.back().out; }  // (outputs, B)
  // After forward(X): dLogits (outputs, B) = ∂L/∂logits of the mean loss. Writes grads()
  // (overwrites).
  void backward(const Matrix& X, const Matrix& dLogits);
  // ---- diagnostics per weighted layer, from the layers' weight ranges and saturation ----
  // Saturated fraction of weighted layer l's activation in the last forward pass (NaN without one).
  double saturation(int l) const;
  // Σ g² over all of weighted layer l's parameters in grads(), in double.
  double gradientSquares(int l) const;
  // Layer l's stats after an update from the parameters `before` (the whole flat buffer), with
  // gradSquares from gradientSquares(l) of that step's gradient.
  LayerStats stats(int l, const Vector& before, double gradSquares) const;
  // Mean output of hidden layer l's units over the last forward pass's batch, before dropout (the
  // output of its activation layer; NaN for the output layer).
  double activationMean(int l) const;
  // Output (units, B) of hidden layer l after dropout, from the last forward pass.
  const Matrix& hiddenOutput(int l) const;

  // Throws ConfigError("layers[l].dropout") for a rate outside [0, 1), std::invalid_argument for
  // a layer without dropout (the output layer).
  void setDropout(int l, double rate);
  Rng& dropoutRng() { return m_dropoutRng; }
  const Rng& dropoutRng() const { return m_dropoutRng; }
  // Keep the current dropout masks on later forward passes (gradient checks).
  void freezeDropoutMasks(bool frozen) { m_masksFrozen = frozen; }

  // ---- inference (const, thread-safe with one Workspace per thread) ----
  struct Workspace {
    Matrix a[2];
  };
  // Eval mode (running statistics, no dropout) through each layer's infer(). If hidden is given,
  // it receives every hidden layer's output (units, B).
  void infer(const Matrix& X, Matrix& logits, Workspace& ws, std::vector<Matrix>* hidden = nullptr) const;
  // Eval mode, keeping the output of EVERY layer of the stack (stackSize() matrices, the last the
  // logits; stackLayer(i).outputShape() says what a column holds): the CNN lab's feature maps.
  void inferLayers(const Matrix& X, std::vector<Matrix>& outputs) const;

private:
  struct Slot {
    std::unique_ptr<Layer> layer;
    ParamRange params, buffers;       // its slices of m_params/m_grads and m_buffers
    const Matrix* out = &noOutput();  // its output in the last forward pass
  };
  struct Block {
    LayerInfo info;
    int first = 0, last = 0;  // stack indices, inclusive
    int saturation = -1;      // the stack index of the layer reporting saturation, or -1
    int dropout = -1;         // the stack index of the dropout layer, or -1
  };
  void build(const std::vector<LayerSpec>& stack, const std::vector<std::string>& fields);
  static const Matrix& noOutput() {  // before the first forward pass
    static const Matrix empty;
    return empty;
  }

  std::span<const Scalar> paramsOf(const Slot& s) const { return {m_params.data() + s.params.offset, span(s.params)}; }
  std::span<Scalar> gradsOf(const Slot& s) { return {m_grads.data() + s.params.offset, span(s.params)}; }
  std::span<Scalar> buffersOf(const Slot& s) { return {m_buffers.data() + s.buffers.offset, span(s.buffers)}; }
  std::span<const Scalar> buffersOf(const Slot& s) const {
    return {m_buffers.data() + s.buffers.offset, span(s.buffers)};
  }
  static std::size_t span(ParamRange r) { return static_cast<std::size_t>(r.size); }
  const Matrix& inputOf(std::size_t i, const Matrix& X) const { return i == 0 ? X : *m_stack[i - 1].out; }

  Shape m_input;
  std::vector<Slot> m_stack;
  std::vector<Block> m_blocks;
  Vector m_params, m_grads, m_buffers;
  Rng m_dropoutRng;
  bool m_masksFrozen = false;
  const Matrix* m_lastInput = &noOutput();  // X of the last forward pass (saturation of a first layer)
};

}  // namespace dl
