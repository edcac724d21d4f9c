// CSV import. The file is read whole (it is at most kMaxCsvBytes, decompressed and decoded to UTF-8) and parsed one line at a time
// straight into the feature buffer, so memory stays near the size of the numbers themselves.
#include "data/Csv.h"

#include "core/Error.h"
#include "core/Utf8.h"
#include "data/FileBytes.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <string_view>
#include <unordered_map>

namespace dl {

namespace {

enum class CellKind { Number, NonFinite, TooLarge, Text, Empty };

struct Cell {
  CellKind kind = CellKind::Empty;
  double value = 0.0;
  std::string text;  // trimmed, quotes removed
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// from_chars is locale-independent (a German locale must not turn "1.5" into text) but rejects a
// leading '+', which spreadsheets write; out-of-range values ("1e999") count as Inf. With
// `decimalComma`, one ',' and no '.' in the cell reads "3,25" as 3.25.
Cell classify(std::string text, bool decimalComma = false) {
  Cell c;
  c.text = std::move(text);
  std::string_view s = c.text;
  if (s.empty()) return c;
  std::string converted;
  if (decimalComma && std::count(s.begin(), s.end(), ',') == 1 && s.find('.') == std::string_view::npos) {
    converted.assign(s);
    converted[converted.find(',')] = '.';
    s = converted;
  }
  if (s.front() == '+') s.remove_prefix(1);
  double v = 0.0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (end != s.data() + s.size() || s.empty() || (ec != std::errc() && ec != std::errc::result_out_of_range)) {
    c.kind = CellKind::Text;
    return c;
  }
  if (ec == std::errc::result_out_of_range) {
    // from_chars leaves v alone when out of range: tell underflow (1e-400 is a number, 0 as far as
    // Scalar goes) from overflow (1e400 would be Inf).
    const double r = std::strtod(std::string(s).c_str(), nullptr);
    if (std::isfinite(r) && std::abs(r) < 1.0) {
      c.kind = CellKind::Number;
      c.value = r;
      return c;
    }
    c.kind = CellKind::TooLarge;
    return c;
  }
  c.value = v;
  if (!std::isfinite(v))
    c.kind = CellKind::NonFinite;
  else  // values beyond float range would become Inf once stored as Scalar
    c.kind =
        std::abs(v) <= static_cast<double>(std::numeric_limits<Scalar>::max()) ? CellKind::Number : CellKind::TooLarge;
  return c;
}

// The separator ' ' stands for "runs of spaces or tabs" (scikit-learn's linnerud and diabetes
// files): leading and trailing blanks are no cells and a run is one separator.
constexpr char kBlanks = ' ';

bool isBlank(char ch) { return ch == ' ' || ch == '\t'; }

// Splits one line on `sep`; double quotes protect separators and "" is a literal quote.
std::vector<std::string> splitLine(std::string_view line, char sep) {
  std::vector<std::string> cells;
  if (sep == kBlanks) {
    line = trim(line);
    std::size_t i = 0;
    while (i < line.size()) {
      std::size_t j = i;
      while (j < line.size() && !isBlank(line[j])) ++j;
      cells.emplace_back(line.substr(i, j - i));
      while (j < line.size() && isBlank(line[j])) ++j;
      i = j;
    }
    if (cells.empty()) cells.emplace_back();
    return cells;
  }
  std::string cur;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char ch = line[i];
    if (quoted) {
      if (ch == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cur += '"';
        ++i;
      } else if (ch == '"') {
        quoted = false;
      } else {
        cur += ch;
      }
    } else if (ch == '"' && trim(cur).empty()) {
      cur.clear();
      quoted = true;
    } else if (ch == sep) {
      cells.emplace_back(trim(cur));
      cur.clear();
    } else {
      cur += ch;
    }
  }
  cells.emplace_back(trim(cur));
  return cells;
}

// Separators on a line outside quotes (runs of blanks between words for kBlanks).
int countSeparators(std::string_view line, char sep) {
  int n = 0;
  if (sep == kBlanks) {
    line = trim(line);
    for (std::size_t i = 0; i < line.size(); ++i)
      if (isBlank(line[i]) && (i == 0 || !isBlank(line[i - 1]))) ++n;
    return n;
  }
  bool quoted = false;
  for (const char ch : line) {
    if (ch == '"') quoted = !quoted;
    if (!quoted && ch == sep) ++n;
  }
  return n;
}

// The line ends with `sep` (outside quotes, ignoring blanks): a trailing separator.
bool endsWithSeparator(std::string_view line, char sep) {
  if (sep == kBlanks) return false;
  line = trim(line);
  return !line.empty() && line.back() == sep;
}

// Only separators and blanks: a spreadsheet's "ghost" row, skipped like a blank line.
bool isGhostRow(std::string_view line, char sep) {
  if (sep == kBlanks) return trim(line).empty();
  for (const char ch : line)
    if (ch != sep && !isBlank(ch) && ch != '\r' && ch != '"') return false;
  return true;
}

// The separator that splits each of the first lines into the same number (≥ 2) of cells; a
// trailing separator on a line is not counted. Tab, ';' and ',' before runs of spaces: a ';' on
// every line of a file with decimal commas is the separator, the commas are not. When no
// candidate is consistent, the most frequent one on the first line (commas win ties), so the
// ragged-row message explains the file.
char detectSeparator(const std::vector<std::string_view>& sample) {
  for (const char sep : {'\t', ';', ',', kBlanks}) {
    // The first line may be scikit-learn's shorter descriptor line: the rest decide.
    const std::size_t from = sample.size() > 1 ? 1 : 0;
    int cells = -1;
    bool consistent = true;
    for (std::size_t i = from; i < sample.size() && consistent; ++i) {
      if (isGhostRow(sample[i], sep)) continue;
      const int n = countSeparators(sample[i], sep) + 1 - (endsWithSeparator(sample[i], sep) ? 1 : 0);
      if (cells < 0) cells = n;
      consistent = n == cells;
    }
    if (consistent && cells >= 2) return sep;
  }
  const std::string_view first = sample.front();
  const int comma = countSeparators(first, ','), semicolon = countSeparators(first, ';'),
            tab = countSeparators(first, '\t');
  if (semicolon > comma && semicolon >= tab) return ';';
  if (tab > comma && tab > semicolon) return '\t';
  return ',';
}

// A cell quoted for a message: at most 20 bytes, control characters (a NUL, a lone \r) escaped.
std::string quoteCell(const std::string& text) { return "'" + printable(text, 20) + "'"; }

DataLocation at(const std::string& path, int line, int column) { return {path, line, column}; }

// One distinct label text of a classification file.
struct LabelText {
  int firstLine = 0;
  Cell cell;
};

// UTF-16 text after its byte-order mark, as UTF-8. A lone surrogate becomes U+FFFD (a cell with it
// is then "not a number", at its line); an odd byte count is an error.
std::string utf16ToUtf8(const std::string& path, std::string_view bytes, bool bigEndian) {
  if (bytes.size() % 2 != 0)
    throw DataError({path}, DL_TRANSLATE_NOOP("dl", "UTF-16 text with an odd number of bytes (the file is cut short)"));
  std::string out;
  out.reserve(bytes.size() / 2);
  const auto unit = [&](std::size_t i) {
    const auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
    return static_cast<char16_t>(bigEndian ? (a << 8 | b) : (b << 8 | a));
  };
  for (std::size_t i = 0; i < bytes.size(); i += 2) {
    const char16_t u = unit(i);
    if (u >= 0xD800 && u < 0xDC00 && i + 2 < bytes.size()) {
      const char16_t lo = unit(i + 2);
      if (lo >= 0xDC00 && lo < 0xE000) {
        appendUtf8(out, 0x10000 + ((static_cast<char32_t>(u) - 0xD800) << 10) + (lo - 0xDC00));
        i += 2;
        continue;
      }
    }
    appendUtf8(out, (u >= 0xD800 && u < 0xE000) ? char32_t{0xFFFD} : char32_t{u});
  }
  return out;
}

std::string readWholeFile(const std::string& path) {
  std::string data = readDataFile(path, kMaxCsvBytes);
  if (data.rfind("\xEF\xBB\xBF", 0) == 0) {  // UTF-8 byte-order mark
    data.erase(0, 3);
  } else if (data.rfind("\xFF\xFE", 0) == 0) {
    data = utf16ToUtf8(path, std::string_view(data).substr(2), false);
  } else if (data.rfind("\xFE\xFF", 0) == 0) {
    data = utf16ToUtf8(path, std::string_view(data).substr(2), true);
  }
  return data;
}

bool wholeNumber(const Cell& c) {
  return c.kind == CellKind::Number && c.value == std::floor(c.value) && std::abs(c.value) < 1e15;
}

MessageId realValuedLabels() {
  return DL_TRANSLATE_NOOP("dl",
                           "the label column has %1 distinct values in %2 rows: a real-valued target, not classes "
                           "(load it as regression: 'real-valued target', or data.csv.regression in a file)");
}

}  // namespace

bool isRealValuedLabelError(const DataError& e) { return std::strcmp(e.reason().text, realValuedLabels().text) == 0; }

Dataset loadCsv(const std::string& path, int labelColumn, bool header, bool regression) {
  const std::string data = readWholeFile(path);

  // Non-blank lines with their 1-based physical line numbers.
  std::vector<std::pair<int, std::string_view>> lines;
  {
    std::string_view rest = data;
    int number = 0;
    while (!rest.empty()) {
      const std::size_t nl = rest.find('\n');
      std::string_view line = rest.substr(0, nl);
      rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
      ++number;
      if (!trim(line).empty()) lines.emplace_back(number, line);
    }
  }
  if (lines.empty()) throw DataError({path}, DL_TRANSLATE_NOOP("dl", "file is empty"));

  // ---- dialect ----
  std::vector<std::string_view> sample;
  for (std::size_t i = 0; i < lines.size() && i < 20; ++i) sample.push_back(lines[i].second);
  const char sep = detectSeparator(sample);
  const bool decimalComma = sep != ',';
  lines.erase(std::remove_if(lines.begin(), lines.end(), [&](const auto& l) { return isGhostRow(l.second, sep); }),
              lines.end());
  if (lines.empty()) throw DataError({path}, DL_TRANSLATE_NOOP("dl", "file is empty"));
  // A separator closing every line after the first (spreadsheets write "1,2,0,") adds no cell.
  const bool trailingSeparator =
      lines.size() >= 2 &&
      std::all_of(lines.begin() + 1, lines.end(), [&](const auto& l) { return endsWithSeparator(l.second, sep); });
  const auto cellsOf = [&](std::string_view line) {
    std::vector<std::string> cells = splitLine(line, sep);
    if (trailingSeparator && cells.size() > 1 && endsWithSeparator(line, sep)) cells.pop_back();
    return cells;
  };
  const auto countOf = [&](std::string_view line) {
    return countSeparators(line, sep) + 1 - (trailingSeparator && endsWithSeparator(line, sep) ? 1 : 0);
  };

  // The usual cell count: what most lines have, so a message names the line that differs (a
  // first line of 5 cells above 178 lines of 14 is the odd one, not line 2).
  int columns = 0;
  {
    std::map<int, std::size_t> counts;
    for (const auto& l : lines) ++counts[countOf(l.second)];
    std::size_t best = 0;
    for (const auto& [n, k] : counts)
      if (k > best) best = k, columns = n;
  }

  // scikit-learn's descriptor line "N,F[,class names]" (see Csv.h).
  std::vector<std::string> descriptorNames;
  std::size_t firstRow = 0;
  if (lines.size() >= 3) {
    std::vector<std::string> first = cellsOf(lines.front().second);
    while (first.size() > 2 && first.back().empty()) first.pop_back();
    const Cell n = classify(first[0]);
    const Cell f = first.size() >= 2 ? classify(first[1]) : Cell{};
    if (wholeNumber(n) && wholeNumber(f) && static_cast<long long>(f.value) == columns - 1 &&
        (static_cast<std::size_t>(n.value) == lines.size() - 1 || static_cast<std::size_t>(n.value) == lines.size() - 2) &&
        (countOf(lines.front().second) != columns || first.size() < static_cast<std::size_t>(columns))) {
      descriptorNames.assign(first.begin() + 2, first.end());
      firstRow = 1;
    }
  }

  const std::vector<std::string> first = cellsOf(lines[firstRow].second);
  if (static_cast<int>(first.size()) != columns)
    throw DataError({path, lines[firstRow].first},
                    {DL_TRANSLATE_NOOP("dl", "the line has %1 cells, but most lines have %2"),
                     {std::to_string(first.size()), std::to_string(columns)}});
  if (labelColumn < -1 || labelColumn >= columns)
    throw DataError(
        {path},
        {DL_TRANSLATE_NOOP("dl", "label column index %1 (0-based, -1 = last) is out of range: the file has %2 columns"),
         {std::to_string(labelColumn), std::to_string(columns)}});
  if (columns < 2)
    throw DataError({path},
                    DL_TRANSLATE_NOOP(
                        "dl", "the file has only one column; it needs at least one feature column and a label column"));
  const int label = labelColumn < 0 ? columns - 1 : labelColumn;
  const int features = columns - 1;

  // Header detection (see Csv.h).
  bool hasHeader = false;
  {
    bool featureText = false;
    for (int j = 0; j < columns; ++j)
      if (j != label && classify(first[j], decimalComma).kind == CellKind::Text) featureText = true;
    const bool labelText = classify(first[label], decimalComma).kind == CellKind::Text;
    hasHeader = featureText || (labelText && header && regression);
  }

  Dataset d;
  for (int j = 0, f = 0; j < columns; ++j) {
    if (j == label) continue;
    ++f;
    std::string name = hasHeader ? first[j] : std::string();
    if (name.empty()) name = std::string("x").append(std::to_string(f));
    d.featureNames.push_back(std::move(name));
  }

  std::vector<Scalar> x;         // sample-major = (features, N) column-major
  std::vector<Scalar> targets;   // regression
  std::vector<int> labelIds;     // classification: index into texts
  std::vector<LabelText> texts;  // distinct label texts in order of first appearance
  std::unordered_map<std::string, int> textIndex;
  // Every number takes at least two bytes with its separator, which bounds the reservation when
  // a first line of a million columns is followed by short (ragged, hence refused) lines.
  x.reserve(std::min(lines.size() * static_cast<std::size_t>(features), data.size() / 2 + 1));

  for (std::size_t r = firstRow + (hasHeader ? 1 : 0); r < lines.size(); ++r) {
    const int lineNo = lines[r].first;
    const auto cells = cellsOf(lines[r].second);
    if (static_cast<int>(cells.size()) != columns)
      throw DataError({path, lineNo}, {DL_TRANSLATE_NOOP("dl", "the line has %1 cells, expected %2"),
                                       {std::to_string(cells.size()), std::to_string(columns)}});
    for (int j = 0; j < columns; ++j) {
      Cell cell = classify(cells[j], decimalComma);
      const bool isLabel = j == label;
      if (cell.kind == CellKind::NonFinite)
        throw DataError(at(path, lineNo, j + 1),
                        {DL_TRANSLATE_NOOP("dl", "%1: NaN/Inf is not allowed"), {quoteCell(cell.text)}});
      if (cell.kind == CellKind::TooLarge)
        throw DataError(at(path, lineNo, j + 1),
                        {DL_TRANSLATE_NOOP("dl", "%1 is too large: values must lie within ±%2"),
                         {quoteCell(cell.text), formatValue(std::numeric_limits<Scalar>::max())}});
      if (isLabel && !regression) {
        if (cell.kind == CellKind::Empty)
          throw DataError(at(path, lineNo, j + 1), DL_TRANSLATE_NOOP("dl", "the class label is empty"));
        auto [it, inserted] = textIndex.try_emplace(cell.text, static_cast<int>(texts.size()));
        if (inserted) texts.push_back({lineNo, std::move(cell)});
        labelIds.push_back(it->second);
        continue;
      }
      if (cell.kind == CellKind::Empty)
        throw DataError(at(path, lineNo, j + 1), DL_TRANSLATE_NOOP("dl", "empty cell is not a number"));
      if (cell.kind == CellKind::Text)
        throw DataError(at(path, lineNo, j + 1),
                        {DL_TRANSLATE_NOOP("dl", "%1 is not a number"), {quoteCell(cell.text)}});
      (isLabel ? targets : x).push_back(static_cast<Scalar>(cell.value));
    }
  }

  const Index n = static_cast<Index>(x.size() / static_cast<std::size_t>(features));
  if (n < 2)
    throw DataError({path},
                    {DL_TRANSLATE_NOOP("dl", "need at least %1 data rows, found %2"), {"2", std::to_string(n)}});
  d.X = Eigen::Map<const Matrix>(x.data(), features, n);

  if (regression) {
    d.task = Task::Regression;
    d.targets = Eigen::Map<const Matrix>(targets.data(), 1, n);
    return d;
  }

  d.task = Task::Classification;
  // Integer labels keep their numeric order (class 3 before class 10); anything else is a name.
  const bool allNumeric =
      std::all_of(texts.begin(), texts.end(), [](const LabelText& t) { return t.cell.kind == CellKind::Number; });
  // A class per handful of rows is a measured quantity (diabetes' 214 "classes" in 442 rows).
  const auto distinct = static_cast<Index>(texts.size());
  if (distinct > kMaxCsvClasses || (allNumeric && distinct > 20 && distinct * 10 > n))
    throw DataError(at(path, 0, label + 1),
                    {realValuedLabels(), {std::to_string(distinct), std::to_string(n)}});
  std::vector<int> classOfText(texts.size());
  if (allNumeric) {
    std::map<long long, int> classOfValue;
    for (const auto& t : texts) {
      const double v = t.cell.value;
      if (v < 0.0 || v != std::floor(v) || v > std::numeric_limits<int>::max())
        throw DataError(
            at(path, t.firstLine, label + 1),
            {DL_TRANSLATE_NOOP("dl",
                               "class label %1 is not a non-negative integer (use regression for real-valued targets)"),
             {quoteCell(t.cell.text)}});
      classOfValue.emplace(static_cast<long long>(v), 0);
    }
    int id = 0;
    // scikit-learn's descriptor names the classes 0..k−1 when it lists exactly k names.
    const bool named = !descriptorNames.empty() && descriptorNames.size() == classOfValue.size() &&
                       classOfValue.begin()->first == 0 &&
                       classOfValue.rbegin()->first == static_cast<long long>(classOfValue.size()) - 1;
    for (auto& [value, cls] : classOfValue) {
      cls = id;
      d.classNames.push_back(named ? descriptorNames[static_cast<std::size_t>(id)] : std::to_string(value));
      ++id;
    }
    for (std::size_t i = 0; i < texts.size(); ++i)
      classOfText[i] = classOfValue[static_cast<long long>(texts[i].cell.value)];
  } else {
    for (std::size_t i = 0; i < texts.size(); ++i) {
      classOfText[i] = static_cast<int>(i);
      d.classNames.push_back(texts[i].cell.text);
    }
  }
  d.numClasses = static_cast<int>(d.classNames.size());
  if (d.numClasses < 2)
    throw DataError(at(path, 0, label + 1), {DL_TRANSLATE_NOOP("dl", "label column has only one class: %1"),
                                             {quoteCell(d.classNames.front())}});
  d.labels.resize(labelIds.size());
  for (std::size_t i = 0; i < labelIds.size(); ++i) d.labels[i] = classOfText[static_cast<std::size_t>(labelIds[i])];
  return d;
}

}  // namespace dl
