// The learning rate in force at every step (schedules: decay, steps, plateau halvings), on a
// linear or logarithmic axis.
#pragma once

#include "plots/ChartAxes.h"
#include "plots/PlotWidget.h"
#include "plots/Trace.h"

#include <memory>

class QCheckBox;
class QValueAxis;

namespace dlui {

class LearningRateChart : public PlotWidget {
  Q_OBJECT
public:
  explicit LearningRateChart(QWidget* parent = nullptr);
  ~LearningRateChart() override;

  void applySnapshot(const Snapshot& s) override;
  void clear() override;
  void retranslateUi() override;

  void setLogScale(bool on);
  bool logScale() const;
  QWidget* optionsWidget() const override;  // the log-scale box
  const PlotHistory& history() const { return m_trace.history; }

protected:
  void refresh() override;

private:
  QChart* m_chart;
  QChartView* m_view;
  QCheckBox* m_logBox;
  QValueAxis* m_steps;
  std::unique_ptr<YAxis> m_y;
  Trace m_trace;
};

}  // namespace dlui
