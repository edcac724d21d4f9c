// A settings column in a scroll area that scrolls vertically only when the screen is too short for
// it (1024×768 on a projector), so the window always fits its screen and the column keeps its own
// width: the labs' settings columns and the CNN lab's explainers' (ConvArithmeticView, KernelEditor).
#pragma once

class QScrollArea;
class QWidget;

namespace dlui {

// The column becomes the area's widget (the area is named after it, "…Scroll"); put the area in the
// layout. The area asks for the column's preferred width (and a scroll bar's) and follows it when
// the column's texts change (another language, font or preset).
QScrollArea* scrollingColumn(QWidget* column, QWidget* parent);

}  // namespace dlui
