// The CNN lab's field lists (config/Field.h) and CnnConfig::validate. As in config/Fields.cpp, a
// struct member without an entry stops the build (the static_asserts count the members).
#include "cnn/CnnConfig.h"

#include "config/ConfigChecks.h"
#include "core/Error.h"

#include <algorithm>
#include <iterator>

namespace dl {

namespace {

using R = RebuildReason;

bool isShapes(const CnnDataConfig& d) { return d.source == "shapes"; }
bool isFashion(const CnnDataConfig& d) { return d.source == "fashion-mnist"; }
bool permuted(const CnnDataConfig& d) { return d.permute; }
bool isFolder(const CnnDataConfig& d) { return d.source == "folder"; }
bool someClasses(const CnnDataConfig& d) { return !d.classes.empty(); }
bool fewShots(const CnnDataConfig& d) { return d.perClass != 0; }
bool pretrainClasses(const CnnPretrainConfig& p) { return !p.classes.empty(); }
bool pretrainShots(const CnnPretrainConfig& p) { return p.perClass != 0; }
bool pretrainReinit(const CnnPretrainConfig& p) { return !p.reinitialize.empty(); }
bool pretrainFreeze(const CnnPretrainConfig& p) { return !p.freeze.empty(); }

// Each entry of a list of labels or layers: ConfigError "field[i]" for a negative one or a repeat.
void checkIndexList(const std::vector<int>& list, const std::string& field, MessageId negativeReason) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string name = field + "[" + std::to_string(i) + "]";
    if (list[i] < 0) throw ConfigError(name, std::to_string(list[i]), negativeReason);
    for (std::size_t j = 0; j < i; ++j)
      if (list[j] == list[i])
        throw ConfigError(name, std::to_string(list[i]),
                          {DL_TRANSLATE_NOOP("dl", "is already listed at [%1]"), {std::to_string(j)}});
  }
}

// clang-format off
const Field<CnnDataConfig> kData[] = {
    {.key = "source", .member = &CnnDataConfig::source, .onChange = R::Data, .names = cnnDataSources},
    {.key = "shapes.size", .member = &CnnDataConfig::shapesSize, .onChange = R::Data, .bounds = Bounds::Closed,
     .lo = 8, .hi = 64, .checked = isShapes, .written = isShapes},
    {.key = "shapes.count", .member = &CnnDataConfig::shapesCount, .onChange = R::Data, .bounds = Bounds::Closed,
     .lo = 6, .hi = 100000, .checked = isShapes, .written = isShapes},
    {.key = "limit", .member = &CnnDataConfig::limit, .onChange = R::Data, .bounds = Bounds::Closed, .lo = 0,
     .hi = 60000, .reason = DL_TRANSLATE_NOOP("dl", "must be 0 (every image) or at most %2"), .checked = isFashion,
     .written = isFashion},
    {.key = "folder.path", .member = &CnnDataConfig::folder, .onChange = R::Data, .checked = isFolder, .written = isFolder},
    {.key = "folder.size", .member = &CnnDataConfig::folderSize, .onChange = R::Data, .bounds = Bounds::Closed,
     .lo = 4, .hi = 256, .checked = isFolder, .written = isFolder},
    {.key = "folder.rgb", .member = &CnnDataConfig::folderRgb, .onChange = R::Data, .checked = isFolder,
     .written = isFolder},
    {.key = "seed", .member = &CnnDataConfig::seed, .onChange = R::Data},
    {.key = "validationFraction", .member = &CnnDataConfig::validationFraction, .onChange = R::Data,
     .bounds = Bounds::Closed, .lo = 0, .hi = 0.9},
    {.key = "testFraction", .member = &CnnDataConfig::testFraction, .onChange = R::Data, .bounds = Bounds::Closed,
     .lo = 0, .hi = 0.9},
    {.key = "standardize", .member = &CnnDataConfig::standardize, .onChange = R::Data},
    {.key = "permute", .member = &CnnDataConfig::permute, .onChange = R::Data},
    {.key = "permutationSeed", .member = &CnnDataConfig::permutationSeed, .onChange = R::Data, .written = permuted},
    {.key = "testShift.x", .member = &CnnDataConfig::testShiftX, .bounds = Bounds::Closed, .lo = -8, .hi = 8},
    {.key = "testShift.y", .member = &CnnDataConfig::testShiftY, .bounds = Bounds::Closed, .lo = -8, .hi = 8},
    {.key = "testFlip", .member = &CnnDataConfig::testFlip},
    {.key = "classes", .member = &CnnDataConfig::classes, .onChange = R::Data, .written = someClasses},
    {.key = "perClass", .member = &CnnDataConfig::perClass, .onChange = R::Data, .bounds = Bounds::Closed, .lo = 0,
     .hi = 100000, .reason = DL_TRANSLATE_NOOP("dl", "must be 0 (every image) or at most %2"), .written = fewShots},
};

