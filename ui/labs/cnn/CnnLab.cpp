// The CNN lab (labs/cnn/CnnLab.h).
#include "labs/cnn/CnnLab.h"

#include "Language.h"
#include "labs/cnn/ArchitectureView.h"
#include "labs/cnn/ConvArithmeticView.h"
#include "labs/cnn/KernelEditor.h"
#include "labs/cnn/ResamplingView.h"
#include "labs/cnn/ImageViews.h"
#include "plots/LineChart.h"
#include "widgets/ClassPicker.h"
#include "widgets/ColumnScroll.h"
#include "widgets/LogSlider.h"

#include "core/Error.h"
#include "data/ImageTransforms.h"
#include "data/Shapes.h"
#include "io/CnnIo.h"
#include "io/ErrorText.h"
#include "io/ImageFolder.h"
#include "io/PresetCatalog.h"
#include "nn/Network.h"

#include <string_view>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QEvent>
#include <QEventLoop>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <future>

namespace dlui {

namespace {

// Runs load() on a thread of its own and keeps the window painting, its charts and timers going,
// until it is done; user input waits in the queue, so nothing can start a second load meanwhile.
// Reading Fashion-MNIST's 70,000 images takes seconds: the window must not freeze for them.
// Exceptions come back to the caller.

std::shared_ptr<const dl::CnnData> loadKeepingWindowAlive(const dl::CnnDataConfig& c) {
  auto loading = std::async(std::launch::async, [c] { return dlio::loadCnnData(c); });
  while (loading.wait_for(std::chrono::milliseconds(10)) != std::future_status::ready)
    QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents, 10);
  return loading.get();
}

constexpr int kMaxMapsPerLayer = 16;  // feature maps drawn per layer
constexpr int kMaxFilters = 32;
constexpr int kScoreColumns = 5;

const QColor kRunColour[2] = {QColor(8, 119, 189), QColor(245, 147, 34)};

QString percentText(double v) {
  if (!(v >= 0)) return QStringLiteral("—");
  return QString::number(100.0 * v, 'f', 1) + QLatin1Char('%');
}

// What a column of the stack holds, "8 × 4 × 4" (channels × height × width) or "10".
QString shapeText(const dl::Shape& s) {
  if (s.height == 1 && s.width == 1) return QString::number(s.channels);
  return QStringLiteral("%1 × %2 × %3").arg(s.channels).arg(s.height).arg(s.width);
}

// Class probabilities of one image from its logits (one column).
std::vector<float> softmax(const dl::Matrix& logits) {
  Eigen::ArrayXf e = (logits.col(0).array() - logits.col(0).maxCoeff()).exp().cast<float>();
  e /= e.sum();
  return {e.data(), e.data() + e.size()};
}

double relativeChange(const dl::Matrix& a, const dl::Matrix& b) {
  const double n = static_cast<double>(a.norm());
  return n > 0 ? static_cast<double>((b - a).norm()) / n : 0.0;
}

}  // namespace

CnnLab::CnnLab(QWidget* parent) : TrainingLab(parent) {
  setObjectName(QStringLiteral("cnnLab"));
  buildUi();
  QString error;
  // The lab opens on the small LeNet on the digits, paused.
  try {
    if (!setConfig(dlio::readCnnPreset(QStringLiteral("cnn-digits-lenet")), std::nullopt, &error))
      emit statusMessage(error);
  } catch (const dlio::IoError& e) {
    emit statusMessage(e.message());
  }
  retranslateUi();
}

CnnLab::~CnnLab() = default;

// ---------------------------------------------------------------- layout

