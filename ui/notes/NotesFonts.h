// Fonts and rich-text helpers shared by the notes dock and the practice dialog: Chinese must
// render with a Simplified-Chinese face (not the Japanese glyph variants a generic fallback may
// pick), and the dock scales up for a projector.
#pragma once

#include "notes/Bilingual.h"

#include <QFont>
#include <QString>

namespace dlui {

// `base` with Noto Sans CJK SC as its fallback. Latin, maths symbols and "·" keep base's face
// (the CJK face draws them full-width); Han characters and full-width punctuation come from the
// CJK face.
QFont cjkCapableFont(QFont base);
// `base` scaled to `factor` of its size (point or pixel, whichever it uses).
QFont scaledFont(QFont base, double factor);

// Rich text for a label: the text in one language, or Chinese with the English under it in a
// quieter colour. Plain-text input; line breaks are kept.
QString bilingualHtml(const LocalizedText& text, LanguageMode mode);
QString plainToHtml(const QString& text);

// Markdown as Qt's CommonMark reader should see it. Chinese text has no spaces, so
// "**人工智能（AI）**是" never closes its bold: a closing "**" after punctuation must be followed by
// space or punctuation. A zero-width space between a CJK punctuation mark and an emphasis run
// that has a letter on its other side makes the run flank as it would between two letters.
QString cjkFriendlyMarkdown(QString markdown);

}  // namespace dlui
