// Softmax + cross-entropy, sigmoid + binary cross-entropy, mean squared error, and squared error on
// softmax or sigmoid class probabilities.
#include "loss/Loss.h"

#include "core/Error.h"

#include <cmath>

namespace dl {

namespace {

class WeightedClassLoss : public Loss {
public:
  explicit WeightedClassLoss(std::vector<double> w) : m_weights(std::move(w)) {}
  bool classification() const override { return true; }

protected:
  double weight(int y) const { return m_weights.empty() ? 1.0 : m_weights[static_cast<std::size_t>(y)]; }
  std::vector<double> m_weights;
};

// K softmax outputs: the probabilities softmax(z), the class the largest logit.
class SoftmaxClassLoss : public WeightedClassLoss {
public:
  using WeightedClassLoss::WeightedClassLoss;
  void predict(const Matrix& Z, Matrix& P) const override {
    P.resize(Z.rows(), Z.cols());
    P = (Z.rowwise() - Z.colwise().maxCoeff()).array().exp().matrix();
    P.array().rowwise() /= P.colwise().sum().array();
  }
  int predictedClass(const Matrix& Z, Index b) const override {
    Index i = 0;
    Z.col(b).maxCoeff(&i);
    return static_cast<int>(i);
  }
};

// p = softmax(z) = e^(z−max z)/Σe^(z−max z);  ℓ = −log p_y = logΣe^z − z_y;  ∂ℓ/∂z = p − onehot(y)
class SoftmaxCrossEntropy final : public SoftmaxClassLoss {
public:
  using SoftmaxClassLoss::SoftmaxClassLoss;
  std::string name() const override { return "softmax_ce"; }
  double evaluate(const Matrix& Z, const int* y, const Matrix*, Matrix* dZ) const override {
    const Index B = Z.cols();
    if (dZ) dZ->resize(Z.rows(), B);
    double total = 0, weights = 0;
    for (Index b = 0; b < B; ++b) {
      const auto z = Z.col(b);
      const Scalar zmax = z.maxCoeff();
      const double sum = (z.array() - zmax).exp().sum();
      const double logSumExp = static_cast<double>(zmax) + std::log(sum);
      const double w = weight(y[b]);
      total += w * (logSumExp - static_cast<double>(z(y[b])));
      weights += w;
      if (dZ) {
        dZ->col(b) = ((z.array() - zmax).exp() / static_cast<Scalar>(sum)).matrix();
        (*dZ)(y[b], b) -= Scalar(1);
        dZ->col(b) *= static_cast<Scalar>(w);
      }
    }
    if (dZ && weights > 0) *dZ /= static_cast<Scalar>(weights);
    return weights > 0 ? total / weights : 0.0;
  }
};

// One sigmoid output for two classes: probabilities (1 − σ(z), σ(z)), class 1 where z > 0.
class SigmoidClassLoss : public WeightedClassLoss {
public:
  using WeightedClassLoss::WeightedClassLoss;
  void predict(const Matrix& Z, Matrix& P) const override {
    P.resize(2, Z.cols());
    P.row(1) = (Scalar(1) + (-Z.row(0).array()).exp()).inverse().matrix();
    P.row(0) = (Scalar(1) - P.row(1).array()).matrix();
  }
  int predictedClass(const Matrix& Z, Index b) const override { return Z(0, b) > 0 ? 1 : 0; }
};

// p = σ(z);  ℓ = −[y·log p + (1−y)·log(1−p)] = softplus(z) − y·z (stable form);  ∂ℓ/∂z = p − y
class SigmoidBinaryCrossEntropy final : public SigmoidClassLoss {
public:
  using SigmoidClassLoss::SigmoidClassLoss;
  std::string name() const override { return "sigmoid_bce"; }
  double evaluate(const Matrix& Z, const int* y, const Matrix*, Matrix* dZ) const override {
    const Index B = Z.cols();
    if (dZ) dZ->resize(1, B);
    double total = 0, weights = 0;
    for (Index b = 0; b < B; ++b) {
      const double z = Z(0, b);
      const double softplus = z > 0 ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z));
      const double w = weight(y[b]);
      total += w * (softplus - y[b] * z);
      weights += w;
      if (dZ) (*dZ)(0, b) = static_cast<Scalar>(w * (1.0 / (1.0 + std::exp(-z)) - y[b]));
    }
    if (dZ && weights > 0) *dZ /= static_cast<Scalar>(weights);
    return weights > 0 ? total / weights : 0.0;
  }
};