void CnnLab::buildUi() {
  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(0, 0, 0, 0);
  // The preset's "what to watch" line above every tab (a preset may open any of them).
  m_watch = createWatchLine(this, QStringLiteral("cnnWatch"));
  outer->addWidget(m_watch);
  m_tabs = new QTabWidget(this);
  m_tabs->setObjectName(QStringLiteral("cnnTabs"));
  outer->addWidget(m_tabs, 1);

  auto* training = new QWidget(m_tabs);
  training->setObjectName(QStringLiteral("cnnTraining"));
  auto* row = new QHBoxLayout(training);

  // ---- the settings column ----
  m_controls = new QWidget(training);
  m_controls->setObjectName(QStringLiteral("cnnControls"));
  auto* col = new QVBoxLayout(m_controls);
  col->setContentsMargins(0, 0, 0, 0);

  col->addWidget(createRunBox(m_controls, QStringLiteral("cnn")));

  m_dataBox = new QGroupBox(m_controls);
  auto* dataForm = new QFormLayout(m_dataBox);
  m_sourceLabel = new QLabel(m_dataBox);
  m_source = new QComboBox(m_dataBox);
  m_source->setObjectName(QStringLiteral("cnnSource"));
  for (const std::string& s : dl::cnnDataSources()) m_source->addItem(QString(), QString::fromStdString(s));
  dataForm->addRow(m_sourceLabel, m_source);
  m_moveLabel = new QLabel(m_dataBox);
  auto* move = new QHBoxLayout;
  m_moveX = new QSpinBox(m_dataBox);
  m_moveX->setObjectName(QStringLiteral("cnnMoveX"));
  m_moveY = new QSpinBox(m_dataBox);
  m_moveY->setObjectName(QStringLiteral("cnnMoveY"));
  for (QSpinBox* s : {m_moveX, m_moveY}) {
    s->setRange(-4, 4);
    move->addWidget(s);
  }
  dataForm->addRow(m_moveLabel, move);
  m_mirror = new QCheckBox(m_dataBox);
  m_mirror->setObjectName(QStringLiteral("cnnMirror"));
  dataForm->addRow(m_mirror);
  m_permute = new QCheckBox(m_dataBox);
  m_permute->setObjectName(QStringLiteral("cnnPermute"));
  dataForm->addRow(m_permute);
  col->addWidget(m_dataBox);

  m_trainBox = new QGroupBox(m_controls);
  auto* trainForm = new QFormLayout(m_trainBox);
  m_lrLabel = new QLabel(m_trainBox);
  m_lr = new LogSlider(1e-4, 1.0, false, m_trainBox);
  m_lr->setObjectName(QStringLiteral("cnnLearningRate"));
  trainForm->addRow(m_lrLabel, m_lr);
  m_batchLabel = new QLabel(m_trainBox);
  m_batch = new QSpinBox(m_trainBox);
  m_batch->setObjectName(QStringLiteral("cnnBatch"));
  m_batch->setRange(1, 1024);
  trainForm->addRow(m_batchLabel, m_batch);
  m_stepsLabel = new QLabel(m_trainBox);
  m_steps = new QSpinBox(m_trainBox);
  m_steps->setObjectName(QStringLiteral("cnnSteps"));
  m_steps->setRange(1, 1000000);
  m_steps->setSingleStep(100);
  trainForm->addRow(m_stepsLabel, m_steps);
  col->addWidget(m_trainBox);

  m_augmentBox = new QGroupBox(m_controls);
  auto* augForm = new QFormLayout(m_augmentBox);
  m_shiftAugLabel = new QLabel(m_augmentBox);
  m_shiftAug = new QSpinBox(m_augmentBox);
  m_shiftAug->setObjectName(QStringLiteral("cnnAugmentShift"));
  m_shiftAug->setRange(0, 8);
  augForm->addRow(m_shiftAugLabel, m_shiftAug);
  m_rotateLabel = new QLabel(m_augmentBox);
  m_rotate = new QDoubleSpinBox(m_augmentBox);
  m_rotate->setObjectName(QStringLiteral("cnnAugmentRotate"));
  m_rotate->setRange(0, 45);
  m_rotate->setDecimals(0);
  m_rotate->setSuffix(QStringLiteral("°"));
  augForm->addRow(m_rotateLabel, m_rotate);
  m_flipLabel = new QLabel(m_augmentBox);
  m_flip = new QDoubleSpinBox(m_augmentBox);
  m_flip->setObjectName(QStringLiteral("cnnAugmentFlip"));
  m_flip->setRange(0, 1);
  m_flip->setSingleStep(0.1);
  augForm->addRow(m_flipLabel, m_flip);
  m_noiseLabel = new QLabel(m_augmentBox);
  m_noise = new QDoubleSpinBox(m_augmentBox);
  m_noise->setObjectName(QStringLiteral("cnnAugmentNoise"));
  m_noise->setRange(0, 1);
  m_noise->setSingleStep(0.05);
  augForm->addRow(m_noiseLabel, m_noise);
  col->addWidget(m_augmentBox);

  // Transfer learning: which classes the task learns and from how few images, and a pretraining
  // phase on other classes before it (what happens to the layers at the switch).
  m_transferBox = new QGroupBox(m_controls);
  m_transferBox->setObjectName(QStringLiteral("cnnTransfer"));
  auto* transferForm = new QFormLayout(m_transferBox);
  // Each label above its field: the class buttons and the spin boxes keep the column as narrow as
  // the other boxes on a 1024-pixel projector.
  transferForm->setRowWrapPolicy(QFormLayout::WrapAllRows);
  m_taskClassesLabel = new QLabel(m_transferBox);
  m_taskClasses = new ClassPicker(m_transferBox);
  m_taskClasses->setObjectName(QStringLiteral("cnnTaskClasses"));
  transferForm->addRow(m_taskClassesLabel, m_taskClasses);
  m_shotsLabel = new QLabel(m_transferBox);
  m_shots = new QSpinBox(m_transferBox);
  m_shots->setObjectName(QStringLiteral("cnnShots"));
  m_shots->setRange(0, 100000);
  transferForm->addRow(m_shotsLabel, m_shots);
  m_pretrainStepsLabel = new QLabel(m_transferBox);
  m_pretrainSteps = new QSpinBox(m_transferBox);
  m_pretrainSteps->setObjectName(QStringLiteral("cnnPretrainSteps"));
  m_pretrainSteps->setRange(0, 1000000);
  m_pretrainSteps->setSingleStep(100);
  transferForm->addRow(m_pretrainStepsLabel, m_pretrainSteps);
  m_pretrainClassesLabel = new QLabel(m_transferBox);
  m_pretrainClasses = new ClassPicker(m_transferBox);
  m_pretrainClasses->setObjectName(QStringLiteral("cnnPretrainClasses"));
  transferForm->addRow(m_pretrainClassesLabel, m_pretrainClasses);
  m_pretrainShotsLabel = new QLabel(m_transferBox);
  m_pretrainShots = new QSpinBox(m_transferBox);
  m_pretrainShots->setObjectName(QStringLiteral("cnnPretrainShots"));
  m_pretrainShots->setRange(0, 100000);
  transferForm->addRow(m_pretrainShotsLabel, m_pretrainShots);
  m_afterLabel = new QLabel(m_transferBox);
  m_after = new QComboBox(m_transferBox);
  m_after->setObjectName(QStringLiteral("cnnAfterPretraining"));
  m_after->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  m_after->setMinimumContentsLength(12);
  for (const char* mode : {"frozen", "finetune", "continue"}) m_after->addItem(QString(), QString::fromLatin1(mode));
  transferForm->addRow(m_afterLabel, m_after);
  m_transferApply = new QPushButton(m_transferBox);
  m_transferApply->setObjectName(QStringLiteral("cnnTransferApply"));
  transferForm->addRow(m_transferApply);
  m_transferError = new QLabel(m_transferBox);
  m_transferError->setObjectName(QStringLiteral("cnnTransferError"));
  m_transferError->setWordWrap(true);
  m_transferError->setStyleSheet(warningStyle());
  m_transferError->hide();
  transferForm->addRow(m_transferError);
  col->addWidget(m_transferBox);

  m_layerBox = new QGroupBox(m_controls);
  auto* layerLayout = new QVBoxLayout(m_layerBox);
  m_layers = new QTableWidget(0, 3, m_layerBox);
  m_layers->setObjectName(QStringLiteral("cnnLayers"));
  m_layers->verticalHeader()->hide();
  m_layers->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  m_layers->horizontalHeader()->setStretchLastSection(true);
  m_layers->setSelectionMode(QAbstractItemView::NoSelection);
  m_layers->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_layers->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  m_layers->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  m_layers->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
  layerLayout->addWidget(m_layers);
  col->addWidget(m_layerBox);
  col->addStretch(1);

  // Every setting but the layer table restarts the runs with it (both runs, so they stay comparable).
  for (QSpinBox* s : {m_moveX, m_moveY, m_batch, m_steps, m_shiftAug})
    connect(s, &QSpinBox::editingFinished, this, &CnnLab::applyControls);
  for (QDoubleSpinBox* s : {m_rotate, m_flip, m_noise})
    connect(s, &QDoubleSpinBox::editingFinished, this, &CnnLab::applyControls);
  for (QCheckBox* c : {m_mirror, m_permute}) connect(c, &QCheckBox::toggled, this, &CnnLab::applyControls);
  connect(m_source, &QComboBox::activated, this, &CnnLab::applyControls);
  for (QSpinBox* s : {m_shots, m_pretrainSteps, m_pretrainShots})
    connect(s, &QSpinBox::valueChanged, this, &CnnLab::transferEdited);
  connect(m_after, &QComboBox::activated, this, &CnnLab::transferEdited);
  for (ClassPicker* p : {m_taskClasses, m_pretrainClasses}) connect(p, &ClassPicker::edited, this, &CnnLab::transferEdited);
  connect(m_transferApply, &QPushButton::clicked, this, &CnnLab::applyTransfer);
  connect(m_lr, &LogSlider::valueChanged, this, &CnnLab::applyControls);

  row->addWidget(scrollingColumn(m_controls, training));

  // ---- the centre: watch line, score board, charts, views ----
  auto* centre = new QWidget(training);
  auto* centreLayout = new QVBoxLayout(centre);
  centreLayout->setContentsMargins(0, 0, 0, 0);
  m_banner = new QLabel(centre);
  m_banner->setObjectName(QStringLiteral("cnnBanner"));
  m_banner->setWordWrap(true);
  m_banner->setStyleSheet(warningStyle());
  m_banner->hide();
  centreLayout->addWidget(m_banner);

  {
    ScoreBoard board = createScoreBoard(centre, QStringLiteral("cnnScores"), QStringLiteral("cnnScore"), 3, kScoreColumns, 18);
    m_scoreBoard = board.widget;
    m_scoreGrid = board.grid;
    m_scores = std::move(board.cells);
  }
  centreLayout->addWidget(m_scoreBoard);

  auto* charts = new QWidget(centre);
  auto* chartColumn = new QVBoxLayout(charts);
  chartColumn->setContentsMargins(0, 0, 0, 0);
  chartColumn->setSpacing(0);
  auto* chartRow = new QHBoxLayout;
  chartRow->setContentsMargins(0, 0, 0, 0);
  chartColumn->addLayout(chartRow, 1);
  m_chartKey = new QLabel(charts);
  m_chartKey->setObjectName(QStringLiteral("cnnChartKey"));
  m_chartKey->setWordWrap(true);
  chartColumn->addWidget(m_chartKey);
  charts->setMinimumHeight(170);
  m_loss = new LineChart(charts);
  m_loss->setObjectName(QStringLiteral("cnnLoss"));
  m_accuracy = new LineChart(charts);
  m_accuracy->setObjectName(QStringLiteral("cnnAccuracy"));
  m_gradients = new LineChart(charts);
  m_gradients->setObjectName(QStringLiteral("cnnGradients"));
  m_gradients->setLogScale(true);
  for (LineChart* c : {m_loss, m_accuracy, m_gradients}) chartRow->addWidget(c);
  // The score board names the runs in their colours; the charts' own legends would only repeat
  // the long names (the gradient chart keeps its legend of layers).
  m_loss->setLegendVisible(false);
  m_accuracy->setLegendVisible(false);
  centreLayout->addWidget(charts, 2);

  m_viewTabs = new QTabWidget(centre);
  m_viewTabs->setObjectName(QStringLiteral("cnnViews"));
  // filters and feature maps
  auto* inside = new QWidget(m_viewTabs);
  auto* insideLayout = new QHBoxLayout(inside);
  m_filters = new TileGrid(inside);
  m_filters->setObjectName(QStringLiteral("cnnFilters"));
  m_filters->setTileLimits(28, 72);
  auto* mapsColumn = new QVBoxLayout;
  auto* pick = new QHBoxLayout;
  m_imageLabel = new QLabel(inside);
  m_imageSpin = new QSpinBox(inside);
  m_imageSpin->setObjectName(QStringLiteral("cnnImage"));
  pick->addWidget(m_imageLabel);
  pick->addWidget(m_imageSpin);
  pick->addStretch(1);
  mapsColumn->addLayout(pick);
  m_maps = new TileGrid(inside);
  m_maps->setObjectName(QStringLiteral("cnnMaps"));
  m_maps->setTileLimits(22, 64);
  auto* mapsScroll = new QScrollArea(inside);
  mapsScroll->setWidgetResizable(true);
  mapsScroll->setFrameShape(QFrame::NoFrame);
  mapsScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  mapsScroll->setWidget(m_maps);
  mapsColumn->addWidget(mapsScroll, 1);
  auto* filtersScroll = new QScrollArea(inside);
  filtersScroll->setWidgetResizable(true);
  filtersScroll->setFrameShape(QFrame::NoFrame);
  filtersScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  filtersScroll->setWidget(m_filters);
  insideLayout->addWidget(filtersScroll, 2);
  insideLayout->addLayout(mapsColumn, 3);
  m_viewTabs->addTab(inside, QString());
  connect(m_imageSpin, &QSpinBox::valueChanged, this, [this](int v) { selectImage(v); });
  connect(m_maps, &TileGrid::tileClicked, this, [](int, int) {});

  // confusion and mistakes
  auto* mistakes = new QWidget(m_viewTabs);
  auto* mistakesLayout = new QHBoxLayout(mistakes);
  m_confusion = new ConfusionGrid(mistakes);
  m_confusion->setObjectName(QStringLiteral("cnnConfusion"));
  mistakesLayout->addWidget(m_confusion, 2);
  auto* galleryColumn = new QVBoxLayout;
  m_mistakesTitle = new QLabel(mistakes);
  m_mistakesTitle->setWordWrap(true);
  galleryColumn->addWidget(m_mistakesTitle);
  m_mistakes = new TileGrid(mistakes);
  m_mistakes->setObjectName(QStringLiteral("cnnMistakes"));
  m_mistakes->setTileLimits(40, 64);
  auto* galleryScroll = new QScrollArea(mistakes);
  galleryScroll->setWidgetResizable(true);
  galleryScroll->setFrameShape(QFrame::NoFrame);
  galleryScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  galleryScroll->setWidget(m_mistakes);
  galleryColumn->addWidget(galleryScroll, 1);
  mistakesLayout->addLayout(galleryColumn, 3);
  m_viewTabs->addTab(mistakes, QString());
  connect(m_mistakes, &TileGrid::tileClicked, this, [this](int, int tile) {
    if (m_reports.empty() || !m_reports[0] || tile >= static_cast<int>(m_reports[0]->misses.size())) return;
    selectImage(static_cast<int>(m_reports[0]->misses[static_cast<std::size_t>(tile)].index));
    m_viewTabs->setCurrentIndex(0);
  });

  // draw a digit
  auto* draw = new QWidget(m_viewTabs);
  auto* drawLayout = new QHBoxLayout(draw);
  auto* canvasColumn = new QVBoxLayout;
  m_canvas = new DrawCanvas(draw);
  m_canvas->setObjectName(QStringLiteral("cnnCanvas"));
  canvasColumn->addWidget(m_canvas, 1);
  auto* canvasButtons = new QHBoxLayout;
  m_clear = new QPushButton(draw);
  m_clear->setObjectName(QStringLiteral("cnnClear"));
  m_useTest = new QPushButton(draw);
  m_useTest->setObjectName(QStringLiteral("cnnUseTest"));
  m_openImage = new QPushButton(draw);
  m_openImage->setObjectName(QStringLiteral("cnnOpenImage"));
  canvasButtons->addWidget(m_clear);
  canvasButtons->addWidget(m_useTest);
  canvasButtons->addWidget(m_openImage);
  canvasColumn->addLayout(canvasButtons);
  m_canvasError = new QLabel(draw);
  m_canvasError->setObjectName(QStringLiteral("cnnCanvasError"));
  m_canvasError->setWordWrap(true);
  m_canvasError->setStyleSheet(warningStyle());
  m_canvasError->hide();
  canvasColumn->addWidget(m_canvasError);
  drawLayout->addLayout(canvasColumn, 2);
  auto* barsColumn = new QVBoxLayout;
  m_drawnTitle = new QLabel(draw);
  m_drawnTitle->setWordWrap(true);
  barsColumn->addWidget(m_drawnTitle);
  m_drawnBars = new ClassBars(draw);
  m_drawnBars->setObjectName(QStringLiteral("cnnDrawnBars"));
  barsColumn->addWidget(m_drawnBars, 1);
  drawLayout->addLayout(barsColumn, 3);
  m_viewTabs->addTab(draw, QString());
  connect(m_canvas, &DrawCanvas::drawn, this, &CnnLab::refreshDrawn);
  connect(m_clear, &QPushButton::clicked, m_canvas, &DrawCanvas::clear);
  connect(m_canvas, &DrawCanvas::fileDropped, this, [this](const QString& path) { loadCanvasImage(path, nullptr); });
  connect(m_openImage, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open an image for the canvas"), QString(),
                                                      tr("Images (*.png *.jpg *.jpeg *.bmp *.gif);;All files (*)"));
    if (!path.isEmpty()) loadCanvasImage(path, nullptr);
  });
  connect(m_useTest, &QPushButton::clicked, this, [this] {
    if (!m_data) return;
    m_canvas->setImage(rawTestImage(m_image), static_cast<int>(m_data->shape.height),
                       static_cast<int>(m_data->shape.width));
  });

  // shift and pooling
  auto* shift = new QWidget(m_viewTabs);
  auto* shiftLayout = new QVBoxLayout(shift);
  auto* shiftRow = new QHBoxLayout;
  m_shiftLabel = new QLabel(shift);
  shiftRow->addWidget(m_shiftLabel);
  m_shiftXSlider = new QSlider(Qt::Horizontal, shift);
  m_shiftXSlider->setObjectName(QStringLiteral("cnnShiftX"));
  m_shiftYSlider = new QSlider(Qt::Horizontal, shift);
  m_shiftYSlider->setObjectName(QStringLiteral("cnnShiftY"));
  for (QSlider* s : {m_shiftXSlider, m_shiftYSlider}) {
    s->setRange(-3, 3);
    s->setPageStep(1);
    s->setTickPosition(QSlider::TicksBelow);
    s->setMinimumWidth(120);
    shiftRow->addWidget(s, 1);
  }
  m_shiftXSlider->setValue(m_shiftX);
  m_shiftYSlider->setValue(m_shiftY);
  shiftLayout->addLayout(shiftRow);
  m_shiftReadout = new QLabel(shift);
  m_shiftReadout->setObjectName(QStringLiteral("cnnShiftReadout"));
  m_shiftReadout->setWordWrap(true);
  shiftLayout->addWidget(m_shiftReadout);
  auto* shiftBody = new QHBoxLayout;
  m_shiftMaps = new TileGrid(shift);
  m_shiftMaps->setObjectName(QStringLiteral("cnnShiftMaps"));
  m_shiftMaps->setTileLimits(22, 56);
  auto* shiftScroll = new QScrollArea(shift);
  shiftScroll->setWidgetResizable(true);
  shiftScroll->setFrameShape(QFrame::NoFrame);
  shiftScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  shiftScroll->setWidget(m_shiftMaps);
  shiftBody->addWidget(shiftScroll, 3);
  m_shiftBars = new ClassBars(shift);
  m_shiftBars->setObjectName(QStringLiteral("cnnShiftBars"));
  shiftBody->addWidget(m_shiftBars, 2);
  shiftLayout->addLayout(shiftBody, 1);
  m_viewTabs->addTab(shift, QString());
  const auto shiftMoved = [this] { setShift(m_shiftXSlider->value(), m_shiftYSlider->value()); };
  connect(m_shiftXSlider, &QSlider::valueChanged, this, shiftMoved);
  connect(m_shiftYSlider, &QSlider::valueChanged, this, shiftMoved);

  centreLayout->addWidget(m_viewTabs, 3);
  row->addWidget(centre, 1);

  m_tabs->addTab(training, QString());

  // Convolution arithmetic and the kernel editor: the operation itself, without training.
  m_convolution = new ConvArithmeticView(m_tabs);
  m_convolution->setObjectName(QStringLiteral("cnnConvolution"));
  m_tabs->addTab(m_convolution, QString());
  m_kernels = new KernelEditor(m_tabs);
  m_kernels->setObjectName(QStringLiteral("cnnKernels"));
  m_tabs->addTab(m_kernels, QString());
  m_resampling = new ResamplingView(m_tabs);
  m_resampling->setObjectName(QStringLiteral("cnnResampling"));
  m_tabs->addTab(m_resampling, QString());

  // The architecture: the stack being trained, editable; an edit that fits restarts with it.
  m_architecture = new ArchitectureView(m_tabs);
  m_architecture->setObjectName(QStringLiteral("cnnArchitecture"));
  m_tabs->addTab(m_architecture, QString());
  connect(m_architecture, &ArchitectureView::layersChanged, this, [this] {
    if (!m_architecture->valid()) return;  // the view shows what does not fit
    dl::CnnConfig c = m_config;
    c.layers = m_architecture->layers();
    QString error;
    if (setConfig(c, m_compare, &error)) {
      m_preset.clear();
      showWatchLine(m_watch, m_preset);
      emit statusMessage(tr("The network changed: training starts again with new weights."));
    } else {
      emit statusMessage(error);
    }
  });
}

