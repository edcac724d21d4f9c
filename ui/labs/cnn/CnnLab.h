// The CNN lab: a convolutional network trained live on real images (the UCI digits, Fashion-MNIST,
// generated shapes), beside the run it is compared with when its preset has one (the same-sized
// dense network, the unshuffled images…). Training shows the score board (test accuracy, and on
// moved or mirrored test images), the loss, accuracy and gradient charts, the first layer's
// filters and every layer's feature maps, the confusion matrix and the most confident mistakes, a
// canvas to draw a digit on, and a test image shifted pixel by pixel before and after pooling.
// Further tabs: convolution arithmetic, a kernel editor, resampling and the architecture table.
#pragma once

#include "labs/TrainingLab.h"
#include "labs/cnn/CnnSimulation.h"

#include "cnn/CnnConfig.h"

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QGroupBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;
class QTableWidget;
class QTabWidget;

namespace dl {
class Network;
}

namespace dlui {

class ArchitectureView;
class ClassPicker;
class ClassBars;
class ConvArithmeticView;
class KernelEditor;
class ResamplingView;
class ConfusionGrid;
class DrawCanvas;
class LineChart;
class LogSlider;
class TileGrid;

class CnnLab : public TrainingLab {
  Q_OBJECT
public:
  explicit CnnLab(QWidget* parent = nullptr);
  ~CnnLab() override;

  QString id() const override { return QStringLiteral("cnn"); }
  bool loadPreset(const QString& name, QString* error) override;
  bool openFile(const QString& path, QString* error) override;
  void setPresentationMode(bool on) override;
  bool finish(int timeoutMs) override;
  QStringList grabPanels(const QString& dir) override;

