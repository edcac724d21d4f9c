// The sequence lab (labs/sequence/SequenceLab.h).
#include "labs/sequence/SequenceLab.h"

#include "labs/sequence/EigenPlane.h"
#include "labs/sequence/HeatMap.h"
#include "labs/sequence/WordMap.h"
#include "plots/LineChart.h"
#include "widgets/ColorMaps.h"
#include "widgets/ColumnScroll.h"
#include "widgets/LogSlider.h"

#include "io/ErrorText.h"
#include "io/PresetCatalog.h"
#include "io/SeqIo.h"

#include "core/Error.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <map>

namespace dlui {

namespace {

constexpr int kScoreColumns = 7;
constexpr int kMaxRuns = 3;
constexpr int kHeatRows = 120;  // rows of the heat map over training before they are thinned
constexpr int kInsideMaps = 7;  // input, up to 4 gates, cell, hidden

// One colour per cell, the same in every chart, map and the score board.
QColor cellColour(const QString& name) {
  if (name == QLatin1String("RNN")) return QColor(214, 39, 40);
  if (name == QLatin1String("LSTM")) return QColor(31, 119, 180);
  if (name == QLatin1String("GRU")) return QColor(44, 160, 44);
  return QColor(90, 90, 90);
}

// 3 significant digits, in scientific notation when far from 1 (gradients span 10⁻¹² … 10¹²).
QString number(double v) {
  if (std::isnan(v)) return QStringLiteral("—");
  if (std::isinf(v)) return v > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
  const double a = std::abs(v);
  if (a != 0 && (a < 1e-3 || a >= 1e5)) return QString::number(v, 'e', 2);
  return QString::number(v, 'g', 3);
}

QString percent(double v) { return std::isnan(v) ? QStringLiteral("—") : QString::number(100 * v, 'f', 1) + '%'; }

QString cellName(const std::string& kind) { return QString::fromStdString(kind).toUpper(); }

// The first recurrent layer of a stack, or null.
dl::LayerSpec* firstRecurrent(std::vector<dl::LayerSpec>& layers) {
  for (dl::LayerSpec& l : layers)
    if (l.kind == "rnn" || l.kind == "lstm" || l.kind == "gru") return &l;
  return nullptr;
}

// A stack that fits a task: one recurrent layer (`like`'s settings) and the head the task needs.
std::vector<dl::LayerSpec> stackFor(const dl::SeqData& d, const dl::LayerSpec& like) {
  std::vector<dl::LayerSpec> out;
  if (d.tokens) {
    dl::LayerSpec e;
    e.kind = "embedding";
    e.units = 16;
    e.vocabulary = std::max(d.classes, 2);
    out.push_back(e);
  }
  dl::LayerSpec r = like;
  r.returnSequences = d.perStep;
  out.push_back(r);
  dl::LayerSpec head;
  if (d.perStep) {
    head.kind = "conv1d";
    head.kernel = 1;
  } else {
    head.kind = "dense";
  }
  head.units = d.classes == 0 ? 1 : d.classes;
  out.push_back(head);
  return out;
}

const char* const kKinds[] = {"adding", "recall", "parity",  "motif", "sine",
                              "chars",  "series", "reverse", "sort",  "words"};

}  // namespace

SequenceLab::SequenceLab(QWidget* parent) : TrainingLab(parent) {
  setObjectName(QStringLiteral("sequenceLab"));
  buildUi();
  // The lab opens on the three cells side by side on the adding problem, paused.
  QString error;
  try {
    if (!setConfig(dlio::readSeqPreset(QStringLiteral("seq-adding-cells")), &error)) emit statusMessage(error);
  } catch (const dlio::IoError& e) {
    emit statusMessage(e.message());
  }
  retranslateUi();
}

SequenceLab::~SequenceLab() = default;

// ---------------------------------------------------------------- layout

void SequenceLab::buildUi() {
  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(0, 0, 0, 0);
  m_watch = createWatchLine(this, QStringLiteral("seqWatch"));
  outer->addWidget(m_watch);
  m_banner = new QLabel(this);
  m_banner->setObjectName(QStringLiteral("seqBanner"));
  m_banner->setWordWrap(true);
  m_banner->setStyleSheet(warningStyle());
  m_banner->hide();
  outer->addWidget(m_banner);

  auto* row = new QHBoxLayout;
  outer->addLayout(row, 1);
  row->addWidget(scrollingColumn(buildControls(), this));

  auto* centre = new QWidget(this);
  auto* centreLayout = new QVBoxLayout(centre);
  centreLayout->setContentsMargins(0, 0, 0, 0);
  m_board = createScoreBoard(centre, QStringLiteral("seqScores"), QStringLiteral("seqScore"), kMaxRuns + 1, kScoreColumns, 10);
  // Short symbolic headings stay on one line (a wrapping label cut the subscript of ∏ fₜ).
  for (int c = 4; c < kScoreColumns; ++c) m_board.cells[0][static_cast<std::size_t>(c)]->setWordWrap(false);
  centreLayout->addWidget(m_board.widget);

  m_tabs = new QTabWidget(centre);
  m_tabs->setObjectName(QStringLiteral("seqTabs"));
  m_pages = {buildTimeTab(), buildInsideTab(), buildTrainingTab(), buildSeq2SeqTab(), buildWordsTab()};
  for (QWidget* p : m_pages) m_tabs->addTab(p, QString());
  centreLayout->addWidget(m_tabs, 1);
  row->addWidget(centre, 1);
}

QWidget* SequenceLab::buildControls() {
  m_controls = new QWidget(this);
  m_controls->setObjectName(QStringLiteral("seqControls"));
  auto* col = new QVBoxLayout(m_controls);
  col->setContentsMargins(0, 0, 0, 0);

  col->addWidget(createRunBox(m_controls, QStringLiteral("seq")));

  m_taskBox = new QGroupBox(m_controls);
  auto* taskForm = new QFormLayout(m_taskBox);
  m_kindLabel = new QLabel(m_taskBox);
  m_kind = new QComboBox(m_taskBox);
  m_kind->setObjectName(QStringLiteral("seqTask"));
  for (const char* k : kKinds) m_kind->addItem(QString(), QString::fromLatin1(k));
  taskForm->addRow(m_kindLabel, m_kind);
  m_lengthLabel = new QLabel(m_taskBox);
  m_length = new QSpinBox(m_taskBox);
  m_length->setObjectName(QStringLiteral("seqLength"));
  m_length->setRange(2, 1000);
  taskForm->addRow(m_lengthLabel, m_length);
  m_openText = new QPushButton(m_taskBox);
  m_openText->setObjectName(QStringLiteral("seqOpenText"));
  taskForm->addRow(m_openText);
  m_fileLabel = new QLabel(m_taskBox);
  m_fileLabel->setObjectName(QStringLiteral("seqFile"));
  m_fileLabel->setWordWrap(true);
  taskForm->addRow(m_fileLabel);
  col->addWidget(m_taskBox);

  m_cellBox = new QGroupBox(m_controls);
  auto* cellForm = new QFormLayout(m_cellBox);
  auto* cellRow = new QHBoxLayout;
  for (const char* k : {"rnn", "lstm", "gru"}) {
    auto* b = new QCheckBox(cellName(k), m_cellBox);
    b->setObjectName(QStringLiteral("seqCell-") + QLatin1String(k));
    cellRow->addWidget(b);
    m_cells.push_back(b);
  }
  cellForm->addRow(cellRow);
  m_unitsLabel = new QLabel(m_cellBox);
  m_units = new QSpinBox(m_cellBox);
  m_units->setObjectName(QStringLiteral("seqUnits"));
  m_units->setRange(1, 512);
  cellForm->addRow(m_unitsLabel, m_units);
  m_recInitLabel = new QLabel(m_cellBox);
  m_recInit = new QComboBox(m_cellBox);
  m_recInit->setObjectName(QStringLiteral("seqRecurrentInit"));
  for (const char* k : {"", "orthogonal", "identity"}) m_recInit->addItem(QString(), QString::fromLatin1(k));
  cellForm->addRow(m_recInitLabel, m_recInit);
  const auto slider = [&](QSlider*& s, QLabel*& value, const QString& name, int max) {
    auto* w = new QWidget(m_cellBox);
    auto* l = new QHBoxLayout(w);
    l->setContentsMargins(0, 0, 0, 0);
    s = new QSlider(Qt::Horizontal, w);
    s->setObjectName(name);
    s->setRange(0, max);
    value = new QLabel(w);
    value->setMinimumWidth(value->fontMetrics().horizontalAdvance(QStringLiteral("0.00")));
    l->addWidget(s, 1);
    l->addWidget(value);
    return w;
  };
  m_gainLabel = new QLabel(m_cellBox);
  cellForm->addRow(m_gainLabel, slider(m_gain, m_gainValue, QStringLiteral("seqGain"), 50));
  m_forgetBiasLabel = new QLabel(m_cellBox);
  cellForm->addRow(m_forgetBiasLabel, slider(m_forgetBias, m_forgetBiasValue, QStringLiteral("seqForgetBias"), 50));
  m_truncLabel = new QLabel(m_cellBox);
  m_truncation = new QSpinBox(m_cellBox);
  m_truncation->setObjectName(QStringLiteral("seqTruncation"));
  m_truncation->setRange(0, 1000);
  cellForm->addRow(m_truncLabel, m_truncation);
  m_attentionLabel = new QLabel(m_cellBox);
  m_attention = new QComboBox(m_cellBox);
  m_attention->setObjectName(QStringLiteral("seqAttention"));
  for (const char* k : {"none", "dot", "additive"}) m_attention->addItem(QString(), QString::fromLatin1(k));
  cellForm->addRow(m_attentionLabel, m_attention);
  m_windowLabel = new QLabel(m_cellBox);
  m_window = new QSpinBox(m_cellBox);
  m_window->setObjectName(QStringLiteral("seqWindow"));
  m_window->setRange(1, 10);
  cellForm->addRow(m_windowLabel, m_window);
  col->addWidget(m_cellBox);

  m_trainBox = new QGroupBox(m_controls);
  auto* trainForm = new QFormLayout(m_trainBox);
  m_lrLabel = new QLabel(m_trainBox);
  m_lr = new LogSlider(1e-4, 1.0, false, m_trainBox);
  m_lr->setObjectName(QStringLiteral("seqLearningRate"));
  trainForm->addRow(m_lrLabel, m_lr);
  m_clipLabel = new QLabel(m_trainBox);
  m_clipMode = new QComboBox(m_trainBox);
  m_clipMode->setObjectName(QStringLiteral("seqClipMode"));
  for (int i = 0; i < 3; ++i) m_clipMode->addItem(QString());
  m_clipThreshold = new QDoubleSpinBox(m_trainBox);
  m_clipThreshold->setObjectName(QStringLiteral("seqClipThreshold"));
  m_clipThreshold->setRange(0.01, 1000);
  m_clipThreshold->setDecimals(2);
  trainForm->addRow(m_clipLabel, m_clipMode);
  m_clipThresholdLabel = new QLabel(m_trainBox);
  trainForm->addRow(m_clipThresholdLabel, m_clipThreshold);
  m_batchLabel = new QLabel(m_trainBox);
  m_batch = new QSpinBox(m_trainBox);
  m_batch->setObjectName(QStringLiteral("seqBatch"));
  m_batch->setRange(1, 1024);
  trainForm->addRow(m_batchLabel, m_batch);
  m_stepsLabel = new QLabel(m_trainBox);
  m_steps = new QSpinBox(m_trainBox);
  m_steps->setObjectName(QStringLiteral("seqSteps"));
  m_steps->setRange(0, 10000000);
  m_steps->setSingleStep(100);
  trainForm->addRow(m_stepsLabel, m_steps);
  col->addWidget(m_trainBox);
  col->addStretch(1);

  // The column is as wide as its longest choice ("orthogonal × gain", "dot product (Luong)"): a
  // combo box otherwise asks for little and shows its text cut on a projector.
  for (QComboBox* c : m_controls->findChildren<QComboBox*>()) c->setSizeAdjustPolicy(QComboBox::AdjustToContents);

  // Settings that need new weights restart the runs; the learning rate and clipping apply live.
  for (QSpinBox* s : {m_length, m_units, m_truncation, m_window, m_batch, m_steps})
    connect(s, &QSpinBox::editingFinished, this, &SequenceLab::applyControls);
  for (QComboBox* c : {m_kind, m_recInit, m_attention}) connect(c, &QComboBox::activated, this, &SequenceLab::applyControls);
  for (QCheckBox* c : m_cells) connect(c, &QCheckBox::clicked, this, &SequenceLab::applyControls);
  for (QSlider* s : {m_gain, m_forgetBias}) {
    connect(s, &QSlider::valueChanged, this, [this] {
      m_gainValue->setText(QString::number(m_gain->value() / 10.0, 'f', 1));
      m_forgetBiasValue->setText(QString::number(m_forgetBias->value() / 10.0, 'f', 1));
    });
    connect(s, &QSlider::sliderReleased, this, &SequenceLab::applyControls);
    connect(s, &QSlider::actionTriggered, this, [this, s](int action) {
      // Keyboard and page steps restart too (a drag restarts once, when released).
      if (action != QAbstractSlider::SliderMove && !s->isSliderDown())
        QMetaObject::invokeMethod(this, &SequenceLab::applyControls, Qt::QueuedConnection);
    });
  }
  connect(m_lr, &LogSlider::valueChanged, this, &SequenceLab::applyLive);
  connect(m_clipMode, &QComboBox::activated, this, &SequenceLab::applyLive);
  connect(m_clipThreshold, &QDoubleSpinBox::editingFinished, this, &SequenceLab::applyLive);
  connect(m_openText, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getOpenFileName(this, m_openText->text());
    if (path.isEmpty()) return;
    dl::SeqConfig c = m_config;
    c.task.file = path.toStdString();
    QString error;
    if (!setConfig(c, &error)) setBanner(error);
  });
  return m_controls;
}

