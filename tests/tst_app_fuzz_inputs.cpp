// Robustness of the two inputs a user hands dlplay, CSV data and experiment JSON: thousands of
// deterministic random mutations of valid files. Every input must either load into something that
// trains (finite values, consistent sizes, labels in range) or fail with one clear line naming the
// file — never a crash, a hang, a huge allocation or another exception type.
#include "core/Error.h"
#include "core/Rng.h"
#include "data/Csv.h"
#include "data/Prepare.h"
#include "io/ExperimentIo.h"
#include "io/Presets.h"
#include "train/Trainer.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstring>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include "GzipForTests.h"

// Under AddressSanitizer every large QJsonArray/QByteArray growth is an mmap, and the JSON
// mutations take ten times as long (about 300 s on two cores). The sanitizer build runs the same
// deterministic sequence of mutations, cut to its first quarter: it looks for memory errors, the
// Release build covers the whole sequence.
#ifdef DLPLAY_SANITIZED
constexpr int kSanitizerDivisor = 4;
#else
constexpr int kSanitizerDivisor = 1;
#endif

namespace {

using dl::Rng;

std::size_t pick(Rng& r, std::size_t n) { return n ? static_cast<std::size_t>(r.below(n)) : 0; }
template <class T>
const T& pickOf(Rng& r, const std::vector<T>& v) {
  return v[pick(r, v.size())];
}

// One line: no line breaks and no NUL that would cut what() short.
bool oneLine(const std::string& m) {
  return !m.empty() && m.find_first_of(std::string("\n\r\0", 3)) == std::string::npos;
}

// Seeds and failures are printed escaped, so a failure message can be pasted into a test.
std::string escaped(const std::string& s, std::size_t max = 400) {
  std::string out;
  for (std::size_t i = 0; i < s.size() && out.size() < max; ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '\n')
      out += "\\n";
    else if (c == '\\')
      out += "\\\\";
    else if (c < 0x20 || c >= 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else
      out += static_cast<char>(c);
  }
  if (out.size() >= max) out += "... (" + std::to_string(s.size()) + " bytes)";
  return out;
}

// ---- CSV ---------------------------------------------------------------------------------------

struct CsvSeed {
  std::string text;
  bool regression;
};

const std::vector<CsvSeed> kCsvSeeds = {
    {"x1,x2,label\n0.5,1.2,0\n-0.3,0.8,1\n1.5,-2.0,0\n0.1,0.2,1\n2.0,2.5,1\n-1,-1,0\n0.7,0.1,2\n", false},
    {"1.0;2.0;3.0;setosa\n1.1;2.1;3.1;versicolor\n0.9;1.9;2.9;setosa\n1.5;2.5;3.5;virginica\n"
     "1.3;2.2;3.3;versicolor\n1.6;2.4;3.6;virginica\n",
     false},
    {"a\tb\tclass\n1\t2\tcat\n3\t4\tdog\n5\t6\tcat\n7\t8\tdog\n9\t10\tcat\n", false},
    {"\"x, one\",\"x \"\"two\"\"\",\"y\"\n\"1.5\",\"2\",\"yes\"\n\"3\",4,\"no\"\n5,\"6\",yes\n-7,8e-1,no\n", false},
    {"x,y,target\n0.1,0.2,0.35\n0.4,0.5,-1.25\n1e3,-2e-3,7\n3,4,5.5\n-2,1,0\n+1.5,2,1e-3\n", true},
    {"0,0,0\n0,1,1\n1,0,1\n1,1,0\n0.5,0.5,1\n0.25,0.75,0\n", false},
    {"f1,f2,f3,label\r\n1,2,3,a\r\n4,5,6,b\r\n7,8,9,a\r\n\r\n10,11,12,b\r\n", false},
    {"label,f1,f2\n3,0.1,0.2\n10,0.3,0.4\n3,0.5,0.6\n10,0.7,0.8\n", false},
};

const std::vector<std::string> kOddCells = {"NaN",
                                            "nan",
                                            "-nan",
                                            "inf",
                                            "-inf",
                                            "Infinity",
                                            "1e400",
                                            "-1e400",
                                            "1e39",
                                            "-1e39",
                                            "3.4e38",
                                            "3.5e38",
                                            "1e-400",
                                            "-0",
                                            "+0",
                                            "0x1p3",
                                            "1e308",
                                            "-1e308",
                                            "99999999999999999999999999",
                                            "2147483648",
                                            "-2147483649",
                                            "-5",
                                            "1.5",
                                            "",
                                            "  ",
                                            "\"\"",
                                            "\"1,5\"",
                                            "1,5",
                                            "+",
                                            "-",
                                            "e5",
                                            ".",
                                            "1e",
                                            "1.2.3",
                                            "\"",
                                            "\"\"\"",
                                            "\xEF\xBB\xBF"
                                            "1",
                                            "\xff\xfe",
                                            "\xc3\x28",
                                            "\xe2\x82",
                                            "\xf0\x9f\x98\x80",
                                            std::string("1\0"
                                                        "2",
                                                        3),
                                            "1\r2",
                                            "\t",
                                            "1 2",
                                            "TRUE",
                                            "0.0000001"};

std::vector<std::string> splitLines(const std::string& s) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= s.size()) {
    const std::size_t nl = s.find('\n', start);
    if (nl == std::string::npos) {
      lines.push_back(s.substr(start));
      break;
    }
    lines.push_back(s.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

std::string joinLines(const std::vector<std::string>& lines) {
  std::string s;
  for (std::size_t i = 0; i < lines.size(); ++i) s += (i ? "\n" : "") + lines[i];
  return s;
}

// Positions of the cell boundaries of a line (separators , ; and tab).
std::vector<std::size_t> separators(const std::string& line) {
  std::vector<std::size_t> at;
  for (std::size_t i = 0; i < line.size(); ++i)
    if (line[i] == ',' || line[i] == ';' || line[i] == '\t') at.push_back(i);
  return at;
}

// Replaces the cell of `line` around a random boundary with `text`.
void replaceCell(std::string& line, Rng& r, const std::string& text) {
  const auto seps = separators(line);
  const std::size_t k = pick(r, seps.size() + 1);
  const std::size_t begin = k == 0 ? 0 : seps[k - 1] + 1;
  const std::size_t end = k == seps.size() ? line.size() : seps[k];
  line.replace(begin, end - begin, text);
}

std::string gzipped(const std::string& text) { return gzipForTests(text); }

// `text` (UTF-8) as UTF-16 with a byte-order mark.
std::string utf16(const std::string& text, bool bigEndian) {
  std::string out = bigEndian ? "\xFE\xFF" : "\xFF\xFE";
  for (const QChar ch : QString::fromUtf8(text.data(), qsizetype(text.size()))) {
    const char hi = char(ch.unicode() >> 8), lo = char(ch.unicode() & 0xFF);
    out += bigEndian ? std::string{hi, lo} : std::string{lo, hi};
  }
  return out;
}

// The dialects and encodings of real exports, applied to a whole (mutated) file, sometimes
// damaged afterwards: ';' with decimal commas, a trailing separator on every line, runs of
// spaces, scikit-learn's descriptor line, UTF-16, gzip (whole, cut short or with a flipped byte).
void encodeCsv(std::string& s, Rng& r) {
  switch (r.below(8)) {
    case 0: {  // European: ';' separator, decimal commas
      std::string e;
      for (const char ch : s) e += ch == ',' ? ';' : ch == '.' ? ',' : ch;
      s = e;
      return;
    }
    case 1: {  // a separator closing every line
      std::string e;
      for (const char ch : s) e += ch == '\n' ? std::string(",\n") : std::string(1, ch);
      s = e;
      return;
    }
    case 2: {  // runs of spaces
      std::string e;
      for (const char ch : s) e += ch == ',' ? std::string(1 + pick(r, 3), ' ') : std::string(1, ch);
      s = e;
      return;
    }
    case 3: {  // scikit-learn's descriptor line, right or wrong
      const auto lines = splitLines(s);
      const std::size_t cells = lines.empty() ? 0 : separators(lines.back()).size();
      s = std::to_string(lines.size() - r.below(3)) + "," + std::to_string(cells + r.below(2)) + ",a,b\n" + s;
      return;
    }
    case 4:
      s = utf16(s, r.below(2));
      if (r.below(4) == 0 && s.size() > 3) s.resize(s.size() - 1 - pick(r, s.size() / 2));  // cut, maybe odd
      return;
    case 5:
    case 6: {
      s = gzipped(s);
      if (r.below(3) == 0 && s.size() > 2) s.resize(2 + pick(r, s.size() - 2));
      else if (r.below(3) == 0 && s.size() > 12) s[10 + pick(r, s.size() - 10)] ^= static_cast<char>(1 + r.below(255));
      return;
    }
    default:
      return;
  }
}

void mutateCsv(std::string& s, Rng& r) {
  auto lines = splitLines(s);
  auto& line = lines[pick(r, lines.size())];
  const std::size_t pos = pick(r, s.size() + 1);
  switch (r.below(18)) {
    case 0:  // byte flip
      if (!s.empty()) s[pick(r, s.size())] = static_cast<char>(r.below(256));
      return;
    case 1:  // delete a line
      lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(pick(r, lines.size())));
      break;
    case 2:  // duplicate a line
    {
      const std::size_t i = pick(r, lines.size());
      lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(i), lines[i]);
      break;
    }
    case 3:  // delete a cell with its separator
    {
      const auto seps = separators(line);
      if (!seps.empty()) {
        const std::size_t k = pick(r, seps.size());
        const std::size_t begin = k == 0 ? 0 : seps[k - 1] + 1;
        line.erase(begin, seps[k] + 1 - begin);
      }
      break;
    }
    case 4:  // duplicate a cell
    {
      const auto seps = separators(line);
      if (!seps.empty()) {
        const std::size_t k = pick(r, seps.size());
        const std::size_t begin = k == 0 ? 0 : seps[k - 1] + 1;
        line.insert(begin, line.substr(begin, seps[k] + 1 - begin));
      }
      break;
    }
    case 5:
      s.insert(pos, 1, '"');
      return;
    case 6:
      s.insert(pos, 1, ",;\t"[r.below(3)]);
      return;
    case 7:
    case 8:
      replaceCell(line, r, pickOf(r, kOddCells));
      break;
    case 9:  // a very long line or cell
      if (r.below(2))
        line += std::string(",") + std::string(20000 + pick(r, 200000), '7');
      else
        replaceCell(line, r, std::string(1 + pick(r, 100000), '9'));
      break;
    case 10:  // blank and whitespace lines
      lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(pick(r, lines.size() + 1)),
                   pickOf(r, std::vector<std::string>{"", " ", "\t", "\r", " , ", ",", ";;"}));
      break;
    case 11:  // byte-order mark, at the start or anywhere
      s.insert(r.below(2) ? 0 : pos, "\xEF\xBB\xBF");
      return;
    case 12:
      s.insert(pos, 1, '\r');
      return;
    case 13:
      s.insert(pos, 1, '\0');
      return;
    case 14:  // UTF-8 garbage
    {
      std::string g;
      for (std::size_t i = 0, n = 1 + pick(r, 8); i < n; ++i) g += static_cast<char>(0x80 + r.below(128));
      s.insert(pos, g);
      return;
    }
    case 15:  // truncate
      s.resize(pos);
      return;
    case 16:  // label turned into something else
      replaceCell(line, r,
                  pickOf(r, std::vector<std::string>{"-1", "1e9", "2.5", "4294967296", "class with spaces", "0", "-0",
                                                     "007", "1e0", "x"}));
      break;
    default:  // many rows, many classes
    {
      const std::size_t copies = 50 + pick(r, 3000);
      const bool stringLabels = r.below(2);
      const std::string base = lines.size() > 1 ? lines[1] : line;
      for (std::size_t i = 0; i < copies; ++i) {
        std::string copy = base;
        const auto seps = separators(copy);
        if (!seps.empty())
          copy.replace(seps.back() + 1, std::string::npos,
                       stringLabels ? "c" + std::to_string(i) : std::to_string(i % 4000));
        lines.push_back(copy);
      }
      break;
    }
  }
  s = joinLines(lines);
}

