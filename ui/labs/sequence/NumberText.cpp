// Short numbers for the sequence lab's views; see NumberText.h.
#include "labs/sequence/NumberText.h"

#include <cmath>

namespace dlui::seqtext {

namespace {
const QChar kMinus(0x2212);
QString withMinus(QString s) { return s.replace(QLatin1Char('-'), kMinus); }
}  // namespace

QString number(double v, int digits) {
  if (std::isnan(v)) return QStringLiteral("NaN");
  if (std::isinf(v)) return v > 0 ? QStringLiteral("∞") : QString(kMinus) + QStringLiteral("∞");
  if (v == 0) return QStringLiteral("0");
  const double a = std::abs(v);
  if (a >= 1e-3 && a < 1e3) return withMinus(QString::number(v, 'g', digits));
  if (a >= 1e3 && a < 1e5) return withMinus(QString::number(v, 'f', 0));  // 12345, not 1.23e+04
  int e = static_cast<int>(std::floor(std::log10(a)));
  double m = v / std::pow(10.0, e);
  QString ms = QString::number(m, 'g', digits);
  if (std::abs(ms.toDouble()) >= 10) {  // 9.996 rounded up to 10
    ++e;
    ms = QString::number(m / 10, 'g', digits);
  }
  return withMinus(ms + QLatin1Char('e') + QString::number(e));
}

QString powerOfTen(int exponent) {
  static const QChar kSuper[] = {QChar(0x2070), QChar(0x00b9), QChar(0x00b2), QChar(0x00b3), QChar(0x2074),
                                 QChar(0x2075), QChar(0x2076), QChar(0x2077), QChar(0x2078), QChar(0x2079)};
  QString s = QStringLiteral("10");
  if (exponent < 0) s += QChar(0x207b);
  for (const QChar d : QString::number(std::abs(exponent))) s += kSuper[d.digitValue()];
  return s;
}

}  // namespace dlui::seqtext
