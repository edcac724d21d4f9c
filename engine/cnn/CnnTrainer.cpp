// The CNN lab's trainer (cnn/CnnTrainer.h).
#include "cnn/CnnTrainer.h"

#include "core/Error.h"
#include "data/Images.h"
#include "data/Shapes.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace dl {

namespace {

Shape shapeOf(const ImageShape& s) { return {s.channels, s.height, s.width, 1}; }

// Applies a spatial change in the images' raw pixel space (so pixels moved in are background, not
// the standardised mean), then standardises again.
template <class F>
void inRawSpace(Matrix& X, const CnnData& d, F&& change) {
  const ChannelStandardizer& s = d.standardizer;
  const Index plane = d.shape.height * d.shape.width;
  const auto channels = static_cast<std::size_t>(d.shape.channels);
  if (s.mean.size() == channels)
    for (std::size_t c = 0; c < channels; ++c)
      X.middleRows(static_cast<Index>(c) * plane, plane) =
          (X.middleRows(static_cast<Index>(c) * plane, plane).array() * static_cast<Scalar>(s.std[c]) +
           static_cast<Scalar>(s.mean[c]))
              .matrix();
  change(X);
  if (s.mean.size() == channels) s.apply(X);
}

}  // namespace

CnnImages loadCnnImages(const CnnDataConfig& c, const std::string& digitsPath, const std::string& fashionDir) {
  CnnImages images;
  if (c.source == "digits") {
    images.all = loadDigits(digitsPath);
  } else if (c.source == "fashion-mnist") {
    images.all = loadFashionMnist(true, fashionDir);
    if (c.limit > 0 && c.limit < images.all.size()) {
      const Index n = c.limit;
      images.all.X = images.all.X.leftCols(n).eval();
      images.all.labels.resize(static_cast<std::size_t>(n));
    }
    images.test = loadFashionMnist(false, fashionDir);
  } else if (c.source == "shapes") {
    images.all = generateShapes({.size = c.shapesSize, .count = c.shapesCount, .noise = 0.0, .seed = c.seed});
  } else if (c.source == "folder") {
    // Decoding PNG and JPEG is Qt's (io/ImageFolder.h); the engine has no image codecs.
    throw ConfigError("data.source", c.source,
                      DL_TRANSLATE_NOOP("dl", "image folders are read by the program, not by the engine alone"));
  } else {
    throw ConfigError(
        "data.source", c.source,
        {DL_TRANSLATE_NOOP("dl", "unknown name (expected one of: %1)"), {"digits, fashion-mnist, shapes, folder"}});
  }
  return images;
}

std::shared_ptr<const CnnData> prepareCnnData(const CnnDataConfig& c, const CnnImages& images) {
  auto d = std::make_shared<CnnData>();
  Dataset all = images.all;
  checkImages(all);
  d->shape = all.image;
  d->classNames = all.classNames;
  std::vector<Index> perm;
  if (c.permute) {
    perm = pixelPermutation(all.image, c.permutationSeed);
    permutePixels(all.X, all.image, perm);
  }
  if (images.test) {
    // A data set with its own test part: the split takes only validation images from `all`.
    d->parts = splitData(all, c.validationFraction, 0.0, c.seed);
    d->parts.test = *images.test;
    if (c.permute) permutePixels(d->parts.test.X, d->parts.test.image, perm);
    d->standardizer = c.standardize ? fitChannelStandardizer(d->parts.train.X, d->shape) : ChannelStandardizer{};
    if (c.standardize)
      for (Dataset* p : {&d->parts.train, &d->parts.validation, &d->parts.test}) d->standardizer.apply(p->X);
  } else {
    PreparedImages p = prepareImages(all, c.validationFraction, c.testFraction, c.seed, c.standardize);
    d->parts = std::move(p.parts);
    if (c.standardize) d->standardizer = std::move(p.standardizer);
  }
  if (!c.standardize) d->standardizer = ChannelStandardizer{};
  return d;
}

