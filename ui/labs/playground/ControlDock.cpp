// The controls dock (see ControlDock.h): widgets are created untitled and named in
// retranslateUi(); every user signal goes to userEdited(), setFromConfig() blocks them all.
#include "labs/playground/ControlDock.h"

#include "widgets/DisplayNames.h"
#include "widgets/FieldControls.h"
#include "widgets/LogSlider.h"

#include "act/Activation.h"
#include "data/Generators.h"
#include "data/Prepare.h"
#include "init/Initializer.h"
#include "optim/Optimizer.h"
#include "schedule/Schedule.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QToolBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace dlui {

namespace {

enum class Clip { Off = 0, Norm = 1, Value = 2 };

// Spelled out per count: no English .qm is needed for readable plurals.
QString layerCountText(int n) {
  if (n == 0) return ControlDock::tr("No hidden layer");
  if (n == 1) return ControlDock::tr("1 hidden layer");
  return ControlDock::tr("%1 hidden layers").arg(n);
}

QString resetsNote() { return ControlDock::tr("↻ Changing this starts again with new weights."); }

// Item data holds the engine id; texts are filled in retranslateUi().
void fillIds(QComboBox* combo, const std::vector<std::string>& ids) {
  for (const std::string& id : ids) combo->addItem(QString(), QString::fromStdString(id));
}

void retranslateIds(QComboBox* combo, NameKind kind) {
  for (int i = 0; i < combo->count(); ++i)
    combo->setItemText(i, displayName(kind, combo->itemData(i).toString().toStdString()));
}

std::string currentId(const QComboBox* combo) { return combo->currentData().toString().toStdString(); }

void selectId(QComboBox* combo, const std::string& id) {
  const QSignalBlocker blocker(combo);
  const int i = combo->findData(QString::fromStdString(id));
  if (i >= 0) combo->setCurrentIndex(i);
}

// Narrow combos: the dock must fit a 1366-pixel screen next to the map.
QComboBox* makeCombo(QWidget* parent) {
  auto* c = new QComboBox(parent);
  c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  c->setMinimumContentsLength(8);
  return c;
}

int seedShown(std::uint64_t seed) {
  return static_cast<int>(std::min<std::uint64_t>(seed, std::numeric_limits<int>::max()));
}

QSpinBox* makeSpin(QWidget* parent, int lo, int hi, int step) {
  auto* s = new QSpinBox(parent);
  s->setRange(lo, hi);
  s->setSingleStep(step);
  s->setKeyboardTracking(false);  // typing "500" is one edit, not three rebuilds
  return s;
}

QDoubleSpinBox* makeDoubleSpin(QWidget* parent, double lo, double hi, double step, int decimals) {
  auto* s = new QDoubleSpinBox(parent);
  s->setRange(lo, hi);
  s->setSingleStep(step);
  s->setDecimals(decimals);
  s->setKeyboardTracking(false);
  return s;
}

using fieldcontrols::field;
using fieldcontrols::makeLogSlider;
using fieldcontrols::setRange;

int percent(double fraction) { return static_cast<int>(std::lround(fraction * 100)); }

template <class W, class V>
void setQuietly(W* w, const V& v) {
  const QSignalBlocker blocker(w);
  w->setValue(v);
}

void setChecked(QCheckBox* c, bool on) {
  const QSignalBlocker blocker(c);
  c->setChecked(on);
}

// A form row whose label is named later, in retranslateUi() (see describeRow).
void addField(QFormLayout* form, QWidget* field) {
  auto* label = new QLabel(field->parentWidget());
  label->setBuddy(field);
  form->addRow(label, field);
}

QFormLayout* makeForm(QWidget* page) {
  auto* form = new QFormLayout(page);
  form->setRowWrapPolicy(QFormLayout::WrapLongRows);
  form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  return form;
}

// The label of `field` in its form layout, with a tooltip on both.
void describeRow(QWidget* field, const QString& label, const QString& tip) {
  field->setToolTip(tip);
  if (auto* form = qobject_cast<QFormLayout*>(field->parentWidget() ? field->parentWidget()->layout() : nullptr)) {
    if (auto* l = qobject_cast<QLabel*>(form->labelForField(field))) {
      l->setText(label);
      l->setToolTip(tip);
    }
  }
}

void setRowVisible(QWidget* field, bool visible) {
  if (auto* form = qobject_cast<QFormLayout*>(field->parentWidget() ? field->parentWidget()->layout() : nullptr))
    form->setRowVisible(field, visible);
}

}  // namespace

int ControlDock::maxUnits() { return static_cast<int>(field(dl::layerFields(), "units").hi); }

ControlDock::ControlDock(QWidget* parent) : QDockWidget(parent) {
  setObjectName(QStringLiteral("controlDock"));
  setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetFloatable);
  m_pages = new QToolBox(this);
  m_pages->setObjectName(QStringLiteral("controlPages"));
  m_pages->addItem(buildDataPage(), QString());
  m_pages->addItem(buildNetworkPage(), QString());
  m_pages->addItem(buildTrainingPage(), QString());
  m_pages->addItem(buildRegularizationPage(), QString());
  m_pages->setCurrentIndex(1);
  setWidget(m_pages);
  retranslateUi();
  setFromConfig(dl::ExperimentConfig{});
}

ControlDock::~ControlDock() = default;

// ---------------------------------------------------------------------------------------------
// Pages

