// The learning rate in force at every step (schedules: decay, steps, plateau halvings), on a
// linear or logarithmic axis, with the training loss on a right-hand axis (smoothed like the loss
// chart's, the raw line faint behind): what a schedule does to the loss is seen beside it.
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
  void setSmoothing(double weight) override;
  bool smoothable() const override { return true; }
  const PlotHistory& history() const { return m_trace.history; }
  const PlotHistory& trainingLoss() const { return m_loss.history; }
  const Trace& lossTrace() const { return m_loss; }

protected:
  void refresh() override;

private:
  QChart* m_chart;
  QChartView* m_view;
  QCheckBox* m_logBox;
  QValueAxis* m_steps;
  std::unique_ptr<YAxis> m_y, m_lossY;
  Trace m_trace, m_loss;
  double m_smoothing = 0;
};

}  // namespace dlui
