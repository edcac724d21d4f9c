// One training step and everything around it; see Trainer.h.
#include "train/Trainer.h"

#include "core/Error.h"
#include "core/Parallel.h"
#include "config/ConfigChecks.h"
#include "train/Clipping.h"
#include "train/Regularization.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace dl {

namespace {

std::string resolvedLoss(const ExperimentConfig& c, const Dataset& train) {
  if (c.training.loss != "auto") return c.training.loss;
  return train.task == Task::Regression ? "mse" : "softmax_ce";
}

// Checked before anything is allocated: the loss must suit the data (else the network would have
// no outputs), and the network and its mini-batches must fit in memory with this data's sizes.
Network makeNetwork(const ExperimentConfig& c, const PreparedData& d) {
  const Dataset& t = d.train;
  const std::string loss = resolvedLoss(c, t);
  makeLoss(loss, t.numClasses, {});
  const Index outputs = lossOutputs(loss, t.numClasses, t.targets.rows());
  validateNetworkSize(c.hidden, t.features(), outputs, std::min<Index>(c.training.batchSize, t.size()));
  return Network(t.features(), c.hidden, outputs);
}

std::vector<double> classWeightsFor(const ExperimentConfig& c, const PreparedData& d) {
  if (d.train.task == Task::Regression) return {};
  if (c.training.balancedClassWeights) return balancedClassWeights(d.classCounts);
  return c.training.classWeights;
}

bool allFinite(const Scalar* p, Index n) { return ConstVectorMap(p, n).allFinite(); }

constexpr Index kEvalChunk = 1024;

}  // namespace

std::string Divergence::describe() const {
  return "non-finite " + quantity + " at step " + std::to_string(step) + ", layer " + std::to_string(layer);
}

Trainer::Trainer(ExperimentConfig config)
    : Trainer(config, [&] {
        config.validate();
        return std::make_shared<const PreparedData>(prepareData(config.data));
      }()) {}

Trainer::Trainer(ExperimentConfig config, std::shared_ptr<const PreparedData> data)
    : m_config(std::move(config)), m_data(std::move(data)), m_net(makeNetwork(m_config, *m_data)) {
  m_config.validate();
  // Prepared data may be shared with a run that shows other map features.
  checkMapFeaturesInRange(m_config.data.mapFeatures, m_data->trainRaw.rows());
  const std::string lossName = resolvedLoss(m_config, m_data->train);
  m_loss = makeLoss(lossName, m_data->train.numClasses, classWeightsFor(m_config, *m_data));
  m_evalLoss = makeLoss(lossName, m_data->train.numClasses, {});
  build();
}

void Trainer::build() {
  Rng initRng(m_config.training.seed);
  m_net.initialize(m_config.init, initRng);
  m_net.dropoutRng().reseed(m_config.training.seed ^ 0xd0d0d0d0ULL);
  m_optimizer = makeOptimizer(m_config.optimizer);
  m_optimizer->reset(m_net.params().size());
  m_schedule = makeSchedule(m_config.schedule);
  m_batches.seed(m_config.training.seed);
  m_batches.reset(m_data->train.size());  // the first step starts epoch 1 with a shuffle
  m_step = 0;
  m_divergence.reset();
}

void Trainer::reset() { build(); }

Index Trainer::stepsPerEpoch() const {
  const Index n = m_data->train.size();
  const Index b = std::min<Index>(m_config.training.batchSize, n);
  return (n + b - 1) / b;
}

double Trainer::currentLearningRate() const {
  return m_schedule->rate(m_config.optimizer.learningRate, std::max<long long>(1, m_batches.epoch()));
}

// Fisher–Yates shuffle at each epoch start, then the next `batchSize` training columns.
void Trainer::nextBatch() {
  const Dataset& t = m_data->train;
  bool needBn = false;
  for (const auto& h : m_config.hidden) needBn = needBn || h.batchNorm;
  // A last batch of one sample cannot be batch-normalised: start the next epoch instead.
  const std::span<const Index> batch = m_batches.next(m_config.training.batchSize, needBn ? 2 : 1);
  const auto len = static_cast<Index>(batch.size());
  m_xb.resize(t.features(), len);
  m_labels.resize(static_cast<std::size_t>(len));
  if (t.task == Task::Regression) m_yb.resize(t.targets.rows(), len);
  for (Index i = 0; i < len; ++i) {
    const Index src = batch[static_cast<std::size_t>(i)];
    m_xb.col(i) = t.X.col(src);
    if (t.task == Task::Regression)
      m_yb.col(i) = t.targets.col(src);
    else
      m_labels[static_cast<std::size_t>(i)] = t.labels[static_cast<std::size_t>(src)];
  }
}