void CnnLab::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  Lab::changeEvent(event);
}

void CnnLab::retranslateUi() {
  m_tabs->setTabText(0, tr("Train a CNN"));
  for (int i = 1; i < m_tabs->count(); ++i) {
    const QString name = m_tabs->widget(i)->objectName();
    if (name == QLatin1String("cnnConvolution")) m_tabs->setTabText(i, tr("Convolution arithmetic"));
    if (name == QLatin1String("cnnKernels")) m_tabs->setTabText(i, tr("Kernel editor"));
    if (name == QLatin1String("cnnResampling")) m_tabs->setTabText(i, tr("Resampling"));
    if (name == QLatin1String("cnnArchitecture")) m_tabs->setTabText(i, tr("Architecture"));
  }
  m_viewTabs->setTabText(0, tr("Filters and feature maps"));
  m_viewTabs->setTabText(1, tr("Confusion and mistakes"));
  m_viewTabs->setTabText(2, tr("Draw a digit"));
  m_viewTabs->setTabText(3, tr("Shift and pooling"));

  retranslateRunBox();
  m_dataBox->setTitle(tr("Images"));
  m_sourceLabel->setText(tr("Data set"));
  m_source->setToolTip(tr("The 8×8 handwritten digits (1,797, bundled), Fashion-MNIST (70,000 clothes "
                          "photos of 28×28, Debian's dataset-fashion-mnist), generated shapes, or your own "
                          "images: a folder with one sub-folder per class (PNG or JPEG), scaled to the size the "
                          "network takes."));
  for (int i = 0; i < m_source->count(); ++i) {
    const QString s = m_source->itemData(i).toString();
    m_source->setItemText(i, s == QLatin1String("digits")          ? tr("8×8 digits")
                             : s == QLatin1String("fashion-mnist") ? tr("Fashion-MNIST")
                             : s == QLatin1String("folder")        ? tr("Your images (a folder)…")
                             : s == QLatin1String("shapes")        ? tr("Shapes")
                                                                   : s);
  }
  m_moveLabel->setText(tr("Test moved (x, y)"));
  const QString moveTip = tr("Also measure the test accuracy on the test images moved by this many pixels "
                             "(x right, y down): how translation-invariant the network is.");
  m_moveLabel->setToolTip(moveTip);
  m_moveX->setToolTip(moveTip);
  m_moveY->setToolTip(moveTip);
  m_mirror->setText(tr("Also test mirrored"));
  m_mirror->setToolTip(tr("Also measure the accuracy on the test images mirrored left–right."));
  m_permute->setText(tr("Shuffle the pixels"));
  m_permute->setToolTip(tr("Move every pixel of every image by one fixed permutation: the same information, "
                           "but neighbouring pixels are no longer neighbours."));
  m_trainBox->setTitle(tr("Optimiser"));
  m_lrLabel->setText(tr("Learning rate"));
  m_lr->setToolTip(tr("Adam's step size. Changing it restarts both runs."));
  m_batchLabel->setText(tr("Batch size"));
  m_batch->setToolTip(tr("Images per mini-batch step."));
  m_stepsLabel->setText(tr("Pause at step"));
  m_steps->setToolTip(tr("Training pauses here, where the preset's claim is measured; ▶ goes on past it."));
  m_augmentBox->setTitle(tr("Augmentation (training images)"));
  m_shiftAugLabel->setText(tr("Random shift (px)"));
  m_shiftAug->setToolTip(tr("Each training image moved by a random number of pixels up to this, each way."));
  m_rotateLabel->setText(tr("Random rotation"));
  m_rotate->setToolTip(tr("Each training image turned by a random angle up to this, either way."));
  m_flipLabel->setText(tr("Mirror probability"));
  m_flip->setToolTip(tr("The chance that a training image is mirrored left–right. Not label-preserving "
                        "for digits: a mirrored 2 is not a 2."));
  m_noiseLabel->setText(tr("Noise"));
  m_noise->setToolTip(tr("The standard deviation of Gaussian noise added to every pixel (pixels are 0–1)."));
  m_transferBox->setTitle(tr("Transfer learning"));
  m_taskClassesLabel->setText(tr("Task classes"));
  const QString taskTip = tr("The classes this network learns (the buttons down; none down: every class), "
                             "renumbered from 0. The last layer gets one output for each. The run it is compared "
                             "with learns the same task.");
  m_taskClassesLabel->setToolTip(taskTip);
  m_taskClasses->setToolTip(taskTip);
  m_taskClasses->setNoneText(tr("every class"));
  m_shotsLabel->setText(tr("Images per class"));
  m_shots->setSpecialValueText(tr("all"));
  m_shots->setToolTip(tr("At most this many training images of each task class: a few-shot task. "
                         "Validation and test keep all of theirs."));
  m_pretrainStepsLabel->setText(tr("Pretrain first (steps)"));
  m_pretrainSteps->setSpecialValueText(tr("no"));
  m_pretrainSteps->setToolTip(tr("This network (not the run it is compared with) first trains this many steps on "
                                 "the pretraining classes; then the task starts, with the layers as chosen below. "
                                 "The steps count towards \"Pause at step\"."));
  m_pretrainClassesLabel->setText(tr("Pretrain on"));
  m_pretrainClasses->setToolTip(tr("The classes the pretraining learns, e.g. the digits 0–4 before a task on 5–9. "
                                   "At most as many as the task has, since they share the last layer."));
  m_pretrainClasses->setNoneText(tr("every class"));
  m_pretrainShotsLabel->setText(tr("Their images per class"));
  m_pretrainShots->setSpecialValueText(tr("all"));
  m_pretrainShots->setToolTip(tr("At most this many training images of each pretraining class."));
  m_transferApply->setText(tr("Restart with this task"));
  m_transferApply->setToolTip(tr("Starts both runs again with the classes, images and pretraining chosen above."));
  m_afterLabel->setText(tr("Then"));
  m_after->setToolTip(tr("What the pretrained layers do when the task starts: keep their features frozen "
                         "under a new last layer (feature extraction), go on learning under a new last layer "
                         "(fine-tuning), or simply go on."));
  for (int i = 0; i < m_after->count(); ++i) {
    const QString mode = m_after->itemData(i).toString();
    m_after->setItemText(i, mode == QLatin1String("frozen")     ? tr("new last layer, the rest frozen")
                            : mode == QLatin1String("finetune") ? tr("new last layer, all fine-tuned")
                            : mode == QLatin1String("continue") ? tr("every layer goes on learning")
                                                                : tr("as the file says"));
  }
  m_layerBox->setTitle(tr("Layers with weights"));
  m_layers->setHorizontalHeaderLabels({tr("Layer"), tr("Frozen"), QString()});
  m_layers->setToolTip(tr("A frozen layer keeps its weights while the others learn (fine-tuning); "
                          "\"New weights\" starts one layer again from random weights."));

  m_imageLabel->setText(tr("Test image"));
  m_imageSpin->setToolTip(tr("Which test image the feature maps show (or click a mistake)."));
  m_clear->setText(tr("Clear"));
  m_useTest->setText(tr("Copy the test image"));
  m_useTest->setToolTip(tr("Put the selected test image on the canvas, to change it by hand."));
  m_openImage->setText(tr("Open image…"));
  m_openImage->setToolTip(tr("A photo or scan of a digit (or any picture) onto the canvas; you can also drop an "
                             "image file on it. Dark ink on white paper is inverted to match the data."));
  m_drawnTitle->setText(tr("What the network says about your drawing (it is shrunk to the images' size, as "
                           "the digits were scanned):"));
  m_shiftLabel->setText(tr("Move the test image (x, y)"));
  m_shiftXSlider->setToolTip(tr("Pixels to the right"));
  m_shiftYSlider->setToolTip(tr("Pixels down"));
  m_maps->setPlaceholder(tr("No network yet."));
  m_filters->setPlaceholder(tr("The first layer has no filters to draw."));
  m_mistakes->setPlaceholder(tr("No mistakes on the test images."));
  m_loss->setAxisTitles(tr("step"), tr("loss"));
  m_accuracy->setAxisTitles(tr("step"), tr("validation accuracy"));
  m_gradients->setAxisTitles(tr("step"), tr("gradient norm"));
  m_chartKey->setText(m_presentation
                          ? tr("Colours as on the score board. Loss: solid line training (per step), "
                               "dashed validation.")
                          : tr("Colours as on the score board. Loss: solid line training (per step), dashed "
                               "validation; right: the gradient norm of each layer with weights (log scale)."));
  for (const dl::CnnConfig* c : {&m_config, m_compare ? &*m_compare : nullptr})
    if (c && c->pretrain.steps > 0) {
      m_chartKey->setText(m_chartKey->text() + QLatin1Char(' ') +
                          tr("Until step %1 a pretraining run learns its pretraining classes and is validated on "
                             "them; after it, its curves are the task's (a new head starts from chance).")
                              .arg(thousands(c->pretrain.steps)));
      break;
    }
  m_loss->setTitle(tr("Loss"));
  m_accuracy->setTitle(tr("Validation accuracy"));
  m_gradients->setTitle(tr("Gradient norm per layer"));
  showWatchLine(m_watch, m_preset);
  showBanner();
  updatePlayButton();
  fillLayerTable();
  // Lines and their names follow the runs.
  QStringList lossNames, accNames;
  for (int r = 0; r < static_cast<int>(m_nets.size()); ++r) {
    lossNames << tr("%1 · training").arg(runName(r)) << tr("%1 · validation").arg(runName(r));
    accNames << runName(r);
  }
  if (m_loss->lineCount() == lossNames.size()) {
    m_loss->setLineNames(lossNames);
    m_accuracy->setLineNames(accNames);
  }
  refreshScores();
  refreshShift();
  refreshMistakes();
}

