// What the recurrent layers (nn/Rnn.h, nn/Lstm.h, nn/Gru.h) share: the sequence layout, the
// batched products, backpropagation through time with optional truncation, initialisation of the
// recurrent weights, and the diagnostics of the sequence lab. Each cell supplies one step forward
// and one step backward; everything else is here.
//
// Layout. The input is a sequence {C, h, w, T}: per Layer.h, feature f = (c·h + y)·w + x of step t
// sits at row f·T + t of the sample's column (time innermost), so a {C, 1, 1, T} column holds the
// whole series of feature 0, then of feature 1, ... The output of every step ({H, 1, 1, T}, with
// returnSequences) is laid out the same way, so layers stack; otherwise the output is the last
// step's h, Shape::flat(H). Inside, each pass works time-major: a matrix with T·B columns holds step
// t of sample b in column t·B + b, so step t is the contiguous block of columns [t·B, (t+1)·B).
//
// Parameters, with G gates (rnn 1, lstm 4, gru 3), one flat slice:
//   W (G·H, F) input weights | U (G·H, H) recurrent weights | b (G·H) | the cell's extra bias
// W and U together are one (G·H, F + H) matrix [W U] (weightRange, weightShape); gate g is rows
// [g·H, (g+1)·H) of each. The bias is always there (spec.bias is not read).
//
// Products. The input product of all steps is one dl::gemm, W·X (G·H, T·B); each step adds U·h_{t−1}
// (one gemm over the batch); backward collects ∂W, ∂U, ∂b and ∂X in one gemm each over all steps.
// Elementwise work is serial Eigen, so 1 and 2 threads give bitwise identical results.
//
// Truncation k > 0 (Williams & Peng 1990, TBPTT(k, k)): the steps are cut, from the LAST step
// backwards, into windows of k (the first window may be shorter) and the gradient does not cross a
// window boundary, as if each window's initial state were a constant. The forward pass is
// unchanged. Each output's gradient then flows back at most k steps, and exactly k (or to t = 0)
// from the last step — so many-to-one with truncation k is "the last k steps".
#pragma once

#include "nn/Layer.h"

#include <Eigen/Core>

#include <complex>
#include <functional>
#include <string>
#include <vector>

namespace dl {

class Recurrent : public Layer {
public:
  // Throws ConfigError naming field + ".units", ".truncation", ".recurrentInit", ".recurrentGain".
  Recurrent(Shape in, const LayerSpec& spec, Index gates, Index extraBias, const std::string& field);

  Shape outputShape() const override { return m_allSteps ? Shape{m_units, 1, 1, m_steps} : Shape::flat(m_units); }
  Index paramCount() const override { return weightCount() + m_gates * m_units + m_extraBias; }
  // W from init (fan_in F, fan_out H, per the whole (G·H, F) matrix); each gate's H×H block of U
  // from recurrentInit: "" init's scheme (fan_in = fan_out = H), "orthogonal" (Saxe et al. 2014)
  // or "identity" (Le, Jaitly & Hinton 2015, IRNN), both times recurrentGain; b = init.bias, and
  // the cell may override a gate's bias (LSTM: forgetBias). Draws W, then U's blocks in gate order.
  void initialize(const InitConfig& init, Rng& rng, std::span<Scalar> params, std::span<Scalar> buffers) const override;

  const Matrix& forward(const Matrix& x, const Pass& pass, std::span<const Scalar> params,
                        std::span<Scalar> buffers) override;
  const Matrix& backward(const Matrix& x, const Matrix& dy, std::span<const Scalar> params, std::span<Scalar> grads,
                         bool wantInputGradient) override;
  const Matrix& infer(const Matrix& x, Matrix& out, std::span<const Scalar> params,
                      std::span<const Scalar> buffers) const override;

  ParamRange weightRange() const override { return {0, weightCount()}; }
  ParamRange biasRange() const override { return {weightCount(), m_gates * m_units + m_extraBias}; }
  MatrixShape weightShape() const override { return {m_gates * m_units, m_features + m_units}; }

