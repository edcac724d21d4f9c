// The watch panel above the map: after a preset loads, its "what to watch" line (from the note that
// teaches it) stays in view — not a status-bar message that fades in 10 s — until closed (×) or
// another experiment loads. It follows the interface language.
#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace dlui {

class WatchPanel : public QFrame {
  Q_OBJECT
public:
  explicit WatchPanel(QWidget* parent = nullptr);

  // Shows the panel for `preset` (its title and watch line in the current language), or hides it
  // for an empty name.
  void setPreset(const QString& preset);
  QString preset() const { return m_preset; }
  QString text() const;  // the whole line, as rich text
  // At most setCompactLines() lines (the last elided when needed, the whole text in the tooltip):
  // on a projector the map and the charts keep their height.
  void setCompact(bool on);
  // How many lines compact mode may use (2 by default; presentation mode gives as many, up to 4, as
  // the height left by the map, the divergence banner and a readable chart holds).
  void setCompactLines(int lines);
  // True while compact mode had to cut the line (the rest only in the tooltip).
  bool elided() const { return m_elided; }

signals:
  // Compact mode now shows another number of lines (a new width rewrapped the text): the window
  // may give the panel another height.
  void shownLinesChanged();

protected:
  void changeEvent(QEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

private:
  void retranslateUi();
  void showText();

  QString m_full;         // rich text
  QString m_plain;        // the same without markup
  bool m_compact = false;
  bool m_elided = false;
  int m_compactLines = 2;
  int m_shownLines = 0;
  QString m_preset;
  QLabel* m_text = nullptr;
  QToolButton* m_close = nullptr;
};

}  // namespace dlui