  // What is trained: the run, and the run it is compared with (none without one).
  const dl::CnnConfig& config() const { return m_config; }
  const std::optional<dl::CnnConfig>& comparison() const { return m_compare; }
  // Sets what is trained (a file, a preset) and restarts. False with *error when refused (bad
  // settings, images that cannot be read); then what ran before goes on untouched.
  bool setConfig(const dl::CnnConfig& config, const std::optional<dl::CnnConfig>& compare, QString* error);
  // The latest numbers the window shows, per run.
  struct RunView {
    long long step = 0;
    double testAccuracy = -1, changedAccuracy = -1;
    double valAccuracy = -1;
    std::optional<dl::Divergence> divergence;
  };
  const std::vector<RunView>& runViews() const { return m_views; }
  // The score board's text for run r and column c (0 name, 1 test accuracy, 2 changed, 3 parameters, 4 step).
  QString scoreText(int run, int column) const;
  QLabel* watchLine() const { return m_watch; }
  QTabWidget* tabs() const { return m_tabs; }
  QTabWidget* views() const { return m_viewTabs; }
  ArchitectureView* architecture() const { return m_architecture; }
  ConvArithmeticView* convolution() const { return m_convolution; }
  KernelEditor* kernels() const { return m_kernels; }
  ResamplingView* resampling() const { return m_resampling; }
  TileGrid* filters() const { return m_filters; }
  TileGrid* featureMaps() const { return m_maps; }
  ConfusionGrid* confusion() const { return m_confusion; }
  TileGrid* mistakes() const { return m_mistakes; }
  DrawCanvas* canvas() const { return m_canvas; }
  // An image file (dropped on the canvas, or from "Open image…") onto the canvas. False with a
  // one-line *error naming the file when it cannot be read; the drawing is then kept.
  bool loadCanvasImage(const QString& path, QString* error);
  // Trains on a user's folder of images (one sub-folder per class), scaled to the size the network
  // takes now so that its layers still fit. False with *error (naming the folder or file) when it
  // cannot be used; what ran before goes on.
  bool useImageFolder(const QString& dir, QString* error);
  ClassBars* drawnBars() const { return m_drawnBars; }
  ClassBars* shiftBars() const { return m_shiftBars; }
  LineChart* lossChart() const { return m_loss; }
  LineChart* accuracyChart() const { return m_accuracy; }
  LineChart* gradientChart() const { return m_gradients; }
  QTableWidget* layerTable() const { return m_layers; }
  // The test image the feature maps and the shift view show (an index into the test part).
  void selectImage(int index);
  int selectedImage() const { return m_image; }
  // The shift view: the selected test image moved by (dx, dy).
  void setShift(int dx, int dy);
  // Its measured change against the unshifted image, per run: the first convolution's maps and
  // the first pooling's (‖a(shifted) − a‖ / ‖a‖); −1 where the network has no such layer.
  struct ShiftChange {
    double conv = -1, pooled = -1;
  };
  const std::vector<ShiftChange>& shiftChanges() const { return m_shiftChanges; }
  // Freezes (or thaws) weighted layer `layer` of the run, or gives it new weights.
  void setLayerFrozen(int layer, bool frozen);
  // Whether the layer table's "frozen" box of weighted layer `layer` is ticked (it follows the run:
  // a pretraining switch ticks the layers it freezes).
  bool layerFrozen(int layer) const;
  void reinitializeLayer(int layer);
  // Restarts both runs with the transfer box's task and pretraining. False when refused: the box
  // then shows the one-line error and keeps the choice to correct; the runs go on as before.
  bool applyTransfer();

protected:
  void changeEvent(QEvent* event) override;
  void onLabSnapshot(const std::shared_ptr<const LabSnapshot>& snapshot) override;
  void resetRequested() override;

private:
  void buildUi();
  // Shows a tab of the operation (a preset's view and focus, io/PresetCatalog.h).
  bool showFocus(const QString& view, const QString& focus, QString* error);
  void retranslateUi();
  void showConfig();  // controls ← m_config
  void applyControls();  // m_config ← controls, restart
  // The transfer box's "after pretraining" choice that the configuration's pretrain.reinitialize
  // and pretrain.freeze amount to: "frozen" (a new last layer, the others frozen), "finetune" (a
  // new last layer, every layer learns), "continue" (nothing changes at the switch) or "file"
  // (another combination, kept as the file gives it).
  QString afterPretraining(const dl::CnnConfig& c) const;
  void showTransfer();    // transfer box ← m_config
  void transferEdited();  // the box changed: its button says whether there is anything to apply
  // The configurations the transfer box asks for; false when they are the ones running.
  bool transferConfig(dl::CnnConfig* run, std::optional<dl::CnnConfig>* other) const;
  void showBanner();
  bool restart(QString* error);
  void refreshNetworkViews();  // filters, feature maps, drawn digit, shift view from the latest weights
  void refreshFilters();
  void refreshMaps();
  void refreshDrawn();
  void refreshShift();
  void refreshMistakes();
  void refreshScores();        // the score board: headings, fonts, colours, then its numbers
  void refreshScoreNumbers();  // only the numbers (each snapshot)
  void fillLayerTable();
  QString runName(int run) const;
  QString changeTitle() const;
  // What a run's pretraining phase does (empty without one): one line for the run panel.
  QString pretrainSummary(int run) const;
  QString switchText(const dl::CnnPretrainConfig& p) const;
  bool pretrainingAt(int run, long long step) const;
  std::vector<float> rawTestImage(int index) const;
  dl::Matrix prepared(const std::vector<float>& raw) const;  // permuted and standardised as the run's data

  dl::CnnConfig m_config;
  std::optional<dl::CnnConfig> m_compare;
  QString m_preset;
  struct DataCache {
    dl::CnnDataConfig config;
    std::shared_ptr<const dl::CnnData> data;
  };
  std::vector<DataCache> m_cache;
  std::shared_ptr<const dl::CnnData> m_data;  // run 0's (a comparison may differ: shuffled)
  std::vector<std::shared_ptr<const dl::CnnData>> m_runData;
  std::vector<std::unique_ptr<dl::Network>> m_nets;  // the window's copies, one per run
  std::vector<long long> m_paramCounts;
  std::vector<RunView> m_views;
  std::vector<std::shared_ptr<const CnnTestReport>> m_reports;
  std::vector<ShiftChange> m_shiftChanges;
  int m_image = 0;
  std::uint64_t m_reinitSeed = 1000;  // "New weights" draws from the next seed each time
  int m_shiftX = 1, m_shiftY = 0;
  bool m_presentation = false;
  bool m_haveWeights = false;
  bool m_focusPreset = false;  // the loaded preset shows a tab of the operation, not a training run
  QString m_fallback;  // why the lab fell back to the digits (Fashion-MNIST missing), shown above

