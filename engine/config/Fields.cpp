// The field lists of the experiment's configuration structs (config/Field.h), and the generic
// validation that reads them. A member added to a struct without an entry here stops the build
// (the static_asserts below count the struct's members).
#include "config/Field.h"

#include "act/Activation.h"
#include "cnn/CnnConfig.h"
#include "data/Prepare.h"
#include "init/Initializer.h"
#include "optim/Optimizer.h"
#include "schedule/Schedule.h"
#include "seq/SeqConfig.h"
#include "seq/SkipGramConfig.h"

#include <cmath>
#include <limits>

namespace dl {

namespace {

using R = RebuildReason;

const std::vector<std::string>& l1ModeNames() {
  static const std::vector<std::string> names = {"proximal", "subgradient"};
  return names;
}
const std::vector<std::string>& lossNames() {
  static const std::vector<std::string> names = {"auto", "softmax_ce", "sigmoid_bce", "sigmoid_mse", "mse"};
  return names;
}

bool generated(const DataConfig& d) { return d.source != "csv"; }
bool fromCsv(const DataConfig& d) { return d.source == "csv"; }
bool csvWritten(const DataConfig& d) { return d.source == "csv" || !d.csvPath.empty(); }
bool slopeUsed(const LayerConfig& l) { return l.activation == "leaky_relu" || l.activation == "prelu"; }
bool alphaUsed(const LayerConfig& l) { return l.activation == "elu"; }
bool piecesUsed(const LayerConfig& l) { return l.activation == "maxout"; }
bool batchNormWritten(const LayerConfig& l) { return l.batchNorm; }
bool dropoutWritten(const LayerConfig& l) { return l.dropout > 0; }

constexpr double kMaxInt = 1e9;

// clang-format off
const Field<DataConfig> kData[] = {
    {.key = "source", .member = &DataConfig::source, .onChange = R::Data},
    {.key = "points", .member = &DataConfig::points, .onChange = R::Data, .bounds = Bounds::Closed, .lo = 4, .hi = 1e6,
     .checked = generated},
    {.key = "noise", .member = &DataConfig::noise, .onChange = R::Data, .bounds = Bounds::Closed, .lo = 0, .hi = 10,
     .checked = generated},
    {.key = "seed", .member = &DataConfig::seed, .onChange = R::Data},
    {.key = "classes", .member = &DataConfig::classes, .onChange = R::Data, .bounds = Bounds::Closed, .lo = 2, .hi = 10,
     .checked = generated},
    {.key = "arms", .member = &DataConfig::arms, .onChange = R::Data, .bounds = Bounds::Closed, .lo = 2, .hi = 10,
     .checked = generated},
    {.key = "imbalance", .member = &DataConfig::imbalance, .onChange = R::Data, .bounds = Bounds::OpenClosed, .lo = 0,
     .hi = 1, .checked = generated},
    {.key = "csv.path", .member = &DataConfig::csvPath, .onChange = R::Data, .written = csvWritten},
    {.key = "csv.labelColumn", .member = &DataConfig::labelColumn, .onChange = R::Data, .bounds = Bounds::Closed,
     .lo = -1, .hi = 1e6, .reason = DL_TRANSLATE_NOOP("dl", "must be -1 (last column) or >= 0"), .checked = fromCsv,
     .written = csvWritten},
    {.key = "csv.header", .member = &DataConfig::csvHeader, .onChange = R::Data, .written = csvWritten},
    {.key = "csv.regression", .member = &DataConfig::regression, .onChange = R::Data, .written = csvWritten},
    {.key = "validationFraction", .member = &DataConfig::validationFraction, .onChange = R::Data,
     .bounds = Bounds::Closed, .lo = 0, .hi = 0.9},
    {.key = "testFraction", .member = &DataConfig::testFraction, .onChange = R::Data, .bounds = Bounds::Closed,
     .lo = 0, .hi = 0.9},
    {.key = "standardize", .member = &DataConfig::standardize, .onChange = R::Data},
    {.key = "whiten", .member = &DataConfig::whiten, .onChange = R::Data},
    {.key = "resample", .member = &DataConfig::resample, .onChange = R::Data, .names = resampleNames},
    {.key = "smoteNeighbours", .member = &DataConfig::smoteNeighbours, .onChange = R::Data, .bounds = Bounds::Closed,
     .lo = 1, .hi = 10000},
    // Which two features the map shows is a view of the run: it changes in place.
    {.key = "mapFeatures", .member = &DataConfig::mapFeatures},
    {.key = "inputs", .member = &DataConfig::inputs, .onChange = R::Data,
     .written = [](const DataConfig& d) { return !d.inputs.empty(); }},
};

const Field<LayerConfig> kLayer[] = {
    {.key = "units", .member = &LayerConfig::units, .onChange = R::Architecture, .bounds = Bounds::Closed, .lo = 1,
     .hi = 4096, .reason = DL_TRANSLATE_NOOP("dl", "a layer needs between %1 and %2 units")},
    {.key = "activation", .member = &LayerConfig::activation, .onChange = R::Architecture, .names = activationNames},
    {.key = "slope", .member = &LayerConfig::slope, .onChange = R::Architecture, .bounds = Bounds::Closed, .lo = 0,
     .hi = 1, .checked = slopeUsed, .written = slopeUsed},
    {.key = "alpha", .member = &LayerConfig::alpha, .onChange = R::Architecture, .bounds = Bounds::Closed, .lo = 1e-6,
     .hi = 100, .checked = alphaUsed, .written = alphaUsed},
    {.key = "pieces", .member = &LayerConfig::pieces, .onChange = R::Architecture, .bounds = Bounds::Closed, .lo = 2,
     .hi = 16, .checked = piecesUsed, .written = piecesUsed},
    {.key = "batchNorm", .member = &LayerConfig::batchNorm, .onChange = R::Architecture, .written = batchNormWritten},
    {.key = "dropout", .member = &LayerConfig::dropout, .bounds = Bounds::Closed, .lo = 0, .hi = 0.95,
     .reason = DL_TRANSLATE_NOOP("dl", "the dropout rate must be between %1 and %2"), .written = dropoutWritten},
};

// Bounded well beyond any useful value (a σ of 100 already diverges at once), so a typo such as
// 1e300 is named here instead of surfacing as a "divergence" with the wrong advice.
const Field<InitConfig> kInit[] = {
    {.key = "scheme", .member = &InitConfig::scheme, .onChange = R::Initialization, .names = initializerNames},
    {.key = "sigma", .member = &InitConfig::sigma, .onChange = R::Initialization, .bounds = Bounds::OpenClosed,
     .lo = 0, .hi = 100, .scale = Scale::Log, .logFloor = 1e-4},
    {.key = "limit", .member = &InitConfig::limit, .onChange = R::Initialization, .bounds = Bounds::OpenClosed,
     .lo = 0, .hi = 100, .scale = Scale::Log, .logFloor = 1e-4},
    {.key = "value", .member = &InitConfig::value, .onChange = R::Initialization, .bounds = Bounds::Closed,
     .lo = -100, .hi = 100},
    {.key = "gain", .member = &InitConfig::gain, .onChange = R::Initialization, .bounds = Bounds::OpenClosed, .lo = 0,
     .hi = 100, .scale = Scale::Log, .logFloor = 1e-2},
    {.key = "bias", .member = &InitConfig::bias, .onChange = R::Initialization, .bounds = Bounds::Closed, .lo = -100,
     .hi = 100, .reason = DL_TRANSLATE_NOOP("dl", "the initial bias must be between %1 and %2")},
};

// Learning rates above 10 are never useful here; divergence is shown with rates up to 10.
const Field<OptimizerConfig> kOptimizer[] = {
    {.key = "name", .member = &OptimizerConfig::name, .names = optimizerNames},
    {.key = "lr", .member = &OptimizerConfig::learningRate, .bounds = Bounds::OpenClosed, .lo = 0, .hi = 10,
     .scale = Scale::Log, .logFloor = 1e-5,
     .reason = DL_TRANSLATE_NOOP("dl", "the learning rate must be > %1 and at most %2")},
    {.key = "momentum", .member = &OptimizerConfig::momentum, .bounds = Bounds::ClosedOpen, .lo = 0, .hi = 1},
    {.key = "beta1", .member = &OptimizerConfig::beta1, .bounds = Bounds::ClosedOpen, .lo = 0, .hi = 1},
    {.key = "beta2", .member = &OptimizerConfig::beta2, .bounds = Bounds::ClosedOpen, .lo = 0, .hi = 1},
    {.key = "rho", .member = &OptimizerConfig::rho, .bounds = Bounds::ClosedOpen, .lo = 0, .hi = 1},
    {.key = "epsilon", .member = &OptimizerConfig::epsilon, .bounds = Bounds::OpenClosed, .lo = 0, .hi = 1,
     .scale = Scale::Log, .logFloor = 1e-10},
};

const Field<ScheduleConfig> kSchedule[] = {
    {.key = "name", .member = &ScheduleConfig::name, .names = scheduleNames},
    {.key = "decay", .member = &ScheduleConfig::decay, .bounds = Bounds::Closed, .lo = 0, .hi = 100},
    {.key = "base", .member = &ScheduleConfig::base, .bounds = Bounds::OpenClosed, .lo = 0, .hi = 1},
    {.key = "k", .member = &ScheduleConfig::k, .bounds = Bounds::OpenClosed, .lo = 0, .hi = 100},
    {.key = "stepEvery", .member = &ScheduleConfig::stepEvery, .bounds = Bounds::Closed, .lo = 1, .hi = 1e6},
    {.key = "stepFactor", .member = &ScheduleConfig::stepFactor, .bounds = Bounds::OpenClosed, .lo = 0, .hi = 1},
    {.key = "patience", .member = &ScheduleConfig::patience, .bounds = Bounds::Closed, .lo = 1, .hi = 1e5},
    {.key = "plateauFactor", .member = &ScheduleConfig::plateauFactor, .bounds = Bounds::Open, .lo = 0, .hi = 1},
    {.key = "minLr", .member = &ScheduleConfig::minLearningRate, .bounds = Bounds::Closed, .lo = 0, .hi = 10},
};

const Field<RegularizationConfig> kRegularization[] = {
    {.key = "l1", .member = &RegularizationConfig::l1, .bounds = Bounds::Closed, .lo = 0, .hi = 10,
     .scale = Scale::Log, .logFloor = 1e-6, .reason = DL_TRANSLATE_NOOP("dl", "the L1 strength must be between %1 and %2")},
    {.key = "l2", .member = &RegularizationConfig::l2, .bounds = Bounds::Closed, .lo = 0, .hi = 10,
     .scale = Scale::Log, .logFloor = 1e-6, .reason = DL_TRANSLATE_NOOP("dl", "the L2 strength must be between %1 and %2")},
    {.key = "l1Mode", .member = &RegularizationConfig::l1Mode, .names = l1ModeNames},
    {.key = "clipNorm", .member = &RegularizationConfig::clipNorm, .bounds = Bounds::Closed, .lo = 0, .hi = 1e6,
     .scale = Scale::Log, .logFloor = 1e-3,
     .reason = DL_TRANSLATE_NOOP("dl", "must be 0 (off) or a positive number up to %2")},
    {.key = "clipValue", .member = &RegularizationConfig::clipValue, .bounds = Bounds::Closed, .lo = 0, .hi = 1e6,
     .scale = Scale::Log, .logFloor = 1e-3,
     .reason = DL_TRANSLATE_NOOP("dl", "must be 0 (off) or a positive number up to %2")},
    {.key = "compareL1L2", .member = &RegularizationConfig::compareL1L2, .onChange = R::CompareL1L2},
};

const Field<TrainingConfig> kTraining[] = {
    {.key = "batchSize", .member = &TrainingConfig::batchSize, .bounds = Bounds::Closed, .lo = 1, .hi = 1e6,
     .reason = DL_TRANSLATE_NOOP("dl", "the batch size must be between %1 and %2")},
    {.key = "steps", .member = &TrainingConfig::steps, .bounds = Bounds::Closed, .lo = 0, .hi = 1e15},
    {.key = "evalEvery", .member = &TrainingConfig::evalEvery, .bounds = Bounds::Closed, .lo = 0, .hi = kMaxInt,
     .reason = DL_TRANSLATE_NOOP("dl", "must be 0 (every epoch) or positive")},
    {.key = "seed", .member = &TrainingConfig::seed, .onChange = R::Seed},
    {.key = "threads", .member = &TrainingConfig::threads, .bounds = Bounds::Closed, .lo = 1, .hi = 256},
    {.key = "loss", .member = &TrainingConfig::loss, .onChange = R::Loss, .names = lossNames},
    {.key = "classWeights", .member = &TrainingConfig::classWeights, .onChange = R::ClassWeights},
    {.key = "balancedClassWeights", .member = &TrainingConfig::balancedClassWeights, .onChange = R::ClassWeights},
};
// clang-format on

static_assert(std::size(kData) == memberCount<DataConfig>(), "a DataConfig member has no entry in kData");
static_assert(std::size(kLayer) == memberCount<LayerConfig>(), "a LayerConfig member has no entry in kLayer");
static_assert(std::size(kInit) == memberCount<InitConfig>(), "an InitConfig member has no entry in kInit");
static_assert(std::size(kOptimizer) == memberCount<OptimizerConfig>(), "an OptimizerConfig member has no entry");
static_assert(std::size(kSchedule) == memberCount<ScheduleConfig>(), "a ScheduleConfig member has no entry");
static_assert(std::size(kRegularization) == memberCount<RegularizationConfig>(),
              "a RegularizationConfig member has no entry");
static_assert(std::size(kTraining) == memberCount<TrainingConfig>(), "a TrainingConfig member has no entry");

std::string boundText(double v, bool integer) {
  return integer ? std::to_string(static_cast<long long>(v)) : formatValue(v);
}

}  // namespace

std::span<const Field<DataConfig>> dataFields() { return kData; }
std::span<const Field<LayerConfig>> layerFields() { return kLayer; }
std::span<const Field<InitConfig>> initFields() { return kInit; }
std::span<const Field<OptimizerConfig>> optimizerFields() { return kOptimizer; }
std::span<const Field<ScheduleConfig>> scheduleFields() { return kSchedule; }
std::span<const Field<RegularizationConfig>> regularizationFields() { return kRegularization; }
std::span<const Field<TrainingConfig>> trainingFields() { return kTraining; }

template <class S>
void validateField(const Field<S>& f, const S& s, const std::string& section) {
  if (f.checked && !f.checked(s)) return;
  const std::string field = section + "." + f.key;
  if (const auto* m = std::get_if<std::string S::*>(&f.member); m && f.names) {
    const std::string& name = s.**m;
    const auto& known = f.names();
    if (std::find(known.begin(), known.end(), name) != known.end()) return;
    std::string list;
    for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
    throw ConfigError(field, name, {DL_TRANSLATE_NOOP("dl", "unknown name (expected one of: %1)"), {list}});
  }
  if (f.bounds == Bounds::Unchecked) return;
  double v = std::numeric_limits<double>::quiet_NaN();
  std::string shown;
  std::visit(
      [&](auto m) {
        using T = std::remove_cvref_t<decltype(s.*m)>;
        if constexpr (std::is_same_v<T, double>) {
          v = s.*m;
          shown = formatValue(v);
        } else if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
          v = static_cast<double>(s.*m);
          shown = std::to_string(s.*m);
        }
      },
      f.member);
  // Written as "fail unless the good condition holds", so NaN always fails.
  const bool aboveLo = f.lowerOpen() ? v > f.lo : v >= f.lo;
  const bool belowHi = f.upperOpen() ? v < f.hi : v <= f.hi;
  if (std::isfinite(v) && aboveLo && belowHi) return;
  const bool integer = f.isInteger();
  const std::string lo = boundText(f.lo, integer), hi = boundText(f.hi, integer);
  if (f.reason.text) throw ConfigError(field, shown, {f.reason, {lo, hi}});
  if (integer && f.bounds == Bounds::Closed)
    throw ConfigError(field, shown, {DL_TRANSLATE_NOOP("dl", "must be between %1 and %2"), {lo, hi}});
  const std::string interval = std::string(f.lowerOpen() ? "(" : "[") + lo + ", " + hi + (f.upperOpen() ? ")" : "]");
  throw ConfigError(field, shown, {DL_TRANSLATE_NOOP("dl", "must be in %1"), {interval}});
}

