// The architecture view; see ArchitectureView.h. The table's cells keep the raw setting in
// Qt::UserRole (a kind id, a number, kSamePadding) and show its text; a delegate edits UserRole
// with a combo or spin box, and onItemChanged turns that into the LayerSpec. The view rewrites
// its own cells under m_updating, so only the user's edits count as changes.
#include "labs/cnn/ArchitectureView.h"

#include "widgets/DisplayNames.h"

#include "act/Activation.h"
#include "cnn/Focus.h"
#include "io/ErrorText.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace dlui {

namespace {

using dl::Index;
using dl::LayerSpec;
using Col = ArchitectureView::Column;

constexpr Index kSame = LayerSpec::kSamePadding;
const QColor kErrorBackground(0xfd, 0xe0, 0xe0);
const QColor kErrorText(0xb0, 0x00, 0x20);
const QColor kMutedText(0x80, 0x80, 0x80);

// The kinds the view offers: the registered ones that work on images or follow them.
struct KindEntry {
  const char* id;
  const char* name;
  const char* tip;
};
const KindEntry kKinds[] = {
    {"conv2d", QT_TRANSLATE_NOOP("dlui::ArchitectureView", "Convolution"),
     QT_TRANSLATE_NOOP("dlui::ArchitectureView",
                       "conv2d: slides small kernels over the image; every position uses the same weights.")},
    {"max_pool2d", QT_TRANSLATE_NOOP("dlui::ArchitectureView", "Max pooling"),
     QT_TRANSLATE_NOOP("dlui::ArchitectureView",
                       "max_pool2d: keeps the largest value of each window; no weights. Halves the size with "
                       "kernel 2.")},
    {"avg_pool2d", QT_TRANSLATE_NOOP("dlui::ArchitectureView", "Average pooling"),
     QT_TRANSLATE_NOOP("dlui::ArchitectureView", "avg_pool2d: the mean of each window; no weights.")},
    {"global_avg_pool", QT_TRANSLATE_NOOP("dlui::ArchitectureView", "Global average pooling"),
     QT_TRANSLATE_NOOP("dlui::ArchitectureView",
                       "global_avg_pool: one number per channel, the mean of the whole map; works on any image "
                       "size.")},
    {"spp", QT_TRANSLATE_NOOP("dlui::ArchitectureView", "Spatial pyramid pooling"),
     QT_TRANSLATE_NOOP("dlui::ArchitectureView",
                       "spp: max pooling into 1×1, 2×2 and 4×4 grids: the same number of outputs for any image "
                       "size.")},
    {"flatten", QT_TRANSLATE_NOOP("dlui::ArchitectureView", "Flatten"),
     QT_TRANSLATE_NOOP("dlui::ArchitectureView",
                       "flatten: lines the maps up as one long vector for the dense layers; nothing is learned.")},
    {"batch_norm2d", QT_TRANSLATE_NOOP("dlui::ArchitectureView", "Batch norm"),
     QT_TRANSLATE_NOOP("dlui::ArchitectureView",
                       "batch_norm2d: normalises each channel over the batch, then scales and shifts it (2 "
                       "parameters per channel).")},
    {"dense", QT_TRANSLATE_NOOP("dlui::ArchitectureView", "Dense"),
     QT_TRANSLATE_NOOP("dlui::ArchitectureView",
                       "dense: every input value connected to every output unit. The last layer gives one value "
                       "per class.")},
    {"activation", QT_TRANSLATE_NOOP("dlui::ArchitectureView", "Activation"),
     QT_TRANSLATE_NOOP("dlui::ArchitectureView",
                       "activation: a non-linearity applied to every value (ReLU, tanh…); no weights, same "
                       "shape.")},
    {"dropout", QT_TRANSLATE_NOOP("dlui::ArchitectureView", "Dropout"),
     QT_TRANSLATE_NOOP("dlui::ArchitectureView",
                       "dropout: sets a random share of the values to 0 while training (the rate).")},
    {"locally_connected2d", QT_TRANSLATE_NOOP("dlui::ArchitectureView", "Locally connected"),
     QT_TRANSLATE_NOOP("dlui::ArchitectureView",
                       "locally_connected2d: windows like a convolution, but every position has its own "
                       "weights (no sharing).")},
    {"upsample", QT_TRANSLATE_NOOP("dlui::ArchitectureView", "Upsample"),
     QT_TRANSLATE_NOOP("dlui::ArchitectureView",
                       "upsample: makes the maps twice as high and wide by repeating pixels; no weights.")},
    {"conv_transpose2d", QT_TRANSLATE_NOOP("dlui::ArchitectureView", "Transposed convolution"),
     QT_TRANSLATE_NOOP("dlui::ArchitectureView",
                       "conv_transpose2d: learned upsampling; each input pixel stamps a kernel onto a larger "
                       "output.")},
};

const KindEntry* findKind(const std::string& id) {
  for (const KindEntry& k : kKinds)
    if (id == k.id) return &k;
  return nullptr;
}

bool isConvLike(const std::string& k) { return k == "conv2d" || k == "locally_connected2d" || k == "conv_transpose2d"; }
bool isPool(const std::string& k) { return k == "max_pool2d" || k == "avg_pool2d"; }

// Which settings a kind reads.
bool applies(const std::string& kind, int column) {
  switch (column) {
    case Col::ColKind:
      return true;
    case Col::ColUnits:
      return isConvLike(kind) || kind == "dense";
    case Col::ColKernel:
    case Col::ColStride:
      return isConvLike(kind) || isPool(kind);
    case Col::ColPadding:
    case Col::ColDilation:
      return isConvLike(kind);
    case Col::ColGroups:
      return kind == "conv2d";
    case Col::ColActivation:
      return kind == "activation";
    case Col::ColRate:
      return kind == "dropout";
    default:
      return false;
  }
}

Index effectiveStride(const LayerSpec& s) {
  if (s.stride != 0) return s.stride;
  return isPool(s.kind) ? s.kernel : 1;
}

// The raw value of a setting, as the cell keeps it.
QVariant settingValue(const LayerSpec& s, int column) {
  switch (column) {
    case Col::ColKind:
      return QString::fromStdString(s.kind);
    case Col::ColUnits:
      return static_cast<int>(s.units);
    case Col::ColKernel:
      return static_cast<int>(s.kernel);
    case Col::ColStride:
      return static_cast<int>(effectiveStride(s));
    case Col::ColPadding:
      return static_cast<int>(s.padding);
    case Col::ColDilation:
      return static_cast<int>(s.dilation);
    case Col::ColGroups:
      return static_cast<int>(s.groups);
    case Col::ColActivation:
      return QString::fromStdString(s.activation.activation);
    case Col::ColRate:
      return s.rate;
    default:
      return {};
  }
}

// A layer of `kind` in place of `old`: the kind's usual settings, keeping the width and bias.
LayerSpec specOfKind(const std::string& kind, const LayerSpec& old) {
  LayerSpec s;
  s.kind = kind;
  s.bias = old.bias;
  const bool hadUnits = isConvLike(old.kind) || old.kind == "dense";
  if (isConvLike(kind)) {
    s.units = hadUnits && old.units > 0 ? old.units : 8;
    s.kernel = 3;
    s.padding = kSame;
    if (kind == "conv_transpose2d") {
      s.kernel = 2;
      s.stride = 2;
      s.padding = 0;
    }
  } else if (isPool(kind)) {
    s.kernel = 2;
  } else if (kind == "dense") {
    s.units = hadUnits && old.units > 0 ? old.units : 10;
  } else if (kind == "activation") {
    s.activation.activation = "relu";
  } else if (kind == "dropout") {
    s.rate = 0.5;
  }
  return s;
}

// Writes a cell's raw value into the spec.
void setSetting(LayerSpec& s, int column, const QVariant& v) {
  switch (column) {
    case Col::ColKind:
      s = specOfKind(v.toString().toStdString(), s);
      break;
    case Col::ColUnits:
      s.units = v.toInt();
      break;
    case Col::ColKernel:
      s.kernel = v.toInt();
      break;
    case Col::ColStride:
      s.stride = v.toInt();
      break;
    case Col::ColPadding:
      s.padding = v.toInt();
      break;
    case Col::ColDilation:
      s.dilation = v.toInt();
      break;
    case Col::ColGroups:
      s.groups = v.toInt();
      break;
    case Col::ColActivation:
      s.activation.activation = v.toString().toStdString();
      break;
    case Col::ColRate:
      s.rate = v.toDouble();
      break;
    default:
      break;
  }
}

QString shapeText(const dl::Shape& s) {
  if (s.height == 1 && s.width == 1) return ArchitectureView::count(static_cast<double>(s.channels));
  return QStringLiteral("%1×%2×%3").arg(s.channels).arg(s.height).arg(s.width);
}

// A table as tall as its rows: the comparison tables have two or three, and no scroll bar. Row
// heights follow the font, so this runs again when the view is shown and when the font changes.
void fitHeight(QTableWidget* t) {
  t->ensurePolished();
  t->resizeRowsToContents();
  int h = t->horizontalHeader()->isHidden() ? 0 : t->horizontalHeader()->sizeHint().height();
  for (int r = 0; r < t->rowCount(); ++r) h += t->verticalHeader()->sectionSize(r);
  t->setFixedHeight(h + 2 * t->frameWidth() + 2);
}

// Combo boxes for the kind and the activation, spin boxes for the numbers; all edit UserRole.
class SettingDelegate : public QStyledItemDelegate {
public:
  using QStyledItemDelegate::QStyledItemDelegate;

  QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem&, const QModelIndex& index) const override {
    switch (index.column()) {
      case Col::ColKind: {
        auto* c = new QComboBox(parent);
        for (const KindEntry& k : kKinds) {
          c->addItem(ArchitectureView::kindName(k.id), QString::fromLatin1(k.id));
          c->setItemData(c->count() - 1, ArchitectureView::kindTip(k.id), Qt::ToolTipRole);
        }
        commitOnChoice(c);
        return c;
      }
      case Col::ColActivation: {
        auto* c = new QComboBox(parent);
        for (const std::string& name : dl::activationNames())
          if (name != "maxout") c->addItem(displayName(NameKind::Activation, name), QString::fromStdString(name));
        commitOnChoice(c);
        return c;
      }
      case Col::ColRate: {
        auto* s = new QDoubleSpinBox(parent);
        s->setRange(0, 0.95);
        s->setSingleStep(0.05);
        s->setDecimals(2);
        return s;
      }
      default: {
        auto* s = new QSpinBox(parent);
        const int column = index.column();
        s->setRange(column == Col::ColPadding ? static_cast<int>(kSame) : 1, column == Col::ColUnits    ? 4096
                                                                             : column == Col::ColGroups ? 512
                                                                                                        : 32);
        if (column == Col::ColPadding) s->setSpecialValueText(ArchitectureView::paddingText(kSame));
        return s;
      }
    }
  }
  void setEditorData(QWidget* editor, const QModelIndex& index) const override {
    const QVariant v = index.data(Qt::UserRole);
    if (auto* c = qobject_cast<QComboBox*>(editor)) {
      c->setCurrentIndex(std::max(0, c->findData(v)));
    } else if (auto* d = qobject_cast<QDoubleSpinBox*>(editor)) {
      d->setValue(v.toDouble());
    } else if (auto* s = qobject_cast<QSpinBox*>(editor)) {
      s->setValue(v.toInt());
    }
  }
  void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override {
    if (auto* c = qobject_cast<QComboBox*>(editor)) {
      model->setData(index, c->currentData(), Qt::UserRole);
    } else if (auto* d = qobject_cast<QDoubleSpinBox*>(editor)) {
      d->interpretText();
      model->setData(index, d->value(), Qt::UserRole);
    } else if (auto* s = qobject_cast<QSpinBox*>(editor)) {
      s->interpretText();
      model->setData(index, s->value(), Qt::UserRole);
    }
  }

private:
  // A choice in a combo box is the edit: no extra click to leave the cell.
  void commitOnChoice(QComboBox* c) const {
    connect(c, &QComboBox::activated, this, [this, c] {
      auto* self = const_cast<SettingDelegate*>(this);
      emit self->commitData(c);
      emit self->closeEditor(c);
    });
  }
};

