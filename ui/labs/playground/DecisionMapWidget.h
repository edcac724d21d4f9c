// The decision map: the training (and, optionally, validation) points over a heat map of the
// network's predictions on the plane of two input features — class colours blended by probability
// (or only the most likely class, "discretise"), a diverging map for regression — with axes in
// raw data units. With more than two features, two combos choose the mapped ones. "Network
// inputs" draws the same over the network's own input plane instead (after standardisation,
// whitening or feature expansion, equal units on both axes): the data as the network sees it.
#pragma once

#include "labs/playground/Snapshot.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;

namespace dlui {

class MapCanvas;

class DecisionMapWidget : public QWidget {
  Q_OBJECT
public:
  explicit DecisionMapWidget(QWidget* parent = nullptr);
  ~DecisionMapWidget() override;

  // Model → widget: new data, grid and mapped features (a null grid keeps the last one).
  void applySnapshot(const SnapshotPtr& snapshot);
  void setShowValidation(bool on);
  void setDiscretize(bool on);
  bool showsValidation() const;
  bool discretized() const;
  // Presentation mode: thicker points and lines, the legend in a column beside the plot, and no
  // toggles above it (the classroom column has them).
  void setPresentationMode(bool on);
  // Map over the network's inputs (emits networkInputsToggled when it changes).
  void setNetworkInputs(bool on);
  bool networkInputs() const;
  QWidget* canvas() const;
  // The square the map is drawn in, in this widget's coordinates.
  QRect plotRect() const;
  // The size this widget needs to draw the map `side` pixels square with its axes, legend and
  // toggles (the presentation layout sizes the map row with it).
  QSize sizeForPlot(int side) const;

signals:
  // The user chose other features for the axes (only offered with more than two features).
  void mapFeaturesEdited(int xFeature, int yFeature);
  // In presentation mode: the axes' labels or the legend now take another width beside the plot
  // (new data, a new range), so sizeForPlot() gives another answer.
  void plotExtentChanged();
  // The map's plane: the network's inputs (true) or the raw data (false).
  void networkInputsToggled(bool on);

protected:
  void changeEvent(QEvent* event) override;

private:
  void retranslateUi();
  void fillFeatureCombos();
  void featureComboActivated();

  MapCanvas* m_canvas = nullptr;
  QCheckBox* m_showValidation = nullptr;
  QCheckBox* m_discretize = nullptr;
  QCheckBox* m_networkInputs = nullptr;
  QWidget* m_featureRow = nullptr;
  QLabel* m_xLabel = nullptr;
  QComboBox* m_xFeature = nullptr;
  QLabel* m_yLabel = nullptr;
  QComboBox* m_yFeature = nullptr;
  std::shared_ptr<const dl::PreparedData> m_data;
  std::vector<int> m_mapFeatures = {0, 1};
};

}  // namespace dlui
