// The first-run hint: a pale blue bar with one line of help, a guide button and a close button.
#include "labs/playground/FirstRunHint.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>
#include <QToolButton>

namespace dlui {

namespace {
const QString kKey = QStringLiteral("hints/firstRunDismissed");
}

FirstRunHint::FirstRunHint(QWidget* parent) : QFrame(parent) {
  setObjectName(QStringLiteral("firstRunHint"));
  setFrameShape(QFrame::StyledPanel);
  setStyleSheet(QStringLiteral("#firstRunHint { background: #e8f1fb; border: 1px solid #9cc3e6; }"));
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(10, 6, 6, 6);
  m_text = new QLabel(this);
  m_text->setWordWrap(true);
  m_text->setTextFormat(Qt::RichText);
  layout->addWidget(m_text, 1);
  m_guide = new QToolButton(this);
  m_guide->setObjectName(QStringLiteral("firstRunGuide"));
  layout->addWidget(m_guide);
  m_close = new QToolButton(this);
  m_close->setObjectName(QStringLiteral("firstRunClose"));
  m_close->setText(QStringLiteral("×"));
  m_close->setAutoRaise(true);
  layout->addWidget(m_close);
  connect(m_close, &QToolButton::clicked, this, &FirstRunHint::dismiss);
  connect(m_guide, &QToolButton::clicked, this, &FirstRunHint::guideRequested);
  retranslateUi();
}

bool FirstRunHint::dismissedBefore() { return QSettings().value(kKey, false).toBool(); }

QString FirstRunHint::text() const { return m_text->text(); }

void FirstRunHint::dismiss() {
  QSettings().setValue(kKey, true);
  hide();
}

void FirstRunHint::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QFrame::changeEvent(event);
}

void FirstRunHint::retranslateUi() {
  m_text->setText(tr("<b>Press Space to train</b> (again to pause) · → one step · R new weights · "
                     "<b>↻</b> on a control: changing it restarts training with new weights; the others apply "
                     "while it trains · F1 quick guide"));
  m_guide->setText(tr("Quick guide"));
  m_close->setToolTip(tr("Hide this hint for good"));
}

}  // namespace dlui
