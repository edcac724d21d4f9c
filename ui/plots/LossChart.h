// Training and validation loss over steps, with training and validation accuracy (%) on a second
// axis; the loss axis switches between linear and logarithmic. The training loss is the
// mini-batch's at every step; training accuracy is the whole training part's, measured with the
// validation (dl::StepMetrics::trainAccuracy), so the two accuracies compare like for like. One set of lines per run
// (the L1-vs-L2 pair draws its second run dashed).
#pragma once

#include "plots/ChartAxes.h"
#include "plots/PlotWidget.h"
#include "plots/Trace.h"

#include <memory>
#include <vector>

class QCheckBox;
class QValueAxis;

namespace dlui {

class LossChart : public PlotWidget {
  Q_OBJECT
public:
  explicit LossChart(QWidget* parent = nullptr);
  ~LossChart() override;

  void applySnapshot(const Snapshot& s) override;
  void clear() override;
  void retranslateUi() override;

  void setLogScale(bool on);
  bool logScale() const;
  QWidget* optionsWidget() const override;  // the log-scale box
  void setSmoothing(double weight) override;
  bool smoothable() const override { return true; }
  int runCount() const { return static_cast<int>(m_runs.size()); }
  // The histories, for tests and tooltips: run r's training loss, validation loss, accuracy (0..1).
  const PlotHistory& trainingLoss(int run) const { return m_runs[static_cast<std::size_t>(run)]->train.history; }
  const PlotHistory& validationLoss(int run) const { return m_runs[static_cast<std::size_t>(run)]->valLoss.history; }
  const PlotHistory& validationAccuracy(int run) const { return m_runs[static_cast<std::size_t>(run)]->valAcc.history; }
  const PlotHistory& trainingAccuracy(int run) const { return m_runs[static_cast<std::size_t>(run)]->trainAcc.history; }
  // The drawn lines, for tests: 0 training loss, 1 validation loss, 2 validation accuracy,
  // 3 training accuracy.
  const Trace& trace(int run, int which) const;

protected:
  void refresh() override;

private:
  struct RunTraces {
    QString label;
    Trace train, valLoss, valAcc, trainAcc;
  };
  void ensureRuns(const Snapshot& s);
  void removeRuns();
  void nameSeries();

  QChart* m_chart;
  QChartView* m_view;
  QCheckBox* m_logBox;
  QValueAxis* m_steps;
  std::unique_ptr<YAxis> m_loss, m_accuracy;
  std::vector<std::unique_ptr<RunTraces>> m_runs;
  MarkKey m_key;
  double m_smoothing = 0;
};

}  // namespace dlui
