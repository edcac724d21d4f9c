// The CNN lab's pictures of a network at work: tiles of images and kernels (the first layer's
// filters, every layer's feature maps for one image, the test images it gets wrong), the
// confusion matrix, a canvas to draw a digit on, and class-probability bars. They are fed plain
// values by the lab (labs/cnn/CnnLab.h) and never touch a trainer.
#pragma once

#include "core/Types.h"

#include <QImage>
#include <QStringList>
#include <QWidget>

#include <Eigen/Core>

#include <vector>

namespace dlui {

// One picture in a grid of tiles: values of an h×w plane (row by row), optionally 3 planes (RGB).
struct Tile {
  std::vector<float> values;  // channels · h · w, channel-major
  int h = 0, w = 0, channels = 1;
  // Grey: black = the plane's smallest value, white = its largest (or fixed by lo/hi).
  // Signed: orange negative, white zero, blue positive, scaled by the largest |value|.
  enum class Colour { Grey, Signed } colour = Colour::Grey;
  bool fixedRange = false;
  float lo = 0, hi = 1;
  QString caption;
  bool highlighted = false;
  QColor frame;  // a coloured frame (green right, red wrong, …); invalid: none
};

// The tile as a picture of w×h pixels (one per value).
QImage tileImage(const Tile& t);

// Rows of tiles, each row with a heading ("conv2d · 8 × 8 × 8"); the tiles of a row are as large as
// the width allows (up to maxTile pixels, at least minTile), wrapping when they do not fit.
class TileGrid : public QWidget {
  Q_OBJECT
public:
  explicit TileGrid(QWidget* parent = nullptr);
  struct Row {
    QString heading;
    std::vector<Tile> tiles;
  };
  void setRows(std::vector<Row> rows);
  const std::vector<Row>& rows() const { return m_rows; }
  void setTileLimits(int minTile, int maxTile);
  void setPresentationMode(bool on);
  // An empty grid says this instead.
  void setPlaceholder(const QString& text);
  QSize sizeHint() const override;
  bool hasHeightForWidth() const override { return true; }
  int heightForWidth(int width) const override;

signals:
  void tileClicked(int row, int tile);

protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;

private:
  struct Placed {
    int row, tile;
    QRect rect;
  };
  std::vector<Placed> layout(int width, int* height, std::vector<QRect>* headings) const;
  std::vector<Row> m_rows;
  QString m_placeholder;
  int m_minTile = 24, m_maxTile = 96;
  bool m_presentation = false;
};

// A k×k confusion matrix: rows the true class, columns the predicted one, counts in the cells,
// the diagonal green and mistakes red, each as dark as its share of its row.
class ConfusionGrid : public QWidget {
  Q_OBJECT
public:
  explicit ConfusionGrid(QWidget* parent = nullptr);
  void setMatrix(const Eigen::MatrixXi& m, const QStringList& classNames);
  const Eigen::MatrixXi& matrix() const { return m_m; }
  void setPresentationMode(bool on);
  QSize sizeHint() const override { return {360, 360}; }
  QSize minimumSizeHint() const override { return {160, 160}; }

protected:
  void paintEvent(QPaintEvent* event) override;
  void changeEvent(QEvent* event) override;

private:
  Eigen::MatrixXi m_m;
  QStringList m_names;
  bool m_presentation = false;
};

// Draw with the mouse (left button: ink, right button: erase); the drawing is read as an image of
// the data's size, ink 1 on 0, centred by its centre of mass as the digits were when collected.
class DrawCanvas : public QWidget {
  Q_OBJECT
public:
  explicit DrawCanvas(QWidget* parent = nullptr);
  void clear();
  // The drawing as a h×w image, values in [0, 1], row by row.
  std::vector<float> image(int h, int w) const;
  bool empty() const { return m_empty; }
  // Draws a stroke (for tests): points in [0, 1]² of the canvas.
  void stroke(const std::vector<QPointF>& points);
  // Shows an image (a test image) as the drawing.
  void setImage(const std::vector<float>& values, int h, int w);
  // A picture (a photo or scan of a digit, a file dropped here) as the drawing: grey, its aspect
  // kept on black, and inverted when its border is brighter than its middle (dark ink on white
  // paper), because the data sets are light on dark.
  void setPicture(const QImage& picture);
  QSize sizeHint() const override { return {240, 240}; }
  QSize minimumSizeHint() const override { return {140, 140}; }
  bool hasHeightForWidth() const override { return true; }
  int heightForWidth(int w) const override { return w; }

signals:
  void drawn();                            // the drawing changed
  void fileDropped(const QString& path);  // a local file was dropped on the canvas

protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

private:
  void drawTo(QPointF canvasPoint, bool erase);
  QImage m_ink;  // kSide × kSide, white ink on black
  QPointF m_last;
  bool m_empty = true;
};

// Horizontal bars of class probabilities, one set per run (run 0 solid, run 1 hatched beside it).
class ClassBars : public QWidget {
  Q_OBJECT
public:
  explicit ClassBars(QWidget* parent = nullptr);
  void setClasses(const QStringList& names);
  void setRunNames(const QStringList& names);
  // probabilities[run][class]; an empty outer vector clears the bars.
  void setProbabilities(const std::vector<std::vector<float>>& probabilities);
  const std::vector<std::vector<float>>& probabilities() const { return m_p; }
  void setPresentationMode(bool on);
  QSize sizeHint() const override;
  QSize minimumSizeHint() const override { return {180, 120}; }

protected:
  void paintEvent(QPaintEvent* event) override;

private:
  QStringList m_names, m_runs;
  std::vector<std::vector<float>> m_p;
  bool m_presentation = false;
};

}  // namespace dlui
