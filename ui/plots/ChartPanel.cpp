// The tabbed chart panel and its CSV export (see ChartPanel.h).
#include "plots/ChartPanel.h"

#include <QResizeEvent>

#include "io/MetricsCsv.h"
#include "io/OutputFile.h"
#include "plots/ActivationExplorer.h"
#include "plots/GradientNormChart.h"
#include "plots/LearningRateChart.h"
#include "plots/LossChart.h"
#include "plots/MetricsView.h"
#include "plots/PlotWidget.h"
#include "plots/SaturationChart.h"
#include "plots/SparsityChart.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

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
  m_activations = new ActivationExplorer(m_tabs);
  m_tabs->addTab(m_activations, QString());
  m_options->addWidget(new QWidget(m_options));
  // Smoothing beside the chart's own options, shown for the charts that smooth.
  m_corner = new QWidget(m_tabs);
  m_corner->setObjectName(QStringLiteral("chartCorner"));
  m_smoothBox = new QWidget(m_corner);
  m_smoothBox->setObjectName(QStringLiteral("chartSmoothing"));
  m_smoothLabel = new QLabel(m_smoothBox);
  m_smoothSlider = new QSlider(Qt::Horizontal, m_smoothBox);
  m_smoothSlider->setRange(0, 99);  // hundredths: 0 … 0.99
  m_smoothSlider->setPageStep(10);
  m_smoothSlider->setMinimumWidth(60);
  m_smoothSlider->setMaximumWidth(120);
  m_smoothValue = new QLabel(m_smoothBox);
  m_smoothValue->setMinimumWidth(m_smoothValue->fontMetrics().horizontalAdvance(QStringLiteral("0.00")) + 2);
  m_smoothLabel->setBuddy(m_smoothSlider);
  auto* smoothLayout = new QHBoxLayout(m_smoothBox);
  smoothLayout->setContentsMargins(0, 0, 8, 0);
  smoothLayout->setSpacing(4);
  smoothLayout->addWidget(m_smoothLabel);
  smoothLayout->addWidget(m_smoothSlider);
  smoothLayout->addWidget(m_smoothValue);
  auto* cornerLayout = new QHBoxLayout(m_corner);
  cornerLayout->setContentsMargins(0, 0, 0, 0);
  cornerLayout->setSpacing(0);
  cornerLayout->addWidget(m_smoothBox);
  cornerLayout->addWidget(m_options);
  m_tabs->setCornerWidget(m_corner, Qt::TopRightCorner);
  connect(m_smoothSlider, &QSlider::valueChanged, this, [this](int v) { setSmoothing(v / 100.0); });
  connect(m_tabs, &QTabWidget::currentChanged, this, [this](int i) {
    fitToCurrentPage();
    m_options->setCurrentIndex(i);
    updateSmoothingBox();
    m_smoothValue->setText(QString::number(m_smoothing, 'f', 2));
    emit currentViewChanged();
  });
  updateSmoothingBox();
  fitToCurrentPage();
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_tabs);
  retranslateUi();
}

// The panel's minimum height is the page in front's, not the tallest page's: a hidden page's size
// policy is Ignored, which a stacked layout's minimum leaves out (the activation explorer needs
// 200 px; a line chart on a projector gets by with less, and the watch line gets the difference).
void ChartPanel::fitToCurrentPage() {
  for (int i = 0; i < m_tabs->count(); ++i) {
    QWidget* page = m_tabs->widget(i);
    QSizePolicy policy = page->sizePolicy();
    const QSizePolicy::Policy vertical = i == m_tabs->currentIndex() ? QSizePolicy::Expanding : QSizePolicy::Ignored;
    if (policy.verticalPolicy() == vertical) continue;
    policy.setVerticalPolicy(vertical);
    page->setSizePolicy(policy);
  }
}

