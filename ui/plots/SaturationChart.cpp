// Saturation per hidden layer (see SaturationChart.h).
#include "plots/SaturationChart.h"

#include <QChart>

namespace dlui {

SaturationChart::SaturationChart(QWidget* parent) : LayerSeriesChart(false, parent) {
  m_scale = 100.0;
  m_fixedRange = true;
  m_y->setLabelFormat(QStringLiteral("%.0f"));
  m_y->setFixedRange(0, 100);
  retranslateUi();
  restyle();
}

void SaturationChart::retranslateTitles() {
  setExportTitle(m_chart, tr("Saturated units per hidden layer"));
  m_y->setTitle(tr("saturated (%)"));
}

}  // namespace dlui
