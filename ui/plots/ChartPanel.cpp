// The tabbed chart panel and its CSV export (see ChartPanel.h).
#include "plots/ChartPanel.h"

#include "io/MetricsCsv.h"
#include "io/OutputFile.h"
#include "plots/GradientNormChart.h"
#include "plots/LearningRateChart.h"
#include "plots/LossChart.h"
#include "plots/MetricsView.h"
#include "plots/PlotWidget.h"
#include "plots/SaturationChart.h"
#include "plots/SparsityChart.h"

#include <QEvent>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace dlui {

ChartPanel::ChartPanel(QWidget* parent) : QWidget(parent), m_tabs(new QTabWidget(this)) {
  m_loss = new LossChart(m_tabs);
  m_gradients = new GradientNormChart(m_tabs);
  m_saturation = new SaturationChart(m_tabs);
  m_sparsity = new SparsityChart(m_tabs);
  m_learningRate = new LearningRateChart(m_tabs);
  m_charts = {m_loss, m_gradients, m_saturation, m_sparsity, m_learningRate};
  // A chart's own controls sit in the tab bar's empty corner rather than in a row above the plot.
  m_options = new QStackedWidget(m_tabs);
  m_options->setObjectName(QStringLiteral("chartOptions"));
  for (PlotWidget* c : m_charts) {
    m_tabs->addTab(c, QString());
    QWidget* options = c->optionsWidget();
    m_options->addWidget(options ? options : new QWidget(m_options));
  }
  m_metrics = new MetricsView(m_tabs);
  m_tabs->addTab(m_metrics, QString());
  m_options->addWidget(new QWidget(m_options));
  m_tabs->setCornerWidget(m_options, Qt::TopRightCorner);
  connect(m_tabs, &QTabWidget::currentChanged, m_options, &QStackedWidget::setCurrentIndex);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_tabs);
  retranslateUi();
}

void ChartPanel::retranslateUi() {
  m_tabs->setTabText(0, tr("Loss"));
  m_tabs->setTabText(1, tr("Gradient norms"));
  m_tabs->setTabText(2, tr("Saturation"));
  m_tabs->setTabText(3, tr("L1 vs L2"));
  m_tabs->setTabText(4, tr("Learning rate"));
  m_tabs->setTabToolTip(3, tr("Sparsity and weight histograms of the L1 and L2 runs"));
  const int metrics = m_tabs->indexOf(m_metrics);
  m_tabs->setTabText(metrics, tr("Metrics"));
  m_tabs->setTabToolTip(metrics, tr("Confusion matrix, precision, recall, F1, Cohen's κ and ROC on the validation part"));
}

void ChartPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QWidget::changeEvent(event);
}

PlotWidget* ChartPanel::currentChart() const { return qobject_cast<PlotWidget*>(m_tabs->currentWidget()); }

void ChartPanel::setPresentationMode(bool on) {
  for (PlotWidget* c : m_charts) c->setPresentationMode(on);
  m_metrics->setPresentationMode(on);
  QFont f = m_tabs->font();
  f.setPointSize(on ? 16 : font().pointSize());
  m_tabs->tabBar()->setFont(f);
  for (PlotWidget* c : m_charts)
    if (QWidget* options = c->optionsWidget()) options->setFont(f);
}

void ChartPanel::clear() {
  for (PlotWidget* c : m_charts) c->clear();
  m_metrics->clear();
  m_rings.clear();
  m_dropped.clear();
}

void ChartPanel::applySnapshot(const SnapshotPtr& snapshot) {
  if (!snapshot) return;
  const Snapshot& s = *snapshot;
  if (!m_hasGeneration || s.generation != m_generation) {
    clear();
    m_generation = s.generation;
    m_hasGeneration = true;
  }
  if (m_rings.size() != s.runs.size()) {
    m_rings.assign(s.runs.size(), MetricsRing(kCsvSteps));
    m_dropped.assign(s.runs.size(), 0);
  }
  for (std::size_t i = 0; i < s.runs.size(); ++i) {
    for (const dl::StepMetrics& m : s.runs[i].metrics) m_rings[i].append(m);
    m_dropped[i] += s.runs[i].droppedSteps;
  }
  for (PlotWidget* c : m_charts) c->applySnapshot(s);
  m_metrics->applySnapshot(snapshot);
}

bool ChartPanel::exportPng(const QString& path, QString* error) const {
  PlotWidget* c = currentChart();
  return c && c->exportPng(path, error);
}

bool ChartPanel::exportSvg(const QString& path, QString* error) const {
  PlotWidget* c = currentChart();
  return c && c->exportSvg(path, error);
}

std::size_t ChartPanel::csvSteps(int run) const {
  return run >= 0 && run < runCount() ? m_rings[static_cast<std::size_t>(run)].size() : 0;
}

long long ChartPanel::csvMissingSteps(int run) const {
  if (run < 0 || run >= runCount()) return 0;
  return m_rings[static_cast<std::size_t>(run)].overwritten() + m_dropped[static_cast<std::size_t>(run)];
}

bool ChartPanel::exportCsv(const QString& path, int run, QString* error) const {
  if (run < 0 || run >= runCount()) return false;
  const MetricsRing& ring = m_rings[static_cast<std::size_t>(run)];
  if (ring.size() == 0) return false;
  dlio::OutputFile file;  // atomic; an existing device (/dev/full) is written in place, errors kept
  QString why;
  if (!file.open(path, &why)) {
    if (error) *error = why;
    return false;
  }
  const int layers = std::max(0, ring.layerCount());
  QByteArray chunk = dlio::metricsCsvHeader(layers).toUtf8() + '\n';
  for (std::size_t i = 0; i < ring.size(); ++i) {
    chunk += dlio::metricsCsvRow(ring.at(i), layers).toUtf8();
    chunk += '\n';
    if (chunk.size() > (1 << 18)) {
      file.write(chunk);
      chunk.clear();
    }
  }
  file.write(chunk);
  if (file.commit(&why)) return true;
  if (error) *error = why;
  return false;
}

void ChartPanel::showMetrics() { m_tabs->setCurrentWidget(m_metrics); }

void ChartPanel::showChart(PlotWidget* chart) {
  if (m_charts.contains(chart)) m_tabs->setCurrentWidget(chart);
}

}  // namespace dlui
