// The convolution-arithmetic view; see ConvArithmeticView.h.
#include "labs/cnn/ConvArithmeticView.h"

#include "labs/cnn/CellGrid.h"
#include "labs/cnn/ConvRun.h"

#include "core/Rng.h"
#include "data/Shapes.h"
#include "io/ImageFolder.h"
#include "nn/ConvArithmetic.h"
#include "widgets/ColumnScroll.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace dlui {

namespace {

constexpr int kMaxN = 16, kMinN = 3, kMaxK = 7, kMaxS = 4, kMaxP = 3, kMaxD = 4, kMaxLayers = 4;
const QColor kTap(0xff, 0x7f, 0x0e);       // the window's taps and the current output cell
const QColor kPadding(0xd8, 0xd0, 0xe8);   // the zero border
const QColor kSelected(0x2c, 0xa0, 0x2c);  // the stack's chosen output cell
constexpr double kMaxCellValue = 999;      // what a typed input or kernel value may be

std::vector<dl::ConvStage> stages(const std::vector<int>& dilations, const std::vector<int>& strides) {
  std::vector<dl::ConvStage> s;
  for (std::size_t i = 0; i < dilations.size(); ++i)
    s.push_back({3, strides[i], dilations[i], dilations[i]});  // "same" padding: d(k−1)/2 = d
  return s;
}

const std::vector<dl::ConvStage>& griddingStack(int which) {
  static const std::vector<dl::ConvStage> gridded{{3, 1, 2}, {3, 1, 2}, {3, 1, 2}};
  static const std::vector<dl::ConvStage> hybrid{{3, 1, 1}, {3, 1, 2}, {3, 1, 5}};
  return which == 0 ? gridded : hybrid;
}

// The bundled digits, read once.
const dl::Dataset* digits() {
  static const dl::Dataset* d = [] {
    try {
      return new dl::Dataset(dlio::loadBundledDigits());
    } catch (...) {
      return static_cast<dl::Dataset*>(nullptr);
    }
  }();
  return d;
}

bool parseNumber(QString text, double* v) {
  text.replace(QChar(0x2212), QLatin1Char('-'));
  bool ok = false;
  const double x = text.trimmed().toDouble(&ok);
  if (!ok || !std::isfinite(x) || std::abs(x) > kMaxCellValue) return false;
  *v = x;
  return true;
}

}  // namespace

ConvArithmeticView::ConvArithmeticView(QWidget* parent) : QWidget(parent) {
  m_input.assign(static_cast<std::size_t>(m_n * m_n), 0);
  m_kernel = defaultKernel(m_k);
  buildUi();
  fillInput(QStringLiteral("digit"));
  retranslateUi();
  onStackEdited();  // the middle output value chosen
  paintGridding();
}

ConvArithmeticView::~ConvArithmeticView() = default;

std::vector<double> ConvArithmeticView::defaultKernel(int k) const {
  // A vertical-edge detector: +1 left of the middle column, −1 right of it (k = 1: the identity).
  std::vector<double> w(static_cast<std::size_t>(k * k), 0);
  if (k == 1) return {1};
  for (int i = 0; i < k; ++i)
    for (int j = 0; j < k; ++j) w[static_cast<std::size_t>(i * k + j)] = j < k / 2 ? 1 : (2 * j + 1 > k ? -1 : 0);
  if (k % 2 == 0)
    for (int i = 0; i < k; ++i)
      for (int j = 0; j < k; ++j) w[static_cast<std::size_t>(i * k + j)] = j < k / 2 ? 1 : -1;
  return w;
}

