#include "labs/landscape/LandscapeLab.h"

#include "labs/landscape/ScheduleCurves.h"
#include "labs/landscape/SurfaceMap.h"
#include "Language.h"
#include "notes/NotesLibrary.h"
#include "plots/ChartAxes.h"
#include "plots/LineChart.h"
#include "widgets/ColumnScroll.h"
#include "widgets/DisplayNames.h"
#include "widgets/CompactSpinBox.h"
#include "widgets/NumberSpelling.h"
#include "widgets/LogSlider.h"

#include "core/Error.h"
#include "io/ErrorText.h"
#include "io/LandscapeIo.h"
#include "optim/Optimizer.h"

#include <QScrollArea>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace dlui {

namespace {

using dl::surface::CriticalKind;
using dl::surface::RaceConfig;
using dl::surface::RacerConfig;

constexpr int kTickMs = 33;           // the clock: about 30 redraws a second
constexpr double kNoisePerTick = 20;  // the noise slider's positions per unit of σ

QString number(double v) {
  if (!std::isfinite(v)) return v > 0 ? QStringLiteral("∞") : QStringLiteral("—");
  if (v == 0) return QStringLiteral("0");
  const double a = std::abs(v);
  QString s = (a >= 1e-3 && a < 1e5) ? QString::number(v, 'g', 4) : QString::number(v, 'e', 2);
  return tidyNumber(s);  // "1.14e12", not "1.14e+12"; "3.16e−6", not "3.16e-06"
}

// A red line on a slider at the position of a value (the momentum stability bound): drawn over
// the groove by a transparent child, so the slider itself is Qt's own.
class SliderMark : public QWidget {
public:
  SliderMark(LogSlider* slider) : QWidget(slider->slider()), m_slider(slider) {
    setAttribute(Qt::WA_TransparentForMouseEvents);
    slider->slider()->installEventFilter(this);
  }
  void setValue(double v) {
    m_value = v;
    setVisible(std::isfinite(v) && v > 0);
    place();
  }
  bool eventFilter(QObject*, QEvent* e) override {
    if (e->type() == QEvent::Resize) place();
    return false;
  }
  void paintEvent(QPaintEvent*) override {
    QPainter p(this);
    p.fillRect(rect(), QColor(0xd6, 0x27, 0x28));
  }

private:
  void place() {
    QSlider* s = m_slider->slider();
    if (!std::isfinite(m_value) || m_value <= 0) return;
    QStyleOptionSlider opt;
    opt.initFrom(s);
    opt.orientation = s->orientation();
    opt.minimum = s->minimum();
    opt.maximum = s->maximum();
    const QRect handle = s->style()->subControlRect(QStyle::CC_Slider, &opt, QStyle::SC_SliderHandle, s);
    const int span = s->width() - handle.width();
    // The bound between two slider positions: interpolate on the log scale.
    const int pos = m_slider->positionOf(m_value);
    double frac = pos;
    const double at = m_slider->valueAt(pos);
    if (at > 0 && m_value > 0) {
      const int other = m_value > at ? std::min(pos + 1, s->maximum()) : std::max(pos - 1, s->minimum());
      const double v2 = m_slider->valueAt(other);
      if (other != pos && v2 > 0) frac = pos + (other - pos) * std::log(m_value / at) / std::log(v2 / at);
    }
    const int x =
        handle.width() / 2 +
        static_cast<int>(std::lround(span * (frac - s->minimum()) / std::max(1, s->maximum() - s->minimum())));
    setGeometry(x - 1, 0, 3, s->height());
    raise();
  }
  LogSlider* m_slider;
  double m_value = std::nan("");
};

}  // namespace

LandscapeLab::LandscapeLab(QWidget* parent) : Lab(parent) {
  RaceConfig c;
  c.surface.name = "rosenbrock";
  m_race = std::make_unique<dl::surface::Race>(c);
  m_runUntil = c.steps;
  buildUi();
  retranslateUi();
  showConfig();
  resetViews(true);
}

LandscapeLab::~LandscapeLab() = default;