// ---- JSON --------------------------------------------------------------------------------------

const std::vector<double> kOddNumbers = {
    0,      -0.0,     -1,   -0.5, 0.5,  1,       2,    3,    1e9,  2147483648.0, -2147483649.0,
    1e308,  -1e308,   4096, 4097, 1e6,  1000001, 1e15, 9e15, 1e16, 64,           65,
    1e-308, 0.999999, 0.95, 10,   10.5, 256,     257};
const std::vector<QString> kOddStrings = {"NaN",
                                          "nan",
                                          "Infinity",
                                          "-inf",
                                          "1e400",
                                          "",
                                          " ",
                                          "relu",
                                          "adam",
                                          "bogus",
                                          "csv",
                                          "plateau",
                                          "maxout",
                                          "smote",
                                          "line\nbreak",
                                          "\r",
                                          QString(200, QChar('x')),
                                          "m",
                                          "v",
                                          "velocity",
                                          "ffffffffffffffff",
                                          "zz",
                                          "-1",
                                          QString::fromUtf8("\xe4\xb8\xad\xe6\x96\x87")};

int countNodes(const QJsonValue& v) {
  int n = 1;
  if (v.isObject())
    for (const auto& x : v.toObject()) n += countNodes(x);
  if (v.isArray())
    for (const auto& x : v.toArray()) n += countNodes(x);
  return n;
}

