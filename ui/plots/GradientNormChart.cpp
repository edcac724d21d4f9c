// Per-layer gradient norms (see GradientNormChart.h).
#include "plots/GradientNormChart.h"

#include <QChart>

namespace dlui {

GradientNormChart::GradientNormChart(QWidget* parent) : LayerSeriesChart(true, parent) {
  retranslateUi();
  restyle();
}

void GradientNormChart::retranslateTitles() {
  setExportTitle(m_chart, tr("Gradient norm per layer"));
  m_y->setTitle(tr("norm (log)"));  // short: the chart title names the gradient
}

}  // namespace dlui
