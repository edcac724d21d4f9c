// The sequence lab's tasks (data/SequenceTasks.h).
#include "data/SequenceTasks.h"

#include "core/Error.h"
#include "core/Utf8.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>

namespace dl {

SeqSet addingProblem(Index count, Index steps, Rng& rng) {
  const Index T = std::max<Index>(steps, 2);
  SeqSet s;
  s.X.setZero(2 * T, count);
  s.targets.resize(1, count);
  const Index half = T / 2;
  for (Index n = 0; n < count; ++n) {
    for (Index t = 0; t < T; ++t) s.X(t, n) = static_cast<Scalar>(rng.uniform());
    const Index a = static_cast<Index>(rng.below(static_cast<std::uint64_t>(half)));
    const Index b = half + static_cast<Index>(rng.below(static_cast<std::uint64_t>(T - half)));
    s.X(T + a, n) = 1;
    s.X(T + b, n) = 1;
    s.targets(0, n) = s.X(a, n) + s.X(b, n);
  }
  return s;
}

SeqSet recallSymbol(Index count, Index steps, int symbols, Rng& rng) {
  const Index T = steps, K = symbols;
  SeqSet s;
  s.X.setZero(K * T, count);
  s.labels.resize(static_cast<std::size_t>(count));
  for (Index n = 0; n < count; ++n)
    for (Index t = 0; t < T; ++t) {
      const Index k = static_cast<Index>(rng.below(static_cast<std::uint64_t>(K)));
      s.X(k * T + t, n) = 1;
      if (t == 0) s.labels[static_cast<std::size_t>(n)] = static_cast<int>(k);
    }
  return s;
}

SeqSet parityBits(Index count, Index steps, Rng& rng) {
  SeqSet s;
  s.X.setZero(steps, count);
  s.labels.resize(static_cast<std::size_t>(count));
  for (Index n = 0; n < count; ++n) {
    int ones = 0;
    for (Index t = 0; t < steps; ++t) {
      const int bit = static_cast<int>(rng.below(2));
      s.X(t, n) = static_cast<Scalar>(bit);
      ones += bit;
    }
    s.labels[static_cast<std::size_t>(n)] = ones % 2;
  }
  return s;
}

SeqSet motifSequences(Index count, Index steps, int symbols, MotifPlaces places, Rng& rng) {
  if (symbols < kMotifLength)
    throw ConfigError("task.symbols", std::to_string(symbols),
                      DL_TRANSLATE_NOOP("dl", "the motif task needs at least 3 symbols: its motif is A B C"));
  if (steps < 2 * kMotifLength)
    throw ConfigError("task.length", std::to_string(steps),
                      DL_TRANSLATE_NOOP("dl", "the motif task needs at least 6 steps: each half has room for A B C"));
  const Index T = steps, K = symbols, M = kMotifLength, half = T / 2;
  // Starts the motif may take: it lies in [first, last + M).
  const Index first = places == MotifPlaces::SecondHalf ? half : 0;
  const Index last = places == MotifPlaces::FirstHalf ? half - M : T - M;
  SeqSet s;
  s.X.setZero(K * T, count);
  s.labels.resize(static_cast<std::size_t>(count));
  std::vector<Index> seq(static_cast<std::size_t>(T));
  const auto at = [&](Index t) -> Index& { return seq[static_cast<std::size_t>(t)]; };
  for (Index n = 0; n < count; ++n) {
    for (Index t = 0; t < T; ++t) at(t) = static_cast<Index>(rng.below(static_cast<std::uint64_t>(K)));
    // Left to right, an occurrence at t loses its last symbol (redrawn from the others). The new
    // symbol is not the motif's last, so no occurrence starting at t remains; ones starting at
    // t + 1 or t + 2 are still ahead of the scan, and none starting before t contains t + 2.
    for (Index t = 0; t + M <= T; ++t) {
      bool found = true;
      for (Index j = 0; j < M && found; ++j) found = at(t + j) == j;
      if (!found) continue;
      const Index r = static_cast<Index>(rng.below(static_cast<std::uint64_t>(K - 1)));
      at(t + M - 1) = r >= M - 1 ? r + 1 : r;
    }
    const bool positive = n % 2 == 1;
    if (positive) {
      // The motif's symbols differ from each other, so planting it cannot make a second occurrence
      // overlapping it, and the repaired background has none elsewhere.
      const Index start = first + static_cast<Index>(rng.below(static_cast<std::uint64_t>(last - first + 1)));
      for (Index j = 0; j < M; ++j) at(start + j) = j;
    }
    for (Index t = 0; t < T; ++t) s.X(at(t) * T + t, n) = 1;
    s.labels[static_cast<std::size_t>(n)] = positive ? 1 : 0;
  }
  return s;
}

SeqSet sineWindows(Index count, Index steps, int components, double noise, Rng& rng) {
  SeqSet s;
  s.X.resize(steps, count);
  s.targets.resize(1, count);
  const int m = std::max(components, 1);
  std::vector<double> freq(static_cast<std::size_t>(m)), phase(freq.size()), amp(freq.size());
  for (Index n = 0; n < count; ++n) {
    for (int c = 0; c < m; ++c) {
      freq[static_cast<std::size_t>(c)] = rng.uniform(0.02, 0.2) * 2 * std::numbers::pi;
      phase[static_cast<std::size_t>(c)] = rng.uniform(0, 2 * std::numbers::pi);
      amp[static_cast<std::size_t>(c)] = rng.uniform(0.5, 1.0) / m;
    }
    const auto value = [&](Index t) {
      double v = 0;
      for (std::size_t c = 0; c < freq.size(); ++c) v += amp[c] * std::sin(freq[c] * static_cast<double>(t) + phase[c]);
      return v;
    };
    for (Index t = 0; t < steps; ++t)
      s.X(t, n) = static_cast<Scalar>(value(t) + (noise > 0 ? rng.normal(0, noise) : 0));
    s.targets(0, n) = static_cast<Scalar>(value(steps));  // the clean next value: what can be predicted
  }
  return s;
}

SeqSet seriesWindows(const std::vector<double>& values, Index steps) {
  SeqSet s;
  const Index n = static_cast<Index>(values.size()) - steps;
  if (n < 1) {
    s.X.resize(steps, 0);
    s.targets.resize(1, 0);
    return s;
  }
  s.X.resize(steps, n);
  s.targets.resize(1, n);
  for (Index i = 0; i < n; ++i) {
    for (Index t = 0; t < steps; ++t) s.X(t, i) = static_cast<Scalar>(values[static_cast<std::size_t>(i + t)]);
    s.targets(0, i) = static_cast<Scalar>(values[static_cast<std::size_t>(i + steps)]);
  }
  return s;
}

namespace {

// The code points of valid UTF-8 (core/Utf8.h) after a byte-order mark, without carriage returns;
// throws DataError with the byte offset of a NUL byte or of the first bad sequence.
std::vector<char32_t> decodeText(const std::string& s, const std::string& source) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  std::size_t i = 0;
  if (s.size() >= 3 && static_cast<unsigned char>(s[0]) == 0xEF && static_cast<unsigned char>(s[1]) == 0xBB &&
      static_cast<unsigned char>(s[2]) == 0xBF)
    i = 3;  // a byte-order mark
  while (i < s.size()) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 == 0)
      throw DataError({source}, {DL_TRANSLATE_NOOP("dl", "holds a NUL byte at offset %1: binary data, not text"),
                                 {std::to_string(i)}});
    const auto [c, len] = decodeUtf8(s, i);
    if (len == 0)
      throw DataError({source}, {DL_TRANSLATE_NOOP("dl", "is not UTF-8 text (a bad byte sequence at offset %1)"),
                                 {std::to_string(i)}});
    if (c != U'\r') out.push_back(c);
    i += len;
  }
  return out;
}

}  // namespace

