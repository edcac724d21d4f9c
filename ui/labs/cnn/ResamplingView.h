// The CNN lab's Resampling tab: one image halved four ways side by side (stride-2 subsampling, 2×2
// average pooling, 2×2 max pooling, blur then subsample) and a small image doubled four ways
// (nearest, bilinear, transposed convolutions with stride 2 and kernel 3 against kernel 4 or 2),
// each picture with the numbers measured on it. Aliasing is seen on fine stripes (period 2 px
// subsamples to a flat image, 2.5 px to false 10-px stripes), the checkerboard of a transposed
// convolution on a constant input. Every output is the engine's own layer (nn/Resampling.h).
#pragma once

#include "nn/Resampling.h"

#include <QString>
#include <QWidget>

#include <array>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QTabWidget;

namespace dlui {

class CellGrid;

class ResamplingView : public QWidget {
  Q_OBJECT
public:
  explicit ResamplingView(QWidget* parent = nullptr);
  ~ResamplingView() override;

  void setPresentationMode(bool on);
  // A preset's setting (dl::resampling::parseFocus: "down:stripes:2", "up:constant:equal"): its
  // page, image, period or weights. False with *error (and the view unchanged) for anything else.
  bool showFocus(const QString& focus, QString* error = nullptr);

  // ---- halving ----
  // "stripes", "checkerboard", "zoneplate", "digit"; false for another id.
  bool selectDownImage(const QString& id);
  // The stripes' and checkerboard's period in pixels, 2 to 16. Refused (false, the message shown
  // and in *error, the previous period kept) outside that range or not a number.
  bool setPeriod(double period, QString* error = nullptr);
  double period() const { return m_period; }
  const dl::resampling::Image& downInput() const { return m_downIn; }
  // Outputs in the order of dl::resampling::kDowns.
  const dl::resampling::Image& downOutput(int i) const { return m_downOut[static_cast<std::size_t>(i)]; }

  // ---- doubling ----
  // "constant", "stripes", "digit"; false for another id.
  bool selectUpImage(const QString& id);
  void setWeights(dl::resampling::Weights w);
  dl::resampling::Weights weights() const { return m_weights; }
  // The fourth picture's transposed convolution: kernel 4 (padding 1) or kernel 2; false for another.
  bool setEvenKernel(int k);
  const dl::resampling::Image& upInput() const { return m_upIn; }
  // Outputs: nearest, bilinear, transposed kernel 3, transposed kernel 4 or 2.
  const dl::resampling::Image& upOutput(int i) const { return m_upOut[static_cast<std::size_t>(i)]; }
  dl::resampling::Up upWay(int i) const;

  // What the view shows: the page (0 halving, 1 doubling), each picture's numbers (panel 0 the
  // input, 1..4 the outputs), the lesson line under the pictures, the error line.
  QTabWidget* pages() const { return m_pages; }
  QString numbersText(int page, int panel) const;
  QString titleText(int page, int panel) const;
  QString lessonText(int page) const;
  QString errorText() const { return m_error; }

  static constexpr int kPanels = 5;

protected:
  void changeEvent(QEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;

private:
  struct Panel {
    QLabel* title = nullptr;
    CellGrid* grid = nullptr;
    QLabel* numbers = nullptr;
  };
  QWidget* buildPage(int page);
  void retranslateUi();
  void recomputeDown();
  void recomputeUp();
  void paintDown();
  void paintUp();
  void applyFonts();
  void showError(const QString& message);
  dl::resampling::Image digitImage(int repeat) const;

  QString m_downImage = QStringLiteral("stripes");
  double m_period = 2;
  QString m_upImage = QStringLiteral("constant");
  dl::resampling::Weights m_weights = dl::resampling::Weights::Equal;
  int m_evenKernel = 4;
  bool m_presentation = false;
  QString m_error;

  dl::resampling::Image m_downIn, m_upIn;
  std::array<dl::resampling::Image, 4> m_downOut, m_upOut;

  QTabWidget* m_pages = nullptr;
  std::array<Panel, kPanels> m_panels[2];
  QLabel* m_lesson[2] = {nullptr, nullptr};
  QLabel *m_downImageLabel = nullptr, *m_periodLabel = nullptr, *m_digitLabel = nullptr;
  QComboBox* m_downChoice = nullptr;
  QDoubleSpinBox* m_periodBox = nullptr;
  QSpinBox* m_digit = nullptr;
  QLabel *m_upImageLabel = nullptr, *m_weightsLabel = nullptr, *m_kernelLabel = nullptr;
  QComboBox *m_upChoice = nullptr, *m_weightsChoice = nullptr, *m_kernelChoice = nullptr;
  QLabel* m_errorLabel = nullptr;
};

}  // namespace dlui
