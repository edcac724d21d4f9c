// The MLP's forward and backward passes, with batch normalisation (Ioffe & Szegedy 2015) and
// inverted dropout (Srivastava et al. 2014). Shapes: X (in, B), W (rows, in), Z (rows, B).
#include "nn/Network.h"

#include "core/Error.h"
#include "core/Gemm.h"
#include "init/Initializer.h"

#include <cmath>
#include <string>

namespace dl {

namespace {
Index take(Index& cursor, Index n) {
  const Index at = cursor;
  cursor += n;
  return at;
}
}  // namespace

Network::Network(Index inputs, const std::vector<LayerConfig>& hidden, Index outputs) : m_inputs(inputs) {
  if (inputs < 1)
    throw ConfigError("data.features", std::to_string(inputs),
                      DL_TRANSLATE_NOOP("dl", "the data must have at least one feature"));
  if (outputs < 1)
    throw ConfigError("outputs", std::to_string(outputs),
                      DL_TRANSLATE_NOOP("dl", "the network needs at least one output"));
  if (hidden.size() > 64)
    throw ConfigError("layers", std::to_string(hidden.size()),
                      {DL_TRANSLATE_NOOP("dl", "at most %1 hidden layers"), {"64"}});
  Index cursor = 0, bufferCursor = 0, in = inputs;
  auto place = [&](Layer& L) {
    LayerInfo& I = L.info;
    const Index start = cursor;
    I.weights = {take(cursor, I.rows * I.in), I.rows * I.in};
    if (I.batchNorm) {
      I.gamma = {take(cursor, I.rows), I.rows};
      I.beta = {take(cursor, I.rows), I.rows};
      I.running = {take(bufferCursor, 2 * I.rows), 2 * I.rows};
    } else {
      I.bias = {take(cursor, I.rows), I.rows};
    }
    if (L.act) {
      const Index n = L.act->paramCount(I.units);
      I.actParams = {take(cursor, n), n};
    }
    I.all = {start, cursor - start};
  };
  for (std::size_t i = 0; i < hidden.size(); ++i) {
    const LayerConfig& c = hidden[i];
    const std::string field = "layers[" + std::to_string(i) + "]";
    if (c.units < 1 || c.units > 4096)
      throw ConfigError(field + ".units", std::to_string(c.units),
                        {DL_TRANSLATE_NOOP("dl", "a layer needs between %1 and %2 units"), {"1", "4096"}});
    if (!std::isfinite(c.dropout) || c.dropout < 0 || c.dropout >= 1)
      throw ConfigError(field + ".dropout", formatValue(c.dropout),
                        {DL_TRANSLATE_NOOP("dl", "the dropout rate must be in %1"), {"[0, 1)"}});
    Layer L;
    L.act = makeActivation(c, field);
    L.info.in = in;
    L.info.units = c.units;
    L.info.rows = c.units * L.act->pieces();
    L.info.batchNorm = c.batchNorm;
    L.info.dropout = c.dropout;
    place(L);
    in = c.units;
    m_layers.push_back(std::move(L));
  }
  Layer out;
  out.info.in = in;
  out.info.units = outputs;
  out.info.rows = outputs;
  out.info.output = true;
  place(out);
  m_layers.push_back(std::move(out));
  m_params = Vector::Zero(cursor);
  m_grads = Vector::Zero(cursor);
  m_buffers = Vector::Zero(bufferCursor);
}

MatrixMap Network::weights(int l) {
  const LayerInfo& I = m_layers[l].info;
  return MatrixMap(m_params.data() + I.weights.offset, I.rows, I.in);
}
ConstMatrixMap Network::weights(int l) const {
  const LayerInfo& I = m_layers[l].info;
  return ConstMatrixMap(m_params.data() + I.weights.offset, I.rows, I.in);
}

void Network::initialize(const InitConfig& init, Rng& rng) {
  for (Layer& L : m_layers) {
    const LayerInfo& I = L.info;
    initializeWeights(init, MatrixMap(m_params.data() + I.weights.offset, I.rows, I.in), rng);
    m_params.segment(I.bias.offset, I.bias.size).setConstant(static_cast<Scalar>(init.bias));
    m_params.segment(I.gamma.offset, I.gamma.size).setOnes();
    m_params.segment(I.beta.offset, I.beta.size).setZero();
    if (L.act && I.actParams.size) L.act->initParams(m_params.data() + I.actParams.offset, I.units);
    if (I.batchNorm) {
      m_buffers.segment(I.running.offset, I.rows).setZero();
      m_buffers.segment(I.running.offset + I.rows, I.rows).setOnes();
    }
  }
  m_grads.setZero();
}

// ---------------------------------------------------------------------------------------------
// Batch normalisation. Train: μ, σ² over the batch (biased), x̂ = (z−μ)/√(σ²+ε), y = γx̂ + β;
// running stats move by momentum m with the unbiased variance. Eval: running μ, σ² instead.
void Network::batchNormForward(Layer& L, Mode mode) {
  const LayerInfo& I = L.info;
  const Index B = L.lin.cols();
  const ConstVectorMap gamma(m_params.data() + I.gamma.offset, I.rows);
  const ConstVectorMap beta(m_params.data() + I.beta.offset, I.rows);
  VectorMap runMean(m_buffers.data() + I.running.offset, I.rows);
  VectorMap runVar(m_buffers.data() + I.running.offset + I.rows, I.rows);
  L.xhat.resize(I.rows, B);
  if (mode == Mode::Train) {
    const Vector mean = L.lin.rowwise().mean();
    L.xhat = L.lin.colwise() - mean;
    const Vector var = L.xhat.array().square().rowwise().mean();
    L.invStd = (var.array() + Scalar(kBatchNormEpsilon)).rsqrt();
    L.xhat.array().colwise() *= L.invStd.array();
    const auto m = static_cast<Scalar>(kBatchNormMomentum);
    const Scalar unbias = B > 1 ? Scalar(B) / Scalar(B - 1) : Scalar(1);
    runMean = (Scalar(1) - m) * runMean + m * mean;
    runVar = (Scalar(1) - m) * runVar + (m * unbias) * var;
  } else {
    L.invStd = (runVar.array() + Scalar(kBatchNormEpsilon)).rsqrt();
    L.xhat = L.lin.colwise() - Vector(runMean);
    L.xhat.array().colwise() *= L.invStd.array();
  }
  L.z.resize(I.rows, B);
  L.z.array() = (L.xhat.array().colwise() * gamma.array()).colwise() + beta.array();
}

// ∂γ = Σ_b dy⊙x̂;  ∂β = Σ_b dy;  dx̂ = dy⊙γ;
// train: dz = (1/B)·invStd⊙(B·dx̂ − Σ_b dx̂ − x̂⊙Σ_b(dx̂⊙x̂));   eval: dz = dx̂⊙invStd
void Network::batchNormBackward(Layer& L, const Matrix& dy, Matrix& dlin) {
  const LayerInfo& I = L.info;
  const Index B = dy.cols();
  const ConstVectorMap gamma(m_params.data() + I.gamma.offset, I.rows);
  m_grads.segment(I.gamma.offset, I.rows) = (dy.array() * L.xhat.array()).rowwise().sum().matrix();
  m_grads.segment(I.beta.offset, I.rows) = dy.rowwise().sum();
  dlin.resize(I.rows, B);
  dlin.array() = dy.array().colwise() * gamma.array();  // dx̂
  if (L.mode == Mode::Train) {
    const Vector sumDx = dlin.rowwise().sum();
    const Vector sumDxX = (dlin.array() * L.xhat.array()).rowwise().sum();
    dlin.array() = (Scalar(B) * dlin.array() - L.xhat.array().colwise() * sumDxX.array()).colwise() - sumDx.array();
    dlin.array().colwise() *= L.invStd.array() / Scalar(B);
  } else {
    dlin.array().colwise() *= L.invStd.array();
  }
}

// ---------------------------------------------------------------------------------------------
// forward: for each layer  lin = W·x (+ b);  z = BN(lin) or lin;  a = f(z);  out = a⊙mask
void Network::forward(const Matrix& X, Mode mode) {
  const Matrix* x = &X;
  const Index B = X.cols();
  for (Layer& L : m_layers) {
    const LayerInfo& I = L.info;
    L.mode = mode;
    const ConstMatrixMap W(m_params.data() + I.weights.offset, I.rows, I.in);
    Matrix& target = I.batchNorm ? L.lin : L.z;
    target.resize(I.rows, B);
    gemm(target, W, Trans::No, *x, Trans::No);
    if (I.batchNorm) {
      batchNormForward(L, mode);
    } else {
      L.z.colwise() += ConstVectorMap(m_params.data() + I.bias.offset, I.rows);
    }
    if (I.output) break;
    L.act->forward(L.z, L.a, m_params.data() + I.actParams.offset);
    L.dropped = mode == Mode::Train && I.dropout > 0;
    if (L.dropped) {
      const bool reuse = m_masksFrozen && L.mask.rows() == I.units && L.mask.cols() == B;
      if (!reuse) {
        const double keep = 1.0 - I.dropout;
        const auto scale = static_cast<Scalar>(1.0 / keep);
        L.mask.resize(I.units, B);
        for (Index i = 0; i < L.mask.size(); ++i) L.mask.data()[i] = m_dropoutRng.uniform() < keep ? scale : Scalar(0);
      }
      L.out.resize(I.units, B);
      L.out.array() = L.a.array() * L.mask.array();
    }
    x = &layerOutput(L);
  }
}

// backward: dlin = ∂L/∂lin;  ∂W = dlin·xᵀ;  ∂b = Σ_b dlin;  dx = Wᵀ·dlin (not for the first layer)
void Network::backward(const Matrix& X, const Matrix& dLogits) {
  const int n = layerCount();
  const Matrix* dOut = &dLogits;  // gradient w.r.t. this layer's output (after dropout)
  for (int l = n - 1; l >= 0; --l) {
    Layer& L = m_layers[l];
    const LayerInfo& I = L.info;
    const Matrix& x = l == 0 ? X : layerOutput(m_layers[l - 1]);
    const Matrix* dlin = dOut;
    if (!I.output) {
      if (L.dropped) {
        L.dx.resize(I.units, dOut->cols());
        L.dx.array() = dOut->array() * L.mask.array();
        dOut = &L.dx;
      }
      Scalar* gAct = I.actParams.size ? m_grads.data() + I.actParams.offset : nullptr;
      if (gAct) VectorMap(gAct, I.actParams.size).setZero();
      L.act->backward(L.z, L.a, *dOut, L.dz, m_params.data() + I.actParams.offset, gAct);
      if (I.batchNorm) {
        batchNormBackward(L, L.dz, L.dlin);
        dlin = &L.dlin;
      } else {
        dlin = &L.dz;
      }
    }
    MatrixMap gW(m_grads.data() + I.weights.offset, I.rows, I.in);
    gemm(gW, *dlin, Trans::No, x, Trans::Yes);
    if (!I.batchNorm) m_grads.segment(I.bias.offset, I.rows) = dlin->rowwise().sum();
    if (l > 0) {
      Layer& below = m_layers[l - 1];
      const ConstMatrixMap W(m_params.data() + I.weights.offset, I.rows, I.in);
      below.dx.resize(I.in, dlin->cols());
      gemm(below.dx, W, Trans::Yes, *dlin, Trans::No);
      dOut = &below.dx;
    }
  }
}

double Network::saturation(int l) const {
  const Layer& L = m_layers[l];
  if (!L.act) return std::nan("");
  return L.act->saturation(L.z, L.a);
}

double Network::activationMean(int l) const {
  const Layer& L = m_layers[l];
  if (!L.act || L.a.size() == 0) return std::nan("");
  return L.a.cast<double>().mean();
}

const Matrix& Network::hiddenOutput(int l) const { return layerOutput(m_layers[l]); }

void Network::setDropout(int l, double rate) {
  if (!std::isfinite(rate) || rate < 0 || rate >= 1)
    throw ConfigError("layers[" + std::to_string(l) + "].dropout", formatValue(rate),
                      {DL_TRANSLATE_NOOP("dl", "the dropout rate must be in %1"), {"[0, 1)"}});
  m_layers[l].info.dropout = rate;
}

// ---------------------------------------------------------------------------------------------
void Network::infer(const Matrix& X, Matrix& logits, Workspace& ws, std::vector<Matrix>* hidden) const {
  const Matrix* x = &X;
  const Index B = X.cols();
  if (hidden) hidden->resize(m_layers.size() - 1);
  for (std::size_t l = 0; l < m_layers.size(); ++l) {
    const Layer& L = m_layers[l];
    const LayerInfo& I = L.info;
    const ConstMatrixMap W(m_params.data() + I.weights.offset, I.rows, I.in);
    Matrix& z = I.output ? logits : ws.z;
    z.resize(I.rows, B);
    gemm(z, W, Trans::No, *x, Trans::No);
    if (I.batchNorm) {
      const ConstVectorMap mean(m_buffers.data() + I.running.offset, I.rows);
      const ConstVectorMap var(m_buffers.data() + I.running.offset + I.rows, I.rows);
      const ConstVectorMap gamma(m_params.data() + I.gamma.offset, I.rows);
      const ConstVectorMap beta(m_params.data() + I.beta.offset, I.rows);
      const Vector scale = gamma.array() * (var.array() + Scalar(kBatchNormEpsilon)).rsqrt();
      z = z.colwise() - Vector(mean);
      z.array() = (z.array().colwise() * scale.array()).colwise() + beta.array();
    } else {
      z.colwise() += ConstVectorMap(m_params.data() + I.bias.offset, I.rows);
    }
    if (I.output) break;
    Matrix& a = ws.a[l % 2];
    L.act->forward(z, a, m_params.data() + I.actParams.offset);
    if (hidden) (*hidden)[l] = a;
    x = &a;
  }
}

}  // namespace dl