void ChartPanel::retranslateUi() {
  m_tabs->setTabToolTip(0, tr("Training loss: the mini-batch of each step. Training accuracy: all training points, "
                              "without dropout, measured at each validation evaluation, like the validation curves."));
  m_tabs->setTabToolTip(3, tr("Sparsity and weight histograms of the L1 and L2 runs"));
  const int metrics = m_tabs->indexOf(m_metrics);
  m_tabs->setTabToolTip(metrics, tr("Confusion matrix, precision, recall, F1, Cohen's κ and ROC on the validation part"));
  const int activations = m_tabs->indexOf(m_activations);
  m_tabs->setTabToolTip(activations,
                        tr("Every activation function and its derivative, where each saturates, and "
                           "whether its output is zero-centred: the mean output of each hidden layer, live"));
  fitTabLabels();
  m_smoothLabel->setText(tr("Smoothing"));
  const QString tip =
      tr("Smooths the per-step curves (training loss, gradient norms, saturation) with an "
         "exponential moving average, as TensorBoard does: 0 draws the raw values, 0.9 averages "
         "over about the last 10 steps, 0.99 over about the last 100. The raw curve stays faint "
         "behind the smoothed one. Validation curves are evaluations of the whole validation set "
         "and are drawn as measured.");
  for (QWidget* w : {static_cast<QWidget*>(m_smoothLabel), static_cast<QWidget*>(m_smoothSlider),
                     static_cast<QWidget*>(m_smoothValue)})
    w->setToolTip(tip);
  m_smoothSlider->setAccessibleName(tr("Smoothing"));
}

void ChartPanel::setSmoothing(double weight) {
  weight = std::clamp(std::round(weight * 100.0) / 100.0, 0.0, 0.99);
  const QSignalBlocker block(m_smoothSlider);
  m_smoothSlider->setValue(static_cast<int>(std::lround(weight * 100)));
  m_smoothValue->setText(QString::number(weight, 'f', 2));
  if (weight == m_smoothing) return;
  m_smoothing = weight;
  for (PlotWidget* c : m_charts) c->setSmoothing(weight);
  emit smoothingChanged(weight);
}

void ChartPanel::updateSmoothingBox() {
  const PlotWidget* c = currentChart();
  m_smoothBox->setVisible(c && c->smoothable());
  // Detached, the options hide when the chart has none (the metrics tab) or the charts are not
  // shown: their holder's heading goes with them.
  if (m_optionsDetached) m_corner->setVisible(isVisible() && c && (c->smoothable() || c->optionsWidget()));
}

void ChartPanel::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  if (m_optionsDetached) updateSmoothingBox();
}

void ChartPanel::hideEvent(QHideEvent* event) {
  QWidget::hideEvent(event);
  if (m_optionsDetached) updateSmoothingBox();
}

void ChartPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  if (event->type() == QEvent::FontChange) {
    // "0.60" whole at the new size (a projector's font is larger than the one it was built with).
    m_smoothValue->setMinimumWidth(QFontMetrics(font()).horizontalAdvance(QStringLiteral("0.00")) + 2);
    fitTabLabels();
  }
  QWidget::changeEvent(event);
}

void ChartPanel::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  if (event->size().width() != event->oldSize().width()) fitTabLabels();
}

// The tabs' full names where they fit in one row beside the chart's options; where they do not (a
// projector's narrow chart column, a large font) the short names, the full one in the tab's
// tooltip. No tab ever hides behind scroll arrows.
void ChartPanel::fitTabLabels() {
  const int metrics = m_tabs->indexOf(m_metrics), activations = m_tabs->indexOf(m_activations);
  struct Label {
    int tab;
    QString full, brief;
  };
  const std::vector<Label> labels = {
      {0, tr("Loss"), tr("Loss")},
      {1, tr("Gradient norms"), tr("Gradients", "short tab name of Gradient norms")},
      {2, tr("Saturation"), tr("Saturation")},
      {3, tr("L1 vs L2"), tr("L1 vs L2")},
      {4, tr("Learning rate"), tr("LR", "short tab name of Learning rate")},
      {metrics, tr("Metrics"), tr("Metrics")},
      {activations, tr("Activations"), tr("Act.", "short tab name of Activations")},
  };
  QTabBar* bar = m_tabs->tabBar();
  const QFontMetrics fm(bar->font());
  // The row's width with the full names: the bar's width now, its texts swapped (a tab's frame and
  // padding stay the same whatever its text).
  int full = bar->sizeHint().width();
  for (const Label& l : labels) full += fm.horizontalAdvance(l.full) - fm.horizontalAdvance(bar->tabText(l.tab));
  const int corner = m_corner->isVisible() ? m_corner->sizeHint().width() : 0;
  const bool brief = full > m_tabs->width() - corner;
  for (const Label& l : labels) {
    const QString text = brief ? l.brief : l.full;
    if (bar->tabText(l.tab) != text) bar->setTabText(l.tab, text);
    // A short name's tooltip starts with the full one (the prefix is kept in the tab's data, so a
    // later call or a retranslation replaces it instead of adding another).
    QString tip = bar->tabToolTip(l.tab);
    const QString added = bar->tabData(l.tab).toString();
    if (!added.isEmpty() && tip.startsWith(added)) tip.remove(0, added.size());
    const QString prefix = brief && l.brief != l.full ? (tip.isEmpty() ? l.full : l.full + QStringLiteral(": ")) : QString();
    bar->setTabToolTip(l.tab, prefix + tip);
    bar->setTabData(l.tab, prefix);
  }
  m_briefTabs = brief;
}

