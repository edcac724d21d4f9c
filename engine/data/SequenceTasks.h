// The sequence lab's tasks: generated problems that need a memory (the adding problem, recalling a
// symbol, parity), next-step prediction of sines or a user's series, and a character-level language
// model on a text. Each gives sequences in the layout of nn/Layer.h — a sample is one column of F·T
// values, feature f of step t at row f·T + t — with what the network must predict: one value
// (regression), one class, or a class at every step (the character model).
#pragma once

#include "core/Rng.h"
#include "core/Types.h"

#include <string>
#include <vector>

namespace dl {

// Sequences and what to predict. One column per sample.
struct SeqSet {
  Matrix X;                 // (F·T, N); token tasks (F = 1): token ids as numbers
  std::vector<int> labels;  // one class per sample (N), or per step (N·T, sample n's step t at n·T + t)
  Matrix targets;           // regression: (1, N)
  Index size() const { return X.cols(); }
};

struct SeqData {
  SeqSet train, validation, test;
  Index features = 1, steps = 1;  // F, T
  bool tokens = false;            // X holds token ids: the network starts with an embedding
  int classes = 0;                // 0: regression (one value per sequence)
  bool perStep = false;           // a class at every step (the character model)
  // Class names: the copy task's symbols ("A", "B", …), parity's "even"/"odd", the characters of
  // a text (UTF-8, one code point each).
  std::vector<std::string> classNames;
  // The loss of the best prediction that ignores the input (the constant mean for regression, the
  // class frequencies for classification), on the validation part: what "learned nothing" scores.
  // The adding problem's is about 1/6 ≈ 0.167, the variance of a sum of two uniform numbers.
  double baselineLoss = 0;
  // Regression on a user's series: the targets were standardised with these (value = z·scale + offset).
  double offset = 0, scale = 1;
};

// The adding problem (Hochreiter & Schmidhuber 1997; Le, Jaitly & Hinton 2015): two features per
// step, a random number in [0, 1) and a marker that is 1 at exactly two steps — one in the first
// half, one in the second — and 0 elsewhere. The target is the sum of the two marked numbers.
// Rows: value of step t at t, marker at T + t.
SeqSet addingProblem(Index count, Index steps, Rng& rng);

// Remembering a symbol: each step shows one of `symbols` symbols (one-hot, F = symbols), all drawn
// at random; the class is the symbol of step 0, asked for after `steps` steps.
SeqSet recallSymbol(Index count, Index steps, int symbols, Rng& rng);

// Parity (delayed XOR): `steps` random bits (F = 1, 0 or 1); the class is 1 when the number of ones
// is odd. Two steps is XOR.
SeqSet parityBits(Index count, Index steps, Rng& rng);

// Where the motif task's positive sequences may hold the motif: anywhere, or lying wholly in the
// first half of the T positions (0 … ⌊T/2⌋ − 1) or wholly in the second (⌊T/2⌋ … T − 1).
enum class MotifPlaces { Anywhere, FirstHalf, SecondHalf };

// The motif task, a "trigger word" to spot: `steps` random symbols out of `symbols` (one-hot, F =
// symbols, as recallSymbol); the class is 1 when the motif A B C (symbols 0, 1, 2) occurs
// somewhere in the sequence, else 0. Every odd-numbered sequence holds it exactly once, starting at
// a place drawn uniformly from `places`; the others hold it nowhere (a chance occurrence is
// repaired by redrawing its last symbol). Throws ConfigError naming "task.symbols" (fewer than 3)
// or "task.length" (fewer than 6 steps: each half must have room for the motif) with the value.
SeqSet motifSequences(Index count, Index steps, int symbols, MotifPlaces places, Rng& rng);
inline constexpr int kMotifLength = 3;  // the motif is symbols 0, 1, 2 in that order

// Next-step prediction of a sum of `components` sines, each with a random frequency (0.02 to 0.2
// cycles a step), phase and amplitude (0.5 to 1, divided by the number of components), plus
// Gaussian noise of standard deviation `noise`: F = 1, the target is the value after the last step.
SeqSet sineWindows(Index count, Index steps, int components, double noise, Rng& rng);

// A series cut into windows of `steps` values whose target is the next value, one window starting
// at every position (the caller standardises). Fewer than steps + 1 values: empty.
SeqSet seriesWindows(const std::vector<double>& values, Index steps);

// A text as code points: the characters of a character model, with a vocabulary.
struct TextTokens {
  std::vector<int> ids;                 // one per code point of the text
  std::vector<std::string> vocabulary;  // id → the character (UTF-8), most frequent first
  std::vector<long long> counts;        // id → how often it occurs
};

// Splits UTF-8 text into code points and numbers them, the most frequent first (ties in code point
// order); at most `maxVocabulary` characters keep their own id, the rarer ones share the last id,
// shown as "�". A carriage return is dropped ("\r\n" reads as "\n"). Throws DataError naming
// `source` for text that is empty, holds a NUL byte (binary data) or is not valid UTF-8 (with the
// byte offset), or has fewer than 2 distinct characters.
TextTokens tokenizeText(const std::string& utf8, const std::string& source, int maxVocabulary);

// Windows of a token stream for a character model: inputs ids[i .. i+T−1], per-step targets
// ids[i+1 .. i+T], windows starting every `stride` tokens. Fewer than T + 1 tokens: empty.
SeqSet tokenWindows(const std::vector<int>& ids, Index steps, Index stride);

}  // namespace dl
