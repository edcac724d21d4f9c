// The interface language: Simplified Chinese or English, switched at run time. Installing a
// translator sends QEvent::LanguageChange to every widget, whose retranslateUi() does the rest.
#pragma once

#include <QString>
#include <QStringList>

namespace dlui {

// "zh" or "en".
QStringList availableLanguages();
// The remembered choice (QSettings "language"), else the system locale's, else English.
QString initialLanguage();
QString currentLanguage();
// Installs the translators for `code` (dlplay's and Qt's own) and remembers the choice.
// Returns false for an unknown code (nothing changes).
bool setLanguage(const QString& code, bool remember = true);
// The language's own name ("English", "中文"), never translated.
QString languageName(const QString& code);

}  // namespace dlui