QWidget* ControlDock::buildDataPage() {
  auto* page = new QWidget(this);
  auto* form = makeForm(page);
  m_source = makeCombo(page);
  m_source->setObjectName(QStringLiteral("sourceCombo"));
  std::vector<std::string> sources = dl::generatorNames();
  sources.emplace_back("csv");
  fillIds(m_source, sources);
  addField(form, m_source);
  m_loadCsv = new QPushButton(page);
  form->addRow(m_loadCsv);
  m_csvPath = new QLabel(page);
  m_csvPath->setWordWrap(true);
  m_csvPath->setTextInteractionFlags(Qt::TextSelectableByMouse);
  addField(form, m_csvPath);
  m_labelColumn = makeSpin(page, 0, 0, 1);
  setRange(m_labelColumn, field(dl::dataFields(), "csv.labelColumn"));
  addField(form, m_labelColumn);
  m_csvRegression = new QCheckBox(page);
  form->addRow(m_csvRegression);
  // The network's inputs, as TensorFlow Playground's feature neurons: x₁ x₂ x₁² x₂² / x₁x₂ sin x₁ sin x₂.
  m_inputsRow = new QWidget(page);
  m_inputsRow->setObjectName(QStringLiteral("inputFeatures"));
  auto* inputsGrid = new QGridLayout(m_inputsRow);
  inputsGrid->setContentsMargins(0, 0, 0, 0);
  const auto& inputNames = dl::inputFeatureNames();
  for (std::size_t i = 0; i < inputNames.size(); ++i) {
    auto* box = new QCheckBox(inputDisplayName(QString::fromStdString(inputNames[i])), m_inputsRow);
    box->setObjectName(QStringLiteral("input_") + QString::fromStdString(inputNames[i]));
    inputsGrid->addWidget(box, static_cast<int>(i) / 4, static_cast<int>(i) % 4);
    connect(box, &QCheckBox::toggled, this, [this, box](bool) {
      // At least one input: the last one cannot be switched off.
      if (std::none_of(m_inputBoxes.begin(), m_inputBoxes.end(), [](QCheckBox* b) { return b->isChecked(); })) {
        const QSignalBlocker blocker(box);
        box->setChecked(true);
        return;
      }
      userEdited();
    });
    m_inputBoxes.push_back(box);
  }
  addField(form, m_inputsRow);
  m_points = makeSpin(page, 0, 0, 50);
  setRange(m_points, field(dl::dataFields(), "points"));
  addField(form, m_points);
  m_noise = makeDoubleSpin(page, 0, 0, 0.05, 2);
  setRange(m_noise, field(dl::dataFields(), "noise"));
  addField(form, m_noise);
  m_classes = makeSpin(page, 0, 0, 1);
  setRange(m_classes, field(dl::dataFields(), "classes"));
  addField(form, m_classes);
  m_imbalance = makeDoubleSpin(page, 0, 0, 0.05, 2);
  setRange(m_imbalance, field(dl::dataFields(), "imbalance"));
  addField(form, m_imbalance);
  // Fractions shown in per cent: the field's range × 100.
  m_validation = makeSpin(page, 0, percent(field(dl::dataFields(), "validationFraction").hi), 5);
  m_validation->setSuffix(QStringLiteral(" %"));
  addField(form, m_validation);
  m_test = makeSpin(page, 0, percent(field(dl::dataFields(), "testFraction").hi), 5);
  m_test->setObjectName(QStringLiteral("testSpin"));
  m_test->setSuffix(QStringLiteral(" %"));
  addField(form, m_test);
  m_resample = makeCombo(page);
  fillIds(m_resample, dl::resampleNames());
  addField(form, m_resample);
  m_standardize = new QCheckBox(page);
  form->addRow(m_standardize);
  m_whiten = new QCheckBox(page);
  m_whiten->setObjectName(QStringLiteral("whitenBox"));
  form->addRow(m_whiten);
  m_balancedWeights = new QCheckBox(page);
  form->addRow(m_balancedWeights);
  m_dataSeed = makeSpin(page, 0, std::numeric_limits<int>::max(), 1);
  addField(form, m_dataSeed);

  connect(m_source, qOverload<int>(&QComboBox::activated), this, &ControlDock::sourceActivated);
  connect(m_loadCsv, &QPushButton::clicked, this, &ControlDock::loadCsv);
  for (QSpinBox* s : {m_labelColumn, m_points, m_classes, m_validation, m_test, m_dataSeed})
    connect(s, &QSpinBox::valueChanged, this, &ControlDock::userEdited);
  for (QDoubleSpinBox* s : {m_noise, m_imbalance})
    connect(s, &QDoubleSpinBox::valueChanged, this, &ControlDock::userEdited);
  for (QCheckBox* c : {m_csvRegression, m_standardize, m_whiten, m_balancedWeights})
    connect(c, &QCheckBox::toggled, this, &ControlDock::userEdited);
  connect(m_resample, &QComboBox::currentIndexChanged, this, &ControlDock::userEdited);
  return page;
}

QWidget* ControlDock::buildNetworkPage() {
  auto* page = new QWidget(this);
  auto* outer = new QVBoxLayout(page);
  auto* countRow = new QHBoxLayout;
  m_removeLayer = new QToolButton(page);
  m_removeLayer->setText(QStringLiteral("−"));
  m_removeLayer->setObjectName(QStringLiteral("removeLayerButton"));
  m_addLayer = new QToolButton(page);
  m_addLayer->setText(QStringLiteral("+"));
  m_addLayer->setObjectName(QStringLiteral("addLayerButton"));
  m_layerCount = new QLabel(page);
  countRow->addWidget(m_removeLayer);
  countRow->addWidget(m_addLayer);
  countRow->addWidget(m_layerCount, 1);
  outer->addLayout(countRow);
  m_layerBox = new QVBoxLayout;
  m_layerBox->setSpacing(2);
  outer->addLayout(m_layerBox);

  auto* initBox = new QWidget(page);
  auto* form = makeForm(initBox);
  form->setContentsMargins(0, 6, 0, 0);
  m_init = makeCombo(initBox);
  m_init->setObjectName(QStringLiteral("initCombo"));
  fillIds(m_init, dl::initializerNames());
  addField(form, m_init);
  m_initSigma = makeDoubleSpin(initBox, 0, 0, 0.01, 4);
  setRange(m_initSigma, field(dl::initFields(), "sigma"));
  addField(form, m_initSigma);
  m_initLimit = makeDoubleSpin(initBox, 0, 0, 0.01, 4);
  setRange(m_initLimit, field(dl::initFields(), "limit"));
  addField(form, m_initLimit);
  m_initValue = makeDoubleSpin(initBox, 0, 0, 0.1, 3);
  setRange(m_initValue, field(dl::initFields(), "value"));
  addField(form, m_initValue);
  m_initGain = makeDoubleSpin(initBox, 0, 0, 0.1, 2);
  setRange(m_initGain, field(dl::initFields(), "gain"));
  addField(form, m_initGain);
  outer->addWidget(initBox);
  outer->addStretch(1);

  connect(m_addLayer, &QToolButton::clicked, this, &ControlDock::addLayer);
  connect(m_removeLayer, &QToolButton::clicked, this, &ControlDock::removeLayer);
  connect(m_init, &QComboBox::currentIndexChanged, this, &ControlDock::userEdited);
  for (QDoubleSpinBox* s : {m_initSigma, m_initLimit, m_initValue, m_initGain})
    connect(s, &QDoubleSpinBox::valueChanged, this, &ControlDock::userEdited);
  return page;
}