QWidget* SequenceLab::buildTimeTab() {
  auto* page = new QWidget(this);
  page->setObjectName(QStringLiteral("seqTimePage"));
  auto* grid = new QGridLayout(page);
  m_timeGrid = grid;
  grid->setContentsMargins(2, 2, 2, 2);
  auto* top = new QHBoxLayout;
  m_measureLabel = new QLabel(page);
  m_measureBox = new QComboBox(page);
  m_measureBox->setObjectName(QStringLiteral("seqMeasure"));
  m_measureBox->addItem(QString());
  m_measureBox->addItem(QString());
  top->addWidget(m_measureLabel);
  top->addWidget(m_measureBox);
  top->addStretch(1);
  grid->addLayout(top, 0, 0, 1, 2);
  m_timeChart = new LineChart(page);
  m_timeChart->setObjectName(QStringLiteral("seqTimeChart"));
  m_timeChart->setLogScale(true);
  grid->addWidget(m_timeChart, 1, 0, 3, 1);
  // Right: the eigenvalues above, the heat map over training below.
  m_eigen = new EigenPlane(page);
  m_eigen->setObjectName(QStringLiteral("seqEigen"));
  grid->addWidget(m_eigen, 1, 1);
  auto* heatRow = new QHBoxLayout;
  m_heatLabel = new QLabel(page);
  m_heatRunBox = new QComboBox(page);
  m_heatRunBox->setObjectName(QStringLiteral("seqHeatRun"));
  heatRow->addWidget(m_heatLabel);
  heatRow->addWidget(m_heatRunBox);
  heatRow->addStretch(1);
  grid->addLayout(heatRow, 2, 1);
  m_heat = new HeatMap(page);
  m_heat->setObjectName(QStringLiteral("seqHeat"));
  m_heat->setScale(HeatMap::Scale::Log10);
  grid->addWidget(m_heat, 3, 1);
  m_timeKey = new QLabel(page);
  m_timeKey->setObjectName(QStringLiteral("seqTimeKey"));
  m_timeKey->setWordWrap(true);
  grid->addWidget(m_timeKey, 4, 0, 1, 2);
  grid->setColumnStretch(0, 3);
  grid->setColumnStretch(1, 2);
  grid->setRowStretch(1, 1);
  grid->setRowStretch(3, 1);
  connect(m_measureBox, &QComboBox::activated, this,
          [this](int i) { setMeasure(i == 0 ? Measure::LossGradient : Measure::StateJacobian); });
  connect(m_heatRunBox, &QComboBox::activated, this, [this](int i) {
    m_heatRun = i;
    m_heatRows.clear();
    m_heatSteps.clear();
    m_heatEvery = 1;
    refreshHeatMap();
  });
  return page;
}

QWidget* SequenceLab::buildInsideTab() {
  auto* page = new QWidget(this);
  page->setObjectName(QStringLiteral("seqInsidePage"));
  auto* v = new QVBoxLayout(page);
  v->setContentsMargins(2, 2, 2, 2);
  auto* top = new QHBoxLayout;
  m_insideRunLabel = new QLabel(page);
  m_insideRunBox = new QComboBox(page);
  m_insideRunBox->setObjectName(QStringLiteral("seqInsideRun"));
  m_sampleLabel = new QLabel(page);
  m_sampleSpin = new QSpinBox(page);
  m_sampleSpin->setObjectName(QStringLiteral("seqSample"));
  m_sampleSpin->setRange(1, 1);
  top->addWidget(m_insideRunLabel);
  top->addWidget(m_insideRunBox);
  top->addSpacing(12);
  top->addWidget(m_sampleLabel);
  top->addWidget(m_sampleSpin);
  top->addStretch(1);
  v->addLayout(top);
  m_forget = new QLabel(page);
  m_forget->setObjectName(QStringLiteral("seqForgetProduct"));
  m_forget->setWordWrap(true);
  v->addWidget(m_forget);
  auto* grid = new QGridLayout;
  grid->setSpacing(4);
  for (int i = 0; i < kInsideMaps; ++i) {
    auto* m = new HeatMap(page);
    m->setObjectName(QStringLiteral("seqInside%1").arg(i));
    // Seven maps share the page: each may shrink well below a lone map's minimum (a projector's
    // 768 pixels hold the score board and four rows of them).
    m->setMinimumSize(150, 60);
    m_insideMaps.push_back(m);
    grid->addWidget(m, i / 2, i % 2);
  }
  v->addLayout(grid, 1);
  connect(m_insideRunBox, &QComboBox::activated, this, &SequenceLab::setInsideRun);
  connect(m_sampleSpin, &QSpinBox::valueChanged, this, [this](int i) { setInsideSample(i - 1); });
  return page;
}

