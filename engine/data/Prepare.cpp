// Data preparation: split, preprocessing fitted on the training part, resampling of the training
// part. Statistics are computed in double whatever Scalar is, so float runs standardise as exactly
// as double runs.
#include "data/Prepare.h"

#include "config/Field.h"
#include "core/Error.h"
#include "core/Parallel.h"
#include "core/Rng.h"
#include "data/Csv.h"
#include "data/Generators.h"

#include <Eigen/Eigenvalues>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace dl {

namespace {

// Independent streams for the split and the resampling: changing the resampling method must not
// move a sample from training to validation.
constexpr std::uint64_t kSplitStream = 0x5eedULL;
constexpr std::uint64_t kResampleStream = 0x53a0e7ULL;
// SMOTE searches the neighbours of a larger class among a random subset of this many samples.
constexpr std::size_t kSmoteCandidates = 20000;
constexpr double kWhitenEpsilon = 1e-5;

template <class T>
void shuffle(std::vector<T>& v, Rng& rng) {
  for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[static_cast<std::size_t>(rng.below(i))]);
}

std::string fractionText(double f) { return formatValue(f); }

bool isRegressionConfig(const DataConfig& c) { return c.source == "csv" ? c.regression : isRegressionSource(c.source); }

// The checks that need neither the source nor the data.
void validatePreparation(const DataConfig& c) {
  // Each field's range is its field list's (config/Fields.cpp); the rest needs several fields.
  for (const char* key : {"validationFraction", "testFraction"})
    validateField(*findField(dataFields(), key), c, "data");
  if (c.validationFraction + c.testFraction >= 0.95)
    throw ConfigError("data.testFraction", fractionText(c.testFraction),
                      {DL_TRANSLATE_NOOP("dl", "validation and test fractions together must stay below %1"), {"0.95"}});
  for (const char* key : {"resample", "smoteNeighbours"}) validateField(*findField(dataFields(), key), c, "data");
  const auto mapText = [&c] {
    std::string s = "[";
    for (std::size_t i = 0; i < c.mapFeatures.size(); ++i) s += (i ? ", " : "") + std::to_string(c.mapFeatures[i]);
    return s + "]";
  };
  if (c.mapFeatures.size() != 2)
    throw ConfigError("data.mapFeatures", mapText(), DL_TRANSLATE_NOOP("dl", "must hold exactly two feature indices"));
  if (c.mapFeatures[0] < 0 || c.mapFeatures[1] < 0)
    throw ConfigError("data.mapFeatures", mapText(), DL_TRANSLATE_NOOP("dl", "feature indices must be >= 0"));
  if (c.mapFeatures[0] == c.mapFeatures[1])
    throw ConfigError("data.mapFeatures", mapText(), DL_TRANSLATE_NOOP("dl", "the two feature indices must differ"));
}

}  // namespace

void checkMapFeaturesInRange(const std::vector<int>& mapFeatures, Index features) {
  // One feature: the map shows it across and the target (or the class) up; mapFeatures[1] is
  // then not a feature and is not checked.
  const bool oneDimensional = features == 1 && mapFeatures.size() == 2 && mapFeatures[0] == 0;
  for (std::size_t i = 0; i < mapFeatures.size(); ++i)
    if (const int f = mapFeatures[i]; f >= features && !(oneDimensional && i == 1))
      throw ConfigError("data.mapFeatures", std::to_string(f),
                        {DL_TRANSLATE_NOOP("dl", "feature index out of range: the data has %1 features"),
                         {std::to_string(features)}});
}