QWidget* ControlDock::buildTrainingPage() {
  auto* page = new QWidget(this);
  auto* form = makeForm(page);
  m_optimizer = makeCombo(page);
  m_optimizer->setObjectName(QStringLiteral("optimizerCombo"));
  fillIds(m_optimizer, dl::optimizerNames());
  addField(form, m_optimizer);
  m_lrSlider = makeLogSlider(field(dl::optimizerFields(), "lr"), page);
  m_lrSlider->setObjectName(QStringLiteral("learningRateSlider"));
  addField(form, m_lrSlider);
  m_momentum = makeDoubleSpin(page, 0, 0, 0.05, 3);
  setRange(m_momentum, field(dl::optimizerFields(), "momentum"));
  addField(form, m_momentum);
  m_beta1 = makeDoubleSpin(page, 0, 0, 0.01, 3);
  setRange(m_beta1, field(dl::optimizerFields(), "beta1"));
  addField(form, m_beta1);
  m_beta2 = makeDoubleSpin(page, 0, 0, 0.001, 5);
  setRange(m_beta2, field(dl::optimizerFields(), "beta2"));
  addField(form, m_beta2);
  m_rho = makeDoubleSpin(page, 0, 0, 0.01, 3);
  setRange(m_rho, field(dl::optimizerFields(), "rho"));
  addField(form, m_rho);
  m_epsilon = makeLogSlider(field(dl::optimizerFields(), "epsilon"), page);
  addField(form, m_epsilon);
  m_schedule = makeCombo(page);
  fillIds(m_schedule, dl::scheduleNames());
  addField(form, m_schedule);
  m_decay = makeDoubleSpin(page, 0, 0, 0.1, 4);
  setRange(m_decay, field(dl::scheduleFields(), "decay"));
  addField(form, m_decay);
  m_base = makeDoubleSpin(page, 0, 0, 0.01, 3);
  setRange(m_base, field(dl::scheduleFields(), "base"));
  addField(form, m_base);
  m_k = makeDoubleSpin(page, 0, 0, 0.1, 2);
  setRange(m_k, field(dl::scheduleFields(), "k"));
  addField(form, m_k);
  m_stepEvery = makeSpin(page, 0, 0, 1);
  setRange(m_stepEvery, field(dl::scheduleFields(), "stepEvery"));
  addField(form, m_stepEvery);
  m_stepFactor = makeDoubleSpin(page, 0, 0, 0.05, 2);
  setRange(m_stepFactor, field(dl::scheduleFields(), "stepFactor"));
  addField(form, m_stepFactor);
  m_patience = makeSpin(page, 0, 0, 1);
  setRange(m_patience, field(dl::scheduleFields(), "patience"));
  addField(form, m_patience);
  m_plateauFactor = makeDoubleSpin(page, 0, 0, 0.05, 2);
  setRange(m_plateauFactor, field(dl::scheduleFields(), "plateauFactor"));
  addField(form, m_plateauFactor);
  m_batchSize = makeSpin(page, 0, 0, 1);
  setRange(m_batchSize, field(dl::trainingFields(), "batchSize"));
  m_batchSize->setObjectName(QStringLiteral("batchSizeSpin"));
  addField(form, m_batchSize);
  m_loss = makeCombo(page);
  m_loss->setObjectName(QStringLiteral("lossCombo"));
  fillIds(m_loss, field(dl::trainingFields(), "loss").names());
  addField(form, m_loss);
  m_seed = makeSpin(page, 0, std::numeric_limits<int>::max(), 1);
  addField(form, m_seed);

  // A new optimiser brings its own default learning rate when the old one's was untouched
  // (Adadelta barely moves at 0.03; its method is lr 1.0).
  connect(m_optimizer, &QComboBox::currentIndexChanged, this, [this] {
    const std::string chosen = currentId(m_optimizer);
    if (m_lrSlider->value() == dl::defaultLearningRate(m_config.optimizer.name))
      setQuietly(m_lrSlider, dl::defaultLearningRate(chosen));
    userEdited();
  });
  connect(m_schedule, &QComboBox::currentIndexChanged, this, &ControlDock::userEdited);
  connect(m_loss, &QComboBox::currentIndexChanged, this, &ControlDock::userEdited);
  for (LogSlider* s : {m_lrSlider, m_epsilon}) connect(s, &LogSlider::valueChanged, this, &ControlDock::userEdited);
  for (QDoubleSpinBox* s : {m_momentum, m_beta1, m_beta2, m_rho, m_decay, m_base, m_k, m_stepFactor, m_plateauFactor})
    connect(s, &QDoubleSpinBox::valueChanged, this, &ControlDock::userEdited);
  for (QSpinBox* s : {m_stepEvery, m_patience, m_batchSize, m_seed})
    connect(s, &QSpinBox::valueChanged, this, &ControlDock::userEdited);
  return page;
}