void LandscapeLab::buildUi() {
  m_clock = new QTimer(this);
  m_clock->setInterval(kTickMs);
  connect(m_clock, &QTimer::timeout, this, &LandscapeLab::onTick);

  // ---- the controls column ----
  auto* controls = new QWidget(this);
  controls->setObjectName(QStringLiteral("landscapeControls"));
  auto* column = new QVBoxLayout(controls);
  column->setContentsMargins(6, 6, 6, 6);

  auto* transport = new QHBoxLayout;
  m_play = new QPushButton(controls);
  m_play->setObjectName(QStringLiteral("landscapePlay"));
  m_play->setCheckable(true);
  m_step = new QPushButton(controls);
  m_restart = new QPushButton(controls);
  transport->addWidget(m_play);
  transport->addWidget(m_step);
  transport->addWidget(m_restart);
  column->addLayout(transport);
  auto* speedRow = new QHBoxLayout;
  m_speedLabel = new QLabel(controls);
  m_speed = new LogSlider(1, 1e5, false, controls);
  m_speed->setValue(60);
  speedRow->addWidget(m_speedLabel);
  speedRow->addWidget(m_speed, 1);
  column->addLayout(speedRow);
  m_stepCount = new QLabel(controls);
  m_stepCount->setObjectName(QStringLiteral("landscapeStep"));
  column->addWidget(m_stepCount);
  connect(m_play, &QPushButton::toggled, this, &LandscapeLab::setRunning);
  connect(m_step, &QPushButton::clicked, this, &LandscapeLab::stepOnce);
  connect(m_restart, &QPushButton::clicked, this, [this] {
    const auto s = m_race->trail(0).front();
    restartAt(s[0], s[1]);
  });

  m_surfaceBox = new QGroupBox(controls);
  auto* surfaceForm = new QFormLayout(m_surfaceBox);
  m_surface = new QComboBox(m_surfaceBox);
  m_surface->setObjectName(QStringLiteral("landscapeSurface"));
  for (const std::string& name : dl::surface::surfaceNames())
    m_surface->addItem(QString(), QString::fromStdString(name));
  surfaceForm->addRow(m_surface);
  m_conditionLabel = new QLabel(m_surfaceBox);
  m_condition = new LogSlider(1, 1e4, false, m_surfaceBox);
  surfaceForm->addRow(m_conditionLabel, m_condition);
  m_expressionLabel = new QLabel(m_surfaceBox);
  m_expression = new QLineEdit(m_surfaceBox);
  m_expression->setObjectName(QStringLiteral("landscapeExpression"));
  surfaceForm->addRow(m_expressionLabel, m_expression);
  m_expressionError = new QLabel(m_surfaceBox);
  m_expressionError->setObjectName(QStringLiteral("landscapeExpressionError"));
  m_expressionError->setWordWrap(true);
  m_expressionError->setStyleSheet(QStringLiteral("color: #b00020;"));
  m_expressionError->hide();
  surfaceForm->addRow(m_expressionError);
  m_startHint = new QLabel(m_surfaceBox);
  m_startHint->setWordWrap(true);
  surfaceForm->addRow(m_startHint);
  column->addWidget(m_surfaceBox);
  connect(m_surface, &QComboBox::activated, this, &LandscapeLab::onSurfaceChosen);
  connect(m_condition, &LogSlider::valueChanged, this, &LandscapeLab::onSurfaceChosen);
  connect(m_expression, &QLineEdit::returnPressed, this, &LandscapeLab::onExpressionEntered);

  m_racersBox = new QGroupBox(controls);
  auto* racersGrid = new QGridLayout(m_racersBox);
  racersGrid->setVerticalSpacing(2);
  for (std::size_t i = 0; i < dl::optimizerNames().size(); ++i) {
    auto* check = new QCheckBox(m_racersBox);
    auto* rate = new CompactSpinBox(m_racersBox);  // "3.85", not "3.85000": a narrower column
    rate->setDecimals(5);
    rate->setRange(1e-5, 1000);
    rate->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    rate->setKeyboardTracking(false);
    racersGrid->addWidget(check, static_cast<int>(i), 0);
    racersGrid->addWidget(rate, static_cast<int>(i), 1);
    m_enabled.push_back(check);
    m_rates.push_back(rate);
    connect(check, &QCheckBox::toggled, this, [this, i] { editRacer(i); });
    connect(rate, &QDoubleSpinBox::valueChanged, this, [this, i] { editRacer(i); });
  }
  const int rows = static_cast<int>(dl::optimizerNames().size());
  m_sameRate = new QCheckBox(m_racersBox);
  m_sameRate->setObjectName(QStringLiteral("landscapeSameRate"));
  racersGrid->addWidget(m_sameRate, rows, 0, 1, 2);
  m_rate = new LogSlider(1e-4, 10, false, m_racersBox);
  racersGrid->addWidget(m_rate, rows + 1, 0, 1, 2);
  m_boundMark = new SliderMark(m_rate);
  m_boundLabel = new QLabel(m_racersBox);
  m_boundLabel->setWordWrap(true);
  m_boundLabel->setObjectName(QStringLiteral("landscapeBound"));
  racersGrid->addWidget(m_boundLabel, rows + 2, 0, 1, 2);
  column->addWidget(m_racersBox);
  // Each control changes its own setting only: the others keep the values a preset or file gave
  // them, even where a control cannot show them exactly (β 0.9995, noise 8).
  connect(m_sameRate, &QCheckBox::toggled, this,
          [this](bool on) { applyChange([on](RaceConfig& c) { c.sameLearningRate = on; }); });
  connect(m_rate, &LogSlider::valueChanged, this,
          [this](double v) { applyChange([v](RaceConfig& c) { c.learningRate = v; }); });

  m_dynamicsBox = new QGroupBox(controls);
  auto* dyn = new QFormLayout(m_dynamicsBox);
  m_betaLabel = new QLabel(m_dynamicsBox);
  m_beta = new QDoubleSpinBox(m_dynamicsBox);
  m_beta->setRange(0, 0.999);
  m_beta->setDecimals(3);
  m_beta->setSingleStep(0.01);
  m_beta->setKeyboardTracking(false);
  dyn->addRow(m_betaLabel, m_beta);
  m_noiseLabel = new QLabel(m_dynamicsBox);
  auto* noiseRow = new QHBoxLayout;
  m_noise = new QSlider(Qt::Horizontal, m_dynamicsBox);
  m_noise->setObjectName(QStringLiteral("landscapeNoise"));
  m_noise->setRange(0, static_cast<int>(5 * kNoisePerTick));
  m_noise->installEventFilter(this);
  m_noiseValue = new QLabel(m_dynamicsBox);
  m_noiseValue->setMinimumWidth(m_noiseValue->fontMetrics().horizontalAdvance(QStringLiteral("0.00")));
  noiseRow->addWidget(m_noise, 1);
  noiseRow->addWidget(m_noiseValue);
  dyn->addRow(m_noiseLabel, noiseRow);
  m_scheduleLabel = new QLabel(m_dynamicsBox);
  m_schedule = new QComboBox(m_dynamicsBox);
  for (const std::string& s : ScheduleCurves::names()) m_schedule->addItem(QString(), QString::fromStdString(s));
  dyn->addRow(m_scheduleLabel, m_schedule);
  m_curves = new ScheduleCurves(m_dynamicsBox);
  dyn->addRow(m_curves);
  column->addWidget(m_dynamicsBox);
  column->addStretch(1);
  connect(m_beta, &QDoubleSpinBox::valueChanged, this,
          [this](double v) { applyChange([v](RaceConfig& c) { c.hyper.momentum = v; }); });
  connect(m_noise, &QSlider::valueChanged, this,
          [this](int position) { applyChange([position](RaceConfig& c) { c.noise = position / kNoisePerTick; }); });
  connect(m_schedule, &QComboBox::activated, this, [this] {
    const std::string name = m_schedule->currentData().toString().toStdString();
    applyChange([name](RaceConfig& c) { c.schedule.name = name; });
  });

  // ---- the map and its readout ----
  auto* mapColumn = new QWidget(this);
  auto* mapLayout = new QVBoxLayout(mapColumn);
  mapLayout->setContentsMargins(0, 0, 0, 0);
  m_watch = createWatchLine(mapColumn, QStringLiteral("landscapeWatch"));
  mapLayout->addWidget(m_watch);
  m_map = new SurfaceMap(mapColumn);
  m_readout = new QLabel(mapColumn);
  m_readout->setObjectName(QStringLiteral("landscapeReadout"));
  m_readout->setWordWrap(true);
  m_readout->setTextFormat(Qt::PlainText);
  mapLayout->addWidget(m_map, 1);
  mapLayout->addWidget(m_readout);
  connect(m_map, &SurfaceMap::startPicked, this, &LandscapeLab::restartAt);
  connect(m_map, &SurfaceMap::hovered, this, [this](double x, double y) {
    m_hovering = std::isfinite(x) && std::isfinite(y);
    m_hoverX = x, m_hoverY = y;
    updateReadout(x, y);
  });

  // ---- the chart and the table ----
  auto* right = new QWidget(this);
  auto* rightLayout = new QVBoxLayout(right);
  rightLayout->setContentsMargins(0, 0, 0, 0);
  m_chart = new LineChart(right);
  m_chart->setObjectName(QStringLiteral("landscapeLossChart"));
  m_table = new QTableWidget(right);
  m_table->setObjectName(QStringLiteral("landscapeRacers"));
  m_table->setColumnCount(6);
  m_table->verticalHeader()->hide();
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->setSelectionMode(QAbstractItemView::NoSelection);
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  m_table->horizontalHeader()->setStretchLastSection(true);
  m_table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
  m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  m_table->setWordWrap(true);  // the state column, on a projector
  m_normalMinimumSection = m_table->horizontalHeader()->minimumSectionSize();
  // A wrapped state needs its row's height once its column has its width.
  connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, this, [this](int column) {
    if (m_presentation && column == 5) fitRows();
  });
  rightLayout->addWidget(m_chart, 1);
  rightLayout->addWidget(m_table);

  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(scrollingColumn(controls, this));
  // The map is square: beyond its height, width is better spent on the chart and the table.
  layout->addWidget(mapColumn, 1);
  layout->addWidget(right, 1);
}