StepMetrics Trainer::step() {
  if (m_divergence) throw std::logic_error("training diverged (" + m_divergence->describe() + "); reset first");
  StepMetrics m;
  nextBatch();
  m.step = m_step + 1;
  m.epoch = m_batches.epoch();
  m.lr = currentLearningRate();
  const Dataset& t = m_data->train;
  const bool regression = t.task == Task::Regression;

  m_net.forward(m_xb, Mode::Train);
  m.trainLoss = m_loss->evaluate(m_net.logits(), m_labels.data(), regression ? &m_yb : nullptr, &m_dLogits);
  m.penalty = weightPenalty(m_net, m_config.regularization.l1, m_config.regularization.l2);
  if (!std::isfinite(m.trainLoss)) {
    int layer = m_net.layerCount();
    for (int l = 0; l + 1 < m_net.layerCount(); ++l)
      if (!m_net.hiddenOutput(l).allFinite()) {
        layer = l + 1;
        break;
      }
    m_divergence = Divergence{m.step, layer, layer < m_net.layerCount() ? "activations" : "loss"};
    ++m_step;
    return m;
  }
  m_net.backward(m_xb, m_dLogits);
  const auto& reg = m_config.regularization;
  addPenaltyGradient(m_net, reg.l1, reg.l2, reg.l1Mode == "subgradient");

  // Per-layer squared gradient norms, accumulated in double so large gradients do not overflow.
  const int L = m_net.layerCount();
  m_gradSq.assign(static_cast<std::size_t>(L), 0.0);
  double total = 0;
  for (int l = 0; l < L; ++l) {
    m_gradSq[static_cast<std::size_t>(l)] = m_net.gradientSquares(l);
    total += m_gradSq[static_cast<std::size_t>(l)];
  }
  m.gradNormTotal = std::sqrt(total);
  if (!std::isfinite(m.gradNormTotal)) {
    int layer = L;  // where it first appeared going backwards: the highest non-finite layer
    for (int l = L - 1; l >= 0; --l)
      if (!std::isfinite(m_gradSq[static_cast<std::size_t>(l)])) {
        layer = l + 1;
        break;
      }
    m_divergence = Divergence{m.step, layer, "gradient"};
    ++m_step;
    return m;
  }

  // Clipping: by value first, then by global norm.
  const auto& r = reg;
  Vector& g = m_net.grads();
  m.clipped = clipGradient(g, m.gradNormTotal, r.clipValue, r.clipNorm);

  m_backup = m_net.params();
  m_optimizer->step(VectorMap(m_net.params().data(), m_net.params().size()), ConstVectorMap(g.data(), g.size()),
                    static_cast<Scalar>(m.lr));
  if (reg.l1Mode == "proximal") proximalL1(m_net, m.lr * reg.l1);

  if (!std::isfinite(m_net.params().sum())) {
    for (int l = 0; l < L; ++l) {
      const ParamRange& a = m_net.layer(l).all;
      if (!allFinite(m_net.params().data() + a.offset, a.size)) {
        m_net.params() = m_backup;  // keep the last finite weights
        m_divergence = Divergence{m.step, l + 1, "weights"};
        ++m_step;
        return m;
      }
    }
  }
  ++m_step;
  if (m_diagnostics) fillDiagnostics(m);

  const bool epochEnd = m_batches.epochEnd();
  const int every = m_config.training.evalEvery;
  if (m_data->validation.size() > 0 && ((every > 0 && m_step % every == 0) || (every <= 0 && epochEnd))) {
    const Evaluation e = evaluate(Split::Validation);
    m.evaluated = true;
    m.valLoss = e.loss;
    m.valAccuracy = e.accuracy;
    if (t.task != Task::Regression) m.trainAccuracy = evaluate(Split::Train).accuracy;
    if (m_data->test.size() > 0) {
      const Evaluation test = evaluate(Split::Test);
      m.testLoss = test.loss;
      m.testAccuracy = test.accuracy;
    }
    if (std::isfinite(e.loss))
      m_schedule->onValidation(e.loss);
    else  // finite data and weights, yet the outputs overflow: the weights have run away
      m_divergence = Divergence{m.step, m_net.layerCount(), "loss"};
  }
  return m;
}

