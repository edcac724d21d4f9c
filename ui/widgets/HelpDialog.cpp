// The quick guide: Markdown from the resources plus a shortcut table built from live actions.
#include "widgets/HelpDialog.h"

#include "Language.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFile>
#include <QKeySequence>
#include <QRegularExpression>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace dlui {

HelpDialog::HelpDialog(QWidget* parent) : QDialog(parent) {
  setObjectName(QStringLiteral("helpDialog"));
  auto* layout = new QVBoxLayout(this);
  m_text = new QTextBrowser(this);
  m_text->setObjectName(QStringLiteral("helpText"));
  m_text->setOpenExternalLinks(false);
  layout->addWidget(m_text);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons);
  resize(720, 640);
  rebuild();
}

void HelpDialog::setActions(const QList<QAction*>& actions) {
  m_actions.clear();
  for (QAction* a : actions) m_actions << a;
  rebuild();
}

void HelpDialog::rebuild() {
  const QString language = currentLanguage().startsWith(QLatin1String("zh")) ? QStringLiteral("zh") : QStringLiteral("en");
  QFile f(QStringLiteral(":/help/guide.%1.md").arg(language));
  QString md = f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
  md += QStringLiteral("\n\n## ") + tr("Keyboard shortcuts") + QStringLiteral("\n\n| ") + tr("Key") +
        QStringLiteral(" | ") + tr("Action") + QStringLiteral(" |\n|---|---|\n");
  for (const QPointer<QAction>& a : m_actions) {
    if (!a || a->shortcuts().isEmpty()) continue;
    QStringList keys;
    for (const QKeySequence& k : a->shortcuts()) keys << k.toString(QKeySequence::NativeText);
    QString text = a->text();
    text.remove(QLatin1Char('&'));
    text.remove(QStringLiteral("…"));
    text.remove(QRegularExpression(QStringLiteral("\\([A-Z]\\)$")));  // Chinese menus' "(&P)" accelerators
    md += QStringLiteral("| ") + keys.join(QStringLiteral(", ")) + QStringLiteral(" | ") + text.trimmed() +
          QStringLiteral(" |\n");
  }
  m_markdown = md;
  m_text->setMarkdown(md);
  setWindowTitle(tr("Quick guide"));
}

void HelpDialog::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) rebuild();
  QDialog::changeEvent(event);
}

void HelpDialog::showEvent(QShowEvent* event) {
  rebuild();  // shortcuts and texts as they are now
  QDialog::showEvent(event);
}

}  // namespace dlui