// The comparisons' concrete stacks: 3×3 convolutions with ReLUs between them, no bias (the claims
// count weights), "same" padding on a 16×16 map.
constexpr Index kCompareSide = 16;  // the comparisons' feature maps: C×16×16
constexpr Index kSharingOut = 16;   // weight sharing: a 32×32 colour image to 16 channels (cnn/Focus.h)

}  // namespace

// ---- names shared with the delegate ----

QString ArchitectureView::kindName(const std::string& id) {
  const KindEntry* k = findKind(id);
  return k ? tr(k->name) : QString::fromStdString(id);
}

QString ArchitectureView::kindTip(const std::string& id) {
  const KindEntry* k = findKind(id);
  return k ? tr(k->tip) : QString();
}

QString ArchitectureView::paddingText(dl::Index padding) {
  return padding == kSame ? tr("same") : QString::number(padding);
}

QString ArchitectureView::count(double v) { return QLocale().toString(static_cast<qlonglong>(std::llround(v))); }

QString ArchitectureView::shortCount(double v) {
  const QLocale locale;
  const double a = std::abs(v);
  if (a < 1e3) return count(v);
  if (a < 1e6) return tr("%1 k").arg(locale.toString(v / 1e3, 'f', 1));
  if (a < 1e9) return tr("%1 M").arg(locale.toString(v / 1e6, 'f', 1));
  return tr("%1 G").arg(locale.toString(v / 1e9, 'f', 1));
}

// ---- construction ----

ArchitectureView::ArchitectureView(QWidget* parent) : QWidget(parent) {
  buildUi();
  retranslateUi();
  recompute();
}

