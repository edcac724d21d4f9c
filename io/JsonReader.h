// Strict JSON reading shared by dlplay's file formats (experiments, searches): a reader that
// names every bad field by its dotted path and refuses unknown keys, repeated keys found in the
// text, and the checks every JSON file gets before it is parsed. Errors as dl::ConfigError (a
// field) or dlio::IoError (the file).
#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <cmath>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace dlio {

// A JSON value as an error message quotes it: strings cut at 40 characters, "[...]" for a list.
QString showJson(const QJsonValue& v);

// Reads the fields of one JSON object into a struct; remembers which keys were used so the rest
// can be reported as unknown.
class JsonReader {
public:
  JsonReader(const QJsonObject& o, std::string path) : m_o(o), m_path(std::move(path)) {}
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
      throw dl::ConfigError(field(key), showJson(v).toStdString(), DL_TRANSLATE_NOOP("dl", "must be a number"));
    out = v.toDouble();
  }
  void integer(const QString& key, int& out) {
    double d = out;
    number(key, d);
    if (d != std::floor(d) || std::abs(d) > 2e9)
      throw dl::ConfigError(field(key), dl::formatValue(d), DL_TRANSLATE_NOOP("dl", "must be a whole number"));
    out = static_cast<int>(d);
  }
  void integer64(const QString& key, long long& out) {
    double d = static_cast<double>(out);
    number(key, d);
    if (d != std::floor(d) || std::abs(d) > 9e15)
      throw dl::ConfigError(field(key), dl::formatValue(d), DL_TRANSLATE_NOOP("dl", "must be a whole number"));
    out = static_cast<long long>(d);
  }
  void seed(const QString& key, std::uint64_t& out) {
    if (!has(key)) return;
    const QJsonValue v = take(key);
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d < 0 || d != std::floor(d) || d > 9007199254740992.0)
      throw dl::ConfigError(field(key), showJson(v).toStdString(),
                            {DL_TRANSLATE_NOOP("dl", "a seed is a whole number from %1 to %2"), {"0", "2^53"}});
    out = static_cast<std::uint64_t>(d);
  }
  void boolean(const QString& key, bool& out) {
    if (!has(key)) return;
    const QJsonValue v = take(key);
    if (!v.isBool())
      throw dl::ConfigError(field(key), showJson(v).toStdString(), DL_TRANSLATE_NOOP("dl", "must be true or false"));
    out = v.toBool();
  }
  void string(const QString& key, std::string& out) {
    if (!has(key)) return;
    const QJsonValue v = take(key);
    if (!v.isString())
      throw dl::ConfigError(field(key), showJson(v).toStdString(), DL_TRANSLATE_NOOP("dl", "must be a string"));
    out = v.toString().toStdString();
  }
  QJsonObject object(const QString& key) {
    const QJsonValue v = take(key);
    if (!v.isObject())
      throw dl::ConfigError(field(key), showJson(v).toStdString(), DL_TRANSLATE_NOOP("dl", "must be an object"));
    return v.toObject();
  }
  QJsonArray array(const QString& key) {
    const QJsonValue v = take(key);
    if (!v.isArray())
      throw dl::ConfigError(field(key), showJson(v).toStdString(), DL_TRANSLATE_NOOP("dl", "must be a list"));
    return v.toArray();
  }
  void numbers(const QString& key, std::vector<double>& out) {
    if (!has(key)) return;
    const QJsonArray a = array(key);
    out.clear();
    for (int i = 0; i < a.size(); ++i) {
      if (!a[i].isDouble())
        throw dl::ConfigError(field(key) + "[" + std::to_string(i) + "]", showJson(a[i]).toStdString(),
                              DL_TRANSLATE_NOOP("dl", "must be a number"));
      out.push_back(a[i].toDouble());
    }
  }
  void integers(const QString& key, std::vector<int>& out) {
    std::vector<double> d;
    numbers(key, d);
    if (!has(key)) return;
    out.clear();
    for (std::size_t i = 0; i < d.size(); ++i) {
      if (d[i] != std::floor(d[i]) || std::abs(d[i]) > 2e9)
        throw dl::ConfigError(field(key) + "[" + std::to_string(i) + "]", dl::formatValue(d[i]),
                              DL_TRANSLATE_NOOP("dl", "must be a whole number"));
      out.push_back(static_cast<int>(d[i]));
    }
  }
  // Every key of the object must have been read.
  void finish() const {
    for (auto it = m_o.begin(); it != m_o.end(); ++it)
      if (!m_used.count(it.key()))
        throw dl::ConfigError(field(it.key()), showJson(it.value()).toStdString(),
                              DL_TRANSLATE_NOOP("dl", "unknown field"));
  }

private:
  QJsonObject m_o;
  std::string m_path;
  std::set<QString> m_used;
};

// The dotted path of the first key repeated within one object of the (valid) JSON text, or "".
// QJsonDocument keeps the last of two equal keys without a word, so a hand-edited file with "lr"
// twice would train with whichever came last. Keys are compared after unescaping.
std::string duplicateJsonKey(const QByteArray& json);

// The bytes of a JSON file: a regular, non-empty file of at most kMaxJsonBytes (IoError naming the
// file otherwise).
QByteArray readJsonFile(const QString& path);
// The top-level object of `json`: IoError "<name>: invalid JSON at line L, column C: …", for a top
// level that is not an object, or for a key given twice.
QJsonObject parseJsonObject(const QByteArray& json, const QString& nameForErrors);

}  // namespace dlio
