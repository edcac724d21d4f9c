#include "labs/Lab.h"

#include "Language.h"
#include "notes/NotesLibrary.h"

#include <QLabel>

namespace dlui {

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
