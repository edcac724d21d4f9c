// The CNN lab's configuration: which images, how they are prepared and augmented, the layer stack
// (any registered layers, nn/Layer.h), and how it is trained. Plain values; io/CnnIo.h maps them to
// and from JSON ("lab": "cnn"), and the field lists (cnn/CnnFields.cpp) drive reading, writing and
// validation as config/Field.h does for the playground.
#pragma once

#include "config/Config.h"
#include "config/Field.h"
#include "data/ImageTransforms.h"
#include "nn/Layer.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace dl {

struct CnnDataConfig {
  std::string source = "digits";  // "digits" (UCI 8×8), "fashion-mnist" (28×28), "shapes" (synthetic), "folder"
  int shapesSize = 16;            // shapes: images are size × size
  int shapesCount = 1200;         // shapes: how many images
  int limit = 0;                  // fashion-mnist: use only the first `limit` training images (0: all 60,000)
  // "folder": a user's images, one sub-folder per class (read by the program through QImage,
  // io/ImageFolder.h), each scaled to folderSize × folderSize, grey or RGB.
  std::string folder;
  int folderSize = 28;
  bool folderRgb = false;
  std::uint64_t seed = 1;         // the split (and the shapes)
  double validationFraction = 0.2;
  double testFraction = 0.2;
  bool standardize = true;  // per channel, fitted on the training part
  bool permute = false;     // one fixed pixel permutation for every image (the shuffled-pixels experiment)
  std::uint64_t permutationSeed = 1;
  // The test images shifted by (testShiftX, testShiftY) pixels and/or mirrored: what the "shifted
  // test" numbers measure (translation invariance). 0, 0, false: no such evaluation.
  int testShiftX = 0;
  int testShiftY = 0;
  bool testFlip = false;
  // A sub-task: only the images of these labels (empty: every class), relabelled 0, 1, … in the
  // order listed (the class names are kept), and at most `perClass` training images of each (0: all;
  // the first ones of the seeded split, so the few shots are the same for every run on that split).
  // Validation and test keep every image of the listed classes.
  std::vector<int> classes;
  int perClass = 0;
  bool operator==(const CnnDataConfig&) const = default;
};

struct CnnTrainingConfig {
  int batchSize = 32;
  long long steps = 300;  // what a headless run trains
  int evalEvery = 50;     // validation every this many steps (0: every epoch)
  std::uint64_t seed = 1;
  std::vector<int> frozen;  // weighted layers (0-based, as LayerInfo counts them) that do not learn
  bool operator==(const CnnTrainingConfig&) const = default;
};

// A pretraining phase before the task `data` describes (transfer learning): the first `steps` steps
// train on the images of `classes` (relabelled 0, 1, … like data.classes; at most `perClass` training
// images each, 0: all) from the same split. After step `steps` the layers of `reinitialize` get new
// weights (a new head), those of `freeze` stop learning, the optimiser and schedule start afresh, and
// training goes on with the task of `data`. steps = 0: no pretraining (the other fields must then be
// left empty). training.steps counts both phases.
struct CnnPretrainConfig {
  long long steps = 0;
  std::vector<int> classes;
  int perClass = 0;
  std::vector<int> reinitialize;  // weighted layers (0-based, as LayerInfo counts them)
  std::vector<int> freeze;        // weighted layers
  bool operator==(const CnnPretrainConfig&) const = default;
};

struct CnnConfig {
  std::string name;
  std::string description;
  CnnDataConfig data;
  AugmentConfig augment;
  std::vector<LayerSpec> layers;
  InitConfig init{.scheme = "he_uniform"};
  OptimizerConfig optimizer{.name = "adam", .learningRate = 0.003};
  ScheduleConfig schedule;
  CnnTrainingConfig training;
  CnnPretrainConfig pretrain;

  // Every field that does not need the data: ConfigError naming it ("data.source", "training.batchSize",
  // "optimizer.lr", "layers[2].kind", "training.frozen[0]",
  // "data.classes[1]", "pretrain.classes[2]"…). The layer stack's fit to the images is
  // checked by the trainer, which knows their shape.
  void validate() const;
};

std::span<const Field<CnnDataConfig>> cnnDataFields();
std::span<const Field<AugmentConfig>> cnnAugmentFields();
std::span<const Field<CnnTrainingConfig>> cnnTrainingFields();
std::span<const Field<CnnPretrainConfig>> cnnPretrainFields();
const std::vector<std::string>& cnnDataSources();

}  // namespace dl