void ConvArithmeticView::buildUi() {
  m_clock = new QTimer(this);
  m_clock->setInterval(700);
  connect(m_clock, &QTimer::timeout, this, [this] {
    if (outputSize() <= 0 || m_cursor + 1 >= outputSize() * outputSize()) {
      setPlaying(false);
      return;
    }
    stepWindow();
  });

  auto* top = new QVBoxLayout(this);
  top->setContentsMargins(0, 0, 0, 0);
  m_pages = new QTabWidget(this);
  m_pages->setObjectName(QStringLiteral("convPages"));
  top->addWidget(m_pages);

  // ================= page 1: the sliding window =================
  auto* windowPage = new QWidget(m_pages);
  auto* windowRow = new QHBoxLayout(windowPage);
  auto* column = new QWidget(windowPage);
  column->setObjectName(QStringLiteral("convControls"));
  auto* col = new QVBoxLayout(column);
  col->setContentsMargins(4, 4, 4, 4);

  m_geometryBox = new QGroupBox(column);
  auto* form = new QFormLayout(m_geometryBox);
  const auto spin = [&](QSpinBox*& box, QLabel*& label, int lo, int hi, int value, const char* name) {
    box = new QSpinBox(m_geometryBox);
    box->setRange(lo, hi);
    box->setValue(value);
    box->setObjectName(QString::fromLatin1(name));
    label = new QLabel(m_geometryBox);
    label->setBuddy(box);
    form->addRow(label, box);
    connect(box, &QSpinBox::valueChanged, this, &ConvArithmeticView::onGeometryEdited);
  };
  spin(m_nBox, m_nLabel, kMinN, kMaxN, m_n, "convInputSize");
  spin(m_kBox, m_kLabel, 1, kMaxK, m_k, "convKernelSize");
  spin(m_sBox, m_sLabel, 1, kMaxS, m_s, "convStride");
  spin(m_pBox, m_pLabel, 0, kMaxP, m_p, "convPadding");
  spin(m_dBox, m_dLabel, 1, kMaxD, m_d, "convDilation");
  col->addWidget(m_geometryBox);

  m_fillBox = new QGroupBox(column);
  auto* fillCol = new QVBoxLayout(m_fillBox);
  auto* fillRow = new QHBoxLayout;
  m_fill = new QComboBox(m_fillBox);
  m_fill->setObjectName(QStringLiteral("convFill"));
  for (const char* id : {"digit", "shape", "ramp", "zeros"}) m_fill->addItem(QString(), QString::fromLatin1(id));
  m_fill->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  m_fillButton = new QPushButton(m_fillBox);
  m_fillButton->setObjectName(QStringLiteral("convFillButton"));
  fillRow->addWidget(m_fill, 1);
  fillRow->addWidget(m_fillButton);
  fillCol->addLayout(fillRow);
  m_editHint = new QLabel(m_fillBox);
  m_editHint->setObjectName(QStringLiteral("convEditHint"));
  m_editHint->setWordWrap(true);
  fillCol->addWidget(m_editHint);
  col->addWidget(m_fillBox);
  connect(m_fillButton, &QPushButton::clicked, this, [this] { fillInput(m_fill->currentData().toString()); });
  connect(m_fill, &QComboBox::activated, this, [this] { fillInput(m_fill->currentData().toString()); });

  m_playBox = new QGroupBox(column);
  auto* playCol = new QVBoxLayout(m_playBox);
  auto* buttons = new QHBoxLayout;
  m_play = new QPushButton(m_playBox);
  m_play->setObjectName(QStringLiteral("convPlay"));
  m_play->setCheckable(true);
  m_step = new QPushButton(m_playBox);
  m_step->setObjectName(QStringLiteral("convStep"));
  m_reset = new QPushButton(m_playBox);
  m_reset->setObjectName(QStringLiteral("convReset"));
  buttons->addWidget(m_play);
  buttons->addWidget(m_step);
  buttons->addWidget(m_reset);
  playCol->addLayout(buttons);
  auto* speedRow = new QHBoxLayout;
  m_speedLabel = new QLabel(m_playBox);
  m_speed = new QSpinBox(m_playBox);
  m_speed->setObjectName(QStringLiteral("convSpeed"));
  m_speed->setRange(100, 3000);
  m_speed->setSingleStep(100);
  m_speed->setValue(700);
  m_speedLabel->setBuddy(m_speed);
  speedRow->addWidget(m_speedLabel);
  speedRow->addWidget(m_speed);
  playCol->addLayout(speedRow);
  col->addWidget(m_playBox);
  col->addStretch(1);
  connect(m_play, &QPushButton::toggled, this, &ConvArithmeticView::setPlaying);
  connect(m_step, &QPushButton::clicked, this, [this] {
    setPlaying(false);
    stepWindow();
  });
  connect(m_reset, &QPushButton::clicked, this, [this] {
    setPlaying(false);
    resetWindow();
  });
  connect(m_speed, &QSpinBox::valueChanged, m_clock, [this](int ms) { m_clock->setInterval(ms); });

  QScrollArea* scroll = scrollingColumn(column, windowPage);
  scroll->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Preferred);
  windowRow->addWidget(scroll);

  auto* picture = new QVBoxLayout;
  auto* grids = new QGridLayout;
  m_inTitle = new QLabel(windowPage);
  m_kTitle = new QLabel(windowPage);
  m_outTitle = new QLabel(windowPage);
  for (QLabel* l : {m_inTitle, m_kTitle, m_outTitle}) {
    l->setWordWrap(true);
    l->setAlignment(Qt::AlignHCenter | Qt::AlignBottom);
  }
  m_inGrid = new CellGrid(windowPage);
  m_inGrid->setObjectName(QStringLiteral("convInputGrid"));
  m_inGrid->setEditable(true);
  m_kGrid = new CellGrid(windowPage);
  m_kGrid->setObjectName(QStringLiteral("convKernelGrid"));
  m_kGrid->setEditable(true);
  m_outGrid = new CellGrid(windowPage);
  m_outGrid->setObjectName(QStringLiteral("convOutputGrid"));
  grids->addWidget(m_inTitle, 0, 0);
  grids->addWidget(m_kTitle, 0, 1);
  grids->addWidget(m_outTitle, 0, 2);
  grids->addWidget(m_inGrid, 1, 0, Qt::AlignTop);
  grids->addWidget(m_kGrid, 1, 1, Qt::AlignTop);
  grids->addWidget(m_outGrid, 1, 2, Qt::AlignTop);
  m_windowGrids = grids;
  grids->setRowStretch(1, 1);
  picture->addLayout(grids);
  m_dot = new QLabel(windowPage);
  m_dot->setObjectName(QStringLiteral("convDotProduct"));
  m_formula = new QLabel(windowPage);
  m_formula->setObjectName(QStringLiteral("convFormula"));
  m_warning = new QLabel(windowPage);
  m_warning->setObjectName(QStringLiteral("convWarning"));
  m_warning->setStyleSheet(QStringLiteral("color: #b00020;"));
  for (QLabel* l : {m_dot, m_formula, m_warning}) {
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    picture->addWidget(l);
  }
  picture->addStretch(1);  // the text stays right under the grids
  windowRow->addLayout(picture, 1);
  m_pages->addTab(windowPage, QString());

  connect(m_inGrid, &CellGrid::cellEdited, this, [this](int r, int c, const QString& text) {
    double v = 0;
    const int off = m_p;  // the grid shows the padded input
    if (r < off || c < off || r >= off + m_n || c >= off + m_n) {
      showEditMessage(tr("The grey border is zero padding: it is not part of the input and stays 0."));
      return;
    }
    if (!parseNumber(text, &v)) {
      showEditMessage(tr("“%1” is not a number between −999 and 999; the cell keeps its value.").arg(text));
      return;
    }
    editInput(r - off, c - off, v);
  });
  connect(m_inGrid, &CellGrid::cellStepped, this, [this](int r, int c, int delta) {
    const int off = m_p;
    if (r < off || c < off || r >= off + m_n || c >= off + m_n) return;
    editInput(r - off, c - off, m_input[static_cast<std::size_t>((r - off) * m_n + c - off)] + delta);
  });
  connect(m_kGrid, &CellGrid::cellEdited, this, [this](int r, int c, const QString& text) {
    double v = 0;
    if (!parseNumber(text, &v)) {
      showEditMessage(tr("“%1” is not a number between −999 and 999; the cell keeps its value.").arg(text));
      return;
    }
    editKernel(r, c, v);
  });
  connect(m_kGrid, &CellGrid::cellStepped, this, [this](int r, int c, int delta) {
    editKernel(r, c, m_kernel[static_cast<std::size_t>(r * m_k + c)] + delta);
  });
  connect(m_outGrid, &CellGrid::cellClicked, this, [this](int r, int c) {
    setPlaying(false);
    m_cursor = r * outputSize() + c;
    paintWindow();
  });

  // ================= page 2: a stack of 3×3 layers =================
  auto* stackPage = new QWidget(m_pages);
  auto* stackRow = new QHBoxLayout(stackPage);
  m_stackBox = new QGroupBox(stackPage);
  m_stackBox->setObjectName(QStringLiteral("convStackControls"));
  auto* stackForm = new QGridLayout(m_stackBox);
  m_layersLabel = new QLabel(m_stackBox);
  m_layers = new QSpinBox(m_stackBox);
  m_layers->setObjectName(QStringLiteral("convStackLayers"));
  m_layers->setRange(1, kMaxLayers);
  m_layers->setValue(3);
  m_layersLabel->setBuddy(m_layers);
  stackForm->addWidget(m_layersLabel, 0, 0);
  stackForm->addWidget(m_layers, 0, 1, 1, 2);
  m_stackNLabel = new QLabel(m_stackBox);
  m_stackNBox = new QSpinBox(m_stackBox);
  m_stackNBox->setObjectName(QStringLiteral("convStackInputSize"));
  m_stackNBox->setRange(9, 31);
  m_stackNBox->setValue(m_stackN);
  m_stackNLabel->setBuddy(m_stackNBox);
  stackForm->addWidget(m_stackNLabel, 1, 0);
  stackForm->addWidget(m_stackNBox, 1, 1, 1, 2);
  for (int i = 0; i < kMaxLayers; ++i) {
    auto* label = new QLabel(m_stackBox);
    auto* d = new QSpinBox(m_stackBox);
    d->setRange(1, kMaxD);
    d->setValue(1);
    d->setObjectName(QStringLiteral("convStackDilation%1").arg(i + 1));
    auto* s = new QSpinBox(m_stackBox);
    s->setRange(1, kMaxS);
    s->setValue(1);
    s->setObjectName(QStringLiteral("convStackStride%1").arg(i + 1));
    stackForm->addWidget(label, 2 + i, 0);
    stackForm->addWidget(d, 2 + i, 1);
    stackForm->addWidget(s, 2 + i, 2);
    m_layerLabels.push_back(label);
    m_layerD.push_back(d);
    m_layerS.push_back(s);
    connect(d, &QSpinBox::valueChanged, this, &ConvArithmeticView::onStackEdited);
    connect(s, &QSpinBox::valueChanged, this, &ConvArithmeticView::onStackEdited);
  }
  m_stackNote = new QLabel(m_stackBox);
  m_stackNote->setWordWrap(true);
  stackForm->addWidget(m_stackNote, 2 + kMaxLayers, 0, 1, 3);
  stackForm->setRowStretch(3 + kMaxLayers, 1);
  connect(m_layers, &QSpinBox::valueChanged, this, &ConvArithmeticView::onStackEdited);
  connect(m_stackNBox, &QSpinBox::valueChanged, this, &ConvArithmeticView::onStackEdited);
  QScrollArea* stackScroll = scrollingColumn(m_stackBox, stackPage);
  stackScroll->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Preferred);
  stackRow->addWidget(stackScroll);
  auto* stackPicture = new QGridLayout;
  m_stackInTitle = new QLabel(stackPage);
  m_stackOutTitle = new QLabel(stackPage);
  for (QLabel* l : {m_stackInTitle, m_stackOutTitle}) {
    l->setWordWrap(true);
    l->setAlignment(Qt::AlignHCenter | Qt::AlignBottom);
  }
  m_stackIn = new CellGrid(stackPage);
  m_stackIn->setObjectName(QStringLiteral("convStackInput"));
  m_stackOut = new CellGrid(stackPage);
  m_stackOut->setObjectName(QStringLiteral("convStackOutput"));
  m_field = new QLabel(stackPage);
  m_field->setObjectName(QStringLiteral("convReceptiveField"));
  m_stackLegend = new QLabel(stackPage);
  for (QLabel* l : {m_field, m_stackLegend}) l->setWordWrap(true);
  stackPicture->addWidget(m_stackInTitle, 0, 0);
  stackPicture->addWidget(m_stackOutTitle, 0, 1);
  stackPicture->addWidget(m_stackIn, 1, 0, Qt::AlignTop);
  stackPicture->addWidget(m_stackOut, 1, 1, Qt::AlignTop);
  stackPicture->addWidget(m_field, 2, 0, 1, 2);
  stackPicture->addWidget(m_stackLegend, 3, 0, 1, 2);
  stackPicture->setColumnStretch(0, 3);
  stackPicture->setColumnStretch(1, 2);
  stackPicture->setRowStretch(4, 1);  // the text stays right under the grids
  stackRow->addLayout(stackPicture, 1);
  m_pages->addTab(stackPage, QString());
  connect(m_stackOut, &CellGrid::cellClicked, this, &ConvArithmeticView::selectStackOutput);

  // ================= page 3: gridding =================
  auto* gridPage = new QWidget(m_pages);
  auto* gridCol = new QVBoxLayout(gridPage);
  m_gridIntro = new QLabel(gridPage);
  m_gridIntro->setWordWrap(true);
  gridCol->addWidget(m_gridIntro);
  auto* pair = new QGridLayout;
  for (int w = 0; w < 2; ++w) {
    m_gridTitle[w] = new QLabel(gridPage);
    m_gridTitle[w]->setAlignment(Qt::AlignHCenter);
    m_gridTitle[w]->setWordWrap(true);
    m_gridMap[w] = new CellGrid(gridPage);
    m_gridMap[w]->setObjectName(w == 0 ? QStringLiteral("convGridding222") : QStringLiteral("convGridding125"));
    m_gridText[w] = new QLabel(gridPage);
    m_gridText[w]->setObjectName(w == 0 ? QStringLiteral("convGriddingText222")
                                        : QStringLiteral("convGriddingText125"));
    m_gridText[w]->setWordWrap(true);
    m_gridText[w]->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    pair->addWidget(m_gridTitle[w], 0, w);
    pair->addWidget(m_gridMap[w], 1, w, Qt::AlignTop | Qt::AlignHCenter);
    pair->addWidget(m_gridText[w], 2, w);
    pair->setColumnStretch(w, 1);
  }
  gridCol->addLayout(pair);
  gridCol->addStretch(1);
  m_pages->addTab(gridPage, QString());

  applyFonts();
}

