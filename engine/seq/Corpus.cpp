// Tokenising UTF-8 text, counting a vocabulary, subsampling frequent words.
#include "seq/Corpus.h"

#include "core/Utf8.h"
#include "data/FileBytes.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace dl {

namespace {

// CJK ideographs (unified, extensions, compatibility) and kana: written without spaces between
// words, so each character is a token.
bool isCjkCharacter(char32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) ||  // hiragana, katakana
         (cp >= 0x3400 && cp <= 0x4DBF) ||  // extension A
         (cp >= 0x4E00 && cp <= 0x9FFF) ||  // unified ideographs
         (cp >= 0xF900 && cp <= 0xFAFF) ||  // compatibility ideographs
         (cp >= 0x20000 && cp <= 0x3FFFF);  // extensions B and later
}

// Letters and digits of the scripts written with spaces between words.
bool isWordCharacter(char32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (cp >= 0xC0 && cp <= 0x24F) return cp != 0xD7 && cp != 0xF7;     // Latin-1 letters, Latin Extended (not × ÷)
  if (cp >= 0x370 && cp <= 0x3FF) return cp != 0x37E && cp != 0x387;  // Greek (not its ; and ·)
  if (cp >= 0x400 && cp <= 0x4FF) return true;                        // Cyrillic
  return cp >= 0xAC00 && cp <= 0xD7A3;                                // Hangul syllables
}

char32_t toLower(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 0x20;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;   // À..Þ
  if (cp >= 0x100 && cp <= 0x137) return cp | 1;                  // Latin Extended-A: capital even
  if (cp >= 0x139 && cp <= 0x148) return (cp & 1) ? cp + 1 : cp;  //   … capital odd
  if (cp >= 0x14A && cp <= 0x177) return cp | 1;
  if (cp >= 0x179 && cp <= 0x17E) return (cp & 1) ? cp + 1 : cp;
  if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 0x20;  // Greek Α..Ϋ
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;                 // Cyrillic А..Я
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;                 // Ѐ..Џ
  return cp;
}

std::string hexByte(unsigned char b) {
  char buf[4];
  std::snprintf(buf, sizeof buf, "%02x", b);
  return buf;
}

}  // namespace

std::vector<std::string> tokenize(std::string_view text, const std::string& source) {
  if (text.empty()) throw DataError({source}, DL_TRANSLATE_NOOP("dl", "file is empty"));
  const std::size_t nul = text.find('\0');
  if (nul != std::string_view::npos)
    throw DataError({source}, {DL_TRANSLATE_NOOP("dl", "a NUL byte at offset %1: binary data, not UTF-8 text"),
                               {std::to_string(nul)}});
  std::size_t i = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  std::vector<std::string> tokens;
  std::string word;
  const auto flush = [&] {
    if (!word.empty()) tokens.push_back(std::move(word));
    word.clear();
  };
  while (i < text.size()) {
    const auto [cp, n] = decodeUtf8(text, i);
    if (n == 0)
      throw DataError({source},
                      {DL_TRANSLATE_NOOP("dl", "not UTF-8 text: byte 0x%1 at offset %2 starts no valid character"),
                       {hexByte(static_cast<unsigned char>(text[i])), std::to_string(i)}});
    i += n;
    if (isCjkCharacter(cp)) {
      flush();
      appendUtf8(word, cp);
      flush();
    } else if (isWordCharacter(cp)) {
      appendUtf8(word, toLower(cp));
    } else {
      flush();
    }
  }
  flush();
  return tokens;
}

Vocabulary::Vocabulary(const std::vector<std::string>& tokens, int minCount) {
  std::unordered_map<std::string, std::int64_t> counts;
  for (const auto& t : tokens) ++counts[t];
  std::vector<std::pair<std::string, std::int64_t>> kept;
  for (auto& [w, c] : counts)
    if (c >= minCount) kept.emplace_back(w, c);
  std::sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  for (auto& [w, c] : kept) {
    m_ids.emplace(w, static_cast<int>(m_words.size()));
    m_words.push_back(w);
    m_counts.push_back(c);
    m_total += c;
  }
}

int Vocabulary::id(const std::string& word) const {
  const auto it = m_ids.find(word);
  return it == m_ids.end() ? -1 : it->second;
}

void Corpus::assign(const std::vector<std::string>& tokens, int minCount) {
  m_vocabulary = Vocabulary(tokens, std::max(minCount, 1));
  m_ids.clear();
  m_ids.reserve(tokens.size());
  for (const auto& t : tokens) {
    const int id = m_vocabulary.id(t);
    if (id >= 0) m_ids.push_back(id);
  }
}

Corpus Corpus::fromText(std::string_view text, const std::string& source, int minCount) {
  Corpus c;
  c.m_source = source;
  c.assign(tokenize(text, source), minCount);
  return c;
}

Corpus Corpus::withMinCount(int minCount) const {
  std::vector<std::string> tokens;
  tokens.reserve(m_ids.size());
  for (const int id : m_ids) tokens.push_back(m_vocabulary.word(id));
  Corpus c;
  c.m_source = m_source;
  c.assign(tokens, minCount);
  return c;
}

Corpus Corpus::fromFile(const std::string& path, int minCount) {
  return fromText(readDataFile(path, kMaxCorpusBytes), path, minCount);
}

double keepProbability(const Vocabulary& vocabulary, int id, double t) {
  if (t <= 0.0 || vocabulary.totalCount() == 0) return 1.0;
  const double f = static_cast<double>(vocabulary.count(id)) / static_cast<double>(vocabulary.totalCount());
  return f <= t ? 1.0 : std::sqrt(t / f);
}

std::vector<int> subsample(const std::vector<int>& ids, const Vocabulary& vocabulary, double t, Rng& rng) {
  if (t <= 0.0) return ids;
  std::vector<double> keep(static_cast<std::size_t>(vocabulary.size()));
  for (int w = 0; w < vocabulary.size(); ++w) keep[static_cast<std::size_t>(w)] = keepProbability(vocabulary, w, t);
  std::vector<int> out;
  out.reserve(ids.size());
  for (const int id : ids)
    if (rng.uniform() < keep[static_cast<std::size_t>(id)]) out.push_back(id);
  return out;
}

}  // namespace dl
