// One layer of a network, and the registry of layer kinds. A network is a stack of layers; all
// their learned parameters live in ONE flat buffer with a matching gradient buffer (so optimisers
// are one flat loop), and each layer works on its own slice of it. forward, backward and infer sit
// side by side in every layer; infer is the forward computation in evaluation mode without the
// caches, sharing its code.
//
// Batch layout (core/Types.h): an activation matrix is (values per sample, batch), one COLUMN per
// sample. A Shape says what a column holds: channels × height × width × time values, channel
// outermost — value (c, y, x, t) at row ((c·height + y)·width + x)·time + t. A dense layer's
// output is {units, 1, 1, 1}; an image is {channels, height, width, 1}; a sequence {features, 1, 1, T}.
#pragma once

#include "core/Rng.h"
#include "core/Types.h"
#include "config/Config.h"

#include <limits>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace dl {

struct Shape {
  Index channels = 1, height = 1, width = 1, time = 1;
  Index size() const { return channels * height * width * time; }  // rows of a column
  static Shape flat(Index n) { return {n, 1, 1, 1}; }
  bool operator==(const Shape&) const = default;
};

enum class Mode { Train, Eval };

struct ParamRange {
  Index offset = 0;
  Index size = 0;
};

// What a training forward pass needs besides its input.
struct Pass {
  Mode mode = Mode::Train;
  Rng* rng = nullptr;        // dropout masks (train mode)
  bool freezeMasks = false;  // reuse the previous pass's dropout masks (gradient checks)
};

class Layer {
public:
  // A layer is made for one input shape; from it follow its output shape and parameter count.
  explicit Layer(Shape in) : m_in(in) {}
  virtual ~Layer() = default;
  Layer(const Layer&) = delete;
  Layer& operator=(const Layer&) = delete;

  virtual const char* kind() const = 0;  // the registry name
  const Shape& inputShape() const { return m_in; }
  virtual Shape outputShape() const = 0;
  // Learned values in the flat parameter buffer, and values in the flat buffer of statistics
  // that are saved with the model but not trained (batch norm's running mean and variance).
  virtual Index paramCount() const { return 0; }
  virtual Index bufferCount() const { return 0; }
  // Sets the layer's initial parameters and buffers; dense layers draw their weights from rng.
  virtual void initialize(const InitConfig& /*init*/, Rng& /*rng*/, std::span<Scalar> /*params*/,
                          std::span<Scalar> /*buffers*/) const {}

  // ---- the passes. x: (in.size(), B); y: (out.size(), B); params, grads, buffers: this layer's slices.
  // Training pass: computes y and keeps what backward needs; train mode may update the buffers.
  // Returns y, which is x itself for a layer that passes its input through.
  virtual const Matrix& forward(const Matrix& x, const Pass& pass, std::span<const Scalar> params,
                                std::span<Scalar> buffers) = 0;
  // After forward(x): dy = ∂L/∂y. Writes ∂L/∂params into grads (overwriting them) and returns
  // ∂L/∂x (possibly dy itself); when wantInputGradient is false the returned matrix is meaningless
  // and a layer may skip computing it.
  virtual const Matrix& backward(const Matrix& x, const Matrix& dy, std::span<const Scalar> params,
                                 std::span<Scalar> grads, bool wantInputGradient) = 0;
  // Evaluation mode (running statistics, no dropout) without touching the layer: const and safe to
  // call from several threads at once. Writes y into `out` and returns it, or returns x.
  virtual const Matrix& infer(const Matrix& x, Matrix& out, std::span<const Scalar> params,
                              std::span<const Scalar> buffers) const = 0;

  // ---- diagnostics (docs/diagnostics.md). The weights: the part of the parameters that counts
  // for weight norms, update ratios, sparsity and the L1/L2 penalties (a dense layer's W; not its
  // bias, γ, β or slopes), as a range within this layer's parameters.
  virtual ParamRange weightRange() const { return {}; }
  // The bias within this layer's parameters (empty without one).
  virtual ParamRange biasRange() const { return {}; }
  // The weights seen as a (rows, cols) column-major matrix, rows·cols = weightRange().size: a
  // dense layer's W (outputs, inputs); a convolution's kernels (out channels, in channels/groups·kh·kw).
  struct MatrixShape {
    Index rows = 0, cols = 0;
  };
  virtual MatrixShape weightShape() const { return {outputShape().size(), inputShape().size()}; }
  // Whether the layer reports a saturation, and the saturated fraction of a forward pass with
  // input x and output y, with this layer's parameters (see Activation::saturation).
  virtual bool reportsSaturation() const { return false; }
  virtual double saturation(const Matrix& /*x*/, const Matrix& /*y*/, std::span<const Scalar> /*params*/) const {
    return std::numeric_limits<double>::quiet_NaN();
  }

private:
  Shape m_in;
};