  // ---- widgets ----
  QTabWidget* m_tabs = nullptr;
  ArchitectureView* m_architecture = nullptr;
  ConvArithmeticView* m_convolution = nullptr;
  KernelEditor* m_kernels = nullptr;
  ResamplingView* m_resampling = nullptr;
  QLabel* m_watch = nullptr;
  QLabel* m_banner = nullptr;
  QWidget* m_controls = nullptr;
  QGroupBox* m_dataBox = nullptr;
  QLabel* m_sourceLabel = nullptr;
  QComboBox* m_source = nullptr;
  QLabel* m_moveLabel = nullptr;
  QSpinBox* m_moveX = nullptr;
  QSpinBox* m_moveY = nullptr;
  QCheckBox* m_mirror = nullptr;
  QCheckBox* m_permute = nullptr;
  QGroupBox* m_trainBox = nullptr;
  QLabel* m_lrLabel = nullptr;
  LogSlider* m_lr = nullptr;
  QLabel* m_batchLabel = nullptr;
  QSpinBox* m_batch = nullptr;
  QLabel* m_stepsLabel = nullptr;
  QSpinBox* m_steps = nullptr;
  QGroupBox* m_augmentBox = nullptr;
  QLabel* m_shiftAugLabel = nullptr;
  QSpinBox* m_shiftAug = nullptr;
  QLabel* m_rotateLabel = nullptr;
  QDoubleSpinBox* m_rotate = nullptr;
  QLabel* m_flipLabel = nullptr;
  QDoubleSpinBox* m_flip = nullptr;
  QLabel* m_noiseLabel = nullptr;
  QDoubleSpinBox* m_noise = nullptr;
  QGroupBox* m_transferBox = nullptr;
  QLabel* m_taskClassesLabel = nullptr;
  ClassPicker* m_taskClasses = nullptr;
  QLabel* m_shotsLabel = nullptr;
  QSpinBox* m_shots = nullptr;
  QLabel* m_pretrainStepsLabel = nullptr;
  QSpinBox* m_pretrainSteps = nullptr;
  QLabel* m_pretrainClassesLabel = nullptr;
  ClassPicker* m_pretrainClasses = nullptr;
  QLabel* m_pretrainShotsLabel = nullptr;
  QSpinBox* m_pretrainShots = nullptr;
  QLabel* m_afterLabel = nullptr;
  QComboBox* m_after = nullptr;
  QPushButton* m_transferApply = nullptr;
  QLabel* m_transferError = nullptr;
  QStringList m_classNames;  // every class of run 0's data set, before data.classes picks some
  QGroupBox* m_layerBox = nullptr;
  QTableWidget* m_layers = nullptr;

  QGridLayout* m_scoreGrid = nullptr;
  QWidget* m_scoreBoard = nullptr;
  std::vector<std::vector<QLabel*>> m_scores;  // [row 0 headings, then runs][column]
  QLabel* m_chartKey = nullptr;
  LineChart* m_loss = nullptr;
  LineChart* m_accuracy = nullptr;
  LineChart* m_gradients = nullptr;
  QTabWidget* m_viewTabs = nullptr;
  TileGrid* m_filters = nullptr;
  TileGrid* m_maps = nullptr;
  QLabel* m_imageLabel = nullptr;
  QSpinBox* m_imageSpin = nullptr;
  ConfusionGrid* m_confusion = nullptr;
  TileGrid* m_mistakes = nullptr;
  QLabel* m_mistakesTitle = nullptr;
  DrawCanvas* m_canvas = nullptr;
  QPushButton* m_clear = nullptr;
  QPushButton* m_useTest = nullptr;
  QPushButton* m_openImage = nullptr;
  QLabel* m_canvasError = nullptr;  // why the last image file could not be used; hidden otherwise
  ClassBars* m_drawnBars = nullptr;
  QLabel* m_drawnTitle = nullptr;
  QLabel* m_shiftLabel = nullptr;
  QSlider* m_shiftXSlider = nullptr;
  QSlider* m_shiftYSlider = nullptr;
  TileGrid* m_shiftMaps = nullptr;
  ClassBars* m_shiftBars = nullptr;
  QLabel* m_shiftReadout = nullptr;
};

}  // namespace dlui
