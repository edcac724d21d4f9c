// The divergence banner (see DivergenceBanner.h). Its text is rebuilt in retranslateUi() from the
// stored divergence, so a language switch translates a banner that is already showing.
#include "labs/playground/DivergenceBanner.h"

#include "widgets/DisplayNames.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace dlui {

DivergenceBanner::DivergenceBanner(QWidget* parent) : QFrame(parent) {
  setObjectName(QStringLiteral("divergenceBanner"));
  setAutoFillBackground(true);
  QPalette pal = palette();
  pal.setColor(QPalette::Window, QColor(0xc6, 0x28, 0x28));
  pal.setColor(QPalette::WindowText, Qt::white);
  setPalette(pal);
  m_icon = new QLabel(this);
  m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(24, 24));
  m_text = new QLabel(this);
  m_text->setWordWrap(true);
  m_text->setTextFormat(Qt::RichText);
  m_text->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);  // wraps instead of widening the window
  m_reset = new QPushButton(this);
  m_reset->setObjectName(QStringLiteral("bannerResetButton"));
  m_close = new QToolButton(this);
  m_close->setText(QStringLiteral("×"));
  m_close->setAutoRaise(true);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(8, 4, 8, 4);
  layout->addWidget(m_icon, 0, Qt::AlignTop);
  layout->addWidget(m_text, 1);
  layout->addWidget(m_reset, 0, Qt::AlignVCenter);
  layout->addWidget(m_close, 0, Qt::AlignTop);
  connect(m_reset, &QPushButton::clicked, this, &DivergenceBanner::resetRequested);
  connect(m_close, &QToolButton::clicked, this, &DivergenceBanner::hide);
  retranslateUi();
  hide();
}

void DivergenceBanner::showDivergence(const dl::Divergence& divergence, const QString& runLabel) {
  m_divergence = divergence;
  m_runLabel = runLabel;
  m_where.clear();
  retranslateUi();
  show();
}

void DivergenceBanner::showMessage(const QString& where) {
  if (m_divergence && isVisible()) return;  // the structured report says more
  m_divergence.reset();
  m_where = where;
  retranslateUi();
  show();
}

void DivergenceBanner::clear() {
  m_divergence.reset();
  m_where.clear();
  hide();
}

QString DivergenceBanner::text() const { return m_text->text(); }

void DivergenceBanner::setCompact(bool on) {
  m_compact = on;
  retranslateUi();
}

void DivergenceBanner::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QFrame::changeEvent(event);
}

void DivergenceBanner::retranslateUi() {
  m_reset->setText(tr("Reset"));
  m_reset->setToolTip(tr("Start again with new weights (keyboard: R)."));
  m_close->setToolTip(tr("Hide this message; the network stays stopped until you reset it."));
  QString what;
  if (m_divergence) {
    const QString quantity = displayName(NameKind::Quantity, m_divergence->quantity);
    what =
        m_divergence->layer > 0
            ? tr("Training diverged at step %1: the %2 became infinite or NaN in layer %3.")
                  .arg(m_divergence->step)
                  .arg(quantity)
                  .arg(m_divergence->layer)
            : tr("Training diverged at step %1: the %2 became infinite or NaN.").arg(m_divergence->step).arg(quantity);
    if (!m_runLabel.isEmpty()) what = tr("Run %1: %2").arg(m_runLabel, what);
  } else {
    what = tr("Training diverged (%1).").arg(m_where);
  }
  const QString shown = tr("The last finite state is shown.");
  const QString cures =
      tr("Try: a lower learning rate · gradient clipping (Regularisation page) · a better "
         "initialisation such as Xavier or He.");
  if (m_compact) {
    m_text->setText(QStringLiteral("<b>%1</b>").arg(what.toHtmlEscaped()));
    m_text->setToolTip(shown + QLatin1Char('\n') + cures);
    return;
  }
  m_text->setToolTip(QString());
  m_text->setText(
      QStringLiteral("<b>%1</b> %2<br>%3").arg(what.toHtmlEscaped(), shown.toHtmlEscaped(), cures.toHtmlEscaped()));
}

}  // namespace dlui