QString CnnLab::runName(int run) const {
  const dl::CnnConfig& c = run == 0 || !m_compare ? m_config : *m_compare;
  if (!c.name.empty()) {
    const QString name = QString::fromStdString(c.name);
    if (const dlio::PresetEntry* e = dlio::PresetCatalog::builtIn().entry(name))
      return e->title.in(currentLanguage());
    return name;
  }
  return run == 0 ? tr("This network") : tr("Compared with");
}

namespace {
QString labelList(const std::vector<int>& v, int offset = 0) {
  QStringList parts;
  for (int x : v) parts << QString::number(x + offset);
  return parts.join(QStringLiteral(", "));
}

bool sameConfig(const dl::CnnConfig& a, const dl::CnnConfig& b) { return dlio::cnnToJson(a) == dlio::cnnToJson(b); }

// The transfer box's "then" choices as what happens to `layers` weighted layers at the switch:
// "frozen" a new last layer, the others frozen; "finetune" a new last layer; "continue" nothing.
void setSwitch(dl::CnnPretrainConfig& p, const QString& mode, int layers) {
  p.reinitialize.clear();
  p.freeze.clear();
  if (mode != QLatin1String("continue")) p.reinitialize = {layers - 1};
  if (mode == QLatin1String("frozen"))
    for (int l = 0; l + 1 < layers; ++l) p.freeze.push_back(l);
}
}  // namespace

// What the switch does to the layers, as the board and the box's tooltip say it ("" for nothing).
QString CnnLab::switchText(const dl::CnnPretrainConfig& p) const {
  QStringList at;
  if (!p.reinitialize.empty()) at << tr("new weights for layer(s) %1").arg(labelList(p.reinitialize, 1));
  if (!p.freeze.empty()) at << tr("layer(s) %1 frozen").arg(labelList(p.freeze, 1));
  return at.join(QStringLiteral("; "));
}

bool CnnLab::pretrainingAt(int run, long long step) const {
  const dl::CnnConfig& c = run == 0 || !m_compare ? m_config : *m_compare;
  return c.pretrain.steps > 0 && step < c.pretrain.steps;
}

QString CnnLab::pretrainSummary(int run) const {
  const dl::CnnConfig& c = run == 0 || !m_compare ? m_config : *m_compare;
  const dl::CnnPretrainConfig& p = c.pretrain;
  if (p.steps <= 0) return QString();
  QString at = switchText(p);
  if (at.isEmpty()) at = tr("every layer keeps learning");
  const QString task = c.data.classes.empty() ? tr("every class") : tr("classes %1").arg(labelList(c.data.classes));
  const QString shots = c.data.perClass > 0 ? tr("%1 training images each").arg(c.data.perClass)
                                            : tr("all their training images");
  return tr("Steps 1–%1: pretraining on classes %2 (the validation curve is on those classes). "
            "Then %3, and the task: %4, %5.")
      .arg(thousands(p.steps), labelList(p.classes), at, task, shots);
}

QString CnnLab::changeTitle() const {
  const dl::CnnDataConfig& d = m_config.data;
  if (d.testShiftX == 0 && d.testShiftY == 0 && !d.testFlip) return QString();
  QStringList parts;
  if (d.testShiftX != 0 || d.testShiftY != 0)
    parts << tr("moved %1, %2 px").arg(d.testShiftX).arg(d.testShiftY);
  if (d.testFlip) parts << tr("mirrored");
  return tr("test, %1").arg(parts.join(QStringLiteral(", ")));
}

void CnnLab::fillLayerTable() {
  if (m_nets.empty()) {
    m_layers->setRowCount(0);
    return;
  }
  const dl::Network& net = *m_nets[0];
  // The weighted layers: the stack's layers with parameters, in order.
  std::vector<int> weighted;
  for (int i = 0; i < net.stackSize(); ++i)
    if (net.stackLayer(i).paramCount() > 0 && std::string(net.stackLayer(i).kind()) != "batch_norm2d" &&
        std::string(net.stackLayer(i).kind()) != "batch_norm")
      weighted.push_back(i);
  const int rows = std::min(net.layerCount(), static_cast<int>(weighted.size()));
  if (m_layers->rowCount() != rows) {
    m_layers->setRowCount(rows);
    for (int l = 0; l < rows; ++l) {
      auto* frozen = new QCheckBox(m_layers);
      frozen->setObjectName(QStringLiteral("cnnFrozen%1").arg(l));
      connect(frozen, &QCheckBox::toggled, this, [this, l](bool on) { setLayerFrozen(l, on); });
      auto* cell = new QWidget(m_layers);
      auto* cl = new QHBoxLayout(cell);
      cl->setContentsMargins(4, 0, 4, 0);
      cl->addWidget(frozen, 0, Qt::AlignCenter);
      m_layers->setCellWidget(l, 1, cell);
      auto* fresh = new QPushButton(m_layers);
      fresh->setObjectName(QStringLiteral("cnnReinit%1").arg(l));
      connect(fresh, &QPushButton::clicked, this, [this, l] { reinitializeLayer(l); });
      m_layers->setCellWidget(l, 2, fresh);
    }
  }
  for (int l = 0; l < rows; ++l) {
    const dl::Layer& layer = net.stackLayer(weighted[static_cast<std::size_t>(l)]);
    auto* item = new QTableWidgetItem(QStringLiteral("%1. %2 → %3")
                                          .arg(l + 1)
                                          .arg(QString::fromUtf8(layer.kind()), shapeText(layer.outputShape())));
    item->setToolTip(tr("%n parameter(s)", nullptr, static_cast<int>(layer.paramCount())));
    m_layers->setItem(l, 0, item);
    if (auto* b = qobject_cast<QPushButton*>(m_layers->cellWidget(l, 2))) {
      b->setText(tr("New weights"));
      b->setToolTip(tr("Give this layer new random weights; the other layers keep what they learned."));
    }
  }
  m_layers->resizeColumnsToContents();
  // The column is as wide as the table: no "New weights" button cut at its edge.
  int width = 2 * m_layers->frameWidth();
  for (int c = 0; c < m_layers->columnCount(); ++c)
    width += std::max(m_layers->columnWidth(c), m_layers->horizontalHeader()->sectionSizeHint(c));
  m_layers->setMinimumWidth(width);
  int height = 2 * m_layers->frameWidth() + m_layers->horizontalHeader()->height();
  for (int r = 0; r < m_layers->rowCount(); ++r) height += m_layers->rowHeight(r);
  m_layers->setMinimumHeight(height);
}

// ---------------------------------------------------------------- configuration

void CnnLab::showConfig() {
  const QSignalBlocker b1(m_source), b2(m_moveX), b3(m_moveY), b4(m_mirror), b5(m_permute), b6(m_batch), b7(m_steps),
      b8(m_shiftAug), b9(m_rotate), b10(m_flip), b11(m_noise);
  const int i = m_source->findData(QString::fromStdString(m_config.data.source));
  m_source->setCurrentIndex(std::max(0, i));
  m_moveX->setValue(m_config.data.testShiftX);
  m_moveY->setValue(m_config.data.testShiftY);
  m_mirror->setChecked(m_config.data.testFlip);
  m_permute->setChecked(m_config.data.permute);
  m_lr->setValue(m_config.optimizer.learningRate);
  m_batch->setValue(m_config.training.batchSize);
  m_steps->setValue(static_cast<int>(std::min<long long>(m_config.training.steps, m_steps->maximum())));
  m_shiftAug->setValue(m_config.augment.maxShift);
  m_rotate->setValue(m_config.augment.maxRotation);
  m_flip->setValue(m_config.augment.flipProbability);
  m_noise->setValue(m_config.augment.noise);
  showTransfer();
}

