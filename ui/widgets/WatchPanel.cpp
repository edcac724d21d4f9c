// The watch panel: a pale yellow bar, the preset's title in bold and what to watch, and ×.
#include "widgets/WatchPanel.h"

#include "Language.h"
#include "io/PresetCatalog.h"
#include "notes/NotesLibrary.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QTextDocument>
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
  m_text->setWordWrap(!on);
  showText();
}

void WatchPanel::resizeEvent(QResizeEvent* event) {
  QFrame::resizeEvent(event);
  if (m_compact) showText();
}

void WatchPanel::showText() {
  if (!m_compact) {
    m_text->setTextFormat(Qt::RichText);
    m_text->setText(m_full);
    m_text->setToolTip(QString());
    return;
  }
  m_text->setTextFormat(Qt::PlainText);
  const int room = std::max(40, width() - m_close->sizeHint().width() - 30);
  const QString shown = m_text->fontMetrics().elidedText(m_plain, Qt::ElideRight, room);
  m_text->setText(shown);
  m_text->setToolTip(shown == m_plain ? QString() : m_plain);
}

void WatchPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
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
