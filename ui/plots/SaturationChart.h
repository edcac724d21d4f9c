// Share of saturated units in every hidden layer over steps (%): sigmoid/tanh units stuck near
// their asymptotes, ReLU units that output zero (Activation::saturation).
#pragma once

#include "plots/LayerSeriesChart.h"

namespace dlui {

class SaturationChart : public LayerSeriesChart {
  Q_OBJECT
public:
  explicit SaturationChart(QWidget* parent = nullptr);

protected:
  int shownLayers(int weighted) const override { return weighted - 1; }  // the output layer has none
  double value(const dl::LayerStats& s) const override { return s.saturation; }
  void retranslateTitles() override;
};

}  // namespace dlui