void ArchitectureView::buildUi() {
  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(0, 0, 0, 0);

  // ---- the stack ----
  // The stack takes the height the comparisons leave: its table scrolls, their text must not.
  auto* stack = new QWidget(this);
  auto* column = new QVBoxLayout(stack);
  column->setContentsMargins(6, 6, 6, 6);
  m_inputLabel = new QLabel(stack);
  m_inputLabel->setObjectName(QStringLiteral("archInput"));
  m_inputLabel->setWordWrap(true);
  column->addWidget(m_inputLabel);

  m_table = new QTableWidget(0, ColumnCount, stack);
  m_table->setObjectName(QStringLiteral("archTable"));
  m_table->setItemDelegate(new SettingDelegate(m_table));
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setSelectionMode(QAbstractItemView::SingleSelection);
  m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked |
                           QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  m_table->verticalHeader()->setDefaultAlignment(Qt::AlignCenter);
  for (int c = 0; c < ColumnCount; ++c) m_table->setHorizontalHeaderItem(c, new QTableWidgetItem);
  column->addWidget(m_table, 1);
  connect(m_table, &QTableWidget::itemChanged, this, &ArchitectureView::onItemChanged);
  // The current row moves after the selection does: both update the buttons.
  connect(m_table, &QTableWidget::itemSelectionChanged, this, &ArchitectureView::updateButtons);
  connect(m_table, &QTableWidget::currentCellChanged, this, &ArchitectureView::updateButtons);

  auto* buttons = new QHBoxLayout;
  m_add = new QPushButton(stack);
  m_add->setObjectName(QStringLiteral("archAdd"));
  m_remove = new QPushButton(stack);
  m_remove->setObjectName(QStringLiteral("archRemove"));
  m_up = new QPushButton(stack);
  m_up->setObjectName(QStringLiteral("archUp"));
  m_down = new QPushButton(stack);
  m_down->setObjectName(QStringLiteral("archDown"));
  for (QPushButton* b : {m_add, m_remove, m_up, m_down}) buttons->addWidget(b);
  buttons->addStretch(1);
  column->addLayout(buttons);
  connect(m_add, &QPushButton::clicked, this, &ArchitectureView::addLayer);
  connect(m_remove, &QPushButton::clicked, this, &ArchitectureView::removeLayer);
  connect(m_up, &QPushButton::clicked, this, [this] { moveLayer(-1); });
  connect(m_down, &QPushButton::clicked, this, [this] { moveLayer(+1); });

  m_totals = new QLabel(stack);
  m_totals->setObjectName(QStringLiteral("archTotals"));
  m_totals->setWordWrap(true);
  column->addWidget(m_totals);
  m_error = new QLabel(stack);
  m_error->setObjectName(QStringLiteral("archError"));
  m_error->setWordWrap(true);
  m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
  m_error->hide();
  column->addWidget(m_error);

  // ---- the comparisons ----
  m_compareBox = new QGroupBox(this);
  m_compareBox->setObjectName(QStringLiteral("archComparisons"));
  auto* compare = new QVBoxLayout(m_compareBox);
  auto* pick = new QHBoxLayout;
  m_compare = new QComboBox(m_compareBox);
  m_compare->setObjectName(QStringLiteral("archCompare"));
  m_compare->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  for (int i = 0; i < 4; ++i) m_compare->addItem(QString());
  m_channelsLabel = new QLabel(m_compareBox);
  m_channels = new QSpinBox(m_compareBox);
  m_channels->setObjectName(QStringLiteral("archCompareC"));
  m_channels->setRange(1, 512);
  m_channels->setValue(64);
  m_channelsLabel->setBuddy(m_channels);
  pick->addWidget(m_compare);
  pick->addSpacing(12);
  pick->addWidget(m_channelsLabel);
  pick->addWidget(m_channels);
  pick->addStretch(1);
  compare->addLayout(pick);
  connect(m_compare, &QComboBox::currentIndexChanged, this, &ArchitectureView::showComparison);
  connect(m_channels, &QSpinBox::valueChanged, this, &ArchitectureView::showComparison);

  m_compareTable = new QTableWidget(0, 5, m_compareBox);
  m_compareTable->setObjectName(QStringLiteral("archCompareTable"));
  m_compareTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_compareTable->setSelectionMode(QAbstractItemView::NoSelection);
  m_compareTable->setFocusPolicy(Qt::NoFocus);
  m_compareTable->verticalHeader()->hide();
  m_compareTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  m_compareTable->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  for (int c = 0; c < 5; ++c) m_compareTable->setHorizontalHeaderItem(c, new QTableWidgetItem);
  compare->addWidget(m_compareTable);
  m_lesson = new QLabel(m_compareBox);
  m_lesson->setObjectName(QStringLiteral("archLesson"));
  m_lesson->setWordWrap(true);
  m_lesson->setTextInteractionFlags(Qt::TextSelectableByMouse);
  compare->addWidget(m_lesson);

  outer->addWidget(stack, 1);
  outer->addWidget(m_compareBox, 0);
}