  Index units() const { return m_units; }
  Index steps() const { return m_steps; }
  Index features() const { return m_features; }
  Index truncation() const { return m_truncation; }
  bool returnsSequences() const { return m_allSteps; }
  // Whether the gradient stops between step t − 1 and step t (t starts a truncation window).
  bool cutBefore(Index t) const { return m_truncation > 0 && t > 0 && (m_steps - t) % m_truncation == 0; }

  // ---- a pass over given sequences, without touching the layer (const; the lab's views) ----
  // The states and gates of a forward pass over x (in.size(), B), laid out as hiddenStates(),
  // cellStates() and gateActivations() are.
  struct Trace {
    Matrix gates, hidden, cell;
  };
  Trace trace(const Matrix& x, std::span<const Scalar> params) const;
  // The Jacobian ∂h_to/∂h_from (H, H) along ONE sequence x (in.size(), 1), steps counted from 0,
  // 0 <= from <= to < T: backpropagation of the H unit vectors of h_to (as a batch of H copies of
  // the sequence) to h_from, with the LSTM's c_from held fixed. Full backpropagation (truncation
  // does not apply). from == to gives the identity.
  Eigen::MatrixXd stateJacobian(const Matrix& x, Index from, Index to, std::span<const Scalar> params) const;
  // The largest singular value of ∂h_to/∂h_s for every s = 0 … to, from one backward sweep: how
  // much each earlier state can still move h_to (entry `to` is 1). The gradient through time of
  // an untrained network, before any loss has been computed.
  std::vector<double> stateJacobianNorms(const Matrix& x, Index to, std::span<const Scalar> params) const;

  // ---- the state the passes start from: (H, B) h₋₁ (and the LSTM's c₋₁); empty = zeros. A
  // constant (no gradient flows into it); used by an encoder-decoder and by the truncation check.
  void setInitialState(Matrix h0, Matrix c0 = Matrix());

  // ---- diagnostics of the last training pass (cheap: read from what the passes keep anyway) ----
  // After forward: the hidden states, (H, (T + 1)·B) time-major, block 0 = h₋₁, block t + 1 = h_t.
  const Matrix& hiddenStates() const { return m_ws.h; }
  // The lstm's cell states the same way (empty for the others).
  const Matrix& cellStates() const { return m_ws.c; }
  // After forward: every gate's activation, (G·H, T·B) time-major; gate g is rows [g·H, (g+1)·H)
  // (rnn: h_t itself; lstm: i f g o; gru: r z n).
  const Matrix& gateActivations() const { return m_ws.z; }
  // The gates' names in row order, and which gate is a tanh (its saturation is |a| > 0.9747,
  // a sigmoid's is a(1 − a) < 0.0125: the derivative below 5% of its maximum, as Activation).
  virtual std::vector<std::string> gateNames() const = 0;
  virtual bool gateIsTanh(Index gate) const = 0;
  // Per gate, per step t: the activation's mean and its saturated fraction over units and batch.
  struct GateTrace {
    std::string name;
    std::vector<double> mean, saturated;  // T each
  };
  std::vector<GateTrace> gateTraces() const;
  // After backward: ‖∂L/∂h_t‖ for t = 0 .. T−1 — the Euclidean norm over the H units of the full
  // gradient reaching h_t (from its output and from step t + 1, within the truncation window),
  // computed per sample and AVERAGED over the batch.
  const std::vector<double>& stepGradientNorms() const { return m_gradNorms; }
  // The recurrent matrix of gate g, U_g (H, H); by default the candidate's (rnn: U; lstm: g; gru: n).
  virtual Index candidateGate() const = 0;
  Eigen::MatrixXd recurrentMatrix(std::span<const Scalar> params, Index gate) const;
  // Its eigenvalues (Eigen::EigenSolver, complex) and spectral radius max |λ|.
  Eigen::VectorXcd recurrentEigenvalues(std::span<const Scalar> params, Index gate) const;
  double spectralRadius(std::span<const Scalar> params, Index gate) const;

protected:
  // What one pass keeps, time-major (see above). aux: the LSTM's tanh(c_t), the GRU's U_n·h_{t−1} + b_hn.
  struct Workspace {
    Matrix xs;   // (F, T·B) the input
    Matrix z;    // (G·H, T·B) W·x + b, then (each step) + U·h_{t−1}, then the gates' activations
    Matrix h;    // (H, (T+1)·B) block 0 = h₋₁
    Matrix c;    // lstm: (H, (T+1)·B) block 0 = c₋₁
    Matrix aux;  // (H, T·B)
    Matrix y;    // the output
  };

