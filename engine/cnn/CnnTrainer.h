// The CNN lab's trainer: a stack of registered layers (nn/Network.h) trained on image data with
// softmax cross-entropy, one mini-batch step at a time. It shares with the sequence lab's trainer
// (train/TrainerCore.h) the Fisher–Yates shuffle per epoch from the seed, divergence detection
// keeping the last finite weights and evaluation in chunks summed in chunk order, and adds what a CNN lab needs:
// augmentation per batch from its own Rng, frozen and reinitialised layers, and evaluation on test
// images shifted or mirrored. Deterministic for a seed, the same on any number of threads.
#pragma once

#include "cnn/CnnConfig.h"
#include "core/Rng.h"
#include "data/Dataset.h"
#include "data/Images.h"
#include "data/ImageTransforms.h"
#include "loss/Loss.h"
#include "metrics/Metrics.h"
#include "nn/Network.h"
#include "train/TrainerCore.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dl {

// The images of a configuration before any split: the whole set, and for Fashion-MNIST its own
// test part (then the split takes validation only from `all`, and the test part is `test`).
struct CnnImages {
  Dataset all;
  std::optional<Dataset> test;
};

// The images the configuration names. Digits are read from `digitsPath` (the app reads its bundled
// copy itself: io/CnnIo.h); Fashion-MNIST from `fashionDir`; shapes are generated. Throws DataError
// (a missing Fashion-MNIST says "not installed: apt-get install dataset-fashion-mnist").
CnnImages loadCnnImages(const CnnDataConfig& c, const std::string& digitsPath,
                        const std::string& fashionDir = kFashionMnistDir);

// The split, permuted and standardised images a trainer reads (shared by trainers compared on them).
struct CnnData {
  DataParts parts;
  ChannelStandardizer standardizer;  // fitted on parts.train (identity when not standardising)
  ImageShape shape;
  std::vector<std::string> classNames;
};
std::shared_ptr<const CnnData> prepareCnnData(const CnnDataConfig& c, const CnnImages& images);

// The images of some classes only, relabelled 0, 1, … in the order of `classes` (their names kept),
// with at most `perClass` training images of each (0: all; the first ones in the training part's
// order). Validation and test keep every image of those classes; the standardiser is the one fitted
// on the whole training part. Empty `classes` and perClass 0: `d` itself. A label the data does not
// have, or one listed twice, is ConfigError naming `field` and the index ("data.classes[2]").
std::shared_ptr<const CnnData> selectCnnClasses(std::shared_ptr<const CnnData> d, const std::vector<int>& classes,
                                                int perClass, const std::string& field);

struct CnnStep {
  long long step = 0;  // steps completed, including this one
  long long epoch = 0;
  double lr = 0;
  double trainLoss = kNaN;        // mean loss of the mini-batch
  std::vector<double> gradNorms;  // per weighted layer, before freezing (frozen layers still show theirs)
  double gradNormTotal = 0;
  bool pretraining = false;  // a step of the pretraining phase (its validation is on the pretraining classes)
  bool evaluated = false;  // validation ran after this step
  double valLoss = kNaN, valAccuracy = kNaN;
};

struct CnnEvaluation {
  double loss = kNaN;
  double accuracy = kNaN;
  Index samples = 0;
  Eigen::MatrixXi confusion;  // (truth, predicted) counts
};

// A fixed change to every evaluated image (translation invariance, flipped digits).
struct ImageChange {
  int dx = 0, dy = 0;
  bool flip = false;
  bool none() const { return dx == 0 && dy == 0 && !flip; }
};

enum class CnnSplit { Train, Validation, Test };

class CnnTrainer {
public:
  // Validates the configuration (ConfigError naming the field), builds the network for the images'
  // shape (a layer that does not fit is ConfigError "layers[i]…"; a last layer whose output is not
  // one value per class is ConfigError "layers"), and initialises it from training.seed. `data` is
  // every class of the split: the trainer selects data.classes / data.perClass itself, and the
  // pretraining classes when there is a pretraining phase.
  CnnTrainer(CnnConfig config, std::shared_ptr<const CnnData> data);

  const CnnConfig& config() const { return m_config; }
  // The task's images (data.classes selected): what evaluate(), probabilities() and test indices refer to.
  const CnnData& data() const { return *m_data; }
  std::shared_ptr<const CnnData> dataPointer() const { return m_data; }
  // The pretraining phase's images (null without one), and whether the next step is one of it.
  const CnnData* pretrainData() const { return m_pretrain.get(); }
  bool pretraining() const { return m_pretraining; }
  const Network& network() const { return m_net; }
  long long stepCount() const { return m_core.stepCount(); }
  long long epoch() const { return m_core.epoch(); }
  bool diverged() const { return m_core.diverged(); }
  const std::optional<Divergence>& divergence() const { return m_core.divergence(); }

  // One mini-batch step. After a divergence throws std::logic_error.
  CnnStep step();
  // Mean loss, accuracy and confusion matrix on a part, optionally with every image changed.
  CnnEvaluation evaluate(CnnSplit which, ImageChange change = {}) const;
  // Class probabilities (softmax of the logits) of every image of a part, (classes, N): the lab's
  // gallery of mistakes and its drawn-digit readout use the same numbers evaluate() counts.
  Matrix probabilities(CnnSplit which, ImageChange change = {}) const;
  // The configuration's test change (data.testShift, data.testFlip).
  ImageChange testChange() const {
    return {m_config.data.testShiftX, m_config.data.testShiftY, m_config.data.testFlip};
  }

  // Weighted layer l (0-based) stops or resumes learning: its gradient is zeroed before the
  // optimiser step and its parameters are kept as they are. Throws ConfigError for a bad index.
  void setFrozen(int layer, bool frozen);
  bool frozen(int layer) const;
  // New weights for weighted layer l from a seed of its own (the other layers keep theirs).
  void reinitializeLayer(int layer, std::uint64_t seed);

private:
  const Dataset& part(CnnSplit which) const;
  const Dataset& trainPart() const { return m_pretraining ? m_pretrain->parts.train : m_data->parts.train; }
  CnnEvaluation evaluateOn(const Dataset& d, ImageChange change) const;
  void startTask();  // the switch from pretraining to the task
  template <class F>
  void forEachChunk(const Dataset& d, ImageChange change, F&& onChunk) const;
  void nextBatch();
  void checkLayer(int layer, const std::string& field) const;

  CnnConfig m_config;
  // Declared before m_data: its initialiser sets them.
  std::shared_ptr<const CnnData> m_pretrain;
  bool m_pretraining = false;
  std::shared_ptr<const CnnData> m_data;
  Network m_net;
  std::unique_ptr<Loss> m_loss;
  TrainerCore m_core;
  std::vector<bool> m_frozen;
  Rng m_augmentRng;
  Matrix m_xb, m_dLogits;
  std::vector<int> m_labels;
};

}  // namespace dl