void Trainer::fillDiagnostics(StepMetrics& m) {
  m.layers.resize(static_cast<std::size_t>(m_net.layerCount()));
  for (int l = 0; l < m_net.layerCount(); ++l)
    m.layers[static_cast<std::size_t>(l)] = m_net.stats(l, m_backup, m_gradSq[static_cast<std::size_t>(l)]);
}

const Dataset& Trainer::split(Split which) const {
  switch (which) {
    case Split::Train:
      return m_data->train;
    case Split::Validation:
      return m_data->validation;
    case Split::Test:
      return m_data->test;
  }
  return m_data->train;
}

// Chunks of 1024 columns in parallel; sums added in chunk order, so the result is the same for
// any thread count.
Evaluation Trainer::evaluate(Split which) const {
  const Dataset& d = split(which);
  Evaluation e;
  e.samples = d.size();
  if (d.size() == 0) return e;
  const Index chunks = (d.size() + kEvalChunk - 1) / kEvalChunk;
  std::vector<double> lossSum(static_cast<std::size_t>(chunks), 0.0);
  std::vector<Index> correct(static_cast<std::size_t>(chunks), 0);
  const bool regression = d.task == Task::Regression;
  const int threads = inParallelRegion() ? 1 : threadCount();
#pragma omp parallel num_threads(threads)
  {
    Network::Workspace ws;
    Matrix logits;
    Matrix targets;
#pragma omp for schedule(static)
    for (Index c = 0; c < chunks; ++c) {
      const Index start = c * kEvalChunk;
      const Index len = std::min(kEvalChunk, d.size() - start);
      const Matrix x = d.X.middleCols(start, len);
      m_net.infer(x, logits, ws);
      const auto ci = static_cast<std::size_t>(c);
      if (regression) {
        targets = d.targets.middleCols(start, len);
        lossSum[ci] = m_evalLoss->evaluate(logits, nullptr, &targets, nullptr) * static_cast<double>(len);
      } else {
        const int* labels = d.labels.data() + start;
        lossSum[ci] = m_evalLoss->evaluate(logits, labels, nullptr, nullptr) * static_cast<double>(len);
        Index ok = 0;
        for (Index b = 0; b < len; ++b) ok += m_evalLoss->predictedClass(logits, b) == labels[b];
        correct[ci] = ok;
      }
    }
  }
  const double n = static_cast<double>(d.size());
  e.loss = std::accumulate(lossSum.begin(), lossSum.end(), 0.0) / n;
  if (!regression) e.accuracy = static_cast<double>(std::accumulate(correct.begin(), correct.end(), Index(0))) / n;
  return e;
}

ClassificationReport Trainer::report(Split which) const {
  const Dataset& d = split(which);
  std::vector<int> predicted(static_cast<std::size_t>(d.size()), 0);
  Network::Workspace ws;
  Matrix logits;
  for (Index start = 0; start < d.size(); start += kEvalChunk) {
    const Index len = std::min(kEvalChunk, d.size() - start);
    m_net.infer(d.X.middleCols(start, len), logits, ws);
    for (Index b = 0; b < len; ++b)
      predicted[static_cast<std::size_t>(start + b)] = m_evalLoss->predictedClass(logits, b);
  }
  return classificationReport(d.labels, predicted, std::max(2, d.numClasses));
}

RocCurve Trainer::roc(Split which, int positiveClass) const {
  const Dataset& d = split(which);
  std::vector<double> scores(static_cast<std::size_t>(d.size()));
  std::vector<int> positive(static_cast<std::size_t>(d.size()));
  Network::Workspace ws;
  Matrix logits, probs;
  for (Index start = 0; start < d.size(); start += kEvalChunk) {
    const Index len = std::min(kEvalChunk, d.size() - start);
    m_net.infer(d.X.middleCols(start, len), logits, ws);
    m_evalLoss->predict(logits, probs);
    for (Index b = 0; b < len; ++b) {
      const auto i = static_cast<std::size_t>(start + b);
      scores[i] = probs(std::min<Index>(positiveClass, probs.rows() - 1), b);
      positive[i] = d.labels[i] == positiveClass ? 1 : 0;
    }
  }
  return rocCurve(scores, positive);
}

