// The classroom controls (see ClassroomDock.h): one column, each field under its label, so the
// column stays narrow at a projector's font size; no scroll area, nothing to scroll.
#include "labs/playground/ClassroomDock.h"

#include "labs/playground/ControlDock.h"
#include "widgets/DisplayNames.h"
#include "widgets/FieldControls.h"
#include "widgets/LogSlider.h"
#include "labs/playground/TransportBar.h"

#include "act/Activation.h"
#include "data/Generators.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace dlui {

namespace {

QString resetsNote() { return ClassroomDock::tr("↻ Changing this starts again with new weights."); }

QToolButton* makeStepper(const QString& text, QWidget* parent) {
  auto* b = new QToolButton(parent);
  b->setText(text);
  b->setMinimumWidth(b->fontMetrics().height() * 2);
  return b;
}

}  // namespace

ClassroomDock::ClassroomDock(TransportBar* transport, QAction* fullControls, QWidget* parent)
    : QDockWidget(parent), m_fullControls(fullControls) {
  setObjectName(QStringLiteral("classroomDock"));
  setFeatures(QDockWidget::NoDockWidgetFeatures);
  setTitleBarWidget(new QWidget(this));  // the column explains itself; the height goes to the map
  auto* body = new QWidget(this);
  body->setObjectName(QStringLiteral("classroomControls"));
  auto* column = m_column = new QVBoxLayout(body);
  column->setContentsMargins(8, 6, 8, 6);
  column->setSpacing(2);

  auto* transportRow = new QHBoxLayout;
  transportRow->setSpacing(4);
  for (QAction* a : {transport->playAction(), transport->stepAction(), transport->resetAction()}) {
    auto* b = new QToolButton(body);
    b->setDefaultAction(a);
    b->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
    b->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    b->setObjectName(QStringLiteral("classroom-") + a->objectName());
    transportRow->addWidget(b);
    m_transportButtons << b;
  }
  column->addLayout(transportRow);

  const auto addLabel = [&](QLabel*& label) {
    label = new QLabel(body);
    label->setContentsMargins(0, 6, 0, 0);
    column->addWidget(label);
  };
  addLabel(m_sourceLabel);
  m_source = new QComboBox(body);
  m_source->setObjectName(QStringLiteral("classroomSource"));
  // As wide as the data set it shows (the list shows every name): a long name the column does
  // not show does not widen it.
  m_source->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  m_source->setMinimumContentsLength(4);
  column->addWidget(m_source);
  m_sourceLabel->setBuddy(m_source);

  addLabel(m_learningRateLabel);
  m_learningRate = fieldcontrols::makeLogSlider(fieldcontrols::field(dl::optimizerFields(), "lr"), body);
  m_learningRate->setObjectName(QStringLiteral("classroomLearningRate"));
  column->addWidget(m_learningRate);

  addLabel(m_activationLabel);
  m_activation = new QComboBox(body);
  m_activation->setObjectName(QStringLiteral("classroomActivation"));
  m_activation->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  for (const std::string& id : dl::activationNames()) m_activation->addItem(QString(), QString::fromStdString(id));
  column->addWidget(m_activation);
  m_activationLabel->setBuddy(m_activation);

  const auto addCounter = [&](QLabel*& label, QToolButton*& minus, QLabel*& count, QToolButton*& plus,
                              const QString& name) {
    addLabel(label);
    auto* row = new QHBoxLayout;
    minus = makeStepper(QStringLiteral("−"), body);
    minus->setObjectName(QStringLiteral("classroomRemove") + name);
    count = new QLabel(body);
    count->setObjectName(QStringLiteral("classroom") + name + QStringLiteral("Count"));
    count->setAlignment(Qt::AlignCenter);
    plus = makeStepper(QStringLiteral("+"), body);
    plus->setObjectName(QStringLiteral("classroomAdd") + name);
    row->addWidget(minus);
    row->addWidget(count, 1);
    row->addWidget(plus);
    column->addLayout(row);
  };
  addCounter(m_layersLabel, m_removeLayer, m_layerCount, m_addLayer, QStringLiteral("Layer"));
  addCounter(m_neuronsLabel, m_removeNeuron, m_neuronCount, m_addNeuron, QStringLiteral("Neuron"));

  addLabel(m_regularizationLabel);
  m_regularization = new QComboBox(body);
  m_regularization->setObjectName(QStringLiteral("classroomRegularization"));
  m_regularization->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  for (int i = 0; i <= static_cast<int>(Penalty::Compare); ++i) m_regularization->addItem(QString(), i);
  column->addWidget(m_regularization);
  m_regularizationLabel->setBuddy(m_regularization);
  {
    // A penalty's strength beside the mode combo: positive, up to the fields' bound.
    const auto& l1 = fieldcontrols::field(dl::regularizationFields(), "l1");
    m_regularizationRate = new LogSlider(l1.logFloor, l1.hi, false, body);
  }
  m_regularizationRate->setObjectName(QStringLiteral("classroomPenaltyRate"));
  column->addWidget(m_regularizationRate);
  // Dropout is a regulariser too (the dropout presets' lesson), one rate for every hidden layer.
  // (On one row with its name: the column has to fit a 768-pixel projector in Chinese too.)
  {
    m_dropoutLabel = new QLabel(body);
    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 4, 0, 0);
    row->addWidget(m_dropoutLabel);
    m_dropout = new QSlider(Qt::Horizontal, body);
    m_dropout->setObjectName(QStringLiteral("classroomDropout"));
    m_dropout->setRange(0, 18);  // 0 … 0.90
    m_dropout->setPageStep(2);
    m_dropoutValue = new QLabel(body);
    m_dropoutValue->setObjectName(QStringLiteral("classroomDropoutValue"));
    m_dropoutValue->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    row->addWidget(m_dropout, 1);
    row->addWidget(m_dropoutValue);
    column->addLayout(row);
    m_dropoutLabel->setBuddy(m_dropout);
  }

  addLabel(m_mapLabel);
  m_showValidation = new QCheckBox(body);
  m_showValidation->setObjectName(QStringLiteral("classroomShowValidation"));
  m_showValidation->setChecked(true);
  column->addWidget(m_showValidation);
  m_discretize = new QCheckBox(body);
  m_discretize->setObjectName(QStringLiteral("classroomDiscretize"));
  column->addWidget(m_discretize);
  addLabel(m_chartLabel);
  m_chartLabel->hide();  // with the chart's options only

  column->addStretch(1);
  m_fullControlsButton = new QPushButton(body);
  m_fullControlsButton->setObjectName(QStringLiteral("classroomFullControls"));
  column->addWidget(m_fullControlsButton);
  setWidget(body);

  connect(m_source, qOverload<int>(&QComboBox::activated), this, &ClassroomDock::sourceChosen);
  connect(m_learningRate, &LogSlider::valueChanged, this, [this](double lr) {
    dl::ExperimentConfig c = m_config;
    c.optimizer.learningRate = lr;
    commit(c);
  });
  connect(m_activation, qOverload<int>(&QComboBox::activated), this, &ClassroomDock::activationChosen);
  connect(m_removeLayer, &QToolButton::clicked, this, [this] { changeLayers(-1); });
  connect(m_addLayer, &QToolButton::clicked, this, [this] { changeLayers(+1); });
  connect(m_removeNeuron, &QToolButton::clicked, this, [this] { changeNeurons(-1); });
  connect(m_addNeuron, &QToolButton::clicked, this, [this] { changeNeurons(+1); });
  connect(m_regularization, qOverload<int>(&QComboBox::activated), this, &ClassroomDock::penaltyEdited);
  connect(m_regularizationRate, &LogSlider::valueChanged, this, &ClassroomDock::penaltyEdited);
  connect(m_dropout, &QSlider::valueChanged, this, &ClassroomDock::dropoutEdited);
  connect(m_showValidation, &QCheckBox::toggled, this, &ClassroomDock::showValidationToggled);
  connect(m_discretize, &QCheckBox::toggled, this, &ClassroomDock::discretizeToggled);
  connect(m_fullControlsButton, &QPushButton::clicked, m_fullControls, &QAction::trigger);
  connect(m_fullControls, &QAction::changed, this, &ClassroomDock::retranslateUi);  // its key may change
  retranslateUi();
  setFromConfig(m_config);
}