namespace {

// Splits `total` items over classes in proportion to `sizes` (largest remainder), with at least
// `minimum[c]` and, while possible, at most `softCap[c]`, never more than `hardCap[c]`.
// Exceeds `total` only when the minimums force it.
std::vector<int> allocate(int total, const std::vector<int>& sizes, const std::vector<int>& minimum,
                          const std::vector<int>& softCap, const std::vector<int>& hardCap) {
  const std::size_t k = sizes.size();
  const double n = std::accumulate(sizes.begin(), sizes.end(), 0.0);
  std::vector<double> quota(k);
  std::vector<int> a(k);
  int sum = 0;
  for (std::size_t c = 0; c < k; ++c) {
    quota[c] = n > 0 ? total * sizes[c] / n : 0.0;
    a[c] = std::min(static_cast<int>(std::floor(quota[c])), softCap[c]);
    a[c] = std::max(a[c], std::min(minimum[c], softCap[c]));
    sum += a[c];
  }
  std::vector<std::size_t> order(k);
  std::iota(order.begin(), order.end(), std::size_t{0});
  if (sum < total) {
    // One each in order of the largest shortfall (the rounding), then in bulk up to the soft and
    // finally the hard capacities (only when capacities bind, on tiny or extreme splits).
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t x, std::size_t y) { return quota[x] - a[x] > quota[y] - a[y]; });
    for (const std::size_t c : order)
      if (sum < total && a[c] < softCap[c]) ++a[c], ++sum;
    for (const auto* cap : {&softCap, &hardCap})
      for (const std::size_t c : order) {
        const int add = std::min(total - sum, (*cap)[c] - a[c]);
        if (add > 0) a[c] += add, sum += add;
      }
  } else if (sum > total) {
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t x, std::size_t y) { return a[x] - quota[x] > a[y] - quota[y]; });
    for (const std::size_t c : order)
      if (sum > total && a[c] > minimum[c]) --a[c], --sum;
    for (const std::size_t c : order) {
      const int remove = std::min(sum - total, a[c] - minimum[c]);
      if (remove > 0) a[c] -= remove, sum -= remove;
    }
  }
  return a;
}

Dataset subset(const Dataset& all, const std::vector<Index>& idx) {
  Dataset d;
  d.task = all.task;
  d.numClasses = all.numClasses;
  d.featureNames = all.featureNames;
  d.classNames = all.classNames;
  d.image = all.image;
  d.X.resize(all.features(), static_cast<Index>(idx.size()));
  for (std::size_t i = 0; i < idx.size(); ++i) d.X.col(static_cast<Index>(i)) = all.X.col(idx[i]);
  if (all.task == Task::Classification) {
    d.labels.resize(idx.size());
    for (std::size_t i = 0; i < idx.size(); ++i) d.labels[i] = all.labels[static_cast<std::size_t>(idx[i])];
  } else {
    d.targets.resize(all.targets.rows(), static_cast<Index>(idx.size()));
    for (std::size_t i = 0; i < idx.size(); ++i) d.targets.col(static_cast<Index>(i)) = all.targets.col(idx[i]);
  }
  return d;
}

struct Split {
  std::vector<Index> train, validation, test;
};

Split splitIndices(const Dataset& all, const DataConfig& c) {
  Rng rng(c.seed ^ kSplitStream);
  const Index n = all.size();
  int nVal = static_cast<int>(std::lround(n * c.validationFraction));
  const int nTest = static_cast<int>(std::lround(n * c.testFraction));
  Split s;
  if (all.task == Task::Regression) {
    std::vector<Index> perm(static_cast<std::size_t>(n));
    std::iota(perm.begin(), perm.end(), Index{0});
    shuffle(perm, rng);
    s.validation.assign(perm.begin(), perm.begin() + nVal);
    s.test.assign(perm.begin() + nVal, perm.begin() + nVal + nTest);
    s.train.assign(perm.begin() + nVal + nTest, perm.end());
    return s;
  }

  const std::size_t k = static_cast<std::size_t>(all.numClasses);
  std::vector<std::vector<Index>> byClass(k);
  for (Index i = 0; i < n; ++i) byClass[static_cast<std::size_t>(all.labels[static_cast<std::size_t>(i)])].push_back(i);
  std::vector<int> sizes(k), zero(k, 0), minVal(k), softVal(k), softTest(k), hardTest(k);
  for (std::size_t cl = 0; cl < k; ++cl) {
    shuffle(byClass[cl], rng);
    sizes[cl] = static_cast<int>(byClass[cl].size());
    // Stratification's promise: with a validation part, every class that can spare a sample shows
    // up in it, or its validation metrics would be undefined.
    minVal[cl] = c.validationFraction > 0.0 && sizes[cl] >= 2 ? 1 : 0;
    softVal[cl] = std::max(sizes[cl] - 1, 0);  // keep one for training while possible
  }
  const std::vector<int> val = allocate(nVal, sizes, minVal, softVal, sizes);
  for (std::size_t cl = 0; cl < k; ++cl) {
    hardTest[cl] = sizes[cl] - val[cl];
    softTest[cl] = std::max(hardTest[cl] - 1, 0);
  }
  const std::vector<int> test = allocate(nTest, sizes, zero, softTest, hardTest);
  for (std::size_t cl = 0; cl < k; ++cl) {
    const auto& v = byClass[cl];
    s.validation.insert(s.validation.end(), v.begin(), v.begin() + val[cl]);
    s.test.insert(s.test.end(), v.begin() + val[cl], v.begin() + val[cl] + test[cl]);
    s.train.insert(s.train.end(), v.begin() + val[cl] + test[cl], v.end());
  }
  // Parts were filled class by class; shuffle so no consumer sees them sorted by label.
  shuffle(s.train, rng);
  shuffle(s.validation, rng);
  shuffle(s.test, rng);
  return s;
}

