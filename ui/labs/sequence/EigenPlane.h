// The eigenvalues of recurrent weight matrices on the complex plane, against the unit circle, one
// colour per run (RNN, LSTM, GRU side by side). A hidden state multiplied by W_hh over and over
// grows along eigenvalues outside the circle and fades along those inside, so the picture shows
// at a glance why a plain RNN's gradients explode or vanish; the legend gives each run's spectral
// radius ρ = max |λ|. The plot is square, so the circle stays a circle.
#pragma once

#include "labs/sequence/PlotFrame.h"

#include <QColor>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <complex>
#include <vector>

namespace dlui {

// Title, empty text and presentation mode (larger fonts and points): see PlotFrame.
class EigenPlane : public PlotFrame {
  Q_OBJECT
public:
  explicit EigenPlane(QWidget* parent = nullptr);

  // One set of eigenvalues per run, its name and colour (a missing colour: the class colour of
  // its index). Non-finite eigenvalues are left out.
  void setSets(const std::vector<std::vector<std::complex<double>>>& sets, const QStringList& names,
               const std::vector<QColor>& colors);

  // The half-width of the square plot in value units: max(1.25, 1.1 × the largest |λ|).
  double axisLimit() const;
  // Where z is drawn (tests).
  QPointF toWidget(std::complex<double> z) const;
  // max |λ| of set i (0 for an empty set).
  double spectralRadius(int set) const;

  QSize sizeHint() const override { return {460, 400}; }
  QSize minimumSizeHint() const override { return {220, 200}; }

protected:
  void paintEvent(QPaintEvent*) override;

private:
  struct Layout {
    QRectF plot;    // the square
    QRectF legend;  // the key: right of the square or under it
    bool legendBelow = false;
  };
  Layout layout() const;
  QString legendText(int set) const;

  std::vector<std::vector<std::complex<double>>> m_sets;
  QStringList m_names;
  std::vector<QColor> m_colors;
};

}  // namespace dlui
