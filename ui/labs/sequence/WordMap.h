// Word vectors projected to the plane, each point labelled with its word (Chinese or English), for
// the sequence lab's embedding view: words used alike drift together as training goes on. A label
// that would cover one already drawn is left out, so the map stays readable with hundreds of words;
// highlighted words (a query and its neighbours) are always labelled, larger, bold and in colour,
// on top of the grey rest. Training moves the points about ten times a second, so a repaint does
// no more than lay out the labels once.
#pragma once

#include "labs/sequence/PlotFrame.h"

#include <QColor>
#include <QPointF>
#include <QRectF>
#include <QSet>
#include <QString>
#include <QStringList>

#include <vector>

namespace dlui {

// Title, empty text and presentation mode (larger fonts and points): see PlotFrame.
class WordMap : public PlotFrame {
  Q_OBJECT
public:
  explicit WordMap(QWidget* parent = nullptr);

  // Point i at xy[i] is labelled words[i] (the longer list is cut to the shorter's length).
  void setPoints(const std::vector<QPointF>& xy, const QStringList& words);
  // These words drawn larger, bold and in `color`, always labelled, on top; the others grey.
  void setHighlight(const QStringList& words, const QColor& color);
  void clearHighlight();

  // Where point i is drawn; (-1, -1) for no such point.
  QPointF toWidget(int index) const;
  // The point nearest to a widget position within a click's reach (-1: none).
  int pointAt(const QPointF& pos) const;
  // How many labels the last paint drew, and whether point i's was among them (tests).
  int drawnLabelCount() const { return m_drawnLabels; }
  bool labelDrawn(int index) const;

  QSize sizeHint() const override { return {520, 420}; }
  QSize minimumSizeHint() const override { return {220, 180}; }

signals:
  void wordClicked(const QString& word);

protected:
  void paintEvent(QPaintEvent*) override;
  void mousePressEvent(QMouseEvent*) override;
  bool event(QEvent*) override;

private:
  QRectF plotRect() const;
  QPointF onPlot(const QPointF& data, const QRectF& plot) const;  // data units → widget
  double pointRadius(bool highlighted) const;
  void updateBounds();

  std::vector<QPointF> m_xy;
  QStringList m_words;
  QSet<QString> m_highlight;
  QColor m_highlightColor = QColor(0xd6, 0x27, 0x28);
  QRectF m_bounds;  // data units, with the margin

  // From the last paint.
  int m_drawnLabels = 0;
  std::vector<bool> m_labelDrawn;
};

}  // namespace dlui
