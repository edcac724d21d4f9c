#include "labs/search/SearchLab.h"

#include "labs/search/TrialScatter.h"
#include "plots/ChartAxes.h"
#include "plots/LineChart.h"
#include "Language.h"
#include "notes/NotesLibrary.h"
#include "widgets/ColumnScroll.h"
#include "widgets/CompactSpinBox.h"
#include "widgets/NumberSpelling.h"
#include "widgets/DisplayNames.h"
#include "widgets/LogSlider.h"

#include "core/Error.h"
#include "io/ErrorText.h"
#include "io/ExperimentIo.h"
#include "io/SearchIo.h"
#include "train/Runs.h"
#include "train/Trainer.h"

#include <QScrollArea>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLocale>
#include <QValidator>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <map>
#include <cmath>

namespace dlui {

namespace {

using dl::search::ParamRange;
using dl::search::Scale;
using dl::search::SearchConfig;
using dl::search::Trial;

constexpr int kPollMs = 100;
constexpr int kPandaTickMs = 33;
constexpr int kPandaStepsPerTick = 5;

// `digits` significant digits between 0.001 and a million, three beyond (the table on a projector:
// three throughout).
QString number(double v, int digits = 4) {
  if (!std::isfinite(v)) return QStringLiteral("—");
  const double a = std::abs(v);
  QString s = QString::number(v, 'g', (a >= 1e-3 && a < 1e6) || a == 0 ? digits : 3);
  return tidyNumber(s);  // "1.14e12", not "1.14e+12"; "3.16e−6", not "3.16e-06"
}

// A table cell that sorts by its number, not its text.
class NumberItem : public QTableWidgetItem {
public:
  NumberItem(double v, int digits) : QTableWidgetItem(number(v, digits)) {
    setData(Qt::UserRole, v);
    setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  }
  bool operator<(const QTableWidgetItem& other) const override {
    const double a = data(Qt::UserRole).toDouble(), b = other.data(Qt::UserRole).toDouble();
    if (std::isnan(a)) return false;  // unknown values sort last
    if (std::isnan(b)) return true;
    return a < b;
  }
};

// Why a trial stopped, in the interface's language: a divergence told from its parts, an error from
// its type (a ConfigError names its field), the engine's English line only as a last resort.
QString trialProblem(const Trial& t) {
  if (t.divergence) {
    const dl::Divergence& d = *t.divergence;
    QString what = QString::fromStdString(d.quantity);
    if (d.quantity == "loss")
      what = SearchLab::tr("the loss");
    else if (d.quantity == "activations")
      what = SearchLab::tr("the activations");
    else if (d.quantity == "gradient")
      what = SearchLab::tr("the gradient");
    else if (d.quantity == "weights")
      what = SearchLab::tr("the weights");
    return d.layer > 0 ? SearchLab::tr("Diverged: %1 became non-finite at step %2, in layer %3.")
                             .arg(what)
                             .arg(d.step)
                             .arg(d.layer)
                       : SearchLab::tr("Diverged: %1 became non-finite at step %2.").arg(what).arg(d.step);
  }
  if (t.failure) {
    try {
      std::rethrow_exception(t.failure);
    } catch (const std::exception& e) {
      return dlio::ErrorText::of(e);
    } catch (...) {
    }
  }
  return QString::fromStdString(t.error);
}

}  // namespace

SearchLab::SearchLab(QWidget* parent) : Lab(parent) {
  buildUi();
  retranslateUi();
  // A search to start from: the first of the lab's presets (the table and scatter stay empty
  // until Start).
  QString error;
  try {
    SearchConfig c = dlio::readSearchPreset(QStringLiteral("search-grid-vs-random"));
    setConfig(c, &error);
  } catch (const std::exception&) {
    SearchConfig c;
    c.params = {{"learningRate", 1e-4, 1, Scale::Log}};
    setConfig(c, &error);
  }
}

SearchLab::~SearchLab() {
  if (m_search) m_search->cancel();
}

QString SearchLab::strategyText(dl::search::Strategy s) const {
  switch (s) {
    case dl::search::Strategy::Grid:
      return tr("Grid");
    case dl::search::Strategy::Uniform:
      return tr("Uniform random");
    case dl::search::Strategy::LogUniform:
      return tr("Log-uniform random");
    case dl::search::Strategy::CoarseToFine:
      return tr("Coarse to fine");
  }
  return {};
}

QString SearchLab::paramLabel(const std::string& name) const {
  if (name == "learningRate") return tr("learning rate");
  if (name == "l2") return tr("L2 penalty");
  if (name == "batchSize") return tr("batch size");
  if (name == "width") return tr("width (units per layer)");
  if (name == "depth") return tr("depth (hidden layers)");
  if (name == "momentum") return tr("1 − β (momentum)");
  return QString::fromStdString(name);
}

QString SearchLab::paramHeader(const std::string& name) const {
  if (!m_presentation) return paramLabel(name);
  if (name == "learningRate") return tr("lr");
  if (name == "l2") return tr("L2");
  if (name == "batchSize") return tr("batch");
  if (name == "width") return tr("width");
  if (name == "depth") return tr("depth");
  if (name == "momentum") return tr("1 − β");
  return QString::fromStdString(name);
}

void SearchLab::buildUi() {
  m_poll = new QTimer(this);
  m_poll->setInterval(kPollMs);
  connect(m_poll, &QTimer::timeout, this, &SearchLab::poll);
  m_pandaClock = new QTimer(this);
  m_pandaClock->setInterval(kPandaTickMs);
  connect(m_pandaClock, &QTimer::timeout, this, &SearchLab::pandaTick);

  // ---- the controls column ----
  auto* controls = new QWidget(this);
  controls->setObjectName(QStringLiteral("searchControls"));
  auto* column = new QVBoxLayout(controls);
  column->setContentsMargins(6, 6, 6, 6);
  m_base = new QLabel(controls);
  m_base->setWordWrap(true);
  column->addWidget(m_base);

  m_spaceBox = new QGroupBox(controls);
  auto* grid = new QGridLayout(m_spaceBox);
  grid->setVerticalSpacing(2);
  for (std::size_t i = 0; i < dl::search::paramNames().size(); ++i) {
    ParamRow row;
    row.use = new QCheckBox(m_spaceBox);
    row.use->setObjectName(QStringLiteral("searchUse-") + QString::fromStdString(dl::search::paramNames()[i]));
    row.low = new CompactSpinBox(m_spaceBox);
    row.high = new CompactSpinBox(m_spaceBox);
    for (QDoubleSpinBox* s : {row.low, row.high}) {
      s->setDecimals(9);
      s->setRange(0, 100000);
      s->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
      s->setKeyboardTracking(false);
      connect(s, &QDoubleSpinBox::valueChanged, this, &SearchLab::updateBudget);
    }
    row.log = new QCheckBox(m_spaceBox);
    const int r = 2 * static_cast<int>(i);
    grid->addWidget(row.use, r, 0, 1, 3);
    grid->addWidget(row.low, r + 1, 0);
    grid->addWidget(row.high, r + 1, 1);
    grid->addWidget(row.log, r + 1, 2);
    connect(row.use, &QCheckBox::toggled, this, &SearchLab::updateParamRows);
    m_rows.push_back(row);
  }
  column->addWidget(m_spaceBox);

  m_runBox = new QGroupBox(controls);
  auto* form = new QFormLayout(m_runBox);
  m_strategyLabel = new QLabel(m_runBox);
  m_strategy = new QComboBox(m_runBox);
  m_strategy->setObjectName(QStringLiteral("searchStrategy"));
  for (const std::string& s : dl::search::strategyNames()) m_strategy->addItem(QString(), QString::fromStdString(s));
  form->addRow(m_strategyLabel, m_strategy);
  m_compareLabel = new QLabel(m_runBox);
  m_compareWith = new QComboBox(m_runBox);
  m_compareWith->setObjectName(QStringLiteral("searchCompare"));
  m_compareWith->addItem(QString(), QString());
  for (const std::string& s : dl::search::strategyNames()) m_compareWith->addItem(QString(), QString::fromStdString(s));
  form->addRow(m_compareLabel, m_compareWith);
  connect(m_compareWith, &QComboBox::activated, this, &SearchLab::updateBudget);
  m_trialsLabel = new QLabel(m_runBox);
  m_trials = new QSpinBox(m_runBox);
  m_trials->setRange(1, dl::search::kMaxTrials);
  form->addRow(m_trialsLabel, m_trials);
  m_stepsLabel = new QLabel(m_runBox);
  m_steps = new QSpinBox(m_runBox);
  m_steps->setRange(1, 1000000);
  m_steps->setSingleStep(100);
  form->addRow(m_stepsLabel, m_steps);
  m_threadsLabel = new QLabel(m_runBox);
  m_threads = new QSpinBox(m_runBox);
  m_threads->setRange(1, std::max(1, QThread::idealThreadCount()));
  m_threads->setValue(std::max(1, QThread::idealThreadCount()));
  form->addRow(m_threadsLabel, m_threads);
  m_seedLabel = new QLabel(m_runBox);
  m_seed = new QSpinBox(m_runBox);
  m_seed->setRange(1, 1000000);
  form->addRow(m_seedLabel, m_seed);
  column->addWidget(m_runBox);
  m_budget = new QLabel(controls);  // below the box: a wrapped label in a form row gets cut
  m_budget->setWordWrap(true);
  column->addWidget(m_budget);
  connect(m_strategy, &QComboBox::activated, this, &SearchLab::updateBudget);
  connect(m_trials, &QSpinBox::valueChanged, this, &SearchLab::updateBudget);
  // The steps appear in the base line and the budget only: those two texts follow it.
  connect(m_steps, &QSpinBox::valueChanged, this, &SearchLab::updateBaseLine);

  m_start = new QPushButton(controls);
  m_start->setObjectName(QStringLiteral("searchStart"));
  connect(m_start, &QPushButton::clicked, this, [this] {
    if (searching())
      cancelSearch();
    else
      startSearch();
  });
  column->addWidget(m_start);
  m_progress = new QProgressBar(controls);
  column->addWidget(m_progress);
  m_summary = new QLabel(controls);
  m_summary->setObjectName(QStringLiteral("searchSummary"));
  m_summary->setWordWrap(true);
  column->addWidget(m_summary);
  column->addStretch(1);

  // ---- caviar: the scatter, best so far and the table ----
  m_modes = new QTabWidget(this);
  m_modes->setObjectName(QStringLiteral("searchModes"));
  auto* caviar = new QWidget(m_modes);
  auto* caviarLayout = new QHBoxLayout(caviar);
  caviarLayout->setContentsMargins(0, 0, 0, 0);
  m_scatter = new TrialScatter(caviar);
  auto* right = new QSplitter(Qt::Vertical, caviar);
  m_caviarSplit = right;
  m_best = new LineChart(right);
  m_best->setObjectName(QStringLiteral("searchBestChart"));
  auto* tableBox = new QWidget(right);
  auto* tableLayout = new QVBoxLayout(tableBox);
  tableLayout->setContentsMargins(0, 0, 0, 0);
  m_table = new QTableWidget(tableBox);
  m_table->setObjectName(QStringLiteral("searchTrials"));
  m_table->verticalHeader()->hide();
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setSelectionMode(QAbstractItemView::SingleSelection);
  m_table->setSortingEnabled(true);
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  auto* buttons = new QHBoxLayout;
  m_open = new QPushButton(tableBox);
  m_open->setObjectName(QStringLiteral("searchOpenTrial"));
  m_export = new QPushButton(tableBox);
  buttons->addWidget(m_open);
  buttons->addWidget(m_export);
  buttons->addStretch(1);
  tableLayout->addWidget(m_table, 1);
  tableLayout->addLayout(buttons);
  right->addWidget(m_best);
  right->addWidget(tableBox);
  caviarLayout->addWidget(m_scatter, 5);
  caviarLayout->addWidget(right, 4);
  m_modes->addTab(caviar, QString());
  connect(m_open, &QPushButton::clicked, this, &SearchLab::openSelectedTrial);
  connect(m_table, &QTableWidget::cellDoubleClicked, this, &SearchLab::openSelectedTrial);
  connect(m_export, &QPushButton::clicked, this, &SearchLab::exportDialog);
  connect(m_scatter, &TrialScatter::trialClicked, this, [this](int index, bool other) {
    for (int r = 0; r < m_table->rowCount(); ++r)
      if (const QTableWidgetItem* item = m_table->item(r, 0);
          item && item->data(Qt::UserRole).toInt() == index + 1 && item->data(Qt::UserRole + 1).toBool() == other)
        m_table->selectRow(r);
  });
  connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
    const auto rows = m_table->selectionModel()->selectedRows();
    if (!rows.isEmpty() && m_table->item(rows.front().row(), 0) &&
        !m_table->item(rows.front().row(), 0)->data(Qt::UserRole + 1).toBool())
      m_scatter->setSelected(m_table->item(rows.front().row(), 0)->data(Qt::UserRole).toInt() - 1);
  });

  // ---- panda: one run, babysat ----
  auto* panda = new QWidget(m_modes);
  auto* pandaLayout = new QVBoxLayout(panda);
  auto* pandaRow = new QHBoxLayout;
  m_pandaPlay = new QPushButton(panda);
  m_pandaPlay->setCheckable(true);
  m_pandaReset = new QPushButton(panda);
  m_pandaRateLabel = new QLabel(panda);
  m_pandaRate = new LogSlider(1e-4, 10, false, panda);
  m_pandaRate->setObjectName(QStringLiteral("pandaRate"));
  pandaRow->addWidget(m_pandaPlay);
  pandaRow->addWidget(m_pandaReset);
  pandaRow->addWidget(m_pandaRateLabel);
  pandaRow->addWidget(m_pandaRate, 1);
  pandaLayout->addLayout(pandaRow);
  m_pandaChart = new LineChart(panda);
  m_pandaChart->setObjectName(QStringLiteral("pandaChart"));
  pandaLayout->addWidget(m_pandaChart, 1);
  m_pandaLog = new QLabel(panda);
  m_pandaLog->setWordWrap(true);
  pandaLayout->addWidget(m_pandaLog);
  m_modes->addTab(panda, QString());
  connect(m_pandaPlay, &QPushButton::toggled, this, [this](bool on) {
    if (on && m_active)
      m_pandaClock->start();
    else
      m_pandaClock->stop();
    m_pandaPlay->setText(on ? tr("Pause") : tr("Train"));
  });
  connect(m_pandaReset, &QPushButton::clicked, this, &SearchLab::resetPanda);
  connect(m_pandaRate, &LogSlider::valueChanged, this, &SearchLab::setPandaRate);

  auto* views = new QWidget(this);
  auto* viewsLayout = new QVBoxLayout(views);
  viewsLayout->setContentsMargins(0, 0, 0, 0);
  m_watch = createWatchLine(views, QStringLiteral("searchWatch"));
  viewsLayout->addWidget(m_watch);
  viewsLayout->addWidget(m_modes, 1);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  // The settings column takes its preferred width: a cap (30% of the window) cut the compare
  // combo's choice and the Chinese box title at 1024×768.
  layout->addWidget(scrollingColumn(controls, this));
  layout->addWidget(views, 1);
}

