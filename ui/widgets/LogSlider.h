// A slider over a logarithmic range (learning rate 1e-5 … 10, penalties 0 or 1e-6 … 1) that shows
// its value. Positions follow "nice" values per decade (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8) so a
// student lands on 0.03 rather than 0.0316.
#pragma once

#include <QWidget>

class QLabel;
class QSlider;

namespace dlui {

class LogSlider : public QWidget {
  Q_OBJECT
public:
  // lo, hi: powers of ten. allowZero adds a leftmost "0" position (a penalty turned off).
  LogSlider(double lo, double hi, bool allowZero, QWidget* parent = nullptr);

  double value() const { return m_value; }
  // Model → control: moves the slider to the nearest position, shows v exactly, emits nothing.
  void setValue(double v);
  QSlider* slider() const { return m_slider; }
  // Value at a slider position (for tests and the label).
  double valueAt(int position) const;
  int positionOf(double v) const;

signals:
  void valueChanged(double value);  // the user moved the slider

protected:
  bool eventFilter(QObject* watched, QEvent* event) override;
  void changeEvent(QEvent* event) override;

private:
  void onSliderMoved(int position);
  void retranslateUi();
  void updateLabel();

  QSlider* m_slider = nullptr;
  QLabel* m_label = nullptr;
  int m_loExp = 0;
  int m_hiExp = 0;
  bool m_allowZero = false;
  double m_value = 0;
};

// "0.03", "1e-05" → "1e-5": compact text for a rate or a penalty.
QString formatRate(double v);

}  // namespace dlui