// ---------------------------------------------------------------------------------------------
// Model → controls

void ClassroomDock::setMapToggles(bool showValidation, bool discretize) {
  const QSignalBlocker a(m_showValidation), b(m_discretize);
  m_showValidation->setChecked(showValidation);
  m_discretize->setChecked(discretize);
}

void ClassroomDock::setChartOptions(QWidget* options) {
  if (m_chartOptions) {
    m_chartOptions->removeEventFilter(this);
    m_column->removeWidget(m_chartOptions);
  }
  m_chartOptions = options;
  m_chartLabel->setVisible(options && !options->isHidden());
  if (!options) return;
  m_column->insertWidget(m_column->indexOf(m_chartLabel) + 1, options);
  options->show();
  m_chartLabel->show();
  options->installEventFilter(this);  // the heading shows when the options do
}

bool ClassroomDock::eventFilter(QObject* watched, QEvent* event) {
  if (watched == m_chartOptions && (event->type() == QEvent::ShowToParent || event->type() == QEvent::HideToParent))
    m_chartLabel->setVisible(!m_chartOptions->isHidden());
  return QDockWidget::eventFilter(watched, event);
}

void ClassroomDock::setFromConfig(const dl::ExperimentConfig& c) {
  m_config = c;
  {
    // The generated data sets; a CSV file only while it is the data (it is chosen in the full dock).
    const QSignalBlocker blocker(m_source);
    m_source->clear();
    for (const std::string& id : dl::generatorNames())
      m_source->addItem(displayName(NameKind::Source, id), QString::fromStdString(id));
    if (c.data.source == "csv")
      m_source->addItem(QFileInfo(QString::fromStdString(c.data.csvPath)).fileName(), QStringLiteral("csv"));
    m_source->setCurrentIndex(m_source->findData(QString::fromStdString(c.data.source)));
  }
  fitSourceWidth();
  m_learningRate->setValue(c.optimizer.learningRate);
  {
    const QSignalBlocker blocker(m_activation);
    const bool same = !c.hidden.empty() && std::all_of(c.hidden.begin(), c.hidden.end(), [&](const dl::LayerConfig& l) {
      return l.activation == c.hidden.front().activation;
    });
    m_activation->setCurrentIndex(same ? m_activation->findData(QString::fromStdString(c.hidden.front().activation))
                                       : -1);  // the placeholder: "mixed" or "no hidden layer"
    m_activation->setEnabled(!c.hidden.empty());
  }
  {
    const dl::RegularizationConfig& r = c.regularization;
    Penalty p = Penalty::None;
    if (r.compareL1L2)
      p = Penalty::Compare;
    else if (r.l1 > 0 && r.l2 > 0)
      p = Penalty::Both;
    else if (r.l1 > 0)
      p = Penalty::L1;
    else if (r.l2 > 0)
      p = Penalty::L2;
    const double rate = r.l1 > 0 ? r.l1 : r.l2;
    if (rate > 0) m_lastPenalty = rate;
    const QSignalBlocker blocker(m_regularization);
    m_regularization->setCurrentIndex(static_cast<int>(p));
    m_regularizationRate->setValue(m_lastPenalty);
    m_regularizationRate->setVisible(p != Penalty::None);  // a strength only for a penalty
  }
  {
    // One rate for all the hidden layers; layers with different rates show the highest, "mixed".
    double highest = 0;
    bool same = true;
    for (const dl::LayerConfig& l : c.hidden) {
      highest = std::max(highest, l.dropout);
      same = same && l.dropout == c.hidden.front().dropout;
    }
    const QSignalBlocker blocker(m_dropout);
    m_dropout->setValue(static_cast<int>(std::lround(highest * kDropoutStepsPerUnit)));
    m_dropout->setEnabled(!c.hidden.empty());
    m_dropoutValue->setText(c.hidden.empty() ? QStringLiteral("—")
                            : same           ? QString::number(highest, 'f', 2)
                                             : tr("mixed"));
  }
  showCounts();
}

