// All live charts of the playground in tabs, fed by the session's snapshots. Clears when the
// generation changes (reset, reconfiguration). Keeps the last 100,000 steps of every run at full
// resolution for the CSV export — the charts' own histories are decimated and never exported.
#pragma once

#include "plots/MetricsRing.h"
#include "labs/playground/Snapshot.h"

#include <QWidget>

#include <vector>

class QLabel;
class QSlider;
class QStackedWidget;
class QTabWidget;

namespace dlui {

class ActivationExplorer;
class GradientNormChart;
class LearningRateChart;
class LossChart;
class MetricsView;
class PlotWidget;
class SaturationChart;
class SparsityChart;

class ChartPanel : public QWidget {
  Q_OBJECT
public:
  static constexpr std::size_t kCsvSteps = MetricsRing::kDefaultCapacity;

  explicit ChartPanel(QWidget* parent = nullptr);

  void applySnapshot(const SnapshotPtr& snapshot);
  void clear();
  void setPresentationMode(bool on);
  void retranslateUi();

  // The metrics CSV (same columns as the headless run) of run `run` (0, or 1 = the L2 run of the
  // pair): the last kCsvSteps steps. False when the file cannot be written or nothing was recorded.
  bool exportCsv(const QString& path, int run = 0, QString* error = nullptr) const;
  // Steps recorded for the CSV of a run, and how many older ones fell out of the ring or were
  // never received (the worker thins metrics out when the GUI falls behind).
  std::size_t csvSteps(int run = 0) const;
  long long csvMissingSteps(int run = 0) const;

  // The chart of the current tab as an image / vector drawing.
  bool exportPng(const QString& path, QString* error = nullptr) const;
  bool exportSvg(const QString& path, QString* error = nullptr) const;

  int runCount() const { return static_cast<int>(m_rings.size()); }
  QList<PlotWidget*> charts() const { return m_charts; }
  PlotWidget* currentChart() const;
  // Bring one of charts() to the front (a preset about L1/L2 shows the sparsity chart).
  void showChart(PlotWidget* chart);
  // Exponential-moving-average smoothing of the per-step curves (training loss, gradient norms,
  // saturation), 0 … 0.99, set by the slider beside the tabs.
  void setSmoothing(double weight);
  double smoothing() const { return m_smoothing; }
  QSlider* smoothingSlider() const { return m_smoothSlider; }
  LossChart* lossChart() const { return m_loss; }
  GradientNormChart* gradientNormChart() const { return m_gradients; }
  SaturationChart* saturationChart() const { return m_saturation; }
  SparsityChart* sparsityChart() const { return m_sparsity; }
  LearningRateChart* learningRateChart() const { return m_learningRate; }
  // The classification metrics tab (not a chart: no PNG/SVG export through currentChart()).
  MetricsView* metricsView() const { return m_metrics; }
  void showMetrics();
  // The activation explorer tab (functions, derivatives, saturation, live layer means; not a chart).
  ActivationExplorer* activationExplorer() const { return m_activations; }
  // A preset's view (dlio::PresetEntry::view): brings its chart tab to the front; false for a view
  // that is no tab ("map", "network") or unknown.
  bool showView(const QString& view);
  // The current tab's view name ("loss", ..., "metrics", "activations").
  QString currentView() const;
  // The smoothing slider and the current chart's own options, normally in the tab bar's corner.
  // Detached, they leave the tab bar and stack vertically for another panel to hold (presentation
  // mode puts them in the classroom column, so every tab keeps its place in a narrower row);
  // attached, they return to the corner.
  QWidget* chartOptions() const { return m_corner; }
  void setChartOptionsDetached(bool detached);
  // Detached options show only for a chart that has some (after their new holder showed them).
  void updateChartOptions() { updateSmoothingBox(); }
  QTabWidget* tabs() const { return m_tabs; }
  // True while the tabs show their short names (a narrow chart column).
  bool briefTabs() const { return m_briefTabs; }

signals:
  void smoothingChanged(double weight);
  // Another tab came to the front (its options, shown elsewhere when detached, changed with it).
  void currentViewChanged();

protected:
  void changeEvent(QEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void showEvent(QShowEvent* event) override;
  void hideEvent(QHideEvent* event) override;

private:
  void fitToCurrentPage();
  void fitTabLabels();

  QTabWidget* m_tabs;
  bool m_briefTabs = false;
  QWidget* m_corner;          // m_smoothBox and m_options
  QStackedWidget* m_options;  // the current chart's optionsWidget(), in the tab bar's corner
  QWidget* m_smoothBox;       // the smoothing slider and its labels, beside the options
  QLabel* m_smoothLabel;
  QSlider* m_smoothSlider;
  QLabel* m_smoothValue;
  double m_smoothing = 0;
  void updateSmoothingBox();
  LossChart* m_loss;
  GradientNormChart* m_gradients;
  SaturationChart* m_saturation;
  SparsityChart* m_sparsity;
  LearningRateChart* m_learningRate;
  MetricsView* m_metrics;
  ActivationExplorer* m_activations;
  QList<PlotWidget*> m_charts;
  std::vector<MetricsRing> m_rings;
  std::vector<long long> m_dropped;
  bool m_testColumns = false;  // the run has a test part: the CSV gets test_loss,test_acc
  quint64 m_generation = 0;
  bool m_hasGeneration = false;
  bool m_optionsDetached = false;
};

}  // namespace dlui
