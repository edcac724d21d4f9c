// The first-run hint above the map: what Space, → and R do, what ↻ on a control means, and where the
// guide is. Shown until dismissed (×), then never again (QSettings "hints/firstRunDismissed").
#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace dlui {

class FirstRunHint : public QFrame {
  Q_OBJECT
public:
  explicit FirstRunHint(QWidget* parent = nullptr);
  static bool dismissedBefore();  // the user closed it in an earlier run
  QString text() const;
  void dismiss();  // hides it and remembers that

signals:
  void guideRequested();

protected:
  void changeEvent(QEvent* event) override;

private:
  void retranslateUi();

  QLabel* m_text = nullptr;
  QToolButton* m_guide = nullptr;
  QToolButton* m_close = nullptr;
};

}  // namespace dlui