void ClassroomDock::fitSourceWidth() {
  QStyleOptionComboBox opt;
  opt.initFrom(m_source);
  opt.currentText = m_source->currentText();
  const QFontMetrics fm = m_source->fontMetrics();
  const QSize text(fm.horizontalAdvance(opt.currentText) + 4, fm.height());
  m_source->setMinimumWidth(m_source->style()->sizeFromContents(QStyle::CT_ComboBox, &opt, text, m_source).width());
}

void ClassroomDock::showCounts() {
  const auto& hidden = m_config.hidden;
  m_layerCount->setText(QString::number(hidden.size()));
  QStringList units;
  for (const dl::LayerConfig& l : hidden) units << QString::number(l.units);
  units.removeDuplicates();
  m_neuronCount->setText(hidden.empty() ? QStringLiteral("—") : units.size() == 1 ? units.front() : tr("mixed"));
  if (!hidden.empty()) {
    QStringList all;
    for (const dl::LayerConfig& l : hidden) all << QString::number(l.units);
    m_neuronCount->setToolTip(all.join(QStringLiteral("–")));
  }
  m_activation->setPlaceholderText(hidden.empty() ? tr("no hidden layer") : tr("mixed"));
  m_removeLayer->setEnabled(!hidden.empty());
  m_addLayer->setEnabled(static_cast<int>(hidden.size()) < ControlDock::kMaxLayers);
  m_removeNeuron->setEnabled(
      std::any_of(hidden.begin(), hidden.end(), [](const dl::LayerConfig& l) { return l.units > 1; }));
  m_addNeuron->setEnabled(std::any_of(hidden.begin(), hidden.end(),
                                      [](const dl::LayerConfig& l) { return l.units < ControlDock::maxUnits(); }));
}

