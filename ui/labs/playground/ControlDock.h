// The controls dock: every setting of the experiment in four pages (data, network, training,
// regularisation). A user edit builds a new ExperimentConfig from the controls and emits
// configEdited; the model path, setFromConfig(), updates the controls under QSignalBlockers, so
// the two paths never feed each other (LabPlot's dock pattern). Pages and fields whose change
// needs new weights carry a "↻" mark.
#pragma once

#include "config/Config.h"

#include <QDockWidget>

#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QToolBox;
class QToolButton;
class QVBoxLayout;

namespace dlui {

class LogSlider;

class ControlDock : public QDockWidget {
  Q_OBJECT
public:
  static constexpr int kMaxLayers = 24;   // the diagram stays readable; the engine allows 64
  // The engine's limit on a layer's width (its field list), so a loaded file is shown as it is.
  static int maxUnits();

  explicit ControlDock(QWidget* parent = nullptr);
  ~ControlDock() override;

  // Model → controls (start-up, a loaded file, a refused edit). Emits nothing.
  void setFromConfig(const dl::ExperimentConfig& config);
  // Makes `path` the data of the current experiment (a CSV; regression: its label column is a
  // real-valued target). Committed like any edit: a bad file comes back as the session's error.
  void loadCsvFile(const QString& path, bool regression);
  // The configuration the controls show (the last one set or edited).
  const dl::ExperimentConfig& config() const { return m_config; }
  // A user edit made outside the dock (the decision map's feature combos): emits configEdited.
  void editMapFeatures(int xFeature, int yFeature);

  LogSlider* learningRateSlider() const { return m_lrSlider; }
  QToolBox* pages() const { return m_pages; }

signals:
  void configEdited(const dl::ExperimentConfig& config);

protected:
  void changeEvent(QEvent* event) override;

private:
  struct LayerRow {
    QWidget* box = nullptr;
    QLabel* title = nullptr;
    QToolButton* minus = nullptr;
    QSpinBox* units = nullptr;
    QToolButton* plus = nullptr;
    QLabel* unitsLabel = nullptr;
    QComboBox* activation = nullptr;
    QCheckBox* batchNorm = nullptr;
    QLabel* dropoutLabel = nullptr;
    QDoubleSpinBox* dropout = nullptr;
  };

  QWidget* buildDataPage();
  QWidget* buildNetworkPage();
  QWidget* buildTrainingPage();
  QWidget* buildRegularizationPage();
  void retranslateUi();
  void retranslateLayerRow(LayerRow& row, int index);
  void setLayerRowCount(int count);
  void showRelevantFields();

  // ---- user path: a control changed ----
  void userEdited();
  void commit(const dl::ExperimentConfig& config);
  void addLayer();
  void removeLayer();
  void stepUnits(int layer, int delta);
  void sourceActivated(int index);
  void loadCsv();
  dl::ExperimentConfig configFromControls() const;

  dl::ExperimentConfig m_config;
  QToolBox* m_pages = nullptr;

  // data
  QComboBox* m_source = nullptr;
  QPushButton* m_loadCsv = nullptr;
  QLabel* m_csvPath = nullptr;
  QSpinBox* m_labelColumn = nullptr;
  QCheckBox* m_csvRegression = nullptr;
  QSpinBox* m_points = nullptr;
  QDoubleSpinBox* m_noise = nullptr;
  QSpinBox* m_classes = nullptr;
  QDoubleSpinBox* m_imbalance = nullptr;
  QSpinBox* m_validation = nullptr;
  QSpinBox* m_test = nullptr;
  QComboBox* m_resample = nullptr;
  QCheckBox* m_standardize = nullptr;
  QCheckBox* m_whiten = nullptr;
  QWidget* m_inputsRow = nullptr;          // the feature inputs x₁ … sin x₂ (2-D generated data)
  std::vector<QCheckBox*> m_inputBoxes;    // one per dl::inputFeatureNames(), in that order
  QCheckBox* m_balancedWeights = nullptr;
  QSpinBox* m_dataSeed = nullptr;
  // network
  QToolButton* m_removeLayer = nullptr;
  QLabel* m_layerCount = nullptr;
  QToolButton* m_addLayer = nullptr;
  QVBoxLayout* m_layerBox = nullptr;
  std::vector<LayerRow> m_layers;
  QComboBox* m_init = nullptr;
  QDoubleSpinBox* m_initSigma = nullptr;
  QDoubleSpinBox* m_initLimit = nullptr;
  QDoubleSpinBox* m_initValue = nullptr;
  QDoubleSpinBox* m_initGain = nullptr;
  // training
  QComboBox* m_optimizer = nullptr;
  LogSlider* m_lrSlider = nullptr;
  QDoubleSpinBox* m_momentum = nullptr;
  QDoubleSpinBox* m_beta1 = nullptr;
  QDoubleSpinBox* m_beta2 = nullptr;
  QDoubleSpinBox* m_rho = nullptr;
  LogSlider* m_epsilon = nullptr;
  QComboBox* m_schedule = nullptr;
  QDoubleSpinBox* m_decay = nullptr;
  QDoubleSpinBox* m_base = nullptr;
  QDoubleSpinBox* m_k = nullptr;
  QSpinBox* m_stepEvery = nullptr;
  QDoubleSpinBox* m_stepFactor = nullptr;
  QSpinBox* m_patience = nullptr;
  QDoubleSpinBox* m_plateauFactor = nullptr;
  QSpinBox* m_batchSize = nullptr;
  QComboBox* m_loss = nullptr;
  QSpinBox* m_seed = nullptr;
  // regularisation
  LogSlider* m_l1 = nullptr;
  LogSlider* m_l2 = nullptr;
  QCheckBox* m_compare = nullptr;
  QComboBox* m_clipMode = nullptr;
  QDoubleSpinBox* m_clipThreshold = nullptr;
};

}  // namespace dlui
