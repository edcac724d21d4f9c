// Run-time language switching with QTranslator (see Language.h).
#include "Language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace dlui {

namespace {
QString g_current = QStringLiteral("en");

QTranslator& appTranslator() {
  static QTranslator t;
  return t;
}
QTranslator& qtTranslator() {
  static QTranslator t;
  return t;
}
}  // namespace

QStringList availableLanguages() { return {QStringLiteral("en"), QStringLiteral("zh")}; }

QString languageName(const QString& code) {
  return code == QLatin1String("zh") ? QStringLiteral("中文") : QStringLiteral("English");
}

QString initialLanguage() {
  const QString saved = QSettings().value(QStringLiteral("language")).toString();
  if (availableLanguages().contains(saved)) return saved;
  return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh") : QStringLiteral("en");
}

QString currentLanguage() { return g_current; }

bool setLanguage(const QString& code, bool remember) {
  if (!availableLanguages().contains(code)) return false;
  QCoreApplication::removeTranslator(&appTranslator());
  QCoreApplication::removeTranslator(&qtTranslator());
  if (code == QLatin1String("zh")) {
    if (appTranslator().load(QStringLiteral(":/i18n/dlplay_zh_CN.qm")))
      QCoreApplication::installTranslator(&appTranslator());
    if (qtTranslator().load(QStringLiteral("qtbase_zh_CN"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
      QCoreApplication::installTranslator(&qtTranslator());
  }
  // English is the source language: no translator. Installing or removing one makes Qt send
  // QEvent::LanguageChange to every widget.
  g_current = code;
  QLocale::setDefault(QLocale(code == QLatin1String("zh") ? QLocale::Chinese : QLocale::English));
  if (remember) QSettings().setValue(QStringLiteral("language"), code);
  return true;
}

}  // namespace dlui
