// The big numbers (see ScoreBoard.h): a grid of labels rebuilt when the runs or the task change,
// whose texts follow the evaluations in the snapshots.
#include "labs/playground/ScoreBoard.h"

#include "plots/ChartAxes.h"

#include "data/Generators.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QTextLayout>

#include <cmath>

namespace dlui {

namespace {

// The loss chart's colours (LossChart: training loss 0, validation loss 1, training accuracy 3,
// validation accuracy 4), a little darker: text on a projector needs more contrast than a line.
QColor quantityColor(int q) {
  static const int series[] = {0, 1, 3, 4};
  return seriesColor(series[q]).darker(q == 2 ? 160 : 130);
}

bool isRegression(const dl::ExperimentConfig& c) {
  return c.data.source == "csv" ? c.data.regression : dl::isRegressionSource(c.data.source);
}

}  // namespace

ScoreBoard::ScoreBoard(QWidget* parent) : QFrame(parent) {
  setObjectName(QStringLiteral("scoreBoard"));
  setFrameShape(QFrame::NoFrame);
  m_grid = new QGridLayout(this);
  m_grid->setContentsMargins(8, 4, 8, 4);
  m_grid->setHorizontalSpacing(16);
  m_grid->setVerticalSpacing(0);
  m_stepLabel = new QLabel(this);
  m_stepLabel->setObjectName(QStringLiteral("scoreStep"));
  m_epochLabel = new QLabel(this);
  m_epochLabel->setObjectName(QStringLiteral("scoreEpoch"));
  for (QLabel*& h : m_headers) h = new QLabel(this);
  m_runs.resize(1);
  rebuild();
  retranslateUi();
}

QString ScoreBoard::lossText(double loss, bool measured) {
  if (!measured) return QStringLiteral("—");
  if (std::isnan(loss)) return QStringLiteral("NaN");
  if (std::isinf(loss)) return loss > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
  return QString::number(loss, 'g', 3);
}

QString ScoreBoard::accuracyText(double fraction, bool measured) {
  if (!measured || std::isnan(fraction)) return QStringLiteral("—");
  return QString::number(100.0 * fraction, 'f', 1) + QLatin1Char('%');
}

ScoreBoard::Values ScoreBoard::values(int run) const {
  return run >= 0 && run < runCount() ? m_runs[static_cast<std::size_t>(run)].shown : Values{};
}

QLabel* ScoreBoard::valueLabel(Quantity q, int run) const {
  if (run < 0 || run >= static_cast<int>(m_values.size())) return nullptr;
  const int i = static_cast<int>(q);
  if (i >= 2 && !m_accuracy) return nullptr;
  return m_values[static_cast<std::size_t>(run)][static_cast<std::size_t>(i)];
}

void ScoreBoard::applySnapshot(const SnapshotPtr& snapshot) {
  if (!snapshot) return;
  const Snapshot& s = *snapshot;
  const bool accuracy = !isRegression(s.config);
  const bool newGeneration = !m_hasGeneration || s.generation != m_generation;
  m_generation = s.generation;
  m_hasGeneration = true;
  bool relabel = m_runs.size() != s.runs.size();
  for (std::size_t i = 0; !relabel && i < s.runs.size(); ++i) relabel = m_runs[i].label != s.runs[i].label;
  if (newGeneration || relabel || accuracy != m_accuracy) {
    m_runs.assign(std::max<std::size_t>(1, s.runs.size()), Run{});
    for (std::size_t i = 0; i < s.runs.size(); ++i) m_runs[i].label = s.runs[i].label;
    m_accuracy = accuracy;
    rebuild();
  }
  m_hasValidation = s.config.data.validationFraction > 0;
  m_evalEvery = s.config.training.evalEvery;
  m_publishEvery = m_evalEvery > 0 ? m_evalEvery : 50;

  bool published = newGeneration;
  for (std::size_t i = 0; i < s.runs.size(); ++i) {
    Run& r = m_runs[i];
    for (const dl::StepMetrics& m : s.runs[i].metrics) {
      r.lossSum += m.trainLoss;
      ++r.lossSteps;
      const bool diverged = !std::isfinite(m.trainLoss);
      // Published with each evaluation; without a validation part, every m_publishEvery steps.
      if (!m.evaluated && !diverged && (m_hasValidation || r.lossSteps < m_publishEvery)) continue;
      published = true;
      r.shown.trainingLoss = diverged ? m.trainLoss : r.lossSum / static_cast<double>(r.lossSteps);
      r.shown.step = m.step;
      r.lossSum = 0;
      r.lossSteps = 0;
      if (m.evaluated) {
        r.shown.evaluationStep = m.step;
        r.shown.validationLoss = m.valLoss;
        r.shown.trainingAccuracy = m.trainAccuracy;
        r.shown.validationAccuracy = m.valAccuracy;
      }
    }
  }
  if (!s.runs.empty()) {
    m_step = s.runs.front().step;
    m_epoch = s.runs.front().epoch;
  }
  // Labels change only when seen: the normal layout hides the board, and most snapshots publish
  // nothing new.
  m_stale = m_stale || published;
  if (!isVisible()) return;
  updateCounters();
  if (m_stale) updateTexts();
}

void ScoreBoard::showEvent(QShowEvent* event) {
  QFrame::showEvent(event);
  updateCounters();
  updateTexts();
}

void ScoreBoard::updateCounters() {
  const QLocale locale;
  m_stepLabel->setText(tr("Step %1").arg(locale.toString(m_step)));
  m_epochLabel->setText(tr("Epoch %1").arg(locale.toString(m_epoch)));
}

// One column per run. Rows: the step counter; the runs' labels (a pair only); then per quantity a
// header and its big numbers.
void ScoreBoard::rebuild() {
  for (QLabel* l : m_runLabels) delete l;
  m_runLabels.clear();
  for (auto& row : m_values)
    for (QLabel* l : row) delete l;
  m_values.clear();
  while (m_grid->count() > 0) m_grid->takeAt(0);  // the header labels stay; they are placed again

  const int runs = static_cast<int>(m_runs.size());
  const bool pair = runs > 1;
  int row = 0;
  m_grid->addWidget(m_stepLabel, row++, 0, 1, runs);
  m_grid->addWidget(m_epochLabel, row++, 0, 1, runs);
  if (pair) {
    for (int r = 0; r < runs; ++r) {
      auto* l = new QLabel(m_runs[static_cast<std::size_t>(r)].label, this);
      l->setAlignment(Qt::AlignLeft | Qt::AlignBottom);
      m_grid->addWidget(l, row, r);
      m_runLabels.push_back(l);
      l->show();
    }
    ++row;
  }
  m_values.resize(m_runs.size());
  const int quantities = m_accuracy ? kQuantities : 2;
  for (int q = 0; q < kQuantities; ++q) {
    QLabel* header = m_headers[static_cast<std::size_t>(q)];
    header->setVisible(q < quantities);
    for (int r = 0; r < runs; ++r) {
      auto* v = new QLabel(this);
      v->setObjectName(QStringLiteral("scoreValue%1_%2").arg(q).arg(r));
      v->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
      QPalette pal = v->palette();
      pal.setColor(QPalette::WindowText, quantityColor(q));
      v->setPalette(pal);
      v->setVisible(q < quantities);
      m_values[static_cast<std::size_t>(r)][static_cast<std::size_t>(q)] = v;
    }
    if (q >= quantities) continue;
    header->setContentsMargins(0, q == 0 ? 2 : 8, 0, 0);
    m_grid->addWidget(header, row++, 0, 1, runs);
    for (int r = 0; r < runs; ++r)
      m_grid->addWidget(m_values[static_cast<std::size_t>(r)][static_cast<std::size_t>(q)], row, r);
    ++row;
  }
  m_grid->setRowStretch(row, 1);
  for (int c = 0; c < runs; ++c) m_grid->setColumnStretch(c, 1);
  applyFonts();
  updateTexts();
  // Another number of columns: another width. Said, so a projector layout gives the map back what a
  // pair's two columns took (overfit-no-dropout after l1-vs-l2 kept a 294-px board and a 269-px map).
  emit widthChanged();
}

// The numbers' font: kLargest times the window's (a pair of runs shares the width: kSmallest), or
// less when the board was given less width (setAvailableWidth), never below kSmallest (a pair:
// kPairSmallest).
QFont ScoreBoard::valueFont(double scale) const {
  QFont big = font();
  if (big.pointSizeF() > 0)
    big.setPointSizeF(big.pointSizeF() * scale);
  else
    big.setPixelSize(static_cast<int>(big.pixelSize() * scale));
  big.setBold(true);
  return big;
}

int ScoreBoard::widthAt(double scale) const {
  const QFontMetrics big(valueFont(scale));
  int column = 0;
  // Three significant digits are at most eight characters ("0.000123", "1.23e+03"); "100.0%".
  for (const QString& text : {QStringLiteral("0.000123"), QStringLiteral("1.23e+03"), QStringLiteral("100.0%")})
    column = std::max(column, big.horizontalAdvance(text));
  for (const auto& row : m_values)
    for (const QLabel* l : row) column = std::max(column, big.horizontalAdvance(l->text()));
  // The step and epoch counters span all the columns (a pair's two as well).
  const QFontMetrics counters(font());
  int counter = 0;
  for (const QString& text : {m_stepLabel->text(), m_epochLabel->text(), tr("Step %1").arg(QLocale().toString(999999))})
    counter = std::max(counter, counters.horizontalAdvance(text));
  const QMargins m = m_grid->contentsMargins();
  const int columns = std::max<int>(1, static_cast<int>(m_values.size()));
  return std::max(counter, columns * column + (columns - 1) * m_grid->horizontalSpacing()) + m.left() + m.right() + 4;
}

int ScoreBoard::preferredWidth() const { return widthAt(m_runs.size() > 1 ? kSmallest : kLargest); }

void ScoreBoard::setAvailableWidth(int width) {
  m_available = width;
  applyFonts();
}

void ScoreBoard::applyFonts() {
  const bool pair = m_runs.size() > 1;
  const double smallest = pair ? kPairSmallest : kSmallest;
  double scale = pair ? kSmallest : kLargest;
  while (m_available > 0 && scale > smallest && widthAt(scale) > m_available) scale -= 0.05;
  m_scale = std::max(scale, smallest);
  const QFont big = valueFont(m_scale);
  for (auto& row : m_values)
    for (QLabel* l : row) l->setFont(big);
  QFont bold = font();
  bold.setBold(true);
  for (QLabel* l : m_runLabels) l->setFont(bold);
  updateGeometry();
}

void ScoreBoard::updateTexts() {
  m_stale = false;
  const int before = widthAt(m_scale);
  const QLocale locale;
  for (std::size_t r = 0; r < m_values.size() && r < m_runs.size(); ++r) {
    const Values& v = m_runs[r].shown;
    const double numbers[kQuantities] = {v.trainingLoss, v.validationLoss, v.trainingAccuracy, v.validationAccuracy};
    for (int q = 0; q < kQuantities; ++q) {
      QLabel* l = m_values[r][static_cast<std::size_t>(q)];
      const long long at = q == 0 ? v.step : v.evaluationStep;
      const QString text = q < 2 ? lossText(numbers[q], at >= 0) : accuracyText(numbers[q], at >= 0);
      l->setText(text);
      // A diverged run's "NaN" or "∞" in the divergence banner's red, not the quantity's colour.
      QPalette pal = l->palette();
      pal.setColor(QPalette::WindowText,
                   at >= 0 && q < 2 && !std::isfinite(numbers[q]) ? QColor(0xc6, 0x28, 0x28) : quantityColor(q));
      l->setPalette(pal);
      if (at >= 0)
        l->setToolTip(tr("Measured at step %1").arg(locale.toString(at)));
      else if (q > 0 && !m_hasValidation)
        l->setToolTip(tr("Not measured: this experiment has no validation part."));
      else if (m_evalEvery > 0)
        l->setToolTip(tr("Not measured yet: the first evaluation comes at step %1.").arg(m_evalEvery));
      else
        l->setToolTip(tr("Not measured yet: the first evaluation comes at the end of the first epoch."));
    }
  }
  if (widthAt(m_scale) != before) {
    updateGeometry();
    emit widthChanged();
  }
}

// As wide as the widest number it may show at its font, or the step and epoch counters: the
// headers wrap under them. The board keeps its width while the numbers change.
QSize ScoreBoard::sizeHint() const { return {widthAt(m_scale), QFrame::sizeHint().height()}; }

QSize ScoreBoard::minimumSizeHint() const { return sizeHint(); }

// A header wider than the board breaks into lines ("Validation / accuracy"): the numbers, not the
// words, set the board's width. Broken here rather than by word wrap, so that every layout sees
// the lines a header needs.
void ScoreBoard::fitHeaders() {
  const int room =
      std::max(20, contentsRect().width() - m_grid->contentsMargins().left() - m_grid->contentsMargins().right());
  for (int q = 0; q < kQuantities; ++q) {
    QLabel* h = m_headers[static_cast<std::size_t>(q)];
    const QString& text = m_headerTexts[static_cast<std::size_t>(q)];
    QString shown = text;
    if (h->fontMetrics().horizontalAdvance(text) > room) {
      QTextLayout layout(text, h->font());
      layout.beginLayout();
      QStringList lines;
      for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(room);
        lines << text.mid(line.textStart(), line.textLength()).trimmed();
      }
      layout.endLayout();
      shown = lines.join(QLatin1Char('\n'));
    }
    if (h->text() != shown) h->setText(shown);
  }
}

void ScoreBoard::resizeEvent(QResizeEvent* event) {
  QFrame::resizeEvent(event);
  fitHeaders();
}

void ScoreBoard::retranslateUi() {
  m_headerTexts = {tr("Training loss"), tr("Validation loss"), tr("Training accuracy"), tr("Validation accuracy")};
  fitHeaders();
  m_headers[0]->setToolTip(tr("The mean loss of the mini-batches trained since the previous evaluation."));
  m_headers[1]->setToolTip(tr("The loss on the whole validation part, which the network never trains on."));
  m_headers[2]->setToolTip(tr("The share of training points classified correctly (all of them, without dropout)."));
  m_headers[3]->setToolTip(tr("The share of validation points classified correctly."));
  updateCounters();
  m_stepLabel->setToolTip(tr("Mini-batch steps trained so far."));
  m_epochLabel->setToolTip(tr("Passes over the training data so far."));
  updateTexts();
}

void ScoreBoard::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  if (event->type() == QEvent::FontChange) {
    applyFonts();
    fitHeaders();
  }
  QFrame::changeEvent(event);
}

}  // namespace dlui
