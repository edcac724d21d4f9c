// The CNN lab's convolution-arithmetic view: a sliding window over a zero-padded input grid with
// the current output cell's dot product written out, the output-size formula with today's numbers,
// a stack of 3×3 layers whose output cells show their receptive field on the input, and the
// gridding of stacked dilations (2, 2, 2 against 1, 2, 5). The outputs are the engine's Conv2d
// (made through the layer registry), the field arithmetic nn/ConvArithmetic.h's.
#pragma once

#include <QString>
#include <QWidget>

#include <vector>

class QComboBox;
class QGridLayout;
class QGroupBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTimer;

namespace dlui {

class CellGrid;

class ConvArithmeticView : public QWidget {
  Q_OBJECT
public:
  explicit ConvArithmeticView(QWidget* parent = nullptr);
  ~ConvArithmeticView() override;

  // Projector mode: larger text and cells.
  void setPresentationMode(bool on);

  // ---- the sliding window ----
  // Input n×n (3..16), kernel k×k (1..7), stride 1..4, padding 0..3, dilation 1..4 (clamped to
  // the controls' ranges). Resets the window to the first output cell.
  void setConvGeometry(int n, int k, int stride, int padding, int dilation);
  int inputSize() const { return m_n; }
  int kernelSize() const { return m_k; }
  // ⌊(n + 2p − d(k−1) − 1)/s⌋ + 1; ≤ 0 when the dilated kernel does not fit.
  int outputSize() const;
  // The formula with today's numbers and its result, e.g. "⌊(7 + 2·1 − 1·(3−1) − 1)/2⌋ + 1 = 4".
  QString formulaText() const;
  // The line under the formula: rows/columns the window never reaches, or that the kernel does not
  // fit; empty when every input value is seen.
  QString warningText() const;
  // The current output cell's dot product written out ("1·0 + 2·(−1) + … = 5"); empty without output.
  QString dotProductText() const;
  // The engine's output map (outputSize()² values, row by row); empty when the kernel does not fit.
  const std::vector<double>& outputValues() const { return m_output; }
  // Input and kernel values, row by row.
  void setInput(const std::vector<double>& values);   // n² values
  void setKernel(const std::vector<double>& values);  // k² values
  const std::vector<double>& input() const { return m_input; }
  const std::vector<double>& kernel() const { return m_kernel; }
  // "digit", "shape", "ramp", "zeros".
  void fillInput(const QString& id);
  // The window: the output cell it is on (row-major index), one step on, back to the start.
  int windowIndex() const { return m_cursor; }
  void stepWindow();
  void resetWindow();
  void setPlaying(bool on);
  bool isPlaying() const;

  // ---- the stack of 3×3 layers ("same" zero padding d on each side) ----
  // 1..4 layers; each its dilation (1..4) and stride (1..4).
  void setStack(const std::vector<int>& dilations, const std::vector<int>& strides);
  int stackReceptiveField() const;
  int stackOutputSize() const;
  // Marks the field of output cell (r, c) on the stack's input.
  void selectStackOutput(int r, int c);
  QString receptiveFieldText() const;
  // The 2-d influence of the selected output: inputSize² flags, row by row.
  std::vector<bool> stackInfluence() const;
  int stackInputSize() const { return m_stackN; }

  // ---- gridding: 0 = dilations 2, 2, 2; 1 = dilations 1, 2, 5 ----
  // Input pixels inside the 2-d receptive field that no path reaches.
  long long griddingHoles(int which) const;
  QString griddingText(int which) const;

  // Controls, for tests and the lab.
  QSpinBox* inputSizeBox() const { return m_nBox; }
  QSpinBox* kernelSizeBox() const { return m_kBox; }
  QSpinBox* strideBox() const { return m_sBox; }
  QSpinBox* paddingBox() const { return m_pBox; }
  QSpinBox* dilationBox() const { return m_dBox; }
  QPushButton* playButton() const { return m_play; }
  QPushButton* stepButton() const { return m_step; }
  CellGrid* inputGrid() const { return m_inGrid; }
  CellGrid* kernelGrid() const { return m_kGrid; }
  CellGrid* outputGrid() const { return m_outGrid; }
  CellGrid* stackOutputGrid() const { return m_stackOut; }
  QTabWidget* pages() const { return m_pages; }

protected:
  void changeEvent(QEvent* event) override;

private:
  void buildUi();
  void retranslateUi();
  void onGeometryEdited();
  void recompute();    // runs the engine's Conv2d on the input
  void paintWindow();  // grids and text of the sliding window
  void paintStack();
  void paintGridding();
  void applyFonts();
  void onStackEdited();
  void showEditMessage(const QString& error);
  void editInput(int r, int c, double v);
  void editKernel(int r, int c, double v);
  std::vector<double> defaultKernel(int k) const;

  // The sliding window's state.
  int m_n = 7, m_k = 3, m_s = 1, m_p = 1, m_d = 1;
  std::vector<double> m_input, m_kernel, m_output;
  int m_cursor = 0;  // output cell under the window; cells before it are filled in
  int m_digit = 0;
  // The stack's state.
  int m_stackN = 21;
  std::vector<int> m_stackD{1, 1, 1}, m_stackS{1, 1, 1};
  int m_selR = -1, m_selC = -1;
  bool m_presentation = false;
  bool m_updating = false;  // programmatic control changes, not the user's

  QTabWidget* m_pages = nullptr;
  QTimer* m_clock = nullptr;
  QGroupBox *m_geometryBox = nullptr, *m_fillBox = nullptr, *m_playBox = nullptr;
  QLabel *m_nLabel = nullptr, *m_kLabel = nullptr, *m_sLabel = nullptr, *m_pLabel = nullptr, *m_dLabel = nullptr;
  QSpinBox *m_nBox = nullptr, *m_kBox = nullptr, *m_sBox = nullptr, *m_pBox = nullptr, *m_dBox = nullptr;
  QComboBox* m_fill = nullptr;
  QPushButton* m_fillButton = nullptr;
  QLabel* m_editHint = nullptr;
  QPushButton *m_play = nullptr, *m_step = nullptr, *m_reset = nullptr;
  QLabel* m_speedLabel = nullptr;
  QSpinBox* m_speed = nullptr;
  QLabel *m_inTitle = nullptr, *m_kTitle = nullptr, *m_outTitle = nullptr;
  QGridLayout* m_windowGrids = nullptr;
  CellGrid *m_inGrid = nullptr, *m_kGrid = nullptr, *m_outGrid = nullptr;
  QLabel *m_dot = nullptr, *m_formula = nullptr, *m_warning = nullptr;

  QGroupBox* m_stackBox = nullptr;
  QLabel *m_layersLabel = nullptr, *m_stackNLabel = nullptr, *m_stackNote = nullptr;
  QSpinBox *m_layers = nullptr, *m_stackNBox = nullptr;
  std::vector<QLabel*> m_layerLabels;
  std::vector<QSpinBox*> m_layerD, m_layerS;
  QLabel *m_stackInTitle = nullptr, *m_stackOutTitle = nullptr, *m_field = nullptr, *m_stackLegend = nullptr;
  CellGrid *m_stackIn = nullptr, *m_stackOut = nullptr;

  QLabel* m_gridIntro = nullptr;
  CellGrid* m_gridMap[2] = {nullptr, nullptr};
  QLabel* m_gridTitle[2] = {nullptr, nullptr};
  QLabel* m_gridText[2] = {nullptr, nullptr};
};

}  // namespace dlui
