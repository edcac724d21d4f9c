#include "labs/landscape/ScheduleCurves.h"

#include "plots/ChartAxes.h"
#include "schedule/Schedule.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace dlui {

ScheduleCurves::ScheduleCurves(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("scheduleCurves"));
  setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

const std::vector<std::string>& ScheduleCurves::names() {
  static const std::vector<std::string> n = [] {
    std::vector<std::string> out;
    for (const std::string& s : dl::scheduleNames())
      if (s != "plateau") out.push_back(s);
    return out;
  }();
  return n;
}

void ScheduleCurves::setSchedule(const dl::ScheduleConfig& config, long long steps) {
  m_config = config;
  m_steps = std::max(2LL, steps);
  update();
}

QSize ScheduleCurves::sizeHint() const { return {200, fontMetrics().height() * 4}; }
QSize ScheduleCurves::minimumSizeHint() const { return {80, fontMetrics().height() * 3}; }

void ScheduleCurves::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  const QRectF r = QRectF(rect()).adjusted(2, 3, -2, -3);
  p.setPen(QPen(palette().color(QPalette::Mid), 1));
  p.drawRect(r);
  const auto curve = [&](const std::string& name) {
    dl::ScheduleConfig c = m_config;
    c.name = name;
    c.minLearningRate = 0;
    const auto schedule = dl::makeSchedule(c);
    QPainterPath path;
    const int n = std::max(2, static_cast<int>(r.width()));
    for (int i = 0; i <= n; ++i) {
      const long long step = 1 + (m_steps - 1) * i / n;
      const double f = std::clamp(schedule->rate(1.0, step), 0.0, 1.0);
      const QPointF q(r.left() + r.width() * i / n, r.bottom() - f * r.height());
      i == 0 ? path.moveTo(q) : path.lineTo(q);
    }
    return path;
  };
  // The others thin and grey, for comparison; the chosen one bold, on top.
  p.setPen(QPen(QColor(128, 128, 128, 140), 1.2));
  for (const std::string& name : names())
    if (name != m_config.name) p.drawPath(curve(name));
  p.setPen(QPen(seriesColor(0), 3.0));
  p.drawPath(curve(m_config.name));
}

}  // namespace dlui