PlotWidget* ChartPanel::currentChart() const { return qobject_cast<PlotWidget*>(m_tabs->currentWidget()); }

void ChartPanel::setPresentationMode(bool on) {
  for (PlotWidget* c : m_charts) c->setPresentationMode(on);
  m_metrics->setPresentationMode(on);
  m_activations->setPresentationMode(on);
  // The tabs and the options take the window's font, which presentation mode enlarges: a larger
  // one of their own would no longer fit every tab in a 1024-pixel-wide row.
  m_tabs->tabBar()->setFont(QFont());
  for (PlotWidget* c : m_charts)
    if (QWidget* options = c->optionsWidget()) options->setFont(QFont());
  for (QWidget* w : m_smoothBox->findChildren<QWidget*>()) w->setFont(QFont());
}

void ChartPanel::setChartOptionsDetached(bool detached) {
  if (detached == m_optionsDetached) return;
  m_optionsDetached = detached;
  auto* layout = static_cast<QBoxLayout*>(m_corner->layout());
  layout->setDirection(detached ? QBoxLayout::TopToBottom : QBoxLayout::LeftToRight);
  layout->setSpacing(detached ? 2 : 0);
  if (detached) {
    m_tabs->setCornerWidget(nullptr, Qt::TopRightCorner);  // hides it; the new holder shows it
  } else {
    m_tabs->setCornerWidget(m_corner, Qt::TopRightCorner);
    m_corner->show();
  }
}

void ChartPanel::clear() {
  for (PlotWidget* c : m_charts) c->clear();
  m_metrics->clear();
  m_activations->clear();
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
  m_testColumns = s.config.data.testFraction > 0;
  for (std::size_t i = 0; i < s.runs.size(); ++i) {
    for (const dl::StepMetrics& m : s.runs[i].metrics) m_rings[i].append(m);
    m_dropped[i] += s.runs[i].droppedSteps;
  }
  for (PlotWidget* c : m_charts) c->applySnapshot(s);
  m_metrics->applySnapshot(snapshot);
  m_activations->applySnapshot(snapshot);
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
  QByteArray chunk = dlio::metricsCsvHeader(layers, m_testColumns).toUtf8() + '\n';
  for (std::size_t i = 0; i < ring.size(); ++i) {
    chunk += dlio::metricsCsvRow(ring.at(i), layers, m_testColumns).toUtf8();
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

namespace {
// The tabs by the view names presets use, in tab order (the metrics tab and the activation
// explorer come after the charts).
const QStringList kViewNames = {QStringLiteral("loss"),         QStringLiteral("gradients"),
                                QStringLiteral("saturation"),   QStringLiteral("sparsity"),
                                QStringLiteral("learningRate"), QStringLiteral("metrics"),
                                QStringLiteral("activations")};
}  // namespace

bool ChartPanel::showView(const QString& view) {
  const qsizetype i = kViewNames.indexOf(view);
  if (i < 0) return false;
  m_tabs->setCurrentIndex(static_cast<int>(i));
  return true;
}

QString ChartPanel::currentView() const { return kViewNames.value(m_tabs->currentIndex()); }

void ChartPanel::showChart(PlotWidget* chart) {
  if (m_charts.contains(chart)) m_tabs->setCurrentWidget(chart);
}

}  // namespace dlui