QString CnnLab::afterPretraining(const dl::CnnConfig& c) const {
  const int layers = m_nets.empty() ? 0 : m_nets[0]->layerCount();
  // The box's choice whose switch this is (a network of one weighted layer has no "frozen").
  for (const char* mode : {"frozen", "finetune", "continue"}) {
    const std::string_view m(mode);
    if ((m == "frozen" && layers < 2) || (m == "finetune" && layers < 1)) continue;
    dl::CnnPretrainConfig p;
    setSwitch(p, QLatin1String(mode), layers);
    if (p.reinitialize == c.pretrain.reinitialize && p.freeze == c.pretrain.freeze) return QLatin1String(mode);
  }
  return QStringLiteral("file");
}

void CnnLab::showTransfer() {
  const QSignalBlocker b1(m_shots), b2(m_pretrainSteps), b3(m_pretrainShots), b4(m_after);
  const dl::CnnConfig& c = m_config;
  m_taskClasses->setClassNames(m_classNames);
  m_taskClasses->setChosen(c.data.classes);
  m_shots->setValue(c.data.perClass);
  m_pretrainSteps->setValue(static_cast<int>(std::min<long long>(c.pretrain.steps, m_pretrainSteps->maximum())));
  m_pretrainClasses->setClassNames(m_classNames);
  m_pretrainClasses->setChosen(c.pretrain.classes);
  m_pretrainShots->setValue(c.pretrain.perClass);
  // "As the file says" is a choice only while the configuration is such a combination.
  const QString mode = afterPretraining(c);
  const int fileItem = m_after->findData(QStringLiteral("file"));
  if (mode == QLatin1String("file") && fileItem < 0) {
    m_after->addItem(tr("as the file says"), QStringLiteral("file"));
  } else if (mode != QLatin1String("file") && fileItem >= 0) {
    m_after->removeItem(fileItem);
  }
  m_after->setCurrentIndex(std::max(0, m_after->findData(mode)));
  if (mode == QLatin1String("file")) m_after->setItemData(m_after->currentIndex(), switchText(c.pretrain), Qt::ToolTipRole);
  transferEdited();
}

bool CnnLab::useImageFolder(const QString& dir, QString* error) {
  dl::CnnConfig c = m_config;
  std::optional<dl::CnnConfig> other = m_compare;
  const auto point = [&](dl::CnnConfig& x) {
    x.data.source = "folder";
    x.data.folder = dir.toStdString();
    x.data.folderSize = m_data ? static_cast<int>(m_data->shape.height) : 28;
    x.data.folderRgb = false;
    x.data.permute = false;
  };
  // A comparison trained on the same images as the run follows it to the folder.
  if (other && other->data == m_config.data) point(*other);
  point(c);
  // One output per class, as the reader will count them.
  const qsizetype classes = dlio::imageFolderClasses(dir).size();
  for (dl::CnnConfig* x : {&c, other ? &*other : nullptr})
    if (x && classes >= 2 && !x->layers.empty() && x->layers.back().kind == "dense")
      x->layers.back().units = static_cast<dl::Index>(classes);
  return setConfig(c, other, error);
}

void CnnLab::applyControls() {
  if (m_source->currentData().toString() == QLatin1String("folder") && m_config.data.source != "folder") {
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("A folder of images with one sub-folder per class"), QString::fromStdString(m_config.data.folder));
    QString error;
    if (dir.isEmpty() || !useImageFolder(dir, &error)) {
      if (!error.isEmpty()) emit statusMessage(error);
      showConfig();
    }
    return;
  }
  dl::CnnConfig c = m_config;
  std::optional<dl::CnnConfig> other = m_compare;
  const auto apply = [&](dl::CnnConfig& x, bool sameData) {
    if (sameData) {
      x.data.source = m_source->currentData().toString().toStdString();
      x.data.permute = m_permute->isChecked();
    }
    x.data.testShiftX = m_moveX->value();
    x.data.testShiftY = m_moveY->value();
    x.data.testFlip = m_mirror->isChecked();
    x.optimizer.learningRate = m_lr->value();
    x.training.batchSize = m_batch->value();
    x.training.steps = m_steps->value();
    x.augment.maxShift = m_shiftAug->value();
    x.augment.maxRotation = m_rotate->value();
    x.augment.flipProbability = m_flip->value();
    x.augment.noise = m_noise->value();
  };
  const std::string oldSource = m_config.data.source;
  apply(c, true);
  // Another data set: the class numbers of the old one mean nothing there, so the task and the
  // pretraining start over on every class, with one output each.
  const auto newSource = [&](dl::CnnConfig& x, const std::string& before) {
    if (x.data.source == before) return;
    x.data.classes.clear();
    x.data.perClass = 0;
    x.pretrain = {};
    if (!x.layers.empty() && x.layers.back().kind == "dense")
      x.layers.back().units = x.data.source == "shapes" ? static_cast<dl::Index>(dl::shapeClassNames().size()) : 10;
  };
  newSource(c, oldSource);
  // A comparison on other images (unshuffled) keeps its own data set; one on the same keeps following.
  if (other) {
    const std::string before = other->data.source;
    apply(*other, other->data.source == m_config.data.source && other->data.permute == m_config.data.permute);
    newSource(*other, before);
  }
  if (sameConfig(c, m_config) && (!other || sameConfig(*other, *m_compare))) return;
  QString error;
  if (!setConfig(c, other, &error)) {
    emit statusMessage(error);
    showConfig();  // the controls go back to what still runs
  }
}

namespace {
bool sameSet(std::vector<int> a, std::vector<int> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  return a == b;
}
}  // namespace

// The transfer box as a configuration: the task for both runs (a comparison on the same task
// follows it, so that they stay comparable), the pretraining for this run only.
bool CnnLab::transferConfig(dl::CnnConfig* run, std::optional<dl::CnnConfig>* other) const {
  *run = m_config;
  *other = m_compare;
  const auto outputsFor = [](dl::CnnConfig& x, int classes) {
    if (classes >= 2 && !x.layers.empty() && x.layers.back().kind == "dense") x.layers.back().units = classes;
  };
  const std::vector<int> task = m_taskClasses->chosen();
  const auto applyTask = [&](dl::CnnConfig& x) {
    if (!sameSet(x.data.classes, task)) {
      x.data.classes = task;  // in the buttons' order; a file's own order stays until the classes are edited
      outputsFor(x, task.empty() ? static_cast<int>(m_classNames.size()) : static_cast<int>(task.size()));
    }
    x.data.perClass = m_shots->value();
  };
  if (*other && other->value().data.source == m_config.data.source &&
      sameSet(other->value().data.classes, m_config.data.classes) && other->value().data.perClass == m_config.data.perClass)
    applyTask(**other);
  applyTask(*run);
  dl::CnnPretrainConfig& p = run->pretrain;
  p.steps = m_pretrainSteps->value();
  if (p.steps == 0) {
    p = {};
  } else {
    if (!sameSet(p.classes, m_pretrainClasses->chosen())) p.classes = m_pretrainClasses->chosen();
    p.perClass = m_pretrainShots->value();
    const int layers = m_nets.empty() ? 0 : m_nets[0]->layerCount();
    const QString mode = m_after->currentData().toString();
    if (mode != QLatin1String("file") && layers > 0) setSwitch(p, mode, layers);
  }
  const bool runChanged = !sameConfig(*run, m_config);
  const bool otherChanged = *other && !sameConfig(**other, *m_compare);
  // Another task or pretraining is no longer the preset it came from: the board must not call it that.
  if (runChanged) run->name.clear(), run->description.clear();
  if (otherChanged) (*other)->name.clear(), (*other)->description.clear();
  return runChanged || otherChanged;
}

// The box's edits wait for its button, since a task is several clicks (five classes, then the
// pretraining's): restarting at each would train on half-chosen classes.
void CnnLab::transferEdited() {
  const bool pretraining = m_pretrainSteps->value() > 0;
  for (QWidget* w : std::initializer_list<QWidget*>{m_pretrainClassesLabel, m_pretrainClasses, m_pretrainShotsLabel,
                                                    m_pretrainShots, m_afterLabel, m_after})
    w->setEnabled(pretraining);
  dl::CnnConfig run;
  std::optional<dl::CnnConfig> other;
  m_transferApply->setEnabled(transferConfig(&run, &other));
  m_transferError->clear();
  m_transferError->hide();
}

bool CnnLab::applyTransfer() {
  dl::CnnConfig run;
  std::optional<dl::CnnConfig> other;
  if (!transferConfig(&run, &other)) return true;
  QString error;
  if (!setConfig(run, other, &error)) {
    // The box keeps what was asked, to be corrected; the runs go on as they were.
    m_transferError->setText(error);
    m_transferError->show();
    emit statusMessage(error);
    return false;
  }
  return true;
}

// The red line over the lab when Fashion-MNIST was asked for and is missing; hidden otherwise.
void CnnLab::showBanner() {
  m_banner->setStyleSheet(warningStyle());
  m_banner->setVisible(!m_fallback.isEmpty());
  if (!m_fallback.isEmpty())
    m_banner->setText(tr("Fashion-MNIST is not installed (%1). Showing the digits instead; install it with: "
                         "apt-get install dataset-fashion-mnist")
                          .arg(m_fallback));
}

bool CnnLab::setConfig(const dl::CnnConfig& config, const std::optional<dl::CnnConfig>& compare, QString* error) {
  const dl::CnnConfig oldConfig = m_config;
  const std::optional<dl::CnnConfig> oldCompare = m_compare;
  m_config = config;
  m_compare = compare;
  if (!restart(error)) {
    m_config = oldConfig;
    m_compare = oldCompare;
    return false;
  }
  showConfig();
  return true;
}