// A layer's configuration: the registry name and what that kind reads.
struct LayerSpec {
  // "dense" "batch_norm" "activation" "maxout" "dropout"; images: "conv2d" "conv_transpose2d"
  // "locally_connected2d" "max_pool2d" "avg_pool2d" "global_avg_pool" "global_max_pool" "spp" "flatten"
  // "batch_norm2d" "upsample"; sequences: "rnn" "lstm" "gru" "embedding" "conv1d"
  std::string kind;
  Index units = 0;   // dense: outputs; convolutions: output channels; recurrent: hidden size; embedding: dimension
  bool bias = true;  // dense, convolutions: false when a batch norm follows (its β is the shift)
  LayerConfig activation;  // activation: name, slope, alpha; maxout: pieces
  double rate = 0;         // dropout: rate of DROPPED values, [0, 1)
  // ---- images (nn/ConvArithmetic.h has the output sizes) ----
  static constexpr Index kSamePadding = -1;  // = kSamePaddingValue of nn/ConvArithmetic.h
  Index kernel = 0;                          // convolutions, pooling: kernel height (and width unless kernelWidth)
  Index kernelWidth = 0;                     // 0: square, = kernel
  Index stride = 0;                          // 0: 1 for convolutions, the kernel size for pooling
  Index padding = 0;        // zeros on each side; kSamePadding: d(k−1)/2 (output = input at stride 1)
  Index dilation = 1;       // convolutions: spacing of the kernel taps
  Index groups = 1;         // conv2d: channel groups (= input channels: depthwise)
  Index scale = 2;          // upsample: integer factor
  std::string mode;         // upsample: "nearest" (default) or "bilinear" (align_corners = false)
  std::vector<Index> bins;  // spp: pyramid levels, n×n bins each (default {1, 2, 4})
  // ---- sequences (nn/Recurrent.h; conv1d reads units, kernel, stride, padding 0 or same, dilation) ----
  bool returnSequences = false;  // recurrent: output every step {units, 1, 1, T}, else the last {units}
  Index truncation = 0;          // recurrent: backpropagation through time over windows of k steps; 0: full
  std::string recurrentInit;     // recurrent weights: "" (the init scheme), "orthogonal", "identity"
  double recurrentGain = 1.0;    // recurrent weights: gain of orthogonal and identity, [0, 10]
  double forgetBias = 1.0;       // lstm: initial forget-gate bias, [0, 5]
  Index vocabulary = 0;          // embedding: token ids 0 .. vocabulary − 1
};

// A spec with an input shape it accepts: the registry's examples for the gradient checks.
struct LayerExample {
  LayerSpec spec;
  Shape input;
  // The input holds token ids below spec.vocabulary (embedding): the check draws ids and checks the
  // parameters' gradient only (ids are not differentiable).
  bool tokens = false;
};

// The registry: every layer kind, how to make one, and examples that cover its variants with
// random sizes and settings. tests/tst_gradcheck_f64 checks every example of every registered
// kind, so a new layer is gradient-checked by being registered here (nn/Registry.cpp).
struct LayerKind {
  const char* name;
  // Throws ConfigError naming `field` (e.g. "layers[2]") for a setting the input shape or the
  // kind does not accept.
  std::unique_ptr<Layer> (*make)(const LayerSpec& spec, const Shape& in, const std::string& field);
  std::vector<LayerExample> (*examples)(Rng& rng);
};
const std::vector<LayerKind>& layerKinds();
// Throws std::invalid_argument for an unknown kind, else what the kind's factory throws.
std::unique_ptr<Layer> makeLayer(const LayerSpec& spec, const Shape& in, const std::string& field);

}  // namespace dl
