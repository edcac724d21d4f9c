// A grid of painted cells; see CellGrid.h.
#include "labs/cnn/CellGrid.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>

namespace dlui {

CellGrid::CellGrid(QWidget* parent) : QWidget(parent) { setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred); }

void CellGrid::setGridSize(int rows, int cols) {
  rows = std::max(rows, 0);
  cols = std::max(cols, 0);
  if (rows != m_rows || cols != m_cols) {
    m_rows = rows;
    m_cols = cols;
    m_cells.assign(static_cast<std::size_t>(rows * cols), Cell{});
    if (m_selRow >= rows || m_selCol >= cols) m_selRow = m_selCol = -1;
    m_typing.clear();
    updateGeometry();
  }
  update();
}

void CellGrid::clearCells() { std::fill(m_cells.begin(), m_cells.end(), Cell{}); }

void CellGrid::setPreferredCell(int pixels) {
  m_preferred = std::max(pixels, 4);
  updateGeometry();
  update();
}

void CellGrid::setSelected(int r, int c) {
  m_selRow = r;
  m_selCol = c;
  m_typing.clear();
  update();
}

QSize CellGrid::sizeHint() const {
  return {std::max(m_cols, 1) * m_preferred + 2, std::max(m_rows, 1) * m_preferred + 2};
}

QSize CellGrid::minimumSizeHint() const {
  const int side = std::max(3, m_preferred / 3);
  return {std::max(m_cols, 1) * side + 2, std::max(m_rows, 1) * side + 2};
}

int CellGrid::cellSide() const {
  if (m_rows <= 0 || m_cols <= 0) return 1;
  const int side = std::min((width() - 2) / m_cols, (height() - 2) / m_rows);
  return std::clamp(side, 1, 2 * m_preferred);
}

QPoint CellGrid::origin() const {
  const int side = cellSide();
  // Centred across, at the top: a grid squeezed by its width keeps its title right above it.
  return {(width() - side * m_cols) / 2, 1};
}

QRect CellGrid::cellRect(int r, int c) const {
  const int side = cellSide();
  const QPoint o = origin();
  return {o.x() + c * side, o.y() + r * side, side, side};
}

bool CellGrid::cellAt(const QPoint& pos, int* r, int* c) const {
  const int side = cellSide();
  const QPoint o = origin();
  const int col = (pos.x() - o.x()) / side, row = (pos.y() - o.y()) / side;
  if (pos.x() < o.x() || pos.y() < o.y() || row >= m_rows || col >= m_cols) return false;
  *r = row;
  *c = col;
  return true;
}