  // One step forward: the cell's part of step t, with ws.z's block t holding W·x_t + b (this
  // layer's G·H rows) and ws.h's block t holding h_{t−1}. Adds U·h_{t−1} (addRecurrentProduct), turns
  // block t of z into the gates' activations and writes h_t (block t + 1 of ws.h, and of ws.c).
  virtual void stepForward(Index t, Workspace& ws, std::span<const Scalar> params) const = 0;
  // One step backward. In: dh = ∂L/∂h_t (H, B), dc = ∂L/∂c_t (lstm; the carry from step t + 1).
  // Writes dzx = ∂L/∂(W·x_t + b) and dzh = ∂L/∂(U·h_{t−1}) (G·H, B; equal except the gru's n),
  // and leaves in dh the part of ∂L/∂h_{t−1} that does not go through U (gru: (1 − z)⊙dh; else 0)
  // and in dc ∂L/∂c_{t−1}; the base adds Uᵀ·dzh.
  virtual void stepBackward(Index t, const Workspace& ws, std::span<const Scalar> params, Matrix& dh, Matrix& dc,
                            Eigen::Ref<Matrix> dzx, Eigen::Ref<Matrix> dzh) const = 0;
  // Whether dzh can differ from dzx (the gru); otherwise only dzx is kept and used for ∂U.
  virtual bool separateRecurrentGradient() const { return false; }
  // The cell's extra bias (gru: b_hn): its gradient from dzh, all steps (G·H, T·B).
  virtual void extraBiasGradient(const Matrix& /*dzh*/, std::span<Scalar> /*grads*/) const {}
  // The bias of gate g set apart from init.bias (lstm: forget), else NaN.
  virtual double gateBias(Index /*gate*/) const { return std::numeric_limits<double>::quiet_NaN(); }
  // Whether the cell keeps c (lstm).
  virtual bool hasCellState() const { return false; }

  // z's block t += U·h_{t−1}: one gemm over the batch.
  void addRecurrentProduct(Index t, Workspace& ws, std::span<const Scalar> params) const;
  ConstMatrixMap recurrentWeights(std::span<const Scalar> params) const {
    return ConstMatrixMap(params.data() + m_gates * m_units * m_features, m_gates * m_units, m_units);
  }
  const Scalar* extraBias(std::span<const Scalar> params) const {
    return params.data() + weightCount() + m_gates * m_units;
  }
  static auto block(Matrix& m, Index t, Index B) { return m.middleCols(t * B, B); }
  static auto block(const Matrix& m, Index t, Index B) { return m.middleCols(t * B, B); }

  Index m_units, m_gates;

private:
  Index weightCount() const { return m_gates * m_units * (m_features + m_units); }
  // The whole forward pass into ws.
  void run(const Matrix& x, Workspace& ws, std::span<const Scalar> params) const;
  // Backpropagates the H unit vectors of h_to along one sequence down to h_from, handing
  // (∂h_to/∂h_s)ᵀ to `visit` for s = to, to − 1, …, from.
  void sweepStateJacobian(const Matrix& x, Index from, Index to, std::span<const Scalar> params,
                          const std::function<void(Index, const Matrix&)>& visit) const;

  Index m_features, m_steps, m_extraBias, m_truncation;
  bool m_allSteps;
  std::string m_recurrentInit;
  double m_recurrentGain;
  Matrix m_h0, m_c0;
  Workspace m_ws;
  Matrix m_dzx, m_dzh, m_dh, m_dc, m_dxs, m_dx;
  std::vector<double> m_gradNorms;
};

}  // namespace dl