void Trainer::mapBounds(double& x0, double& x1, double& y0, double& y1, MapSpace space) const {
  if (space == MapSpace::Raw) {
    dl::mapBounds(*m_data, m_config.data.mapFeatures, x0, x1, y0, y1);
    return;
  }
  const Matrix& X = m_data->train.X;
  int fx = 0, fy = 1;
  mapInputs(fx, fy);
  if (X.cols() == 0 || X.rows() < 2) {
    x0 = y0 = -1;
    x1 = y1 = 1;
    return;
  }
  const double ax = X.row(fx).minCoeff(), bx = X.row(fx).maxCoeff();
  const double ay = X.row(fy).minCoeff(), by = X.row(fy).maxCoeff();
  const double half = 0.6 * std::max({bx - ax, by - ay, 1e-3});  // the larger extent plus 10% each side
  x0 = (ax + bx) / 2 - half;
  x1 = (ax + bx) / 2 + half;
  y0 = (ay + by) / 2 - half;
  y1 = (ay + by) / 2 + half;
}

void Trainer::mapInputs(int& x, int& y) const {
  const Index n = m_net.inputs();
  const std::vector<int>& f = m_config.data.mapFeatures;
  const bool oneForOne = m_config.data.inputs.empty() && f.size() == 2 && f[0] < n && f[1] < n;
  x = oneForOne ? f[0] : 0;
  y = oneForOne ? f[1] : static_cast<int>(std::min<Index>(1, n - 1));
}

void Trainer::setWeight(int layer, Index row, Index col, double value) {
  const std::string field = "layers[" + std::to_string(layer) + "].W[" + std::to_string(row) + "][" +
                            std::to_string(col) + "]";
  if (layer < 0 || layer >= m_net.layerCount())
    throw ConfigError(field, std::to_string(layer),
                      {DL_TRANSLATE_NOOP("dl", "the network has %1 weighted layers"), {std::to_string(m_net.layerCount())}});
  const LayerInfo& l = m_net.layer(layer);
  if (row < 0 || row >= l.rows || col < 0 || col >= l.cols)
    throw ConfigError(field, std::to_string(row) + ", " + std::to_string(col),
                      {DL_TRANSLATE_NOOP("dl", "this layer's weights are %1 × %2"),
                       {std::to_string(l.rows), std::to_string(l.cols)}});
  if (!std::isfinite(value) || std::abs(value) > 1000)
    throw ConfigError(field, formatValue(value), {DL_TRANSLATE_NOOP("dl", "must be between %1 and %2"), {"-1000", "1000"}});
  m_net.params()(l.weights.offset + col * l.rows + row) = static_cast<Scalar>(value);
}

// Raw plane: grid points vary the two map features; every other feature stays at its training
// mean; the points then go through the same preprocessing as the training data. Network-input
// plane: the points are network inputs already; the others stay at the training part's mean.
GridEvaluation Trainer::evaluateGrid(int res, double x0, double x1, double y0, double y1, bool withHidden,
                                     MapSpace space) const {
  GridEvaluation g;
  g.resolution = res;
  g.space = space;
  g.x0 = x0;
  g.x1 = x1;
  g.y0 = y0;
  g.y1 = y1;
  const Preprocessor& pre = m_data->preprocessor;
  const bool raw = space == MapSpace::Raw;
  // The point every grid point starts from: raw features (apply expands them), or network inputs.
  const Vector centre = raw ? pre.rawMean : Vector(m_data->train.X.cast<double>().rowwise().mean().cast<Scalar>());
  const Index features = centre.size();
  int fx = m_config.data.mapFeatures.size() > 0 ? m_config.data.mapFeatures[0] : 0;
  int fy = m_config.data.mapFeatures.size() > 1 ? m_config.data.mapFeatures[1] : 1;
  if (!raw) mapInputs(fx, fy);
  g.xFeature = fx;
  g.yFeature = fy;
  const Index n = static_cast<Index>(res) * res;
  const Index outRows = m_evalLoss->classification() ? std::max<Index>(2, m_data->train.numClasses) : m_net.outputs();
  g.values.resize(outRows, n);
  if (withHidden) {
    g.hidden.resize(static_cast<std::size_t>(m_net.layerCount() - 1));
    for (int l = 0; l + 1 < m_net.layerCount(); ++l)
      g.hidden[static_cast<std::size_t>(l)].resize(m_net.layer(l).units, n);
  }
  const Index rowsPerChunk = std::max<Index>(1, kEvalChunk / std::max(1, res));
  const Index chunks = (res + rowsPerChunk - 1) / rowsPerChunk;
  const int threads = inParallelRegion() ? 1 : threadCount();
#pragma omp parallel num_threads(threads)
  {
    Network::Workspace ws;
    Matrix x, logits, probs;
    std::vector<Matrix> hidden;
#pragma omp for schedule(static)
    for (Index c = 0; c < chunks; ++c) {
      const Index r0 = c * rowsPerChunk;
      const Index rows = std::min<Index>(rowsPerChunk, res - r0);
      const Index len = rows * res;
      x.resize(features, len);
      for (Index i = 0; i < len; ++i) {
        const Index gy = r0 + i / res, gx = i % res;
        x.col(i) = centre;
        x(fx, i) = static_cast<Scalar>(x0 + (x1 - x0) * (res > 1 ? double(gx) / (res - 1) : 0.5));
        if (fy < features) x(fy, i) = static_cast<Scalar>(y0 + (y1 - y0) * (res > 1 ? double(gy) / (res - 1) : 0.5));
      }
      if (raw) pre.apply(x);
      m_net.infer(x, logits, ws, withHidden ? &hidden : nullptr);
      m_evalLoss->predict(logits, probs);
      g.values.middleCols(r0 * res, len) = probs;
      if (withHidden)
        for (std::size_t l = 0; l < hidden.size(); ++l) g.hidden[l].middleCols(r0 * res, len) = hidden[l];
    }
  }
  return g;
}