// Labels (or targets) that match the samples, before anything is split.
void checkLabels(const Dataset& all, const DataConfig& c) {
  const Index n = all.size();
  if (all.task == Task::Classification) {
    if (all.numClasses < 1 || static_cast<Index>(all.labels.size()) != n)
      throw DataError({}, {DL_TRANSLATE_NOOP("dl", "the data set has %1 labels for %2 samples"),
                           {std::to_string(all.labels.size()), std::to_string(n)}});
    for (const int l : all.labels)
      if (l < 0 || l >= all.numClasses)
        throw DataError({}, {DL_TRANSLATE_NOOP("dl", "class label %1 is outside 0..%2"),
                             {std::to_string(l), std::to_string(all.numClasses - 1)}});
  } else {
    if (all.targets.cols() != n)
      throw DataError({}, {DL_TRANSLATE_NOOP("dl", "the data set has %1 targets for %2 samples"),
                           {std::to_string(all.targets.cols()), std::to_string(n)}});
    if (c.resample != "none")
      throw ConfigError("data.resample", c.resample,
                        DL_TRANSLATE_NOOP("dl", "resampling balances classes; this is a regression data set"));
  }
}

void checkTrainingPart(const Split& s, Index n, const DataConfig& c) {
  if (s.train.size() < 2)
    throw ConfigError("data.validationFraction", fractionText(c.validationFraction),
                      {DL_TRANSLATE_NOOP("dl", "leaves %1 training samples of %2; at least %3 are needed"),
                       {std::to_string(s.train.size()), std::to_string(n), "2"}});
}

Preprocessor fitPreprocessor(const Matrix& rawTrain, const DataConfig& c) {
  Preprocessor p;
  p.standardize = c.standardize;
  p.whiten = c.whiten;
  p.inputs = c.inputs;
  const Eigen::MatrixXd x = p.expand(rawTrain).cast<double>();  // (features, N)
  const Index d = x.rows();
  const double n = static_cast<double>(x.cols());
  const Eigen::VectorXd mean = x.rowwise().mean();
  Eigen::MatrixXd centred = x.colwise() - mean;
  Eigen::VectorXd scale = Eigen::VectorXd::Ones(d);
  if (c.standardize) {
    for (Index f = 0; f < d; ++f) {
      const double sd = std::sqrt(centred.row(f).squaredNorm() / n);
      // A constant feature (std 0) is left unscaled rather than divided by zero.
      if (sd > 1e-12 * std::max(1.0, std::abs(mean(f)))) scale(f) = 1.0 / sd;
    }
    centred = scale.asDiagonal() * centred;
  }
  p.mean = mean.cast<Scalar>();
  p.rawMean = p.inputs.empty() ? p.mean : Vector(rawTrain.cast<double>().rowwise().mean().cast<Scalar>());
  p.scale = scale.cast<Scalar>();
  if (c.whiten) {
    // PCA whitening: rotate onto the principal axes of the training covariance and divide each
    // by its standard deviation; ε keeps near-constant directions from exploding.
    const Eigen::MatrixXd cov = centred * centred.transpose() / n;
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(cov);
    const Eigen::VectorXd inv = (eig.eigenvalues().array().max(0.0) + kWhitenEpsilon).rsqrt().matrix();
    p.whitening = (inv.asDiagonal() * eig.eigenvectors().transpose()).cast<Scalar>();
  }
  return p;
}