void LandscapeLab::retranslateUi() {
  m_play->setText(isRunning() ? tr("Pause") : tr("Play"));
  m_play->setToolTip(tr("Start or pause the race (Space)."));
  m_step->setText(tr("Step"));
  m_step->setToolTip(tr("One step for every racer (→)."));
  m_restart->setText(tr("Restart"));
  m_restart->setToolTip(tr("Every racer back to the start, its optimiser's state cleared."));
  m_speedLabel->setText(tr("Steps/s"));
  m_surfaceBox->setTitle(tr("Surface"));
  for (int i = 0; i < m_surface->count(); ++i) {
    const QString id = m_surface->itemData(i).toString();
    static const std::pair<const char*, const char*> kNames[] = {
        {"quadratic", QT_TR_NOOP("Ill-conditioned quadratic")},
        {"saddle", QT_TR_NOOP("Saddle x² − y²")},
        {"monkey-saddle", QT_TR_NOOP("Monkey saddle x³ − 3xy²")},
        {"rosenbrock", QT_TR_NOOP("Rosenbrock's valley")},
        {"beale", QT_TR_NOOP("Beale")},
        {"himmelblau", QT_TR_NOOP("Himmelblau (four minima)")},
        {"plateau", QT_TR_NOOP("Long plateau")},
        {"rastrigin", QT_TR_NOOP("Rastrigin (many local minima)")},
        {"logistic", QT_TR_NOOP("Logistic regression on data")},
        {"expression", QT_TR_NOOP("Your function f(x, y)")},
    };
    QString text = id;
    for (const auto& [key, name] : kNames)
      if (id == QLatin1String(key)) text = tr(name);
    m_surface->setItemText(i, text);
  }
  m_surface->setToolTip(tr("The loss surface the optimisers race on."));
  m_conditionLabel->setText(tr("Condition κ"));
  m_condition->setToolTip(tr("λmax/λmin of the quadratic: how much steeper one direction is than the other."));
  m_expressionLabel->setText(tr("f(x, y) ="));
  m_expression->setPlaceholderText(tr("e.g. (1-x)^2 + 5*(y-x^2)^2"));
  m_expression->setToolTip(
      tr("Type a function of x and y and press Enter: + − * / ^, sin cos tan exp log sqrt abs "
         "tanh, pi, e. Its gradient and Hessian are exact (automatic differentiation)."));
  m_startHint->setText(tr("Click the map to start every racer there."));
  m_racersBox->setTitle(tr("Optimisers and learning rates"));
  m_sameRate->setText(tr("Same learning rate for all"));
  m_sameRate->setToolTip(tr("Every racer uses the rate of the slider below instead of its own tuned rate."));
  m_rate->setToolTip(tr("The learning rate every racer uses when “same learning rate for all” is on."));
  m_dynamicsBox->setTitle(tr("Dynamics"));
  m_betaLabel->setText(tr("Momentum β"));
  m_beta->setToolTip(tr("β of momentum and Nesterov (heavy ball: v ← βv + ∇f, x ← x − lr·v)."));
  m_noiseLabel->setText(tr("Gradient noise σ"));
  m_noise->setToolTip(
      tr("Gaussian noise added to every gradient component, as a mini-batch would: "
         "SGD jitters around the minimum, with a spread that grows with the learning rate."));
  m_scheduleLabel->setText(tr("Schedule"));
  for (int i = 0; i < m_schedule->count(); ++i)
    m_schedule->setItemText(i, displayName(NameKind::Schedule, m_schedule->itemData(i).toString().toStdString()));
  m_curves->setToolTip(
      tr("The learning rate over the race as a fraction of the base rate: the chosen schedule "
         "bold, the others grey."));
  m_table->setHorizontalHeaderLabels({tr("Optimiser"), tr("lr"), tr("loss"), tr("‖∇f‖"), tr("κ here"), tr("state")});
  m_table->horizontalHeaderItem(4)->setToolTip(tr("The condition number of the Hessian where the racer stands."));
  m_map->setToolTip(
      tr("Colours: the loss on a logarithmic scale (dark = low). ○ minimum, △ maximum, × saddle. "
         "Click to set the start."));
  showWatchLine(m_watch, m_preset);
  updateBound();
  resetViews(false);
}