void SearchLab::retranslateUi() {
  m_spaceBox->setTitle(tr("Search over (1 to 3)"));
  m_spaceBox->setToolTip(
      tr("Tick 1 to 3 settings; give each a range (from, to) and whether to spread trials on a log scale."));
  for (std::size_t i = 0; i < m_rows.size(); ++i) {
    const std::string& name = dl::search::paramNames()[i];
    m_rows[i].use->setText(paramLabel(name));
    m_rows[i].low->setToolTip(tr("Lowest value tried"));
    m_rows[i].high->setToolTip(tr("Highest value tried"));
    m_rows[i].log->setText(tr("log"));
    m_rows[i].log->setToolTip(
        tr("Spread the trials evenly over the powers of ten (as a learning rate should be), "
           "not over the values."));
  }
  m_runBox->setTitle(tr("Search"));
  m_strategyLabel->setText(tr("Strategy"));
  for (int i = 0; i < m_strategy->count(); ++i)
    m_strategy->setItemText(i, strategyText(static_cast<dl::search::Strategy>(i)));
  m_compareLabel->setText(tr("Compare with"));
  m_compareWith->setItemText(0, tr("nothing"));
  for (int i = 1; i < m_compareWith->count(); ++i)
    m_compareWith->setItemText(i, strategyText(static_cast<dl::search::Strategy>(i - 1)));
  m_compareWith->setToolTip(
      tr("Run a second search beside this one with the same settings, budget and seed but "
         "another strategy: its trials are squares in the scatter."));
  m_strategy->setToolTip(
      tr("Grid: evenly spaced values, k per setting. Uniform random: every value equally "
         "likely. Log-uniform: every power of ten equally likely on log settings. Coarse to "
         "fine: a first round everywhere, then rounds around the best trials."));
  m_trialsLabel->setText(tr("Trials"));
  m_stepsLabel->setText(tr("Steps per trial"));
  m_threadsLabel->setText(tr("Threads"));
  m_threads->setToolTip(tr("Trials trained at once, one core each. The results do not depend on it."));
  m_seedLabel->setText(tr("Seed"));
  m_start->setText(searching() ? tr("Stop") : tr("Start search"));
  m_modes->setTabText(0, tr("Caviar: many runs at once"));
  m_modes->setTabText(1, tr("Panda: babysit one run"));
  m_open->setText(tr("Open in the playground"));
  m_open->setToolTip(tr("The selected trial's experiment, in the playground, ready to train."));
  m_export->setText(tr("Export CSV…"));
  m_pandaPlay->setText(m_pandaClock->isActive() ? tr("Pause") : tr("Train"));
  m_pandaReset->setText(tr("Restart"));
  m_pandaRateLabel->setText(tr("Learning rate"));
  m_pandaRate->setToolTip(tr("Change it while the run trains, as one babysits a single large model."));
  m_best->setAxisTitles(tr("trial"), tr("best validation loss"));
  m_best->setLineNames({tr("best so far")});
  m_best->setTitle(tr("Best validation loss so far"));
  m_pandaChart->setAxisTitles(tr("step"), tr("loss"));
  m_pandaChart->setLineNames({tr("training loss"), tr("validation loss")});
  updateTableColumns();
  showWatchLine(m_watch, m_preset);
  QStringList axes;
  for (const ParamRange& p : m_config.params) axes << paramLabel(p.name);
  if (axes.size() == 1) axes << tr("final validation loss");
  m_scatter->setSpace(m_config.params, axes);
  updateBaseLine();
}