namespace {

Dataset selectPart(const Dataset& d, const std::vector<int>& newLabel, int perClass) {
  const int k = static_cast<int>(std::count_if(newLabel.begin(), newLabel.end(), [](int l) { return l >= 0; }));
  std::vector<int> taken(static_cast<std::size_t>(k), 0);
  std::vector<Index> keep;
  for (Index i = 0; i < d.size(); ++i) {
    const int old = d.labels[static_cast<std::size_t>(i)];
    if (old < 0 || old >= static_cast<int>(newLabel.size())) continue;
    const int l = newLabel[static_cast<std::size_t>(old)];
    if (l < 0 || (perClass > 0 && taken[static_cast<std::size_t>(l)] >= perClass)) continue;
    ++taken[static_cast<std::size_t>(l)];
    keep.push_back(i);
  }
  Dataset out;
  out.task = d.task;
  out.featureNames = d.featureNames;
  out.image = d.image;
  out.numClasses = k;
  out.X.resize(d.features(), static_cast<Index>(keep.size()));
  out.labels.resize(keep.size());
  for (std::size_t j = 0; j < keep.size(); ++j) {
    out.X.col(static_cast<Index>(j)) = d.X.col(keep[j]);
    out.labels[j] = newLabel[static_cast<std::size_t>(d.labels[static_cast<std::size_t>(keep[j])])];
  }
  return out;
}

}  // namespace

std::shared_ptr<const CnnData> selectCnnClasses(std::shared_ptr<const CnnData> d, const std::vector<int>& classes,
                                                int perClass, const std::string& field) {
  if (classes.empty() && perClass == 0) return d;
  const int all = static_cast<int>(d->classNames.size());
  std::vector<int> newLabel(static_cast<std::size_t>(all), -1);
  auto out = std::make_shared<CnnData>();
  out->shape = d->shape;
  out->standardizer = d->standardizer;
  if (classes.empty()) {
    std::iota(newLabel.begin(), newLabel.end(), 0);
    out->classNames = d->classNames;
  }
  for (std::size_t i = 0; i < classes.size(); ++i) {
    const int c = classes[i];
    const std::string name = field + "[" + std::to_string(i) + "]";
    if (c < 0 || c >= all)
      throw ConfigError(name, std::to_string(c),
                        {DL_TRANSLATE_NOOP("dl", "the data has class labels 0 to %1"), {std::to_string(all - 1)}});
    if (newLabel[static_cast<std::size_t>(c)] >= 0)
      throw ConfigError(name, std::to_string(c),
                        {DL_TRANSLATE_NOOP("dl", "is already listed at [%1]"),
                         {std::to_string(newLabel[static_cast<std::size_t>(c)])}});
    newLabel[static_cast<std::size_t>(c)] = static_cast<int>(i);
    out->classNames.push_back(d->classNames[static_cast<std::size_t>(c)]);
  }
  out->parts.train = selectPart(d->parts.train, newLabel, perClass);
  out->parts.validation = selectPart(d->parts.validation, newLabel, 0);
  out->parts.test = selectPart(d->parts.test, newLabel, 0);
  for (Dataset* p : {&out->parts.train, &out->parts.validation, &out->parts.test}) p->classNames = out->classNames;
  if (out->parts.train.size() < 2)
    throw ConfigError(field, std::to_string(out->parts.train.size()) + " training images",
                      DL_TRANSLATE_NOOP("dl", "the classes chosen leave fewer than 2 training images"));
  return out;
}

