// Text that exists in Chinese and English ({"zh": ..., "en": ...} in the JSON resources): the
// notes, the quiz and the preset catalogue all read their words through it.
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace dlio {

struct LocalizedText {
  QString zh;
  QString en;

  // The text in `language` ("zh" or "en"), falling back to the other language when empty.
  QString in(const QString& language) const {
    const QString& first = language == QLatin1String("zh") ? zh : en;
    return first.isEmpty() ? (language == QLatin1String("zh") ? en : zh) : first;
  }
  bool isEmpty() const { return zh.isEmpty() && en.isEmpty(); }

  static LocalizedText fromJson(const QJsonValue& value) {
    const QJsonObject o = value.toObject();
    return {o.value(QLatin1String("zh")).toString(), o.value(QLatin1String("en")).toString()};
  }
};

}  // namespace dlio