TextTokens tokenizeText(const std::string& utf8, const std::string& source, int maxVocabulary) {
  const std::vector<char32_t> points = decodeText(utf8, source);
  if (points.empty()) throw DataError({source}, DL_TRANSLATE_NOOP("dl", "is empty: there is no text to learn from"));
  std::map<char32_t, long long> counts;
  for (char32_t c : points) ++counts[c];
  if (counts.size() < 2)
    throw DataError({source}, DL_TRANSLATE_NOOP("dl", "has fewer than 2 different characters: nothing to predict"));
  std::vector<std::pair<char32_t, long long>> order(counts.begin(), counts.end());
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  const std::size_t kept = maxVocabulary >= 2 && order.size() > static_cast<std::size_t>(maxVocabulary)
                               ? static_cast<std::size_t>(maxVocabulary - 1)
                               : order.size();
  TextTokens t;
  std::map<char32_t, int> id;
  for (std::size_t i = 0; i < kept; ++i) {
    id[order[i].first] = static_cast<int>(i);
    t.vocabulary.push_back(utf8Of(order[i].first));
    t.counts.push_back(order[i].second);
  }
  if (kept < order.size()) {  // the rare characters share one id
    t.vocabulary.push_back(utf8Of(U'\uFFFD'));
    long long rest = 0;
    for (std::size_t i = kept; i < order.size(); ++i) rest += order[i].second;
    t.counts.push_back(rest);
  }
  t.ids.reserve(points.size());
  for (char32_t c : points) {
    const auto it = id.find(c);
    t.ids.push_back(it != id.end() ? it->second : static_cast<int>(kept));
  }
  return t;
}

SeqSet tokenWindows(const std::vector<int>& ids, Index steps, Index stride) {
  SeqSet s;
  const Index total = static_cast<Index>(ids.size());
  const Index n = total > steps ? (total - steps - 1) / std::max<Index>(stride, 1) + 1 : 0;
  s.X.resize(steps, n);
  s.labels.resize(static_cast<std::size_t>(n * steps));
  for (Index w = 0; w < n; ++w) {
    const Index start = w * std::max<Index>(stride, 1);
    for (Index t = 0; t < steps; ++t) {
      s.X(t, w) = static_cast<Scalar>(ids[static_cast<std::size_t>(start + t)]);
      s.labels[static_cast<std::size_t>(w * steps + t)] = ids[static_cast<std::size_t>(start + t + 1)];
    }
  }
  return s;
}

}  // namespace dl
