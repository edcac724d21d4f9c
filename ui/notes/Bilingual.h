// Text that exists in Chinese and English, and the three ways the notes UI can show it. Shared by
// the notes library, the notes dock and the practice dialog.
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace dlui {

// Which language(s) a note, question or card is shown in.
enum class LanguageMode { Chinese, English, Both };

// One piece of content in both languages ({"zh": ..., "en": ...} in the JSON files).
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

}  // namespace dlui