// Squared error on class probabilities (loss "mse" on a classification data set), as PyTorch's
// MSELoss(softmax(z), one_hot(y)): p = softmax(z), t = onehot(y), K classes;
//   ℓ = (1/K)·Σₖ (pₖ − tₖ)²;  gₖ = ∂ℓ/∂pₖ = 2(pₖ − tₖ)/K;  ∂ℓ/∂zⱼ = pⱼ·(gⱼ − Σₖ gₖ·pₖ)
// (the softmax Jacobian ∂pₖ/∂zⱼ = pₖ(δₖⱼ − pⱼ)). Unlike cross-entropy the gradient carries the
// Jacobian's factor pⱼ(1 − pⱼ): an output that is confidently wrong (p_y ≈ 0) barely moves.
class SoftmaxSquaredError final : public SoftmaxClassLoss {
public:
  using SoftmaxClassLoss::SoftmaxClassLoss;
  std::string name() const override { return "mse"; }
  double evaluate(const Matrix& Z, const int* y, const Matrix*, Matrix* dZ) const override {
    const Index K = Z.rows(), B = Z.cols();
    Matrix local;
    Matrix& P = dZ ? *dZ : local;  // the probabilities, turned into ∂ℓ/∂z column by column
    predict(Z, P);
    const double twoOverK = 2.0 / static_cast<double>(K);
    double total = 0, weights = 0;
    for (Index b = 0; b < B; ++b) {
      auto p = P.col(b);
      double sq = 0, ep = 0;  // Σ(p − t)², Σ(p − t)·p
      for (Index j = 0; j < K; ++j) {
        const double e = static_cast<double>(p(j)) - (j == y[b] ? 1.0 : 0.0);
        sq += e * e;
        ep += e * static_cast<double>(p(j));
      }
      const double w = weight(y[b]);
      total += w * sq / static_cast<double>(K);
      weights += w;
      if (dZ) {
        const double gp = twoOverK * ep;  // Σₖ gₖ·pₖ
        for (Index j = 0; j < K; ++j) {
          const double pj = p(j);
          p(j) = static_cast<Scalar>(w * pj * (twoOverK * (pj - (j == y[b] ? 1.0 : 0.0)) - gp));
        }
      }
    }
    if (dZ && weights > 0) *dZ /= static_cast<Scalar>(weights);
    return weights > 0 ? total / weights : 0.0;
  }
};

// Squared error on one sigmoid output ("sigmoid_mse", 2 classes): p = σ(z);
//   ℓ = (p − y)²;  ∂ℓ/∂z = 2(p − y)·σ'(z) = 2(p − y)·p(1 − p)
// The factor p(1 − p) is what cross-entropy's gradient p − y lacks: at z = −8 with y = 1 it is
// 3·10⁻⁴, so a saturated, confidently wrong output learns thousands of times more slowly.
class SigmoidSquaredError final : public SigmoidClassLoss {
public:
  using SigmoidClassLoss::SigmoidClassLoss;
  std::string name() const override { return "sigmoid_mse"; }
  double evaluate(const Matrix& Z, const int* y, const Matrix*, Matrix* dZ) const override {
    const Index B = Z.cols();
    if (dZ) dZ->resize(1, B);
    double total = 0, weights = 0;
    for (Index b = 0; b < B; ++b) {
      const double z = Z(0, b);
      // p = σ(z) and q = 1 − σ(z), each from its own exponential so neither rounds to 0 or 1 early.
      const double p = z >= 0 ? 1.0 / (1.0 + std::exp(-z)) : std::exp(z) / (1.0 + std::exp(z));
      const double q = z >= 0 ? std::exp(-z) / (1.0 + std::exp(-z)) : 1.0 / (1.0 + std::exp(z));
      const double e = y[b] == 1 ? -q : p;  // p − y
      const double w = weight(y[b]);
      total += w * e * e;
      weights += w;
      if (dZ) (*dZ)(0, b) = static_cast<Scalar>(w * 2.0 * e * p * q);
    }
    if (dZ && weights > 0) *dZ /= static_cast<Scalar>(weights);
    return weights > 0 ? total / weights : 0.0;
  }
};