void ArchitectureView::retranslateUi() {
  static const char* const headers[ColumnCount][2] = {
      {QT_TR_NOOP("Layer"), QT_TR_NOOP("What the layer does. Double-click to choose another kind.")},
      {QT_TR_NOOP("Units"),
       QT_TR_NOOP("Output channels of a convolution (how many different kernels it learns), or units of a dense "
                  "layer.")},
      {QT_TR_NOOP("Kernel"), QT_TR_NOOP("Side of the square window the layer looks at, in pixels of its input.")},
      {QT_TR_NOOP("Stride"),
       QT_TR_NOOP("How far the window moves each step. Stride 2 halves the height and width (pooling moves by "
                  "its kernel size unless told otherwise).")},
      {QT_TR_NOOP("Padding"),
       QT_TR_NOOP("Zeros added around the input. \"same\" adds just enough to keep the size at stride 1.")},
      {QT_TR_NOOP("Dilation"),
       QT_TR_NOOP("Spacing between the kernel's taps: a 3×3 kernel with dilation 2 covers 5×5 with 9 weights.")},
      {QT_TR_NOOP("Groups"),
       QT_TR_NOOP("Splits the channels into groups that do not see each other; groups = input channels is a "
                  "depthwise convolution.")},
      {QT_TR_NOOP("Activation"), QT_TR_NOOP("The non-linear function an activation layer applies to every value.")},
      {QT_TR_NOOP("Rate"), QT_TR_NOOP("Share of the values dropout sets to 0 while training.")},
      {QT_TR_NOOP("Output"),
       QT_TR_NOOP("Shape of the layer's output for one image: channels × height × width, or one number for a "
                  "flat vector.")},
      {QT_TR_NOOP("Parameters"),
       QT_TR_NOOP("Numbers this layer learns (weights and biases). Pooling, activations and flatten learn "
                  "none.")},
      {QT_TR_NOOP("Receptive field"),
       QT_TR_NOOP("How large a square of the input image one output value depends on. It grows with every "
                  "kernel and faster after each stride; it can be larger than the image (the rest is padding). "
                  "\"all\": the layer sees the whole image.")},
      {QT_TR_NOOP("FLOPs"),
       QT_TR_NOOP("Floating-point operations for one image: 2 per multiply-add with a weight (k = thousand, M = "
                  "million). Pooling and activations are counted as 0: they are cheap next to the products.")},
  };
  for (int c = 0; c < ColumnCount; ++c) {
    QTableWidgetItem* h = m_table->horizontalHeaderItem(c);
    h->setText(tr(headers[c][0]));
    h->setToolTip(tr(headers[c][1]));
  }
  m_table->verticalHeader()->setToolTip(
      tr("Position in the stack, counted from 0 as in the error messages (layers[0] is the first layer)."));
  m_table->setToolTip(tr("Double-click a setting to change it. Red: the layer does not fit what comes into it."));

  m_add->setText(tr("Add layer"));
  m_add->setToolTip(tr("Adds a layer after the selected one (at the end when none is selected)."));
  m_remove->setText(tr("Remove"));
  m_remove->setToolTip(tr("Removes the selected layer."));
  m_up->setText(tr("Move up"));
  m_up->setToolTip(tr("Moves the selected layer one place earlier in the stack."));
  m_down->setText(tr("Move down"));
  m_down->setToolTip(tr("Moves the selected layer one place later in the stack."));
  m_totals->setToolTip(tr("The whole stack: what it learns and what one image costs to run through it."));

  m_compareBox->setTitle(tr("Comparisons"));
  m_compareBox->setToolTip(
      tr("Classic design choices, computed on concrete layers with the same formulas as "
         "the table above."));
  m_compare->setItemText(0, tr("Three 3×3 vs one 7×7"));
  m_compare->setItemText(1, tr("Two 3×3 vs one 5×5"));
  m_compare->setItemText(2, tr("1×1 bottleneck vs direct 3×3"));
  m_compare->setItemText(3, tr("Conv vs locally connected vs dense"));
  m_compare->setToolTip(tr("Choose which two designs to compare."));
  m_channelsLabel->setText(tr("Channels C:"));
  m_channels->setToolTip(
      tr("The number of channels C in and out of the convolutions compared; their weights "
         "grow as C²."));
  m_channelsLabel->setToolTip(m_channels->toolTip());
  static const char* const compareHeaders[5][2] = {
      {QT_TR_NOOP("Design"), QT_TR_NOOP("The layers compared, on the input named below the table.")},
      {QT_TR_NOOP("Receptive field"), QT_TR_NOOP("How large a square of the input one output value depends on.")},
      {QT_TR_NOOP("Weights"), QT_TR_NOOP("Numbers learned (no biases, as in the usual statement of the claim).")},
      {QT_TR_NOOP("Weights in C²"), QT_TR_NOOP("The same count as a multiple of C²: it holds for any C.")},
      {QT_TR_NOOP("FLOPs"), QT_TR_NOOP("Floating-point operations for one input: 2 per multiply-add.")},
  };
  for (int c = 0; c < 5; ++c) {
    QTableWidgetItem* h = m_compareTable->horizontalHeaderItem(c);
    h->setText(tr(compareHeaders[c][0]));
    h->setToolTip(tr(compareHeaders[c][1]));
  }
  m_lesson->setToolTip(tr("What the comparison shows."));
  showRows();
  showTotals();
  showComparison();
}

void ArchitectureView::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  fitHeight(m_compareTable);
}

void ArchitectureView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  if (event->type() == QEvent::FontChange) fitHeight(m_compareTable);
  QWidget::changeEvent(event);
}

// ---- model side ----

void ArchitectureView::setInput(dl::Shape input) {
  m_input = input;
  recompute();
}

void ArchitectureView::setLayers(const std::vector<dl::LayerSpec>& layers) {
  m_layers = layers;
  recompute();
}

