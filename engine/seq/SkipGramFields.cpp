// The skip-gram field list (config/Field.h) and SkipGramConfig::validate. As in config/Fields.cpp,
// a struct member without an entry stops the build (the static_assert counts the members).
#include "seq/SkipGramConfig.h"

#include <iterator>

namespace dl {

namespace {

using R = RebuildReason;
using C = SkipGramConfig;

// clang-format off
const Field<C> kFields[] = {
    {.key = "window", .member = &C::window, .bounds = Bounds::Closed, .lo = 1, .hi = 10},
    {.key = "dimension", .member = &C::dimension, .onChange = R::Architecture, .bounds = Bounds::Closed, .lo = 2,
     .hi = 300},
    {.key = "negatives", .member = &C::negatives, .bounds = Bounds::Closed, .lo = 1, .hi = 20},
    {.key = "learningRate", .member = &C::learningRate, .bounds = Bounds::OpenClosed, .lo = 0, .hi = 1,
     .scale = Scale::Log, .logFloor = 1e-4},
    {.key = "decayLearningRate", .member = &C::decayLearningRate},
    {.key = "epochs", .member = &C::epochs, .bounds = Bounds::Closed, .lo = 1, .hi = 10000, .scale = Scale::Log},
    {.key = "minCount", .member = &C::minCount, .onChange = R::Data, .bounds = Bounds::Closed, .lo = 1, .hi = 1000000},
    {.key = "subsample", .member = &C::subsample, .bounds = Bounds::ClosedOpen, .lo = 0, .hi = 1},
    {.key = "seed", .member = &C::seed, .onChange = R::Seed},
};
// clang-format on

static_assert(std::size(kFields) == memberCount<SkipGramConfig>(), "a SkipGramConfig member has no entry in kFields");

}  // namespace

std::span<const Field<SkipGramConfig>> skipGramFields() { return kFields; }

void SkipGramConfig::validate() const { validateFields(skipGramFields(), *this, "skipgram"); }

}  // namespace dl