QWidget* ControlDock::buildRegularizationPage() {
  auto* page = new QWidget(this);
  auto* form = makeForm(page);
  m_l1 = makeLogSlider(field(dl::regularizationFields(), "l1"), page);
  m_l1->setObjectName(QStringLiteral("l1Slider"));
  addField(form, m_l1);
  m_l2 = makeLogSlider(field(dl::regularizationFields(), "l2"), page);
  m_l2->setObjectName(QStringLiteral("l2Slider"));
  addField(form, m_l2);
  m_compare = new QCheckBox(page);
  form->addRow(m_compare);
  m_clipMode = makeCombo(page);
  m_clipMode->addItem(QString(), static_cast<int>(Clip::Off));
  m_clipMode->addItem(QString(), static_cast<int>(Clip::Norm));
  m_clipMode->addItem(QString(), static_cast<int>(Clip::Value));
  addField(form, m_clipMode);
  // A threshold beside the mode combo: from the fields' smallest positive value to their bound.
  const auto& clip = field(dl::regularizationFields(), "clipNorm");
  m_clipThreshold = makeDoubleSpin(page, clip.logFloor, clip.hi, 0.1, 3);
  m_clipThreshold->setValue(1.0);
  addField(form, m_clipThreshold);

  for (LogSlider* s : {m_l1, m_l2}) connect(s, &LogSlider::valueChanged, this, &ControlDock::userEdited);
  connect(m_compare, &QCheckBox::toggled, this, &ControlDock::userEdited);
  connect(m_clipMode, &QComboBox::currentIndexChanged, this, &ControlDock::userEdited);
  connect(m_clipThreshold, &QDoubleSpinBox::valueChanged, this, &ControlDock::userEdited);
  return page;
}

void ControlDock::setLayerRowCount(int count) {
  while (static_cast<int>(m_layers.size()) > count) {
    m_layers.back().box->hide();  // out of the layout now, deleted at the next event-loop pass
    m_layers.back().box->deleteLater();
    m_layerBox->removeWidget(m_layers.back().box);
    m_layers.pop_back();
  }
  while (static_cast<int>(m_layers.size()) < count) {
    const int index = static_cast<int>(m_layers.size());
    LayerRow r;
    r.box = new QWidget(m_layerBox->parentWidget());
    r.box->setObjectName(QStringLiteral("layerRow%1").arg(index));
    auto* grid = new QVBoxLayout(r.box);
    grid->setContentsMargins(0, 2, 0, 2);
    grid->setSpacing(2);
    auto* top = new QHBoxLayout;
    r.title = new QLabel(r.box);
    QFont bold = r.title->font();
    bold.setBold(true);
    r.title->setFont(bold);
    r.minus = new QToolButton(r.box);
    r.minus->setText(QStringLiteral("−"));
    r.units = makeSpin(r.box, 0, 0, 1);
    setRange(r.units, field(dl::layerFields(), "units"));
    r.units->setButtonSymbols(QAbstractSpinBox::NoButtons);
    r.units->setAlignment(Qt::AlignCenter);
    r.units->setMaximumWidth(r.units->fontMetrics().horizontalAdvance(QStringLiteral("00000")) + 10);
    r.plus = new QToolButton(r.box);
    r.plus->setText(QStringLiteral("+"));
    r.unitsLabel = new QLabel(r.box);
    top->addWidget(r.title);
    top->addStretch(1);
    top->addWidget(r.minus);
    top->addWidget(r.units);
    top->addWidget(r.plus);
    top->addWidget(r.unitsLabel);
    auto* bottom = new QHBoxLayout;
    r.activation = makeCombo(r.box);
    r.activation->setMinimumContentsLength(6);
    fillIds(r.activation, dl::activationNames());
    r.batchNorm = new QCheckBox(r.box);
    r.dropoutLabel = new QLabel(r.box);
    r.dropout = makeDoubleSpin(r.box, 0, 0, 0.1, 2);
    setRange(r.dropout, field(dl::layerFields(), "dropout"));
    bottom->addWidget(r.activation, 1);
    bottom->addWidget(r.batchNorm);
    bottom->addWidget(r.dropoutLabel);
    bottom->addWidget(r.dropout);
    grid->addLayout(top);
    grid->addLayout(bottom);
    m_layerBox->addWidget(r.box);

    connect(r.minus, &QToolButton::clicked, this, [this, index] { stepUnits(index, -1); });
    connect(r.plus, &QToolButton::clicked, this, [this, index] { stepUnits(index, +1); });
    connect(r.units, &QSpinBox::valueChanged, this, &ControlDock::userEdited);
    connect(r.activation, &QComboBox::currentIndexChanged, this, &ControlDock::userEdited);
    connect(r.batchNorm, &QCheckBox::toggled, this, &ControlDock::userEdited);
    connect(r.dropout, &QDoubleSpinBox::valueChanged, this, &ControlDock::userEdited);
    retranslateLayerRow(r, index);
    m_layers.push_back(r);
  }
}

// ---------------------------------------------------------------------------------------------
// Model → controls