void SearchLab::updateTableColumns() {
  QStringList headers{tr("#"), QString(), tr("round")};
  for (const ParamRange& p : m_config.params) headers << paramHeader(p.name);
  // (On a projector the only loss shown is the validation loss: "loss" is enough.)
  headers << tr("status") << (m_presentation ? tr("loss") : tr("val loss")) << tr("val acc") << tr("steps");
  m_table->setColumnCount(static_cast<int>(headers.size()));
  m_table->setHorizontalHeaderLabels(headers);
  // The strategy column only beside a comparison, the round only for coarse to fine.
  m_table->setColumnHidden(1, !m_config.compare);
  m_table->setColumnHidden(2, m_presentation || (m_config.strategy != dl::search::Strategy::CoarseToFine &&
                                                 m_config.compare != dl::search::Strategy::CoarseToFine));
  // On a projector the table keeps what the room reads beside the scatter: the trial, its values
  // and its validation loss (a diverged trial's loss reads "—", and the scatter rings it; the
  // rounds of coarse to fine show there as the trials closing in on the best).
  const int status = 3 + static_cast<int>(m_config.params.size());
  for (int c : {status, status + 2, status + 3}) m_table->setColumnHidden(c, m_presentation);
}

void SearchLab::updateBaseLine() {
  // What every trial trains: the base experiment in a line.
  const dl::ExperimentConfig& b = m_config.base;
  QStringList layers;
  for (const dl::LayerConfig& l : b.hidden) layers << QString::number(l.units);
  m_base->setText(tr("Each trial: %1 data, hidden layers %2, %3, %4 steps.")
                      .arg(displayName(NameKind::Source, b.data.source),
                           layers.isEmpty() ? tr("none") : layers.join(QStringLiteral("–")),
                           displayName(NameKind::Optimizer, b.optimizer.name))
                      .arg(m_steps->value()));
  updateBudget();
}