void ConvArithmeticView::applyFonts() {
  const int cell = m_presentation ? 44 : 30;
  m_inGrid->setPreferredCell(cell);
  m_kGrid->setPreferredCell(cell);
  m_outGrid->setPreferredCell(cell);
  m_stackIn->setPreferredCell(m_presentation ? 24 : 18);
  m_stackOut->setPreferredCell(m_presentation ? 30 : 22);
  for (CellGrid* g : m_gridMap) g->setPreferredCell(m_presentation ? 30 : 22);
  QFont big = font();
  if (m_presentation) big.setPointSizeF(big.pointSizeF() * 1.2);
  for (QLabel* l : {m_dot, m_formula, m_warning, m_field, m_gridText[0], m_gridText[1]}) l->setFont(big);
}

void ConvArithmeticView::setPresentationMode(bool on) {
  m_presentation = on;
  applyFonts();
}

void ConvArithmeticView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  if (event->type() == QEvent::FontChange) applyFonts();
  QWidget::changeEvent(event);
}

void ConvArithmeticView::retranslateUi() {
  m_pages->setTabText(0, tr("Sliding window"));
  m_pages->setTabText(1, tr("Stacked layers"));
  m_pages->setTabText(2, tr("Gridding"));
  m_pages->setTabToolTip(
      0, tr("One convolution: the kernel slides over the padded input, one output value per position."));
  m_pages->setTabToolTip(1, tr("Several 3×3 layers in a row: how much of the input one output value sees."));
  m_pages->setTabToolTip(2, tr("Stacked dilated layers can leave holes: input pixels an output never sees."));

  m_geometryBox->setTitle(tr("Geometry"));
  m_nLabel->setText(tr("Input size n:"));
  m_kLabel->setText(tr("Kernel size k:"));
  m_sLabel->setText(tr("Stride s:"));
  m_pLabel->setText(tr("Padding p:"));
  m_dLabel->setText(tr("Dilation d:"));
  m_nBox->setToolTip(tr("The input is n × n values."));
  m_kBox->setToolTip(tr("The kernel is k × k weights: how many input values each output value combines."));
  m_sBox->setToolTip(tr("How far the window moves between two output values. Stride 2 roughly halves the output."));
  m_pBox->setToolTip(tr("Rows and columns of zeros added around the input, so the window can also sit on the border."));
  m_dBox->setToolTip(
      tr("The spacing of the kernel's taps: dilation 2 spreads a 3×3 kernel over 5×5 inputs with the same 9 weights."));

  m_fillBox->setTitle(tr("Values"));
  m_fill->setItemText(0, tr("A handwritten digit"));
  m_fill->setItemText(1, tr("A generated shape"));
  m_fill->setItemText(2, tr("A ramp (row + column)"));
  m_fill->setItemText(3, tr("Zeros"));
  m_fill->setToolTip(
      tr("What to put into the input grid: a digit of the bundled UCI set (pixel counts 0–16), a "
         "shape, a ramp or zeros."));
  m_fillButton->setText(tr("Fill"));
  m_fillButton->setToolTip(tr("Fill the input again (the next digit, another shape)."));
  showEditMessage(QString());

  m_playBox->setTitle(tr("Window"));
  m_play->setText(m_play->isChecked() ? tr("Pause") : tr("Play"));
  m_play->setToolTip(tr("Slide the window over the input, one output value at a time."));
  m_step->setText(tr("Step"));
  m_step->setToolTip(tr("Move the window to the next output value."));
  m_reset->setText(tr("Restart"));
  m_reset->setToolTip(tr("Back to the first output value, with an empty output."));
  m_speedLabel->setText(tr("ms per step:"));
  m_speed->setToolTip(tr("How long the window stays on each output value while playing."));
  m_inGrid->setToolTip(
      tr("The input with its zero padding (the lilac border). The orange squares are the input "
         "values the current output value multiplies. Click a cell and type to change it."));
  m_kGrid->setToolTip(tr("The kernel's weights (blue negative, red positive). Click a cell and type to change it."));
  m_outGrid->setToolTip(
      tr("The output, computed by the engine's conv2d layer; it fills in as the window slides. "
         "Click a cell to see its dot product."));

  m_stackBox->setTitle(tr("Stack of 3×3 layers"));
  m_layersLabel->setText(tr("Layers:"));
  m_layers->setToolTip(tr("How many 3×3 convolution layers are stacked (1–4)."));
  m_stackNLabel->setText(tr("Input size:"));
  m_stackNBox->setToolTip(tr("The stack's input is this many pixels on each side."));
  for (int i = 0; i < kMaxLayers; ++i) {
    m_layerLabels[static_cast<std::size_t>(i)]->setText(tr("Layer %1 — dilation, stride:").arg(i + 1));
    m_layerD[static_cast<std::size_t>(i)]->setToolTip(tr("Dilation of layer %1: the spacing of its taps.").arg(i + 1));
    m_layerS[static_cast<std::size_t>(i)]->setToolTip(
        tr("Stride of layer %1: every later tap is this many times further apart on the input.").arg(i + 1));
  }
  m_stackNote->setText(tr("Each layer pads with d zeros on each side, so at stride 1 its output keeps its size."));
  m_stackInTitle->setText(tr("Input: the receptive field of the chosen output value"));
  m_stackOutTitle->setText(tr("Output of the stack (click a value)"));
  m_stackIn->setToolTip(
      tr("Darker: more paths from this input pixel to the chosen output. A red cross: inside the "
         "field, but no path reaches it."));
  m_stackOut->setToolTip(tr("Click an output value to see which input pixels it depends on."));
  m_stackLegend->setText(
      tr("Colour: number of paths from the input pixel to the output value (rows × columns). "
         "Red cross: a hole inside the field."));

  m_gridIntro->setText(
      tr("Three 3×3 layers with dilations 2, 2, 2 see a 13×13 field, but only through every other "
         "pixel: the holes (red crosses) are never seen — the gridding artifact. Dilations 1, 2, 5 "
         "cover their 17×17 field without holes. Colour: paths from the pixel to the output."));
  m_gridTitle[0]->setText(tr("Dilations 2, 2, 2"));
  m_gridTitle[1]->setText(tr("Dilations 1, 2, 5"));
  for (int w = 0; w < 2; ++w) {
    m_gridMap[w]->setToolTip(
        tr("Paths from each input pixel of the receptive field to the one output value; red "
           "crosses are pixels never seen."));
    m_gridText[w]->setText(griddingText(w));
  }
  paintWindow();
  paintStack();
}

