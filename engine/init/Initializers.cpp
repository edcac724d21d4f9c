// The weight initialisers and their registry. W is (fan_out, fan_in): fan_in = W.cols(),
// fan_out = W.rows() unless the caller gives the fans (convolutions). Random numbers come only
// from dl::Rng, drawn in W's storage order (column-major), so a seed gives the same weights everywhere.
#include "init/Initializer.h"

#include "core/Error.h"
#include "config/ConfigChecks.h"

#include <Eigen/QR>

#include <algorithm>
#include <cmath>

namespace dl {

namespace {

void fillNormal(MatrixMap W, Rng& rng, double sigma) {
  Scalar* w = W.data();
  for (Index i = 0; i < W.size(); ++i) w[i] = static_cast<Scalar>(sigma * rng.normal());
}

void fillUniform(MatrixMap W, Rng& rng, double limit) {
  Scalar* w = W.data();
  for (Index i = 0; i < W.size(); ++i) w[i] = static_cast<Scalar>(rng.uniform(-limit, limit));
}

double fanInOf(Index in, Index) { return static_cast<double>(in); }
double fanSumOf(Index in, Index out) { return static_cast<double>(in + out); }

// Orthogonal (Saxe, McClelland & Ganguli 2014, "Exact solutions to the nonlinear dynamics of
// learning in deep linear neural networks", ICLR). A (rows, cols) Gaussian matrix A with
// rows >= cols has A = Q·R; Q·sign(diag R) is Haar-distributed with orthonormal columns, so
// WᵀW = gain²·I. For rows < cols the transpose is built the same way, so WWᵀ = gain²·I.
void fillOrthogonal(MatrixMap W, Rng& rng, double gain) {
  using MatrixD = Eigen::MatrixXd;
  const bool wide = W.rows() < W.cols();
  const Index m = wide ? W.cols() : W.rows();  // m >= n
  const Index n = wide ? W.rows() : W.cols();
  MatrixD A(W.rows(), W.cols());
  for (Index i = 0; i < A.size(); ++i) A.data()[i] = rng.normal();
  if (wide) A.transposeInPlace();  // (m, n)
  const Eigen::HouseholderQR<MatrixD> qr(A);
  MatrixD Q = qr.householderQ() * MatrixD::Identity(m, n);  // (m, n) thin Q
  // Without the sign correction Q is biased by the QR convention; sign(0) counts as +1.
  const Eigen::VectorXd d = qr.matrixQR().diagonal().head(n);
  for (Index j = 0; j < n; ++j)
    if (d(j) < 0) Q.col(j) = -Q.col(j);
  Q *= gain;
  if (wide)
    W = Q.transpose().cast<Scalar>();
  else
    W = Q.cast<Scalar>();
}

struct Entry {
  const char* name;
  // fanIn, fanOut: W.cols(), W.rows() for a dense layer; a convolution's own (see Initializer.h).
  void (*fill)(const InitConfig& c, MatrixMap W, Rng& rng, Index fanIn, Index fanOut);
  // The standard deviation of one weight of a (fanOut, fanIn) layer, fanIn, fanOut >= 1.
  double (*stdDev)(const InitConfig& c, Index fanIn, Index fanOut);
};

const double kSqrt3 = std::sqrt(3.0);

// One row per scheme: its fill and the standard deviation it implies (U(−L, L) has std L/√3).
const Entry kInitializers[] = {
    {"zeros", [](const InitConfig&, MatrixMap W, Rng&, Index, Index) { W.setZero(); },
     [](const InitConfig&, Index, Index) { return 0.0; }},
    {"constant",
     [](const InitConfig& c, MatrixMap W, Rng&, Index, Index) { W.setConstant(static_cast<Scalar>(c.value)); },
     [](const InitConfig&, Index, Index) { return 0.0; }},
    // N(0, σ²)
    {"normal", [](const InitConfig& c, MatrixMap W, Rng& rng, Index, Index) { fillNormal(W, rng, c.sigma); },
     [](const InitConfig& c, Index, Index) { return c.sigma; }},
    // U(−limit, limit)
    {"uniform", [](const InitConfig& c, MatrixMap W, Rng& rng, Index, Index) { fillUniform(W, rng, c.limit); },
     [](const InitConfig& c, Index, Index) { return c.limit / kSqrt3; }},
    // Glorot & Bengio 2010, "Understanding the difficulty of training deep feedforward neural
    // networks", AISTATS: Var(w) = 2/(fan_in + fan_out), i.e. U(±√(6/(fan_in + fan_out))) ...
    {"xavier_uniform",
     [](const InitConfig&, MatrixMap W, Rng& rng, Index in, Index out) {
       fillUniform(W, rng, std::sqrt(6.0 / fanSumOf(in, out)));
     },
     [](const InitConfig&, Index in, Index out) { return std::sqrt(2.0 / fanSumOf(in, out)); }},
    // ... or N(0, 2/(fan_in + fan_out)): σ = √(2/(fan_in + fan_out)).
    {"xavier_normal",
     [](const InitConfig&, MatrixMap W, Rng& rng, Index in, Index out) {
       fillNormal(W, rng, std::sqrt(2.0 / fanSumOf(in, out)));
     },
     [](const InitConfig&, Index in, Index out) { return std::sqrt(2.0 / fanSumOf(in, out)); }},
    // He, Zhang, Ren & Sun 2015, "Delving Deep into Rectifiers", ICCV: Var(w) = 2/fan_in keeps
    // the variance of ReLU activations constant. N(0, 2/fan_in) ...
    {"he_normal",
     [](const InitConfig&, MatrixMap W, Rng& rng, Index in, Index out) {
       fillNormal(W, rng, std::sqrt(2.0 / fanInOf(in, out)));
     },
     [](const InitConfig&, Index in, Index out) { return std::sqrt(2.0 / fanInOf(in, out)); }},
    // ... or U(±√(6/fan_in)).
    {"he_uniform",
     [](const InitConfig&, MatrixMap W, Rng& rng, Index in, Index out) {
       fillUniform(W, rng, std::sqrt(6.0 / fanInOf(in, out)));
     },
     [](const InitConfig&, Index in, Index out) { return std::sqrt(2.0 / fanInOf(in, out)); }},
    // LeCun, Bottou, Orr & Müller 1998, "Efficient BackProp": Var(w) = 1/fan_in, N(0, 1/fan_in).
    {"lecun_normal",
     [](const InitConfig&, MatrixMap W, Rng& rng, Index in, Index out) {
       fillNormal(W, rng, std::sqrt(1.0 / fanInOf(in, out)));
     },
     [](const InitConfig&, Index in, Index out) { return std::sqrt(1.0 / fanInOf(in, out)); }},
    // Semi-orthogonal times gain. The entries' root mean square (exact, and their std about the
    // mean 0): ‖W‖²_F = gain²·min(fan_in, fan_out) spread over fan_in·fan_out entries, so
    // std = gain / √max(fan_in, fan_out).
    {"orthogonal", [](const InitConfig& c, MatrixMap W, Rng& rng, Index, Index) { fillOrthogonal(W, rng, c.gain); },
     [](const InitConfig& c, Index in, Index out) {
       return c.gain / std::sqrt(static_cast<double>(std::max(in, out)));
     }},
};

const Entry& entryFor(const InitConfig& c) {
  validateInitConfig(c);  // the scheme too: an unknown one throws here
  for (const auto& e : kInitializers)
    if (c.scheme == e.name) return e;
  return kInitializers[0];  // unreachable: validateInitConfig knows the same names
}

}  // namespace

const std::vector<std::string>& initializerNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const auto& e : kInitializers) v.emplace_back(e.name);
    return v;
  }();
  return names;
}

void initializeWeights(const InitConfig& c, MatrixMap W, Rng& rng) { initializeWeights(c, W, rng, W.cols(), W.rows()); }

void initializeWeights(const InitConfig& c, MatrixMap W, Rng& rng, Index fanIn, Index fanOut) {
  const Entry& e = entryFor(c);
  if (W.size() == 0) return;  // an empty layer: nothing to draw, and no fan to divide by
  e.fill(c, W, rng, fanIn, fanOut);
}

double initializerStdDev(const InitConfig& c, Index fanIn, Index fanOut) {
  const Entry& e = entryFor(c);
  if (fanIn < 1 || fanOut < 1) return 0.0;  // an empty layer has no weights
  return e.stdDev(c, fanIn, fanOut);
}

}  // namespace dl