QWidget* SequenceLab::buildTrainingTab() {
  auto* page = new QWidget(this);
  page->setObjectName(QStringLiteral("seqTrainingPage"));
  auto* grid = new QGridLayout(page);
  grid->setContentsMargins(2, 2, 2, 2);
  m_loss = new LineChart(page);
  m_loss->setObjectName(QStringLiteral("seqLoss"));
  m_accuracy = new LineChart(page);
  m_accuracy->setObjectName(QStringLiteral("seqAccuracy"));
  grid->addWidget(m_loss, 0, 0);
  grid->addWidget(m_accuracy, 0, 1);
  auto* ex = new QWidget(page);
  auto* exLayout = new QVBoxLayout(ex);
  exLayout->setContentsMargins(0, 0, 0, 0);
  m_examplesTitle = new QLabel(ex);
  m_examples = new QPlainTextEdit(ex);
  m_examples->setObjectName(QStringLiteral("seqExamples"));
  m_examples->setReadOnly(true);
  exLayout->addWidget(m_examplesTitle);
  exLayout->addWidget(m_examples, 1);
  grid->addWidget(ex, 1, 0);
  m_sampleBox = new QWidget(page);
  auto* sLayout = new QVBoxLayout(m_sampleBox);
  sLayout->setContentsMargins(0, 0, 0, 0);
  m_sampledTitle = new QLabel(m_sampleBox);
  m_sampled = new QPlainTextEdit(m_sampleBox);
  m_sampled->setObjectName(QStringLiteral("seqSampledText"));
  m_sampled->setReadOnly(true);
  auto* tRow = new QHBoxLayout;
  m_temperatureLabel = new QLabel(m_sampleBox);
  m_temperatureSlider = new QSlider(Qt::Horizontal, m_sampleBox);
  m_temperatureSlider->setObjectName(QStringLiteral("seqTemperature"));
  m_temperatureSlider->setRange(0, 20);
  m_resample = new QPushButton(m_sampleBox);
  m_resample->setObjectName(QStringLiteral("seqResample"));
  tRow->addWidget(m_temperatureLabel);
  tRow->addWidget(m_temperatureSlider, 1);
  tRow->addWidget(m_resample);
  sLayout->addWidget(m_sampledTitle);
  sLayout->addWidget(m_sampled, 1);
  sLayout->addLayout(tRow);
  grid->addWidget(m_sampleBox, 1, 1);
  grid->setRowStretch(0, 3);
  grid->setRowStretch(1, 2);
  connect(m_temperatureSlider, &QSlider::valueChanged, this, [this](int v) { setTemperature(v / 10.0); });
  connect(m_resample, &QPushButton::clicked, this, [this] {
    runner().post([](Simulation& s) { ++static_cast<SeqSimulation&>(s).settings().sampleSeed; }, true);
  });
  return page;
}

QWidget* SequenceLab::buildSeq2SeqTab() {
  auto* page = new QWidget(this);
  page->setObjectName(QStringLiteral("seqSeq2SeqPage"));
  auto* v = new QVBoxLayout(page);
  v->setContentsMargins(2, 2, 2, 2);
  auto* top = new QHBoxLayout;
  m_sourceLabel = new QLabel(page);
  m_source = new QLineEdit(page);
  m_source->setObjectName(QStringLiteral("seqSource"));
  top->addWidget(m_sourceLabel);
  top->addWidget(m_source, 1);
  v->addLayout(top);
  m_sourceError = new QLabel(page);
  m_sourceError->setObjectName(QStringLiteral("seqSourceError"));
  m_sourceError->setStyleSheet(warningStyle());
  m_sourceError->setWordWrap(true);
  m_sourceError->hide();
  v->addWidget(m_sourceError);
  m_decoded = new QLabel(page);
  m_decoded->setObjectName(QStringLiteral("seqDecoded"));
  m_decoded->setWordWrap(true);
  m_decoded->setTextFormat(Qt::RichText);
  v->addWidget(m_decoded);
  m_s2sScore = new QLabel(page);
  m_s2sScore->setObjectName(QStringLiteral("seqSeq2SeqScore"));
  m_s2sScore->setWordWrap(true);
  v->addWidget(m_s2sScore);
  auto* row = new QHBoxLayout;
  m_alignment = new HeatMap(page);
  m_alignment->setObjectName(QStringLiteral("seqAlignment"));
  m_alignment->setRange(0, 1);
  m_s2sLoss = new LineChart(page);
  m_s2sLoss->setObjectName(QStringLiteral("seqSeq2SeqLoss"));
  m_s2sLoss->setLegendVisible(false);
  row->addWidget(m_alignment, 3);
  row->addWidget(m_s2sLoss, 2);
  v->addLayout(row, 1);
  connect(m_source, &QLineEdit::returnPressed, this, [this] {
    QString error;
    setSource(m_source->text(), &error);
  });
  return page;
}

QWidget* SequenceLab::buildWordsTab() {
  auto* page = new QWidget(this);
  page->setObjectName(QStringLiteral("seqWordsPage"));
  auto* row = new QHBoxLayout(page);
  row->setContentsMargins(2, 2, 2, 2);
  m_wordMap = new WordMap(page);
  m_wordMap->setObjectName(QStringLiteral("seqWordMap"));
  row->addWidget(m_wordMap, 3);
  auto* side = new QWidget(page);
  auto* v = new QVBoxLayout(side);
  v->setContentsMargins(0, 0, 0, 0);
  m_wordsProgress = new QLabel(side);
  m_wordsProgress->setObjectName(QStringLiteral("seqWordsProgress"));
  m_wordsProgress->setWordWrap(true);
  v->addWidget(m_wordsProgress);
  m_queryLabel = new QLabel(side);
  m_query = new QLineEdit(side);
  m_query->setObjectName(QStringLiteral("seqQuery"));
  v->addWidget(m_queryLabel);
  v->addWidget(m_query);
  m_neighbours = new QLabel(side);
  m_neighbours->setObjectName(QStringLiteral("seqNeighbours"));
  m_neighbours->setWordWrap(true);
  m_neighbours->setTextFormat(Qt::RichText);
  v->addWidget(m_neighbours);
  m_analogyLabel = new QLabel(side);
  m_analogyLabel->setWordWrap(true);
  v->addWidget(m_analogyLabel);
  auto* aRow = new QHBoxLayout;
  for (int i = 0; i < 3; ++i) {
    auto* e = new QLineEdit(side);
    e->setObjectName(QStringLiteral("seqAnalogy%1").arg(i));
    m_analogyWords.push_back(e);
    aRow->addWidget(e);
    connect(e, &QLineEdit::returnPressed, this, [this] {
      setAnalogy(m_analogyWords[0]->text(), m_analogyWords[1]->text(), m_analogyWords[2]->text());
    });
  }
  v->addLayout(aRow);
  m_analogyResult = new QLabel(side);
  m_analogyResult->setObjectName(QStringLiteral("seqAnalogyResult"));
  m_analogyResult->setWordWrap(true);
  m_analogyResult->setTextFormat(Qt::RichText);
  v->addWidget(m_analogyResult);
  v->addStretch(1);
  row->addWidget(side, 1);
  connect(m_query, &QLineEdit::returnPressed, this, [this] { setQuery(m_query->text()); });
  connect(m_wordMap, &WordMap::wordClicked, this, [this](const QString& w) {
    m_query->setText(w);
    setQuery(w);
  });
  return page;
}

QWidget* SequenceLab::tabPage(Tab t) const { return m_pages[static_cast<std::size_t>(t)]; }

// ---------------------------------------------------------------- texts

void SequenceLab::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  Lab::changeEvent(event);
}