QJsonValue oddValue(Rng& r) {
  switch (r.below(6)) {
    case 0:
    case 1:
      return pickOf(r, kOddNumbers);
    case 2:
      return pickOf(r, kOddStrings);
    case 3:
      return pickOf(r, std::vector<QJsonValue>{QJsonValue(), true, false});
    case 4:
      return QJsonArray{1, 2, "x"};
    default:
      return QJsonObject{{"units", 8}};
  }
}

// Mutates the node number `target` (pre-order) of v. nullopt = delete it from its parent.
std::optional<QJsonValue> mutateNode(const QJsonValue& v, int& target, Rng& r) {
  if (target-- == 0) {
    switch (r.below(10)) {
      case 0:
        return std::nullopt;
      case 1:
      case 2:
        // (Each draw in its own statement: the order of operands is unspecified, and the suite
        // must mutate identically in every build.)
        if (v.isDouble() && r.below(2)) {  // nearby: legal more often, so the odd legal ones get trained
          const double factor = pickOf(r, std::vector<double>{0.5, 2, 10, 0.1, 100, -1});
          return v.toDouble() * factor + double(r.below(3));
        }
        if (v.isDouble()) {
          const double odd = pickOf(r, kOddNumbers);
          return r.below(4) == 0 ? -odd : odd;
        }
        return oddValue(r);
      case 3:
        if (v.isString()) return pickOf(r, kOddStrings);
        return oddValue(r);
      case 4:
        if (v.isArray()) {  // resize: shorter, longer, much longer
          QJsonArray a = v.toArray();
          const int to = r.below(3) == 0 ? 1 + static_cast<int>(r.below(70))
                                         : static_cast<int>(a.size()) + static_cast<int>(r.below(5)) - 2;
          while (a.size() > std::max(0, to)) a.removeLast();
          while (a.size() < to) a.append(a.isEmpty() ? QJsonValue(1) : a.at(static_cast<int>(pick(r, a.size()))));
          return a;
        }
        return oddValue(r);
      case 5:
        if (v.isObject()) {  // unknown key
          QJsonObject o = v.toObject();
          o.insert(pickOf(r, kOddStrings), oddValue(r));
          return o;
        }
        return oddValue(r);
      case 6:
        if (v.isArray()) {  // a long array: wrong-length state, many layers
          QJsonArray a = v.toArray();
          const int to = static_cast<int>(a.size() + 1 + r.below(r.below(4) == 0 ? 100000 : 100));
          const QJsonValue fill = a.isEmpty() ? QJsonValue(0.5) : a.at(0);
          while (a.size() < to) a.append(fill);
          return a;
        }
        return oddValue(r);
      case 7:  // a number as a string, or a string as a number
        if (v.isDouble()) return QString::number(v.toDouble());
        return pickOf(r, kOddNumbers);
      case 8:  // nested one level deeper
        return QJsonArray{v};
      default:
        return oddValue(r);
    }
  }
  if (v.isObject()) {
    QJsonObject o = v.toObject();
    for (const QString& key : o.keys()) {
      if (target < 0) break;
      const auto m = mutateNode(o.value(key), target, r);
      if (!m)
        o.remove(key);
      else
        o.insert(key, *m);
    }
    return o;
  }
  if (v.isArray()) {
    QJsonArray a = v.toArray();
    for (int i = 0; i < a.size() && target >= 0; ++i) {
      const auto m = mutateNode(a.at(i), target, r);
      if (!m)
        a.removeAt(i--);
      else
        a.replace(i, *m);
    }
    return a;
  }
  return v;
}

