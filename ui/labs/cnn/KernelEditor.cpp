// The kernel editor; see KernelEditor.h.
#include "labs/cnn/KernelEditor.h"

#include "labs/cnn/CellGrid.h"
#include "labs/cnn/ConvRun.h"
#include "labs/cnn/ValueHistogram.h"

#include "cnn/Focus.h"
#include "io/ImageFolder.h"
#include "widgets/ColumnScroll.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPainterPath>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <map>

namespace dlui {

namespace {

constexpr int kDigitRepeat = 4;  // each 8×8 digit pixel becomes 4×4: a 32×32 image
constexpr int kColourSide = 48;

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

std::vector<double> namedKernel(const QString& id, int k, bool* padded) {
  return dl::namedKernel(id.toStdString(), k, padded);
}

const char* const kKernelIds[] = {"sobel_x", "sobel_y", "laplacian", "box", "gaussian", "sharpen", "identity"};
const char* const kImageIds[] = {"digit", "shapes", "constant", "colour"};

QString cellText(double v) {
  // Enough digits that 1/9 and 1/16 read as what they are.
  if (std::abs(v - std::round(v)) < 1e-12) return conv::number(v);
  return QString::number(v, 'g', 4).replace(QLatin1Char('-'), QChar(0x2212));
}

}  // namespace

KernelEditor::KernelEditor(QWidget* parent) : QWidget(parent) {
  bool padded = false;
  m_kernel = namedKernel(QStringLiteral("sobel_x"), 3, &padded);
  buildUi();
  makeImage();
  retranslateUi();
  selectKernel(QStringLiteral("sobel_x"));
}

KernelEditor::~KernelEditor() = default;

void KernelEditor::buildUi() {
  auto* row = new QHBoxLayout(this);
  auto* column = new QWidget(this);
  column->setObjectName(QStringLiteral("kernelControls"));
  auto* col = new QVBoxLayout(column);
  col->setContentsMargins(4, 4, 4, 4);

  m_kernelBox = new QGroupBox(column);
  auto* kf = new QGridLayout(m_kernelBox);
  m_presetLabel = new QLabel(m_kernelBox);
  m_preset = new QComboBox(m_kernelBox);
  m_preset->setObjectName(QStringLiteral("kernelPreset"));
  for (const char* id : kKernelIds) m_preset->addItem(QString(), QString::fromLatin1(id));
  m_preset->addItem(QString(), QStringLiteral("custom"));
  m_preset->setSizeAdjustPolicy(QComboBox::AdjustToContents);  // the whole name, in any language
  m_presetLabel->setBuddy(m_preset);
  // The name above its list, so a long name (or a long translation) does not widen the column.
  kf->addWidget(m_presetLabel, 0, 0, 1, 2);
  kf->addWidget(m_preset, 1, 0, 1, 2);
  m_sizeLabel = new QLabel(m_kernelBox);
  m_size = new QComboBox(m_kernelBox);
  m_size->setObjectName(QStringLiteral("kernelSize"));
  m_size->addItem(QStringLiteral("3 × 3"), 3);
  m_size->addItem(QStringLiteral("5 × 5"), 5);
  m_sizeLabel->setBuddy(m_size);
  kf->addWidget(m_sizeLabel, 2, 0);
  kf->addWidget(m_size, 2, 1);
  m_cellHost = new QWidget(m_kernelBox);
  m_cellHost->setObjectName(QStringLiteral("kernelCells"));
  new QGridLayout(m_cellHost);
  kf->addWidget(m_cellHost, 3, 0, 1, 2);
  m_sameBox = new QCheckBox(m_kernelBox);
  m_sameBox->setObjectName(QStringLiteral("kernelSamePadding"));
  m_sameBox->setChecked(true);
  kf->addWidget(m_sameBox, 4, 0, 1, 2);
  m_noteLabel = new QLabel(m_kernelBox);
  m_noteLabel->setObjectName(QStringLiteral("kernelNote"));
  m_noteLabel->setWordWrap(true);
  kf->addWidget(m_noteLabel, 5, 0, 1, 2);
  m_errorLabel = new QLabel(m_kernelBox);
  m_errorLabel->setObjectName(QStringLiteral("kernelError"));
  m_errorLabel->setWordWrap(true);
  m_errorLabel->setStyleSheet(QStringLiteral("color: #b00020;"));
  m_errorLabel->hide();
  kf->addWidget(m_errorLabel, 6, 0, 1, 2);
  col->addWidget(m_kernelBox);
  connect(m_preset, &QComboBox::activated, this, [this] {
    const QString id = m_preset->currentData().toString();
    if (id != QLatin1String("custom")) selectKernel(id);
  });
  connect(m_size, &QComboBox::activated, this, [this] {
    const int k = m_size->currentData().toInt();
    const QString id = m_preset->currentData().toString();
    if (id != QLatin1String("custom")) {
      applyNamed(id, k);
      return;
    }
    // A custom kernel keeps its middle: cropped to 3×3 or framed with zeros to 5×5.
    std::vector<double> w(static_cast<std::size_t>(k * k), 0);
    const int off = (k - m_k) / 2;
    for (int i = 0; i < m_k; ++i)
      for (int j = 0; j < m_k; ++j) {
        const int y = i + off, x = j + off;
        if (y >= 0 && x >= 0 && y < k && x < k)
          w[static_cast<std::size_t>(y * k + x)] = m_kernel[static_cast<std::size_t>(i * m_k + j)];
      }
    setKernel(w, k);
  });
  connect(m_sameBox, &QCheckBox::toggled, this, &KernelEditor::setSamePadding);

  m_imageBox = new QGroupBox(column);
  auto* imf = new QFormLayout(m_imageBox);
  imf->setRowWrapPolicy(QFormLayout::WrapLongRows);
  m_imageLabel = new QLabel(m_imageBox);
  m_imageChoice = new QComboBox(m_imageBox);
  m_imageChoice->setObjectName(QStringLiteral("kernelImage"));
  for (const char* id : kImageIds) m_imageChoice->addItem(QString(), QString::fromLatin1(id));
  m_imageChoice->setCurrentIndex(1);
  m_imageChoice->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  m_imageLabel->setBuddy(m_imageChoice);
  imf->addRow(m_imageLabel, m_imageChoice);
  m_digitLabel = new QLabel(m_imageBox);
  m_digit = new QSpinBox(m_imageBox);
  m_digit->setObjectName(QStringLiteral("kernelDigit"));
  m_digit->setRange(0, digits() ? static_cast<int>(digits()->size()) - 1 : 0);
  m_digitLabel->setBuddy(m_digit);
  imf->addRow(m_digitLabel, m_digit);
  col->addWidget(m_imageBox);
  connect(m_imageChoice, &QComboBox::activated, this, [this] { selectImage(m_imageChoice->currentData().toString()); });
  connect(m_digit, &QSpinBox::valueChanged, this, [this] {
    if (m_imageId == QLatin1String("digit")) {
      makeImage();
      recompute();
    }
  });

  m_depthBox = new QGroupBox(column);
  m_depthBox->setObjectName(QStringLiteral("kernelDepth"));
  auto* df = new QGridLayout(m_depthBox);
  m_depthLabel = new QLabel(m_depthBox);
  m_depthLabel->setObjectName(QStringLiteral("kernelDepthText"));
  m_depthLabel->setWordWrap(true);
  df->addWidget(m_depthLabel, 0, 0, 1, 3);
  for (int c = 0; c < 3; ++c) {
    m_weightLabels[c] = new QLabel(m_depthBox);
    m_weightLabels[c]->setAlignment(Qt::AlignHCenter);
    m_weightBoxes[c] = new QDoubleSpinBox(m_depthBox);
    m_weightBoxes[c]->setObjectName(QStringLiteral("kernelChannelWeight%1").arg(c));
    m_weightBoxes[c]->setRange(-2, 2);
    m_weightBoxes[c]->setSingleStep(0.25);
    m_weightBoxes[c]->setDecimals(2);
    m_weightBoxes[c]->setValue(1);
    m_slices[c] = new CellGrid(m_depthBox);
    m_slices[c]->setObjectName(QStringLiteral("kernelSlice%1").arg(c));
    m_slices[c]->setPreferredCell(16);
    df->addWidget(m_weightLabels[c], 1, c);
    df->addWidget(m_weightBoxes[c], 2, c);
    df->addWidget(m_slices[c], 3, c, Qt::AlignHCenter | Qt::AlignTop);
    connect(m_weightBoxes[c], &QDoubleSpinBox::valueChanged, this, [this, c](double v) {
      if (m_updating) return;
      m_weights[c] = v;
      recompute();
    });
  }
  col->addWidget(m_depthBox);
  col->addStretch(1);

  QScrollArea* scroll = scrollingColumn(column, this);
  scroll->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Preferred);
  row->addWidget(scroll);