void SequenceLab::retranslateUi() {
  m_tabs->setTabText(TimeTab, tr("Gradient through time"));
  m_tabs->setTabText(InsideTab, tr("Inside the cell"));
  m_tabs->setTabText(TrainingTab, tr("Training"));
  m_tabs->setTabText(Seq2SeqTab, tr("Encoder-decoder"));
  m_tabs->setTabText(WordsTab, tr("Word vectors"));
  retranslateRunBox();
  m_taskBox->setTitle(tr("Task"));
  m_kindLabel->setText(tr("task"));
  const QStringList kinds = {tr("adding problem"),
                             tr("recall a symbol"),
                             tr("parity"),
                             tr("spot a motif (A B C anywhere)"),
                             tr("sine, next value"),
                             tr("characters of a text"),
                             tr("series from a CSV file"),
                             tr("reverse digits"),
                             tr("sort digits"),
                             tr("word vectors (skip-gram)")};
  for (int i = 0; i < m_kind->count() && i < kinds.size(); ++i) m_kind->setItemText(i, kinds[i]);
  m_kind->setToolTip(
      tr("What the networks learn. Adding, recall and parity need a memory of T steps; "
         "spotting a motif needs a detector that works at every position; "
         "reversing and sorting use an encoder-decoder; word vectors use skip-gram."));
  m_lengthLabel->setText(tr("length T"));
  m_length->setToolTip(tr("Steps per sequence: how far back the gradient has to travel."));
  m_openText->setText(tr("Open a text or CSV series…"));
  m_cellBox->setTitle(tr("Cells"));
  const QStringList cellTips = {tr("Elman RNN: h = tanh(W x + U h)"), tr("LSTM: input, forget and output gates, a cell state"),
                                tr("GRU: update and reset gates")};
  for (std::size_t i = 0; i < m_cells.size(); ++i) m_cells[i]->setToolTip(cellTips[static_cast<int>(i)]);
  m_unitsLabel->setText(tr("units"));
  m_recInitLabel->setText(tr("recurrent weights"));
  m_recInit->setItemText(0, tr("default"));
  m_recInit->setItemText(1, tr("orthogonal × gain"));
  m_recInit->setItemText(2, tr("identity × gain"));
  m_gainLabel->setText(tr("gain"));
  m_gain->setToolTip(tr("Scale of the orthogonal or identity recurrent matrix: below 1 the gradient fades "
                        "through time, above 1 it can explode."));
  m_forgetBiasLabel->setText(tr("forget bias"));
  m_forgetBias->setToolTip(tr("The LSTM's initial forget-gate bias: σ(b) of the cell state is kept at each step."));
  m_truncLabel->setText(tr("truncate BPTT"));
  m_truncation->setSpecialValueText(tr("full"));
  m_truncation->setToolTip(tr("Backpropagation through time over windows of k steps; full: the whole sequence."));
  m_attentionLabel->setText(tr("attention"));
  m_attention->setItemText(0, tr("none"));
  m_attention->setItemText(1, tr("dot product (Luong)"));
  m_attention->setItemText(2, tr("additive (Bahdanau)"));
  m_windowLabel->setText(tr("window"));
  m_window->setToolTip(tr("Context words on each side of the centre word."));
  m_trainBox->setTitle(tr("Training"));
  m_lrLabel->setText(tr("learning rate"));
  m_clipLabel->setText(tr("clipping"));
  m_clipThresholdLabel->setText(tr("threshold"));
  m_clipMode->setItemText(0, tr("off"));
  m_clipMode->setItemText(1, tr("global norm"));
  m_clipMode->setItemText(2, tr("each value"));
  m_clipMode->setToolTip(tr("Global norm: rescale the whole gradient when its length exceeds the threshold "
                            "(keeps its direction). Each value: clamp every component."));
  m_batchLabel->setText(tr("batch"));
  m_stepsLabel->setText(tr("stop at step"));
  m_steps->setSpecialValueText(tr("untrained"));
  m_steps->setToolTip(tr("Training pauses here, where the preset's claim is measured; play goes on past it."));

  m_measureLabel->setText(tr("Along the sequence:"));
  m_measureBox->setItemText(0, tr("‖∂L/∂hₜ‖: the loss gradient, latest step"));
  m_measureBox->setItemText(1, tr("‖∂h_T/∂hₜ‖: how far hₜ still reaches"));
  showMeasureAxis();
  m_heatLabel->setText(tr("Over training, cell:"));
  m_heat->setAxisTitles(tr("training step"), tr("time step t"));
  m_heat->setTitle(tr("‖∂L/∂hₜ‖ at each recorded step"));
  m_heat->setEmptyText(tr("Train to fill the map: one row per recorded step."));
  m_eigen->setTitle(tr("Recurrent eigenvalues"));
  m_timeKey->setText(
      tr("Read from right to left: the gradient starts at the last step and travels back. A line that falls "
         "steeply means early inputs no longer reach the loss (vanishing); one that rises, exploding. "
         "Eigenvalues outside the dashed unit circle grow at every step."));

  m_insideRunLabel->setText(tr("cell"));
  m_sampleLabel->setText(tr("test sequence"));
  m_loss->setAxisTitles(tr("step"), tr("loss"));
  m_accuracy->setAxisTitles(tr("step"), tr("validation accuracy"));
  m_examplesTitle->setText(tr("Answers on test sequences"));
  m_sampledTitle->setText(tr("Text the model writes"));
  m_temperatureLabel->setText(tr("temperature %1").arg(m_temperature, 0, 'f', 1));
  m_temperatureSlider->setToolTip(tr("0: always the likeliest character; 1: as the model predicts; above 1: wilder."));
  m_resample->setText(tr("Sample again"));

  m_sourceLabel->setText(tr("Type a sequence:"));
  m_source->setPlaceholderText(tr("digits, e.g. 3 1 4 1 5 9 2 6 5 3, then Enter"));
  m_alignment->setTitle(tr("Attention: which source position each output step reads"));
  m_alignment->setAxisTitles(tr("output step"), tr("source position"));
  m_alignment->setEmptyText(tr("This model has no attention: it reads the whole source from one vector."));
  m_s2sLoss->setAxisTitles(tr("step"), tr("loss"));

  m_queryLabel->setText(tr("Nearest words to (Enter, or click a word):"));
  m_analogyLabel->setText(tr("Analogy a : b :: c : ?  (e.g. france : paris :: italy : ?)"));
  m_wordMap->setTitle(tr("Word vectors, projected to the plane (PCA)"));
  m_wordMap->setEmptyText(tr("Train to see the words move."));
  m_examples->setPlaceholderText(tr("Answers appear when training pauses or evaluates."));
  showWatchLine(m_watch, m_preset);
  refreshScores();
  refreshTimeChart();
  refreshInside();
  refreshExamples();
  refreshSeq2Seq();
  refreshWords();
  updatePlayButton();
}

void SequenceLab::setBanner(const QString& text) {
  m_banner->setText(text);
  m_banner->setVisible(!text.isEmpty());
  if (!text.isEmpty()) emit statusMessage(text);
}

QColor SequenceLab::runColour(int run) const {
  if (run < 0 || run >= static_cast<int>(m_views.size())) return Qt::gray;
  return cellColour(m_views[static_cast<std::size_t>(run)].name);
}

QString SequenceLab::tokenText(int classId) const {
  if (!m_data || classId < 0 || classId >= static_cast<int>(m_data->classNames.size())) return QStringLiteral("?");
  const std::string& name = m_data->classNames[static_cast<std::size_t>(classId)];
  // Parity's and the motif's answers are words (the engine names them in English): they are shown
  // in the interface language. Every other task's classes are symbols or characters.
  static const char* const kWords[] = {QT_TR_NOOP("even"), QT_TR_NOOP("odd"), QT_TR_NOOP("absent"),
                                       QT_TR_NOOP("present")};
  for (const char* word : kWords)
    if (name == word) return tr(word);
  return QString::fromStdString(name);
}

// ---------------------------------------------------------------- configuration

void SequenceLab::showConfig() {
  const dl::SeqConfig& c = m_config;
  const QSignalBlocker b1(m_kind), b2(m_length), b3(m_units), b4(m_recInit), b5(m_gain), b6(m_forgetBias),
      b7(m_truncation), b8(m_attention), b9(m_window), b10(m_clipMode), b11(m_clipThreshold), b12(m_batch),
      b13(m_steps);
  m_kind->setCurrentIndex(std::max(0, m_kind->findData(QString::fromStdString(c.task.kind))));
  m_length->setValue(c.task.length);
  const bool stack = !c.isSeq2Seq() && !c.isWords();
  dl::SeqConfig copy = c;
  const dl::LayerSpec* rec = firstRecurrent(copy.layers);
  for (std::size_t i = 0; i < m_cells.size(); ++i) {
    const std::string k = dl::recurrentKinds()[i];
    const bool on = c.training.cells.empty() ? (rec && rec->kind == k)
                                             : std::find(c.training.cells.begin(), c.training.cells.end(), k) !=
                                                   c.training.cells.end();
    const QSignalBlocker b(m_cells[i]);
    m_cells[i]->setChecked(on);
    m_cells[i]->setEnabled(stack);
  }
  if (rec) {
    m_units->setValue(static_cast<int>(rec->units));
    m_recInit->setCurrentIndex(std::max(0, m_recInit->findData(QString::fromStdString(rec->recurrentInit))));
    m_gain->setValue(static_cast<int>(std::lround(rec->recurrentGain * 10)));
    m_forgetBias->setValue(static_cast<int>(std::lround(rec->forgetBias * 10)));
    m_truncation->setValue(static_cast<int>(rec->truncation));
  }
  m_gainValue->setText(QString::number(m_gain->value() / 10.0, 'f', 1));
  m_forgetBiasValue->setText(QString::number(m_forgetBias->value() / 10.0, 'f', 1));
  for (QWidget* w : std::initializer_list<QWidget*>{m_units, m_recInit, m_gain, m_forgetBias, m_truncation})
    w->setEnabled(stack && rec);
  m_attention->setCurrentIndex(std::max(0, m_attention->findData(QString::fromStdString(c.seq2seq.attention))));
  m_attention->setEnabled(c.isSeq2Seq());
  m_window->setValue(c.skipgram.window);
  m_window->setEnabled(c.isWords());
  m_length->setEnabled(!c.isWords());
  m_lr->setValue(c.isWords() ? c.skipgram.learningRate : c.optimizer.learningRate);
  m_clipMode->setCurrentIndex(c.training.clipNorm > 0 ? 1 : c.training.clipValue > 0 ? 2 : 0);
  m_clipThreshold->setValue(c.training.clipNorm > 0 ? c.training.clipNorm : c.training.clipValue > 0 ? c.training.clipValue : 1.0);
  m_clipMode->setEnabled(stack);
  m_clipThreshold->setEnabled(stack);
  m_batch->setValue(c.training.batchSize);
  m_steps->setValue(static_cast<int>(std::min<long long>(c.training.steps, m_steps->maximum())));
  m_steps->setEnabled(!c.isWords());
  const bool fileTask = c.task.kind == "chars" || c.task.kind == "series" || c.isWords();
  m_openText->setVisible(fileTask);
  m_fileLabel->setVisible(fileTask);
  m_fileLabel->setText(c.task.file.empty()
                           ? (c.isWords() ? tr("the corpus that comes with dlplay") : tr("the notes, in both languages"))
                           : QFileInfo(QString::fromStdString(c.task.file)).fileName());
}