// Mutations of the text itself: what no JSON tree can express.
void mutateJsonText(QByteArray& b, Rng& r) {
  const auto pos = static_cast<qsizetype>(pick(r, static_cast<std::size_t>(b.size()) + 1));
  switch (r.below(8)) {
    case 0:  // truncation
      b.truncate(pos);
      break;
    case 1:  // byte flip
      if (!b.isEmpty()) b[static_cast<qsizetype>(pick(r, static_cast<std::size_t>(b.size())))] = char(r.below(256));
      break;
    case 2: {  // a duplicated key: repeat some "key": value pair right after itself
      const qsizetype q = b.indexOf("\":", pos);
      const qsizetype start = q < 0 ? -1 : b.lastIndexOf('"', q - 1);
      const qsizetype end = q < 0 ? -1 : b.indexOf(',', q);
      if (start >= 0 && end > start) b.insert(end + 1, b.mid(start, end + 1 - start));
      break;
    }
    case 3: {  // deep nesting
      const qsizetype depth = static_cast<qsizetype>(100 + pick(r, 20000));
      const qsizetype q = b.indexOf("\":", pos);
      if (q >= 0) {
        const qsizetype end = b.indexOf(',', q);
        if (end > q) {
          b.insert(end, QByteArray(depth, ']'));
          b.insert(q + 2, QByteArray(depth, '['));
        }
      }
      break;
    }
    case 4:
      b.insert(pos, r.below(2) ? QByteArray("\0", 1) : QByteArray("\xEF\xBB\xBF"));
      break;
    case 5:  // numbers JSON cannot hold
      b.insert(pos, pickOf(r, std::vector<QByteArray>{"NaN", "1e400", "-Infinity", "01", ".5", "1e", "-"}));
      break;
    case 6:
      b.insert(pos, pickOf(r, std::vector<QByteArray>{"{", "}", "[", "]", ",", ":", "\"", "\\u0000", "\\ud800"}));
      break;
    default:  // a huge number in place of a digit
      for (qsizetype i = pos; i < b.size(); ++i)
        if (b[i] >= '0' && b[i] <= '9') {
          b.insert(i, QByteArray(static_cast<qsizetype>(1 + pick(r, 400)), '9'));
          break;
        }
      break;
  }
}

// A rough upper bound of the work of building and stepping a trainer, to keep the suite fast:
// configurations above it are only parsed and validated (their refusal is tested separately).
bool cheapToTrain(const dl::ExperimentConfig& c) {
  if (c.data.points > 20000 || c.training.batchSize > 4096) return false;
  double work = 0, prev = 16;
  for (const auto& h : c.hidden) {
    const double rows = h.units * (h.activation == "maxout" ? h.pieces : 1);
    work += rows * prev;
    prev = h.units;
  }
  return work * std::min(c.training.batchSize, c.data.points) < 5e7 && work < 5e6;
}

}  // namespace

