// The frame the sequence lab's painted views share (HeatMap, EigenPlane, WordMap): the base colour,
// a bold title line at the top, a grey text in the middle while there is nothing to plot, and the
// view font, 1.5× larger in presentation mode. Each view paints its plot inside plotArea().
#pragma once

#include <QFont>
#include <QRectF>
#include <QString>
#include <QWidget>

class QPainter;

namespace dlui {

class PlotFrame : public QWidget {
  Q_OBJECT
public:
  void setTitle(const QString& title);
  // Shown instead of the plot while there is nothing to draw; empty: the view's own default.
  void setEmptyText(const QString& text);
  // Fonts about 1.5× larger (and, in some views, larger points), for a projector.
  void setPresentationMode(bool on);

protected:
  // margin: the blank border, in pixels, around the title and the plot.
  PlotFrame(int margin, QWidget* parent);

  int margin() const { return m_margin; }
  bool presentationMode() const { return m_presentation; }
  // The widget's font, 1.5× in presentation mode: the font every text of the view is drawn in.
  QFont viewFont() const;
  // The widget less the margin and, when there is a title, its line (1.25 lines and 4 pixels).
  QRectF plotArea() const;
  // Fills the widget with the base colour and draws the title; leaves the painter on the view font.
  void paintFrame(QPainter& p) const;
  // The empty text, or `fallback` when none was set, centred and wrapped below the title.
  void paintEmptyText(QPainter& p, const QString& fallback) const;

  // A new language or font changes every text, so the layout too.
  void changeEvent(QEvent* e) override;

private:
  int m_margin;
  QString m_title, m_emptyText;
  bool m_presentation = false;
};

}  // namespace dlui