void SequenceLab::applyControls() {
  dl::SeqConfig c = m_config;
  const std::string kind = m_kind->currentData().toString().toStdString();
  const bool kindChanged = kind != c.task.kind;
  c.task.kind = kind;
  c.task.length = m_length->value();
  if (kindChanged && (kind == "chars" || kind == "series" || kind == "words") != !c.task.file.empty())
    c.task.file.clear();  // a file of another kind of task does not carry over
  c.training.batchSize = m_batch->value();
  c.training.steps = m_steps->value();
  c.seq2seq.attention = m_attention->currentData().toString().toStdString();
  c.skipgram.window = m_window->value();
  if (c.isWords()) c.skipgram.learningRate = m_lr->value();
  else c.optimizer.learningRate = m_lr->value();
  std::vector<std::string> cells;
  for (std::size_t i = 0; i < m_cells.size(); ++i)
    if (m_cells[i]->isChecked()) cells.push_back(dl::recurrentKinds()[i]);
  if (!c.isSeq2Seq() && !c.isWords()) {
    dl::LayerSpec like;
    if (const dl::LayerSpec* rec = firstRecurrent(c.layers)) like = *rec;
    like.kind = cells.empty() ? (like.kind.empty() ? "lstm" : like.kind) : cells.front();
    like.units = m_units->value();
    like.recurrentInit = m_recInit->currentData().toString().toStdString();
    like.recurrentGain = m_gain->value() / 10.0;
    like.forgetBias = m_forgetBias->value() / 10.0;
    like.truncation = m_truncation->value();
    if (cells.empty()) cells.push_back(like.kind);
    c.training.cells = cells.size() > 1 ? cells : std::vector<std::string>{};
    if (kindChanged || c.layers.empty()) {
      // Another task needs another head: a stack that fits it.
      try {
        c.layers = stackFor(*dlio::loadSeqData(c.task), like);
      } catch (const dlio::IoError& e) {
        setBanner(e.message());
        showConfig();
        return;
      } catch (const std::exception& e) {
        setBanner(dlio::ErrorText::of(e));
        showConfig();
        return;
      }
    } else {
      for (dl::LayerSpec& l : c.layers)
        if (l.kind == "rnn" || l.kind == "lstm" || l.kind == "gru") {
          const std::string k = l.kind;
          const bool returns = l.returnSequences;
          l = like;
          l.returnSequences = returns;
          l.kind = cells.size() == 1 ? cells.front() : k;
        }
    }
  }
  QString error;
  if (!setConfig(c, &error)) setBanner(error);
}

void SequenceLab::applyLive() {
  const double lr = m_lr->value();
  const int mode = m_clipMode->currentIndex();
  const double t = m_clipThreshold->value();
  m_config.optimizer.learningRate = lr;
  m_config.training.clipNorm = mode == 1 ? t : 0;
  m_config.training.clipValue = mode == 2 ? t : 0;
  if (m_config.isWords()) {
    m_config.skipgram.learningRate = lr;
    applyControls();  // a new rate applies from the next pair, but skip-gram restarts to keep it simple
    return;
  }
  const double clipNorm = m_config.training.clipNorm, clipValue = m_config.training.clipValue;
  runner().post([lr, clipNorm, clipValue](Simulation& s) {
    auto& sim = static_cast<SeqSimulation&>(s);
    sim.setLearningRate(lr);
    sim.setClipping(clipNorm, clipValue);
  });
  emit statusMessage(tr("Applied while training: learning rate %1, clipping %2.")
                         .arg(number(lr), mode == 0 ? tr("off") : number(t)));
}

bool SequenceLab::setConfig(const dl::SeqConfig& config, QString* error) {
  const dl::SeqConfig before = m_config;
  m_config = config;
  if (!restart(error)) {
    m_config = before;
    showConfig();
    return false;
  }
  return true;
}

bool SequenceLab::restart(QString* error) {
  std::unique_ptr<SeqSimulation> sim;
  std::shared_ptr<const dl::SeqData> data;
  std::vector<QString> names;
  const dl::SeqConfig& c = m_config;
  try {
    c.validate();
    if (c.isSeq2Seq()) {
      sim = std::make_unique<SeqSimulation>(std::make_unique<dl::Seq2SeqTrainer>(dl::seq2seqConfigOf(c)),
                                            c.training.evalEvery);
    } else if (c.isWords()) {
      sim = std::make_unique<SeqSimulation>(std::make_unique<dl::SkipGramTrainer>(dlio::loadCorpus(c), c.skipgram), 120);
    } else {
      data = dlio::loadSeqData(c.task);
      auto runs = std::make_unique<dl::SeqRuns>(c, data);
      for (std::size_t r = 0; r < runs->size(); ++r) {
        const dl::SeqTrainer& t = runs->trainer(r);
        // A stack without a recurrent layer (a convolution, a dense layer) is named by its first layer.
        names.push_back(t.recurrent()            ? cellName(t.recurrent()->kind())
                        : runs->label(r).empty() ? cellName(c.layers.front().kind)
                                                 : QString::fromStdString(runs->label(r)));
      }
      if (runs->size() > static_cast<std::size_t>(kMaxRuns)) {
        if (error) *error = tr("training.cells: at most %1 cells side by side").arg(kMaxRuns);
        return false;
      }
      sim = std::make_unique<SeqSimulation>(std::move(runs));
    }
  } catch (const dlio::IoError& e) {
    if (error) *error = e.message();
    return false;
  } catch (const std::exception& e) {
    if (error) *error = dlio::ErrorText::of(e);
    return false;
  }
  setBanner(QString());
  m_data = data;
  m_views.clear();
  for (const QString& n : names) {
    RunView v;
    v.name = n;
    m_views.push_back(v);
  }
  m_s2s.reset();
  m_s2sEval.reset();
  m_words.reset();
  m_heatRows.clear();
  m_heatSteps.clear();
  m_heatEvery = 1;
  m_heatRun = std::clamp(m_heatRun, 0, std::max(0, static_cast<int>(names.size()) - 1));
  m_insideRun = std::clamp(m_insideRun, 0, std::max(0, static_cast<int>(names.size()) - 1));
  m_sample = 0;

  QStringList lossNames, accNames;
  std::vector<QColor> lossColours, accColours;
  std::vector<bool> dashed;
  QStringList runNames;
  std::vector<QColor> runColours;
  for (std::size_t r = 0; r < m_views.size(); ++r) {
    const QColor col = cellColour(m_views[r].name);
    lossNames << tr("%1 training").arg(m_views[r].name) << tr("%1 validation").arg(m_views[r].name);
    lossColours.push_back(col.lighter(140));
    lossColours.push_back(col);
    dashed.push_back(false);
    dashed.push_back(true);
    accNames << m_views[r].name;
    accColours.push_back(col);
    runNames << m_views[r].name;
    runColours.push_back(col);
  }
  m_loss->setLines(lossNames, lossColours, dashed);
  m_loss->setLogScale(true);
  m_accuracy->setLines(accNames, accColours);
  m_timeChart->setLines(runNames, runColours);
  m_s2sLoss->setLines({tr("training loss")}, {QColor(31, 119, 180)});
  m_s2sLoss->setLogScale(true);
  for (QComboBox* box : {m_heatRunBox, m_insideRunBox}) {
    const QSignalBlocker b(box);
    box->clear();
    for (const QString& n : runNames) box->addItem(n);
  }
  m_heatRunBox->setCurrentIndex(m_heatRun);
  // The LSTM's insides show its forget gates: prefer it when it is there.
  for (std::size_t r = 0; r < m_views.size(); ++r)
    if (m_views[r].name == QLatin1String("LSTM") && names.size() > 1) m_insideRun = static_cast<int>(r);
  m_insideRunBox->setCurrentIndex(m_insideRun);
  {
    const QSignalBlocker b(m_sampleSpin);
    m_sampleSpin->setRange(1, std::max<int>(1, data ? static_cast<int>(data->test.size()) : 1));
    m_sampleSpin->setValue(1);
  }
  {
    const QSignalBlocker b(m_temperatureSlider);
    m_temperatureSlider->setValue(static_cast<int>(std::lround(m_temperature * 10)));
  }
  // Untrained claims are judged by ‖∂h_T/∂hₜ‖ (there is no loss gradient yet); trained ones by the
  // gradient of the loss.
  setMeasure(c.training.steps == 0 ? Measure::StateJacobian : Measure::LossGradient);
  sim->settings().temperature = m_temperature;
  if (c.isSeq2Seq()) {
    QStringList digits;
    for (int d : sim->settings().source) digits << QString::number(d);
    m_source->setText(digits.join(QLatin1Char(' ')));
    m_sourceError->hide();
  }
  if (c.isWords()) {
    SeqReportSettings& s = sim->settings();
    // The bundled corpus' words; another text starts with its own most frequent word.
    if (!c.task.file.empty()) s.query.clear(), s.a.clear(), s.b.clear(), s.c.clear();
    m_query->setText(QString::fromStdString(s.query));
    m_analogyWords[0]->setText(QString::fromStdString(s.a));
    m_analogyWords[1]->setText(QString::fromStdString(s.b));
    m_analogyWords[2]->setText(QString::fromStdString(s.c));
  }
  const long long stopAt = c.isWords() ? 0 : c.training.steps;
  setSimulation(std::move(sim), stopAt);
  showConfig();
  showTabsForTask();
  refreshScores();
  refreshTimeChart();
  refreshHeatMap();
  refreshEigen();
  refreshInside();
  refreshExamples();
  refreshSeq2Seq();
  refreshWords();
  updatePlayButton();
  return true;
}