CnnTrainer::CnnTrainer(CnnConfig config, std::shared_ptr<const CnnData> data)
    : m_config(std::move(config)),
      m_data([&] {
        m_config.validate();
        const CnnDataConfig& c = m_config.data;
        if (m_config.pretrain.steps > 0) {
          const CnnPretrainConfig& p = m_config.pretrain;
          m_pretrain = selectCnnClasses(data, p.classes, p.perClass, "pretrain.classes");
          m_pretraining = true;
        }
        return selectCnnClasses(std::move(data), c.classes, c.perClass, "data.classes");
      }()),
      m_net([&] {
        try {
          return Network(shapeOf(m_data->shape), m_config.layers);
        } catch (const std::invalid_argument&) {  // a stack that starts without weights
          throw ConfigError("layers[0].kind", m_config.layers.front().kind,
                            DL_TRANSLATE_NOOP("dl", "the first layer must have weights (dense or a convolution)"));
        }
      }()) {
  const int classes = m_data->parts.train.numClasses;
  if (m_net.outputs() != classes)
    throw ConfigError(
        "layers", std::to_string(m_net.outputs()) + " outputs",
        {DL_TRANSLATE_NOOP("dl", "the last layer must give one value per class (%1)"), {std::to_string(classes)}});
  m_frozen.assign(static_cast<std::size_t>(m_net.layerCount()), false);
  for (std::size_t i = 0; i < m_config.training.frozen.size(); ++i) {
    const int l = m_config.training.frozen[i];
    checkLayer(l, "training.frozen[" + std::to_string(i) + "]");
    m_frozen[static_cast<std::size_t>(l)] = true;
  }
  if (m_pretrain) {
    const CnnPretrainConfig& p = m_config.pretrain;
    if (m_pretrain->parts.train.numClasses > classes)
      throw ConfigError("pretrain.classes", std::to_string(p.classes.size()) + " classes",
                        {DL_TRANSLATE_NOOP("dl", "the network's last layer has only %1 outputs"),
                         {std::to_string(classes)}});
    for (std::size_t i = 0; i < p.reinitialize.size(); ++i)
      checkLayer(p.reinitialize[i], "pretrain.reinitialize[" + std::to_string(i) + "]");
    for (std::size_t i = 0; i < p.freeze.size(); ++i)
      checkLayer(p.freeze[i], "pretrain.freeze[" + std::to_string(i) + "]");
  }
  m_loss = makeLoss("softmax_ce", classes, {});
  m_core.start(m_net, m_config.init, m_config.training.seed, m_config.optimizer, m_config.schedule, trainPart().size());
  m_augmentRng.reseed(m_config.training.seed ^ 0xd1b54a32d192ed03ULL);
}

// After the last pretraining step: new weights for the layers to reinitialise (each from a seed of
// its own, derived from training.seed), the layers to freeze frozen, a fresh optimiser state and
// schedule (as one makes a new optimiser to fine-tune), and the task's training images from a new
// epoch 1. The shuffle and augmentation streams simply continue.
void CnnTrainer::startTask() {
  const CnnPretrainConfig& p = m_config.pretrain;
  m_pretraining = false;
  for (int l : p.reinitialize)
    reinitializeLayer(l, m_config.training.seed ^ (0xa0761d6478bd642fULL * static_cast<std::uint64_t>(l + 1)));
  // Frozen here without writing training.frozen: the configuration stays the one that replays this
  // run (its pretrain.freeze says when they freeze; training.frozen would freeze them from step 1).
  for (int l : p.freeze) m_frozen[static_cast<std::size_t>(l)] = true;
  m_core.restart(m_config.optimizer, m_config.schedule, m_net.params().size(), trainPart().size());
}

void CnnTrainer::checkLayer(int layer, const std::string& field) const {
  if (layer < 0 || layer >= m_net.layerCount())
    throw ConfigError(
        field, std::to_string(layer),
        {DL_TRANSLATE_NOOP("dl", "the network has weighted layers 0 to %1"), {std::to_string(m_net.layerCount() - 1)}});
}

void CnnTrainer::setFrozen(int layer, bool frozen) {
  checkLayer(layer, "training.frozen");
  m_frozen[static_cast<std::size_t>(layer)] = frozen;
  auto& f = m_config.training.frozen;
  f.erase(std::remove(f.begin(), f.end(), layer), f.end());
  if (frozen) {
    f.push_back(layer);
    std::sort(f.begin(), f.end());
  }
}

bool CnnTrainer::frozen(int layer) const {
  return layer >= 0 && layer < m_net.layerCount() && m_frozen[static_cast<std::size_t>(layer)];
}

