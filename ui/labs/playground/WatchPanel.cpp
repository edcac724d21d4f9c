// The watch panel: a pale yellow bar, the preset's title in bold and what to watch, and ×.
#include "labs/playground/WatchPanel.h"

#include "Language.h"
#include "io/PresetCatalog.h"
#include "notes/NotesLibrary.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QTextDocument>
#include <QTextLayout>
#include <QToolButton>

#include <algorithm>

namespace dlui {

WatchPanel::WatchPanel(QWidget* parent) : QFrame(parent) {
  setObjectName(QStringLiteral("watchPanel"));
  setFrameShape(QFrame::StyledPanel);
  setStyleSheet(QStringLiteral("#watchPanel { background: #fff6d5; border: 1px solid #e0c060; }"));
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(10, 6, 6, 6);
  m_text = new QLabel(this);
  m_text->setObjectName(QStringLiteral("watchText"));
  m_text->setWordWrap(true);
  m_text->setTextFormat(Qt::RichText);
  layout->addWidget(m_text, 1);
  m_close = new QToolButton(this);
  m_close->setObjectName(QStringLiteral("watchClose"));
  m_close->setText(QStringLiteral("×"));
  m_close->setAutoRaise(true);
  layout->addWidget(m_close);
  connect(m_close, &QToolButton::clicked, this, [this] { hide(); });
  hide();
  retranslateUi();
}

void WatchPanel::setPreset(const QString& preset) {
  m_preset = preset;
  retranslateUi();
  setVisible(!preset.isEmpty());
}

QString WatchPanel::text() const { return m_full; }

void WatchPanel::setCompact(bool on) {
  m_compact = on;
  // Compact: the text is fitted to the panel's width, so it must not set that width itself.
  m_text->setSizePolicy(on ? QSizePolicy::Ignored : QSizePolicy::Preferred, QSizePolicy::Preferred);
  showText();
}

void WatchPanel::setCompactLines(int lines) {
  lines = std::max(1, lines);
  if (lines == m_compactLines) return;
  m_compactLines = lines;
  if (m_compact) showText();
}

void WatchPanel::resizeEvent(QResizeEvent* event) {
  QFrame::resizeEvent(event);
  if (m_compact) showText();
}

void WatchPanel::showText() {
  m_elided = false;
  if (!m_compact) {
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setText(m_full);
    m_text->setToolTip(QString());
    return;
  }
  // At most m_compactLines lines, the last one elided when the text needs more.
  m_text->setTextFormat(Qt::PlainText);
  const QFontMetrics fm = m_text->fontMetrics();
  const int room = std::max(40, width() - m_close->sizeHint().width() - 30);
  QTextLayout layout(m_plain, m_text->font());
  layout.beginLayout();
  QStringList lines;
  for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
    line.setLineWidth(room);
    if (lines.size() == m_compactLines - 1) {  // the last line takes the rest, elided
      const QString rest = m_plain.mid(line.textStart()).trimmed();
      lines << fm.elidedText(rest, Qt::ElideRight, room);
      m_elided = lines.back() != rest;
      break;
    }
    lines << m_plain.mid(line.textStart(), line.textLength()).trimmed();
  }
  layout.endLayout();
  const QString shown = lines.join(QLatin1Char('\n'));
  const bool changed = lines.size() != m_shownLines;
  m_shownLines = static_cast<int>(lines.size());
  m_text->setWordWrap(false);  // the lines are broken here, so the label never reflows them
  m_text->setText(shown);
  // (Compared by what was cut, not by the joined lines: Chinese lines join without a space.)
  m_text->setToolTip(m_elided ? m_plain : QString());
  if (changed) emit shownLinesChanged();
}

void WatchPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  if (event->type() == QEvent::FontChange) {
    // The style sheet fixes the children's fonts when it polishes them: they follow the panel's.
    m_text->setFont(font());
    m_close->setFont(font());
    if (m_compact) showText();
  }
  QFrame::changeEvent(event);
}

void WatchPanel::retranslateUi() {
  m_close->setToolTip(tr("Close"));
  if (m_preset.isEmpty()) return;
  const QString language = currentLanguage().startsWith(QLatin1String("zh")) ? QStringLiteral("zh") : QStringLiteral("en");
  const dlio::PresetCatalog& catalog = dlio::PresetCatalog::builtIn();
  QString watch;
  if (const dlio::PresetEntry* e = catalog.entry(m_preset))
    if (const Note* note = NotesLibrary::builtIn().note(e->note)) watch = note->watch.value(m_preset).in(language);
  if (watch.isEmpty()) watch = catalog.description(m_preset, language);
  m_full = tr("<b>%1</b> — what to watch: %2")
               .arg(catalog.title(m_preset, language).toHtmlEscaped(), watch.toHtmlEscaped());
  QTextDocument doc;
  doc.setHtml(m_full);
  m_plain = doc.toPlainText();
  showText();
}

}  // namespace dlui