// ---------------------------------------------------------------- the sliding window

void ConvArithmeticView::setConvGeometry(int n, int k, int stride, int padding, int dilation) {
  {
    const QSignalBlocker b1(m_nBox), b2(m_kBox), b3(m_sBox), b4(m_pBox), b5(m_dBox);
    m_nBox->setValue(n);
    m_kBox->setValue(k);
    m_sBox->setValue(stride);
    m_pBox->setValue(padding);
    m_dBox->setValue(dilation);
  }
  onGeometryEdited();
}

void ConvArithmeticView::onGeometryEdited() {
  const int n = m_nBox->value(), k = m_kBox->value();
  if (n != m_n) {
    // Keep the top-left values that still fit; new ones are 0.
    std::vector<double> in(static_cast<std::size_t>(n * n), 0);
    for (int r = 0; r < std::min(n, m_n); ++r)
      for (int c = 0; c < std::min(n, m_n); ++c)
        in[static_cast<std::size_t>(r * n + c)] = m_input[static_cast<std::size_t>(r * m_n + c)];
    m_input = std::move(in);
    m_n = n;
  }
  if (k != m_k) {
    m_k = k;
    m_kernel = defaultKernel(k);
  }
  m_s = m_sBox->value();
  m_p = m_pBox->value();
  m_d = m_dBox->value();
  m_cursor = 0;
  recompute();
}

