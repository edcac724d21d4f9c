// The sequence lab's field lists (config/Field.h) and SeqConfig::validate. As in cnn/CnnFields.cpp,
// a struct member without an entry stops the build (the static_asserts count the members).
#include "seq/SeqConfig.h"

#include "config/ConfigChecks.h"
#include "core/Error.h"
#include "seq/Seq2SeqTrainer.h"

#include <algorithm>
#include <iterator>

namespace dl {

namespace {

using R = RebuildReason;

bool hasSymbols(const SeqTaskConfig& t) { return t.kind == "recall" || t.kind == "motif"; }
bool isMotif(const SeqTaskConfig& t) { return t.kind == "motif"; }
bool isSine(const SeqTaskConfig& t) { return t.kind == "sine"; }
bool isChars(const SeqTaskConfig& t) { return t.kind == "chars"; }
bool readsFile(const SeqTaskConfig& t) { return t.kind == "chars" || t.kind == "series" || t.kind == "words"; }
bool isSeries(const SeqTaskConfig& t) { return t.kind == "series"; }
bool generated(const SeqTaskConfig& t) {
  return t.kind == "adding" || t.kind == "recall" || t.kind == "parity" || t.kind == "motif" || t.kind == "sine";
}
bool someCells(const SeqTrainingConfig& t) { return !t.cells.empty(); }
const std::vector<std::string>& attentionNames() {
  static const std::vector<std::string> names = {"none", "dot", "additive"};
  return names;
}

// clang-format off
const Field<SeqTaskConfig> kTask[] = {
    {.key = "kind", .member = &SeqTaskConfig::kind, .onChange = R::Data, .names = seqTaskKinds},
    {.key = "length", .member = &SeqTaskConfig::length, .onChange = R::Data, .bounds = Bounds::Closed, .lo = 2,
     .hi = 1000},
    {.key = "trainCount", .member = &SeqTaskConfig::trainCount, .onChange = R::Data, .bounds = Bounds::Closed,
     .lo = 2, .hi = 200000, .checked = generated, .written = generated},
    {.key = "validationCount", .member = &SeqTaskConfig::validationCount, .onChange = R::Data,
     .bounds = Bounds::Closed, .lo = 1, .hi = 100000, .checked = generated, .written = generated},
    {.key = "testCount", .member = &SeqTaskConfig::testCount, .onChange = R::Data, .bounds = Bounds::Closed, .lo = 1,
     .hi = 100000, .checked = generated, .written = generated},
    {.key = "symbols", .member = &SeqTaskConfig::symbols, .onChange = R::Data, .bounds = Bounds::Closed, .lo = 2,
     .hi = 64, .checked = hasSymbols, .written = hasSymbols},
    {.key = "heldOutPositions", .member = &SeqTaskConfig::heldOutPositions, .onChange = R::Data, .checked = isMotif,
     .written = isMotif},
    {.key = "components", .member = &SeqTaskConfig::components, .onChange = R::Data, .bounds = Bounds::Closed,
     .lo = 1, .hi = 8, .checked = isSine, .written = isSine},
    {.key = "noise", .member = &SeqTaskConfig::noise, .onChange = R::Data, .bounds = Bounds::Closed, .lo = 0, .hi = 10,
     .checked = isSine, .written = isSine},
    {.key = "file", .member = &SeqTaskConfig::file, .onChange = R::Data, .checked = readsFile, .written = readsFile},
    {.key = "column", .member = &SeqTaskConfig::column, .onChange = R::Data, .checked = isSeries, .written = isSeries},
    {.key = "vocabulary", .member = &SeqTaskConfig::vocabulary, .onChange = R::Data, .bounds = Bounds::Closed,
     .lo = 2, .hi = 20000, .checked = isChars, .written = isChars},
    {.key = "stride", .member = &SeqTaskConfig::stride, .onChange = R::Data, .bounds = Bounds::Closed, .lo = 0,
     .hi = 1000, .reason = DL_TRANSLATE_NOOP("dl", "must be 0 (half the length) or at most %2"), .checked = isChars,
     .written = isChars},
    {.key = "seed", .member = &SeqTaskConfig::seed, .onChange = R::Data},
};

const Field<SeqTrainingConfig> kTraining[] = {
    {.key = "batchSize", .member = &SeqTrainingConfig::batchSize, .bounds = Bounds::Closed, .lo = 1, .hi = 4096,
     .reason = DL_TRANSLATE_NOOP("dl", "the batch size must be between %1 and %2")},
    {.key = "steps", .member = &SeqTrainingConfig::steps, .bounds = Bounds::Closed, .lo = 0, .hi = 1e9},
    {.key = "evalEvery", .member = &SeqTrainingConfig::evalEvery, .bounds = Bounds::Closed, .lo = 1, .hi = 1e9},
    {.key = "seed", .member = &SeqTrainingConfig::seed, .onChange = R::Seed},
    {.key = "clipNorm", .member = &SeqTrainingConfig::clipNorm, .bounds = Bounds::Closed, .lo = 0, .hi = 1e6,
     .scale = Scale::Log, .logFloor = 0.01, .reason = DL_TRANSLATE_NOOP("dl", "must be 0 (off) or at most %2")},
    {.key = "clipValue", .member = &SeqTrainingConfig::clipValue, .bounds = Bounds::Closed, .lo = 0, .hi = 1e6,
     .scale = Scale::Log, .logFloor = 0.001, .reason = DL_TRANSLATE_NOOP("dl", "must be 0 (off) or at most %2")},
    {.key = "cells", .member = &SeqTrainingConfig::cells, .onChange = R::Architecture, .written = someCells},
};
const Field<Seq2SeqSettings> kSeq2Seq[] = {
    {.key = "digits", .member = &Seq2SeqSettings::digits, .onChange = R::Data, .bounds = Bounds::Closed, .lo = 2,
     .hi = 10},
    {.key = "hidden", .member = &Seq2SeqSettings::hidden, .onChange = R::Architecture, .bounds = Bounds::Closed,
     .lo = 1, .hi = 512},
    {.key = "embedding", .member = &Seq2SeqSettings::embedding, .onChange = R::Architecture,
     .bounds = Bounds::Closed, .lo = 1, .hi = 256},
    {.key = "attention", .member = &Seq2SeqSettings::attention, .onChange = R::Architecture, .names = attentionNames},
    {.key = "bidirectional", .member = &Seq2SeqSettings::bidirectional, .onChange = R::Architecture},
    {.key = "evalSize", .member = &Seq2SeqSettings::evalSize, .bounds = Bounds::Closed, .lo = 1, .hi = 100000},
};
// clang-format on

static_assert(std::size(kSeq2Seq) == memberCount<Seq2SeqSettings>(), "a Seq2SeqSettings member has no entry");
static_assert(std::size(kTask) == memberCount<SeqTaskConfig>(), "a SeqTaskConfig member has no entry in kTask");
static_assert(std::size(kTraining) == memberCount<SeqTrainingConfig>(), "a SeqTrainingConfig member has no entry");

}  // namespace

std::span<const Field<SeqTaskConfig>> seqTaskFields() { return kTask; }
std::span<const Field<SeqTrainingConfig>> seqTrainingFields() { return kTraining; }
std::span<const Field<Seq2SeqSettings>> seq2seqFields() { return kSeq2Seq; }

const std::vector<std::string>& seqTaskKinds() {
  static const std::vector<std::string> names = {"adding", "recall", "parity",  "motif", "sine",
                                                 "chars",  "series", "reverse", "sort",  "words"};
  return names;
}

const std::vector<std::string>& recurrentKinds() {
  static const std::vector<std::string> names = {"rnn", "lstm", "gru"};
  return names;
}

void SeqConfig::validate() const {
  validateFields(seqTaskFields(), task, "task");
  if (task.kind == "series" && task.file.empty())
    throw ConfigError("task.file", "\"\"", DL_TRANSLATE_NOOP("dl", "must name a CSV file with the series"));
  if (isSeq2Seq()) {
    validateFields(seq2seqFields(), seq2seq, "seq2seq");
    validateOptimizerConfig(optimizer);
    validateFields(seqTrainingFields(), training, "training");
    validateSeq2SeqConfig(seq2seqConfigOf(*this));
    return;
  }
  if (isWords()) {
    skipgram.validate();
    return;
  }
  if (layers.empty()) throw ConfigError("layers", "[]", DL_TRANSLATE_NOOP("dl", "needs at least one layer"));
  const auto& kinds = layerKinds();
  for (std::size_t i = 0; i < layers.size(); ++i) {
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
  validateFields(seqTrainingFields(), training, "training");
  const auto& cells = recurrentKinds();
  for (std::size_t i = 0; i < training.cells.size(); ++i) {
    const std::string& c = training.cells[i];
    const std::string field = "training.cells[" + std::to_string(i) + "]";
    if (std::find(cells.begin(), cells.end(), c) == cells.end())
      throw ConfigError(field, c, {DL_TRANSLATE_NOOP("dl", "unknown name (expected one of: %1)"), {"rnn, lstm, gru"}});
    for (std::size_t j = 0; j < i; ++j)
      if (training.cells[j] == c)
        throw ConfigError(field, c, {DL_TRANSLATE_NOOP("dl", "is already listed at [%1]"), {std::to_string(j)}});
  }
  if (!training.cells.empty() && std::none_of(layers.begin(), layers.end(), [&](const LayerSpec& l) {
        return std::find(cells.begin(), cells.end(), l.kind) != cells.end();
      }))
    throw ConfigError(
        "training.cells", training.cells.front(),
        DL_TRANSLATE_NOOP("dl", "comparing cells needs a recurrent layer (rnn, lstm or gru) in the stack"));
}

}  // namespace dl

namespace dl {

Seq2SeqConfig seq2seqConfigOf(const SeqConfig& c) {
  Seq2SeqConfig s;
  s.task = c.task.kind;
  s.length = c.task.length;
  s.digits = c.seq2seq.digits;
  s.hidden = c.seq2seq.hidden;
  s.embedding = c.seq2seq.embedding;
  s.attention = c.seq2seq.attention;
  s.bidirectional = c.seq2seq.bidirectional;
  s.optimizer = c.optimizer;
  s.batchSize = c.training.batchSize;
  s.steps = static_cast<long>(c.training.steps);
  s.seed = c.training.seed;
  s.clipNorm = c.training.clipNorm;
  s.evalSize = c.seq2seq.evalSize;
  return s;
}

}  // namespace dl