// Appends to `keep` (indices into train) and `synthetic` (new columns) per the resampling method.
void resample(const Dataset& train, const DataConfig& c, std::vector<Index>& keep, Matrix& synthetic,
              std::vector<int>& syntheticLabels) {
  Rng rng(c.seed ^ kResampleStream);
  const std::size_t k = static_cast<std::size_t>(train.numClasses);
  std::vector<std::vector<Index>> byClass(k);
  for (Index i = 0; i < train.size(); ++i)
    byClass[static_cast<std::size_t>(train.labels[static_cast<std::size_t>(i)])].push_back(i);
  std::size_t largest = 0, smallest = std::numeric_limits<std::size_t>::max();
  for (const auto& v : byClass) {
    if (v.empty()) continue;  // a class missing from training cannot be resampled
    largest = std::max(largest, v.size());
    smallest = std::min(smallest, v.size());
  }

  std::vector<std::vector<Scalar>> columns;  // synthetic samples, each (features)
  for (std::size_t cl = 0; cl < k; ++cl) {
    std::vector<Index>& v = byClass[cl];
    if (v.empty()) continue;
    if (c.resample == "undersample") {
      shuffle(v, rng);
      v.resize(smallest);
      keep.insert(keep.end(), v.begin(), v.end());
      continue;
    }
    keep.insert(keep.end(), v.begin(), v.end());
    const std::size_t missing = largest - v.size();
    if (missing == 0) continue;
    if (c.resample == "oversample" || v.size() == 1) {
      for (std::size_t j = 0; j < missing; ++j) keep.push_back(v[static_cast<std::size_t>(rng.below(v.size()))]);
      continue;
    }
    // SMOTE. Bases cycle through a shuffled copy of the class so every sample seeds a share of
    // the synthetic points, as in the paper's N%-per-sample scheme. Neighbours are found by brute
    // force for every base used, in parallel (each base on its own, so the result does not depend
    // on the thread count). A class larger than kSmoteCandidates looks for neighbours among a
    // fixed random subset of that size: the search stays linear in the class size (a million
    // points took 80 s, now a few) and at that density the k nearest of the subset are still
    // close neighbours.
    std::vector<Index> bases = v;
    shuffle(bases, rng);
    std::vector<Index> candidates = v;
    if (candidates.size() > kSmoteCandidates) {
      shuffle(candidates, rng);
      candidates.resize(kSmoteCandidates);
      std::sort(candidates.begin(), candidates.end());
    }
    const std::size_t nn = std::min<std::size_t>(static_cast<std::size_t>(c.smoteNeighbours), candidates.size() - 1);
    const std::size_t used = std::min(missing, bases.size());
    std::vector<std::vector<Index>> neighbours(used);
    const int threads = inParallelRegion() ? 1 : threadCount();
#pragma omp parallel num_threads(threads)
    {
      std::vector<std::pair<double, Index>> dist(candidates.size());
#pragma omp for schedule(dynamic, 16)
      for (std::ptrdiff_t bi = 0; bi < static_cast<std::ptrdiff_t>(used); ++bi) {
        const Index base = bases[static_cast<std::size_t>(bi)];
        const auto x = train.X.col(base).cast<double>();
        for (std::size_t m = 0; m < candidates.size(); ++m)
          dist[m] = {candidates[m] == base ? std::numeric_limits<double>::infinity()
                                           : (train.X.col(candidates[m]).cast<double>() - x).squaredNorm(),
                     candidates[m]};
        // (distance, index) pairs: ties resolve by index, so the result is deterministic.
        std::partial_sort(dist.begin(), dist.begin() + static_cast<std::ptrdiff_t>(nn), dist.end());
        auto& out = neighbours[static_cast<std::size_t>(bi)];
        for (std::size_t m = 0; m < nn; ++m) out.push_back(dist[m].second);
      }
    }
    for (std::size_t j = 0; j < missing; ++j) {
      const std::size_t b = j % bases.size();
      const Index base = bases[b];
      const Index other = neighbours[b][static_cast<std::size_t>(rng.below(nn))];
      const Scalar u = static_cast<Scalar>(rng.uniform());
      std::vector<Scalar> col(static_cast<std::size_t>(train.features()));
      for (Index f = 0; f < train.features(); ++f)
        col[static_cast<std::size_t>(f)] = train.X(f, base) + u * (train.X(f, other) - train.X(f, base));
      columns.push_back(std::move(col));
      syntheticLabels.push_back(static_cast<int>(cl));
    }
  }
  synthetic.resize(train.features(), static_cast<Index>(columns.size()));
  for (std::size_t j = 0; j < columns.size(); ++j)
    synthetic.col(static_cast<Index>(j)) = ConstVectorMap(columns[j].data(), train.features());
}

}  // namespace

