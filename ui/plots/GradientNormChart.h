// Gradient norm of every weighted layer over steps on a logarithmic axis: vanishing gradients
// show as the first layers' lines sinking decades below the output layer's.
#pragma once

#include "plots/LayerSeriesChart.h"

namespace dlui {

class GradientNormChart : public LayerSeriesChart {
  Q_OBJECT
public:
  explicit GradientNormChart(QWidget* parent = nullptr);

protected:
  int shownLayers(int weighted) const override { return weighted; }
  double value(const dl::LayerStats& s) const override { return s.gradNorm; }
  void retranslateTitles() override;
};

}  // namespace dlui