const Field<AugmentConfig> kAugment[] = {
    {.key = "maxShift", .member = &AugmentConfig::maxShift, .bounds = Bounds::Closed, .lo = 0, .hi = 8},
    {.key = "maxRotation", .member = &AugmentConfig::maxRotation, .bounds = Bounds::Closed, .lo = 0, .hi = 45},
    {.key = "flipProbability", .member = &AugmentConfig::flipProbability, .bounds = Bounds::Closed, .lo = 0, .hi = 1},
    {.key = "noise", .member = &AugmentConfig::noise, .bounds = Bounds::Closed, .lo = 0, .hi = 1},
};

const Field<CnnTrainingConfig> kTraining[] = {
    {.key = "batchSize", .member = &CnnTrainingConfig::batchSize, .bounds = Bounds::Closed, .lo = 1, .hi = 4096,
     .reason = DL_TRANSLATE_NOOP("dl", "the batch size must be between %1 and %2")},
    {.key = "steps", .member = &CnnTrainingConfig::steps, .bounds = Bounds::Closed, .lo = 0, .hi = 1e9},
    {.key = "evalEvery", .member = &CnnTrainingConfig::evalEvery, .bounds = Bounds::Closed, .lo = 0, .hi = 1e9,
     .reason = DL_TRANSLATE_NOOP("dl", "must be 0 (every epoch) or positive")},
    {.key = "seed", .member = &CnnTrainingConfig::seed, .onChange = R::Seed},
    {.key = "frozen", .member = &CnnTrainingConfig::frozen},
};

const Field<CnnPretrainConfig> kPretrain[] = {
    {.key = "steps", .member = &CnnPretrainConfig::steps, .bounds = Bounds::Closed, .lo = 0, .hi = 1e9,
     .reason = DL_TRANSLATE_NOOP("dl", "must be 0 (no pretraining) or positive")},
    {.key = "classes", .member = &CnnPretrainConfig::classes, .written = pretrainClasses},
    {.key = "perClass", .member = &CnnPretrainConfig::perClass, .bounds = Bounds::Closed, .lo = 0, .hi = 100000,
     .reason = DL_TRANSLATE_NOOP("dl", "must be 0 (every image) or at most %2"), .written = pretrainShots},
    {.key = "reinitialize", .member = &CnnPretrainConfig::reinitialize, .written = pretrainReinit},
    {.key = "freeze", .member = &CnnPretrainConfig::freeze, .written = pretrainFreeze},
};
// clang-format on

static_assert(std::size(kData) == memberCount<CnnDataConfig>(), "a CnnDataConfig member has no entry in kData");
static_assert(std::size(kAugment) == memberCount<AugmentConfig>(), "an AugmentConfig member has no entry");
static_assert(std::size(kTraining) == memberCount<CnnTrainingConfig>(), "a CnnTrainingConfig member has no entry");
static_assert(std::size(kPretrain) == memberCount<CnnPretrainConfig>(), "a CnnPretrainConfig member has no entry");

}  // namespace

