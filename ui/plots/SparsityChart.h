// The L1-vs-L2 comparison: the share of near-zero weights (|w| < 0.001) of both runs over steps,
// and the two weight histograms side by side on a common x range — L1's spike at zero against
// L2's shrunken bell. A placeholder text while the pair is off.
#pragma once

#include "plots/ChartAxes.h"
#include "plots/PlotWidget.h"
#include "plots/Trace.h"

#include <QList>
#include <QPointF>

#include <array>
#include <memory>
#include <vector>

class QLabel;
class QStackedWidget;
class QValueAxis;

namespace dlui {

class SparsityChart : public PlotWidget {
  Q_OBJECT
public:
  static constexpr int kBins = 41;  // odd: one bin centred on zero

  explicit SparsityChart(QWidget* parent = nullptr);
  ~SparsityChart() override;

  void applySnapshot(const Snapshot& s) override;
  void clear() override;
  void retranslateUi() override;

  bool pairShown() const;  // false: the placeholder is shown
  // Share (0..1) of weights with |w| < 0.001 over time, run 0 = L1, 1 = L2.
  const PlotHistory& sparsity(int run) const { return m_sparsity[static_cast<std::size_t>(run)].history; }

protected:
  void refresh() override;

private:
  struct Histogram {
    QChart* chart = nullptr;
    QChartView* view = nullptr;
    QValueAxis* x = nullptr;
    QValueAxis* y = nullptr;
    QLineSeries* series = nullptr;
    QList<QPointF> points;  // step outline of the latest histogram
  };
  void setupHistogram(Histogram& h, const QColor& color);
  void tickWeightAxis(Histogram& h);
  void updateHistograms(const Snapshot& s);

  QStackedWidget* m_stack;
  QLabel* m_placeholder;
  QChart* m_chart;
  QChartView* m_view;
  QValueAxis* m_steps;
  std::unique_ptr<YAxis> m_y;
  std::array<Trace, 2> m_sparsity;
  std::array<Histogram, 2> m_hist;
  double m_histRange = 1;            // common x range ±m_histRange
  double m_histMax = 0;              // largest bin share (%) of both runs
  std::vector<double> m_layerSizes;  // weights per layer, to combine the per-layer sparsities
};

}  // namespace dlui
