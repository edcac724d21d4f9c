// A grid of square cells painted with QPainter, for the CNN lab's convolution views: each cell has
// a fill colour, an optional number or text (drawn when the cell is large enough to read), an
// outline (a highlighted tap or a selected cell) and an optional hole mark. Clicks report the cell;
// an editable grid takes typed numbers for the selected cell (digits, '−', '.', Enter to commit,
// Escape to cancel, ↑/↓ and the wheel to add ±1).
#pragma once

#include <QColor>
#include <QString>
#include <QWidget>

#include <vector>

namespace dlui {

class CellGrid : public QWidget {
  Q_OBJECT
public:
  struct Cell {
    QColor fill = Qt::white;
    QString text;       // drawn when the cell is large enough
    QColor outline;     // invalid: no outline
    bool hole = false;  // drawn with a cross: inside a field but never seen
    QColor textColor = Qt::black;
  };

  explicit CellGrid(QWidget* parent = nullptr);

  void setGridSize(int rows, int cols);
  int rows() const { return m_rows; }
  int cols() const { return m_cols; }
  Cell& cell(int r, int c) { return m_cells[static_cast<std::size_t>(r * m_cols + c)]; }
  const Cell& cell(int r, int c) const { return m_cells[static_cast<std::size_t>(r * m_cols + c)]; }
  // Every cell back to white without text or marks.
  void clearCells();
  // After changing cells: repaint.
  void refresh() { update(); }

  // The preferred side of a cell in pixels (the grid shrinks below it when space is short and
  // grows up to twice it).
  void setPreferredCell(int pixels);
  void setEditable(bool on) {
    m_editable = on;
    setFocusPolicy(on ? Qt::StrongFocus : Qt::ClickFocus);
  }
  void setSelected(int r, int c);
  int selectedRow() const { return m_selRow; }
  int selectedCol() const { return m_selCol; }
  // The cell under a widget position (false outside the cells).
  bool cellAt(const QPoint& pos, int* r, int* c) const;
  // Where cell (r, c) is drawn.
  QRect cellRect(int r, int c) const;

  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

signals:
  void cellClicked(int row, int col);
  // An editable grid: the user typed `text` for (row, col) and committed it (the owner parses it).
  void cellEdited(int row, int col, const QString& text);
  // An editable grid: ↑/↓ or the wheel over a cell.
  void cellStepped(int row, int col, int delta);

protected:
  void paintEvent(QPaintEvent*) override;
  void mousePressEvent(QMouseEvent*) override;
  void keyPressEvent(QKeyEvent*) override;
  void wheelEvent(QWheelEvent*) override;
  void focusOutEvent(QFocusEvent*) override;

private:
  int cellSide() const;
  QPoint origin() const;
  void commitTyping();

  int m_rows = 0, m_cols = 0;
  std::vector<Cell> m_cells;
  int m_preferred = 28;
  bool m_editable = false;
  int m_selRow = -1, m_selCol = -1;
  QString m_typing;  // what is being typed into the selected cell
};

}  // namespace dlui
