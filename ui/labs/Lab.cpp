#include "labs/Lab.h"

#include "Language.h"
#include "notes/NotesLibrary.h"

#include <QEvent>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>

namespace dlui {

namespace {
// A vertical-only scroll area that asks for its column's full width (and a scroll bar's), and
// follows the column's size when its texts change (another language, another preset).
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
    return (widget() ? widget()->sizeHint().width() : 0) + verticalScrollBar()->sizeHint().width() +
           2 * frameWidth();
  }
};
}  // namespace

QScrollArea* Lab::scrollingColumn(QWidget* column, QWidget* parent) {
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

QLabel* Lab::createWatchLine(QWidget* parent, const QString& objectName) {
  auto* line = new QLabel(parent);
  line->setObjectName(objectName);
  line->setWordWrap(true);
  line->setTextFormat(Qt::PlainText);
  line->setStyleSheet(
      QStringLiteral("QLabel { background: #fff4d6; color: #3b2f00; padding: 4px 6px; "
                     "border-left: 4px solid #e0a800; }"));
  line->hide();
  return line;
}

void Lab::showWatchLine(QLabel* line, const QString& preset) {
  const LocalizedText watch = preset.isEmpty() ? LocalizedText{} : NotesLibrary::builtIn().watchLine(preset);
  line->setText(watch.in(currentLanguage()));
  line->setVisible(!line->text().isEmpty());
}

}  // namespace dlui