bool LandscapeLab::eventFilter(QObject* watched, QEvent* event) {
  // A focused slider keeps its arrow keys: → moves it, it does not step the race.
  if (watched == m_noise && event->type() == QEvent::ShortcutOverride) {
    const int key = static_cast<QKeyEvent*>(event)->key();
    if (key == Qt::Key_Left || key == Qt::Key_Right || key == Qt::Key_Up || key == Qt::Key_Down) {
      event->accept();
      return true;
    }
  }
  return Lab::eventFilter(watched, event);
}

void LandscapeLab::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  Lab::changeEvent(event);
}

QString LandscapeLab::racerName(std::size_t i) const {
  const auto& racers = m_race->racers();
  const QString base = displayName(NameKind::Optimizer, racers[i].optimizer);
  // Two racers with one optimiser (the momentum bound): their rates tell them apart.
  const auto same =
      std::count_if(racers.begin(), racers.end(), [&](const auto& r) { return r.optimizer == racers[i].optimizer; });
  return same > 1 ? QStringLiteral("%1 · lr %2").arg(base, number(racers[i].learningRate)) : base;
}

QColor LandscapeLab::racerColor(std::size_t i) const {
  // One colour per optimiser, whatever the preset: Adam is the same colour in every race.
  const auto& names = dl::optimizerNames();
  const auto& racers = m_race->racers();
  const auto at = std::find(names.begin(), names.end(), racers[i].optimizer);
  int index = static_cast<int>(at - names.begin());
  for (std::size_t k = 0; k < i; ++k)
    if (racers[k].optimizer == racers[i].optimizer) index += static_cast<int>(names.size());
  return seriesColor(index);
}

double LandscapeLab::chartValue(double value) const {
  const double m = m_race->surface().minimumValue();
  return std::isfinite(m) ? value - m : value;
}

