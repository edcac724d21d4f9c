// Title, empty text and presentation font of the sequence lab's views; see PlotFrame.h.
#include "labs/sequence/PlotFrame.h"

#include <QEvent>
#include <QPainter>

namespace dlui {

PlotFrame::PlotFrame(int margin, QWidget* parent) : QWidget(parent), m_margin(margin) {
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void PlotFrame::setTitle(const QString& title) {
  m_title = title;
  update();
}

void PlotFrame::setEmptyText(const QString& text) {
  m_emptyText = text;
  update();
}

void PlotFrame::setPresentationMode(bool on) {
  m_presentation = on;
  updateGeometry();
  update();
}

QFont PlotFrame::viewFont() const {
  QFont f = font();
  if (m_presentation) {
    if (f.pointSizeF() > 0)
      f.setPointSizeF(f.pointSizeF() * 1.5);
    else
      f.setPixelSize(f.pixelSize() * 3 / 2);
  }
  return f;
}

QRectF PlotFrame::plotArea() const {
  QRectF area = QRectF(rect()).adjusted(m_margin, m_margin, -m_margin, -m_margin);
  if (!m_title.isEmpty()) area.setTop(area.top() + QFontMetrics(viewFont()).height() * 1.25 + 4);
  return area;
}

void PlotFrame::paintFrame(QPainter& p) const {
  p.fillRect(rect(), palette().base());
  const QFont f = viewFont();
  if (!m_title.isEmpty()) {
    QFont tf = f;
    tf.setBold(true);
    p.setFont(tf);
    p.setPen(palette().color(QPalette::Text));
    const QRect box(m_margin, m_margin, width() - 2 * m_margin, QFontMetrics(f).height() + 4);
    p.drawText(box, Qt::AlignCenter, QFontMetrics(tf).elidedText(m_title, Qt::ElideRight, box.width()));
  }
  p.setFont(f);
}

void PlotFrame::paintEmptyText(QPainter& p, const QString& fallback) const {
  const QFont f = viewFont();
  p.setFont(f);
  p.setPen(palette().color(QPalette::PlaceholderText));
  const int lineH = QFontMetrics(f).height();
  p.drawText(rect().adjusted(m_margin, lineH * 2, -m_margin, -m_margin), Qt::AlignCenter | Qt::TextWordWrap,
             m_emptyText.isEmpty() ? fallback : m_emptyText);
}

void PlotFrame::changeEvent(QEvent* e) {
  if (e->type() == QEvent::LanguageChange || e->type() == QEvent::FontChange) {
    updateGeometry();
    update();
  }
  QWidget::changeEvent(e);
}

}  // namespace dlui