void SequenceLab::showTabsForTask() {
  const bool stack = !m_config.isSeq2Seq() && !m_config.isWords();
  // A stack without a recurrent layer (a convolution, a dense layer) has no hidden state to show.
  dl::SeqConfig copy = m_config;
  const bool recurrent = stack && firstRecurrent(copy.layers);
  m_tabs->setTabVisible(TimeTab, recurrent);
  m_tabs->setTabVisible(InsideTab, recurrent);
  m_tabs->setTabVisible(TrainingTab, stack);
  m_tabs->setTabVisible(Seq2SeqTab, m_config.isSeq2Seq());
  m_tabs->setTabVisible(WordsTab, m_config.isWords());
  m_board.widget->setVisible(stack);
  if (m_recurrentStack != recurrent) {
    m_recurrentStack = recurrent;
    refreshScores();
  }
  m_sampleBox->setVisible(m_data && m_data->perStep);
  // Regression has no accuracy: the loss chart takes the row.
  m_accuracy->setVisible(m_data && m_data->classes > 0);
  if (!m_tabs->isTabVisible(m_tabs->currentIndex()))
    m_tabs->setCurrentIndex(recurrent ? TimeTab : stack ? TrainingTab : m_config.isSeq2Seq() ? Seq2SeqTab : WordsTab);
}

bool SequenceLab::loadPreset(const QString& name, QString* error) {
  dl::SeqConfig c;
  try {
    c = dlio::readSeqPreset(name);
  } catch (const dlio::IoError& e) {
    if (error) *error = e.message();
    return false;
  }
  if (!setConfig(c, error)) return false;
  m_preset = name;
  // The tab the claim is seen in.
  const dlio::PresetEntry* entry = dlio::PresetCatalog::builtIn().entry(name);
  const QString view = entry ? entry->view : QString();
  if (c.isSeq2Seq()) m_tabs->setCurrentIndex(Seq2SeqTab);
  else if (c.isWords()) m_tabs->setCurrentIndex(WordsTab);
  else if (view == QLatin1String("inside")) m_tabs->setCurrentIndex(InsideTab);
  else if (view == QLatin1String("loss") || view == QLatin1String("tasks")) m_tabs->setCurrentIndex(TrainingTab);
  else m_tabs->setCurrentIndex(TimeTab);
  retranslateUi();
  // One click: a preset that trains runs to the step its claim is measured at; an untrained one
  // shows its claim as loaded.
  if (c.isWords() || c.training.steps > 0) runner().setRunning(true);
  updatePlayButton();
  return true;
}

bool SequenceLab::openFile(const QString& path, QString* error) {
  dl::SeqConfig c;
  try {
    c = dlio::readSeqFile(path);
  } catch (const dlio::IoError& e) {
    if (error) *error = e.message();
    return false;
  }
  if (!setConfig(c, error)) {
    if (error && !error->startsWith(path)) *error = QStringLiteral("%1: %2").arg(path, *error);
    return false;
  }
  m_preset.clear();
  retranslateUi();
  return true;
}

// ---------------------------------------------------------------- running

void SequenceLab::setPresentationMode(bool on) {
  m_presentation = on;
  for (LineChart* c : {m_timeChart, m_loss, m_accuracy, m_s2sLoss}) c->setPresentationMode(on);
  m_heat->setPresentationMode(on);
  m_alignment->setPresentationMode(on);
  // The cell's seven maps keep their normal type: small multiples, the room goes to the cells.
  m_eigen->setPresentationMode(on);
  m_wordMap->setPresentationMode(on);
  QFont f = font();
  if (on) f.setPointSizeF(f.pointSizeF() * 1.25);
  for (QWidget* w : std::initializer_list<QWidget*>{m_examples, m_sampled, m_decoded, m_neighbours, m_analogyResult,
                                                    m_forget, m_timeKey, m_s2sScore})
    w->setFont(f);
  // On a projector the key gives its room to the chart the claims are read from, and the
  // encoder-decoder's loss to its alignment (the lesson; at 1024 pixels the two did not both fit).
  m_timeKey->setVisible(!on);
  m_s2sLoss->setVisible(!on);
  refreshHeatMap();
  refreshScores();
}

bool SequenceLab::finish(int timeoutMs) {
  const long long target = m_config.isWords() ? (1LL << 40) : m_config.training.steps;
  return finishAt(target, timeoutMs, [this, target] {
    if (m_config.isSeq2Seq()) return m_s2s && m_s2s->step >= target && m_s2sEval.has_value();
    if (m_config.isWords()) return m_words && m_words->progress.finished;
    bool done = true;
    for (const RunView& v : m_views) done = done && (v.divergence || (v.step >= target && v.report && v.report->step >= target));
    return done;
  });
}

QStringList SequenceLab::grabPanels(const QString& dir) {
  return savePanels(dir, {{m_board.widget, QStringLiteral("sequence-scores.png")},
                          {m_tabs->currentWidget(), QStringLiteral("sequence-view.png")}});
}

// ---------------------------------------------------------------- snapshots

void SequenceLab::resetRequested() {
  QString error;
  if (!restart(&error)) setBanner(error);
}

void SequenceLab::onLabSnapshot(const std::shared_ptr<const LabSnapshot>& snapshot) {
  const auto snap = std::static_pointer_cast<const SeqSnapshot>(snapshot);
  bool reports = false;
  const std::size_t runs = std::min(snap->runs.size(), m_views.size());
  for (std::size_t r = 0; r < runs; ++r) {
    const SeqRunState& s = snap->runs[r];
    RunView& v = m_views[r];
    for (const dl::SeqStep& step : s.steps) {
      const double x = static_cast<double>(step.step);
      m_loss->append(static_cast<int>(2 * r), x, step.trainLoss);
      v.trainLoss = step.trainLoss;
      if (step.clipped) ++v.clippedSteps;
      if (step.evaluated) {
        m_loss->append(static_cast<int>(2 * r + 1), x, step.valLoss);
        v.valLoss = step.valLoss;
        if (!std::isnan(step.valAccuracy)) {
          m_accuracy->append(static_cast<int>(r), x, step.valAccuracy);
          v.valAccuracy = step.valAccuracy;
        }
      }
      if (!step.timeGradients.empty()) {
        v.timeGradients = step.timeGradients;
        if (static_cast<int>(r) == m_heatRun && step.step % m_heatEvery == 0) {
          m_heatRows.push_back(step.timeGradients);
          m_heatSteps.push_back(step.step);
          if (static_cast<int>(m_heatRows.size()) > kHeatRows) {
            // Keep every other row and record half as often from now on.
            std::deque<std::vector<double>> rows;
            std::vector<long long> steps;
            for (std::size_t i = 0; i < m_heatRows.size(); i += 2) {
              rows.push_back(std::move(m_heatRows[i]));
              steps.push_back(m_heatSteps[i]);
            }
            m_heatRows = std::move(rows);
            m_heatSteps = std::move(steps);
            m_heatEvery *= 2;
          }
        }
      }
    }
    v.step = s.step;
    v.divergence = s.divergence;
    v.eigenvalues = s.eigenvalues;
    v.spectralRadius = s.spectralRadius;
    if (s.report) {
      v.report = s.report;
      reports = true;
    }
  }
  if (snap->seq2seq) {
    Seq2SeqState s = *snap->seq2seq;
    for (const Seq2SeqState::Point& p : s.steps) m_s2sLoss->append(0, static_cast<double>(p.step), p.loss);
    if (s.evaluation) m_s2sEval = s.evaluation;
    if (!s.source.empty() || !m_s2s) m_s2s = std::move(s);
    else m_s2s->step = s.step;
    refreshSeq2Seq();
  }
  if (snap->words) {
    m_words = *snap->words;
    refreshWords();
  }
  if (snap->reachedStop)
    emit statusMessage(tr("Paused at step %1, where the preset's claim is measured.").arg(thousands(m_config.training.steps)));
  if (!m_views.empty()) {
    refreshTimeChart();
    refreshHeatMap();
    refreshEigen();
    if (reports) {
      refreshInside();
      refreshExamples();
    }
  }
  refreshScoreNumbers();
  updatePlayButton();
}

void SequenceLab::setMeasure(Measure m) {
  m_measure = m;
  const QSignalBlocker b(m_measureBox);
  m_measureBox->setCurrentIndex(m == Measure::LossGradient ? 0 : 1);
  showMeasureAxis();
  refreshTimeChart();
}

void SequenceLab::showMeasureAxis() {
  m_timeChart->setAxisTitles(tr("time step t"),
                             m_measure == Measure::LossGradient ? tr("‖∂L/∂hₜ‖ (log)") : tr("‖∂h_T/∂hₜ‖ (log)"));
}

SequenceLab::Measure SequenceLab::measure() const { return m_measure; }

void SequenceLab::refreshTimeChart() {
  if (m_timeChart->lineCount() != static_cast<int>(m_views.size())) return;
  m_timeChart->clear();
  for (std::size_t r = 0; r < m_views.size(); ++r) {
    const RunView& v = m_views[r];
    const std::vector<double>* values = nullptr;
    if (m_measure == Measure::LossGradient) values = &v.timeGradients;
    else if (v.report) values = &v.report->jacobianNorms;
    if (!values) continue;
    for (std::size_t t = 0; t < values->size(); ++t)
      m_timeChart->append(static_cast<int>(r), static_cast<double>(t + 1), (*values)[t]);
  }
}

