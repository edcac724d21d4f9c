// A red banner above the map when training diverges: where it happened (step, layer, what became
// non-finite) and the usual cures, with a Reset button. The last finite state stays on screen.
#pragma once

#include "train/Trainer.h"

#include <QFrame>
#include <QString>

#include <optional>

class QLabel;
class QPushButton;
class QToolButton;

namespace dlui {

class DivergenceBanner : public QFrame {
  Q_OBJECT
public:
  explicit DivergenceBanner(QWidget* parent = nullptr);

  // Shows the banner for a divergence of run `runLabel` ("" for a single run, "L1"/"L2").
  void showDivergence(const dl::Divergence& divergence, const QString& runLabel = QString());
  // The same from the session's diverged() text when no structured report is at hand.
  void showMessage(const QString& where);
  void clear();  // hides the banner (reset, new experiment)
  QString text() const;
  // Compact (presentation mode): the headline only, the cures in the tooltip, so the map keeps its
  // height on a projector.
  void setCompact(bool on);

signals:
  void resetRequested();

protected:
  void changeEvent(QEvent* event) override;

private:
  void retranslateUi();

  QLabel* m_icon = nullptr;
  QLabel* m_text = nullptr;
  QPushButton* m_reset = nullptr;
  QToolButton* m_close = nullptr;
  std::optional<dl::Divergence> m_divergence;
  QString m_runLabel;
  QString m_where;
  bool m_compact = false;
};

}  // namespace dlui