  auto* picture = new QGridLayout;
  m_inTitle = new QLabel(this);
  m_outTitle = new QLabel(this);
  for (QLabel* l : {m_inTitle, m_outTitle}) {
    l->setWordWrap(true);
    l->setAlignment(Qt::AlignHCenter | Qt::AlignBottom);
  }
  m_inView = new CellGrid(this);
  m_inView->setObjectName(QStringLiteral("kernelInputView"));
  m_outView = new CellGrid(this);
  m_outView->setObjectName(QStringLiteral("kernelOutputView"));
  m_range = new QLabel(this);
  m_range->setObjectName(QStringLiteral("kernelRange"));
  m_range->setWordWrap(true);
  m_histTitle = new QLabel(this);
  m_hist = new ValueHistogram(this);
  m_hist->setObjectName(QStringLiteral("kernelHistogram"));
  picture->addWidget(m_inTitle, 0, 0);
  picture->addWidget(m_outTitle, 0, 1);
  picture->addWidget(m_inView, 1, 0);
  picture->addWidget(m_outView, 1, 1);
  picture->addWidget(m_range, 2, 0, 1, 2);
  picture->addWidget(m_histTitle, 3, 0, 1, 2);
  picture->addWidget(m_hist, 4, 0, 1, 2);
  picture->setRowStretch(1, 3);
  picture->setRowStretch(4, 1);
  row->addLayout(picture, 1);
  rebuildCells();
  applyFonts();
}