void LandscapeLab::showConfig() {
  const RaceConfig& c = m_race->config();
  const QSignalBlocker b1(m_surface), b2(m_condition), b3(m_sameRate), b4(m_rate), b5(m_beta), b6(m_noise),
      b7(m_schedule), b8(m_expression);
  m_surface->setCurrentIndex(m_surface->findData(QString::fromStdString(c.surface.name)));
  m_condition->setValue(c.surface.condition);
  const bool quadratic = c.surface.name == "quadratic";
  m_conditionLabel->setVisible(quadratic);
  m_condition->setVisible(quadratic);
  const bool expression = c.surface.name == "expression";
  m_expressionLabel->setVisible(expression);
  m_expression->setVisible(expression);
  if (expression) m_expression->setText(QString::fromStdString(c.surface.expression));
  m_sameRate->setChecked(c.sameLearningRate);
  m_rate->setValue(c.learningRate);
  m_rate->setEnabled(c.sameLearningRate);
  m_beta->setValue(c.hyper.momentum);
  m_noise->setValue(static_cast<int>(std::lround(c.noise * kNoisePerTick)));
  m_noiseValue->setText(number(c.noise));
  m_schedule->setCurrentIndex(std::max(0, m_schedule->findData(QString::fromStdString(c.schedule.name))));
  m_curves->setSchedule(c.schedule, c.steps);
  // One row per optimiser of the engine: ticked when it races, with the rate it races at.
  const auto& racers = m_race->racers();
  const auto& names = dl::optimizerNames();
  for (std::size_t i = 0; i < names.size(); ++i) {
    const QSignalBlocker bc(m_enabled[i]), br(m_rates[i]);
    m_enabled[i]->setText(displayName(NameKind::Optimizer, names[i]));
    QPixmap swatch(12, 12);
    swatch.fill(seriesColor(static_cast<int>(i)));
    m_enabled[i]->setIcon(QIcon(swatch));
    const auto r = std::find_if(racers.begin(), racers.end(), [&](const auto& s) { return s.optimizer == names[i]; });
    const bool racing = r != racers.end();
    m_enabled[i]->setChecked(racing);
    const double rate = racing ? r->learningRate : m_race->surface().tunedLearningRate(names[i]);
    m_rates[i]->setValue(rate);
    m_rates[i]->setEnabled(!c.sameLearningRate);
  }
  updateBound();
}

void LandscapeLab::updateBound() {
  const RaceConfig& c = m_race->config();
  m_bound = std::nan("");
  if (c.surface.name == "quadratic")
    m_bound = dl::surface::momentumStabilityBound(c.surface.curvature, c.hyper.momentum);
  static_cast<SliderMark*>(m_boundMark)->setValue(m_bound);
  m_boundLabel->setVisible(std::isfinite(m_bound));
  if (std::isfinite(m_bound))
    m_boundLabel->setText(tr("Red line: momentum is stable below lr = 2(1+β)/λmax = %1.").arg(number(m_bound)));
}

void LandscapeLab::editRacer(std::size_t row) {
  // Row `row` is one optimiser of the engine: ticking adds it (in the engine's order, at the row's
  // rate), unticking removes it, a new rate changes it. An optimiser that races more than once (a
  // preset's lr 3.7 against 3.85) keeps its racers' rates: its row shows one rate only.
  const auto& names = dl::optimizerNames();
  const std::string& name = names[row];
  const bool on = m_enabled[row]->isChecked();
  const double rate = m_rates[row]->value();
  applyChange([&](RaceConfig& c) {
    std::vector<RacerConfig> racers = dl::surface::racersOf(c);
    const auto mine = [&](const RacerConfig& r) { return r.optimizer == name; };
    const auto count = std::count_if(racers.begin(), racers.end(), mine);
    if (!on) {
      std::erase_if(racers, mine);
    } else if (count == 0) {
      const auto order = [&](const std::string& n) { return std::find(names.begin(), names.end(), n) - names.begin(); };
      const auto at = std::find_if(racers.begin(), racers.end(),
                                   [&](const RacerConfig& r) { return order(r.optimizer) > static_cast<long>(row); });
      racers.insert(at, RacerConfig{name, rate, true});
    } else if (count == 1) {
      std::find_if(racers.begin(), racers.end(), mine)->learningRate = rate;
    }
    c.racers = racers;
  });
}

void LandscapeLab::applyChange(const std::function<void(RaceConfig&)>& edit) {
  RaceConfig c = m_race->config();
  edit(c);
  if (c.racers.empty()) {  // at least one racer: the one just unticked comes back
    showConfig();
    return;
  }
  const bool sameRacers = dl::surface::racersOf(c) == dl::surface::racersOf(m_race->config());
  try {
    dl::surface::validate(c);
    m_race->applyLive(c);
  } catch (const std::exception& e) {
    emit statusMessage(dlio::ErrorText::of(e));
    showConfig();
    return;
  }
  m_noiseValue->setText(number(c.noise));
  m_rate->setEnabled(c.sameLearningRate);
  for (auto* r : m_rates) r->setEnabled(!c.sameLearningRate);
  m_curves->setSchedule(c.schedule, c.steps);
  updateBound();
  if (!sameRacers) resetViews(false);
  updateTable();
  m_map->racersMoved();
}

void LandscapeLab::onSurfaceChosen() {
  m_preset.clear();  // the preset's lesson no longer applies
  m_watch->hide();
  RaceConfig c = m_race->config();
  c.surface.name = m_surface->currentData().toString().toStdString();
  c.surface.condition = m_condition->value();
  if (c.surface.name == "expression" && c.surface.expression.empty())
    c.surface.expression = m_expression->text().isEmpty() ? "x^2 + 3*y^2 + x*y" : m_expression->text().toStdString();
  // A new surface: every racer at its tuned rate there, from its suggested start.
  c.racers.clear();
  c.start.reset();
  QString error;
  if (!setConfig(c, &error)) emit statusMessage(error);
}