// ---------------------------------------------------------------------------------------------
// User → config

void ClassroomDock::commit(const dl::ExperimentConfig& config) {
  setFromConfig(config);
  emit configEdited(config);
}

void ClassroomDock::sourceChosen(int index) {
  const std::string id = m_source->itemData(index).toString().toStdString();
  if (id == m_config.data.source) return;
  dl::ExperimentConfig c = m_config;
  c.data.source = id;
  c.data.mapFeatures = {0, 1};
  commit(c);
}

void ClassroomDock::activationChosen(int index) {
  if (index < 0 || m_config.hidden.empty()) return;
  const std::string id = m_activation->itemData(index).toString().toStdString();
  dl::ExperimentConfig c = m_config;
  for (dl::LayerConfig& l : c.hidden) l.activation = id;
  commit(c);
}

// A new layer copies the last one (as the full dock's +), without its dropout.
void ClassroomDock::changeLayers(int delta) {
  dl::ExperimentConfig c = m_config;
  if (delta > 0 && static_cast<int>(c.hidden.size()) < ControlDock::kMaxLayers) {
    c.hidden.push_back(c.hidden.empty() ? dl::LayerConfig{} : c.hidden.back());
    c.hidden.back().dropout = 0.0;
  } else if (delta < 0 && !c.hidden.empty()) {
    c.hidden.pop_back();
  } else {
    return;
  }
  commit(c);
}

// Every hidden layer gains or loses one neuron (a layer never goes below one).
void ClassroomDock::changeNeurons(int delta) {
  dl::ExperimentConfig c = m_config;
  bool changed = false;
  for (dl::LayerConfig& l : c.hidden) {
    const int next = std::clamp(l.units + delta, 1, ControlDock::maxUnits());
    changed = changed || next != l.units;
    l.units = next;
  }
  if (changed) commit(c);
}

void ClassroomDock::penaltyEdited() {
  const auto p = static_cast<Penalty>(m_regularization->currentIndex());
  const double rate = m_regularizationRate->value();
  m_lastPenalty = rate;
  dl::ExperimentConfig c = m_config;
  dl::RegularizationConfig& r = c.regularization;
  r.compareL1L2 = p == Penalty::Compare;
  r.l1 = p == Penalty::L1 || p == Penalty::Both || p == Penalty::Compare ? rate : 0.0;
  r.l2 = p == Penalty::L2 || p == Penalty::Both ? rate : 0.0;
  if (r.l1 == m_config.regularization.l1 && r.l2 == m_config.regularization.l2 &&
      r.compareL1L2 == m_config.regularization.compareL1L2)
    return;
  commit(c);
}

