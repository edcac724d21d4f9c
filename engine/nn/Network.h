// A multilayer perceptron: hidden blocks Dense → [BatchNorm] → Activation → [Dropout], then a
// Dense output layer producing logits (the loss applies softmax/sigmoid). All learned parameters
// live in ONE flat buffer with a matching gradient buffer, so optimisers are one flat loop and
// their state is indexed by position. Batch layout: (features, batch), one column per sample.
#pragma once

#include "act/Activation.h"
#include "core/Rng.h"
#include "core/Types.h"
#include "train/Config.h"

#include <memory>
#include <vector>

namespace dl {

enum class Mode { Train, Eval };

struct ParamRange {
  Index offset = 0;
  Index size = 0;
};

// One weighted layer: its shape and where its parameters sit in the flat buffer.
struct LayerInfo {
  Index in = 0;     // inputs
  Index units = 0;  // outputs after the activation
  Index rows = 0;   // rows of W: units·pieces
  bool batchNorm = false;
  bool output = false;
  double dropout = 0;      // rate of dropped units (hidden layers)
  ParamRange weights;      // W (rows, in), column-major
  ParamRange bias;         // b (rows); empty with batch norm (β replaces it)
  ParamRange gamma, beta;  // batch-norm scale and shift (rows each)
  ParamRange actParams;    // PReLU slopes (units)
  ParamRange all;          // every parameter of the layer, contiguous
  ParamRange running;      // batch norm: running mean then running variance, in buffers()
};

class Network {
public:
  // Throws ConfigError for widths < 1 ("layers[i].units"), bad activations, dropout outside [0, 1).
  Network(Index inputs, const std::vector<LayerConfig>& hidden, Index outputs);
  Network(const Network&) = delete;
  Network& operator=(const Network&) = delete;
  Network(Network&&) = default;
  Network& operator=(Network&&) = default;

  int layerCount() const { return static_cast<int>(m_layers.size()); }  // weighted layers
  const LayerInfo& layer(int l) const { return m_layers[l].info; }
  const Activation* activation(int l) const { return m_layers[l].act.get(); }  // null for the output
  Index inputs() const { return m_inputs; }
  Index outputs() const { return m_layers.back().info.rows; }

  Vector& params() { return m_params; }
  const Vector& params() const { return m_params; }
  Vector& grads() { return m_grads; }
  const Vector& grads() const { return m_grads; }
  Vector& buffers() { return m_buffers; }  // batch-norm running statistics (not trained)
  const Vector& buffers() const { return m_buffers; }
  MatrixMap weights(int l);
  ConstMatrixMap weights(int l) const;

  // Weights by `init`, biases to init.bias, γ = 1, β = 0, PReLU slopes, running stats (0, 1).
  void initialize(const InitConfig& init, Rng& rng);

  // ---- training pass (uses the caches of this object; one thread) ----
  // X: (inputs, B). Train mode uses batch statistics and draws dropout masks from dropoutRng.
  void forward(const Matrix& X, Mode mode);
  const Matrix& logits() const { return m_layers.back().z; }  // (outputs, B)
  // dLogits: (outputs, B) = ∂L/∂logits of the mean loss. Writes grads() (overwrites).
  void backward(const Matrix& X, const Matrix& dLogits);
  // Saturated fraction of hidden layer l in the last forward pass (see Activation::saturation).
  double saturation(int l) const;
  // Mean output of hidden layer l's units over the last forward pass's batch, before dropout.
  double activationMean(int l) const;
  // Activations (units, B) of hidden layer l after dropout, from the last forward pass.
  const Matrix& hiddenOutput(int l) const;

  void setDropout(int l, double rate);
  Rng& dropoutRng() { return m_dropoutRng; }
  const Rng& dropoutRng() const { return m_dropoutRng; }
  // Keep the current dropout masks on later forward passes (gradient checks).
  void freezeDropoutMasks(bool frozen) { m_masksFrozen = frozen; }

  // ---- inference (const, thread-safe with one Workspace per thread) ----
  struct Workspace {
    Matrix z, lin, a[2];
  };
  // Eval mode (running statistics, no dropout). If hidden is given, it receives every hidden
  // layer's output (units, B).
  void infer(const Matrix& X, Matrix& logits, Workspace& ws, std::vector<Matrix>* hidden = nullptr) const;

  static constexpr double kBatchNormMomentum = 0.1;  // running = (1−m)·running + m·batch
  static constexpr double kBatchNormEpsilon = 1e-5;

private:
  struct Layer {
    LayerInfo info;
    std::unique_ptr<Activation> act;
    // caches of the training pass
    Matrix lin;            // (rows, B) W·X + b, before batch norm (only with batch norm)
    Matrix xhat;           // (rows, B) normalised lin
    Vector invStd;         // (rows) 1/√(σ²+ε) used in the forward pass
    Matrix z;              // (rows, B) pre-activation
    Matrix a;              // (units, B) activation output
    Matrix mask;           // (units, B) dropout mask, already scaled by 1/(1−p)
    Matrix out;            // (units, B) a ⊙ mask (only with dropout in train mode)
    bool dropped = false;  // out holds the dropout output of the last pass
    Mode mode = Mode::Train;
    // backward scratch
    Matrix dz, dlin, dx;
  };
  void batchNormForward(Layer& L, Mode mode);
  void batchNormBackward(Layer& L, const Matrix& dz, Matrix& dlin);
  const Matrix& layerOutput(const Layer& L) const { return L.dropped ? L.out : L.a; }

  Index m_inputs = 0;
  std::vector<Layer> m_layers;
  Vector m_params, m_grads, m_buffers;
  Rng m_dropoutRng;
  bool m_masksFrozen = false;
};

}  // namespace dl
