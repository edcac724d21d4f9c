// A histogram of a map's values for the kernel editor: bars coloured with the diverging map of
// ConvRun.h (negative blue, positive red), the bin holding 0 drawn darker, the range on the axis.
#pragma once

#include <QWidget>

#include <vector>

namespace dlui {

class ValueHistogram : public QWidget {
  Q_OBJECT
public:
  explicit ValueHistogram(QWidget* parent = nullptr);
  void setValues(const std::vector<double>& values);
  // Bar counts of the last values (tests).
  const std::vector<int>& counts() const { return m_counts; }
  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

protected:
  void paintEvent(QPaintEvent*) override;

private:
  std::vector<int> m_counts;
  double m_lo = 0, m_hi = 0;
};

}  // namespace dlui