class FuzzInputsTest : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;
  std::string m_validCsv;  // for experiment files whose source is "csv"

  // The failure report: the seed, the case and the input, escaped.
  static QByteArray failure(const char* what, std::uint64_t seed, int i, const std::string& input,
                            const std::string& detail) {
    return QByteArray(what) + " (seed " + QByteArray::number(qulonglong(seed)) + ", case " + QByteArray::number(i) +
           "): " + QByteArray::fromStdString(detail) + "\n  input: " + QByteArray::fromStdString(escaped(input));
  }

  // Every kind of problem once (the first input that shows it), so one run lists them all.
  // With DLPLAY_FUZZ_DUMP=DIR the whole input goes to DIR/<kind>.txt.
  static void report(std::set<std::string>& seen, const QByteArray& message, const std::string& problem,
                     const std::string& input) {
    const std::string kind = problem.substr(0, problem.find(':'));
    if (!seen.insert(kind).second) return;
    qWarning("%s", message.constData());
    if (const QString dir = qEnvironmentVariable("DLPLAY_FUZZ_DUMP"); !dir.isEmpty()) {
      QFile f(QDir(dir).filePath(QString::fromStdString(kind).replace(' ', '-') + ".txt"));
      if (f.open(QIODevice::WriteOnly)) f.write(input.data(), static_cast<qint64>(input.size()));
    }
  }

  // A loaded data set must be usable as it is.
  static std::string datasetProblem(const dl::Dataset& d, bool regression) {
    if (d.features() < 1 || d.size() < 2)
      return "shape " + std::to_string(d.features()) + "x" + std::to_string(d.size());
    if (static_cast<dl::Index>(d.featureNames.size()) != d.features()) return "feature names";
    if (!d.X.allFinite()) return "non-finite input";
    if (regression) {
      if (d.task != dl::Task::Regression || d.targets.rows() != 1 || d.targets.cols() != d.size()) return "targets";
      if (!d.targets.allFinite()) return "non-finite target";
      return {};
    }
    if (d.task != dl::Task::Classification || d.numClasses < 2) return "classes";
    if (static_cast<int>(d.classNames.size()) != d.numClasses) return "class names";
    if (static_cast<dl::Index>(d.labels.size()) != d.size()) return "label count";
    std::vector<int> count(static_cast<std::size_t>(d.numClasses), 0);
    for (int l : d.labels) {
      if (l < 0 || l >= d.numClasses) return "label " + std::to_string(l) + " out of range";
      ++count[static_cast<std::size_t>(l)];
    }
    for (int n : count)
      if (n == 0) return "a class without samples";
    return {};
  }

  // Three steps that either work (finite loss, gradient and validation loss) or report divergence.
  static std::string trainProblem(dl::Trainer& t) {
    for (int s = 0; s < 3; ++s) {
      const dl::StepMetrics m = t.step();
      if (t.diverged()) return {};
      if (!std::isfinite(m.trainLoss) || !std::isfinite(m.gradNormTotal)) return "non-finite step not reported";
      if (m.evaluated && !std::isfinite(m.valLoss)) return "non-finite validation loss";
      if (!t.network().params().allFinite()) return "non-finite weights not reported";
    }
    return {};
  }

  // Loads `text` as CSV under a random reading; returns a problem description or "".
  std::string checkCsv(const std::string& text, bool regressionSeed, Rng& r, int& loaded, int& trained) {
    const std::string path = m_dir.filePath("fuzz.csv").toStdString();
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(text.data(), std::streamsize(text.size()));
    const bool regression = r.below(5) == 0 ? !regressionSeed : regressionSeed;
    const int labelColumn = r.below(4) == 0 ? static_cast<int>(r.below(5)) - 1 : -1;
    const bool header = r.below(4) != 0;
    std::optional<dl::Dataset> d;
    try {
      d = dl::loadCsv(path, labelColumn, header, regression);
    } catch (const dl::DataError& e) {
      if (!oneLine(e.what())) return "DataError message not one line: " + escaped(e.what());
      if (std::string(e.what()).rfind(path, 0) != 0) return "DataError does not name the file: " + escaped(e.what());
      return {};
    } catch (const dl::ConfigError& e) {
      return oneLine(e.what()) ? "" : "ConfigError message not one line: " + escaped(e.what());
    } catch (const std::exception& e) {
      return std::string("unexpected exception: ") + e.what();
    }
    ++loaded;
    if (const std::string p = datasetProblem(*d, regression); !p.empty()) return "bad data set: " + p;
    if (d->size() * d->features() > 200000 || d->numClasses > 5000) return {};

    // Through the preparation and a few training steps, with a random preparation.
    dl::ExperimentConfig c;
    c.data.source = "csv";
    c.data.csvPath = path;
    c.data.regression = regression;
    c.data.labelColumn = labelColumn;
    c.data.csvHeader = header;
    c.data.validationFraction = pickOf(r, std::vector<double>{0.0, 0.2, 0.5, 0.9});
    c.data.testFraction = pickOf(r, std::vector<double>{0.0, 0.0, 0.04});
    c.data.whiten = r.below(4) == 0;
    c.data.standardize = r.below(5) != 0;
    if (!regression) c.data.resample = pickOf(r, dl::resampleNames());
    c.data.mapFeatures = {0, d->features() > 1 ? 1 : 0};
    c.hidden = {dl::LayerConfig{.units = 4, .activation = r.below(2) ? "tanh" : "relu", .batchNorm = r.below(3) == 0}};
    c.training.batchSize = static_cast<int>(2 + r.below(20));
    c.training.evalEvery = 1;
    c.training.balancedClassWeights = !regression && r.below(3) == 0;
    c.optimizer.name = r.below(2) ? "adam" : "sgd";
    try {
      if (d->features() == 1) c.data.mapFeatures = {0, 1};  // refused: the map needs two features
      auto data = std::make_shared<const dl::PreparedData>(dl::prepareData(c.data, std::move(*d)));
      dl::Trainer t(c, data);
      ++trained;
      return trainProblem(t);
    } catch (const dl::DataError& e) {
      return oneLine(e.what()) ? "" : "DataError message not one line: " + escaped(e.what());
    } catch (const dl::ConfigError& e) {
      return oneLine(e.what()) ? "" : "ConfigError message not one line: " + escaped(e.what());
    } catch (const std::exception& e) {
      return std::string("unexpected exception while training: ") + e.what();
    }
  }

  // Parses `json`; returns a problem description or "".
  static std::string checkJson(const QByteArray& json, int& accepted, int& trained) {
    const QString name = "fuzz.json";
    dlio::ExperimentFile f;
    try {
      f = dlio::parseExperiment(json, name);
    } catch (const dlio::IoError& e) {
      const std::string m = e.message().toStdString();
      if (!e.message().startsWith(name + ": ")) return "IoError does not start with the file name: " + escaped(m);
      if (!oneLine(m)) return "IoError message not one line: " + escaped(m);
      return {};
    } catch (const std::exception& e) {
      return std::string("unexpected exception from parseExperiment: ") + escaped(e.what());
    }
    ++accepted;
    try {
      f.config.validate();
    } catch (const std::exception& e) {
      return std::string("accepted a configuration that does not validate: ") + escaped(e.what());
    }
    if (!cheapToTrain(f.config)) return {};
    try {
      dl::Trainer t(f.config);
      if (f.state) t.restore(*f.state);
      ++trained;
      return trainProblem(t);
    } catch (const dl::ConfigError& e) {
      return oneLine(e.what()) ? "" : "ConfigError message not one line: " + escaped(e.what());
    } catch (const dl::DataError& e) {
      return oneLine(e.what()) ? "" : "DataError message not one line: " + escaped(e.what());
    } catch (const std::exception& e) {
      return std::string("unexpected exception while training: ") + escaped(e.what());
    }
  }

  // The valid experiment files the JSON mutations start from: every preset and saved models.
  std::vector<QByteArray> jsonSeeds() {
    std::vector<QByteArray> seeds;
    // The playground's presets (the other labs' files are not experiment files).
    const QDir presets(DLPLAY_SOURCE_DIR "/resources/presets");
    // The playground's experiment files (other labs' presets are other formats, fuzzed by their suites).
    for (const QString& name : dlio::presetNames("playground")) {
      QFile f(presets.filePath(name + ".json"));
      if (f.open(QIODevice::ReadOnly)) seeds.push_back(f.readAll());
    }
    const auto model = [&](dl::ExperimentConfig c, int steps) {
      dl::Trainer t(c);
      for (int i = 0; i < steps; ++i) t.step();
      const dl::TrainerState s = t.state();
      QJsonObject o = dlio::configToJson(t.config());
      o["state"] = dlio::stateToJson(s);
      seeds.push_back(QJsonDocument(o).toJson(QJsonDocument::Indented));
    };
    dl::ExperimentConfig a;
    a.data.source = "spiral";
    a.data.points = 120;
    a.hidden = {dl::LayerConfig{.units = 6, .activation = "relu"},
                dl::LayerConfig{.units = 5, .activation = "prelu", .batchNorm = true, .dropout = 0.1}};
    a.optimizer.name = "adam";
    a.schedule.name = "plateau";
    a.training.batchSize = 16;
    a.training.evalEvery = 2;
    model(a, 9);
    dl::ExperimentConfig b;
    b.data.source = "csv";
    b.data.csvPath = m_validCsv;
    b.data.validationFraction = 0.3;
    b.hidden = {dl::LayerConfig{.units = 3, .activation = "maxout", .pieces = 3}};
    b.optimizer.name = "adadelta";
    b.training.batchSize = 4;
    model(b, 5);
    dl::ExperimentConfig g;
    g.data.source = "ripple";
    g.data.points = 80;
    g.optimizer.name = "momentum";
    g.schedule.name = "step";
    g.regularization.l1 = 1e-3;
    model(g, 4);
    return seeds;
  }

