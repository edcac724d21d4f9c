// Reversal and sorting of random digit sequences (data/TokenTasks.h).
#include "data/TokenTasks.h"

#include "core/Error.h"

#include <algorithm>
#include <set>

namespace dl {

const std::vector<std::string>& tokenTaskNames() {
  static const std::vector<std::string> names = {"reverse", "sort"};
  return names;
}

TokenTask tokenTaskFromName(const std::string& name, const char* field) {
  if (name == "reverse") return TokenTask::Reverse;
  if (name == "sort") return TokenTask::Sort;
  throw ConfigError(field, name, {DL_TRANSLATE_NOOP("dl", "unknown task (expected %1)"), {"reverse, sort"}});
}

std::vector<int> tokenTaskTarget(TokenTask task, const std::vector<int>& source) {
  std::vector<int> target = source;
  if (task == TokenTask::Reverse)
    std::reverse(target.begin(), target.end());
  else
    std::sort(target.begin(), target.end());
  return target;
}

TokenPairs makeTokenPairs(TokenTask task, Index count, Index length, int digits, Rng& rng, const TokenPairs* exclude) {
  std::set<std::vector<int>> excluded;
  if (exclude)
    for (Index b = 0; b < exclude->count; ++b)
      excluded.emplace(exclude->source.begin() + b * exclude->length,
                       exclude->source.begin() + (b + 1) * exclude->length);
  TokenPairs pairs;
  pairs.count = count;
  pairs.length = length;
  pairs.source.reserve(static_cast<std::size_t>(count * length));
  pairs.target.reserve(static_cast<std::size_t>(count * length));
  std::vector<int> seq(static_cast<std::size_t>(length));
  for (Index b = 0; b < count; ++b) {
    do {
      for (int& d : seq) d = static_cast<int>(rng.below(static_cast<std::uint64_t>(digits)));
    } while (excluded.contains(seq));
    const std::vector<int> target = tokenTaskTarget(task, seq);
    pairs.source.insert(pairs.source.end(), seq.begin(), seq.end());
    pairs.target.insert(pairs.target.end(), target.begin(), target.end());
  }
  return pairs;
}

}  // namespace dl