void KernelEditor::rebuildCells() {
  auto* grid = static_cast<QGridLayout*>(m_cellHost->layout());
  for (QLineEdit* e : m_cells) delete e;
  m_cells.clear();
  for (int i = 0; i < m_k; ++i)
    for (int j = 0; j < m_k; ++j) {
      auto* e = new QLineEdit(m_cellHost);
      e->setObjectName(QStringLiteral("kernelCell%1%2").arg(i).arg(j));
      e->setAlignment(Qt::AlignCenter);
      e->setToolTip(tr("Weight in row %1, column %2 of the kernel. Type a number between −100 and 100; the output "
                       "updates as you type.")
                        .arg(i + 1)
                        .arg(j + 1));
      grid->addWidget(e, i, j);
      const int index = i * m_k + j;
      connect(e, &QLineEdit::textEdited, this, [this, index] {
        m_editing = index;
        onCellEdited();
      });
      m_cells.push_back(e);
    }
  applyFonts();
  showKernelInCells();
}

void KernelEditor::showKernelInCells() {
  for (std::size_t i = 0; i < m_cells.size() && i < m_kernel.size(); ++i) {
    m_cells[i]->setText(cellText(m_kernel[i]));
    m_cells[i]->setStyleSheet(QString());
  }
}

QLineEdit* KernelEditor::cellEditor(int r, int c) const {
  if (r < 0 || c < 0 || r >= m_k || c >= m_k) return nullptr;
  return m_cells[static_cast<std::size_t>(r * m_k + c)];
}