void SearchLab::fitColumns() {
  // The scatter gets five ninths of the width, on a projector a half (the trials' values and losses
  // read without scrolling sideways), and under 1280 px four ninths: the scatter is taller than
  // wide there anyway.
  auto* caviar = static_cast<QHBoxLayout*>(m_scatter->parentWidget()->layout());
  const bool narrow = m_presentation && width() < 1280;
  caviar->setStretch(0, narrow ? 4 : m_presentation ? 1 : 5);
  caviar->setStretch(1, narrow ? 5 : m_presentation ? 1 : 4);
}

void SearchLab::resizeEvent(QResizeEvent* event) {
  fitColumns();
  Lab::resizeEvent(event);
}

void SearchLab::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  Lab::changeEvent(event);
}

void SearchLab::showConfig(const SearchConfig& c) {
  const auto& names = dl::search::paramNames();
  for (std::size_t i = 0; i < names.size(); ++i) {
    ParamRow& row = m_rows[i];
    const QSignalBlocker b1(row.use), b2(row.low), b3(row.high), b4(row.log);
    const auto p =
        std::find_if(c.params.begin(), c.params.end(), [&](const ParamRange& r) { return r.name == names[i]; });
    row.use->setChecked(p != c.params.end());
    if (p != c.params.end()) {
      row.low->setValue(p->low);
      row.high->setValue(p->high);
      row.log->setChecked(p->scale == Scale::Log);
    } else {
      // Sensible ranges for a setting not searched yet.
      const double current = dl::search::paramValue(c.base, names[i]);
      const bool whole = dl::search::isIntegerParam(names[i]);
      const bool log = names[i] == "learningRate" || names[i] == "l2" || names[i] == "momentum";
      row.low->setValue(names[i] == "l2" ? 1e-5 : log ? std::max(1e-4, current / 30) : whole ? 1 : current / 2);
      row.high->setValue(names[i] == "l2" ? 0.1
                         : log            ? std::min(names[i] == "momentum" ? 0.5 : 3.0, current * 30)
                         : whole          ? std::max(2.0, current * 4)
                                          : current * 2);
      row.log->setChecked(log);
    }
  }
  const QSignalBlocker b5(m_strategy), b6(m_trials), b7(m_steps), b8(m_seed), b9(m_compareWith);
  m_strategy->setCurrentIndex(static_cast<int>(c.strategy));
  m_compareWith->setCurrentIndex(c.compare ? static_cast<int>(*c.compare) + 1 : 0);
  m_trials->setValue(c.trials);
  m_steps->setValue(static_cast<int>(c.steps));
  m_seed->setValue(static_cast<int>(std::min<std::uint64_t>(c.seed, 1000000)));
  if (c.threads > 0) m_threads->setValue(std::min(c.threads, m_threads->maximum()));
  updateParamRows();
}