bool CnnLab::restart(QString* error) {
  // Everything is built first; only when all of it works does it replace what runs.
  std::vector<dl::CnnConfig> configs = {m_config};
  if (m_compare) configs.push_back(*m_compare);
  std::vector<std::shared_ptr<const dl::CnnData>> data;
  std::vector<std::unique_ptr<dl::CnnTrainer>> trainers;
  std::vector<std::unique_ptr<dl::Network>> nets;
  QString fallback;
  QStringList classNames;  // run 0's data set's, every class
  QApplication::setOverrideCursor(Qt::WaitCursor);
  try {
    for (dl::CnnConfig& c : configs) {
      std::shared_ptr<const dl::CnnData> d;
      for (const DataCache& k : m_cache)
        if (k.config == c.data) d = k.data;
      if (!d) {
        try {
          if (c.data.source == "fashion-mnist") {
            m_banner->setStyleSheet(noticeStyle());
            m_banner->setText(tr("Loading Fashion-MNIST: 70,000 images of 28×28…"));
            m_banner->show();
          }
          d = loadKeepingWindowAlive(c.data);
        } catch (const dlio::IoError& e) {
          if (c.data.source != "fashion-mnist") throw;
          // Fashion-MNIST missing: say how to get it, and train on the digits meanwhile.
          fallback = e.message();
          c.data.source = "digits";
          c.data.limit = 0;
          d = dlio::loadCnnData(c.data);
        }
        m_cache.push_back({c.data, d});
        if (m_cache.size() > 4) m_cache.erase(m_cache.begin());
      }
      if (&c == &configs.front()) {
        classNames.clear();
        for (const std::string& n : d->classNames) classNames << QString::fromStdString(n);
      }
      trainers.push_back(std::make_unique<dl::CnnTrainer>(c, d));
      nets.push_back(std::make_unique<dl::Network>(
          dl::Shape{d->shape.channels, d->shape.height, d->shape.width, 1}, c.layers));
      data.push_back(trainers.back()->dataPointer());  // the classes it trains on (data.classes)
    }
  } catch (const dlio::IoError& e) {
    QApplication::restoreOverrideCursor();
    showBanner();
    if (error) *error = e.message();
    return false;
  } catch (const dl::ConfigError& e) {
    QApplication::restoreOverrideCursor();
    showBanner();
    if (error) *error = dlio::ErrorText::of(e);
    return false;
  } catch (const dl::DataError& e) {
    QApplication::restoreOverrideCursor();
    showBanner();
    if (error) *error = dlio::ErrorText::of(e);
    return false;
  } catch (const std::exception& e) {
    QApplication::restoreOverrideCursor();
    showBanner();
    if (error) *error = dlio::ErrorText::of(e);
    return false;
  }
  QApplication::restoreOverrideCursor();
  if (!fallback.isEmpty()) {
    m_config.data.source = configs[0].data.source;
    if (m_compare) m_compare->data.source = configs.back().data.source;
  }
  m_fallback = fallback;
  showBanner();
  m_paramCounts.clear();
  for (const auto& t : trainers) m_paramCounts.push_back(static_cast<long long>(t->network().params().size()));
  for (std::size_t r = 0; r < nets.size(); ++r) {
    nets[r]->params() = trainers[r]->network().params();
    nets[r]->buffers() = trainers[r]->network().buffers();
  }
  m_nets = std::move(nets);
  m_runData = data;
  m_data = data.front();
  m_classNames = classNames;
  m_views.assign(m_nets.size(), RunView{});
  m_reports.assign(m_nets.size(), nullptr);
  m_shiftChanges.assign(m_nets.size(), ShiftChange{});
  m_haveWeights = true;
  setSimulation(std::make_unique<CnnSimulation>(std::move(trainers)), m_config.training.steps);

  // Charts: a training and a validation loss line per run, an accuracy line per run, and a
  // gradient-norm line per weighted layer of the run.
  QStringList lossNames, accNames, gradNames;
  std::vector<QColor> lossColours, accColours, gradColours;
  std::vector<bool> lossDashed;
  for (int r = 0; r < static_cast<int>(m_nets.size()); ++r) {
    lossNames << QString() << QString();
    lossColours.push_back(kRunColour[r]);
    lossColours.push_back(kRunColour[r].darker(150));
    lossDashed.push_back(false);
    lossDashed.push_back(true);
    accNames << QString();
    accColours.push_back(kRunColour[r]);
  }
  for (int l = 0; l < m_nets[0]->layerCount(); ++l) {
    gradNames << tr("layer %1").arg(l + 1);
    gradColours.push_back(QColor::fromHsv((l * 67) % 360, 200, 190));
  }
  m_loss->setLines(lossNames, lossColours, lossDashed);
  m_accuracy->setLines(accNames, accColours);
  m_gradients->setLines(gradNames, gradColours);
  for (LineChart* c : {m_loss, m_accuracy, m_gradients}) c->clear();

  const int tests = static_cast<int>(m_data->parts.test.size());
  {
    const QSignalBlocker b(m_imageSpin);
    m_imageSpin->setRange(0, std::max(0, tests - 1));
    m_image = std::clamp(m_image, 0, std::max(0, tests - 1));
    m_imageSpin->setValue(m_image);
  }
  QStringList classes;
  for (const std::string& n : m_data->classNames) classes << QString::fromStdString(n);
  m_drawnBars->setClasses(classes);
  m_shiftBars->setClasses(classes);
  m_confusion->setMatrix(Eigen::MatrixXi(), classes);
  m_layers->setRowCount(0);  // rebuilt for the new stack
  m_architecture->setInput(dl::Shape{m_data->shape.channels, m_data->shape.height, m_data->shape.width, 1});
  m_architecture->setLayers(m_config.layers);
  retranslateUi();
  QStringList runs;
  for (int r = 0; r < static_cast<int>(m_nets.size()); ++r) runs << runName(r);
  m_drawnBars->setRunNames(runs);
  m_shiftBars->setRunNames(runs);
  refreshNetworkViews();
  updatePlayButton();
  return true;
}

// ---------------------------------------------------------------- Lab

bool CnnLab::loadPreset(const QString& name, QString* error) {
  dl::CnnConfig c;
  std::optional<dl::CnnConfig> other;
  try {
    c = dlio::readCnnPreset(name);
    if (const dlio::PresetEntry* e = dlio::PresetCatalog::builtIn().entry(name); e && !e->compare.isEmpty())
      other = dlio::readCnnPreset(e->compare);
  } catch (const dlio::IoError& e) {
    if (error) *error = e.message();
    return false;
  }
  const dlio::PresetEntry* entry = dlio::PresetCatalog::builtIn().entry(name);
  if (entry && (entry->view == QLatin1String("convolution") || entry->view == QLatin1String("kernels") ||
                entry->view == QLatin1String("architecture") || entry->view == QLatin1String("resampling"))) {
    // A preset about the operation itself: its tab, set up to show the claim; the training tab
    // keeps what it had.
    if (!showFocus(entry->view, entry->focus, error)) return false;
    m_preset = name;
    m_focusPreset = true;
    retranslateUi();
    return true;
  }
  if (!setConfig(c, other, error)) return false;
  m_preset = name;
  m_focusPreset = false;
  m_tabs->setCurrentIndex(0);
  retranslateUi();
  // One click: the preset trains to the step its claim is measured at.
  runner().setRunning(true);
  updatePlayButton();
  return true;
}

bool CnnLab::showFocus(const QString& view, const QString& focus, QString* error) {
  const auto fail = [&](const QString& why) {
    if (error) *error = QStringLiteral("preset focus '%1': %2").arg(focus, why);
    return false;
  };
  const auto numbers = [](const QString& list) {
    std::vector<int> out;
    for (const QString& part : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) out.push_back(part.trimmed().toInt());
    return out;
  };
  if (view == QLatin1String("convolution")) {
    if (focus.startsWith(QLatin1String("window:"))) {
      const std::vector<int> v = numbers(focus.mid(7));
      if (v.size() != 5) return fail(QStringLiteral("window needs n,k,s,p,d"));
      m_convolution->setConvGeometry(v[0], v[1], v[2], v[3], v[4]);
      m_convolution->pages()->setCurrentIndex(0);
    } else if (focus.startsWith(QLatin1String("stack:"))) {
      const std::vector<int> d = numbers(focus.mid(6));
      if (d.empty() || d.size() > 4) return fail(QStringLiteral("stack needs 1 to 4 dilations"));
      m_convolution->setStack(d, std::vector<int>(d.size(), 1));
      const int mid = m_convolution->stackOutputSize() / 2;
      m_convolution->selectStackOutput(mid, mid);
      m_convolution->pages()->setCurrentIndex(1);
    } else if (focus == QLatin1String("gridding")) {
      m_convolution->pages()->setCurrentIndex(2);
    } else {
      return fail(QStringLiteral("unknown"));
    }
    m_tabs->setCurrentWidget(m_convolution);
  } else if (view == QLatin1String("kernels")) {
    const QStringList parts = focus.split(QLatin1Char('/'));
    if (parts.size() != 2 || !m_kernels->selectKernel(parts[0]) || !m_kernels->selectImage(parts[1]))
      return fail(QStringLiteral("needs kernel/image"));
    m_tabs->setCurrentWidget(m_kernels);
  } else if (view == QLatin1String("resampling")) {
    if (!m_resampling->showFocus(focus, error)) return false;
    m_tabs->setCurrentWidget(m_resampling);
  } else {
    using C = ArchitectureView::Comparison;
    const QStringList ids = {QStringLiteral("three-vs-seven"), QStringLiteral("two-vs-five"),
                             QStringLiteral("bottleneck"), QStringLiteral("weight-sharing")};
    const int i = static_cast<int>(ids.indexOf(focus));
    if (i < 0) return fail(QStringLiteral("unknown"));
    m_architecture->setComparison(static_cast<C>(i));
    m_tabs->setCurrentWidget(m_architecture);
  }
  return true;
}

bool CnnLab::openFile(const QString& path, QString* error) {
  dl::CnnConfig c;
  try {
    c = dlio::readCnnFile(path);
  } catch (const dlio::IoError& e) {
    if (error) *error = e.message();
    return false;
  }
  m_focusPreset = false;
  if (!setConfig(c, std::nullopt, error)) {
    if (error && !error->startsWith(path)) *error = QStringLiteral("%1: %2").arg(path, *error);
    return false;
  }
  m_preset.clear();
  m_tabs->setCurrentIndex(0);
  retranslateUi();
  return true;
}

void CnnLab::setPresentationMode(bool on) {
  m_presentation = on;
  for (LineChart* c : {m_loss, m_accuracy, m_gradients}) c->setPresentationMode(on);
  for (TileGrid* g : {m_filters, m_maps, m_mistakes, m_shiftMaps}) g->setPresentationMode(on);
  m_confusion->setPresentationMode(on);
  m_architecture->setPresentationMode(on);
  m_convolution->setPresentationMode(on);
  m_kernels->setPresentationMode(on);
  m_resampling->setPresentationMode(on);
  m_drawnBars->setPresentationMode(on);
  m_shiftBars->setPresentationMode(on);
  // On a projector the gradient chart gives its room to the two the claims are read from.
  m_gradients->setVisible(!on);
  retranslateUi();
}

bool CnnLab::finish(int timeoutMs) {
  if (m_focusPreset) return true;  // its tab shows the claim as loaded; nothing to train
  const long long target = m_config.training.steps;
  return finishAt(target, timeoutMs, [this, target] {
    bool all = !m_views.empty();
    for (const RunView& v : m_views) all = all && (v.step >= target || v.divergence) && v.testAccuracy >= 0;
    return all;
  });
}

QStringList CnnLab::grabPanels(const QString& dir) {
  return savePanels(dir, {{m_scoreBoard, QStringLiteral("cnn-scores.png")},
                          {m_loss, QStringLiteral("cnn-loss.png")},
                          {m_accuracy, QStringLiteral("cnn-accuracy.png")},
                          {m_viewTabs, QStringLiteral("cnn-view.png")}});
}

// ---------------------------------------------------------------- snapshots

