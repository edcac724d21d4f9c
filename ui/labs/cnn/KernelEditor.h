// The CNN lab's kernel editor: a 3×3 or 5×5 kernel, typed or picked by name (Sobel, Laplacian,
// blur, sharpen...), applied live to a digit, a shapes image, a constant image or a colour image
// with the engine's Conv2d. On the colour image the kernel has the input's depth (3×k×k, one slice
// per channel) and the output is still one map, the sum over the channels.
#pragma once

#include <QString>
#include <QWidget>

#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace dlui {

class CellGrid;
class ValueHistogram;

class KernelEditor : public QWidget {
  Q_OBJECT
public:
  explicit KernelEditor(QWidget* parent = nullptr);
  ~KernelEditor() override;

  // k is 3 or 5, values k² row by row. Refused (false, the message shown and in *error, the
  // previous kernel and output kept) for another k, a count that is not k², or a value that is
  // not finite or outside ±kMaxWeight.
  bool setKernel(const std::vector<double>& values, int k, QString* error = nullptr);
  // "sobel_x", "sobel_y", "laplacian", "box", "gaussian", "sharpen", "identity"; false for another id.
  bool selectKernel(const QString& id);
  // "digit", "shapes", "constant", "colour"; false for another id.
  bool selectImage(const QString& id);
  // Zero padding that keeps the size (true, the default) or none ("valid").
  void setSamePadding(bool on);
  // The colour image's per-channel weights: slice c of the kernel is weight[c] × the k×k kernel.
  void setChannelWeights(double r, double g, double b);
  void setPresentationMode(bool on);

  static constexpr double kMaxWeight = 100.0;

  int kernelSize() const { return m_k; }
  const std::vector<double>& kernel() const { return m_kernel; }
  // The full kernel as the layer sees it: channels × k × k values (channel outermost).
  std::vector<double> layerKernel() const;
  // The current image: channels × height × width values (channel outermost), in [0, 1].
  const std::vector<double>& image() const { return m_image; }
  int imageChannels() const { return m_channels; }
  int imageHeight() const { return m_h; }
  int imageWidth() const { return m_w; }
  // The last output map (outH × outW values, row by row).
  const std::vector<double>& output() const { return m_output; }
  int outputHeight() const { return m_outH; }
  int outputWidth() const { return m_outW; }
  int padding() const;
  // The text under the kernel ("kernel 3 × 3 × 3 → one output map"), and the error line.
  QString depthText() const;
  QString errorText() const;
  QString rangeText() const;
  // One kernel cell's editor (for tests: type into it).
  QLineEdit* cellEditor(int r, int c) const;

protected:
  void changeEvent(QEvent* event) override;

private:
  void buildUi();
  void retranslateUi();
  bool applyNamed(const QString& id, int k);
  void rebuildCells();  // k×k line edits
  void showKernelInCells();
  void onCellEdited();  // parses every cell; applies or refuses
  void makeImage();
  void recompute();
  void paintViews();
  void applyFonts();
  void showError(const QString& message);

  int m_k = 3;
  std::vector<double> m_kernel;
  QString m_imageId = QStringLiteral("shapes");
  std::vector<double> m_image;
  int m_channels = 1, m_h = 32, m_w = 32;
  std::vector<double> m_output;
  int m_outH = 0, m_outW = 0;
  double m_weights[3] = {1, 1, 1};
  bool m_same = true;
  bool m_presentation = false;
  bool m_updating = false;
  int m_editing = -1;  // the cell being typed in
  QString m_error;
  QString m_note;  // e.g. "the 3×3 kernel padded with zeros"

  QGroupBox *m_kernelBox = nullptr, *m_imageBox = nullptr, *m_depthBox = nullptr;
  QLabel *m_presetLabel = nullptr, *m_sizeLabel = nullptr, *m_imageLabel = nullptr, *m_digitLabel = nullptr;
  QComboBox *m_preset = nullptr, *m_size = nullptr, *m_imageChoice = nullptr;
  QSpinBox* m_digit = nullptr;
  QCheckBox* m_sameBox = nullptr;
  QWidget* m_cellHost = nullptr;
  std::vector<QLineEdit*> m_cells;
  QLabel *m_noteLabel = nullptr, *m_errorLabel = nullptr;
  QLabel* m_depthLabel = nullptr;
  QLabel* m_weightLabels[3] = {nullptr, nullptr, nullptr};
  QDoubleSpinBox* m_weightBoxes[3] = {nullptr, nullptr, nullptr};
  CellGrid* m_slices[3] = {nullptr, nullptr, nullptr};
  QLabel *m_inTitle = nullptr, *m_outTitle = nullptr, *m_histTitle = nullptr, *m_range = nullptr;
  CellGrid *m_inView = nullptr, *m_outView = nullptr;
  ValueHistogram* m_hist = nullptr;
};

}  // namespace dlui
