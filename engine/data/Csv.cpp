// CSV import. The file is read whole (it is at most kMaxCsvBytes) and parsed one line at a time
// straight into the feature buffer, so memory stays near the size of the numbers themselves.
#include "data/Csv.h"

#include "core/Error.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
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
// leading '+', which spreadsheets write; out-of-range values ("1e999") count as Inf.
Cell classify(std::string text) {
  Cell c;
  c.text = std::move(text);
  std::string_view s = c.text;
  if (s.empty()) return c;
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

// Splits one line on `sep`; double quotes protect separators and "" is a literal quote.
std::vector<std::string> splitLine(std::string_view line, char sep) {
  std::vector<std::string> cells;
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

// The separator used most often outside quotes on the first line; commas win ties.
char detectSeparator(std::string_view line) {
  int comma = 0, semicolon = 0, tab = 0;
  bool quoted = false;
  for (const char ch : line) {
    if (ch == '"') quoted = !quoted;
    if (quoted) continue;
    comma += ch == ',';
    semicolon += ch == ';';
    tab += ch == '\t';
  }
  if (semicolon > comma && semicolon >= tab) return ';';
  if (tab > comma && tab > semicolon) return '\t';
  return ',';
}

// A cell quoted for a message: at most 20 bytes, control characters (a NUL, a lone \r) escaped.
std::string quoteCell(const std::string& text) { return "'" + printable(text, 20) + "'"; }

DataLocation at(const std::string& path, int line, int column) { return {path, line, column}; }

std::string megabytes(std::uintmax_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return buf;
}

// One distinct label text of a classification file.
struct LabelText {
  int firstLine = 0;
  Cell cell;
};

std::string readWholeFile(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) throw DataError({path}, DL_TRANSLATE_NOOP("dl", "file does not exist"));
  if (!fs::is_regular_file(st)) throw DataError({path}, DL_TRANSLATE_NOOP("dl", "not a regular file"));
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) throw DataError({path}, {DL_TRANSLATE_NOOP("dl", "cannot read the file size: %1"), {ec.message()}});
  // Checked before reading so a huge file costs nothing.
  if (size > kMaxCsvBytes)
    throw DataError({path}, {DL_TRANSLATE_NOOP("dl", "file is %1 MB, larger than the %2 MB limit"),
                             {megabytes(size), megabytes(kMaxCsvBytes)}});
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataError({path}, DL_TRANSLATE_NOOP("dl", "cannot open the file for reading"));
  std::string data(static_cast<std::size_t>(size), '\0');
  in.read(data.data(), static_cast<std::streamsize>(size));
  if (in.gcount() != static_cast<std::streamsize>(size))
    throw DataError({path}, DL_TRANSLATE_NOOP("dl", "cannot read the file"));
  if (data.rfind("\xEF\xBB\xBF", 0) == 0) data.erase(0, 3);  // UTF-8 byte-order mark
  return data;
}

}  // namespace

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

  const char sep = detectSeparator(lines.front().second);
  const std::vector<std::string> first = splitLine(lines.front().second, sep);
  const int columns = static_cast<int>(first.size());
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
      if (j != label && classify(first[j]).kind == CellKind::Text) featureText = true;
    const bool labelText = classify(first[label]).kind == CellKind::Text;
    hasHeader = featureText;
    if (!featureText && labelText && header) {
      hasHeader = true;
      if (!regression) {
        for (std::size_t r = 1; r < lines.size() && hasHeader; ++r) {
          const auto cells = splitLine(lines[r].second, sep);
          if (static_cast<int>(cells.size()) == columns && cells[label] == first[label]) hasHeader = false;
        }
      }
    }
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

  for (std::size_t r = hasHeader ? 1 : 0; r < lines.size(); ++r) {
    const int lineNo = lines[r].first;
    const auto cells = splitLine(lines[r].second, sep);
    if (static_cast<int>(cells.size()) != columns)
      throw DataError({path, lineNo}, {DL_TRANSLATE_NOOP("dl", "the line has %1 cells, expected %2"),
                                       {std::to_string(cells.size()), std::to_string(columns)}});
    for (int j = 0; j < columns; ++j) {
      Cell cell = classify(cells[j]);
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
    for (auto& [value, cls] : classOfValue) {
      cls = id++;
      d.classNames.push_back(std::to_string(value));
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