void LandscapeLab::onExpressionEntered() {
  RaceConfig c = m_race->config();
  c.surface.name = "expression";
  c.surface.expression = m_expression->text().toStdString();
  c.start.reset();
  QString error;
  if (setConfig(c, &error)) {
    m_expressionError->hide();
  } else {
    m_expressionError->setText(error);
    m_expressionError->show();
  }
}

bool LandscapeLab::setConfig(const RaceConfig& config, QString* error) {
  std::unique_ptr<dl::surface::Race> next;
  try {
    next = std::make_unique<dl::surface::Race>(config);
  } catch (const std::exception& e) {
    if (error) *error = dlio::ErrorText::of(e);
    return false;
  }
  const bool surfaceChanged = !(next->config().surface == m_race->config().surface);
  m_map->setRace(nullptr, true);
  m_race = std::move(next);
  m_runUntil = m_race->config().steps;
  showConfig();
  resetViews(surfaceChanged || true);
  return true;
}

void LandscapeLab::restartAt(double x, double y) {
  m_race->restart(x, y);
  m_runUntil = m_race->config().steps;
  resetViews(false);
  emit statusMessage(tr("Every racer starts at (%1, %2).").arg(number(x), number(y)));
}

void LandscapeLab::resetViews(bool surfaceChanged) {
  if (!m_chart) return;
  m_map->setRace(m_race.get(), surfaceChanged);
  std::vector<QColor> colors;
  QStringList names;
  for (std::size_t i = 0; i < m_race->racers().size(); ++i) {
    colors.push_back(racerColor(i));
    names << racerName(i);
  }
  m_map->setRacerColors(colors);
  m_chart->setLines(names, colors);
  m_chart->setLegendVisible(false);  // the racer table below it names every colour
  const bool known = std::isfinite(m_race->surface().minimumValue());
  m_chart->setLogScale(known);
  m_chart->setAxisTitles(tr("step"), known ? tr("loss − minimum") : tr("loss"));
  m_chart->setTitle(known ? tr("Loss above the minimum") : tr("Loss"));
  // Every trail so far (after a restart just the start).
  for (std::size_t i = 0; i < m_race->racers().size(); ++i) {
    const auto& trail = m_race->trail(i);
    for (std::size_t k = 0; k < trail.size(); ++k)
      if (charted(trail[k][0], trail[k][1]))
        m_chart->append(static_cast<int>(i), static_cast<double>(k),
                        chartValue(m_race->surface().value(trail[k][0], trail[k][1])));
  }
  m_table->setRowCount(static_cast<int>(m_race->racers().size()));
  updateTable();
  if (m_hovering)
    updateReadout(m_hoverX, m_hoverY);
  else
    updateReadout(std::nan(""), std::nan(""));
}

bool LandscapeLab::charted(double x, double y) const {
  // A surface without a known minimum (a saddle) falls without bound: its chart follows a racer
  // while it is on the map, so one escaped racer's −10¹² does not flatten everyone else's curve.
  if (std::isfinite(m_race->surface().minimumValue())) return true;
  const dl::surface::Box b = m_race->surface().view();
  return x >= b.xmin && x <= b.xmax && y >= b.ymin && y <= b.ymax;
}

void LandscapeLab::appendPoints() {
  const auto& racers = m_race->racers();
  for (std::size_t i = 0; i < racers.size(); ++i) {
    const auto& r = racers[i];
    if (r.diverged && r.divergedAt >= 0 && r.step > r.divergedAt) continue;
    if (!r.diverged && !charted(r.x, r.y)) continue;
    m_chart->append(static_cast<int>(i), static_cast<double>(r.step), r.diverged ? std::nan("") : chartValue(r.value));
  }
}

void LandscapeLab::updateTable() {
  const auto& racers = m_race->racers();
  if (m_table->rowCount() != static_cast<int>(racers.size())) m_table->setRowCount(static_cast<int>(racers.size()));
  const auto set = [this](int row, int col, const QString& text) {
    QTableWidgetItem* item = m_table->item(row, col);
    if (!item) {
      item = new QTableWidgetItem;
      item->setTextAlignment(col == 0 || col == 5 ? Qt::AlignLeft | Qt::AlignVCenter
                                                  : Qt::AlignRight | Qt::AlignVCenter);
      m_table->setItem(row, col, item);
    }
    if (item->text() != text) item->setText(text);
  };
  for (std::size_t i = 0; i < racers.size(); ++i) {
    const auto& r = racers[i];
    const int row = static_cast<int>(i);
    // On a projector a racer's learning rate goes under its name ("Momentum" / "lr 3.85"): the
    // name column stays narrow beside the map.
    set(row, 0, m_presentation ? racerName(i).replace(QStringLiteral(" · "), QStringLiteral("\n")) : racerName(i));
    QPixmap swatch(12, 12);
    swatch.fill(racerColor(i));
    m_table->item(row, 0)->setIcon(QIcon(swatch));
    set(row, 1, number(r.learningRate));
    set(row, 2, number(r.value));
    set(row, 3, number(r.gradNorm));
    QString state;
    if (r.diverged) {
      set(row, 4, QStringLiteral("—"));
      state = tr("diverged at step %1").arg(r.divergedAt);
    } else {
      const auto k = dl::surface::curvature(m_race->surface().eval(r.x, r.y));
      set(row, 4, number(k.condition));
      if (r.gradNorm < 1e-6)
        state = k.kind == CriticalKind::Minimum  ? tr("at a minimum")
                : k.kind == CriticalKind::Saddle ? tr("stuck on a saddle")
                                                 : tr("stopped (flat)");
      else if (!charted(r.x, r.y))
        state = tr("left the map");
      else
        state = std::isfinite(r.distance) ? tr("%1 from a minimum").arg(number(r.distance)) : tr("moving");
    }
    set(row, 5, state);
  }
  if (m_presentation) fitRows();
  m_stepCount->setText(tr("Step %1").arg(m_race->steps()));
}

