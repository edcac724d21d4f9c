// Fonts and rich-text helpers for the notes UI (see NotesFonts.h).
#include "notes/NotesFonts.h"

#include <QRegularExpression>
#include <QStringList>

namespace dlui {

namespace {
const QString kCjkFamily = QStringLiteral("Noto Sans CJK SC");
}

QFont cjkCapableFont(QFont base) {
  QStringList families = base.families();
  if (families.isEmpty()) families << base.family();
  families.removeAll(kCjkFamily);
  families.append(kCjkFamily);
  base.setFamilies(families);
  return base;
}

QFont scaledFont(QFont base, double factor) {
  if (base.pointSizeF() > 0)
    base.setPointSizeF(base.pointSizeF() * factor);
  else if (base.pixelSize() > 0)
    base.setPixelSize(qRound(base.pixelSize() * factor));
  return base;
}

QString plainToHtml(const QString& text) {
  QString html = text.toHtmlEscaped();
  html.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
  return html;
}

QString bilingualHtml(const LocalizedText& text, LanguageMode mode) {
  switch (mode) {
    case LanguageMode::Chinese:
      return plainToHtml(text.in(QStringLiteral("zh")));
    case LanguageMode::English:
      return plainToHtml(text.in(QStringLiteral("en")));
    case LanguageMode::Both:
      break;
  }
  if (text.zh.isEmpty() || text.en.isEmpty() || text.zh == text.en)
    return plainToHtml(text.zh.isEmpty() ? text.en : text.zh);
  return QStringLiteral("%1<br><span style=\"color:#5f6b7a;\">%2</span>")
      .arg(plainToHtml(text.zh), plainToHtml(text.en));
}

QString cjkFriendlyMarkdown(QString markdown) {
  // Only where the run has a letter or ideograph on its other side: beside punctuation or space on
  // both sides it already flanks correctly, and a zero-width space there would break it.
  static const QRegularExpression before(
      QStringLiteral(R"((?![\x{00}-\x{7f}])([\p{P}\p{S}])(\*+)(?=[^\s\p{P}\p{S}]))"));
  static const QRegularExpression after(
      QStringLiteral(R"((?<=[^\s\p{P}\p{S}])(\*+)(?![\x{00}-\x{7f}])([\p{P}\p{S}]))"));
  markdown.replace(before, QStringLiteral("\\1\u200B\\2"));
  markdown.replace(after, QStringLiteral("\\1\u200B\\2"));
  return markdown;
}

}  // namespace dlui
