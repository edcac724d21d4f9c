// Controls whose ranges come from the configuration's field lists (engine/config/Field.h), so a
// control offers exactly the values validation accepts: a value loaded from a file is shown as it
// is, never clamped to a narrower control range and written back changed.
#pragma once

#include "config/Field.h"
#include "widgets/LogSlider.h"

#include <QDoubleSpinBox>
#include <QSpinBox>

#include <cmath>
#include <stdexcept>
#include <string>

namespace fieldcontrols {

// The entry of `fields` with this key; a missing key is a programming error.
template <class S>
const dl::Field<S>& field(std::span<const dl::Field<S>> fields, std::string_view key) {
  if (const dl::Field<S>* f = dl::findField(fields, key)) return *f;
  throw std::logic_error("no configuration field " + std::string(key));
}

// An integer field's range; an open end moves one step inside.
template <class S>
void setRange(QSpinBox* s, const dl::Field<S>& f) {
  s->setRange(static_cast<int>(f.lo) + (f.lowerOpen() ? 1 : 0), static_cast<int>(f.hi) - (f.upperOpen() ? 1 : 0));
}

// A real field's range at the spin box's decimals; an open end moves one shown step inside.
template <class S>
void setRange(QDoubleSpinBox* s, const dl::Field<S>& f) {
  const double unit = std::pow(10.0, -s->decimals());
  s->setRange(f.lo + (f.lowerOpen() ? unit : 0.0), f.hi - (f.upperOpen() ? unit : 0.0));
}

// A log slider from the field's smallest positive control value to its upper bound, with a 0
// position when 0 is legal.
template <class S>
dlui::LogSlider* makeLogSlider(const dl::Field<S>& f, QWidget* parent) {
  return new dlui::LogSlider(f.logFloor, f.hi, f.lo == 0 && !f.lowerOpen(), parent);
}

}  // namespace fieldcontrols