// On a projector: the name column as wide as its longest line, and every row as tall as its cells'
// lines as they are laid out. Both by hand: Qt's own sizes (the column sized to contents with word
// wrap on, for the states, and resizeRowsToContents) measure Chinese text in the table's font,
// whose lines are shorter than the fallback font's that draws it, and may break a Chinese name
// between its characters; the cells then showed "动量…" and "在第 68 步…", the rate and the
// rest hidden, and the two momentum racers of the momentum-bound preset could not be told apart.
void LandscapeLab::fitRows() {
  if (!m_presentation || m_fittingRows) return;
  m_fittingRows = true;
  const QFontMetrics fm(m_table->font());
  const QStyle* style = m_table->style();
  const int vmargin = 2 * (style->pixelMetric(QStyle::PM_FocusFrameVMargin, nullptr, m_table) + 1) + 4;
  const int hmargin = 2 * (style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_table) + 1);
  const int icon = style->pixelMetric(QStyle::PM_SmallIconSize, nullptr, m_table);
  int nameWidth = QFontMetrics(m_table->horizontalHeader()->font()).horizontalAdvance(m_table->horizontalHeaderItem(0)->text()) + 16;
  for (int row = 0; row < m_table->rowCount(); ++row)
    if (const QTableWidgetItem* item = m_table->item(row, 0))
      for (const QString& line : item->text().split(QLatin1Char('\n')))
        nameWidth = std::max(nameWidth, fm.horizontalAdvance(line) + icon + 2 * hmargin + 2);
  if (m_table->columnWidth(0) != nameWidth) m_table->setColumnWidth(0, nameWidth);
  for (int row = 0; row < m_table->rowCount(); ++row) {
    int height = fm.lineSpacing();
    for (int col = 0; col < m_table->columnCount(); ++col) {
      const QTableWidgetItem* item = m_table->item(row, col);
      if (!item || m_table->isColumnHidden(col)) continue;
      const int room = std::max(1, m_table->columnWidth(col) - hmargin - (col == 0 ? icon + hmargin : 0));
      height = std::max(height, fm.boundingRect(QRect(0, 0, room, 1 << 20), Qt::TextWordWrap, item->text()).height());
    }
    if (m_table->rowHeight(row) != height + vmargin) m_table->setRowHeight(row, height + vmargin);
  }
  m_fittingRows = false;
}

void LandscapeLab::updateReadout(double x, double y) {
  if (!std::isfinite(x) || !std::isfinite(y)) {
    m_readout->setText(tr("Point at the map: the loss, the Hessian's eigenvalues and the condition number there."));
    return;
  }
  const dl::surface::Jet j = m_race->surface().eval(x, y);
  const auto k = dl::surface::curvature(j);
  const QString shape = k.kind == CriticalKind::Minimum   ? tr("curves up both ways (bowl)")
                        : k.kind == CriticalKind::Maximum ? tr("curves down both ways (cap)")
                        : k.kind == CriticalKind::Saddle  ? tr("up one way, down the other (saddle)")
                                                          : tr("flat in one direction");
  m_readout->setText(tr("(%1, %2): f = %3 · ‖∇f‖ = %4 · Hessian eigenvalues %5, %6 · κ = %7 · %8")
                         .arg(number(x), number(y), number(j.v), number(std::hypot(j.gx, j.gy)), number(k.lambdaMin),
                              number(k.lambdaMax), number(k.condition), shape));
}

void LandscapeLab::advance(long long n) {
  for (long long i = 0; i < n; ++i) {
    m_race->step();
    appendPoints();
  }
  updateTable();
  m_map->racersMoved();
}

void LandscapeLab::onTick() {
  // Steps owed at the chosen speed since the last tick (a slow frame does not slow the race).
  const double elapsed = m_sinceTick.isValid() ? std::min<qint64>(m_sinceTick.restart(), 250) : kTickMs;
  if (!m_sinceTick.isValid()) m_sinceTick.start();
  m_stepsOwed += m_speed->value() * elapsed / 1000.0;
  auto n = static_cast<long long>(m_stepsOwed);
  m_stepsOwed -= static_cast<double>(n);
  n = std::min(n, m_runUntil - m_race->steps());
  if (n > 0) advance(n);
  const bool allStopped =
      std::all_of(m_race->racers().begin(), m_race->racers().end(), [](const auto& r) { return r.diverged; });
  if (m_race->steps() >= m_runUntil || allStopped) {
    setRunning(false);
    emit statusMessage(tr("Paused after %1 steps: Play goes on.").arg(m_race->steps()));
  }
}

