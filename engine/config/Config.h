// The whole experiment as plain values: data, network, loss, initialisation, optimiser, schedule,
// regularisation and training loop. The app maps it to and from JSON (docs/experiment-format.md);
// the GUI edits it; presets are files of it. validate() throws ConfigError naming the field.
// == compares field by field.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace dl {

struct DataConfig {
  // "circle", "xor", "blobs", "spiral", "moons", "linear", "checkerboard" (classification);
  // "plane", "ripple", "ill_conditioned", "correlated" (regression); "csv" (csvPath).
  std::string source = "circle";
  int points = 500;
  double noise = 0.1;  // in units of the data's scale; 0 = clean
  std::uint64_t seed = 1;
  int classes = 3;         // blobs
  int arms = 3;            // spiral: arms = classes
  double imbalance = 1.0;  // smallest / largest class size, (0, 1]; class 0 is the largest
  // CSV import
  std::string csvPath;
  int labelColumn = -1;     // -1 = last column
  bool csvHeader = true;    // auto-detected when the first row is not numeric
  bool regression = false;  // CSV: the label column is a real-valued target
  // Preparation, all fitted on the training part only
  double validationFraction = 0.2;
  double testFraction = 0.0;
  bool standardize = true;
  bool whiten = false;            // PCA whitening
  std::string resample = "none";  // "none", "oversample", "undersample", "smote"
  int smoteNeighbours = 5;
  std::vector<int> mapFeatures = {0, 1};  // the two features shown on the decision map
  // The network's inputs, computed from the two coordinates of 2-D data (TensorFlow Playground's
  // feature neurons): any of "x1" "x2" "x1^2" "x2^2" "x1x2" "sin_x1" "sin_x2", in this order.
  // Empty: the data's own features as they are (any number of them).
  std::vector<std::string> inputs;

  bool operator==(const DataConfig&) const = default;
};

// The names DataConfig::inputs accepts, in their canonical order.
const std::vector<std::string>& inputFeatureNames();

struct LayerConfig {
  int units = 8;
  std::string activation = "tanh";  // linear sigmoid tanh relu leaky_relu prelu elu selu maxout
  double slope = 0.01;              // leaky ReLU slope; PReLU initial slope
  double alpha = 1.0;               // ELU alpha
  int pieces = 2;                   // maxout k
  bool batchNorm = false;
  double dropout = 0.0;  // rate of DROPPED units, [0, 1)

  bool operator==(const LayerConfig&) const = default;
};

struct InitConfig {
  // zeros constant normal uniform xavier_uniform xavier_normal he_normal he_uniform lecun_normal orthogonal
  std::string scheme = "xavier_uniform";
  double sigma = 0.01;  // normal
  double limit = 0.05;  // uniform ±limit
  double value = 0.0;   // constant
  double gain = 1.0;    // orthogonal
  double bias = 0.0;    // every bias starts at this value

  bool operator==(const InitConfig&) const = default;
};

struct OptimizerConfig {
  std::string name = "sgd";  // sgd momentum nesterov adagrad rmsprop adadelta adam
  double learningRate = 0.03;
  double momentum = 0.9;  // momentum, nesterov
  double beta1 = 0.9;     // adam
  double beta2 = 0.999;   // adam
  double rho = 0.9;       // rmsprop, adadelta
  double epsilon = 1e-8;

  bool operator==(const OptimizerConfig&) const = default;
};

struct ScheduleConfig {
  std::string name = "constant";  // constant inverse_time exponential inverse_sqrt step plateau
  double decay = 1.0;             // inverse_time: lr0 / (1 + decay·epoch)
  double base = 0.95;             // exponential: lr0 · base^epoch
  double k = 1.0;                 // inverse_sqrt: lr0 · k / sqrt(epoch)
  int stepEvery = 10;             // step: multiply by stepFactor every stepEvery epochs
  double stepFactor = 0.5;
  int patience = 5;  // plateau: evaluations without improvement before halving
  double plateauFactor = 0.5;
  double minLearningRate = 0.0;

  bool operator==(const ScheduleConfig&) const = default;
};

struct RegularizationConfig {
  double l1 = 0.0;                  // λ1·Σ|w| on weights (not biases); applied as a proximal (soft-threshold) step
  double l2 = 0.0;                  // (λ2/2)·Σw² on weights (not biases); gradient λ2·w
  std::string l1Mode = "proximal";  // "proximal" (exact zeros) or "subgradient"
  double clipNorm = 0.0;            // > 0: rescale gradients whose global L2 norm exceeds it
  double clipValue = 0.0;           // > 0: clamp every gradient component to ±clipValue
  bool compareL1L2 = false;         // train an L1 run and an L2 run side by side (see experimentRuns in Runs.h)

  bool operator==(const RegularizationConfig&) const = default;
};

struct TrainingConfig {
  int batchSize = 10;      // 1 = SGD; >= training size = full batch
  long long steps = 2000;  // default budget for --headless without --steps/--epochs
  int evalEvery = 50;      // steps between validation evaluations (0 = end of each epoch)
  std::uint64_t seed = 1;  // weights, dropout masks and shuffling
  int threads = 1;
  std::string loss = "auto";          // auto softmax_ce sigmoid_bce sigmoid_mse mse
  std::vector<double> classWeights;   // empty = all 1
  bool balancedClassWeights = false;  // weights n/(k·n_c) from the training part

  bool operator==(const TrainingConfig&) const = default;
};

struct ExperimentConfig {
  std::string name;
  std::string description;
  DataConfig data;
  std::vector<LayerConfig> hidden = {LayerConfig{}, LayerConfig{}};
  InitConfig init;
  OptimizerConfig optimizer;
  ScheduleConfig schedule;
  RegularizationConfig regularization;
  TrainingConfig training;

  // Throws ConfigError for the first invalid field.
  void validate() const;

  bool operator==(const ExperimentConfig&) const = default;
};

}  // namespace dl