void ControlDock::setFromConfig(const dl::ExperimentConfig& c) {
  m_config = c;
  const dl::DataConfig& d = c.data;
  selectId(m_source, d.source);
  m_csvPath->setText(d.csvPath.empty() ? tr("No file loaded")
                                       : QFileInfo(QString::fromStdString(d.csvPath)).fileName());
  m_csvPath->setToolTip(QString::fromStdString(d.csvPath));
  setQuietly(m_labelColumn, d.labelColumn);
  setChecked(m_csvRegression, d.regression);
  {
    // Empty = the data's own two features: x₁ and x₂.
    const std::vector<std::string> on = d.inputs.empty() ? std::vector<std::string>{"x1", "x2"} : d.inputs;
    const auto& names = dl::inputFeatureNames();
    for (std::size_t i = 0; i < m_inputBoxes.size(); ++i) {
      const QSignalBlocker blocker(m_inputBoxes[i]);
      m_inputBoxes[i]->setChecked(std::find(on.begin(), on.end(), names[i]) != on.end());
    }
  }
  setQuietly(m_points, d.points);
  setQuietly(m_noise, d.noise);
  setQuietly(m_classes, d.source == "spiral" ? d.arms : d.classes);
  setQuietly(m_imbalance, d.imbalance);
  setQuietly(m_validation, static_cast<int>(std::lround(d.validationFraction * 100)));
  setQuietly(m_test, static_cast<int>(std::lround(d.testFraction * 100)));
  selectId(m_resample, d.resample);
  setChecked(m_standardize, d.standardize);
  setChecked(m_whiten, d.whiten);
  setChecked(m_balancedWeights, c.training.balancedClassWeights);
  setQuietly(m_dataSeed, seedShown(d.seed));

  setLayerRowCount(static_cast<int>(c.hidden.size()));
  for (std::size_t i = 0; i < c.hidden.size(); ++i) {
    LayerRow& r = m_layers[i];
    setQuietly(r.units, c.hidden[i].units);
    selectId(r.activation, c.hidden[i].activation);
    setChecked(r.batchNorm, c.hidden[i].batchNorm);
    setQuietly(r.dropout, c.hidden[i].dropout);
  }
  selectId(m_init, c.init.scheme);
  setQuietly(m_initSigma, c.init.sigma);
  setQuietly(m_initLimit, c.init.limit);
  setQuietly(m_initValue, c.init.value);
  setQuietly(m_initGain, c.init.gain);

  selectId(m_optimizer, c.optimizer.name);
  m_lrSlider->setValue(c.optimizer.learningRate);
  setQuietly(m_momentum, c.optimizer.momentum);
  setQuietly(m_beta1, c.optimizer.beta1);
  setQuietly(m_beta2, c.optimizer.beta2);
  setQuietly(m_rho, c.optimizer.rho);
  m_epsilon->setValue(c.optimizer.epsilon);
  selectId(m_schedule, c.schedule.name);
  setQuietly(m_decay, c.schedule.decay);
  setQuietly(m_base, c.schedule.base);
  setQuietly(m_k, c.schedule.k);
  setQuietly(m_stepEvery, c.schedule.stepEvery);
  setQuietly(m_stepFactor, c.schedule.stepFactor);
  setQuietly(m_patience, c.schedule.patience);
  setQuietly(m_plateauFactor, c.schedule.plateauFactor);
  setQuietly(m_batchSize, c.training.batchSize);
  selectId(m_loss, c.training.loss);
  setQuietly(m_seed, seedShown(c.training.seed));

  m_l1->setValue(c.regularization.l1);
  m_l2->setValue(c.regularization.l2);
  setChecked(m_compare, c.regularization.compareL1L2);
  {
    const QSignalBlocker blocker(m_clipMode);
    const Clip mode = c.regularization.clipNorm > 0    ? Clip::Norm
                      : c.regularization.clipValue > 0 ? Clip::Value
                                                       : Clip::Off;
    m_clipMode->setCurrentIndex(static_cast<int>(mode));
    if (mode == Clip::Norm) setQuietly(m_clipThreshold, c.regularization.clipNorm);
    if (mode == Clip::Value) setQuietly(m_clipThreshold, c.regularization.clipValue);
  }
  m_layerCount->setText(layerCountText(static_cast<int>(c.hidden.size())));
  m_removeLayer->setEnabled(!c.hidden.empty());
  m_addLayer->setEnabled(static_cast<int>(c.hidden.size()) < kMaxLayers);
  showRelevantFields();
}

void ControlDock::showRelevantFields() {
  const std::string source = currentId(m_source);
  const bool csv = source == "csv";
  const bool generated = !csv;
  const bool regression = csv ? m_csvRegression->isChecked() : dl::isRegressionSource(source);
  setRowVisible(m_csvPath, csv);
  setRowVisible(m_labelColumn, csv);
  setRowVisible(m_csvRegression, csv);
  setRowVisible(m_inputsRow, generated);
  setRowVisible(m_points, generated);
  setRowVisible(m_noise, generated);
  setRowVisible(m_classes, source == "blobs" || source == "spiral");
  setRowVisible(m_imbalance, generated && !regression);
  setRowVisible(m_resample, !regression);
  setRowVisible(m_balancedWeights, !regression);
  setRowVisible(m_dataSeed, generated);

  const std::string scheme = currentId(m_init);
  setRowVisible(m_initSigma, scheme == "normal");
  setRowVisible(m_initLimit, scheme == "uniform");
  setRowVisible(m_initValue, scheme == "constant");
  setRowVisible(m_initGain, scheme == "orthogonal");

  const std::string opt = currentId(m_optimizer);
  setRowVisible(m_momentum, opt == "momentum" || opt == "nesterov");
  setRowVisible(m_beta1, opt == "adam");
  setRowVisible(m_beta2, opt == "adam");
  setRowVisible(m_rho, opt == "rmsprop" || opt == "adadelta");
  setRowVisible(m_epsilon, opt == "adagrad" || opt == "rmsprop" || opt == "adadelta" || opt == "adam");

  const std::string sched = currentId(m_schedule);
  setRowVisible(m_decay, sched == "inverse_time");
  setRowVisible(m_base, sched == "exponential");
  setRowVisible(m_k, sched == "inverse_sqrt");
  setRowVisible(m_stepEvery, sched == "step");
  setRowVisible(m_stepFactor, sched == "step");
  setRowVisible(m_patience, sched == "plateau");
  setRowVisible(m_plateauFactor, sched == "plateau");

  setRowVisible(m_clipThreshold, m_clipMode->currentIndex() != static_cast<int>(Clip::Off));
}

// ---------------------------------------------------------------------------------------------
// User → config