void KernelEditor::onCellEdited() {
  // Only the cell being typed in is read: the others keep their exact values (1/9 is not 0.1111).
  const int index = m_editing;
  if (index < 0 || index >= static_cast<int>(m_cells.size())) return;
  QLineEdit* e = m_cells[static_cast<std::size_t>(index)];
  QString text = e->text().trimmed();
  text.replace(QChar(0x2212), QLatin1Char('-'));
  // Half-typed ("", "−", ".") is not yet a value: nothing applied, nothing refused.
  if (text.isEmpty() || text == QLatin1String("-") || text == QLatin1String(".") || text == QLatin1String("-.")) {
    e->setStyleSheet(QString());
    showError(QString());
    return;
  }
  bool ok = false;
  const double v = text.toDouble(&ok);
  if (!ok || !std::isfinite(v) || std::abs(v) > kMaxWeight) {
    e->setStyleSheet(QStringLiteral("background: #fde0dd;"));
    showError(tr("“%1” in row %2, column %3 is not a number between −100 and 100. The output still shows the last "
                 "valid kernel.")
                  .arg(e->text())
                  .arg(index / m_k + 1)
                  .arg(index % m_k + 1));
    return;
  }
  e->setStyleSheet(QString());
  m_kernel[static_cast<std::size_t>(index)] = v;
  m_note.clear();
  {
    const QSignalBlocker block(m_preset);
    m_preset->setCurrentIndex(m_preset->count() - 1);  // custom
  }
  showError(QString());
  recompute();
}

bool KernelEditor::setKernel(const std::vector<double>& values, int k, QString* error) {
  QString why;
  if (k != 3 && k != 5)
    why = tr("The kernel must be 3×3 or 5×5, not %1×%1.").arg(k);
  else if (values.size() != static_cast<std::size_t>(k * k))
    why = tr("A %1×%1 kernel needs %2 values, not %3.").arg(k).arg(k * k).arg(values.size());
  else
    for (std::size_t i = 0; i < values.size(); ++i)
      if (!std::isfinite(values[i]) || std::abs(values[i]) > kMaxWeight) {
        why = tr("Weight %1 (row %2, column %3) is %4: weights must be numbers between −100 and 100.")
                  .arg(i + 1)
                  .arg(static_cast<int>(i) / k + 1)
                  .arg(static_cast<int>(i) % k + 1)
                  .arg(conv::number(values[i]));
        break;
      }
  if (!why.isEmpty()) {
    showError(why + QLatin1Char(' ') + tr("The output still shows the last valid kernel."));
    if (error) *error = m_error;
    return false;
  }
  const bool resized = k != m_k;
  m_k = k;
  m_kernel = values;
  m_note.clear();
  {
    const QSignalBlocker b1(m_preset), b2(m_size);
    m_preset->setCurrentIndex(m_preset->count() - 1);
    m_size->setCurrentIndex(k == 3 ? 0 : 1);
  }
  if (resized)
    rebuildCells();
  else
    showKernelInCells();
  showError(QString());
  recompute();
  return true;
}

bool KernelEditor::selectKernel(const QString& id) { return applyNamed(id, m_k); }

bool KernelEditor::applyNamed(const QString& id, int k) {
  bool padded = false;
  std::vector<double> w = namedKernel(id, k, &padded);
  if (w.empty()) return false;
  if (!setKernel(w, k)) return false;
  {
    const QSignalBlocker block(m_preset);
    m_preset->setCurrentIndex(m_preset->findData(id));
  }
  m_note = padded ? QStringLiteral("padded") : QString();
  retranslateUi();
  return true;
}

bool KernelEditor::selectImage(const QString& id) {
  if (std::find_if(std::begin(kImageIds), std::end(kImageIds), [&](const char* s) { return id == QLatin1String(s); }) ==
      std::end(kImageIds))
    return false;
  m_imageId = id;
  {
    const QSignalBlocker block(m_imageChoice);
    m_imageChoice->setCurrentIndex(m_imageChoice->findData(id));
  }
  makeImage();
  retranslateUi();
  recompute();
  return true;
}