void CnnTrainer::reinitializeLayer(int layer, std::uint64_t seed) {
  checkLayer(layer, "layer");
  const Vector params = m_net.params(), buffers = m_net.buffers();
  Rng rng(seed);
  m_net.initialize(m_config.init, rng);
  const ParamRange keep = m_net.layer(layer).all;
  Vector fresh = m_net.params();
  m_net.params() = params;
  m_net.params().segment(keep.offset, keep.size) = fresh.segment(keep.offset, keep.size);
  const ParamRange running = m_net.layer(layer).running;
  Vector freshBuffers = m_net.buffers();
  m_net.buffers() = buffers;
  if (running.size > 0)
    m_net.buffers().segment(running.offset, running.size) = freshBuffers.segment(running.offset, running.size);
}

// The next batch of the shuffled epoch; augmentation from its own Rng.
void CnnTrainer::nextBatch() {
  const Dataset& t = trainPart();
  // A new epoch rather than a batch of one: a batch of one cannot be batch-normalised.
  const std::span<const Index> batch = m_core.nextBatch(m_config.training.batchSize, 2);
  const auto len = static_cast<Index>(batch.size());
  m_xb.resize(t.features(), len);
  m_labels.resize(static_cast<std::size_t>(len));
  for (Index i = 0; i < len; ++i) {
    const Index src = batch[static_cast<std::size_t>(i)];
    m_xb.col(i) = t.X.col(src);
    m_labels[static_cast<std::size_t>(i)] = t.labels[static_cast<std::size_t>(src)];
  }
  const AugmentConfig& a = m_config.augment;
  if (a.maxShift > 0 || a.maxRotation > 0 || a.flipProbability > 0 || a.noise > 0)
    inRawSpace(m_xb, *m_data, [&](Matrix& X) { augmentImages(X, m_data->shape, a, m_augmentRng); });
}

CnnStep CnnTrainer::step() {
  m_core.requireFinite();
  CnnStep m;
  m.pretraining = m_pretraining;
  nextBatch();
  m.step = m_core.stepCount() + 1;
  m.epoch = m_core.epoch();
  m.lr = m_core.learningRate(m_config.optimizer.learningRate);
  m_net.forward(m_xb, Mode::Train);
  m.trainLoss = m_loss->evaluate(m_net.logits(), m_labels.data(), nullptr, &m_dLogits);
  const int L = m_net.layerCount();
  m_core.countStep();
  if (!std::isfinite(m.trainLoss)) {
    m_core.diverge(m.step, L, "loss");
    return m;
  }
  m_net.backward(m_xb, m_dLogits);
  m.gradNorms.resize(static_cast<std::size_t>(L));
  double total = 0;
  for (int l = 0; l < L; ++l) {
    const double sq = m_net.gradientSquares(l);
    m.gradNorms[static_cast<std::size_t>(l)] = std::sqrt(sq);
    total += sq;
  }
  m.gradNormTotal = std::sqrt(total);
  if (!std::isfinite(m.gradNormTotal)) {
    int layer = L;
    for (int l = L - 1; l >= 0; --l)
      if (!std::isfinite(m.gradNorms[static_cast<std::size_t>(l)])) {
        layer = l + 1;
        break;
      }
    m_core.diverge(m.step, layer, "gradient");
    return m;
  }
  Vector& g = m_net.grads();
  for (int l = 0; l < L; ++l)
    if (m_frozen[static_cast<std::size_t>(l)]) g.segment(m_net.layer(l).all.offset, m_net.layer(l).all.size).setZero();
  m_core.update(m_net, g, m.lr);
  // A frozen layer keeps its values exactly (momentum from before the freeze would move it).
  for (int l = 0; l < L; ++l)
    if (m_frozen[static_cast<std::size_t>(l)]) {
      const ParamRange& a = m_net.layer(l).all;
      m_net.params().segment(a.offset, a.size) = m_core.backup().segment(a.offset, a.size);
    }
  // One cheap sum per step; the layer-by-layer search only when it is not finite (as Trainer does).
  if (!std::isfinite(m_net.params().sum()))
    if (const int layer = TrainerCore::nonFiniteLayer(m_net)) {
      m_core.rollBack(m_net, m.step, layer);
      return m;
    }
  const long long done = m_core.stepCount();
  const int every = m_config.training.evalEvery;
  const Dataset& validation = m_pretraining ? m_pretrain->parts.validation : m_data->parts.validation;
  const bool switching = m_pretraining && done >= m_config.pretrain.steps;
  if (validation.size() > 0 && ((every > 0 && done % every == 0) || (every <= 0 && m_core.epochEnd()) || switching)) {
    const CnnEvaluation e = evaluateOn(validation, {});
    m.evaluated = true;
    m.valLoss = e.loss;
    m.valAccuracy = e.accuracy;
    m_core.validated(e.loss, m.step, L);
  }
  if (switching && !m_core.diverged()) startTask();
  return m;
}