void ArchitectureView::setPresentationMode(bool on) {
  m_presentation = on;
  QFont f = font();
  f.setBold(on);
  m_lesson->setFont(on ? f : QFont());
  updateColumnVisibility();
  fitHeight(m_compareTable);
}

void ArchitectureView::setEditable(bool on) {
  m_editable = on;
  m_table->setEditTriggers(on ? QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked |
                                    QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed
                              : QAbstractItemView::NoEditTriggers);
  updateButtons();
}

void ArchitectureView::recompute() {
  m_summary = dl::describeStack(m_input, m_layers);
  m_inputLabel->setText(tr("Input: %1 images (channels × height × width)").arg(shapeText(m_input)));
  showRows();
  showTotals();
  updateColumnVisibility();
  updateButtons();
}

QTableWidgetItem* ArchitectureView::cell(int row, int column) {
  QTableWidgetItem* item = m_table->item(row, column);
  if (!item) {
    item = new QTableWidgetItem;
    m_table->setItem(row, column, item);
  }
  return item;
}

void ArchitectureView::showRows() {
  const bool wasUpdating = m_updating;
  m_updating = true;
  const int n = static_cast<int>(m_layers.size());
  if (m_table->rowCount() != n) m_table->setRowCount(n);
  QStringList numbers;
  for (int r = 0; r < n; ++r) numbers << QString::number(r);
  m_table->setVerticalHeaderLabels(numbers);
  for (int r = 0; r < n; ++r) showRow(r);
  m_updating = wasUpdating;
}

void ArchitectureView::showRow(int r) {
  const LayerSpec& s = m_layers[static_cast<std::size_t>(r)];
  const dl::ArchitectureRow& row = m_summary.rows[static_cast<std::size_t>(r)];
  const bool error = row.status == dl::RowStatus::Error;
  const bool after = row.status == dl::RowStatus::AfterError;
  const QString message = error && row.error ? dlio::ErrorText::of(*row.error) : QString();

  for (int c = 0; c < ColumnCount; ++c) {
    QTableWidgetItem* item = cell(r, c);
    QString text, tip;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (c < ColOutput) {
      const bool used = applies(s.kind, c);
      item->setData(Qt::UserRole, used ? settingValue(s, c) : QVariant());
      if (used) {
        flags |= Qt::ItemIsEditable;
        const QVariant v = settingValue(s, c);
        if (c == ColKind) {
          text = kindName(s.kind);
          tip = kindTip(s.kind);
        } else if (c == ColPadding) {
          text = paddingText(s.padding);
        } else if (c == ColActivation) {
          text = displayName(NameKind::Activation, s.activation.activation);
        } else if (c == ColRate) {
          text = QLocale().toString(s.rate, 'g', 3);
        } else {
          text = QString::number(v.toInt());
        }
      }
    } else if (after) {
      text = QStringLiteral("—");
      tip = tr("Not computed: a layer above does not fit.");
    } else if (error) {
      if (c == ColOutput) text = tr("does not fit");
    } else {
      switch (c) {
        case ColOutput:
          text = shapeText(row.output);
          break;
        case ColParams:
          text = count(static_cast<double>(row.params));
          break;
        case ColField:
          text = row.wholeInput ? tr("%1×%2 (all)").arg(row.receptiveHeight).arg(row.receptiveWidth)
                                : QStringLiteral("%1×%2").arg(row.receptiveHeight).arg(row.receptiveWidth);
          tip = tr("One output value of this layer depends on a %1×%2 square of input pixels.")
                    .arg(row.receptiveHeight)
                    .arg(row.receptiveWidth);
          break;
        case ColFlops:
          text = shortCount(2 * row.multiplyAdds);
          tip = tr("%1 multiply-adds per image").arg(count(row.multiplyAdds));
          break;
        default:
          break;
      }
    }
    if (error) tip = message;
    item->setText(text);
    item->setToolTip(tip);
    item->setFlags(flags);
    item->setTextAlignment(c == ColKind ? Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter)
                                        : Qt::Alignment(Qt::AlignCenter));
    item->setBackground(error ? QBrush(kErrorBackground) : QBrush());
    item->setForeground(error ? QBrush(kErrorText) : after ? QBrush(kMutedText) : QBrush());
  }
}

void ArchitectureView::showTotals() {
  const dl::ArchitectureSummary& a = m_summary;
  if (a.valid()) {
    m_totals->setText(
        tr("Total: %1 parameters, %2 FLOPs per image, output %3.")
            .arg(count(static_cast<double>(a.params)), shortCount(2 * a.multiplyAdds), shapeText(a.output)));
  } else if (a.firstError > 0) {
    m_totals->setText(tr("Up to layer %1: %2 parameters, %3 FLOPs per image.")
                          .arg(QString::number(a.firstError - 1), count(static_cast<double>(a.params)),
                               shortCount(2 * a.multiplyAdds)));
  } else {
    m_totals->clear();
  }
  m_totals->setVisible(!m_totals->text().isEmpty());
  if (a.error) {
    const QString message = dlio::ErrorText::of(*a.error);
    m_error->setText(a.firstError >= 0 ? tr("Layer %1 does not fit: %2").arg(a.firstError).arg(message)
                                       : tr("The stack is not complete: %1").arg(message));
  }
  m_error->setVisible(a.error.has_value());
}