void SequenceLab::refreshHeatMap() {
  // Before the first training step there is nothing to map: the chart above takes the room.
  const bool any = !m_heatRows.empty() || std::any_of(m_views.begin(), m_views.end(), [](const RunView& v) {
    return v.step > 0;
  });
  // On a projector the eigenvalues take the whole right column: the heat map's many thin rows do
  // not read from the back of a room.
  const bool heat = any && !m_presentation;
  for (QWidget* w : std::initializer_list<QWidget*>{m_heat, m_heatLabel, m_heatRunBox}) w->setVisible(heat);
  m_timeGrid->setRowStretch(3, heat ? 1 : 0);  // without it the eigenvalues take the column
  if (m_heatRows.empty()) {
    m_heat->setData(Eigen::MatrixXd());
    return;
  }
  const std::size_t T = m_heatRows.back().size();
  Eigen::MatrixXd values(static_cast<Eigen::Index>(m_heatRows.size()), static_cast<Eigen::Index>(T));
  QStringList rows, cols;
  for (std::size_t i = 0; i < m_heatRows.size(); ++i) {
    for (std::size_t t = 0; t < T; ++t)
      values(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(t)) =
          t < m_heatRows[i].size() ? m_heatRows[i][t] : dl::kNaN;
    rows << (m_heatSteps[i] >= 10000 ? QStringLiteral("%1k").arg(m_heatSteps[i] / 1000)
                                     : QString::number(m_heatSteps[i]));
  }
  for (std::size_t t = 0; t < T; ++t) cols << QString::number(t + 1);
  m_heat->setRowLabels(rows);
  m_heat->setColumnLabels(cols);
  m_heat->setData(values);
}

void SequenceLab::refreshEigen() {
  std::vector<std::vector<std::complex<double>>> sets;
  QStringList names;
  std::vector<QColor> colours;
  for (std::size_t r = 0; r < m_views.size(); ++r) {
    if (m_views[r].eigenvalues.empty()) continue;
    sets.push_back(m_views[r].eigenvalues);
    names << m_views[r].name;
    colours.push_back(cellColour(m_views[r].name));
  }
  m_eigen->setSets(sets, names, colours);
}

void SequenceLab::setInsideRun(int run) {
  m_insideRun = std::clamp(run, 0, std::max(0, static_cast<int>(m_views.size()) - 1));
  const QSignalBlocker b(m_insideRunBox);
  m_insideRunBox->setCurrentIndex(m_insideRun);
  refreshInside();
  refreshExamples();
}

void SequenceLab::setInsideSample(int sample) {
  m_sample = std::max(0, sample);
  const QSignalBlocker b(m_sampleSpin);
  m_sampleSpin->setValue(m_sample + 1);
  const int s = m_sample;
  runner().post([s](Simulation& sim) { static_cast<SeqSimulation&>(sim).settings().sample = s; }, true);
}

void SequenceLab::setTemperature(double t) {
  m_temperature = std::clamp(t, 0.0, 2.0);
  const QSignalBlocker b(m_temperatureSlider);
  m_temperatureSlider->setValue(static_cast<int>(std::lround(m_temperature * 10)));
  m_temperatureLabel->setText(tr("temperature %1").arg(m_temperature, 0, 'f', 1));
  const double temperature = m_temperature;
  runner().post([temperature](Simulation& sim) { static_cast<SeqSimulation&>(sim).settings().temperature = temperature; },
                 true);
}

void SequenceLab::refreshInside() {
  const RunView* v = m_insideRun < static_cast<int>(m_views.size()) ? &m_views[static_cast<std::size_t>(m_insideRun)] : nullptr;
  const SeqRunReport* r = v && v->report ? v->report.get() : nullptr;
  for (HeatMap* m : m_insideMaps) m->setEmptyText(tr("Shown when training pauses, and every few seconds while it runs."));
  if (!r || r->inside.hidden.size() == 0) {
    for (HeatMap* m : m_insideMaps) m->setData(Eigen::MatrixXd());
    m_forget->setText(QString());
    return;
  }
  const dl::SeqTrainer::Inside& in = r->inside;
  const Eigen::Index H = in.hidden.rows(), T = in.hidden.cols();
  QStringList steps;
  for (Eigen::Index t = 0; t < T; ++t) steps << QString::number(t + 1);
  std::size_t k = 0;
  const std::size_t shownMaps = 1 + (in.gateNames.size() > 1 ? in.gateNames.size() : 0) + (in.cell.size() ? 1 : 0) + 1;
  const auto show = [&](const dl::Matrix& m, const QString& title, bool signedValues, double lo, double hi) {
    if (k >= m_insideMaps.size()) return;
    HeatMap* map = m_insideMaps[k++];
    map->show();
    map->setTitle(title);
    // Small multiples: only the last row names the time axis.
    map->setAxisTitles(QString(), k + 2 > shownMaps ? tr("time step t") : QString());
    map->setDiverging(signedValues);
    map->setRange(lo, hi);
    map->setColumnLabels(steps);
    QStringList units;
    for (Eigen::Index i = 0; i < m.rows(); ++i) units << QString::number(i + 1);
    map->setRowLabels(units);
    map->setData(m.cast<double>());
  };
  show(in.input, tr("input xₜ"), true, 0, 0);
  const QString kind = v->name;
  const std::map<std::string, QString> gateTitles = {
      {"i", tr("input gate iₜ")},       {"f", tr("forget gate fₜ")}, {"g", tr("candidate gₜ")},
      {"o", tr("output gate oₜ")},      {"r", tr("reset gate rₜ")},  {"z", tr("update gate zₜ")},
      {"n", tr("candidate nₜ")}};
  for (std::size_t g = 0; g < in.gateNames.size(); ++g) {
    const auto it = gateTitles.find(in.gateNames[g]);
    if (it == gateTitles.end()) continue;  // the RNN's one "gate" is its hidden state
    const bool tanhGate = in.gateNames[g] == "g" || in.gateNames[g] == "n";
    show(in.gates.middleRows(static_cast<Eigen::Index>(g) * H, H), it->second, tanhGate, tanhGate ? -1 : 0, 1);
  }
  if (in.cell.size()) show(in.cell, tr("cell state cₜ"), true, 0, 0);
  show(in.hidden, tr("hidden state hₜ"), true, -1, 1);
  for (std::size_t i = k; i < m_insideMaps.size(); ++i) m_insideMaps[i]->hide();
  if (!std::isnan(r->forgetProduct))
    m_forget->setText(tr("Forget gates multiplied along the %1 steps, ∏ fₜ = %2 (mean over units and test sequences): "
                         "the share of the first cell state that survives to the end.")
                          .arg(T)
                          .arg(number(r->forgetProduct)));
  else
    m_forget->setText(tr("%1 has no forget gate: its state is rewritten at every step. Choose the LSTM to see "
                         "how much of its memory survives.")
                          .arg(kind));
}

void SequenceLab::refreshExamples() {
  if (!m_data) return;
  const RunView* v = m_insideRun < static_cast<int>(m_views.size()) ? &m_views[static_cast<std::size_t>(m_insideRun)] : nullptr;
  const SeqRunReport* r = v && v->report ? v->report.get() : nullptr;
  if (!r) {
    m_examples->clear();
    m_sampled->clear();
    return;
  }
  QStringList lines;
  lines << tr("%1, step %2:").arg(v->name, thousands(r->step));
  for (std::size_t i = 0; i < r->examples.size(); ++i) {
    const SeqRunReport::Example& e = r->examples[i];
    if (m_data->classes == 0) {
      lines << tr("sequence %1: target %2, predicted %3").arg(i + 1).arg(number(e.truth[0]), number(e.predicted[0]));
    } else if (m_data->perStep) {
      QString truth, predicted;
      for (double t : e.truth) truth += tokenText(static_cast<int>(t));
      for (double p : e.predicted) predicted += tokenText(static_cast<int>(p));
      lines << tr("text:      %1").arg(truth.simplified()) << tr("predicted: %1").arg(predicted.simplified());
    } else {
      const bool right = e.truth[0] == e.predicted[0];
      lines << tr("sequence %1: answer %2, predicted %3 %4")
                   .arg(i + 1)
                   .arg(tokenText(static_cast<int>(e.truth[0])), tokenText(static_cast<int>(e.predicted[0])),
                        right ? QStringLiteral("✓") : QStringLiteral("✗"));
      // The motif task: the sequence itself, indented under its answer, A B C in brackets where it is.
      if (!e.input.empty()) lines << QStringLiteral("      ") + QString::fromStdString(e.input);
    }
  }
  if (m_data->classes == 0) lines << tr("An input-blind guess scores a loss of %1.").arg(number(m_data->baselineLoss));
  const QString text = lines.join(QLatin1Char('\n'));
  if (m_examples->toPlainText() != text) m_examples->setPlainText(text);
  const QString sampled = QString::fromStdString(r->sampledText);
  if (m_sampled->toPlainText() != sampled) m_sampled->setPlainText(sampled);
}

bool SequenceLab::setSource(const QString& text, QString* error) {
  if (!m_config.isSeq2Seq()) {
    if (error) *error = tr("the loaded task has no encoder-decoder");
    return false;
  }
  const int digits = m_config.seq2seq.digits;
  const int L = m_config.task.length;
  std::vector<int> source;
  const QStringList parts = text.contains(QLatin1Char(' ')) || text.contains(QLatin1Char(','))
                                ? text.split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts)
                                : text.split(QString(), Qt::SkipEmptyParts);
  QString why;
  for (const QString& p : parts) {
    bool ok = false;
    const int d = p.toInt(&ok);
    if (!ok || d < 0 || d >= digits) {
      why = tr("typed sequence: '%1' is not a digit from 0 to %2").arg(p).arg(digits - 1);
      break;
    }
    source.push_back(d);
  }
  if (why.isEmpty() && static_cast<int>(source.size()) != L)
    why = tr("typed sequence: %1 digits; this model reads exactly %2").arg(source.size()).arg(L);
  if (!why.isEmpty()) {
    m_sourceError->setText(why);
    m_sourceError->show();
    if (error) *error = why;
    return false;
  }
  m_sourceError->hide();
  runner().post([source](Simulation& s) { static_cast<SeqSimulation&>(s).settings().source = source; }, true);
  return true;
}

