// Training and validation loss over steps, with training and validation accuracy (%) on a second
// axis; the loss axis switches between linear and logarithmic. The training loss is the
// mini-batch's at every step; training accuracy is the whole training part's, measured with the
// validation (dl::StepMetrics::trainAccuracy), so the two accuracies compare like for like. With a
// test part (data.testFraction > 0) its loss and accuracy, measured at the same steps, are drawn
// too, and run 0's validation peak is marked with the test accuracy at the same step beside it
// (the step early stopping would keep, and what the untouched test set says about it); without a
// test part those lines, marks and legend entries stay hidden. One set of lines per run
// (the L1-vs-L2 pair draws its second run dashed).
#pragma once

#include "plots/ChartAxes.h"
#include "plots/PlotWidget.h"
#include "plots/Trace.h"

#include <memory>
#include <optional>
#include <vector>

class QCheckBox;
class QLineSeries;
class QScatterSeries;
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
  const PlotHistory& testLoss(int run) const { return m_runs[static_cast<std::size_t>(run)]->testLoss.history; }
  const PlotHistory& testAccuracy(int run) const { return m_runs[static_cast<std::size_t>(run)]->testAcc.history; }
  // The drawn lines, for tests: 0 training loss, 1 validation loss, 2 validation accuracy,
  // 3 training accuracy, 4 test loss, 5 test accuracy.
  const Trace& trace(int run, int which) const;
  // Run 0's highest validation accuracy so far (the first step that reached it) and the test
  // accuracy at that step (0..1); step 0 when there is no test part or no evaluation yet.
  struct Peak {
    double validation = -1, test = 0;
    long long step = 0;
  };
  const Peak& validationPeak() const { return m_peak; }
  // A preset's goal for run 0's validation loss or accuracy (its lesson: "below 0.05 by step 5"):
  // a dashed level across the plot, a dot where run 0 first reaches it, and that step in the
  // chart's title ("not yet" while it has not). `which` 1: validation loss, 2: validation accuracy
  // (level 0..1); reached at ≤ level when `below`, else at ≥ level.
  struct Goal {
    int which = 1;
    double level = 0;
    bool below = true;
    bool reachedBy(double v) const { return below ? v <= level : v >= level; }  // false for NaN
    bool operator==(const Goal&) const = default;
  };
  void setGoal(const std::optional<Goal>& goal);
  const std::optional<Goal>& goal() const { return m_goal; }
  // The step run 0 first reached the goal at (0: not yet, or no goal), and its value there.
  long long goalStep() const { return m_goalStep; }
  double goalValue() const { return m_goalValue; }
  // What the title says about the goal (empty without one), for tests.
  QString goalText() const;
  const QLineSeries* goalLine() const { return m_goalLine; }
  const QScatterSeries* goalDot() const { return m_goalDot; }
  // The two marks (validation peak, test there; null before the first run); the first carries the
  // legend entry.
  const QScatterSeries* peakMark(int which) const { return which == 0 ? m_peakVal : m_peakTest; }

protected:
  void refresh() override;

private:
  struct RunTraces {
    QString label;
    Trace train, valLoss, valAcc, trainAcc, testLoss, testAcc;
  };
  void ensureRuns(const Snapshot& s);
  void removeRuns();
  // The legend's names, full or short ("train loss", "val acc"); the short ones where one row
  // below the plot would cut the full ones (fitLegendNames).
  struct Names {
    QString train, valLoss, valAcc, trainAcc, testLoss, testAcc, peak;
  };
  Names names(bool shortNames) const;
  void nameSeries();
  void fitLegendNames();
  void drawPeak();
  void drawGoal(double firstX, double lastX);
  void exportTitlesChanged() override { drawPeak(); }

  QChart* m_chart;
  QChartView* m_view;
  QCheckBox* m_logBox;
  QValueAxis* m_steps;
  std::unique_ptr<YAxis> m_loss, m_accuracy;
  std::vector<std::unique_ptr<RunTraces>> m_runs;
  MarkKey m_key;
  QScatterSeries* m_peakVal = nullptr;
  QScatterSeries* m_peakTest = nullptr;
  Peak m_peak;
  std::optional<Goal> m_goal;
  long long m_goalStep = 0;
  double m_goalValue = 0;
  QLineSeries* m_goalLine = nullptr;  // the level, dashed
  QScatterSeries* m_goalDot = nullptr;
  double m_smoothing = 0;
  bool m_shortNames = false;
};

}  // namespace dlui