void SearchLab::updateParamRows() {
  int used = 0;
  for (const ParamRow& r : m_rows) used += r.use->isChecked();
  // A setting not searched shows only its box: the column stays short on a projector.
  for (const ParamRow& r : m_rows) {
    r.use->setEnabled(r.use->isChecked() || used < dl::search::kMaxParams);
    r.low->setVisible(r.use->isChecked());
    r.high->setVisible(r.use->isChecked());
    r.log->setVisible(r.use->isChecked());
  }
  updateBudget();
}

SearchConfig SearchLab::config() const {
  SearchConfig c = m_config;
  c.params.clear();
  const auto& names = dl::search::paramNames();
  for (std::size_t i = 0; i < names.size(); ++i)
    if (m_rows[i].use->isChecked())
      c.params.push_back({names[i], m_rows[i].low->value(), m_rows[i].high->value(),
                          m_rows[i].log->isChecked() ? Scale::Log : Scale::Linear});
  c.strategy = static_cast<dl::search::Strategy>(std::max(0, m_strategy->currentIndex()));
  c.compare.reset();
  if (m_compareWith->currentIndex() > 0)
    c.compare = static_cast<dl::search::Strategy>(m_compareWith->currentIndex() - 1);
  c.trials = m_trials->value();
  c.steps = m_steps->value();
  c.seed = static_cast<std::uint64_t>(m_seed->value());
  c.threads = m_threads->value();
  return c;
}

void SearchLab::updateBudget() {
  const SearchConfig c = config();
  QString text;
  try {
    dl::search::validate(c);
    const int dims = static_cast<int>(c.params.size());
    const int planned = c.strategy == dl::search::Strategy::Grid
                            ? static_cast<int>(std::pow(dl::search::gridPointsPerAxis(c.trials, dims), dims))
                            : c.trials;
    text = tr("Budget: %1 trials × %2 steps = %3 steps.")
               .arg(planned)
               .arg(c.steps)
               .arg(static_cast<double>(planned) * c.steps, 0, 'g', 6);
    if (planned < c.trials)
      text += ' ' + tr("A grid of %1 per setting uses %2 of the %3 trials.")
                        .arg(dl::search::gridPointsPerAxis(c.trials, dims))
                        .arg(planned)
                        .arg(c.trials);
    m_budget->setStyleSheet(QString());
    m_start->setEnabled(true);
  } catch (const std::exception& e) {
    text = dlio::ErrorText::of(e);
    m_budget->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_start->setEnabled(searching());
  }
  m_budget->setText(text);
}

bool SearchLab::setConfig(const SearchConfig& c, QString* error) {
  try {
    dl::search::validate(c);
  } catch (const std::exception& e) {
    if (error) *error = dlio::ErrorText::of(e);
    return false;
  }
  cancelSearch();
  m_search.reset();
  m_compare.reset();
  m_config = c;
  showConfig(c);
  retranslateUi();
  m_scatter->setTrials({}, -1);
  m_scatter->setComparison({}, -1, {}, {});
  m_scatter->setSelected(-1);
  m_table->setRowCount(0);
  m_best->setLines({tr("best so far")}, {seriesColor(0)});
  m_best->setLogScale(true);
  m_progress->setValue(0);
  m_summary->clear();
  resetPanda();
  return true;
}