dl::ExperimentConfig ControlDock::configFromControls() const {
  dl::ExperimentConfig c = m_config;  // keeps the fields without a control (name, steps, ...)
  dl::DataConfig& d = c.data;
  d.source = currentId(m_source);
  d.labelColumn = m_labelColumn->value();
  d.regression = m_csvRegression->isChecked();
  if (d.source != "csv") {
    // Only x₁ and x₂, in order: the data as it is (empty), so files and presets stay unchanged.
    std::vector<std::string> inputs;
    for (std::size_t i = 0; i < m_inputBoxes.size(); ++i)
      if (m_inputBoxes[i]->isChecked()) inputs.push_back(dl::inputFeatureNames()[i]);
    d.inputs = inputs == std::vector<std::string>{"x1", "x2"} ? std::vector<std::string>{} : inputs;
  }
  d.points = m_points->value();
  d.noise = m_noise->value();
  if (d.source == m_config.data.source) {  // a new source shows its own count first
    if (d.source == "spiral") d.arms = m_classes->value();
    if (d.source == "blobs") d.classes = m_classes->value();
  }
  d.imbalance = m_imbalance->value();
  // Fields a spin box cannot show exactly (0.125, a 64-bit seed) change only when the user moved them.
  if (m_validation->value() != static_cast<int>(std::lround(d.validationFraction * 100)))
    d.validationFraction = m_validation->value() / 100.0;
  if (m_test->value() != static_cast<int>(std::lround(d.testFraction * 100))) d.testFraction = m_test->value() / 100.0;
  d.resample = currentId(m_resample);
  d.standardize = m_standardize->isChecked();
  d.whiten = m_whiten->isChecked();
  if (m_dataSeed->value() != seedShown(d.seed)) d.seed = static_cast<std::uint64_t>(m_dataSeed->value());
  c.training.balancedClassWeights = m_balancedWeights->isChecked();

  c.hidden.resize(m_layers.size());
  for (std::size_t i = 0; i < m_layers.size(); ++i) {
    c.hidden[i].units = m_layers[i].units->value();
    c.hidden[i].activation = currentId(m_layers[i].activation);
    c.hidden[i].batchNorm = m_layers[i].batchNorm->isChecked();
    c.hidden[i].dropout = m_layers[i].dropout->value();
  }
  c.init.scheme = currentId(m_init);
  c.init.sigma = m_initSigma->value();
  c.init.limit = m_initLimit->value();
  c.init.value = m_initValue->value();
  c.init.gain = m_initGain->value();

  c.optimizer.name = currentId(m_optimizer);
  c.optimizer.learningRate = m_lrSlider->value();
  c.optimizer.momentum = m_momentum->value();
  c.optimizer.beta1 = m_beta1->value();
  c.optimizer.beta2 = m_beta2->value();
  c.optimizer.rho = m_rho->value();
  c.optimizer.epsilon = m_epsilon->value();
  c.schedule.name = currentId(m_schedule);
  c.schedule.decay = m_decay->value();
  c.schedule.base = m_base->value();
  c.schedule.k = m_k->value();
  c.schedule.stepEvery = m_stepEvery->value();
  c.schedule.stepFactor = m_stepFactor->value();
  c.schedule.patience = m_patience->value();
  c.schedule.plateauFactor = m_plateauFactor->value();
  c.training.batchSize = m_batchSize->value();
  c.training.loss = currentId(m_loss);
  if (m_seed->value() != seedShown(c.training.seed)) c.training.seed = static_cast<std::uint64_t>(m_seed->value());

  c.regularization.l1 = m_l1->value();
  c.regularization.l2 = m_l2->value();
  c.regularization.compareL1L2 = m_compare->isChecked();
  const auto clip = static_cast<Clip>(m_clipMode->currentIndex());
  c.regularization.clipNorm = clip == Clip::Norm ? m_clipThreshold->value() : 0.0;
  c.regularization.clipValue = clip == Clip::Value ? m_clipThreshold->value() : 0.0;
  return c;
}

void ControlDock::commit(const dl::ExperimentConfig& config) {
  setFromConfig(config);  // rows, visibility and labels follow the edit
  emit configEdited(config);
}

void ControlDock::userEdited() { commit(configFromControls()); }

void ControlDock::editMapFeatures(int xFeature, int yFeature) {
  dl::ExperimentConfig c = m_config;
  c.data.mapFeatures = {xFeature, yFeature};
  commit(c);
}

void ControlDock::addLayer() {
  dl::ExperimentConfig c = configFromControls();
  if (static_cast<int>(c.hidden.size()) >= kMaxLayers) return;
  c.hidden.push_back(c.hidden.empty() ? dl::LayerConfig{} : c.hidden.back());
  c.hidden.back().dropout = 0.0;
  commit(c);
}

void ControlDock::removeLayer() {
  dl::ExperimentConfig c = configFromControls();
  if (c.hidden.empty()) return;
  c.hidden.pop_back();
  commit(c);
}

void ControlDock::stepUnits(int layer, int delta) {
  dl::ExperimentConfig c = configFromControls();
  if (layer < 0 || layer >= static_cast<int>(c.hidden.size())) return;
  int& units = c.hidden[static_cast<std::size_t>(layer)].units;
  const int next = std::clamp(units + delta, 1, maxUnits());
  if (next == units) return;
  units = next;
  commit(c);
}

void ControlDock::sourceActivated(int index) {
  const std::string id = m_source->itemData(index).toString().toStdString();
  if (id == "csv" && m_config.data.csvPath.empty()) {
    loadCsv();  // commits on success; otherwise the combo goes back to the current source
    selectId(m_source, m_config.data.source);
    showRelevantFields();
    return;
  }
  if (id != m_config.data.source) userEdited();
}

void ControlDock::loadCsv() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Load CSV data"), QString(),
                                                    tr("CSV files (*.csv *.tsv *.txt *.gz);;All files (*)"));
  if (path.isEmpty()) return;
  loadCsvFile(path, m_csvRegression->isChecked());
}

