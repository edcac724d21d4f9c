// A matrix as coloured cells for the sequence lab: gate activations over time, hidden states,
// attention weights, gradient norms per step. Rows and columns may run to hundreds, so the cells are
// one pixel each in an image scaled up without smoothing; the labels, axis titles, title and a colour
// bar with the range's end values are painted in the margins around it. A value that cannot be
// coloured (NaN, ±inf, or ≤ 0 on the log scale) is a hatched cell, never the lowest colour, so a
// blown-up run does not pass for a quiet one.
#pragma once

#include "labs/sequence/PlotFrame.h"

#include <Eigen/Core>
#include <QImage>
#include <QString>
#include <QStringList>

namespace dlui {

// Title, empty text and presentation mode (larger fonts): see PlotFrame.
class HeatMap : public PlotFrame {
  Q_OBJECT
public:
  // Log10: colour by log10(value); values ≤ 0 cannot be drawn.
  enum class Scale { Linear, Log10 };

  explicit HeatMap(QWidget* parent = nullptr);

  void setData(const Eigen::MatrixXd& values);  // (rows, cols)
  void setScale(Scale s);
  // A fixed colour range; lo >= hi (the default) takes it from the finite, drawable data.
  void setRange(double lo, double hi);
  // The orange–white–blue map centred on 0, its range symmetric (±max|v|), for signed values; on
  // the log scale it is centred on log10(v) = 0, i.e. on v = 1.
  void setDiverging(bool on);
  // Drawn on the left (rows) and below (columns) where they fit, every k-th when they are crowded.
  void setRowLabels(const QStringList& labels);
  void setColumnLabels(const QStringList& labels);
  void setAxisTitles(const QString& rows, const QString& cols);

  // Where cell (row, col) is drawn (tests); empty when there is no such cell.
  QRect cellRect(int row, int col) const;
  // The cell's tooltip: "row label, column label: value", the value to 3 significant digits.
  QString cellText(int row, int col) const;
  // The cell under a widget position (false outside the cells).
  bool cellAt(const QPoint& pos, int* row, int* col) const;
  // The colour range in use, in value units (after the automatic choice; on the log scale the
  // values, not their logarithms); lo == hi when nothing is drawable.
  double rangeLow() const;
  double rangeHigh() const;
  // Where the colour bar is drawn (tests).
  QRect colorBarRect() const;
  const Eigen::MatrixXd& data() const { return m_values; }

  QSize sizeHint() const override { return {520, 360}; }
  QSize minimumSizeHint() const override { return {220, 160}; }

signals:
  void cellClicked(int row, int col);

protected:
  void paintEvent(QPaintEvent*) override;
  void mousePressEvent(QMouseEvent*) override;
  bool event(QEvent*) override;

private:
  // Where everything goes for the current size and font.
  struct Layout {
    QRect plot;         // the cells
    QRect bar;          // the colour bar
    int rowLabelW = 0;  // width of the row labels' column (0: none drawn)
    int rowStep = 1;    // draw every rowStep-th row label
    int colStep = 1;
    bool colRotated = false;  // column labels read upwards
    bool colStagger = false;  // column labels alternate between two lines
    int colLabelH = 0;
  };
  Layout layout() const;
  QRect cellIn(const QRect& plot, int row, int col) const;  // cellRect() for a known plot
  // The value transformed to colour space (log10 on the log scale); NaN when it cannot be drawn.
  double transformed(double v) const;
  // t for the colour maps: [0, 1] sequential, [-1, 1] diverging.
  double colorParam(double tv) const;
  QRgb colorOf(double tv) const;
  void rebuild() const;                         // the range and the image, when the data or the scale changed
  QImage scaledImage(const QSize& size) const;  // the image at the plot's size
  QString endLabel(double tv) const;
  QString rowName(int r) const;
  QString colName(int c) const;

  Eigen::MatrixXd m_values;
  Scale m_scale = Scale::Linear;
  double m_fixedLo = 0, m_fixedHi = 0;
  bool m_diverging = false;
  QStringList m_rowLabels, m_colLabels;
  QString m_rowTitle, m_colTitle;

  // Built lazily from the above.
  mutable bool m_dirty = true;
  mutable QImage m_image;             // rows × cols pixels
  mutable QImage m_scaled;            // m_image at the plot's size, kept while the size holds
  mutable double m_lo = 0, m_hi = 0;  // colour range in transformed units
  mutable bool m_anyDrawable = false, m_anyUndrawable = false;
};

}  // namespace dlui