void ClassroomDock::dropoutEdited(int steps) {
  if (m_config.hidden.empty()) return;
  const double rate = steps / kDropoutStepsPerUnit;  // 6 / 20 is 0.3 exactly; 6 · 0.05 is not
  dl::ExperimentConfig c = m_config;
  for (dl::LayerConfig& l : c.hidden) l.dropout = rate;
  commit(c);
}

// ---------------------------------------------------------------------------------------------
// Texts

void ClassroomDock::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  if (event->type() == QEvent::FontChange) fitSourceWidth();
  QDockWidget::changeEvent(event);
}

void ClassroomDock::retranslateUi() {
  setWindowTitle(tr("Classroom controls"));
  const QString resets = resetsNote();
  m_sourceLabel->setText(tr("Data set ↻"));
  m_source->setToolTip(tr("The data to learn.") + QLatin1Char('\n') + resets);
  for (int i = 0; i < m_source->count(); ++i)
    if (m_source->itemData(i).toString() != QLatin1String("csv"))
      m_source->setItemText(i, displayName(NameKind::Source, m_source->itemData(i).toString().toStdString()));
  fitSourceWidth();
  m_learningRateLabel->setText(tr("Learning rate"));
  m_learningRate->setToolTip(
      tr("Step size of each update (logarithmic scale). Too small: slow; too large: the loss oscillates or diverges. "
         "Applies at once."));
  m_activationLabel->setText(tr("Activation ↻"));
  for (int i = 0; i < m_activation->count(); ++i)
    m_activation->setItemText(i, displayName(NameKind::Activation, m_activation->itemData(i).toString().toStdString()));
  m_activation->setToolTip(tr("The activation function of every hidden layer.") + QLatin1Char('\n') + resets);
  m_layersLabel->setText(tr("Hidden layers ↻"));
  m_removeLayer->setToolTip(tr("Remove the last hidden layer.") + QLatin1Char('\n') + resets);
  m_addLayer->setToolTip(tr("Add a hidden layer (a copy of the last one).") + QLatin1Char('\n') + resets);
  m_neuronsLabel->setText(tr("Neurons per layer ↻"));
  m_removeNeuron->setToolTip(tr("One neuron fewer in every hidden layer.") + QLatin1Char('\n') + resets);
  m_addNeuron->setToolTip(tr("One neuron more in every hidden layer.") + QLatin1Char('\n') + resets);
  m_regularizationLabel->setText(tr("Regularisation"));
  m_regularization->setItemText(static_cast<int>(Penalty::None), tr("None"));
  m_regularization->setItemText(static_cast<int>(Penalty::L1), tr("L1"));
  m_regularization->setItemText(static_cast<int>(Penalty::L2), tr("L2"));
  m_regularization->setItemText(static_cast<int>(Penalty::Both), tr("L1 + L2"));
  m_regularization->setItemText(static_cast<int>(Penalty::Compare), tr("L1 vs L2 ↻"));
  m_regularization->setToolTip(
      tr("A weight penalty and its strength, below. L1 drives weights to exactly zero; L2 keeps them all small; "
         "“L1 vs L2” trains two networks side by side (↻). Applies at once."));
  m_regularizationRate->setToolTip(tr("Strength λ of the penalty (logarithmic scale)."));
  m_dropoutLabel->setText(tr("Dropout"));
  m_dropout->setToolTip(
      tr("The share of hidden units switched off at random in each training step, in every hidden layer "
         "(0: none). Evaluation uses the whole network. Applies at once."));
  m_dropoutValue->setToolTip(m_dropout->toolTip());
  const QString key = m_fullControls->shortcut().toString(QKeySequence::NativeText);
  m_mapLabel->setText(tr("Decision map"));
  m_showValidation->setText(tr("Validation points"));
  m_showValidation->setToolTip(
      tr("Also draw the validation points (black outline): data the network never trains on."));
  m_discretize->setText(tr("Discretise"));
  m_discretize->setToolTip(tr("Colour each region by the most likely class only."));
  m_chartLabel->setText(tr("Chart"));
  m_fullControlsButton->setText(key.isEmpty() ? tr("All controls") : tr("All controls (%1)").arg(key));
  m_fullControlsButton->setToolTip(tr("Show every setting of the experiment in the controls dock."));
  showCounts();
}

}  // namespace dlui