Matrix Preprocessor::expand(const Matrix& X) const {
  if (inputs.empty()) return X;
  Matrix out(static_cast<Index>(inputs.size()), X.cols());
  for (std::size_t k = 0; k < inputs.size(); ++k) {
    const std::string& f = inputs[k];
    auto row = out.row(static_cast<Index>(k)).array();
    const auto a = X.row(0).array(), b = X.row(1).array();
    if (f == "x1") row = a;
    else if (f == "x2") row = b;
    else if (f == "x1^2") row = a.square();
    else if (f == "x2^2") row = b.square();
    else if (f == "x1x2") row = a * b;
    else if (f == "sin_x1") row = a.sin();
    else row = b.sin();  // "sin_x2" (validated)
  }
  return out;
}

void Preprocessor::apply(Matrix& X) const {
  if (!inputs.empty()) X = expand(X);
  if (!standardize && !whiten) return;
  X.colwise() -= mean;
  if (standardize) X = scale.asDiagonal() * X;
  if (whiten) X = whitening * X;
}

void mapBounds(const PreparedData& d, const std::vector<int>& mapFeatures, double& x0, double& x1, double& y0,
               double& y1) {
  const auto padded = [](const auto& row, double& lo, double& hi) {
    lo = row.minCoeff();
    hi = row.maxCoeff();
    const double pad = std::max(1e-3, 0.1 * (hi - lo));
    lo -= pad;
    hi += pad;
  };
  const Matrix& raw = d.trainRaw;
  padded(raw.row(mapFeatures.size() > 0 ? mapFeatures[0] : 0), x0, x1);
  if (raw.rows() > 1) {
    padded(raw.row(mapFeatures.size() > 1 ? mapFeatures[1] : 1), y0, y1);
  } else if (d.train.task == Task::Regression) {
    padded(d.train.targets.row(0), y0, y1);
  } else {
    y0 = -0.5;
    y1 = d.train.numClasses - 0.5;
  }
}

const std::vector<std::string>& resampleNames() {
  static const std::vector<std::string> names = {"none", "oversample", "undersample", "smote"};
  return names;
}

void validateDataConfig(const DataConfig& c) {
  if (c.source == "csv") {
    if (c.csvPath.empty()) throw ConfigError("data.csv.path", "", DL_TRANSLATE_NOOP("dl", "no CSV file given"));
    validateField(*findField(dataFields(), "csv.labelColumn"), c, "data");
  } else {
    validateGeneratorConfig(c);
  }
  validatePreparation(c);
  if (isRegressionConfig(c) && c.resample != "none")
    throw ConfigError("data.resample", c.resample,
                      DL_TRANSLATE_NOOP("dl", "resampling balances classes; this is a regression data set"));
  // The expanded inputs: known names, each once, at least one.
  const auto& known = inputFeatureNames();
  for (std::size_t i = 0; i < c.inputs.size(); ++i) {
    const std::string field = "data.inputs[" + std::to_string(i) + "]";
    if (std::find(known.begin(), known.end(), c.inputs[i]) == known.end())
      throw ConfigError(field, c.inputs[i],
                        {DL_TRANSLATE_NOOP("dl", "unknown input feature (known: %1)"),
                         {"x1, x2, x1^2, x2^2, x1x2, sin_x1, sin_x2"}});
    if (std::find(c.inputs.begin(), c.inputs.begin() + static_cast<std::ptrdiff_t>(i), c.inputs[i]) !=
        c.inputs.begin() + static_cast<std::ptrdiff_t>(i))
      throw ConfigError(field, c.inputs[i], DL_TRANSLATE_NOOP("dl", "this input feature is listed twice"));
  }
}