int ConvArithmeticView::outputSize() const { return static_cast<int>(dl::convOutputSize(m_n, m_k, m_s, m_p, m_d)); }

QString ConvArithmeticView::formulaText() const {
  const QString m = QStringLiteral(" − ");
  return QStringLiteral("⌊(%1 + 2·%2%3%4·(%5−1)%6%7)/%8⌋ + 1 = %9")
      .arg(m_n)
      .arg(m_p)
      .arg(m)
      .arg(m_d)
      .arg(m_k)
      .arg(m)
      .arg(1)
      .arg(m_s)
      .arg(conv::number(outputSize()));
}

QString ConvArithmeticView::warningText() const {
  const int o = outputSize();
  const int padded = m_n + 2 * m_p, span = m_d * (m_k - 1) + 1;
  if (o <= 0)
    return tr("The dilated kernel spans d(k−1)+1 = %1 values but the padded input has only %2: it does not fit, "
              "there is no output (output size %3 ≤ 0).")
        .arg(span)
        .arg(padded)
        .arg(conv::number(o));
  // Padded positions the window touches, along one axis (the same for rows and columns).
  std::vector<bool> seen(static_cast<std::size_t>(padded), false);
  for (int i = 0; i < o; ++i)
    for (int t = 0; t < m_k; ++t) seen[static_cast<std::size_t>(i * m_s + t * m_d)] = true;
  int trailing = 0, inside = 0;
  const int last = (o - 1) * m_s + (m_k - 1) * m_d;  // the last padded position touched
  for (int x = m_p; x < m_p + m_n; ++x) {
    if (seen[static_cast<std::size_t>(x)]) continue;
    if (x > last)
      ++trailing;
    else
      ++inside;
  }
  QStringList lines;
  if (trailing > 0)
    lines << tr(
        "(n + 2p − d(k−1) − 1)/s does not divide evenly and is rounded down: the last %n input row(s) and "
        "column(s) are never seen.",
        nullptr, trailing);
  if (inside > 0)
    lines << tr("The stride jumps over %n input row(s) and column(s) that no tap reaches.", nullptr, inside);
  return lines.join(QLatin1Char(' '));
}

