// Logarithmic slider with a value label (see LogSlider.h).
#include "widgets/LogSlider.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QSlider>

#include <array>
#include <cmath>

namespace dlui {

namespace {
constexpr std::array<double, 10> kMantissas = {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8};
constexpr int kPerDecade = static_cast<int>(kMantissas.size());
}  // namespace

QString formatRate(double v) {
  if (v == 0) return QStringLiteral("0");
  if (std::abs(v) >= 1e-3 && std::abs(v) < 1e4) return QLocale().toString(v, 'g', 3);
  const int e = static_cast<int>(std::floor(std::log10(std::abs(v))));
  const double m = v / std::pow(10.0, e);
  const QString mant =
      std::abs(m - std::round(m)) < 1e-9 ? QString::number(std::lround(m)) : QLocale().toString(m, 'g', 2);
  return mant + QStringLiteral("e") + QString::number(e);
}

LogSlider::LogSlider(double lo, double hi, bool allowZero, QWidget* parent)
    : QWidget(parent),
      m_loExp(static_cast<int>(std::lround(std::log10(lo)))),
      m_hiExp(static_cast<int>(std::lround(std::log10(hi)))),
      m_allowZero(allowZero) {
  m_slider = new QSlider(Qt::Horizontal, this);
  const int logPositions = (m_hiExp - m_loExp) * kPerDecade + 1;
  m_slider->setRange(0, logPositions - 1 + (m_allowZero ? 1 : 0));
  m_slider->setPageStep(kPerDecade);
  m_label = new QLabel(this);
  m_label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
  m_label->setMinimumWidth(m_label->fontMetrics().horizontalAdvance(QStringLiteral("0.0000")));
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_slider, 1);
  layout->addWidget(m_label);
  // valueChanged fires for drags, clicks, wheel and keys alike; setValue() blocks it.
  connect(m_slider, &QSlider::valueChanged, this, &LogSlider::onSliderMoved);
  m_slider->installEventFilter(this);
  setValue(allowZero ? 0.0 : lo);
}

bool LogSlider::eventFilter(QObject* watched, QEvent* event) {
  // A focused slider keeps its arrow keys: → must move it, not trigger the window's "step".
  if (watched == m_slider && event->type() == QEvent::ShortcutOverride) {
    switch (static_cast<QKeyEvent*>(event)->key()) {
      case Qt::Key_Left:
      case Qt::Key_Right:
      case Qt::Key_Up:
      case Qt::Key_Down:
      case Qt::Key_PageUp:
      case Qt::Key_PageDown:
      case Qt::Key_Home:
      case Qt::Key_End:
        event->accept();
        return true;
      default:
        break;
    }
  }
  return QWidget::eventFilter(watched, event);
}

double LogSlider::valueAt(int position) const {
  if (m_allowZero) {
    if (position <= 0) return 0.0;
    --position;
  }
  const int decade = position / kPerDecade;
  const int k = position % kPerDecade;
  // Round to 3 significant digits so 1.2·10⁻³ prints as 0.0012, not 0.0012000000000000001.
  const double v = kMantissas[static_cast<std::size_t>(k)] * std::pow(10.0, m_loExp + decade);
  return QString::number(v, 'g', 3).toDouble();  // QString::number is locale-independent
}

int LogSlider::positionOf(double v) const {
  if (m_allowZero && v <= 0) return 0;
  int best = m_slider->minimum();
  double bestDist = 1e300;
  for (int p = m_slider->minimum(); p <= m_slider->maximum(); ++p) {
    const double pv = valueAt(p);
    if (pv <= 0) continue;
    const double d = std::abs(std::log(pv) - std::log(v));
    if (d < bestDist) {
      bestDist = d;
      best = p;
    }
  }
  return best;
}

void LogSlider::setValue(double v) {
  m_value = v;
  const QSignalBlocker blocker(m_slider);
  m_slider->setValue(positionOf(v));
  updateLabel();
}

void LogSlider::onSliderMoved(int position) {
  m_value = valueAt(position);
  updateLabel();
  emit valueChanged(m_value);
}

void LogSlider::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange || event->type() == QEvent::LocaleChange) retranslateUi();
  QWidget::changeEvent(event);
}

// Only numbers here: the locale may change how they are written.
void LogSlider::retranslateUi() { updateLabel(); }

void LogSlider::updateLabel() { m_label->setText(formatRate(m_value)); }

}  // namespace dlui
