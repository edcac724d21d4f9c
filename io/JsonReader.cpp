// Strict JSON reading helpers (see JsonReader.h).
#include "io/JsonReader.h"

#include "io/ErrorText.h"
#include "io/ExperimentIo.h"

#include <QFile>
#include <QFileInfo>

namespace dlio::json {

QString show(const QJsonValue& v) {
  switch (v.type()) {
    case QJsonValue::String:
      return v.toString().left(40);
    case QJsonValue::Double:
      return QString::number(v.toDouble(), 'g', 10);
    case QJsonValue::Bool:
      return v.toBool() ? "true" : "false";
    case QJsonValue::Null:
      return "null";
    case QJsonValue::Array:
      return "[...]";
    case QJsonValue::Object:
      return "{...}";
    default:
      return "?";
  }
}

// QJsonDocument keeps the last of two equal keys without a word, so a hand-edited file with "lr"
// twice would train with whichever came last. Scans the (already valid) text for a repeated key
// in one object and returns its dotted path, or "". Keys are compared after unescaping, so
// "l\u0072" and "lr" are the same key (as they are to QJsonDocument).
std::string duplicateKey(const QByteArray& json) {
  struct Level {
    bool object = false;
    std::string name;  // dotted path of this object or list
    std::set<QByteArray> keys;
    QByteArray lastKey;
    int index = 0;  // lists: the current element
  };
  std::vector<Level> stack;
  const auto childName = [&stack]() -> std::string {
    if (stack.empty()) return {};
    const Level& p = stack.back();
    if (!p.object) return p.name + "[" + std::to_string(p.index) + "]";
    return (p.name.empty() ? "" : p.name + ".") + p.lastKey.toStdString();
  };
  for (qsizetype i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '"') {
      qsizetype j = i + 1;
      while (j < json.size() && json[j] != '"') j += json[j] == '\\' ? 2 : 1;
      QByteArray text = json.mid(i + 1, j - i - 1);
      if (text.contains('\\')) {  // decoded by the JSON parser itself: \u0072, \n, \/ ...
        const QJsonDocument one = QJsonDocument::fromJson("[\"" + text + "\"]");
        if (one.isArray()) text = one.array().at(0).toString().toUtf8();
      }
      i = j;
      qsizetype k = j + 1;
      while (k < json.size() && (json[k] == ' ' || json[k] == '\t' || json[k] == '\n' || json[k] == '\r')) ++k;
      if (k < json.size() && json[k] == ':' && !stack.empty() && stack.back().object) {
        stack.back().lastKey = text;
        if (!stack.back().keys.insert(text).second) return childName();
      }
    } else if (c == '{' || c == '[') {
      Level l;
      l.object = c == '{';
      l.name = childName();
      stack.push_back(std::move(l));
    } else if ((c == '}' || c == ']') && !stack.empty()) {
      stack.pop_back();
    } else if (c == ',' && !stack.empty() && !stack.back().object) {
      ++stack.back().index;
    }
  }
  return {};
}

QJsonObject parseObject(const QByteArray& json, const QString& name) {
  QJsonParseError pe;
  const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
  if (pe.error != QJsonParseError::NoError) {
    const QByteArray head = json.left(pe.offset);
    const int line = head.count('\n') + 1;
    const int column = pe.offset - (head.lastIndexOf('\n') + 1) + 1;
    throw IoError(fillTemplate(ErrorText::tr("%1: invalid JSON at line %2, column %3: %4"),
                               {name, QString::number(line), QString::number(column), pe.errorString()}));
  }
  if (!doc.isObject()) throw IoError(fillTemplate(ErrorText::tr("%1: the top level must be a JSON object"), {name}));
  if (const std::string key = duplicateKey(json); !key.empty())
    throw IoError(fillTemplate(ErrorText::tr("%1: field '%2' is given twice; a key may appear only once"),
                               {name, QString::fromStdString(dl::printable(key, 80))}));
  return doc.object();
}

QByteArray readFileBytes(const QString& path) {
  if (path.isEmpty()) throw IoError(ErrorText::tr("the file name is empty"));
  const QFileInfo info(path);
  if (!info.exists()) throw IoError(fillTemplate(ErrorText::tr("%1: no such file"), {path}));
  if (info.isDir()) throw IoError(fillTemplate(ErrorText::tr("%1: is a folder, not a file"), {path}));
  // A FIFO blocks the reader and /dev/zero never ends: only regular files are read.
  if (!info.isFile())
    throw IoError(fillTemplate(ErrorText::tr("%1: not a regular file (a device, FIFO or socket)"), {path}));
  if (info.size() > kMaxJsonBytes)
    throw IoError(fillTemplate(
        ErrorText::tr("%1: the file is %2 MB; experiment files are limited to %3 MB"),
        {path, QString::number(info.size() / 1e6, 'f', 1), QString::number(kMaxJsonBytes / (1024 * 1024))}));
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly))
    throw IoError(fillTemplate(ErrorText::tr("%1: cannot be read: %2"), {path, file.errorString()}));
  // At most one byte past the limit, in case the file grew after the size was checked.
  const QByteArray bytes = file.read(kMaxJsonBytes + 1);
  if (bytes.size() > kMaxJsonBytes)
    throw IoError(fillTemplate(ErrorText::tr("%1: the file is over the %2 MB limit for experiment files"),
                               {path, QString::number(kMaxJsonBytes / (1024 * 1024))}));
  if (bytes.trimmed().isEmpty()) throw IoError(fillTemplate(ErrorText::tr("%1: the file is empty"), {path}));
  return bytes;
}

void readVersion(Reader& top, int max) {
  if (!top.has("version")) return;
  int v = 0;
  top.integer("version", v);
  if (v < 1 || v > max)
    throw dl::ConfigError(
        "version", std::to_string(v),
        {DL_TRANSLATE_NOOP("dl", "this dlplay reads format version %1 to %2"), {"1", std::to_string(max)}});
}

void readFormatAndLab(Reader& top, const char* format, const char* lab, dl::MessageId wrongFormat,
                      dl::MessageId wrongLab) {
  std::string f, l;
  if (!top.has("format")) throw dl::ConfigError("format", "", {wrongFormat, {format}});
  top.string("format", f);
  if (f != format) throw dl::ConfigError("format", f, {wrongFormat, {format}});
  top.string("lab", l);
  if (top.has("lab") && l != lab) throw dl::ConfigError("lab", l, {wrongLab, {lab}});
}

}  // namespace dlio::json
