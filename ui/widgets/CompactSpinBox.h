// A number spin box that writes its value as briefly as the sliders do (formatRate: 1e-6, 0.001,
// 3.85), not padded to its decimals: a range over decades stays narrow in a settings column.
#pragma once

#include "widgets/LogSlider.h"

#include <QDoubleSpinBox>
#include <QLocale>

namespace dlui {

class CompactSpinBox : public QDoubleSpinBox {
public:
  using QDoubleSpinBox::QDoubleSpinBox;
  QString textFromValue(double v) const override { return formatRate(v); }
  double valueFromText(const QString& text) const override { return QLocale().toDouble(text.trimmed()); }
  QValidator::State validate(QString& text, int&) const override {
    bool ok = false;
    QLocale().toDouble(text.trimmed(), &ok);
    return ok ? QValidator::Acceptable : QValidator::Intermediate;
  }
};

}  // namespace dlui