const Dataset& CnnTrainer::part(CnnSplit which) const {
  const DataParts& p = m_data->parts;
  return which == CnnSplit::Train ? p.train : which == CnnSplit::Validation ? p.validation : p.test;
}

// The logits of a part's images, each changed first, in chunks (TrainerCore::inferInChunks):
// onChunk(chunk, start, len, logits) writes only what belongs to its chunk.
template <class F>
void CnnTrainer::forEachChunk(const Dataset& d, ImageChange change, F&& onChunk) const {
  const auto prepare = [&](Matrix& x) {
    if (!change.none())
      inRawSpace(x, *m_data, [&](Matrix& X) {
        if (change.dx != 0 || change.dy != 0) shiftImages(X, m_data->shape, change.dx, change.dy);
        if (change.flip) flipImages(X, m_data->shape);
      });
  };
  TrainerCore::inferInChunks(m_net, d.X, prepare, onChunk);
}

Matrix CnnTrainer::probabilities(CnnSplit which, ImageChange change) const {
  const Dataset& d = part(which);
  Matrix probs(m_net.outputs(), d.size());
  forEachChunk(d, change, [&](Index, Index start, Index len, const Matrix& logits) {
    for (Index b = 0; b < len; ++b) {  // softmax per column, shifted by the column's maximum
      auto z = logits.col(b).array();
      auto e = (z - z.maxCoeff()).exp();
      probs.col(start + b) = (e / e.sum()).matrix();
    }
  });
  return probs;
}

CnnEvaluation CnnTrainer::evaluate(CnnSplit which, ImageChange change) const {
  return evaluateOn(part(which), change);
}

CnnEvaluation CnnTrainer::evaluateOn(const Dataset& d, ImageChange change) const {
  CnnEvaluation e;
  e.samples = d.size();
  const int k = d.numClasses > 0 ? d.numClasses : m_data->parts.train.numClasses;
  e.confusion = Eigen::MatrixXi::Zero(k, k);
  if (d.size() == 0) return e;
  std::vector<double> lossSum(static_cast<std::size_t>(TrainerCore::chunkCount(d.size())), 0.0);
  std::vector<int> predicted(static_cast<std::size_t>(d.size()), 0);
  forEachChunk(d, change, [&](Index c, Index start, Index len, const Matrix& logits) {
    const int* labels = d.labels.data() + start;
    lossSum[static_cast<std::size_t>(c)] = m_loss->evaluate(logits, labels, nullptr, nullptr) * static_cast<double>(len);
    for (Index b = 0; b < len; ++b) predicted[static_cast<std::size_t>(start + b)] = m_loss->predictedClass(logits, b);
  });
  double loss = 0;
  for (double s : lossSum) loss += s;
  e.loss = loss / static_cast<double>(d.size());
  Index correct = 0;
  for (Index i = 0; i < d.size(); ++i) {
    const int t = d.labels[static_cast<std::size_t>(i)], q = predicted[static_cast<std::size_t>(i)];
    correct += t == q;
    if (t >= 0 && t < k && q >= 0 && q < k) ++e.confusion(t, q);
  }
  e.accuracy = static_cast<double>(correct) / static_cast<double>(d.size());
  return e;
}

}  // namespace dl
