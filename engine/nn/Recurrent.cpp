// The recurrent layers' shared passes: layout changes, the batched products, BPTT with truncation,
// initialisation and diagnostics. Shapes with F input features, H units, G gates, T steps, B samples:
//   x (F·T, B)   xs (F, T·B)   z (G·H, T·B)   h (H, (T+1)·B)   y (H·T, B) or (H, B)
#include "nn/Recurrent.h"

#include "core/Error.h"
#include "core/Gemm.h"
#include "init/Initializer.h"

#include <Eigen/Eigenvalues>
#include <Eigen/SVD>

#include <cmath>
#include <stdexcept>

namespace dl {

Recurrent::Recurrent(Shape in, const LayerSpec& spec, Index gates, Index extraBias, const std::string& field)
    : Layer(in),
      m_units(spec.units),
      m_gates(gates),
      m_features(in.channels * in.height * in.width),
      m_steps(in.time),
      m_extraBias(extraBias),
      m_truncation(spec.truncation),
      m_allSteps(spec.returnSequences),
      m_recurrentInit(spec.recurrentInit),
      m_recurrentGain(spec.recurrentGain) {
  if (m_units < 1)
    throw ConfigError(field + ".units", std::to_string(m_units), {DL_TRANSLATE_NOOP("dl", "must be >= %1"), {"1"}});
  if (m_truncation < 0)
    throw ConfigError(field + ".truncation", std::to_string(m_truncation),
                      {DL_TRANSLATE_NOOP("dl", "must be >= %1"), {"0"}});
  if (!m_recurrentInit.empty() && m_recurrentInit != "orthogonal" && m_recurrentInit != "identity")
    throw ConfigError(field + ".recurrentInit", m_recurrentInit,
                      {DL_TRANSLATE_NOOP("dl", "must be one of %1"), {"\"\", orthogonal, identity"}});
  if (!(m_recurrentGain >= 0 && m_recurrentGain <= 10))
    throw ConfigError(field + ".recurrentGain", formatValue(m_recurrentGain),
                      {DL_TRANSLATE_NOOP("dl", "must be between %1 and %2"), {"0", "10"}});
}

void Recurrent::initialize(const InitConfig& init, Rng& rng, std::span<Scalar> params, std::span<Scalar>) const {
  const Index H = m_units, GH = m_gates * m_units;
  initializeWeights(init, MatrixMap(params.data(), GH, m_features), rng);
  MatrixMap U(params.data() + GH * m_features, GH, H);
  InitConfig recurrent = init;
  if (m_recurrentInit == "orthogonal") {
    recurrent.scheme = "orthogonal";
    recurrent.gain = m_recurrentGain;
  }
  Matrix block(H, H);
  for (Index g = 0; g < m_gates; ++g) {
    if (m_recurrentInit == "identity")
      block = static_cast<Scalar>(m_recurrentGain) * Matrix::Identity(H, H);
    else
      initializeWeights(recurrent, MatrixMap(block.data(), H, H), rng);
    U.middleRows(g * H, H) = block;
  }
  VectorMap b(params.data() + weightCount(), GH);
  b.setConstant(static_cast<Scalar>(init.bias));
  for (Index g = 0; g < m_gates; ++g)
    if (const double v = gateBias(g); !std::isnan(v)) b.segment(g * H, H).setConstant(static_cast<Scalar>(v));
  VectorMap(params.data() + weightCount() + GH, m_extraBias).setZero();
}

void Recurrent::setInitialState(Matrix h0, Matrix c0) {
  m_h0 = std::move(h0);
  m_c0 = std::move(c0);
}

void Recurrent::addRecurrentProduct(Index t, Workspace& ws, std::span<const Scalar> params) const {
  const Index B = ws.h.cols() / (m_steps + 1);
  gemm(block(ws.z, t, B), recurrentWeights(params), Trans::No, block(ws.h, t, B), Trans::No, true);
}

// xs(f, t·B + b) = x(f·T + t, b);  z = W·xs + b;  then step by step;  y from h.
void Recurrent::run(const Matrix& x, Workspace& ws, std::span<const Scalar> params) const {
  const Index B = x.cols(), T = m_steps, F = m_features, H = m_units, GH = m_gates * m_units;
  ws.xs.resize(F, T * B);
  for (Index b = 0; b < B; ++b)
    for (Index f = 0; f < F; ++f)
      for (Index t = 0; t < T; ++t) ws.xs(f, t * B + b) = x(f * T + t, b);
  ws.z.resize(GH, T * B);
  gemm(ws.z, ConstMatrixMap(params.data(), GH, F), Trans::No, ws.xs, Trans::No);
  ws.z.colwise() += ConstVectorMap(params.data() + weightCount(), GH);
  const auto start = [&](Matrix& m, const Matrix& initial) {
    m.resize(H, (T + 1) * B);
    if (initial.size() == 0) {
      block(m, 0, B).setZero();
    } else {
      if (initial.rows() != H || initial.cols() != B)
        throw std::invalid_argument("Recurrent: the initial state must be (units, batch)");
      block(m, 0, B) = initial;
    }
  };
  start(ws.h, m_h0);
  if (hasCellState()) start(ws.c, m_c0);
  ws.aux.resize(H, T * B);
  for (Index t = 0; t < T; ++t) stepForward(t, ws, params);
  if (m_allSteps) {
    ws.y.resize(H * T, B);
    for (Index b = 0; b < B; ++b)
      for (Index u = 0; u < H; ++u)
        for (Index t = 0; t < T; ++t) ws.y(u * T + t, b) = ws.h(u, (t + 1) * B + b);
  } else {
    ws.y = block(ws.h, T, B);
  }
}

const Matrix& Recurrent::forward(const Matrix& x, const Pass&, std::span<const Scalar> params, std::span<Scalar>) {
  run(x, m_ws, params);
  return m_ws.y;
}

const Matrix& Recurrent::infer(const Matrix& x, Matrix& out, std::span<const Scalar> params,
                               std::span<const Scalar>) const {
  Workspace ws;
  run(x, ws, params);
  out = std::move(ws.y);
  return out;
}

// Backwards from t = T−1: dh_t = dy_t (+ the carry from t + 1); the cell gives dzx_t, dzh_t and
// its direct carry; dh_{t−1} = carry + Uᵀ·dzh_t, or 0 across a truncation cut. Then, all steps at once:
// ∂W = dzx·xsᵀ;  ∂U = dzh·[h₋₁ … h_{T−2}]ᵀ;  ∂b = Σ dzx;  dxs = Wᵀ·dzx.
const Matrix& Recurrent::backward(const Matrix&, const Matrix& dy, std::span<const Scalar> params,
                                  std::span<Scalar> grads, bool wantInputGradient) {
  const Index B = dy.cols(), T = m_steps, F = m_features, H = m_units, GH = m_gates * m_units;
  const Workspace& ws = m_ws;
  const bool separate = separateRecurrentGradient();
  m_dzx.resize(GH, T * B);
  if (separate) m_dzh.resize(GH, T * B);
  Matrix& dzh = separate ? m_dzh : m_dzx;
  m_dh.setZero(H, B);
  m_dc.setZero(H, B);
  m_gradNorms.assign(static_cast<std::size_t>(T), 0.0);
  const ConstMatrixMap U = recurrentWeights(params);
  for (Index t = T - 1; t >= 0; --t) {
    if (m_allSteps) {
      for (Index b = 0; b < B; ++b)
        for (Index u = 0; u < H; ++u) m_dh(u, b) += dy(u * T + t, b);
    } else if (t == T - 1) {
      m_dh += dy;
    }
    m_gradNorms[static_cast<std::size_t>(t)] = B > 0 ? m_dh.colwise().norm().sum() / static_cast<double>(B) : 0.0;
    stepBackward(t, ws, params, m_dh, m_dc, block(m_dzx, t, B), block(dzh, t, B));
    if (t == 0) break;
    if (cutBefore(t)) {
      m_dh.setZero();
      m_dc.setZero();
    } else {
      gemm(m_dh, U, Trans::Yes, block(dzh, t, B), Trans::No, true);
    }
  }
  MatrixMap gW(grads.data(), GH, F), gU(grads.data() + GH * F, GH, H);
  gemm(gW, m_dzx, Trans::No, ws.xs, Trans::Yes);
  gemm(gU, dzh, Trans::No, ws.h.leftCols(T * B), Trans::Yes);
  VectorMap(grads.data() + weightCount(), GH) = m_dzx.rowwise().sum();
  extraBiasGradient(dzh, grads);
  if (!wantInputGradient) return m_dx;
  m_dxs.resize(F, T * B);
  gemm(m_dxs, ConstMatrixMap(params.data(), GH, F), Trans::Yes, m_dzx, Trans::No);
  m_dx.resize(F * T, B);
  for (Index b = 0; b < B; ++b)
    for (Index f = 0; f < F; ++f)
      for (Index t = 0; t < T; ++t) m_dx(f * T + t, b) = m_dxs(f, t * B + b);
  return m_dx;
}

Recurrent::Trace Recurrent::trace(const Matrix& x, std::span<const Scalar> params) const {
  Workspace ws;
  run(x, ws, params);
  return {std::move(ws.z), std::move(ws.h), std::move(ws.c)};
}

// dh starts as the identity (column i = e_i at h_to, one copy of the sequence per column); each
// step back turns column i into ∂h_to,i/∂h_{t−1}. The result is its transpose.
void Recurrent::sweepStateJacobian(const Matrix& x, Index from, Index to, std::span<const Scalar> params,
                                   const std::function<void(Index, const Matrix&)>& visit) const {
  if (x.cols() != 1 || from < 0 || from > to || to >= m_steps)
    throw std::invalid_argument("Recurrent::stateJacobian: one sequence and 0 <= from <= to < T");
  const Index H = m_units, GH = m_gates * m_units;
  Workspace ws;
  run(x.replicate(1, H), ws, params);
  Matrix dh = Matrix::Identity(H, H), dc = Matrix::Zero(H, H);
  Matrix dzx(GH, H), dzhSeparate(GH, H);
  Matrix& dzh = separateRecurrentGradient() ? dzhSeparate : dzx;
  const ConstMatrixMap U = recurrentWeights(params);
  visit(to, dh);
  for (Index t = to; t > from; --t) {
    stepBackward(t, ws, params, dh, dc, dzx, dzh);
    gemm(dh, U, Trans::Yes, dzh, Trans::No, true);
    // (dc now holds ∂h_to/∂c_{t−1}, which the Jacobian with c_{t−1} held fixed leaves out.)
    visit(t - 1, dh);  // dh = (∂h_to/∂h_{t−1})ᵀ
  }
}

Eigen::MatrixXd Recurrent::stateJacobian(const Matrix& x, Index from, Index to, std::span<const Scalar> params) const {
  Eigen::MatrixXd J;
  sweepStateJacobian(x, from, to, params, [&](Index s, const Matrix& dh) {
    if (s == from) J = dh.transpose().cast<double>();
  });
  return J;
}

std::vector<double> Recurrent::stateJacobianNorms(const Matrix& x, Index to, std::span<const Scalar> params) const {
  std::vector<double> norms(static_cast<std::size_t>(std::max<Index>(to + 1, 0)));
  sweepStateJacobian(x, 0, to, params, [&](Index s, const Matrix& dh) {
    norms[static_cast<std::size_t>(s)] = Eigen::JacobiSVD<Eigen::MatrixXd>(dh.cast<double>()).singularValues()(0);
  });
  return norms;
}

std::vector<Recurrent::GateTrace> Recurrent::gateTraces() const {
  const Matrix& z = m_ws.z;
  const Index H = m_units, B = z.cols() / m_steps;
  const std::vector<std::string> names = gateNames();
  std::vector<GateTrace> out;
  for (Index g = 0; g < m_gates; ++g) {
    GateTrace trace;
    trace.name = names[static_cast<std::size_t>(g)];
    const bool tanhGate = gateIsTanh(g);
    for (Index t = 0; t < m_steps && B > 0; ++t) {
      const auto a = z.block(g * H, t * B, H, B).array();
      trace.mean.push_back(static_cast<double>(a.mean()));
      const Index saturated = tanhGate ? ((Scalar(1) - a.square()) < Scalar(0.05)).count()
                                       : ((a * (Scalar(1) - a)) < Scalar(0.0125)).count();
      trace.saturated.push_back(static_cast<double>(saturated) / static_cast<double>(H * B));
    }
    out.push_back(std::move(trace));
  }
  return out;
}

Eigen::MatrixXd Recurrent::recurrentMatrix(std::span<const Scalar> params, Index gate) const {
  return recurrentWeights(params).middleRows(gate * m_units, m_units).cast<double>();
}

Eigen::VectorXcd Recurrent::recurrentEigenvalues(std::span<const Scalar> params, Index gate) const {
  const Eigen::EigenSolver<Eigen::MatrixXd> solver(recurrentMatrix(params, gate), false);
  return solver.eigenvalues();
}

double Recurrent::spectralRadius(std::span<const Scalar> params, Index gate) const {
  return recurrentEigenvalues(params, gate).cwiseAbs().maxCoeff();
}

}  // namespace dl
