// The scrolling settings column (widgets/ColumnScroll.h).
#include "widgets/ColumnScroll.h"

#include <QEvent>
#include <QScrollArea>
#include <QScrollBar>

namespace dlui {

namespace {
class ColumnScroll : public QScrollArea {
public:
  explicit ColumnScroll(QWidget* parent) : QScrollArea(parent) {}
  QSize minimumSizeHint() const override { return {columnWidth(), 0}; }
  QSize sizeHint() const override { return {columnWidth(), widget() ? widget()->sizeHint().height() : 0}; }

protected:
  bool eventFilter(QObject* watched, QEvent* event) override {
    if (watched == widget() && event->type() == QEvent::LayoutRequest) updateGeometry();
    return QScrollArea::eventFilter(watched, event);
  }

private:
  int columnWidth() const {
    // The column's preferred width, not its minimum: a combo box's minimum leaves out its text, so
    // a column at its minimum shows its choices cut.
    return (widget() ? widget()->sizeHint().width() : 0) + verticalScrollBar()->sizeHint().width() + 2 * frameWidth();
  }
};
}  // namespace

QScrollArea* scrollingColumn(QWidget* column, QWidget* parent) {
  auto* area = new ColumnScroll(parent);
  area->setObjectName(column->objectName() + QStringLiteral("Scroll"));
  area->setFrameShape(QFrame::NoFrame);
  area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  area->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
  area->setWidgetResizable(true);
  area->setWidget(column);
  column->installEventFilter(area);
  return area;
}

}  // namespace dlui
