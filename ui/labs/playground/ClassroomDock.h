// The classroom controls of presentation mode: the few settings a lesson changes in front of a
// class — play, step and reset, the data set, the learning rate, the activation, the hidden layers
// and their neurons, and the regularisation — in one narrow column, with the full controls dock
// one key away. Like ControlDock it has two paths that never feed each other: setFromConfig()
// (model → controls, emits nothing) and configEdited (a user edit, built from the last config set).
#pragma once

#include "config/Config.h"

#include <QDockWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QVBoxLayout;
class QLabel;
class QSlider;
class QPushButton;
class QToolButton;

namespace dlui {

class LogSlider;
class TransportBar;

class ClassroomDock : public QDockWidget {
  Q_OBJECT
public:
  // Play, step and reset are `transport`'s actions (one state, one set of keys); `fullControls`
  // shows the full controls dock.
  ClassroomDock(TransportBar* transport, QAction* fullControls, QWidget* parent = nullptr);

  void setFromConfig(const dl::ExperimentConfig& config);
  const dl::ExperimentConfig& config() const { return m_config; }

  QComboBox* dataSetCombo() const { return m_source; }
  LogSlider* learningRateSlider() const { return m_learningRate; }
  QComboBox* activationCombo() const { return m_activation; }
  QToolButton* addLayerButton() const { return m_addLayer; }
  QToolButton* removeLayerButton() const { return m_removeLayer; }
  QToolButton* addNeuronButton() const { return m_addNeuron; }
  QToolButton* removeNeuronButton() const { return m_removeNeuron; }
  QComboBox* regularizationCombo() const { return m_regularization; }
  LogSlider* regularizationRateSlider() const { return m_regularizationRate; }
  QSlider* dropoutSlider() const { return m_dropout; }
  QLabel* dropoutValue() const { return m_dropoutValue; }
  QPushButton* fullControlsButton() const { return m_fullControlsButton; }
  QCheckBox* showValidationBox() const { return m_showValidation; }
  QCheckBox* discretizeBox() const { return m_discretize; }

  // The decision map's toggles (model → boxes, emits nothing).
  void setMapToggles(bool showValidation, bool discretize);
  // Holds `options` (the chart panel's detached options) under the map's toggles, or lets go of
  // the one it holds (null); the caller gives it back to its panel.
  void setChartOptions(QWidget* options);
  QWidget* chartOptions() const { return m_chartOptions; }

  // The items of the regularisation combo, in order.
  enum class Penalty { None = 0, L1, L2, Both, Compare };

signals:
  void configEdited(const dl::ExperimentConfig& config);
  void showValidationToggled(bool on);
  void discretizeToggled(bool on);

protected:
  void changeEvent(QEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;

private:
  void retranslateUi();
  void showCounts();
  void fitSourceWidth();
  void commit(const dl::ExperimentConfig& config);
  void sourceChosen(int index);
  void activationChosen(int index);
  void changeLayers(int delta);
  void changeNeurons(int delta);
  void penaltyEdited();
  void dropoutEdited(int steps);

  dl::ExperimentConfig m_config;
  QAction* m_fullControls = nullptr;
  QList<QToolButton*> m_transportButtons;
  QLabel* m_sourceLabel = nullptr;
  QComboBox* m_source = nullptr;
  QLabel* m_learningRateLabel = nullptr;
  LogSlider* m_learningRate = nullptr;
  QLabel* m_activationLabel = nullptr;
  QComboBox* m_activation = nullptr;
  QLabel* m_layersLabel = nullptr;
  QToolButton* m_removeLayer = nullptr;
  QLabel* m_layerCount = nullptr;
  QToolButton* m_addLayer = nullptr;
  QLabel* m_neuronsLabel = nullptr;
  QToolButton* m_removeNeuron = nullptr;
  QLabel* m_neuronCount = nullptr;
  QToolButton* m_addNeuron = nullptr;
  QLabel* m_regularizationLabel = nullptr;
  QComboBox* m_regularization = nullptr;
  LogSlider* m_regularizationRate = nullptr;
  QLabel* m_dropoutLabel = nullptr;
  QSlider* m_dropout = nullptr;  // the rate of every hidden layer in steps of 0.05
  QLabel* m_dropoutValue = nullptr;
  static constexpr double kDropoutStepsPerUnit = 20;  // steps of 0.05
  QLabel* m_mapLabel = nullptr;
  QCheckBox* m_showValidation = nullptr;
  QCheckBox* m_discretize = nullptr;
  QLabel* m_chartLabel = nullptr;
  QVBoxLayout* m_column = nullptr;
  QWidget* m_chartOptions = nullptr;
  QPushButton* m_fullControlsButton = nullptr;
  double m_lastPenalty = 1e-3;  // the rate a penalty switched back on starts from
};

}  // namespace dlui