// ---- mid-training changes -------------------------------------------------------------------
void Trainer::setLearningRate(double lr) {
  OptimizerConfig c = m_config.optimizer;
  c.learningRate = lr;
  setOptimizer(c);
}

void Trainer::setOptimizer(const OptimizerConfig& c) {
  ExperimentConfig next = m_config;
  next.optimizer = c;
  next.validate();
  if (c.name == m_config.optimizer.name) {
    m_optimizer->setHyperparameters(c);
  } else {
    m_optimizer = makeOptimizer(c);
    m_optimizer->reset(m_net.params().size());
  }
  m_config.optimizer = c;
}

void Trainer::setSchedule(const ScheduleConfig& c) {
  ExperimentConfig next = m_config;
  next.schedule = c;
  next.validate();
  if (c.name == m_config.schedule.name)
    m_schedule->setConfig(c);
  else
    m_schedule = makeSchedule(c);
  m_config.schedule = c;
}

void Trainer::setRegularization(const RegularizationConfig& c) {
  ExperimentConfig next = m_config;
  next.regularization = c;
  next.validate();
  m_config.regularization = c;
}

void Trainer::setBatchSize(int batchSize) {
  ExperimentConfig next = m_config;
  next.training.batchSize = batchSize;
  next.validate();
  const Dataset& t = m_data->train;
  validateNetworkSize(m_config.hidden, t.features(), m_net.outputs(), std::min<Index>(batchSize, t.size()));
  m_config.training.batchSize = batchSize;
}

void Trainer::setDropout(int hiddenLayer, double rate) {
  if (hiddenLayer < 0 || hiddenLayer >= static_cast<int>(m_config.hidden.size()))
    throw ConfigError("layers", std::to_string(hiddenLayer), DL_TRANSLATE_NOOP("dl", "no such hidden layer"));
  m_net.setDropout(hiddenLayer, rate);
  m_config.hidden[static_cast<std::size_t>(hiddenLayer)].dropout = rate;
}

void Trainer::setEvalEvery(int steps) { m_config.training.evalEvery = steps; }

void Trainer::setMapFeatures(const std::vector<int>& features) {
  DataConfig next = m_config.data;
  next.mapFeatures = features;
  validateDataConfig(next);
  checkMapFeaturesInRange(features, m_data->trainRaw.rows());
  m_config.data.mapFeatures = features;
}

// ---- save / resume ----------------------------------------------------------------------------
TrainerState Trainer::state() const {
  TrainerState s;
  s.params = m_net.params();
  s.buffers = m_net.buffers();
  s.optimizer = m_optimizer->state();
  s.schedule = m_schedule->state();
  s.shuffleRng = m_batches.rngState();
  s.dropoutRng = m_net.dropoutRng().state();
  s.order = m_batches.order();
  s.cursor = m_batches.cursor();
  s.step = m_step;
  s.epoch = m_batches.epoch();
  return s;
}