QString ConvArithmeticView::dotProductText() const {
  const int o = outputSize();
  if (o <= 0 || m_output.empty()) return {};
  const int oy = m_cursor / o, ox = m_cursor % o;
  QStringList terms;
  for (int i = 0; i < m_k; ++i)
    for (int j = 0; j < m_k; ++j) {
      const int y = oy * m_s + i * m_d - m_p, x = ox * m_s + j * m_d - m_p;
      const double v = (y >= 0 && x >= 0 && y < m_n && x < m_n) ? m_input[static_cast<std::size_t>(y * m_n + x)] : 0;
      terms << conv::factor(v) + QStringLiteral("·") + conv::factor(m_kernel[static_cast<std::size_t>(i * m_k + j)]);
    }
  if (terms.size() > 25) terms = terms.mid(0, 12) + QStringList{QStringLiteral("…")} + terms.mid(terms.size() - 3);
  return terms.join(QStringLiteral(" + ")) + QStringLiteral(" = ") +
         conv::number(m_output[static_cast<std::size_t>(m_cursor)]);
}

void ConvArithmeticView::setInput(const std::vector<double>& values) {
  if (values.size() != m_input.size()) return;
  m_input = values;
  recompute();
}

void ConvArithmeticView::setKernel(const std::vector<double>& values) {
  if (values.size() != m_kernel.size()) return;
  m_kernel = values;
  recompute();
}

void ConvArithmeticView::showEditMessage(const QString& error) {
  // An error in red where the hint was; an empty error brings the hint back.
  m_editHint->setStyleSheet(error.isEmpty() ? QString() : QStringLiteral("color: #b00020;"));
  if (!error.isEmpty()) {
    m_editHint->setText(error);
    return;
  }
  m_editHint->setText(
      tr("Click a cell of the input or the kernel and type a number, then Enter; ↑/↓ or the mouse "
         "wheel add ±1."));
}

void ConvArithmeticView::editInput(int r, int c, double v) {
  showEditMessage(QString());
  m_input[static_cast<std::size_t>(r * m_n + c)] = std::clamp(v, -kMaxCellValue, kMaxCellValue);
  recompute();
}

void ConvArithmeticView::editKernel(int r, int c, double v) {
  showEditMessage(QString());
  m_kernel[static_cast<std::size_t>(r * m_k + c)] = std::clamp(v, -kMaxCellValue, kMaxCellValue);
  recompute();
}

void ConvArithmeticView::fillInput(const QString& id) {
  const int n = m_n;
  std::vector<double> in(static_cast<std::size_t>(n * n), 0);
  if (id == QLatin1String("digit") && digits()) {
    const dl::Dataset& d = *digits();
    const dl::Index col = m_digit % d.size();
    ++m_digit;
    // The 8×8 digit scaled to n×n (nearest pixel), as its pixel counts 0..16.
    for (int r = 0; r < n; ++r)
      for (int c = 0; c < n; ++c)
        in[static_cast<std::size_t>(r * n + c)] = std::round(16 * d.X((r * 8 / n) * 8 + c * 8 / n, col));
  } else if (id == QLatin1String("shape")) {
    const int size = std::max(n, 8);
    std::vector<dl::Scalar> img(static_cast<std::size_t>(size * size));
    dl::Rng rng(static_cast<std::uint64_t>(++m_digit));
    dl::drawShape(static_cast<dl::ShapeKind>(m_digit % dl::kShapeKinds), size, rng, img.data());
    for (int r = 0; r < n; ++r)
      for (int c = 0; c < n; ++c)
        in[static_cast<std::size_t>(r * n + c)] =
            std::round(9 * img[static_cast<std::size_t>((r * size / n) * size + c * size / n)]);
  } else if (id == QLatin1String("ramp")) {
    for (int r = 0; r < n; ++r)
      for (int c = 0; c < n; ++c) in[static_cast<std::size_t>(r * n + c)] = r + c;
  }
  m_input = std::move(in);
  m_cursor = 0;
  recompute();
}

void ConvArithmeticView::recompute() {
  m_output.clear();
  const int o = outputSize();
  if (o > 0) {
    const conv::Result r = conv::run(m_input, 1, m_n, m_n, m_kernel, m_k, m_s, m_p, m_d);
    m_output = r.values;
  }
  m_cursor = o > 0 ? std::clamp(m_cursor, 0, o * o - 1) : 0;
  paintWindow();
}

void ConvArithmeticView::stepWindow() {
  const int o = outputSize();
  if (o <= 0) return;
  m_cursor = (m_cursor + 1) % (o * o);
  paintWindow();
}

void ConvArithmeticView::resetWindow() {
  m_cursor = 0;
  paintWindow();
}

void ConvArithmeticView::setPlaying(bool on) {
  if (on && outputSize() > 0 && m_cursor + 1 >= outputSize() * outputSize()) m_cursor = 0;  // play again
  if (on && outputSize() > 0)
    m_clock->start();
  else
    m_clock->stop();
  {
    const QSignalBlocker block(m_play);
    m_play->setChecked(m_clock->isActive());
  }
  m_play->setText(m_clock->isActive() ? tr("Pause") : tr("Play"));
  paintWindow();
}

bool ConvArithmeticView::isPlaying() const { return m_clock->isActive(); }