void ArchitectureView::updateButtons() {
  const int row = m_table->currentRow();
  const bool selected = m_table->selectionModel()->hasSelection() && row >= 0;
  const int n = static_cast<int>(m_layers.size());
  m_add->setEnabled(m_editable);
  m_remove->setEnabled(m_editable && selected);
  m_up->setEnabled(m_editable && selected && row > 0);
  m_down->setEnabled(m_editable && selected && row < n - 1);
}

// On a projector the table keeps what a room reads: the settings no layer uses are hidden.
void ArchitectureView::updateColumnVisibility() {
  const auto uses = [&](auto pred) { return std::any_of(m_layers.begin(), m_layers.end(), pred); };
  const bool dilation = uses([](const LayerSpec& s) { return isConvLike(s.kind) && s.dilation != 1; });
  const bool groups = uses([](const LayerSpec& s) { return s.kind == "conv2d" && s.groups != 1; });
  const bool rate = uses([](const LayerSpec& s) { return s.kind == "dropout"; });
  m_table->setColumnHidden(ColDilation, m_presentation && !dilation);
  m_table->setColumnHidden(ColGroups, m_presentation && !groups);
  m_table->setColumnHidden(ColRate, m_presentation && !rate);
}

// ---- user edits ----

void ArchitectureView::onItemChanged(QTableWidgetItem* item) {
  if (m_updating) return;
  const int r = item->row(), c = item->column();
  if (r < 0 || r >= static_cast<int>(m_layers.size()) || c >= ColOutput) return;
  if (!m_editable) {  // an editor left open when training started: its value is dropped
    m_updating = true;
    showRow(r);
    m_updating = false;
    return;
  }
  LayerSpec& s = m_layers[static_cast<std::size_t>(r)];
  const QVariant v = item->data(Qt::UserRole);
  if (!v.isValid() || v == settingValue(s, c)) return;
  setSetting(s, c, v);
  userChanged();
}

void ArchitectureView::userChanged() {
  recompute();
  emit layersChanged();
}

// After the selected layer (at the end without one): a convolution while the data is an image,
// a dense layer once it is flat, so that the new row fits.
void ArchitectureView::addLayer() {
  const int row = m_table->selectionModel()->hasSelection() ? m_table->currentRow() : -1;
  const int at = row >= 0 ? row + 1 : static_cast<int>(m_layers.size());
  dl::Shape before = m_input;
  if (at > 0 && m_summary.rows[static_cast<std::size_t>(at - 1)].status == dl::RowStatus::Ok)
    before = m_summary.rows[static_cast<std::size_t>(at - 1)].output;
  const bool image = before.height > 1 || before.width > 1;
  m_layers.insert(m_layers.begin() + at, specOfKind(image ? "conv2d" : "dense", LayerSpec{}));
  userChanged();
  m_table->setCurrentCell(at, ColKind);
}

void ArchitectureView::removeLayer() {
  const int row = m_table->currentRow();
  if (row < 0 || row >= static_cast<int>(m_layers.size())) return;
  m_layers.erase(m_layers.begin() + row);
  userChanged();
  if (!m_layers.empty()) m_table->setCurrentCell(std::min(row, static_cast<int>(m_layers.size()) - 1), ColKind);
}

void ArchitectureView::moveLayer(int delta) {
  const int row = m_table->currentRow(), to = row + delta;
  const int n = static_cast<int>(m_layers.size());
  if (row < 0 || row >= n || to < 0 || to >= n) return;
  std::swap(m_layers[static_cast<std::size_t>(row)], m_layers[static_cast<std::size_t>(to)]);
  userChanged();
  m_table->setCurrentCell(to, ColKind);
}

// ---- comparisons ----

void ArchitectureView::setComparison(Comparison c) { m_compare->setCurrentIndex(static_cast<int>(c)); }

void ArchitectureView::setComparisonChannels(int c) { m_channels->setValue(c); }