bool SearchLab::startSearch(QString* error) {
  cancelSearch();
  SearchConfig c = config();
  try {
    // With a comparison the threads are shared: each search gets half (the numbers are the same
    // for any thread count, and both grow on screen at once).
    SearchConfig first = c, second = dl::search::compareConfig(c);
    if (c.compare) first.threads = second.threads = std::max(1, c.threads / 2);
    // Both built before either replaces the shown one: a refused comparison changes nothing.
    auto main = std::make_unique<dl::search::Search>(first);
    auto compare = c.compare ? std::make_unique<dl::search::Search>(second) : nullptr;
    m_search = std::move(main);
    m_compare = std::move(compare);
  } catch (const std::exception& e) {
    const QString message = dlio::ErrorText::of(e);
    if (error) *error = message;
    emit statusMessage(message);
    return false;
  }
  m_config = c;
  retranslateUi();  // the table's columns follow the searched settings
  m_table->setRowCount(0);
  if (m_compare)
    m_best->setLines({strategyText(c.strategy), strategyText(*c.compare)}, {seriesColor(0), seriesColor(1)},
                     {false, true});
  else
    m_best->setLines({tr("best so far")}, {seriesColor(0)});
  m_best->setLogScale(true);
  m_seenRevision = m_seenCompareRevision = ~std::uint64_t{0};
  m_bestDrawn[0].clear();
  m_bestDrawn[1].clear();
  m_progress->setRange(0, m_search->plannedTrials() + (m_compare ? m_compare->plannedTrials() : 0));
  m_progress->setValue(0);
  // The trials yield to the window: on a two-core machine the GUI thread shares a core with them.
  m_search->setBackground(true);
  m_search->start();
  if (m_compare) {
    m_compare->setBackground(true);
    m_compare->start();
  }
  m_poll->start();
  m_start->setText(tr("Stop"));
  poll();
  return true;
}

void SearchLab::cancelSearch() {
  if (!m_search) return;
  for (dl::search::Search* s : {m_search.get(), m_compare.get()})
    if (s && !s->finished()) {
      s->cancel();
      s->wait();
    }
  poll();
  m_poll->stop();
  m_start->setText(tr("Start search"));
}

bool SearchLab::searching() const {
  return (m_search && !m_search->finished()) || (m_compare && !m_compare->finished());
}

void SearchLab::poll() {
  if (!m_search) return;
  const bool done = !searching();
  const std::uint64_t revision = m_compare ? m_compare->revision() : 0;
  if (m_search->revision() == m_seenRevision && revision == m_seenCompareRevision && !done) return;
  m_seenRevision = m_search->revision();
  m_seenCompareRevision = revision;
  const std::vector<Trial> trials = m_search->trials();
  const std::vector<Trial> other = m_compare ? m_compare->trials() : std::vector<Trial>{};
  const auto best = m_search->best();
  const auto otherBest = m_compare ? m_compare->best() : std::nullopt;
  m_scatter->setTrials(trials, best ? best->index : -1);
  m_scatter->setComparison(other, otherBest ? otherBest->index : -1, strategyText(m_search->config().strategy),
                           m_compare ? strategyText(m_compare->config().strategy) : QString());
  fillTable(trials, other);
  // Best so far: redrawn only when a trial finished (a running trial's steps change nothing there).
  std::vector<double> sofar = m_search->bestSoFar();
  std::vector<double> otherSofar = m_compare ? m_compare->bestSoFar() : std::vector<double>{};
  if (sofar != m_bestDrawn[0] || otherSofar != m_bestDrawn[1]) {
    m_best->clear();
    for (int line = 0; line < (m_compare ? 2 : 1); ++line) {
      const std::vector<double>& values = line ? otherSofar : sofar;
      for (std::size_t i = 0; i < values.size(); ++i)
        if (std::isfinite(values[i])) m_best->append(line, static_cast<double>(i + 1), values[i]);
    }
    m_bestDrawn[0] = std::move(sofar);
    m_bestDrawn[1] = std::move(otherSofar);
  }
  dl::search::Search::Progress p = m_search->progress();
  if (m_compare) {
    const dl::search::Search::Progress q = m_compare->progress();
    p.planned += q.planned, p.finished += q.finished, p.diverged += q.diverged;
  }
  m_progress->setRange(0, std::max(1, p.planned));
  m_progress->setValue(p.finished);
  QString summary = tr("%1 of %2 trials finished, %3 diverged.").arg(p.finished).arg(p.planned).arg(p.diverged);
  const auto describe = [this](const dl::search::Search& s, const std::optional<Trial>& b) {
    QStringList values;
    for (std::size_t k = 0; k < m_config.params.size() && k < b->values.size(); ++k)
      values << QStringLiteral("%1 = %2").arg(paramLabel(m_config.params[k].name), number(b->values[k]));
    return tr("%1: best trial %2, validation loss %3 (%4).")
        .arg(strategyText(s.config().strategy))
        .arg(b->index + 1)
        .arg(number(b->valLoss), values.join(QStringLiteral(", ")));
  };
  // The bests in full in the tooltip (the scatter rings them, the chart draws them): the column
  // stays short enough for a projector.
  QStringList bests;
  if (best) bests << describe(*m_search, best);
  if (otherBest) bests << describe(*m_compare, otherBest);
  m_summary->setText(summary);
  m_summary->setToolTip(bests.join('\n'));
  if (done) {
    m_poll->stop();
    m_start->setText(tr("Start search"));
  }
}