void ConvArithmeticView::paintWindow() {
  if (!m_inGrid) return;
  const int o = outputSize(), padded = m_n + 2 * m_p;
  double inMax = 0;
  for (double v : m_input) inMax = std::max(inMax, std::abs(v));
  m_inGrid->setGridSize(padded, padded);
  for (int r = 0; r < padded; ++r)
    for (int c = 0; c < padded; ++c) {
      CellGrid::Cell& cell = m_inGrid->cell(r, c);
      cell = CellGrid::Cell{};
      const int y = r - m_p, x = c - m_p;
      if (y < 0 || x < 0 || y >= m_n || x >= m_n) {
        cell.fill = kPadding;
        cell.text = QStringLiteral("0");
        cell.textColor = QColor(0x66, 0x5c, 0x80);
      } else {
        const double v = m_input[static_cast<std::size_t>(y * m_n + x)];
        cell.fill = v >= 0 ? conv::sequential(inMax > 0 ? 0.85 * v / inMax : 0) : conv::diverging(v, inMax);
        cell.text = conv::number(v);
        cell.textColor = conv::textOn(cell.fill);
      }
    }
  if (o > 0) {
    const int oy = m_cursor / o, ox = m_cursor % o;
    for (int i = 0; i < m_k; ++i)
      for (int j = 0; j < m_k; ++j) m_inGrid->cell(oy * m_s + i * m_d, ox * m_s + j * m_d).outline = kTap;
  }
  m_inGrid->refresh();

  double kMax = 0;
  for (double v : m_kernel) kMax = std::max(kMax, std::abs(v));
  m_kGrid->setGridSize(m_k, m_k);
  for (int i = 0; i < m_k; ++i)
    for (int j = 0; j < m_k; ++j) {
      CellGrid::Cell& cell = m_kGrid->cell(i, j);
      const double v = m_kernel[static_cast<std::size_t>(i * m_k + j)];
      cell.fill = conv::diverging(v, kMax * 1.4);
      cell.text = conv::number(v);
      cell.textColor = conv::textOn(cell.fill);
    }
  m_kGrid->refresh();

  m_outGrid->setGridSize(std::max(o, 0), std::max(o, 0));
  double oMax = 0;
  for (double v : m_output) oMax = std::max(oMax, std::abs(v));
  for (int i = 0; o > 0 && i < o * o; ++i) {
    CellGrid::Cell& cell = m_outGrid->cell(i / o, i % o);
    cell = CellGrid::Cell{};
    if (i <= m_cursor) {
      const double v = m_output[static_cast<std::size_t>(i)];
      cell.fill = conv::diverging(v, oMax * 1.4);
      cell.text = conv::number(v);
      cell.textColor = conv::textOn(cell.fill);
    }
    if (i == m_cursor) cell.outline = kTap;
  }
  m_outGrid->refresh();
  // Each grid gets width in proportion to its cells, so all cells are about the same size.
  m_windowGrids->setColumnStretch(0, padded);
  m_windowGrids->setColumnStretch(1, m_k);
  m_windowGrids->setColumnStretch(2, std::max(o, m_k));

  m_inTitle->setText(tr("Input %1×%1, padding %2 → %3×%3").arg(m_n).arg(m_p).arg(padded));
  m_kTitle->setText(tr("Kernel %1×%1").arg(m_k));
  m_outTitle->setText(o > 0 ? tr("Output %1×%1").arg(o) : tr("No output"));
  if (o > 0)
    m_dot->setText(tr("Output (%1, %2) = input · weight, summed: %3")
                       .arg(m_cursor / o + 1)
                       .arg(m_cursor % o + 1)
                       .arg(dotProductText()));
  else
    m_dot->clear();
  m_formula->setText(tr("Output size ⌊(n + 2p − d(k−1) − 1)/s⌋ + 1 = %1").arg(formulaText()));
  const QString warning = warningText();
  m_warning->setText(warning);
  m_warning->setVisible(!warning.isEmpty());
}

// ---------------------------------------------------------------- the stack

void ConvArithmeticView::setStack(const std::vector<int>& dilations, const std::vector<int>& strides) {
  const int layers = std::clamp(static_cast<int>(std::min(dilations.size(), strides.size())), 1, kMaxLayers);
  {
    const QSignalBlocker b(m_layers);
    m_layers->setValue(layers);
    for (int i = 0; i < layers && i < static_cast<int>(dilations.size()); ++i) {
      const QSignalBlocker bd(m_layerD[static_cast<std::size_t>(i)]), bs(m_layerS[static_cast<std::size_t>(i)]);
      m_layerD[static_cast<std::size_t>(i)]->setValue(dilations[static_cast<std::size_t>(i)]);
      m_layerS[static_cast<std::size_t>(i)]->setValue(strides[static_cast<std::size_t>(i)]);
    }
  }
  onStackEdited();
}

void ConvArithmeticView::onStackEdited() {
  const int layers = m_layers->value();
  m_stackD.clear();
  m_stackS.clear();
  for (int i = 0; i < kMaxLayers; ++i) {
    const bool on = i < layers;
    m_layerLabels[static_cast<std::size_t>(i)]->setEnabled(on);
    m_layerD[static_cast<std::size_t>(i)]->setEnabled(on);
    m_layerS[static_cast<std::size_t>(i)]->setEnabled(on);
    if (!on) continue;
    m_stackD.push_back(m_layerD[static_cast<std::size_t>(i)]->value());
    m_stackS.push_back(m_layerS[static_cast<std::size_t>(i)]->value());
  }
  m_stackN = m_stackNBox->value();
  const int o = stackOutputSize();
  m_selR = m_selC = o / 2;  // the middle output value
  paintStack();
}

int ConvArithmeticView::stackReceptiveField() const {
  return static_cast<int>(dl::receptiveField(stages(m_stackD, m_stackS)));
}

int ConvArithmeticView::stackOutputSize() const {
  dl::Index n = m_stackN;
  for (const dl::ConvStage& s : stages(m_stackD, m_stackS))
    n = dl::convOutputSize(n, s.kernel, s.stride, s.padding, s.dilation);
  return static_cast<int>(n);
}

void ConvArithmeticView::selectStackOutput(int r, int c) {
  const int o = stackOutputSize();
  if (r < 0 || c < 0 || r >= o || c >= o) return;
  m_selR = r;
  m_selC = c;
  paintStack();
}