void ArchitectureView::showComparison() {
  const auto which = static_cast<Comparison>(std::max(0, m_compare->currentIndex()));
  const Index C = m_channels->value();
  const dl::Shape square{C, kCompareSide, kCompareSide, 1};
  struct Design {
    QString name;
    dl::ArchitectureSummary summary;
    int perC2 = 0;  // weights / C², 0: not a claim in C²
  };
  std::vector<Design> designs;
  QString input, lesson;
  const auto weights = [](const Design& d) { return count(static_cast<double>(d.summary.params)); };
  static const char* const ids[] = {"three-vs-seven", "two-vs-five", "bottleneck", "weight-sharing"};
  // The stacks compared are the engine's (cnn/Focus.h), so the headless preset prints these numbers.
  const std::vector<dl::ComparisonDesign> engineDesigns = dl::comparisonDesigns(ids[static_cast<int>(which)], C);
  static const char* const names[4][3] = {
      {QT_TR_NOOP("Three 3×3 convolutions"), QT_TR_NOOP("One 7×7 convolution"), nullptr},
      {QT_TR_NOOP("Two 3×3 convolutions"), QT_TR_NOOP("One 5×5 convolution"), nullptr},
      {QT_TR_NOOP("1×1 to C, then 3×3"), QT_TR_NOOP("3×3 straight from 4C"), nullptr},
      {QT_TR_NOOP("Convolution 3×3"), QT_TR_NOOP("Locally connected 3×3"), QT_TR_NOOP("Dense")}};
  for (std::size_t i = 0; i < engineDesigns.size(); ++i)
    designs.push_back({tr(names[static_cast<int>(which)][i]),
                       dl::describeStack(engineDesigns[i].input, engineDesigns[i].stack), engineDesigns[i].perC2});
  switch (which) {
    case Comparison::ThreeVsSeven:
      lesson = tr("Three 3×3 layers see 7×7 like one 7×7 layer, with 27C² = %1 weights instead of 49C² = %2 (C = "
                  "%3), and two more non-linearities.")
                   .arg(weights(designs[0]), weights(designs[1]), QString::number(C));
      break;
    case Comparison::TwoVsFive:
      lesson = tr("Two 3×3 layers see 5×5 like one 5×5 layer, with 18C² = %1 weights instead of 25C² = %2 (C = "
                  "%3), and one more non-linearity.")
                   .arg(weights(designs[0]), weights(designs[1]), QString::number(C));
      break;
    case Comparison::Bottleneck: {
      const dl::ArchitectureSummary& b = designs[0].summary;
      const bool ok = b.valid() && b.rows.size() == 3;
      lesson = tr("A 1×1 layer first reduces the %1 channels to %2; with the 3×3 after it, the pair costs %3 + %4 = %5 "
                  "weights instead of %6 for a 3×3 straight from %1 channels: %7 times fewer, for the same 3×3 view.")
                   .arg(count(static_cast<double>(4 * C)), count(static_cast<double>(C)),
                        ok ? count(static_cast<double>(b.rows[0].params)) : QString(),
                        ok ? count(static_cast<double>(b.rows[2].params)) : QString(), weights(designs[0]),
                        weights(designs[1]), QLocale().toString(36.0 / 13.0, 'f', 1));
      input = tr("Input: %1 (4C channels).").arg(shapeText(engineDesigns[0].input));
      break;
    }
    case Comparison::WeightSharing: {
      const dl::Shape in = engineDesigns[0].input;
      const dl::Shape out{kSharingOut, in.height, in.width, 1};
      lesson = tr("Same input (%1) and output (%2): a convolution shares one set of 3×3 kernels over all %3 "
                  "positions, %4 weights; a locally connected layer has its own at each position, %5; a dense "
                  "layer joins every input value to every output value, %6 weights.")
                   .arg(shapeText(in), shapeText(out), count(static_cast<double>(in.height * in.width)),
                        weights(designs[0]), weights(designs[1]), weights(designs[2]));
      input = tr("Input: %1, output %2 values.").arg(shapeText(in), count(static_cast<double>(out.size())));
      break;
    }
  }
  if (input.isEmpty()) input = tr("Input: %1 (C channels, \"same\" padding, no biases).").arg(shapeText(square));

  const bool inC2 = which != Comparison::WeightSharing;
  m_channels->setEnabled(inC2);
  m_channelsLabel->setEnabled(inC2);
  m_compareTable->setColumnHidden(3, !inC2);
  m_compareTable->setRowCount(static_cast<int>(designs.size()));
  for (int r = 0; r < static_cast<int>(designs.size()); ++r) {
    const Design& d = designs[static_cast<std::size_t>(r)];
    const dl::ArchitectureSummary& a = d.summary;
    QString field;
    if (a.valid() && !a.rows.empty()) {
      const dl::ArchitectureRow& last = a.rows.back();
      field = last.wholeInput ? tr("%1×%2 (all)").arg(last.receptiveHeight).arg(last.receptiveWidth)
                              : QStringLiteral("%1×%2").arg(last.receptiveHeight).arg(last.receptiveWidth);
    }
    const QString texts[5] = {d.name, field, weights(d), d.perC2 > 0 ? tr("%1C²").arg(d.perC2) : QString(),
                              shortCount(2 * a.multiplyAdds)};
    for (int c = 0; c < 5; ++c) {
      auto* item = m_compareTable->item(r, c);
      if (!item) {
        item = new QTableWidgetItem;
        m_compareTable->setItem(r, c, item);
      }
      item->setText(texts[c]);
      item->setTextAlignment(c == 0 ? Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter) : Qt::Alignment(Qt::AlignCenter));
      if (c == 4) item->setToolTip(tr("%1 multiply-adds").arg(count(a.multiplyAdds)));
    }
  }
  m_lesson->setText(input + QLatin1Char('\n') + lesson);
  fitHeight(m_compareTable);
}

}  // namespace dlui