void SearchLab::fillTable(const std::vector<Trial>& trials, const std::vector<Trial>& other) {
  // Rows keep their items: a poll only changes texts that changed (a running trial's steps), so a
  // live search costs the GUI thread little, and the sort order and the selection stay.
  const bool sorting = m_table->isSortingEnabled();
  m_table->setSortingEnabled(false);
  const int rows = static_cast<int>(trials.size() + other.size());
  if (m_table->rowCount() != rows) m_table->setRowCount(rows);
  const int nParams = static_cast<int>(m_config.params.size());
  // Where each trial's row is now (sorting moves them): by (search, index).
  std::map<std::pair<bool, int>, int> rowOf;
  for (int r = 0; r < rows; ++r)
    if (const QTableWidgetItem* item = m_table->item(r, 0))
      rowOf[{item->data(Qt::UserRole + 1).toBool(), item->data(Qt::UserRole).toInt() - 1}] = r;
  int nextFree = 0;
  const auto freeRow = [&] {
    while (nextFree < rows && m_table->item(nextFree, 0)) ++nextFree;
    return nextFree++;
  };
  const int digits = m_presentation ? 3 : 4;  // a narrower table beside the scatter on a projector
  const auto setNumber = [this, digits](int row, int col, double v) {
    auto* item = static_cast<NumberItem*>(m_table->item(row, col));
    if (!item) {
      m_table->setItem(row, col, new NumberItem(v, digits));
      return;
    }
    const QString text = number(v, digits);
    if (item->text() != text) {
      item->setText(text);
      item->setData(Qt::UserRole, v);
    }
  };
  for (const bool second : {false, true}) {
    const dl::search::Search* search = second ? m_compare.get() : m_search.get();
    for (const Trial& t : second ? other : trials) {
      const auto found = rowOf.find({second, t.index});
      const int row = found != rowOf.end() ? found->second : freeRow();
      if (row >= rows) continue;
      int col = 0;
      if (!m_table->item(row, 0)) {
        auto* first = new NumberItem(t.index + 1, digits);
        first->setData(Qt::UserRole + 1, second);  // which search: "open in the playground" asks it
        m_table->setItem(row, 0, first);
        // The scatter's marker for its search (● the main one, ■ the comparison), named in its tooltip.
        auto* mark = new QTableWidgetItem(second ? QStringLiteral("■") : QStringLiteral("●"));
        mark->setToolTip(strategyText(search->config().strategy));
        mark->setTextAlignment(Qt::AlignCenter);
        m_table->setItem(row, 1, mark);
      }
      col = 2;
      setNumber(row, col++, t.round);
      for (int k = 0; k < nParams; ++k)
        setNumber(row, col++, k < static_cast<int>(t.values.size()) ? t.values[k] : std::nan(""));
      QString status;
      switch (t.status) {
        case Trial::Status::Pending:
          status = tr("waiting");
          break;
        case Trial::Status::Running:
          status = tr("training");
          break;
        case Trial::Status::Done:
          status = tr("done");
          break;
        case Trial::Status::Diverged:
          status = tr("diverged at %1").arg(t.divergedAt);
          break;
        case Trial::Status::Failed:
          status = tr("failed");
          break;
      }
      QTableWidgetItem* s = m_table->item(row, col);
      if (!s) m_table->setItem(row, col, s = new QTableWidgetItem);
      if (s->text() != status) {
        s->setText(status);
        const bool bad = t.status == Trial::Status::Diverged || t.status == Trial::Status::Failed;
        s->setForeground(bad ? QBrush(QColor(0xb0, 0x00, 0x20)) : QBrush());
        s->setToolTip(trialProblem(t));
      }
      ++col;
      setNumber(row, col++, t.valLoss);
      setNumber(row, col++, t.valAccuracy);
      setNumber(row, col++, static_cast<double>(t.steps));
    }
  }
  m_table->setSortingEnabled(sorting);
}

void SearchLab::openSelectedTrial() {
  const auto rows = m_table->selectionModel()->selectedRows();
  if (!m_search || rows.isEmpty() || !m_table->item(rows.front().row(), 0)) {
    emit statusMessage(tr("Select a trial in the table first."));
    return;
  }
  const QTableWidgetItem* item = m_table->item(rows.front().row(), 0);
  const int index = item->data(Qt::UserRole).toInt() - 1;
  const dl::search::Search* search =
      item->data(Qt::UserRole + 1).toBool() && m_compare ? m_compare.get() : m_search.get();
  dl::ExperimentConfig c = search->trialConfig(index);
  c.name = tr("%1 — trial %2").arg(QString::fromStdString(m_config.name)).arg(index + 1).toStdString();
  emit openInPlayground(QJsonDocument(dlio::configToJson(c)).toJson(QJsonDocument::Compact));
}

bool SearchLab::exportTrials(const QString& path, QString* error) {
  if (!m_search) {
    if (error) *error = tr("No search has run yet.");
    return false;
  }
  try {
    // A comparison's trials too, each row naming its strategy.
    std::vector<Trial> compared;
    if (m_compare) compared = m_compare->trials();
    dlio::writeTrialsCsv(path, m_search->config(), m_search->trials(), m_compare ? &compared : nullptr);
  } catch (const dlio::IoError& e) {
    if (error) *error = e.message();
    return false;
  }
  return true;
}

void SearchLab::exportDialog() {
  const QString path =
      QFileDialog::getSaveFileName(this, tr("Export trials"), QStringLiteral("trials.csv"), tr("CSV files (*.csv)"));
  if (path.isEmpty()) return;
  QString error;
  emit statusMessage(exportTrials(path, &error) ? tr("Trials written to %1").arg(QDir::toNativeSeparators(path))
                                                : error);
}