std::vector<bool> ConvArithmeticView::stackInfluence() const {
  const auto st = stages(m_stackD, m_stackS);
  const std::vector<bool> rows = dl::influence(m_stackN, st, m_selR), cols = dl::influence(m_stackN, st, m_selC);
  std::vector<bool> seen(static_cast<std::size_t>(m_stackN * m_stackN), false);
  for (int y = 0; y < m_stackN; ++y)
    for (int x = 0; x < m_stackN; ++x)
      seen[static_cast<std::size_t>(y * m_stackN + x)] =
          rows[static_cast<std::size_t>(y)] && cols[static_cast<std::size_t>(x)];
  return seen;
}

QString ConvArithmeticView::receptiveFieldText() const {
  const int r = stackReceptiveField();
  return tr("receptive field %1×%1").arg(r);
}

void ConvArithmeticView::paintStack() {
  if (!m_stackIn) return;
  const auto st = stages(m_stackD, m_stackS);
  const int n = m_stackN, o = stackOutputSize();
  // Where the field of output index `out` starts on the input: out·J − P, with J the product of the
  // strides and P the padding of each layer carried down to the input.
  dl::Index jump = 1, offset = 0;
  for (const dl::ConvStage& s : st) {
    offset += s.padding * jump;
    jump *= s.stride;
  }
  const std::vector<dl::Index> counts = dl::pathCounts(st);
  const auto countAt = [&](int out, int x) -> dl::Index {
    const dl::Index i = x - (out * jump - offset);
    return i >= 0 && i < static_cast<dl::Index>(counts.size()) ? counts[static_cast<std::size_t>(i)] : -1;
  };
  const std::vector<bool> seen = stackInfluence();
  dl::Index maxCount = 1;
  for (int y = 0; y < n; ++y)
    for (int x = 0; x < n; ++x)
      if (seen[static_cast<std::size_t>(y * n + x)])
        maxCount = std::max(maxCount, countAt(m_selR, y) * countAt(m_selC, x));
  m_stackIn->setGridSize(n, n);
  for (int y = 0; y < n; ++y)
    for (int x = 0; x < n; ++x) {
      CellGrid::Cell& cell = m_stackIn->cell(y, x);
      cell = CellGrid::Cell{};
      const dl::Index cy = countAt(m_selR, y), cx = countAt(m_selC, x);
      if (seen[static_cast<std::size_t>(y * n + x)]) {
        const dl::Index paths = cy * cx;
        cell.fill = conv::sequential(0.25 + 0.75 * static_cast<double>(paths) / static_cast<double>(maxCount));
        cell.text = QString::number(paths);
        cell.textColor = conv::textOn(cell.fill);
      } else if (cy >= 0 && cx >= 0) {
        cell.hole = true;  // inside the field's square, but no path
        cell.fill = QColor(0xfd, 0xe0, 0xdd);
      } else {
        cell.fill = QColor(0xf4, 0xf4, 0xf4);
      }
    }
  m_stackIn->refresh();
  m_stackOut->setGridSize(o, o);
  for (int y = 0; y < o; ++y)
    for (int x = 0; x < o; ++x) {
      CellGrid::Cell& cell = m_stackOut->cell(y, x);
      cell = CellGrid::Cell{};
      cell.fill = QColor(0xee, 0xee, 0xee);
      if (y == m_selR && x == m_selC) {
        cell.fill = QColor(0xc7, 0xe9, 0xc0);
        cell.outline = kSelected;
      }
    }
  m_stackOut->refresh();
  QString d, s;
  for (std::size_t i = 0; i < m_stackD.size(); ++i) {
    d += (i ? QStringLiteral(", ") : QString()) + QString::number(m_stackD[i]);
    s += (i ? QStringLiteral(", ") : QString()) + QString::number(m_stackS[i]);
  }
  m_field->setText(tr("Dilations %1, strides %2: %3; the output is %4×%4.")
                       .arg(d, s, QStringLiteral("<b>%1</b>").arg(receptiveFieldText()))
                       .arg(o));
}

// ---------------------------------------------------------------- gridding

long long ConvArithmeticView::griddingHoles(int which) const {
  // A pixel is seen when its row and its column both are: the field is r² pixels, of which
  // (r − holes₁)² are seen.
  const auto& st = griddingStack(which);
  const long long r = dl::receptiveField(st), seen = r - dl::gridHoles(st);
  return r * r - seen * seen;
}

QString ConvArithmeticView::griddingText(int which) const {
  const long long holes = griddingHoles(which);
  const int r = static_cast<int>(dl::receptiveField(griddingStack(which)));
  const QString name = which == 0 ? QStringLiteral("2, 2, 2") : QStringLiteral("1, 2, 5");
  if (holes == 0) return tr("%1: every input pixel inside the %2×%2 field is seen; no holes.").arg(name).arg(r);
  return tr("%1: %2 input pixels inside the %3×%3 field are never seen.").arg(name).arg(holes).arg(r);
}

void ConvArithmeticView::paintGridding() {
  for (int w = 0; w < 2; ++w) {
    const std::vector<dl::Index> c = dl::pathCounts(griddingStack(w));
    const int r = static_cast<int>(c.size());
    const dl::Index maxCount = *std::max_element(c.begin(), c.end());
    CellGrid* g = m_gridMap[w];
    g->setGridSize(r, r);
    for (int y = 0; y < r; ++y)
      for (int x = 0; x < r; ++x) {
        CellGrid::Cell& cell = g->cell(y, x);
        cell = CellGrid::Cell{};
        const dl::Index paths = c[static_cast<std::size_t>(y)] * c[static_cast<std::size_t>(x)];
        if (paths == 0) {
          cell.hole = true;
          cell.fill = QColor(0xfd, 0xe0, 0xdd);
        } else {
          cell.fill =
              conv::sequential(0.2 + 0.8 * static_cast<double>(paths) / static_cast<double>(maxCount * maxCount));
          cell.text = QString::number(paths);
          cell.textColor = conv::textOn(cell.fill);
        }
      }
    g->refresh();
    m_gridText[w]->setText(griddingText(w));
  }
}

}  // namespace dlui
