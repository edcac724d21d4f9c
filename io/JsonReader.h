// Strict reading of JSON objects into configuration structs, shared by the experiment format and
// the landscape lab's race files: every key must be known, every value of the right type, and a
// failure is a dl::ConfigError naming the dotted field and the value (the caller adds the file).
#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <cmath>
#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace dlio::json {

using dl::ConfigError;

// A value as an error message quotes it: strings cut to 40 characters, lists and objects elided.
QString show(const QJsonValue& v);

// Reads the fields of one JSON object into a struct; remembers which keys were used so the rest
// can be reported as unknown.
class Reader {
public:
  Reader(const QJsonObject& o, std::string path) : m_o(o), m_path(std::move(path)) {}
  std::string field(const QString& key) const {
    return m_path.empty() ? key.toStdString() : m_path + "." + key.toStdString();
  }
  bool has(const QString& key) const { return m_o.contains(key); }

  QJsonValue take(const QString& key) {
    m_used.insert(key);
    return m_o.value(key);
  }
  void number(const QString& key, double& out) {
    if (!has(key)) return;
    const QJsonValue v = take(key);
    if (!v.isDouble())
      throw ConfigError(field(key), show(v).toStdString(), DL_TRANSLATE_NOOP("dl", "must be a number"));
    out = v.toDouble();
  }
  void integer(const QString& key, int& out) {
    double d = out;
    number(key, d);
    if (d != std::floor(d) || std::abs(d) > 2e9)
      throw ConfigError(field(key), dl::formatValue(d), DL_TRANSLATE_NOOP("dl", "must be a whole number"));
    out = static_cast<int>(d);
  }
  void integer64(const QString& key, long long& out) {
    double d = static_cast<double>(out);
    number(key, d);
    if (d != std::floor(d) || std::abs(d) > 9e15)
      throw ConfigError(field(key), dl::formatValue(d), DL_TRANSLATE_NOOP("dl", "must be a whole number"));
    out = static_cast<long long>(d);
  }
  void seed(const QString& key, std::uint64_t& out) {
    if (!has(key)) return;
    const QJsonValue v = take(key);
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d < 0 || d != std::floor(d) || d > 9007199254740992.0)
      throw ConfigError(field(key), show(v).toStdString(),
                        {DL_TRANSLATE_NOOP("dl", "a seed is a whole number from %1 to %2"), {"0", "2^53"}});
    out = static_cast<std::uint64_t>(d);
  }
  void boolean(const QString& key, bool& out) {
    if (!has(key)) return;
    const QJsonValue v = take(key);
    if (!v.isBool())
      throw ConfigError(field(key), show(v).toStdString(), DL_TRANSLATE_NOOP("dl", "must be true or false"));
    out = v.toBool();
  }
  void string(const QString& key, std::string& out) {
    if (!has(key)) return;
    const QJsonValue v = take(key);
    if (!v.isString())
      throw ConfigError(field(key), show(v).toStdString(), DL_TRANSLATE_NOOP("dl", "must be a string"));
    out = v.toString().toStdString();
  }
  QJsonObject object(const QString& key) {
    const QJsonValue v = take(key);
    if (!v.isObject())
      throw ConfigError(field(key), show(v).toStdString(), DL_TRANSLATE_NOOP("dl", "must be an object"));
    return v.toObject();
  }
  QJsonArray array(const QString& key) {
    const QJsonValue v = take(key);
    if (!v.isArray()) throw ConfigError(field(key), show(v).toStdString(), DL_TRANSLATE_NOOP("dl", "must be a list"));
    return v.toArray();
  }
  void numbers(const QString& key, std::vector<double>& out) {
    if (!has(key)) return;
    const QJsonArray a = array(key);
    out.clear();
    for (int i = 0; i < a.size(); ++i) {
      if (!a[i].isDouble())
        throw ConfigError(field(key) + "[" + std::to_string(i) + "]", show(a[i]).toStdString(),
                          DL_TRANSLATE_NOOP("dl", "must be a number"));
      out.push_back(a[i].toDouble());
    }
  }
  void strings(const QString& key, std::vector<std::string>& out) {
    if (!has(key)) return;
    const QJsonArray a = array(key);
    out.clear();
    for (int i = 0; i < a.size(); ++i) {
      if (!a[i].isString())
        throw ConfigError(field(key) + "[" + std::to_string(i) + "]", show(a[i]).toStdString(),
                          DL_TRANSLATE_NOOP("dl", "must be a string"));
      out.push_back(a[i].toString().toStdString());
    }
  }
  void integers(const QString& key, std::vector<int>& out) {
    std::vector<double> d;
    numbers(key, d);
    if (!has(key)) return;
    out.clear();
    for (std::size_t i = 0; i < d.size(); ++i) {
      if (d[i] != std::floor(d[i]) || std::abs(d[i]) > 2e9)
        throw ConfigError(field(key) + "[" + std::to_string(i) + "]", dl::formatValue(d[i]),
                          DL_TRANSLATE_NOOP("dl", "must be a whole number"));
      out.push_back(static_cast<int>(d[i]));
    }
  }
  // Every key of the object must have been read.
  void finish() const {
    for (auto it = m_o.begin(); it != m_o.end(); ++it)
      if (!m_used.count(it.key()))
        throw ConfigError(field(it.key()), show(it.value()).toStdString(), DL_TRANSLATE_NOOP("dl", "unknown field"));
  }

private:
  QJsonObject m_o;
  std::string m_path;
  std::set<QString> m_used;
};

// "version" of a file, when present: a whole number from 1 to `max` (ConfigError "version"
// otherwise: "this dlplay reads format version 1 to max").
void readVersion(Reader& top, int max);
// A lab file's "format", which must be there and be `format` (ConfigError "format" with
// `wrongFormat`, %1 = format), and its "lab", which may be left out but otherwise must be `lab`
// (ConfigError "lab" with `wrongLab`, %1 = lab).
void readFormatAndLab(Reader& top, const char* format, const char* lab, dl::MessageId wrongFormat,
                      dl::MessageId wrongLab);

// The dotted path of the first key repeated within one object of the (valid) JSON text, or "".
std::string duplicateKey(const QByteArray& json);

// Parses a whole file's bytes into its top-level object. Throws IoError "<name>: ..." for invalid
// JSON (with line and column), a top level that is not an object, or a repeated key.
QJsonObject parseObject(const QByteArray& json, const QString& name);

// The bytes of a JSON file to parse: only a regular, non-empty file within kMaxJsonBytes. Throws
// IoError "<path>: ..." otherwise.
QByteArray readFileBytes(const QString& path);

}  // namespace dlio::json