std::span<const Field<CnnDataConfig>> cnnDataFields() { return kData; }
std::span<const Field<AugmentConfig>> cnnAugmentFields() { return kAugment; }
std::span<const Field<CnnTrainingConfig>> cnnTrainingFields() { return kTraining; }
std::span<const Field<CnnPretrainConfig>> cnnPretrainFields() { return kPretrain; }

const std::vector<std::string>& cnnDataSources() {
  static const std::vector<std::string> names = {"digits", "fashion-mnist", "shapes", "folder"};
  return names;
}

void CnnConfig::validate() const {
  validateFields(cnnDataFields(), data, "data");
  if (data.source == "folder" && data.folder.empty())
    throw ConfigError("data.folder.path", "\"\"",
                      DL_TRANSLATE_NOOP("dl", "must name a folder of images, one sub-folder per class"));
  checkIndexList(data.classes, "data.classes", DL_TRANSLATE_NOOP("dl", "a class label is 0 or more"));
  if (data.validationFraction + data.testFraction >= 0.95)
    throw ConfigError("data.testFraction", formatValue(data.testFraction),
                      DL_TRANSLATE_NOOP("dl", "the validation and test fractions must leave some training data"));
  validateFields(cnnAugmentFields(), augment, "augment");
  if (layers.empty()) throw ConfigError("layers", "[]", DL_TRANSLATE_NOOP("dl", "needs at least one layer"));
  for (std::size_t i = 0; i < layers.size(); ++i) {
    const auto& kinds = layerKinds();
    const std::string& kind = layers[i].kind;
    if (std::none_of(kinds.begin(), kinds.end(), [&](const LayerKind& k) { return kind == k.name; })) {
      std::string list;
      for (const LayerKind& k : kinds) list += (list.empty() ? "" : ", ") + std::string(k.name);
      throw ConfigError("layers[" + std::to_string(i) + "].kind", kind,
                        {DL_TRANSLATE_NOOP("dl", "unknown name (expected one of: %1)"), {list}});
    }
  }
  validateInitConfig(init);
  validateOptimizerConfig(optimizer);
  validateField(*findField(optimizerFields(), "lr"), optimizer, "optimizer");  // at most 10, as the playground
  validateScheduleConfig(schedule);
  validateFields(cnnTrainingFields(), training, "training");
  for (std::size_t i = 0; i < training.frozen.size(); ++i)
    if (training.frozen[i] < 0)
      throw ConfigError("training.frozen[" + std::to_string(i) + "]", std::to_string(training.frozen[i]),
                        DL_TRANSLATE_NOOP("dl", "a weighted layer's index counts from 0"));
  validateFields(cnnPretrainFields(), pretrain, "pretrain");
  if (pretrain.steps == 0) {
    if (pretrain != CnnPretrainConfig{})
      throw ConfigError("pretrain.steps", "0",
                        DL_TRANSLATE_NOOP("dl", "a pretraining phase needs a number of steps above 0"));
    return;
  }
  if (pretrain.classes.empty())
    throw ConfigError("pretrain.classes", "[]",
                      DL_TRANSLATE_NOOP("dl", "name the classes to pretrain on, e.g. [0, 1, 2, 3, 4]"));
  checkIndexList(pretrain.classes, "pretrain.classes", DL_TRANSLATE_NOOP("dl", "a class label is 0 or more"));
  checkIndexList(pretrain.reinitialize, "pretrain.reinitialize",
                 DL_TRANSLATE_NOOP("dl", "a weighted layer's index counts from 0"));
  checkIndexList(pretrain.freeze, "pretrain.freeze", DL_TRANSLATE_NOOP("dl", "a weighted layer's index counts from 0"));
}

}  // namespace dl
