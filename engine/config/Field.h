// One field list per configuration struct. Each entry says, once, everything the program needs to
// know about one setting:
//   - its key in the experiment file (docs/experiment-format.md), relative to its section; a dotted
//     key ("csv.path") lives in a nested object;
//   - the struct member it is stored in;
//   - what changing it does to a running experiment: nothing that needs new weights (applied
//     between steps by dl::applyInPlace), or the reason it needs new trainers (config/ConfigDiff.h);
//   - its legal range, which validation enforces and controls offer, and whether a control shows
//     it on a log scale;
//   - for a name, the names it accepts.
// The JSON reader and writer (io/ExperimentIo.cpp), validation (config/Config.cpp,
// ConfigChecks.cpp), the diff (ConfigDiff.cpp) and the controls' ranges (ui/widgets/ControlDock.cpp)
// all read these lists; tests/tst_config.cpp checks every entry against all four, and Fields.cpp
// refuses to compile when a struct gains a member its list does not name.
#pragma once

#include "config/Config.h"
#include "core/Error.h"

#include <cstdint>
#include <span>
#include <string>
#include <variant>
#include <vector>

namespace dl {

// Why a configuration needs new trainers (new weights). None: every change applies in place.
enum class RebuildReason { None, Data, Architecture, Initialization, Seed, Loss, ClassWeights, CompareL1L2 };

// Which ends of [lo, hi] are allowed. Unchecked: the field's value is checked by hand, because the
// check needs other fields or the data (the data source, the map's features, class weights).
enum class Bounds { Unchecked, Closed, ClosedOpen, OpenClosed, Open };
enum class Scale { Linear, Log };

template <class S>
using FieldMember = std::variant<double S::*, int S::*, long long S::*, std::uint64_t S::*, bool S::*, std::string S::*,
                                 std::vector<int> S::*, std::vector<double> S::*, std::vector<std::string> S::*>;

template <class S>
struct Field {
  const char* key;  // in the section's JSON object; "csv.path" = key "path" of the object "csv"
  FieldMember<S> member;
  RebuildReason onChange = RebuildReason::None;
  Bounds bounds = Bounds::Unchecked;
  double lo = 0, hi = 0;
  Scale scale = Scale::Linear;
  // A log-scale control cannot reach 0 or an open lower bound: the smallest positive value it offers.
  double logFloor = 0;
  // A name: the names it accepts (nullptr: any, or checked by hand).
  const std::vector<std::string>& (*names)() = nullptr;
  // The message for a value outside the range (%1 = lo, %2 = hi); nullptr: the generic one.
  MessageId reason{nullptr};
  // Validation checks the field only when this returns true (a generator's settings are not
  // checked for a CSV source, an ELU's alpha only on an ELU layer); nullptr: always.
  bool (*checked)(const S&) = nullptr;
  // The JSON writer leaves the field out when this returns false (a setting of another choice, such
  // as an ELU's alpha on a tanh layer); nullptr: always written.
  bool (*written)(const S&) = nullptr;

  bool isInteger() const {
    return std::holds_alternative<int S::*>(member) || std::holds_alternative<long long S::*>(member) ||
           std::holds_alternative<std::uint64_t S::*>(member);
  }
  bool lowerOpen() const { return bounds == Bounds::OpenClosed || bounds == Bounds::Open; }
  bool upperOpen() const { return bounds == Bounds::ClosedOpen || bounds == Bounds::Open; }
};

// How many members an aggregate has: T{a, a, …} compiles with at most that many initialisers. Each
// field list's file static_asserts that its list has an entry per member, so a member added to a
// configuration struct without an entry stops the build.
namespace detail {
struct AnyValue {
  template <class T>
  operator T() const;  // never called: only used in unevaluated requires-expressions
};
}  // namespace detail
template <class T, class... A>
consteval std::size_t memberCount() {
  if constexpr (requires { T{A{}..., detail::AnyValue{}}; })
    return memberCount<T, A..., detail::AnyValue>();
  else
    return sizeof...(A);
}

// The list of each struct's fields, in the order validation checks them.
std::span<const Field<DataConfig>> dataFields();
std::span<const Field<LayerConfig>> layerFields();
std::span<const Field<InitConfig>> initFields();
std::span<const Field<OptimizerConfig>> optimizerFields();
std::span<const Field<ScheduleConfig>> scheduleFields();
std::span<const Field<RegularizationConfig>> regularizationFields();
std::span<const Field<TrainingConfig>> trainingFields();

// The field with this key, or nullptr.
template <class S>
const Field<S>* findField(std::span<const Field<S>> fields, std::string_view key) {
  for (const Field<S>& f : fields)
    if (key == f.key) return &f;
  return nullptr;
}

// Checks one field against its range or names; throws ConfigError naming `section.key`.
template <class S>
void validateField(const Field<S>& f, const S& s, const std::string& section);
// Every checked field of s, in list order, except the one named `except` (if any).
template <class S>
void validateFields(std::span<const Field<S>> fields, const S& s, const std::string& section,
                    std::string_view except = {});

// Whether a and b hold the same value in field f.
template <class S>
bool sameValue(const Field<S>& f, const S& a, const S& b) {
  return std::visit([&](auto m) { return a.*m == b.*m; }, f.member);
}
// The reason of the first field, in list order, whose value differs between a and b and whose
// change needs new trainers; None when there is none.
template <class S>
RebuildReason firstRebuild(std::span<const Field<S>> fields, const S& a, const S& b) {
  for (const Field<S>& f : fields)
    if (f.onChange != RebuildReason::None && !sameValue(f, a, b)) return f.onChange;
  return RebuildReason::None;
}

}  // namespace dl