void CnnLab::resetRequested() {
  QString error;
  if (!restart(&error)) emit statusMessage(error);
}

void CnnLab::onLabSnapshot(const std::shared_ptr<const LabSnapshot>& snapshot) {
  const auto snap = std::static_pointer_cast<const CnnSnapshot>(snapshot);
  const std::size_t runs = std::min(snap->runs.size(), m_nets.size());
  for (std::size_t r = 0; r < runs; ++r) {
    const CnnRunState& s = snap->runs[r];
    for (const dl::CnnStep& step : s.steps) {
      const double x = static_cast<double>(step.step);
      m_loss->append(static_cast<int>(2 * r), x, step.trainLoss);
      if (step.evaluated) {
        m_loss->append(static_cast<int>(2 * r + 1), x, step.valLoss);
        m_accuracy->append(static_cast<int>(r), x, step.valAccuracy);
        m_views[r].valAccuracy = step.valAccuracy;
      }
      if (r == 0)
        for (std::size_t l = 0; l < step.gradNorms.size() && static_cast<int>(l) < m_gradients->lineCount(); ++l)
          m_gradients->append(static_cast<int>(l), x, step.gradNorms[l]);
    }
    if (s.params.size() == m_nets[r]->params().size()) {
      m_nets[r]->params() = s.params;
      m_nets[r]->buffers() = s.buffers;
    }
    m_views[r].step = s.step;
    m_views[r].divergence = s.divergence;
    if (s.test) {
      m_reports[r] = s.test;
      m_views[r].testAccuracy = s.test->accuracy;
      m_views[r].changedAccuracy = s.test->changedAccuracy;
    }
    if (r == 0 && !s.frozen.empty())
      for (int l = 0; l < m_layers->rowCount() && l < static_cast<int>(s.frozen.size()); ++l)
        if (auto* cell = m_layers->cellWidget(l, 1))
          if (auto* box = cell->findChild<QCheckBox*>()) {
            const QSignalBlocker b(box);
            box->setChecked(s.frozen[static_cast<std::size_t>(l)]);
          }
  }
  if (snap->reachedStop) emit statusMessage(tr("Paused at step %1, where the preset's claim is measured.")
                                                .arg(thousands(m_config.training.steps)));
  refreshNetworkViews();
  if (std::any_of(snap->runs.begin(), snap->runs.end(), [](const CnnRunState& s) { return s.test != nullptr; }))
    refreshMistakes();
  refreshScoreNumbers();
  updatePlayButton();
}

void CnnLab::refreshScores() {
  const bool changed = !changeTitle().isEmpty();
  const auto set = [&](int r, int c, const QString& text) {
    m_scores[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)]->setText(text);
  };
  set(0, 0, QString());
  set(0, 1, tr("test accuracy"));
  set(0, 2, changed ? changeTitle() : QString());
  set(0, 3, tr("parameters"));
  set(0, 4, tr("step"));
  m_scores[0][1]->setToolTip(tr("Share of the test images (never trained on) classified right."));
  m_scores[0][2]->setToolTip(tr("The same test images moved or mirrored as the settings say."));
  QFont big = font();
  big.setPointSizeF(font().pointSizeF() * (m_presentation ? 1.6 : 1.35));
  big.setBold(true);
  for (int r = 0; r < 2; ++r) {
    const bool shown = r < static_cast<int>(m_views.size());
    for (int c = 0; c < kScoreColumns; ++c) {
      QLabel* l = m_scores[static_cast<std::size_t>(r + 1)][static_cast<std::size_t>(c)];
      l->setVisible(shown && (c != 2 || changed));
      l->setFont(big);
    }
    if (shown)
      m_scores[static_cast<std::size_t>(r + 1)][0]->setStyleSheet(
          QStringLiteral("QLabel { color: %1; }").arg(kRunColour[r].darker(120).name()));
  }
  m_scores[0][2]->setVisible(changed);
  refreshScoreNumbers();
}

// Called with every snapshot: only texts, and only those that changed. A font or style sheet set
// again, or a label given its own text, still costs a re-polish or a layout pass of the window,
// many times a second while a CNN trains flat out.
void CnnLab::refreshScoreNumbers() {
  for (int r = 0; r < 2 && r < static_cast<int>(m_views.size()); ++r)
    for (int c = 0; c < kScoreColumns; ++c)
      setTextIfChanged(m_scores[static_cast<std::size_t>(r + 1)][static_cast<std::size_t>(c)], scoreText(r, c));
  if (m_views.empty()) return;
  const RunView& v = m_views[0];
  QString status = tr("step %1 of %2").arg(thousands(v.step), thousands(m_config.training.steps));
  for (int r = 0; r < static_cast<int>(m_views.size()); ++r) {
    const QString phase = pretrainSummary(r);
    if (phase.isEmpty()) continue;
    status += QLatin1Char('\n') + (m_views.size() > 1 ? runName(r) + QStringLiteral(": ") : QString()) + phase;
    if (pretrainingAt(r, m_views[static_cast<std::size_t>(r)].step))
      status += QLatin1Char(' ') + tr("Now pretraining.");
  }
  if (v.divergence) status += QLatin1Char('\n') + tr("diverged: %1").arg(QString::fromStdString(v.divergence->describe()));
  setTextIfChanged(statusLine(), status);
}

QString CnnLab::scoreText(int run, int column) const {
  if (run < 0 || run >= static_cast<int>(m_views.size())) return QString();
  const RunView& v = m_views[static_cast<std::size_t>(run)];
  switch (column) {
    case 0: return runName(run);
    case 1: return percentText(v.testAccuracy);
    case 2: return percentText(v.changedAccuracy);
    case 3: return thousands(m_paramCounts[static_cast<std::size_t>(run)]);
    case 4:
      return pretrainingAt(run, v.step) ? tr("%1 (pretraining)").arg(thousands(v.step)) : thousands(v.step);
    default: return QString();
  }
}

// ---------------------------------------------------------------- pictures of the network

std::vector<float> CnnLab::rawTestImage(int index) const {
  if (!m_data || index < 0 || index >= m_data->parts.test.size()) return {};
  dl::Matrix x = m_data->parts.test.X.col(index);
  m_data->standardizer.unapply(x);
  return std::vector<float>(x.data(), x.data() + x.size());
}

dl::Matrix CnnLab::prepared(const std::vector<float>& raw) const {
  dl::Matrix x = Eigen::Map<const Eigen::VectorXf>(raw.data(), static_cast<Eigen::Index>(raw.size())).cast<dl::Scalar>();
  if (m_config.data.permute) dl::permutePixels(x, m_data->shape, dl::pixelPermutation(m_data->shape, m_config.data.permutationSeed));
  if (!m_data->standardizer.mean.empty()) m_data->standardizer.apply(x);
  return x;
}

void CnnLab::selectImage(int index) {
  if (!m_data) return;
  m_image = std::clamp(index, 0, std::max(0, static_cast<int>(m_data->parts.test.size()) - 1));
  {
    const QSignalBlocker b(m_imageSpin);
    m_imageSpin->setValue(m_image);
  }
  refreshMaps();
  refreshShift();
}

void CnnLab::setShift(int dx, int dy) {
  m_shiftX = dx;
  m_shiftY = dy;
  {
    const QSignalBlocker b1(m_shiftXSlider), b2(m_shiftYSlider);
    m_shiftXSlider->setValue(dx);
    m_shiftYSlider->setValue(dy);
  }
  refreshShift();
}

void CnnLab::setLayerFrozen(int layer, bool frozen) {
  if (m_nets.empty() || layer < 0 || layer >= m_nets[0]->layerCount()) return;
  runner().post([layer, frozen](Simulation& s) {
    if (dl::CnnTrainer* t = static_cast<CnnSimulation&>(s).trainer(0)) t->setFrozen(layer, frozen);
  });
  emit statusMessage(frozen ? tr("Layer %1 is frozen: its weights stay as they are.").arg(layer + 1)
                            : tr("Layer %1 learns again.").arg(layer + 1));
}

bool CnnLab::layerFrozen(int layer) const {
  if (layer < 0 || layer >= m_layers->rowCount()) return false;
  const QWidget* cell = m_layers->cellWidget(layer, 1);
  const QCheckBox* box = cell ? cell->findChild<QCheckBox*>() : nullptr;
  return box && box->isChecked();
}

void CnnLab::reinitializeLayer(int layer) {
  if (m_nets.empty() || layer < 0 || layer >= m_nets[0]->layerCount()) return;
  const std::uint64_t seed = ++m_reinitSeed;
  runner().post(
      [layer, seed](Simulation& s) {
        if (dl::CnnTrainer* t = static_cast<CnnSimulation&>(s).trainer(0)) t->reinitializeLayer(layer, seed);
      },
      true);
  emit statusMessage(tr("Layer %1 has new random weights.").arg(layer + 1));
}

void CnnLab::refreshNetworkViews() {
  refreshFilters();
  refreshMaps();
  refreshDrawn();
  refreshShift();
}

void CnnLab::refreshFilters() {
  if (m_nets.empty()) return;
  const dl::Network& net = *m_nets[0];
  std::vector<TileGrid::Row> rows;
  // The first layer with weights: a convolution's kernels, or a dense layer's weights as images.
  for (int i = 0; i < net.stackSize(); ++i) {
    const dl::Layer& layer = net.stackLayer(i);
    if (layer.paramCount() == 0) continue;
    const std::string kind = layer.kind();
    const dl::Shape in = layer.inputShape();
    const dl::LayerSpec& spec = m_config.layers[static_cast<std::size_t>(i)];
    const auto params = net.stackParams(i);
    const dl::Scalar* w = net.params().data() + params.offset;
    TileGrid::Row row;
    if (kind == "conv2d") {
      const int out = static_cast<int>(spec.units);
      const int kh = static_cast<int>(spec.kernel), kw = static_cast<int>(spec.kernelWidth > 0 ? spec.kernelWidth : spec.kernel);
      const int cin = static_cast<int>(in.channels / std::max<dl::Index>(1, spec.groups));
      row.heading = tr("Filters of the first layer: %1 kernels of %2 × %3 × %4 (blue positive, orange negative)")
                        .arg(out)
                        .arg(cin)
                        .arg(kh)
                        .arg(kw);
      // W is (out, cin·kh·kw), column-major: kernel o's value (c, y, x) at column (c·kh + y)·kw + x.
      for (int o = 0; o < out && o < kMaxFilters; ++o) {
        Tile t;
        t.h = kh;
        t.w = kw;
        t.channels = 1;
        t.colour = Tile::Colour::Signed;
        t.values.resize(static_cast<std::size_t>(kh * kw));
        for (int y = 0; y < kh; ++y)
          for (int x = 0; x < kw; ++x) {
            double sum = 0;  // summed over the input channels (one channel: the kernel itself)
            for (int c = 0; c < cin; ++c) sum += w[static_cast<std::size_t>(((c * kh + y) * kw + x) * out + o)];
            t.values[static_cast<std::size_t>(y * kw + x)] = static_cast<float>(sum);
          }
        t.caption = QString::number(o + 1);
        row.tiles.push_back(std::move(t));
      }
    } else if (kind == "dense" && in.height * in.width > 1) {
      const int units = static_cast<int>(spec.units);
      const int n = static_cast<int>(in.size());
      row.heading = tr("Weights of the first layer: each of %1 units as a %2 × %3 image").arg(units).arg(in.height).arg(in.width);
      for (int u = 0; u < units && u < kMaxFilters; ++u) {
        Tile t;
        t.h = static_cast<int>(in.height);
        t.w = static_cast<int>(in.width);
        t.colour = Tile::Colour::Signed;
        t.values.resize(static_cast<std::size_t>(t.h * t.w));
        for (int p = 0; p < t.h * t.w && p < n; ++p)
          t.values[static_cast<std::size_t>(p)] = static_cast<float>(w[static_cast<std::size_t>(p * units + u)]);
        t.caption = QString::number(u + 1);
        row.tiles.push_back(std::move(t));
      }
    }
    if (!row.tiles.empty()) rows.push_back(std::move(row));
    break;
  }
  m_filters->setRows(std::move(rows));
}