const std::vector<std::string>& inputFeatureNames() {
  static const std::vector<std::string> names = {"x1", "x2", "x1^2", "x2^2", "x1x2", "sin_x1", "sin_x2"};
  return names;
}

std::vector<double> balancedClassWeights(const std::vector<int>& classCounts) {
  double n = 0.0;
  int present = 0;
  for (const int count : classCounts) {
    n += count;
    present += count > 0;
  }
  std::vector<double> w(classCounts.size(), 0.0);
  for (std::size_t c = 0; c < classCounts.size(); ++c)
    if (classCounts[c] > 0) w[c] = n / (present * static_cast<double>(classCounts[c]));
  return w;
}

PreparedData prepareData(const DataConfig& c) {
  validateDataConfig(c);
  Dataset all = c.source == "csv" ? loadCsv(c.csvPath, c.labelColumn, c.csvHeader, c.regression) : generateDataset(c);
  return prepareData(c, std::move(all));
}

DataParts splitData(const Dataset& all, double validationFraction, double testFraction, std::uint64_t seed) {
  DataConfig c;
  c.validationFraction = validationFraction;
  c.testFraction = testFraction;
  c.seed = seed;
  validatePreparation(c);
  checkLabels(all, c);
  const Split s = splitIndices(all, c);
  checkTrainingPart(s, all.size(), c);
  return {subset(all, s.train), subset(all, s.validation), subset(all, s.test)};
}

PreparedData prepareData(const DataConfig& c, Dataset all) {
  validatePreparation(c);
  checkLabels(all, c);
  const Index n = all.size();
  checkMapFeaturesInRange(c.mapFeatures, all.features());

  const Split s = splitIndices(all, c);
  checkTrainingPart(s, n, c);

  PreparedData p;
  p.train = subset(all, s.train);
  p.validation = subset(all, s.validation);
  p.test = subset(all, s.test);
  p.trainRaw = p.train.X;
  p.trainRawLabels = p.train.labels;
  p.validationRaw = p.validation.X;
  if (!c.inputs.empty() && all.features() != 2)
    throw ConfigError("data.inputs", std::to_string(c.inputs.size()) + " features",
                      {DL_TRANSLATE_NOOP("dl", "feature inputs are computed from two coordinates; the data has %1 features"),
                       {std::to_string(all.features())}});
  p.preprocessor = fitPreprocessor(p.train.X, c);
  p.inputNames = c.inputs.empty() ? all.featureNames : c.inputs;
  p.preprocessor.apply(p.train.X);
  p.preprocessor.apply(p.validation.X);
  p.preprocessor.apply(p.test.X);

  if (all.task == Task::Regression) return p;

  if (c.resample != "none") {
    std::vector<Index> keep;
    Matrix synthetic;
    std::vector<int> syntheticLabels;
    resample(p.train, c, keep, synthetic, syntheticLabels);
    // Shuffle originals, duplicates and synthetic points together: an epoch's batches must not
    // end with all the synthetic minority samples.
    const Index kept = static_cast<Index>(keep.size());
    std::vector<Index> order(keep.size() + syntheticLabels.size());
    std::iota(order.begin(), order.end(), Index{0});
    Rng rng(c.seed ^ kResampleStream ^ kSplitStream);
    shuffle(order, rng);
    Dataset t = p.train;
    t.X.resize(p.train.features(), static_cast<Index>(order.size()));
    t.labels.resize(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
      const Index o = order[i];
      const Index col = static_cast<Index>(i);
      if (o < kept) {
        t.X.col(col) = p.train.X.col(keep[static_cast<std::size_t>(o)]);
        t.labels[i] = p.train.labels[static_cast<std::size_t>(keep[static_cast<std::size_t>(o)])];
      } else {
        t.X.col(col) = synthetic.col(o - kept);
        t.labels[i] = syntheticLabels[static_cast<std::size_t>(o - kept)];
      }
    }
    p.train = std::move(t);
  }
  p.classCounts.assign(static_cast<std::size_t>(all.numClasses), 0);
  for (const int l : p.train.labels) ++p.classCounts[static_cast<std::size_t>(l)];
  return p;
}

}  // namespace dl
