// The landscape lab's map: the surface as a heat map on a logarithmic colour scale with contour
// lines, the critical points marked by kind, every racer's trail and position, and the start.
// A click sets the start (every racer goes back there); the cursor's position is reported for
// the curvature readout. The plane keeps its aspect ratio, so contours and steps are not skewed.
#pragma once

#include <QImage>
#include <QPointF>
#include <QRectF>
#include <QWidget>

#include <vector>

namespace dl::surface {
class Race;
}

namespace dlui {

class SurfaceMap : public QWidget {
  Q_OBJECT
public:
  explicit SurfaceMap(QWidget* parent = nullptr);

  // The race to draw (not owned; null draws nothing). surfaceChanged: the heat map is computed
  // again (a new surface or new parameters), otherwise only the trails are.
  void setRace(const dl::surface::Race* race, bool surfaceChanged);
  // The racers moved: redraw the trails.
  void racersMoved();
  // Colours of the racers, in the race's order.
  void setRacerColors(std::vector<QColor> colors) {
    m_colors = std::move(colors);
    update();
  }
  void setPresentationMode(bool on);

  // The plane's point under widget position p, and back.
  QPointF toPlane(QPointF p) const;
  QPointF toWidget(QPointF plane) const;
  QRectF plotRect() const { return m_plot; }
  // The heat map as computed (tests look at it).
  const QImage& heatMap() const { return m_heat; }

  QSize sizeHint() const override { return {520, 520}; }
  QSize minimumSizeHint() const override { return {220, 220}; }
  bool hasHeightForWidth() const override { return false; }

signals:
  void startPicked(double x, double y);
  // The cursor is over (x, y) of the plane; (NaN, NaN) when it left the plot.
  void hovered(double x, double y);

protected:
  void paintEvent(QPaintEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void leaveEvent(QEvent* event) override;
  void changeEvent(QEvent* event) override;

private:
  void layoutPlot();
  void computeHeatMap();
  void drawAxes(class QPainter& p) const;
  void drawCriticalPoints(class QPainter& p) const;
  void drawTrails(class QPainter& p) const;

  const dl::surface::Race* m_race = nullptr;
  std::vector<QColor> m_colors;
  QImage m_heat;  // the plot rectangle's pixels (at most 360 on a side, scaled when drawn)
  QRectF m_plot;  // where the plane is drawn
  double m_x0 = 0, m_x1 = 1, m_y0 = 0, m_y1 = 1;  // the plane shown
  bool m_presentation = false;
  bool m_heatDirty = true;
};

}  // namespace dlui
