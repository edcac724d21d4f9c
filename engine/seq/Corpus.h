// A text corpus for word embeddings: UTF-8 text split into tokens (lower-cased words; each CJK
// character a token of its own), a vocabulary with counts, and the stream of word ids to train on.
#pragma once

#include "core/Error.h"
#include "core/Rng.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dl {

// Corpus files above this size are refused before reading (the playground trains in seconds).
constexpr std::uintmax_t kMaxCorpusBytes = 16ull * 1024 * 1024;

// Splits UTF-8 text into tokens. A token is either a run of letters and digits (Latin, Greek,
// Cyrillic, Hangul; lower-cased for the Latin-1, Latin Extended-A, Greek and Cyrillic capitals),
// or a single CJK ideograph or kana ("猫是动物" → 猫 是 动 物). Everything else — spaces,
// punctuation (ASCII and CJK), symbols — separates tokens and is dropped. A byte-order mark at the
// start is skipped.
//
// Throws DataError naming `source` (a file name, or a label for in-memory text) for: no bytes at all,
// a NUL byte (binary data, or UTF-16), bytes that are not UTF-8 (at the first bad one).
std::vector<std::string> tokenize(std::string_view text, const std::string& source);

// The distinct words of a corpus, most frequent first (ties in byte order, so the ids do not depend
// on hashing): id → word and count, word → id.
class Vocabulary {
public:
  Vocabulary() = default;
  // Counts `tokens` and keeps the words seen at least minCount times (minCount ≥ 1).
  Vocabulary(const std::vector<std::string>& tokens, int minCount);

  int size() const { return static_cast<int>(m_words.size()); }
  const std::string& word(int id) const { return m_words[static_cast<std::size_t>(id)]; }
  std::int64_t count(int id) const { return m_counts[static_cast<std::size_t>(id)]; }
  const std::vector<std::int64_t>& counts() const { return m_counts; }  // (V)
  std::int64_t totalCount() const { return m_total; }                   // Σ counts
  int id(const std::string& word) const;                                // −1 when not in the vocabulary

private:
  std::vector<std::string> m_words;    // (V)
  std::vector<std::int64_t> m_counts;  // (V), non-increasing
  std::unordered_map<std::string, int> m_ids;
  std::int64_t m_total = 0;
};

// A tokenised text: its vocabulary and the stream of ids (words below minCount dropped from it, as
// word2vec does, so their neighbours become neighbours of each other).
class Corpus {
public:
  // Throws DataError naming `source` (see tokenize); minCount is checked by SkipGramConfig.
  static Corpus fromText(std::string_view text, const std::string& source, int minCount = 1);
  // The file at `path` (gzip allowed, at most kMaxCorpusBytes); errors name the path.
  static Corpus fromFile(const std::string& path, int minCount = 1);

  // The same corpus without the words seen fewer than minCount times (ids renumbered).
  Corpus withMinCount(int minCount) const;

  const std::string& source() const { return m_source; }
  const Vocabulary& vocabulary() const { return m_vocabulary; }
  const std::vector<int>& ids() const { return m_ids; }  // (L)
  std::int64_t length() const { return static_cast<std::int64_t>(m_ids.size()); }

private:
  void assign(const std::vector<std::string>& tokens, int minCount);

  std::string m_source;
  Vocabulary m_vocabulary;
  std::vector<int> m_ids;
};

// Subsampling of frequent words (Mikolov et al. 2013, "Distributed Representations of Words and
// Phrases and their Compositionality", §2.3): each occurrence of word w, whose share of the corpus
// is f(w) = count/total, is discarded with probability 1 − √(t / f(w)) (never when f(w) ≤ t).
// Returns the ids kept, in order; t = 0 keeps everything. Draws one number per token from rng.
std::vector<int> subsample(const std::vector<int>& ids, const Vocabulary& vocabulary, double t, Rng& rng);

// The probability of keeping one occurrence of `id` under subsample(…, t, …).
double keepProbability(const Vocabulary& vocabulary, int id, double t);

}  // namespace dl
