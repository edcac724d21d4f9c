// How the search and landscape labs spell a formatted number for a narrow table column.
#pragma once

#include <QChar>
#include <QRegularExpression>
#include <QString>

namespace dlui {

// QString::number's output with its exponent shortened ("3.16e-06" → "3.16e-6", "1.14e+12" →
// "1.14e12") and a real minus sign (U+2212): tables beside a map or a scatter stay narrow.
inline QString tidyNumber(QString s) {
  static const QRegularExpression exponent(QStringLiteral("e\\+?(-?)0*(\\d)"));
  s.replace(exponent, QStringLiteral("e\\1\\2"));
  return s.replace(QLatin1Char('-'), QChar(0x2212));
}

}  // namespace dlui
