// The watch panel: a pale yellow bar, the preset's title in bold and what to watch, and ×.
#include "widgets/WatchPanel.h"

#include "Language.h"
#include "io/PresetCatalog.h"
#include "notes/NotesLibrary.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

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

QString WatchPanel::text() const { return m_text->text(); }

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
  m_text->setText(tr("<b>%1</b> — what to watch: %2").arg(catalog.title(m_preset, language).toHtmlEscaped(),
                                                          watch.toHtmlEscaped()));
}

}  // namespace dlui
