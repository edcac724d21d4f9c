// The sequence lab's toy tasks: random digit sequences and their reversed or sorted copies, drawn
// from dl::Rng so a seed reproduces a set exactly. Tokens are the digits 0 .. digits − 1 themselves.
#pragma once

#include "core/Rng.h"
#include "core/Types.h"

#include <string>
#include <vector>

namespace dl {

enum class TokenTask { Reverse, Sort };

// "reverse", "sort". Throws ConfigError(field, name) for anything else.
TokenTask tokenTaskFromName(const std::string& name, const char* field);
const std::vector<std::string>& tokenTaskNames();

// `count` pairs of sequences of `length` tokens, SAMPLE-major: token t of pair b is at b·length + t.
struct TokenPairs {
  Index count = 0, length = 0;
  std::vector<int> source;  // uniform digits in [0, digits)
  std::vector<int> target;  // reverse: source[L−1−t]; sort: the source in ascending order
};

// The target of one source sequence.
std::vector<int> tokenTaskTarget(TokenTask task, const std::vector<int>& source);

// Draws count sequences (length tokens, each uniform in [0, digits)) and their targets. Each token
// takes one rng.below(digits), in order. Sequences in `exclude` (same layout, `length` tokens each)
// are drawn again, so a training stream can stay apart from a held-out set; pass an empty exclude
// when digits^length is not much larger than the excluded set (the redraws would never end).
TokenPairs makeTokenPairs(TokenTask task, Index count, Index length, int digits, Rng& rng,
                          const TokenPairs* exclude = nullptr);

}  // namespace dl