private slots:
  void initTestCase() {
    QVERIFY(m_dir.isValid());
    m_validCsv = m_dir.filePath("valid.csv").toStdString();
    std::ofstream(m_validCsv) << kCsvSeeds[1].text << kCsvSeeds[1].text;
  }

  void csvMutations() {
    QElapsedTimer timer;
    timer.start();
    constexpr int kCases = 12000 / kSanitizerDivisor;
    const std::uint64_t seed = 20261201;
    Rng r(seed);
    int loaded = 0, trained = 0;
    std::set<std::string> failures;
    for (int i = 0; i < kCases; ++i) {
      const CsvSeed& s = kCsvSeeds[static_cast<std::size_t>(i) % kCsvSeeds.size()];
      std::string text = s.text;
      for (std::uint64_t k = 0, n = 1 + r.below(4); k < n; ++k) mutateCsv(text, r);
      if (r.below(3) == 0) encodeCsv(text, r);
      const std::string problem = checkCsv(text, s.regression, r, loaded, trained);
      if (!problem.empty()) report(failures, failure("CSV", seed, i, text, problem), problem, text);
    }
    QVERIFY2(failures.empty(), "see the warnings above");
    qInfo("CSV: %d mutated files, %d loaded, %d trained, %lld ms", kCases, loaded, trained,
          static_cast<long long>(timer.elapsed()));
    QVERIFY(loaded > kCases / 20);  // the mutations must not only produce garbage
    QVERIFY(trained > kCases / 50);
  }

  // Inputs too big for random mutation to find: a million columns, thousands of classes.
  void csvExtremes_data() {
    QTest::addColumn<QByteArray>("text");
    const auto wide = [](int columns) {
      std::string line;
      line.reserve(static_cast<std::size_t>(columns) * 2);
      for (int j = 0; j < columns; ++j) line += j + 1 < columns ? "1," : "0";
      return line;
    };
    const std::string million = wide(1000000);
    QTest::newRow("million columns, two rows") << QByteArray::fromStdString(million + "\n" + million + "\n");
    QTest::newRow("million columns, then short rows") << QByteArray::fromStdString(million + "\n" + [] {
      std::string rows;
      for (int i = 0; i < 300000; ++i) rows += "1\n";
      return rows;
    }());
    QTest::newRow("million columns in one data row")
        << QByteArray::fromStdString("a,b,c\n1,2,0\n" + million + "\n3,4,1\n");
    std::string classes = "x,y,label\n", numeric = "x,y,label\n", longLine = "x,y,label\n1,2,";
    for (int i = 0; i < 5000; ++i) {
      classes += std::to_string(i % 7) + "," + std::to_string(i % 11) + ",class" + std::to_string(i) + "\n";
      numeric += std::to_string(i % 7) + "," + std::to_string(i % 11) + "," + std::to_string(i * 1000) + "\n";
    }
    longLine += std::string(5000000, '1') + "\n3,4,1\n";
    QTest::newRow("5000 string classes, one sample each") << QByteArray::fromStdString(classes);
    QTest::newRow("5000 integer classes, sparse ids") << QByteArray::fromStdString(numeric);
    QTest::newRow("a five-million-digit label") << QByteArray::fromStdString(longLine);
    QTest::newRow("only separators") << QByteArray(200000, ',');
    QTest::newRow("only quotes") << QByteArray(200000, '"');
    QTest::newRow("only newlines") << QByteArray(200000, '\n');
    QTest::newRow("NUL bytes") << QByteArray(100000, '\0');
  }

  void csvExtremes() {
    QFETCH(QByteArray, text);
    Rng r(7);
    int loaded = 0, trained = 0;
    for (int k = 0; k < 3; ++k) {
      const std::string problem = checkCsv(text.toStdString(), false, r, loaded, trained);
      QVERIFY2(problem.empty(), failure("CSV extreme", 7, k, text.toStdString(), problem).constData());
    }
  }

  // Files that are not files, and outputs that cannot take their bytes: every reader refuses a
  // device, a FIFO, a socket, a folder and broken links at once, naming the path; every writer
  // reports a full device, a full disk (a 64 kB tmpfs, when this process may mount one), a missing
  // folder and a file in place of a folder, and leaves what was there whole, with no temporary file.
  void specialFilesAndFullDisks() {
    QTemporaryDir dir;
    const QString fifo = dir.filePath("fifo"), socketPath = dir.filePath("socket");
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::strncpy(addr.sun_path, QFile::encodeName(socketPath).constData(), sizeof addr.sun_path - 1);
    QCOMPARE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    const auto closeSocket = qScopeGuard([fd] { ::close(fd); });
    QVERIFY(QFile::link("/dev/zero", dir.filePath("zero-link")));
    QVERIFY(QFile::link(dir.filePath("loop-b"), dir.filePath("loop-a")));
    QVERIFY(QFile::link(dir.filePath("loop-a"), dir.filePath("loop-b")));
    QVERIFY(QFile::link(dir.filePath("nowhere"), dir.filePath("dangling")));
    const QStringList inputs = {"/dev/zero", "/dev/urandom", "/dev/null", "/dev/full", fifo, socketPath,
                                dir.filePath("zero-link"), dir.filePath("loop-a"), dir.filePath("dangling"), dir.path(),
                                "/proc/self/mem"};
    for (const QString& path : inputs) {
      QElapsedTimer t;
      t.start();
      try {
        dl::loadCsv(path.toStdString(), -1, true, false);
        QFAIL(qPrintable("CSV accepted " + path));
      } catch (const dl::DataError& e) {
        QVERIFY2(oneLine(e.what()) && std::string(e.what()).rfind(path.toStdString(), 0) == 0, e.what());
      }
      try {
        dlio::readExperimentFile(path);
        QFAIL(qPrintable("JSON accepted " + path));
      } catch (const dlio::IoError& e) {
        QVERIFY2(oneLine(e.message().toStdString()) && e.message().startsWith(path), qPrintable(e.message()));
      }
      QVERIFY2(t.elapsed() < 5000, qPrintable(path + " took too long"));
    }

    // Writers.
    const dl::ExperimentConfig c;
    const QString asFolder = dir.filePath("plain-file");
    QFile(asFolder).open(QIODevice::WriteOnly);
    for (const QString& path : {QStringLiteral("/dev/full"), dir.filePath("missing/x.json"), asFolder + "/x.json",
                                dir.path()}) {
      try {
        dlio::writeExperimentFile(path, c);
        QFAIL(qPrintable("wrote " + path));
      } catch (const dlio::IoError& e) {
        QVERIFY2(oneLine(e.message().toStdString()) && e.message().contains(path), qPrintable(e.message()));
      }
    }
    QVERIFY(!QFileInfo("/dev/full").isFile());
    const QString mount = dir.filePath("tiny");
    QDir().mkpath(mount);
    if (QProcess::execute("mount", {"-t", "tmpfs", "-o", "size=64k", "tmpfs", mount}) != 0)
      QSKIP("cannot mount a tmpfs here; /dev/full covered the write errors");
    const auto unmount = qScopeGuard([&] { QProcess::execute("umount", {mount}); });
    const QString old = mount + "/model.json";
    dlio::writeExperimentFile(old, c);
    QFile before(old);
    QVERIFY(before.open(QIODevice::ReadOnly));
    const QByteArray oldBytes = before.readAll();
    Rng r(99);
    for (int i = 0; i < 20; ++i) {
      // Fill the disk with a random amount, then try to replace the file with a model of 200–400 kB.
      const QString filler = mount + "/filler";
      {
        QFile f(filler);
        f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        f.write(QByteArray(static_cast<int>(pick(r, 60000)), 'x'));
      }
      dl::ExperimentConfig big = c;
      big.hidden = {dl::LayerConfig{}};
      big.hidden[0].units = 2000 + static_cast<int>(pick(r, 2000));  // 10,000+ numbers: over 64 kB as JSON
      dl::Trainer trainer(big);
      const dl::TrainerState s = trainer.state();
      try {
        dlio::writeExperimentFile(old, big, &s);
        QFAIL("a full disk took the model");
      } catch (const dlio::IoError& e) {
        QVERIFY2(oneLine(e.message().toStdString()) && e.message().startsWith(old + ": cannot be written"),
                 qPrintable(e.message()));
      }
      QFile after(old);
      QVERIFY(after.open(QIODevice::ReadOnly));
      QCOMPARE(after.readAll(), oldBytes);
      const QStringList left = QDir(mount).entryList(QDir::Files | QDir::Hidden);
      QCOMPARE(left, (QStringList{"filler", "model.json"}));
    }
  }

  void jsonMutations() {
    QElapsedTimer timer;
    timer.start();
    const std::vector<QByteArray> seeds = jsonSeeds();
    QVERIFY(seeds.size() > 30);
    // Every seed is valid as it is.
    for (const QByteArray& s : seeds) {
      int a = 0, t = 0;
      const std::string problem = checkJson(s, a, t);
      QVERIFY2(problem.empty() && a == 1, problem.c_str());
    }
    constexpr int kCases = 20000 / kSanitizerDivisor;
    const std::uint64_t seed = 20261202;
    Rng r(seed);
    int accepted = 0, trained = 0;
    std::set<std::string> failures;
    for (int i = 0; i < kCases; ++i) {
      const QByteArray& s = seeds[static_cast<std::size_t>(i) % seeds.size()];
      QJsonValue v = QJsonDocument::fromJson(s).object();
      for (std::uint64_t k = 0, n = 1 + r.below(3); k < n; ++k) {
        int target = static_cast<int>(pick(r, static_cast<std::size_t>(countNodes(v))));
        // Half the time away from the long state arrays, where most nodes are.
        if (r.below(2) && v.toObject().contains("state")) {
          QJsonObject o = v.toObject();
          const QJsonValue state = o.take("state");
          target = static_cast<int>(pick(r, static_cast<std::size_t>(countNodes(o))));
          v = mutateNode(o, target, r).value_or(QJsonValue());
          if (v.isObject()) {
            QJsonObject back = v.toObject();
            back.insert("state", state);
            v = back;
          }
          continue;
        }
        v = mutateNode(v, target, r).value_or(QJsonValue());
      }
      QByteArray json = v.isObject()  ? QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)
                        : v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                      : QByteArray("null");
      if (r.below(3) == 0) mutateJsonText(json, r);
      const std::string problem = checkJson(json, accepted, trained);
      if (!problem.empty())
        report(failures, failure("JSON", seed, i, json.toStdString(), problem), problem, json.toStdString());
    }
    QVERIFY2(failures.empty(), "see the warnings above");
    qInfo("JSON: %d mutated files, %d accepted, %d trained, %lld ms", kCases, accepted, trained,
          static_cast<long long>(timer.elapsed()));
    QVERIFY(accepted > kCases / 20);
    QVERIFY(trained > kCases / 25);
  }
};

QTEST_GUILESS_MAIN(FuzzInputsTest)
#include "tst_app_fuzz_inputs.moc"
