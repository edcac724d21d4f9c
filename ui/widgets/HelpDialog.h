// Help → Quick guide (F1): a short guide to the window in the interface language
// (resources/help/guide.<language>.md) followed by every keyboard shortcut, read from the window's
// actions so the table cannot drift from what the keys really do.
#pragma once

#include <QDialog>
#include <QPointer>
#include <QList>

class QAction;
class QTextBrowser;

namespace dlui {

class HelpDialog : public QDialog {
  Q_OBJECT
public:
  explicit HelpDialog(QWidget* parent = nullptr);
  // The actions whose shortcuts the table lists (in this order; ones without a shortcut are skipped).
  void setActions(const QList<QAction*>& actions);
  QString markdown() const { return m_markdown; }  // what is shown (tests)

protected:
  void changeEvent(QEvent* event) override;
  void showEvent(QShowEvent* event) override;

private:
  void rebuild();

  QTextBrowser* m_text = nullptr;
  QList<QPointer<QAction>> m_actions;  // guarded: a menu may delete its actions while the guide is open
  QString m_markdown;
};

}  // namespace dlui