void ControlDock::loadCsvFile(const QString& path, bool regression) {
  dl::ExperimentConfig c = configFromControls();
  c.data.source = "csv";
  c.data.csvPath = QFileInfo(path).absoluteFilePath().toStdString();
  c.data.regression = regression;
  c.data.mapFeatures = {0, 1};
  commit(c);
}

// ---------------------------------------------------------------------------------------------
// Texts

void ControlDock::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QDockWidget::changeEvent(event);
}

void ControlDock::retranslateLayerRow(LayerRow& r, int index) {
  r.title->setText(tr("Layer %1").arg(index + 1));
  r.minus->setToolTip(tr("Remove a neuron from this layer. ↻ New weights."));
  r.plus->setToolTip(tr("Add a neuron to this layer. ↻ New weights."));
  r.units->setToolTip(tr("Neurons in this layer. ↻ New weights."));
  r.unitsLabel->setText(tr("neurons"));
  retranslateIds(r.activation, NameKind::Activation);
  r.activation->setToolTip(
      tr("Activation function of this layer: the non-linearity applied to each neuron's "
         "weighted sum. ↻ New weights."));
  r.batchNorm->setText(tr("BN"));
  r.batchNorm->setToolTip(
      tr("Batch normalisation: standardise each neuron's input over the mini-batch, then "
         "scale and shift (Ioffe & Szegedy 2015). ↻ New weights."));
  r.dropoutLabel->setText(tr("drop"));
  r.dropout->setToolTip(
      tr("Dropout rate: the fraction of this layer's neurons switched off at random in each "
         "training step (Srivastava et al. 2014). Applies at once."));
  r.dropoutLabel->setToolTip(r.dropout->toolTip());
}

