// The activation explorer: every activation of the engine (ActivationCurves) with its derivative,
// side by side, the focused one's saturated stretches shaded in both plots, and the zero-centred
// question as a strip of mean outputs — what each function averages for z ~ N(0, 1) (sigmoid 0.5,
// tanh 0, ReLU 0.40) beside what each hidden layer of the running network averages now, so sigmoid
// layers are seen sitting near +0.5 and tanh layers near 0. A checkable list picks the functions
// shown; the network's own activations are checked, bold and focused when a run is loaded.
// Painted with QPainter (the curves are static; the live part is a few numbers).
#pragma once

#include "plots/ActivationCurves.h"
#include "labs/playground/Snapshot.h"

#include <QWidget>

#include <deque>
#include <map>
#include <vector>

class QListWidget;
class QListWidgetItem;
class QMenu;
class QToolButton;

namespace dlui {

class ActivationCanvas;

class ActivationExplorer : public QWidget {
  Q_OBJECT
public:
  // The z range of the plots.
  static constexpr double kZMin = -6, kZMax = 6;
  // Mini-batches averaged for a layer's live mean (one batch alone jitters).
  static constexpr std::size_t kMeanWindow = 20;

  explicit ActivationExplorer(QWidget* parent = nullptr);

  void applySnapshot(const SnapshotPtr& snapshot);
  // Forgets the live means (a new generation); the curves stay.
  void clear();
  void setPresentationMode(bool on);
  void retranslateUi();

  // Engine names (dl::activationNames()) in list order; the sampled curve of one (nullptr if unknown).
  QStringList activations() const;
  const ActivationCurve* curve(const QString& name) const;
  // Shown (checked) functions, and the focused one whose saturated stretches are shaded.
  QStringList shown() const;
  void setShown(const QString& name, bool on);
  QString focused() const { return m_focus; }
  void setFocused(const QString& name);
  // The running network's hidden activations, one per hidden layer ("sigmoid", "tanh", …).
  QStringList networkActivations() const { return m_networkActs; }
  // Per hidden layer: the mean output over the last kMeanWindow mini-batches (NaN before the first
  // step); the step it was measured up to.
  std::vector<double> layerMeans() const;
  long long meansStep() const { return m_meansStep; }
  // A display name: "leaky_relu" → "leaky ReLU (0.01)".
  QString displayName(const QString& name) const;
  QListWidget* list() const { return m_list; }
  // On an explorer too narrow for the list beside the panels (a 1024-pixel projector), the list
  // folds into this "Functions" button with the same choices in its menu.
  QToolButton* picker() const { return m_pick; }

  QSize sizeHint() const override { return {900, 300}; }
  QSize minimumSizeHint() const override { return {420, 200}; }

protected:
  void changeEvent(QEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

private:
  friend class ActivationCanvas;
  void setNetwork(const std::vector<dl::LayerConfig>& hidden);
  void resample(const QString& name, const dl::LayerConfig& layer);
  void updateList();
  void fitList();
  QString shortName(const QString& name) const;  // "leaky ReLU" without its slope

  QListWidget* m_list;
  QToolButton* m_pick;
  QMenu* m_pickMenu;
  ActivationCanvas* m_canvas;
  std::map<QString, ActivationCurve> m_curves;
  QString m_focus;
  QStringList m_networkActs;
  std::vector<dl::LayerConfig> m_networkLayers;
  std::vector<std::deque<double>> m_recent;  // per hidden layer, the last kMeanWindow batch means
  long long m_meansStep = 0;
  bool m_presentation = false;
  bool m_updatingList = false;
  bool m_shortNames = false;  // the list's names without their parameters (wrapped or narrow)
  QString m_toggled;  // the item whose box the current click toggled
};

}  // namespace dlui