void SearchLab::resetPanda() {
  m_pandaClock->stop();
  {
    const QSignalBlocker b(m_pandaPlay);
    m_pandaPlay->setChecked(false);
  }
  m_pandaPlay->setText(tr("Train"));
  m_pandaChanges.clear();
  m_pandaLog->clear();
  try {
    dl::ExperimentConfig c = m_config.base;
    m_panda = std::make_unique<dl::Trainer>(c);
    const QSignalBlocker b(m_pandaRate);
    m_pandaRate->setValue(c.optimizer.learningRate);
  } catch (const std::exception& e) {
    m_panda.reset();
    m_pandaLog->setText(dlio::ErrorText::of(e));
  }
  m_pandaChart->setLines({tr("training loss"), tr("validation loss")}, {seriesColor(0), seriesColor(1)});
  m_pandaChart->setLogScale(true);
}

void SearchLab::setPandaRate(double lr) {
  if (!m_panda) return;
  dl::ExperimentConfig c = m_panda->config();
  c.optimizer.learningRate = lr;
  try {
    dl::applyInPlace(*m_panda, c);
  } catch (const std::exception& e) {
    emit statusMessage(dlio::ErrorText::of(e));
    return;
  }
  m_pandaChanges << tr("step %1: lr %2").arg(m_panda->stepCount()).arg(number(lr));
  while (m_pandaChanges.size() > 6) m_pandaChanges.removeFirst();
  m_pandaLog->setText(tr("Learning-rate changes: %1").arg(m_pandaChanges.join(QStringLiteral(" · "))));
}

void SearchLab::pandaSteps(long long n) {
  if (!m_panda) return;
  for (long long i = 0; i < n && !m_panda->diverged(); ++i) {
    const dl::StepMetrics m = m_panda->step();
    const auto x = static_cast<double>(m.step);
    m_pandaChart->append(0, x, m.trainLoss);
    if (m.evaluated) m_pandaChart->append(1, x, m.valLoss);
    if (m_panda->diverged()) {
      m_pandaClock->stop();
      const QSignalBlocker b(m_pandaPlay);
      m_pandaPlay->setChecked(false);
      m_pandaPlay->setText(tr("Train"));
      m_pandaLog->setText(tr("Diverged at step %1: lower the rate and restart.").arg(m.step));
    }
  }
}

void SearchLab::pandaTick() { pandaSteps(kPandaStepsPerTick); }

void SearchLab::togglePlay() {
  if (m_modes->currentIndex() == 1) {
    m_pandaPlay->toggle();
    return;
  }
  if (searching()) {
    cancelSearch();
  } else {
    QString error;
    startSearch(&error);
  }
}

void SearchLab::stepOnce() {
  if (m_modes->currentIndex() == 1) pandaSteps(1);
}

void SearchLab::setActive(bool on) {
  m_active = on;
  // Hidden, the search goes on training (at background priority); the views catch up when shown.
  if (!on)
    m_poll->stop();
  else if (m_search) {
    poll();
    if (searching()) m_poll->start();
  }
  if (!on) {
    m_pandaClock->stop();
    const QSignalBlocker b(m_pandaPlay);
    m_pandaPlay->setChecked(false);
    m_pandaPlay->setText(tr("Train"));
  }
}

void SearchLab::setPresentationMode(bool on) {
  m_presentation = on;
  updateTableColumns();
  m_seenRevision = m_seenCompareRevision = ~std::uint64_t{0};  // the next poll writes the numbers anew
  if (m_search) poll();
  // On a projector best-so-far gets half the height (a chart a hundred pixels high elides its
  // labels), and the scatter and the right-hand column share the width (fitColumns).
  fitColumns();
  // Each setting under its label: the column as wide as its widest control, the rest to the views.
  static_cast<QFormLayout*>(m_runBox->layout())
      ->setRowWrapPolicy(on ? QFormLayout::WrapAllRows : QFormLayout::DontWrapRows);
  if (on) {
    const int h = m_caviarSplit->height();
    m_caviarSplit->setSizes({h / 2, h - h / 2});
  }
  m_best->setPresentationMode(on);
  m_pandaChart->setPresentationMode(on);
}

bool SearchLab::loadPreset(const QString& name, QString* error) {
  try {
    if (!setConfig(dlio::readSearchPreset(name), error)) return false;
  } catch (const dlio::IoError& e) {
    if (error) *error = e.message();
    return false;
  }
  m_preset = name;
  retranslateUi();  // its watch line
  m_modes->setCurrentIndex(0);
  return startSearch(error);  // one click, and the trials are training
}

bool SearchLab::openFile(const QString& path, QString* error) {
  // Read and checked first: a broken file changes nothing, not even the preset's watch line.
  SearchConfig c;
  try {
    c = dlio::readSearchFile(path);
  } catch (const dlio::IoError& e) {
    if (error) *error = e.message();
    return false;
  }
  if (!setConfig(c, error)) return false;
  m_preset.clear();
  return true;
}

bool SearchLab::finish(int timeoutMs) {
  if (!m_search) return false;
  QElapsedTimer clock;
  clock.start();
  while (searching() && clock.elapsed() < timeoutMs) {
    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    QThread::msleep(5);
  }
  poll();
  return !searching() && !m_search->cancelled() && !(m_compare && m_compare->cancelled());
}

QStringList SearchLab::grabPanels(const QString& dir) {
  QStringList out;
  const auto save = [&](QWidget* w, const QString& name) {
    const QString path = QDir(dir).filePath(name);
    if (w->isVisible() && w->grab().save(path)) out << path;
  };
  save(m_scatter, QStringLiteral("search-scatter.png"));
  save(m_best, QStringLiteral("search-best.png"));
  save(m_table, QStringLiteral("search-trials.png"));
  return out;
}

}  // namespace dlui