void ControlDock::retranslateUi() {
  setWindowTitle(tr("Controls"));
  const QString resets = resetsNote();
  m_pages->setItemText(0, tr("Data ↻"));
  m_pages->setItemToolTip(0, tr("The data set, its split and preparation.") + QLatin1Char('\n') + resets);
  m_pages->setItemText(1, tr("Network ↻"));
  m_pages->setItemToolTip(
      1, tr("Hidden layers, neurons, activations and the weight initialisation.") + QLatin1Char('\n') + resets);
  m_pages->setItemText(2, tr("Training"));
  m_pages->setItemToolTip(
      2, tr("Optimiser, learning rate, schedule and batch size: they apply at once, keeping the weights."));
  m_pages->setItemText(3, tr("Regularisation"));
  m_pages->setItemToolTip(3, tr("Weight penalties and gradient clipping: they apply at once, keeping the weights."));

  retranslateIds(m_source, NameKind::Source);
  describeRow(m_source, tr("Data set"),
              tr("The data to learn: a generated 2-D shape (classification or regression) or a CSV file.") +
                  QLatin1Char('\n') + resets);
  m_loadCsv->setText(tr("Load CSV…"));
  m_loadCsv->setToolTip(tr("Open a CSV file: numeric feature columns and one label column.") + QLatin1Char('\n') +
                        resets);
  describeRow(m_csvPath, tr("File"), QString::fromStdString(m_config.data.csvPath));
  m_labelColumn->setSpecialValueText(tr("last"));
  describeRow(m_labelColumn, tr("Label column"),
              tr("Which column of the CSV file holds the label (0 = first; \"last\" = the last column).") +
                  QLatin1Char('\n') + resets);
  m_csvRegression->setText(tr("Real-valued target"));
  describeRow(m_csvRegression, QString(),
              tr("Treat the label column as a number to predict (regression) rather than a class."));
  describeRow(m_points, tr("Points"), tr("How many samples to generate.") + QLatin1Char('\n') + resets);
  describeRow(m_noise, tr("Noise"),
              tr("How much random noise blurs the shape (0 = clean data).") + QLatin1Char('\n') + resets);
  describeRow(m_classes, tr("Classes"),
              tr("Number of blobs or spiral arms, one class each.") + QLatin1Char('\n') + resets);
  describeRow(m_imbalance, tr("Class ratio"),
              tr("Size of the smallest class relative to the largest (1 = balanced, 0.05 = one rare class).") +
                  QLatin1Char('\n') + resets);
  describeRow(m_validation, tr("Validation"),
              tr("Share of the data held out to measure generalisation; the network never trains on it.") +
                  QLatin1Char('\n') + resets);
  retranslateIds(m_resample, NameKind::Resample);
  describeRow(m_resample, tr("Resampling"),
              tr("Rebalance the training part: duplicate minority samples, drop majority samples, or synthesise new "
                 "minority samples between neighbours (SMOTE).") +
                  QLatin1Char('\n') + resets);
  m_standardize->setText(tr("Standardise inputs"));
  describeRow(m_inputsRow, tr("Inputs"),
              tr("What the network is fed, computed from the point's coordinates x₁ and x₂: with x₁² and x₂² even "
                 "a network without hidden layers separates a circle.") +
                  QLatin1Char('\n') + resets);
  m_standardize->setToolTip(
      tr("Shift and scale every input to mean 0 and standard deviation 1 (fitted on the training part).") +
      QLatin1Char('\n') + resets);
  m_whiten->setText(tr("PCA-whiten inputs"));
  m_whiten->setToolTip(tr("Rotate the inputs onto their principal axes and scale each to variance 1, which also "
                          "removes their correlation (fitted on the training part).") +
                       QLatin1Char('\n') + resets);
  describeRow(m_test, tr("Test"),
              tr("Share of the data held out as a test set: scored beside validation, never used to choose "
                 "anything (0 = no test set).") +
                  QLatin1Char('\n') + resets);
  m_balancedWeights->setText(tr("Balanced class weights"));
  m_balancedWeights->setToolTip(
      tr("Weight each class's loss by the inverse of its size, so rare classes count as much as common ones.") +
      QLatin1Char('\n') + resets);
  describeRow(
      m_dataSeed, tr("Data seed"),
      tr("Random seed of the generated data: the same seed gives the same points.") + QLatin1Char('\n') + resets);

  m_removeLayer->setToolTip(tr("Remove the last hidden layer.") + QLatin1Char('\n') + resets);
  m_addLayer->setToolTip(tr("Add a hidden layer (a copy of the last one).") + QLatin1Char('\n') + resets);
  m_layerCount->setText(layerCountText(static_cast<int>(m_layers.size())));
  for (std::size_t i = 0; i < m_layers.size(); ++i) retranslateLayerRow(m_layers[i], static_cast<int>(i));
  retranslateIds(m_init, NameKind::Initializer);
  describeRow(m_init, tr("Initialiser"),
              tr("How the weights start. Xavier (Glorot & Bengio 2010) suits tanh and sigmoid, He (He et al. 2015) "
                 "suits ReLU; zeros leaves every neuron identical.") +
                  QLatin1Char('\n') + resets);
  describeRow(
      m_initSigma, tr("σ"),
      tr("Standard deviation of the normal distribution the weights are drawn from.") + QLatin1Char('\n') + resets);
  describeRow(m_initLimit, tr("Limit"),
              tr("Weights are drawn uniformly from [−limit, +limit].") + QLatin1Char('\n') + resets);
  describeRow(m_initValue, tr("Value"), tr("Every weight starts at this value.") + QLatin1Char('\n') + resets);
  describeRow(m_initGain, tr("Gain"),
              tr("Scale of the orthogonal matrix (Saxe et al. 2014).") + QLatin1Char('\n') + resets);

  retranslateIds(m_optimizer, NameKind::Optimizer);
  describeRow(m_optimizer, tr("Optimiser"), tr("The rule that turns gradients into weight updates. Applies at once."));
  describeRow(
      m_lrSlider, tr("Learning rate"),
      tr("Step size of each update (logarithmic scale). Too small: slow; too large: the loss oscillates or diverges."));
  describeRow(m_momentum, tr("Momentum"),
              tr("Fraction of the previous update carried into the next one (0.9 is typical)."));
  describeRow(m_beta1, tr("β1"), tr("Adam: decay rate of the running mean of the gradients."));
  describeRow(m_beta2, tr("β2"), tr("Adam: decay rate of the running mean of the squared gradients."));
  describeRow(m_rho, tr("ρ"), tr("Decay rate of the running mean of squared gradients (RMSprop, Adadelta)."));
  describeRow(m_epsilon, tr("ε"), tr("Small constant added to the denominator to avoid division by zero."));
  retranslateIds(m_schedule, NameKind::Schedule);
  describeRow(m_schedule, tr("Schedule"), tr("How the learning rate changes with the epochs. Applies at once."));
  describeRow(m_decay, tr("Decay"), tr("Inverse time: rate = lr / (1 + decay · epoch)."));
  describeRow(m_base, tr("Base"), tr("Exponential: rate = lr · base^epoch."));
  describeRow(m_k, tr("k"), tr("Inverse square root: rate = lr · k / √epoch."));
  describeRow(m_stepEvery, tr("Every (epochs)"), tr("Step: multiply the rate by the factor every this many epochs."));
  describeRow(m_stepFactor, tr("Factor"), tr("Step: the factor applied to the rate."));
  describeRow(m_patience, tr("Patience"), tr("Plateau: evaluations without improvement before the rate is reduced."));
  describeRow(m_plateauFactor, tr("Factor"),
              tr("Plateau: the factor applied to the rate when the validation loss stops improving."));
  describeRow(
      m_batchSize, tr("Batch size"),
      tr("Samples per update: 1 = stochastic gradient descent (noisy), the whole training set = full batch (smooth)."));
  retranslateIds(m_loss, NameKind::Loss);
  describeRow(m_loss, tr("Loss ↻"),
              tr("What training minimises. Automatic: cross-entropy (softmax) for classes, mean squared error for "
                 "regression. Binary cross-entropy and MSE on a sigmoid use one sigmoid output (2 classes); mean "
                 "squared error on classes compares the softmax probabilities with the one-hot target. Squared "
                 "error on probabilities learns slowly from a confidently wrong output.") +
                  QLatin1Char('\n') + resets);
  describeRow(m_seed, tr("Seed ↻"),
              tr("Random seed of the weights, dropout and shuffling.") + QLatin1Char('\n') + resets);

  describeRow(
      m_l1, tr("L1"),
      tr("L1 penalty λ1·Σ|w| (logarithmic scale; leftmost = off): drives weights to exactly zero, a sparse network."));
  describeRow(m_l2, tr("L2"),
              tr("L2 penalty (λ2/2)·Σw² (logarithmic scale; leftmost = off): keeps all weights small (weight decay)."));
  m_compare->setText(tr("Compare L1 vs L2 ↻"));
  m_compare->setToolTip(
      tr("Train two networks side by side from the same weights, one with an L1 penalty and one with an "
         "L2 penalty of the same strength: the larger of L1 and L2 (0.001 when both are off).") +
      QLatin1Char('\n') + resets);
  m_clipMode->setItemText(0, tr("Off"));
  m_clipMode->setItemText(1, tr("By global norm"));
  m_clipMode->setItemText(2, tr("By value"));
  describeRow(m_clipMode, tr("Clipping"),
              tr("Gradient clipping: rescale the gradient when its overall length exceeds the threshold (by norm), or "
                 "clamp each component (by value). A cure for exploding gradients."));
  describeRow(m_clipThreshold, tr("Threshold"), tr("The largest gradient norm or component allowed."));
  m_csvPath->setText(m_config.data.csvPath.empty()
                         ? tr("No file loaded")
                         : QFileInfo(QString::fromStdString(m_config.data.csvPath)).fileName());
}

}  // namespace dlui