void KernelEditor::setSamePadding(bool on) {
  m_same = on;
  {
    const QSignalBlocker block(m_sameBox);
    m_sameBox->setChecked(on);
  }
  recompute();
}

void KernelEditor::setChannelWeights(double r, double g, double b) {
  const double w[3] = {r, g, b};
  m_updating = true;
  for (int c = 0; c < 3; ++c) {
    m_weights[c] = w[c];
    m_weightBoxes[c]->setValue(w[c]);
  }
  m_updating = false;
  recompute();
}

int KernelEditor::padding() const { return m_same ? (m_k - 1) / 2 : 0; }

std::vector<double> KernelEditor::layerKernel() const {
  std::vector<double> w;
  w.reserve(static_cast<std::size_t>(m_channels * m_k * m_k));
  for (int c = 0; c < m_channels; ++c)
    for (double v : m_kernel) w.push_back(m_channels == 3 ? m_weights[c] * v : v);
  return w;
}

void KernelEditor::makeImage() {
  if (m_imageId == QLatin1String("digit")) {
    m_channels = 1;
    m_h = m_w = 8 * kDigitRepeat;
    m_image.assign(static_cast<std::size_t>(m_h * m_w), 0);
    if (const dl::Dataset* d = digits())
      for (int y = 0; y < m_h; ++y)
        for (int x = 0; x < m_w; ++x)
          m_image[static_cast<std::size_t>(y * m_w + x)] =
              d->X((y / kDigitRepeat) * 8 + x / kDigitRepeat, std::min<dl::Index>(m_digit->value(), d->size() - 1));
  } else if (m_imageId == QLatin1String("shapes") || m_imageId == QLatin1String("constant")) {
    // The shapes (bars, a square outline and a cross) or a constant grey: the engine's images, so
    // the headless run of a kernel preset measures the picture drawn here (cnn/Focus.h).
    m_channels = 1;
    int side = 0;
    m_image = dl::focusImage(m_imageId.toStdString(), &side);
    m_h = m_w = side;
  } else {
    // Coloured shapes on a dark blue background, drawn without antialiasing so edges are sharp.
    m_channels = 3;
    m_h = m_w = kColourSide;
    QImage img(kColourSide, kColourSide, QImage::Format_RGB32);
    img.fill(QColor(30, 50, 110));
    QPainter p(&img);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(230, 40, 40));
    p.drawEllipse(QRect(4, 4, 20, 20));
    p.setBrush(QColor(40, 200, 70));
    p.drawRect(QRect(26, 8, 16, 14));
    p.setBrush(QColor(250, 220, 40));
    QPainterPath tri;
    tri.moveTo(8, 44);
    tri.lineTo(24, 26);
    tri.lineTo(40, 44);
    tri.closeSubpath();
    p.drawPath(tri);
    p.end();
    m_image.assign(static_cast<std::size_t>(3 * m_h * m_w), 0);
    for (int y = 0; y < m_h; ++y)
      for (int x = 0; x < m_w; ++x) {
        const QRgb c = img.pixel(x, y);
        const std::size_t at = static_cast<std::size_t>(y * m_w + x), plane = static_cast<std::size_t>(m_h * m_w);
        m_image[at] = qRed(c) / 255.0;
        m_image[plane + at] = qGreen(c) / 255.0;
        m_image[2 * plane + at] = qBlue(c) / 255.0;
      }
  }
}

void KernelEditor::recompute() {
  if (!m_inView) return;
  const conv::Result r = conv::run(m_image, m_channels, m_h, m_w, layerKernel(), m_k, 1, padding(), 1);
  m_output = r.values;
  m_outH = r.height;
  m_outW = r.width;
  paintViews();
}

void KernelEditor::showError(const QString& message) {
  m_error = message;
  m_errorLabel->setText(message);
  m_errorLabel->setVisible(!message.isEmpty());
}

QString KernelEditor::errorText() const { return m_error; }