void SequenceLab::refreshSeq2Seq() {
  if (!m_s2s) {
    m_decoded->clear();
    m_s2sScore->clear();
    m_alignment->setData(Eigen::MatrixXd());
    return;
  }
  const Seq2SeqState& s = *m_s2s;
  // What is right: the source reversed, or sorted.
  std::vector<int> want = s.source;
  if (m_config.task.kind == "sort") std::sort(want.begin(), want.end());
  else std::reverse(want.begin(), want.end());
  QStringList shown;
  for (std::size_t i = 0; i < s.prediction.size(); ++i) {
    const QString d = QString::number(s.prediction[i]);
    const bool right = i < want.size() && want[i] == s.prediction[i];
    shown << (right ? d : QStringLiteral("<span style='color:#c0392b; text-decoration: underline'>%1</span>").arg(d));
  }
  QStringList src;
  for (int d : s.source) src << QString::number(d);
  m_decoded->setText(tr("<b>%1</b> → <b>%2</b> (step %3; wrong digits in red)")
                         .arg(src.join(QLatin1Char(' ')), shown.join(QLatin1Char(' ')), thousands(s.step)));
  if (m_s2sEval)
    m_s2sScore->setText(tr("Held-out sequences: %1 of digits right, %2 of whole sequences.")
                            .arg(percent(m_s2sEval->tokenAccuracy), percent(m_s2sEval->sequenceAccuracy)));
  if (s.alignment.size() == 0) {
    m_alignment->setData(Eigen::MatrixXd());
    return;
  }
  QStringList rows, cols;
  for (std::size_t i = 0; i < static_cast<std::size_t>(s.alignment.rows()); ++i)
    rows << (i < s.prediction.size() ? QString::number(s.prediction[i]) : QString::number(i + 1));
  for (int d : s.source) cols << QString::number(d);
  m_alignment->setRowLabels(rows);
  m_alignment->setColumnLabels(cols);
  m_alignment->setData(s.alignment.cast<double>());
}

void SequenceLab::setQuery(const QString& word) {
  const std::string w = word.trimmed().toStdString();
  runner().post([w](Simulation& s) { static_cast<SeqSimulation&>(s).settings().query = w; }, true);
}

void SequenceLab::setAnalogy(const QString& a, const QString& b, const QString& c) {
  const std::string x = a.trimmed().toStdString(), y = b.trimmed().toStdString(), z = c.trimmed().toStdString();
  runner().post(
      [x, y, z](Simulation& s) {
        SeqReportSettings& st = static_cast<SeqSimulation&>(s).settings();
        st.a = x;
        st.b = y;
        st.c = z;
      },
      true);
}

void SequenceLab::refreshWords() {
  if (!m_words) {
    m_wordMap->setPoints({}, {});
    m_neighbours->clear();
    m_analogyResult->clear();
    m_wordsProgress->clear();
    return;
  }
  const WordsState& w = *m_words;
  std::vector<QPointF> xy;
  QStringList words;
  for (std::size_t i = 0; i < w.words.size(); ++i) {
    xy.emplace_back(w.coordinates(0, static_cast<Eigen::Index>(i)), w.coordinates(1, static_cast<Eigen::Index>(i)));
    words << QString::fromStdString(w.words[i]);
  }
  m_wordMap->setPoints(xy, words);
  QStringList highlight;
  if (!m_query->text().trimmed().isEmpty()) highlight << m_query->text().trimmed();
  QStringList list;
  for (const dl::Neighbour& n : w.neighbours) {
    list << QStringLiteral("%1 <span style='color:#666'>%2</span>")
                .arg(QString::fromStdString(n.word).toHtmlEscaped(), QString::number(n.similarity, 'f', 2));
    highlight << QString::fromStdString(n.word);
  }
  m_wordMap->setHighlight(highlight, QColor(31, 119, 180));
  if (!w.queryError.empty())
    m_neighbours->setText(tr("'%1' is not in the corpus.").arg(QString::fromStdString(w.queryError).toHtmlEscaped()));
  else
    m_neighbours->setText(list.join(QStringLiteral("<br>")));
  QStringList an;
  for (const dl::Neighbour& n : w.analogy)
    an << QStringLiteral("%1 <span style='color:#666'>%2</span>")
              .arg(QString::fromStdString(n.word).toHtmlEscaped(), QString::number(n.similarity, 'f', 2));
  m_analogyResult->setText(an.isEmpty() ? QString() : tr("→ %1").arg(an.join(QStringLiteral(", "))));
  m_wordsProgress->setText(tr("Pass %1 of %2; %3 words on the map; loss %4%5")
                               .arg(w.progress.epoch)
                               .arg(m_config.skipgram.epochs)
                               .arg(w.words.size())
                               .arg(number(w.progress.smoothedLoss))
                               .arg(w.progress.finished ? tr(" — finished") : QString()));
}

// ---------------------------------------------------------------- score board

void SequenceLab::refreshScores() {
  const QStringList heads = {QString(),       tr("step"),        tr("training loss"), QString(),
                             tr("‖∂h_T/∂h₁‖"), tr("ρ(U)"), tr("∏ fₜ")};
  const QStringList tips = {QString(),
                            QString(),
                            tr("The loss of the latest training batch."),
                            tr("On test sequences never trained on: the loss (regression; the heading gives what an "
                               "input-blind guess scores) or the accuracy."),
                            tr("How much the first hidden state still moves the last one (median over 8 test "
                               "sequences): below 10⁻⁶ the first steps are out of reach of the gradient."),
                            tr("Spectral radius of the recurrent matrix of the candidate state: its largest |λ|."),
                            tr("The LSTM's forget gates multiplied along the sequence.")};
  // Regression: the test loss, headed by what an input-blind guess scores.
  const QString test = m_data && m_data->classes == 0 ? tr("test loss (guess: %1)").arg(number(m_data->baselineLoss))
                                                      : tr("test accuracy");
  // A convolution or dense stack has no hidden state: its gradient-through-time, ρ(U) and ∏ fₜ
  // columns would only show dashes, so they go.
  const auto columnShown = [this](int c) { return c < 4 || m_recurrentStack; };
  for (int c = 0; c < kScoreColumns; ++c) {
    m_board.cells[0][static_cast<std::size_t>(c)]->setText(c == 3 ? test : heads[c]);
    m_board.cells[0][static_cast<std::size_t>(c)]->setToolTip(tips[c]);
    m_board.cells[0][static_cast<std::size_t>(c)]->setVisible(columnShown(c));
  }
  QFont big = font();
  big.setPointSizeF(font().pointSizeF() * (m_presentation ? 1.4 : 1.15));
  big.setBold(true);
  for (int r = 0; r < kMaxRuns; ++r) {
    const bool shown = r < static_cast<int>(m_views.size());
    for (int c = 0; c < kScoreColumns; ++c) {
      QLabel* l = m_board.cells[static_cast<std::size_t>(r + 1)][static_cast<std::size_t>(c)];
      l->setVisible(shown && columnShown(c));
      l->setFont(big);
    }
    if (shown)
      m_board.cells[static_cast<std::size_t>(r + 1)][0]->setStyleSheet(
          QStringLiteral("QLabel { color: %1; }").arg(runColour(r).darker(110).name()));
  }
  refreshScoreNumbers();
}

QString SequenceLab::scoreText(int run, int column) const {
  if (run < 0) return m_board.cells[0][static_cast<std::size_t>(column)]->text();
  if (run >= static_cast<int>(m_views.size())) return {};
  const RunView& v = m_views[static_cast<std::size_t>(run)];
  const SeqRunReport* r = v.report.get();
  switch (column) {
    case 0: return v.name;
    case 1: return thousands(v.step);
    case 2: return v.divergence ? tr("diverged") : number(v.trainLoss);
    case 3:
      if (v.divergence) return tr("diverged");
      if (!r) return QStringLiteral("—");
      if (m_data && m_data->classes == 0) return number(r->test.loss);
      return percent(r->test.accuracy);
    case 4: return r ? number(r->jacobianMedian) : QStringLiteral("—");
    case 5: return number(v.spectralRadius);
    case 6: return r ? number(r->forgetProduct) : QStringLiteral("—");
    default: return {};
  }
}

void SequenceLab::refreshScoreNumbers() {
  for (int r = 0; r < static_cast<int>(m_views.size()) && r < kMaxRuns; ++r)
    for (int c = 0; c < kScoreColumns; ++c)
      setTextIfChanged(m_board.cells[static_cast<std::size_t>(r + 1)][static_cast<std::size_t>(c)], scoreText(r, c));
  QString status;
  if (m_config.isSeq2Seq()) {
    status = tr("step %1 of %2").arg(thousands(m_s2s ? m_s2s->step : 0), thousands(m_config.training.steps));
  } else if (m_config.isWords()) {
    status = m_words ? tr("pass %1 of %2").arg(m_words->progress.epoch).arg(m_config.skipgram.epochs) : QString();
  } else if (!m_views.empty()) {
    const RunView& v = m_views[0];
    status = m_config.training.steps > 0
                 ? tr("step %1 of %2").arg(thousands(v.step), thousands(m_config.training.steps))
                 : tr("step %1 (the claim is about the untrained network)").arg(thousands(v.step));
    for (const RunView& w : m_views) {
      if (w.divergence)
        status += QLatin1Char('\n') + tr("%1 diverged: %2").arg(w.name, QString::fromStdString(w.divergence->describe()));
      if (w.clippedSteps > 0 && w.step > 0)
        status += QLatin1Char('\n') + tr("%1: clipped on %2 of %3 steps").arg(w.name, thousands(w.clippedSteps), thousands(w.step));
    }
  }
  setTextIfChanged(statusLine(), status);
}

}  // namespace dlui
