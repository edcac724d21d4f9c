// The JSON side of the configuration field lists (engine/config/Field.h): one section of an
// experiment file read into, or written from, its struct by walking the struct's field list.
// A dotted key ("csv.path") is a key of a nested object ("csv"), read with its own Reader so an
// unknown key inside it is named too.
#pragma once

#include "config/Field.h"
#include "io/JsonReader.h"

#include <QJsonArray>
#include <QJsonObject>

#include <set>

namespace dlio {

namespace fieldjson {

template <class S>
QJsonValue valueOf(const dl::Field<S>& f, const S& s) {
  return std::visit(
      [&](auto m) -> QJsonValue {
        const auto& v = s.*m;
        using T = std::remove_cvref_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string>) {
          return QString::fromStdString(v);
        } else if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, int> || std::is_same_v<T, double>) {
          return v;
        } else if constexpr (std::is_integral_v<T>) {
          return static_cast<double>(v);  // seeds and step counts: JSON numbers are doubles
        } else {
          QJsonArray a;
          for (const auto& e : v) {
            if constexpr (std::is_same_v<std::remove_cvref_t<decltype(e)>, std::string>)
              a.append(QString::fromStdString(e));
            else
              a.append(e);
          }
          return a;
        }
      },
      f.member);
}

template <class S>
void readValue(json::Reader& r, const QString& key, const dl::Field<S>& f, S& s) {
  std::visit(
      [&](auto m) {
        auto& v = s.*m;
        using T = std::remove_cvref_t<decltype(v)>;
        if constexpr (std::is_same_v<T, double>)
          r.number(key, v);
        else if constexpr (std::is_same_v<T, int>)
          r.integer(key, v);
        else if constexpr (std::is_same_v<T, long long>)
          r.integer64(key, v);
        else if constexpr (std::is_same_v<T, std::uint64_t>)
          r.seed(key, v);
        else if constexpr (std::is_same_v<T, bool>)
          r.boolean(key, v);
        else if constexpr (std::is_same_v<T, std::string>)
          r.string(key, v);
        else if constexpr (std::is_same_v<T, std::vector<int>>)
          r.integers(key, v);
        else if constexpr (std::is_same_v<T, std::vector<double>>)
          r.numbers(key, v);
        else
          r.strings(key, v);
      },
      f.member);
}

}  // namespace fieldjson

// Writes every field of s its list says to write into o.
template <class S>
void writeFields(QJsonObject& o, std::span<const dl::Field<S>> fields, const S& s) {
  for (const dl::Field<S>& f : fields) {
    if (f.written && !f.written(s)) continue;
    const QString key = QString::fromLatin1(f.key);
    const qsizetype dot = key.indexOf(u'.');
    if (dot < 0) {
      o[key] = fieldjson::valueOf(f, s);
    } else {
      QJsonObject sub = o.value(key.left(dot)).toObject();
      sub[key.mid(dot + 1)] = fieldjson::valueOf(f, s);
      o[key.left(dot)] = sub;
    }
  }
}

// Reads every field of the list that r's object holds into s (the others keep their values);
// nested objects are read and finished here. r itself is not finished.
template <class S>
void readFields(json::Reader& r, std::span<const dl::Field<S>> fields, S& s) {
  std::set<QString> nested;
  for (const dl::Field<S>& f : fields) {
    const QString key = QString::fromLatin1(f.key);
    const qsizetype dot = key.indexOf(u'.');
    if (dot < 0)
      fieldjson::readValue(r, key, f, s);
    else
      nested.insert(key.left(dot));
  }
  for (const QString& prefix : nested) {
    if (!r.has(prefix)) continue;
    json::Reader sub(r.object(prefix), r.field(prefix));
    for (const dl::Field<S>& f : fields) {
      const QString key = QString::fromLatin1(f.key);
      if (key.startsWith(prefix + u'.')) fieldjson::readValue(sub, key.mid(prefix.size() + 1), f, s);
    }
    sub.finish();
  }
}

// The section `key` of a file's top object, when present, read field by field into s and
// finished (an unknown key in it is an error naming it).
template <class S>
void readSection(json::Reader& top, const char* key, std::span<const dl::Field<S>> fields, S& s) {
  if (!top.has(key)) return;
  json::Reader r(top.object(key), key);
  readFields(r, fields, s);
  r.finish();
}

}  // namespace dlio