// ℓ = mean over samples and outputs of (ŷ − y)²;  ∂ℓ/∂ŷ = 2(ŷ − y)/(B·outputs)
class MeanSquaredError final : public Loss {
public:
  std::string name() const override { return "mse"; }
  bool classification() const override { return false; }
  double evaluate(const Matrix& Z, const int*, const Matrix* T, Matrix* dZ) const override {
    const double n = static_cast<double>(Z.size());
    if (n == 0) return 0.0;
    if (dZ) {
      *dZ = Z - *T;
      const double loss = static_cast<double>(dZ->squaredNorm()) / n;
      *dZ *= static_cast<Scalar>(2.0 / n);
      return loss;
    }
    return static_cast<double>((Z - *T).squaredNorm()) / n;
  }
  void predict(const Matrix& Z, Matrix& P) const override { P = Z; }
  int predictedClass(const Matrix&, Index) const override { return 0; }
};

}  // namespace

Index lossOutputs(const std::string& name, int numClasses, Index regressionTargets) {
  if (name == "sigmoid_bce" || name == "sigmoid_mse") return 1;
  if (name == "mse") return numClasses > 0 ? numClasses : regressionTargets;
  return numClasses;
}

std::unique_ptr<Loss> makeLoss(const std::string& name, int numClasses, const std::vector<double>& classWeights) {
  if (!classWeights.empty()) {
    if (static_cast<int>(classWeights.size()) != numClasses)
      throw ConfigError("training.classWeights", std::to_string(classWeights.size()) + " values",
                        {DL_TRANSLATE_NOOP("dl", "needs one weight per class (%1)"), {std::to_string(numClasses)}});
    for (double w : classWeights)
      if (!std::isfinite(w) || w <= 0)
        throw ConfigError("training.classWeights", formatValue(w),
                          DL_TRANSLATE_NOOP("dl", "class weights must be positive"));
  }
  if (name == "softmax_ce") {
    if (numClasses < 2)
      throw ConfigError("training.loss", name,
                        DL_TRANSLATE_NOOP("dl", "cross-entropy needs a classification data set"));
    return std::make_unique<SoftmaxCrossEntropy>(classWeights);
  }
  if (name == "sigmoid_bce") {
    if (numClasses != 2)
      throw ConfigError("training.loss", name, DL_TRANSLATE_NOOP("dl", "binary cross-entropy needs exactly 2 classes"));
    return std::make_unique<SigmoidBinaryCrossEntropy>(classWeights);
  }
  if (name == "sigmoid_mse") {
    if (numClasses != 2)
      throw ConfigError("training.loss", name,
                        DL_TRANSLATE_NOOP("dl", "squared error on a sigmoid output needs exactly 2 classes"));
    return std::make_unique<SigmoidSquaredError>(classWeights);
  }
  if (name == "mse") {
    if (numClasses > 0) return std::make_unique<SoftmaxSquaredError>(classWeights);
    return std::make_unique<MeanSquaredError>();
  }
  throw ConfigError(
      "training.loss", name,
      {DL_TRANSLATE_NOOP("dl", "unknown loss (known: %1)"), {"auto, softmax_ce, sigmoid_bce, sigmoid_mse, mse"}});
}

}  // namespace dl