QString KernelEditor::depthText() const {
  if (m_channels == 1) return tr("Grey input, 1 channel: the kernel is 1 × %1 × %1 and gives one output map.").arg(m_k);
  return tr("Colour input, 3 channels: the kernel has the input's depth, 3 × %1 × %1 (one %1×%1 slice per channel). "
            "The three products are summed into ONE output map.")
      .arg(m_k);
}

QString KernelEditor::rangeText() const {
  double lo = 0, hi = 0;
  if (!m_output.empty()) {
    lo = *std::min_element(m_output.begin(), m_output.end());
    hi = *std::max_element(m_output.begin(), m_output.end());
  }
  return tr("Output values from %1 to %2 (blue negative, white 0, red positive).")
      .arg(conv::number(lo), conv::number(hi));
}

void KernelEditor::paintViews() {
  const std::size_t plane = static_cast<std::size_t>(m_h * m_w);
  m_inView->setGridSize(m_h, m_w);
  for (int y = 0; y < m_h; ++y)
    for (int x = 0; x < m_w; ++x) {
      CellGrid::Cell& cell = m_inView->cell(y, x);
      cell = CellGrid::Cell{};
      const std::size_t at = static_cast<std::size_t>(y * m_w + x);
      const auto level = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
      if (m_channels == 3)
        cell.fill = QColor(level(m_image[at]), level(m_image[plane + at]), level(m_image[2 * plane + at]));
      else
        cell.fill = QColor(level(m_image[at]), level(m_image[at]), level(m_image[at]));
    }
  m_inView->refresh();
  double a = 0;
  for (double v : m_output) a = std::max(a, std::abs(v));
  m_outView->setGridSize(m_outH, m_outW);
  for (int y = 0; y < m_outH; ++y)
    for (int x = 0; x < m_outW; ++x) {
      CellGrid::Cell& cell = m_outView->cell(y, x);
      cell = CellGrid::Cell{};
      cell.fill = conv::diverging(m_output[static_cast<std::size_t>(y * m_outW + x)], a);
    }
  m_outView->refresh();
  m_hist->setValues(m_output);
  m_range->setText(rangeText());
  m_depthLabel->setText(depthText());
  const std::vector<double> full = layerKernel();
  double ka = 0;
  for (double v : full) ka = std::max(ka, std::abs(v));
  for (int c = 0; c < 3; ++c) {
    const bool shown = c < m_channels;
    m_slices[c]->setVisible(shown);
    m_weightBoxes[c]->setVisible(m_channels == 3);
    m_weightLabels[c]->setVisible(shown);
    if (!shown) continue;
    m_slices[c]->setGridSize(m_k, m_k);
    for (int i = 0; i < m_k * m_k; ++i) {
      CellGrid::Cell& cell = m_slices[c]->cell(i / m_k, i % m_k);
      const double v = full[static_cast<std::size_t>(c * m_k * m_k + i)];
      cell.fill = conv::diverging(v, ka * 1.4);
      cell.text = conv::number(v);
      cell.textColor = conv::textOn(cell.fill);
    }
    m_slices[c]->refresh();
  }
  m_inTitle->setText(m_channels == 3 ? tr("Input %1×%2, 3 channels (red, green, blue)").arg(m_w).arg(m_h)
                                     : tr("Input %1×%2, 1 channel").arg(m_w).arg(m_h));
  m_outTitle->setText(tr("Output %1×%2: one map").arg(m_outW).arg(m_outH));
}

void KernelEditor::applyFonts() {
  const int cell = m_presentation ? 10 : 7;
  m_inView->setPreferredCell(cell);
  m_outView->setPreferredCell(cell);
  for (CellGrid* g : m_slices) g->setPreferredCell(m_presentation ? 36 : 26);
  for (QLineEdit* e : m_cells) {
    e->setMinimumWidth(e->fontMetrics().horizontalAdvance(QStringLiteral("−0.0625")) + 10);
    e->setMaximumWidth(e->minimumWidth() + 20);
  }
}

void KernelEditor::setPresentationMode(bool on) {
  m_presentation = on;
  applyFonts();
}