template <class S>
void validateFields(std::span<const Field<S>> fields, const S& s, const std::string& section, std::string_view except) {
  for (const Field<S>& f : fields)
    if (except != f.key) validateField(f, s, section);
}

#define DLPLAY_FIELD_FUNCTIONS(S)                                                \
  template void validateField<S>(const Field<S>&, const S&, const std::string&); \
  template void validateFields<S>(std::span<const Field<S>>, const S&, const std::string&, std::string_view);
DLPLAY_FIELD_FUNCTIONS(DataConfig)
DLPLAY_FIELD_FUNCTIONS(LayerConfig)
DLPLAY_FIELD_FUNCTIONS(InitConfig)
DLPLAY_FIELD_FUNCTIONS(OptimizerConfig)
DLPLAY_FIELD_FUNCTIONS(ScheduleConfig)
DLPLAY_FIELD_FUNCTIONS(RegularizationConfig)
DLPLAY_FIELD_FUNCTIONS(TrainingConfig)
DLPLAY_FIELD_FUNCTIONS(CnnDataConfig)  // the CNN lab's lists: cnn/CnnFields.cpp
DLPLAY_FIELD_FUNCTIONS(AugmentConfig)
DLPLAY_FIELD_FUNCTIONS(CnnTrainingConfig)
DLPLAY_FIELD_FUNCTIONS(CnnPretrainConfig)
DLPLAY_FIELD_FUNCTIONS(SeqTaskConfig)  // the sequence lab's lists: seq/SeqFields.cpp
DLPLAY_FIELD_FUNCTIONS(SeqTrainingConfig)
DLPLAY_FIELD_FUNCTIONS(Seq2SeqSettings)
DLPLAY_FIELD_FUNCTIONS(SkipGramConfig)  // seq/SkipGramFields.cpp
#undef DLPLAY_FIELD_FUNCTIONS

}  // namespace dl