bool LandscapeLab::isRunning() const { return m_clock && m_clock->isActive(); }

void LandscapeLab::setRunning(bool on) {
  if (on && m_race->steps() >= m_runUntil) m_runUntil = m_race->steps() + m_race->config().steps;
  if (on && m_active) {
    m_sinceTick.invalidate();
    m_stepsOwed = 0;
    m_clock->start();
  } else {
    m_clock->stop();
  }
  const QSignalBlocker b(m_play);
  m_play->setChecked(on);
  m_play->setText(on ? tr("Pause") : tr("Play"));
}

void LandscapeLab::togglePlay() { setRunning(!isRunning()); }

void LandscapeLab::stepOnce() {
  setRunning(false);
  advance(1);
}

void LandscapeLab::setActive(bool on) {
  m_active = on;
  if (!on) setRunning(false);
}

void LandscapeLab::setPresentationMode(bool on) {
  m_presentation = on;
  m_map->setPresentationMode(on);
  m_chart->setPresentationMode(on);
  // On a projector the map gets the width, the table keeps what a room reads (name, loss, state;
  // κ at the pointer is in the readout), and the schedule curves give their height to the controls.
  fitColumns();
  m_table->setColumnHidden(1, on);
  m_table->setColumnHidden(3, on);
  m_table->setColumnHidden(4, on);
  // The names take two lines there ("Momentum" / "lr 3.85") and the states wrap ("stuck on / a
  // saddle") rather than the table scroll sideways. (A stretched last section keeps at least its size before the
  // stretch, 100 px: the state stretches as a column instead.)
  QHeaderView* header = m_table->horizontalHeader();
  header->setStretchLastSection(!on);
  header->setSectionResizeMode(5, on ? QHeaderView::Stretch : QHeaderView::ResizeToContents);
  header->setSectionResizeMode(0, on ? QHeaderView::Fixed : QHeaderView::ResizeToContents);  // updateTable sizes it
  header->setMinimumSectionSize(on ? fontMetrics().height() : m_normalMinimumSection);
  if (m_race) updateTable();
  if (on)
    fitRows();
  else
    m_table->resizeRowsToContents();
  m_curves->setVisible(!on);
  // Each setting under its label on a projector: the column is as wide as its widest control, not
  // as its widest label and control side by side, and the map and the table get the width.
  static_cast<QFormLayout*>(m_dynamicsBox->layout())
      ->setRowWrapPolicy(on ? QFormLayout::WrapAllRows : QFormLayout::DontWrapRows);
}

void LandscapeLab::fitColumns() {
  // The map is square: on a projector it gets three fifths of the width beside the controls, but
  // under 1280 px it is narrower than tall anyway, and the table gets a little over half so its
  // names and states read in at most two lines.
  auto* layout = static_cast<QHBoxLayout*>(this->layout());
  const bool narrow = m_presentation && width() < 1280;
  layout->setStretch(1, !m_presentation ? 1 : narrow ? 5 : 3);
  layout->setStretch(2, !m_presentation ? 1 : narrow ? 6 : 2);
}

void LandscapeLab::resizeEvent(QResizeEvent* event) {
  fitColumns();
  Lab::resizeEvent(event);
}

bool LandscapeLab::loadPreset(const QString& name, QString* error) {
  try {
    if (!setConfig(dlio::readRacePreset(name), error)) return false;
  } catch (const dlio::IoError& e) {
    if (error) *error = e.message();
    return false;
  }
  m_preset = name;
  retranslateUi();  // its watch line
  // Paced so that the whole race plays in about eight seconds (a 40,000-step noise experiment too).
  m_speed->setValue(std::clamp(static_cast<double>(m_race->config().steps) / 8.0, 30.0, 1e5));
  setRunning(true);  // one click, and the race is on
  return true;
}

bool LandscapeLab::openFile(const QString& path, QString* error) {
  // Read and checked first: a broken file changes nothing, not even the preset's watch line.
  RaceConfig c;
  try {
    c = dlio::readRaceFile(path);
  } catch (const dlio::IoError& e) {
    if (error) *error = e.message();
    return false;
  }
  if (!setConfig(c, error)) return false;
  m_preset.clear();
  m_watch->hide();
  return true;
}

bool LandscapeLab::finish(int) {
  setRunning(false);
  const long long target = m_race->config().steps;
  if (m_race->steps() < target) advance(target - m_race->steps());
  return m_race->steps() >= target;
}

QStringList LandscapeLab::grabPanels(const QString& dir) {
  QStringList out;
  const auto save = [&](QWidget* w, const QString& name) {
    const QString path = QDir(dir).filePath(name);
    if (w->isVisible() && w->grab().save(path)) out << path;
  };
  save(m_map, QStringLiteral("landscape-map.png"));
  save(m_chart, QStringLiteral("landscape-loss.png"));
  save(m_table, QStringLiteral("landscape-racers.png"));
  return out;
}

}  // namespace dlui
