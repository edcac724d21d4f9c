// From a DataConfig to the three parts a run trains, tunes and reports on: split (stratified for
// classes), preprocessing fitted on the training part only, and resampling of the training part.
#pragma once

#include "data/Dataset.h"
#include "config/Config.h"

#include <vector>

namespace dl {

// Fitted on the training part only, so validation and test see exactly what new data would.
struct Preprocessor {
  // DataConfig::inputs: the raw 2-D points become these features first (empty: as they are).
  std::vector<std::string> inputs;
  Vector rawMean;      // training mean of raw features (fixes the non-mapped features on the decision map)
  Vector mean, scale;  // x ← (x − mean)∘scale; scale = 1/std (population std, std 0 → 1), all 1 unless standardize
  Matrix whitening;  // empty unless whiten: x ← W·x after centring (and scaling), W = (Λ+ε)^{-1/2}·Uᵀ,
                     // U Λ Uᵀ the training covariance (1/N), ε = 1e-5 (PCA whitening)
  bool standardize = false, whiten = false;
  // Raw (rawFeatures, N) → the network's inputs (inputs, N): feature expansion, then the scaling.
  void apply(Matrix& X) const;
  // Only the feature expansion: (2, N) → (inputs.size(), N); X itself when inputs is empty.
  Matrix expand(const Matrix& X) const;
};

struct PreparedData {
  Dataset train, validation, test;  // after preprocessing (and resampling of train only)
  Matrix trainRaw, validationRaw;   // raw inputs of train (before resampling) and validation, for plotting
  std::vector<int> trainRawLabels;  // labels of trainRaw
  Preprocessor preprocessor;
  // The names of the network's inputs: the data's feature names, or the expanded features'
  // ("x1", "x1^2", ...). train/validation/test.featureNames stay the raw features' (the map's axes).
  std::vector<std::string> inputNames;
  std::vector<int> classCounts;  // training part after resampling (empty for regression)
};

// Generates c.source, or loads c.csvPath when source is "csv", then prepares it as below.
PreparedData prepareData(const DataConfig& c);

// Splits `all`, fits and applies the preprocessing, resamples the training part.
//   Split: n_val = round(N·validationFraction), n_test = round(N·testFraction). Classification is
//   stratified: each class is split in proportion (largest remainder), every class with ≥ 2 samples
//   gets ≥ 1 validation sample when validationFraction > 0 (so n_val may exceed the rounding on
//   tiny sets) and, where possible, keeps ≥ 1 training sample. Regression splits at random.
//   Resampling (after preprocessing, training part only; classes absent from it stay absent):
//     oversample  random duplication in every smaller class up to the largest class size
//     undersample random removal from every larger class down to the smallest class size
//     smote       SMOTE (Chawla, Bowyer, Hall & Kegelmeyer, "SMOTE: Synthetic Minority
//                 Over-sampling Technique", JAIR 16, 2002): new points x + u·(x_nn − x), u ~ U[0,1),
//                 x_nn one of the smoteNeighbours nearest same-class neighbours of x (Euclidean, in
//                 the preprocessed space), bases taken in turn from a shuffled class so each sample
//                 seeds about the same number; a class of one sample is duplicated instead.
//   Train, validation and test come out shuffled. Deterministic in c.seed.
// Throws ConfigError for an invalid field (validateDataConfig plus the checks that need the data:
// mapFeatures against the feature count, a training part of < 2 samples, resampling a regression).
PreparedData prepareData(const DataConfig& c, Dataset all);

// The three parts of prepareData's split, before any preprocessing.
struct DataParts {
  Dataset train, validation, test;
};

// prepareData's split alone (stratified for classes, each part shuffled, deterministic in seed),
// for data prepared otherwise (images: data/ImageTransforms.h). Throws ConfigError for a fraction
// outside [0, 0.9], fractions summing to 0.95 or more, or a training part of fewer than 2 samples;
// DataError for labels that do not match the samples.
DataParts splitData(const Dataset& all, double validationFraction, double testFraction, std::uint64_t seed);

// Checks every field that does not need the data. Throws ConfigError naming the field, e.g.
// ConfigError("data.points", "0", "must be at least 4").
void validateDataConfig(const DataConfig& c);

// Throws ConfigError("data.mapFeatures", …) when a map feature is not one of the data's `features`
// raw features (with one feature the second index is the target or class and is not checked).
void checkMapFeaturesInRange(const std::vector<int>& mapFeatures, Index features);

// sklearn's "balanced" weights w_c = N/(k·n_c), N and k over the classes present; an empty class
// gets 0 (it contributes no loss anyway). Σ n_c·w_c = N, so the mean weight per sample stays 1.
std::vector<double> balancedClassWeights(const std::vector<int>& classCounts);

// The decision map's plane in raw input units, 10% wider than the training part: the two map
// features (mapFeatures, default 0 and 1); with one feature, up is the target (regression) or the
// class, one band per class from −0.5 to k − 0.5. The trainer's grid and the map widget share it.
void mapBounds(const PreparedData& d, const std::vector<int>& mapFeatures, double& x0, double& x1, double& y0,
               double& y1);

// The resampling names accepted in DataConfig::resample.
const std::vector<std::string>& resampleNames();

}  // namespace dl