void KernelEditor::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  if (event->type() == QEvent::FontChange) applyFonts();
  QWidget::changeEvent(event);
}

void KernelEditor::retranslateUi() {
  m_kernelBox->setTitle(tr("Kernel"));
  m_presetLabel->setText(tr("Named kernel:"));
  m_preset->setItemText(0, tr("Sobel x (vertical edges)"));
  m_preset->setItemText(1, tr("Sobel y (horizontal edges)"));
  m_preset->setItemText(2, tr("Laplacian (all edges)"));
  m_preset->setItemText(3, tr("Box blur"));
  m_preset->setItemText(4, tr("Gaussian blur"));
  m_preset->setItemText(5, tr("Sharpen"));
  m_preset->setItemText(6, tr("Identity"));
  m_preset->setItemText(7, tr("Custom (typed)"));
  m_preset->setToolTip(tr("A classic hand-made kernel. A CNN learns kernels like these from data."));
  m_sizeLabel->setText(tr("Size:"));
  m_size->setToolTip(tr("3×3 or 5×5 weights. A larger kernel looks at a larger neighbourhood of each pixel."));
  m_sameBox->setText(tr("Zero padding (same size)"));
  m_sameBox->setToolTip(
      tr("On: (k−1)/2 zeros around the image keep the output's size, but the zeros make edges "
         "at the border. Off: the kernel only sits fully inside the image (\"valid\")."));
  m_noteLabel->setText(m_note.isEmpty() ? QString()
                                        : tr("This kernel is 3×3; the 5×5 version is the 3×3 framed with zeros."));
  m_noteLabel->setVisible(!m_note.isEmpty());
  m_imageBox->setTitle(tr("Image"));
  m_imageLabel->setText(tr("Image:"));
  m_imageChoice->setItemText(0, tr("Handwritten digit"));
  m_imageChoice->setItemText(1, tr("Shapes (bars, square, cross)"));
  m_imageChoice->setItemText(2, tr("Constant grey"));
  m_imageChoice->setItemText(3, tr("Colour shapes (3 channels)"));
  m_imageChoice->setToolTip(
      tr("The image the kernel is applied to. The colour image has three channels, so the "
         "kernel gets three slices."));
  m_digitLabel->setText(tr("Digit number:"));
  m_digit->setToolTip(tr("Which of the 1,797 bundled UCI digits (8×8, each pixel drawn 4×4)."));
  m_digitLabel->setVisible(m_imageId == QLatin1String("digit"));
  m_digit->setVisible(m_imageId == QLatin1String("digit"));
  m_depthBox->setTitle(tr("Kernel depth"));
  const QString channels[3] = {tr("Red"), tr("Green"), tr("Blue")};
  for (int c = 0; c < 3; ++c) {
    m_weightLabels[c]->setText(m_channels == 3 ? channels[c] : tr("Grey"));
    m_weightBoxes[c]->setToolTip(tr("Multiplies the kernel's %1 slice. 1, 1, 1: the same kernel on every channel; "
                                    "set one to 0 to ignore that channel.")
                                     .arg(channels[c].toLower()));
    m_slices[c]->setToolTip(tr("The kernel's slice for this channel, as the layer uses it."));
  }
  m_inView->setToolTip(tr("The input image."));
  m_outView->setToolTip(tr("The output map of the engine's conv2d layer: blue negative, white 0, red positive."));
  m_histTitle->setText(tr("Histogram of the output values (heights: square root of the count; grey: the bin at 0)"));
  m_histTitle->setWordWrap(true);
  m_hist->setToolTip(tr("How many output pixels have each value. An edge detector puts most pixels at 0."));
  for (std::size_t i = 0; i < m_cells.size(); ++i)
    m_cells[i]->setToolTip(tr("Weight in row %1, column %2 of the kernel. Type a number between −100 and 100; the "
                              "output updates as you type.")
                               .arg(static_cast<int>(i) / m_k + 1)
                               .arg(static_cast<int>(i) % m_k + 1));
  paintViews();
}

}  // namespace dlui