void Trainer::restore(const TrainerState& s) {
  if (s.params.size() != m_net.params().size())
    throw ConfigError(
        "state.params", std::to_string(s.params.size()) + " values",
        {DL_TRANSLATE_NOOP("dl", "the network has %1 parameters"), {std::to_string(m_net.params().size())}});
  if (s.buffers.size() != m_net.buffers().size())
    throw ConfigError("state.buffers", std::to_string(s.buffers.size()) + " values",
                      {DL_TRANSLATE_NOOP("dl", "the network has %1 batch-norm statistics"),
                       {std::to_string(m_net.buffers().size())}});
  if (!s.params.allFinite())
    throw ConfigError("state.params", "NaN/Inf", DL_TRANSLATE_NOOP("dl", "weights must be finite numbers"));
  // Batch-norm statistics: a NaN or a negative variance would poison every evaluation silently.
  if (!s.buffers.allFinite()) throw ConfigError("state.buffers", "NaN/Inf", DL_TRANSLATE_NOOP("dl", "must be finite"));
  for (int l = 0; l < m_net.layerCount(); ++l) {
    const ParamRange& r = m_net.layer(l).running;  // running mean, then running variance
    const Index half = r.size / 2;
    if (half > 0 && s.buffers.segment(r.offset + half, half).minCoeff() < 0)
      throw ConfigError("state.buffers",
                        formatValue(static_cast<double>(s.buffers.segment(r.offset + half, half).minCoeff())),
                        {DL_TRANSLATE_NOOP("dl", "must be finite and >= %1"), {"0"}});
  }
  if (s.step < 0)
    throw ConfigError("state.step", std::to_string(s.step), {DL_TRANSLATE_NOOP("dl", "must be >= %1"), {"0"}});
  if (s.epoch < 0)
    throw ConfigError("state.epoch", std::to_string(s.epoch), {DL_TRANSLATE_NOOP("dl", "must be >= %1"), {"0"}});
  const Index n = m_data->train.size();
  const bool orderOk = s.order.empty() || static_cast<Index>(s.order.size()) == n;
  if (!orderOk)
    throw ConfigError("state.order", std::to_string(s.order.size()) + " indices",
                      {DL_TRANSLATE_NOOP("dl", "does not match the training set size %1"), {std::to_string(n)}});
  // A permutation: a repeated index would drop another sample from every later epoch.
  std::vector<bool> seen(s.order.size(), false);
  for (Index i : s.order) {
    if (i < 0 || i >= n)
      throw ConfigError("state.order", std::to_string(i), DL_TRANSLATE_NOOP("dl", "index outside the training set"));
    if (seen[static_cast<std::size_t>(i)])
      throw ConfigError("state.order", std::to_string(i),
                        DL_TRANSLATE_NOOP("dl", "the index appears twice; the order must list every sample once"));
    seen[static_cast<std::size_t>(i)] = true;
  }
  if (s.cursor < 0 || s.cursor > n)
    throw ConfigError("state.cursor", std::to_string(s.cursor), DL_TRANSLATE_NOOP("dl", "outside the training set"));
  // xoshiro's one fixed point: from all zeros it returns zeros for ever (no shuffling, no dropout).
  const auto allZero = [](const Rng::State& r) {
    return std::all_of(r.begin(), r.end(), [](auto w) { return w == 0; });
  };
  if (allZero(s.shuffleRng))
    throw ConfigError("state.shuffleRng", "0 0 0 0",
                      DL_TRANSLATE_NOOP("dl", "a generator state must not be all zeros"));
  if (allZero(s.dropoutRng))
    throw ConfigError("state.dropoutRng", "0 0 0 0",
                      DL_TRANSLATE_NOOP("dl", "a generator state must not be all zeros"));
  if (!s.optimizer.buffers.empty())
    m_optimizer->setState(s.optimizer);
  else
    m_optimizer->reset(m_net.params().size());
  m_schedule->setState(s.schedule);
  m_net.params() = s.params;
  m_net.buffers() = s.buffers;
  m_net.dropoutRng().setState(s.dropoutRng);
  // A state without an order (an older file) keeps the current one and starts a new epoch.
  m_batches.restore(s.shuffleRng, s.order.empty() ? m_batches.order() : s.order, s.order.empty() ? n : s.cursor,
                    s.epoch);
  m_step = s.step;
  m_divergence.reset();
}

double nearZeroWeightFraction(const Network& net) {
  Index n = 0, zero = 0;
  for (int l = 0; l < net.layerCount(); ++l) {
    const auto w = net.weights(l);
    n += w.size();
    zero += (w.array().abs() < Scalar(kSparseThreshold)).count();
  }
  return n > 0 ? static_cast<double>(zero) / static_cast<double>(n) : 0.0;
}

}  // namespace dl