void CnnLab::refreshMaps() {
  if (m_nets.empty() || !m_data || m_data->parts.test.size() == 0) return;
  const dl::Network& net = *m_nets[0];
  const std::vector<float> raw = rawTestImage(m_image);
  std::vector<dl::Matrix> outs;
  net.inferLayers(prepared(raw), outs);
  std::vector<TileGrid::Row> rows;
  const dl::ImageShape& shape = m_data->shape;
  TileGrid::Row input;
  const int truth = m_data->parts.test.labels[static_cast<std::size_t>(m_image)];
  input.heading = tr("Test image %1 (class %2)").arg(m_image).arg(QString::fromStdString(m_data->classNames[static_cast<std::size_t>(truth)]));
  Tile t;
  t.h = static_cast<int>(shape.height);
  t.w = static_cast<int>(shape.width);
  t.channels = static_cast<int>(shape.channels);
  t.values = raw;
  t.fixedRange = true;
  t.lo = 0;
  t.hi = 1;
  input.tiles.push_back(std::move(t));
  rows.push_back(std::move(input));
  for (int i = 0; i + 1 < net.stackSize(); ++i) {
    const dl::Layer& layer = net.stackLayer(i);
    const dl::Shape s = layer.outputShape();
    if (s.height * s.width <= 1 && std::string(layer.kind()) != "dense") continue;
    if (std::string(layer.kind()) == "flatten" || std::string(layer.kind()) == "dropout") continue;
    TileGrid::Row row;
    row.heading = QStringLiteral("%1. %2 · %3").arg(i + 1).arg(QString::fromUtf8(layer.kind()), shapeText(s));
    const dl::Matrix& y = outs[static_cast<std::size_t>(i)];
    if (s.height * s.width > 1) {
      const int plane = static_cast<int>(s.height * s.width);
      for (int c = 0; c < s.channels && c < kMaxMapsPerLayer; ++c) {
        Tile m;
        m.h = static_cast<int>(s.height);
        m.w = static_cast<int>(s.width);
        m.values.assign(y.data() + c * plane, y.data() + (c + 1) * plane);
        row.tiles.push_back(std::move(m));
      }
      if (s.channels > kMaxMapsPerLayer) row.heading += tr(" (first %1 of %2 maps)").arg(kMaxMapsPerLayer).arg(s.channels);
    } else {
      Tile m;  // a dense layer's outputs as one strip
      m.h = 1;
      m.w = static_cast<int>(s.size());
      m.values.assign(y.data(), y.data() + y.size());
      row.tiles.push_back(std::move(m));
    }
    rows.push_back(std::move(row));
  }
  m_maps->setRows(std::move(rows));
}

bool CnnLab::loadCanvasImage(const QString& path, QString* error) {
  try {
    const QImage picture = dlio::readImageFile(path);
    m_canvasError->hide();
    m_canvas->setPicture(picture);
    return true;
  } catch (const dl::DataError& e) {
    const QString message = dlio::ErrorText::of(e);
    m_canvasError->setText(message);
    m_canvasError->show();
    if (error) *error = message;
    return false;
  }
}

void CnnLab::refreshDrawn() {
  if (m_nets.empty() || !m_data) return;
  if (m_canvas->empty() || m_data->shape.channels != 1) {
    m_drawnBars->setProbabilities({});
    return;
  }
  const std::vector<float> raw = m_canvas->image(static_cast<int>(m_data->shape.height), static_cast<int>(m_data->shape.width));
  std::vector<std::vector<float>> probs;
  for (std::size_t r = 0; r < m_nets.size(); ++r) {
    if (m_runData[r]->shape.channels != m_data->shape.channels || m_runData[r]->shape.height != m_data->shape.height) continue;
    dl::Matrix logits;
    dl::Network::Workspace ws;
    m_nets[r]->infer(prepared(raw), logits, ws);
    probs.push_back(softmax(logits));
  }
  m_drawnBars->setProbabilities(probs);
}

void CnnLab::refreshShift() {
  if (m_nets.empty() || !m_data || m_data->parts.test.size() == 0) return;
  const std::vector<float> raw = rawTestImage(m_image);
  dl::Matrix moved = Eigen::Map<const Eigen::VectorXf>(raw.data(), static_cast<Eigen::Index>(raw.size())).cast<dl::Scalar>();
  dl::shiftImages(moved, m_data->shape, m_shiftX, m_shiftY);
  const std::vector<float> movedRaw(moved.data(), moved.data() + moved.size());
  std::vector<TileGrid::Row> rows;
  std::vector<std::vector<float>> probs;
  QStringList readout;
  for (std::size_t r = 0; r < m_nets.size(); ++r) {
    const dl::Network& net = *m_nets[r];
    std::vector<dl::Matrix> a, b;
    net.inferLayers(prepared(raw), a);
    net.inferLayers(prepared(movedRaw), b);
    ShiftChange change;
    int convAt = -1, poolAt = -1;
    for (int i = 0; i < net.stackSize(); ++i) {
      const std::string k = net.stackLayer(i).kind();
      if (convAt < 0 && k == "conv2d") {
        convAt = i;
        // the map after its activation, when one follows
        if (i + 1 < net.stackSize() && std::string(net.stackLayer(i + 1).kind()) == "activation") convAt = i + 1;
      }
      if (convAt >= 0 && poolAt < 0 && (k == "max_pool2d" || k == "avg_pool2d")) poolAt = i;
    }
    if (convAt >= 0) change.conv = relativeChange(a[static_cast<std::size_t>(convAt)], b[static_cast<std::size_t>(convAt)]);
    if (poolAt >= 0) change.pooled = relativeChange(a[static_cast<std::size_t>(poolAt)], b[static_cast<std::size_t>(poolAt)]);
    m_shiftChanges[r] = change;
    probs.push_back(softmax(b.back()));
    if (r == 0) {
      TileGrid::Row in;
      in.heading = tr("The test image moved by %1, %2").arg(m_shiftX).arg(m_shiftY);
      Tile t;
      t.h = static_cast<int>(m_data->shape.height);
      t.w = static_cast<int>(m_data->shape.width);
      t.values = movedRaw;
      t.fixedRange = true;
      t.lo = 0;
      t.hi = 1;
      in.tiles.push_back(std::move(t));
      rows.push_back(std::move(in));
      for (int at : {convAt, poolAt}) {
        if (at < 0) continue;
        const dl::Shape s = net.stackLayer(at).outputShape();
        const int plane = static_cast<int>(s.height * s.width);
        TileGrid::Row row;
        row.heading = at == poolAt ? tr("after pooling · %1").arg(shapeText(s)) : tr("first convolution · %1").arg(shapeText(s));
        const dl::Matrix& y = b[static_cast<std::size_t>(at)];
        for (int c = 0; c < s.channels && c < 8; ++c) {
          Tile m;
          m.h = static_cast<int>(s.height);
          m.w = static_cast<int>(s.width);
          m.values.assign(y.data() + c * plane, y.data() + (c + 1) * plane);
          row.tiles.push_back(std::move(m));
        }
        rows.push_back(std::move(row));
      }
    }
    const auto pct = [](double v) { return QString::number(100.0 * v, 'f', 0) + QLatin1Char('%'); };
    if (change.conv >= 0 && change.pooled >= 0)
      readout << tr("%1: the first convolution's maps change by %2, after pooling by %3.")
                     .arg(runName(static_cast<int>(r)), pct(change.conv), pct(change.pooled));
    else
      readout << tr("%1: no convolution to compare (a dense network sees every pixel on its own).").arg(runName(static_cast<int>(r)));
  }
  m_shiftMaps->setRows(std::move(rows));
  m_shiftBars->setProbabilities(probs);
  m_shiftReadout->setText(readout.join(QLatin1Char('\n')));
}

void CnnLab::refreshMistakes() {
  if (!m_data) return;
  QStringList classes;
  for (const std::string& n : m_data->classNames) classes << QString::fromStdString(n);
  const std::shared_ptr<const CnnTestReport> report = m_reports.empty() ? nullptr : m_reports[0];
  if (!report) {
    m_confusion->setMatrix(Eigen::MatrixXi(), classes);
    m_mistakes->setRows({});
    m_mistakesTitle->setText(QString());
    return;
  }
  m_confusion->setMatrix(report->confusion, classes);
  TileGrid::Row row;
  for (const CnnTestReport::Miss& m : report->misses) {
    Tile t;
    t.h = static_cast<int>(m_data->shape.height);
    t.w = static_cast<int>(m_data->shape.width);
    t.channels = static_cast<int>(m_data->shape.channels);
    t.values = rawTestImage(static_cast<int>(m.index));
    t.fixedRange = true;
    t.lo = 0;
    t.hi = 1;
    const float p = m.probabilities.empty() ? 0.f : m.probabilities[static_cast<std::size_t>(m.predicted)];
    t.caption = QStringLiteral("%1→%2 %3%")
                    .arg(classes.value(m.truth).left(6), classes.value(m.predicted).left(6))
                    .arg(static_cast<int>(std::lround(100 * p)));
    t.frame = QColor(207, 34, 46);
    row.tiles.push_back(std::move(t));
  }
  const long long wrong = report->confusion.sum() - report->confusion.trace();
  m_mistakesTitle->setText(tr("%1 of %2 test images wrong at step %3; the most confident mistakes first "
                              "(true → predicted, probability). Click one to see its feature maps.")
                               .arg(thousands(wrong), thousands(report->confusion.sum()), thousands(report->step)));
  std::vector<TileGrid::Row> rows;
  if (!row.tiles.empty()) rows.push_back(std::move(row));
  m_mistakes->setRows(std::move(rows));
}

}  // namespace dlui