void CellGrid::paintEvent(QPaintEvent*) {
  QPainter p(this);
  const int side = cellSide();
  const bool grid = side >= 14;  // lines between small image pixels would only hide them
  // The numbers: as large as the cell allows, never above the widget's own font.
  QFont f = font();
  const int textPx = std::min(QFontInfo(font()).pixelSize(), side * 4 / 10);
  const bool text = textPx >= 8;
  if (text) {
    f.setPixelSize(std::max(textPx, 8));
    p.setFont(f);
  }
  for (int r = 0; r < m_rows; ++r)
    for (int c = 0; c < m_cols; ++c) {
      const Cell& cl = cell(r, c);
      const QRect rc = cellRect(r, c);
      p.fillRect(rc, cl.fill);
      if (grid) {
        p.setPen(QPen(QColor(0, 0, 0, 60), 1));
        p.drawRect(rc.adjusted(0, 0, -1, -1));
      }
      if (cl.hole) {
        p.setPen(QPen(QColor(0xd6, 0x27, 0x28), std::max(1, side / 10)));
        const QRect in = rc.adjusted(side / 5, side / 5, -side / 5, -side / 5);
        p.drawLine(in.topLeft(), in.bottomRight());
        p.drawLine(in.topRight(), in.bottomLeft());
      }
      QString shown = cl.text;
      if (m_editable && r == m_selRow && c == m_selCol && !m_typing.isEmpty()) shown = m_typing + QLatin1Char('_');
      if (text && !shown.isEmpty()) {
        p.setPen(cl.textColor);
        QFont ff = f;
        // A long number gets a smaller font rather than being cut.
        const int w = QFontMetrics(ff).horizontalAdvance(shown);
        if (w > side - 2 && w > 0) {
          ff.setPixelSize(std::max(6, f.pixelSize() * (side - 2) / w));
          p.setFont(ff);
        }
        p.drawText(rc, Qt::AlignCenter, shown);
        p.setFont(f);
      }
    }
  for (int r = 0; r < m_rows; ++r)
    for (int c = 0; c < m_cols; ++c) {
      const Cell& cl = cell(r, c);
      if (!cl.outline.isValid()) continue;
      p.setPen(QPen(cl.outline, std::max(2, side / 9)));
      p.setBrush(Qt::NoBrush);
      p.drawRect(cellRect(r, c).adjusted(1, 1, -1, -1));
    }
  if (m_editable && m_selRow >= 0 && m_selCol >= 0 && m_selRow < m_rows && m_selCol < m_cols) {
    p.setPen(QPen(hasFocus() ? palette().highlight().color() : QColor(0x55, 0x55, 0x55), std::max(2, side / 7),
                  Qt::DashLine));
    p.drawRect(cellRect(m_selRow, m_selCol).adjusted(2, 2, -2, -2));
  }
}

void CellGrid::mousePressEvent(QMouseEvent* e) {
  int r = 0, c = 0;
  if (!cellAt(e->position().toPoint(), &r, &c)) return;
  if (m_editable) {
    commitTyping();
    setSelected(r, c);
    setFocus(Qt::MouseFocusReason);
  }
  emit cellClicked(r, c);
}

void CellGrid::commitTyping() {
  if (m_typing.isEmpty() || m_selRow < 0) return;
  const QString text = m_typing;
  m_typing.clear();
  emit cellEdited(m_selRow, m_selCol, text);
  update();
}

void CellGrid::keyPressEvent(QKeyEvent* e) {
  if (!m_editable || m_selRow < 0) {
    QWidget::keyPressEvent(e);
    return;
  }
  const QString t = e->text();
  switch (e->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
      commitTyping();
      return;
    case Qt::Key_Escape:
      m_typing.clear();
      update();
      return;
    case Qt::Key_Backspace:
      m_typing.chop(1);
      update();
      return;
    case Qt::Key_Up:
    case Qt::Key_Down:
      m_typing.clear();
      emit cellStepped(m_selRow, m_selCol, e->key() == Qt::Key_Up ? 1 : -1);
      return;
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Tab: {
      commitTyping();
      const int step = e->key() == Qt::Key_Left ? -1 : 1;
      const int i = std::clamp(m_selRow * m_cols + m_selCol + step, 0, m_rows * m_cols - 1);
      setSelected(i / m_cols, i % m_cols);
      return;
    }
    default:
      break;
  }
  if (t.size() == 1 && (t[0].isDigit() || t[0] == QLatin1Char('.') || t[0] == QLatin1Char('-') ||
                        t[0] == QChar(0x2212) || t[0].isLetter())) {
    m_typing += t;
    update();
    return;
  }
  QWidget::keyPressEvent(e);
}

void CellGrid::wheelEvent(QWheelEvent* e) {
  int r = 0, c = 0;
  if (!m_editable || !cellAt(e->position().toPoint(), &r, &c) || e->angleDelta().y() == 0) {
    QWidget::wheelEvent(e);
    return;
  }
  emit cellStepped(r, c, e->angleDelta().y() > 0 ? 1 : -1);
  e->accept();
}

void CellGrid::focusOutEvent(QFocusEvent* e) {
  commitTyping();
  QWidget::focusOutEvent(e);
}

}  // namespace dlui
