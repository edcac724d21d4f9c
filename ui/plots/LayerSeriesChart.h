// Base of the charts with one line per weighted layer of the first run (gradient norms,
// saturation): creates the lines when the layer count is known, one colour per layer, legend
// "layer 1" … "output". Subclasses choose the value, the layers shown and the y axis.
#pragma once

#include "plots/ChartAxes.h"
#include "plots/PlotWidget.h"
#include "plots/Trace.h"

#include <memory>
#include <vector>

class QValueAxis;

namespace dlui {

class LayerSeriesChart : public PlotWidget {
  Q_OBJECT
public:
  ~LayerSeriesChart() override;

  void applySnapshot(const Snapshot& s) override;
  void clear() override;
  void retranslateUi() override;

  int layerCount() const { return static_cast<int>(m_layers.size()); }
  const PlotHistory& history(int layer) const { return m_layers[static_cast<std::size_t>(layer)]->history; }
  const Trace& trace(int layer) const { return *m_layers[static_cast<std::size_t>(layer)]; }
  void setSmoothing(double weight) override;
  bool smoothable() const override { return true; }
  // The layers named in the legend (0-based): all of them where the row holds them, else the first,
  // every k-th and the output (the colours run from blue to red, so a few names key them all).
  std::vector<int> layersInLegend() const;

protected:
  LayerSeriesChart(bool logAxis, QWidget* parent);
  // Layers drawn out of `weighted` (all of them, or the hidden ones).
  virtual int shownLayers(int weighted) const = 0;
  virtual double value(const dl::LayerStats& s) const = 0;
  virtual void retranslateTitles() = 0;
  void refresh() override;

  QChart* m_chart;
  QChartView* m_view;
  QValueAxis* m_steps;
  std::unique_ptr<YAxis> m_y;
  double m_scale = 1.0;       // e.g. 100 for %
  bool m_fixedRange = false;  // the y axis keeps its range (percentages)

private:
  void ensureLayers(int weighted);
  // The lines of m_layers in the chart (after a new layer count), the old ones removed.
  void createLines();
  void removeLayers();
  void nameSeries();
  void fitLegendEntries();
  void presentationModeChanged() override { nameSeries(); }

  std::vector<std::unique_ptr<Trace>> m_layers;
  std::vector<std::unique_ptr<Trace>> m_retired;  // the previous layer count's, lines still in the chart
  bool m_linesStale = false;                      // m_layers have no lines yet
  int m_weighted = 0;           // weighted layers of the network (the last one is the output layer)
  long long m_divergedAt = -1;  // step marked as diverged on every line
  double m_smoothing = 0;
  MarkKey m_key;
};

}  // namespace dlui
