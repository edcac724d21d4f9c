// The big numbers beside the decision map in presentation mode, as TensorFlow Playground shows
// them: training and validation loss and, for classification, training and validation accuracy of
// every run, read from the snapshots; "—" before the first evaluation. Large enough to read from
// the back of a classroom.
//
// Validation loss, validation accuracy and training accuracy are the evaluation's own numbers (the
// whole validation part, the whole training part). Training loss is the mean mini-batch loss over
// the steps since the previous evaluation, so all four change together, once per evaluation,
// instead of flickering with every mini-batch. An experiment without a validation part has no
// evaluations: its training loss is then published every `evalEvery` steps (50 when 0) and the
// rest stays "—".
#pragma once

#include "labs/playground/Snapshot.h"

#include <QFrame>

#include <array>
#include <limits>
#include <vector>

class QGridLayout;
class QLabel;

namespace dlui {

class ScoreBoard : public QFrame {
  Q_OBJECT
public:
  enum class Quantity { TrainingLoss = 0, ValidationLoss, TrainingAccuracy, ValidationAccuracy };

  // One run's numbers now (NaN = not measured yet: the board shows "—").
  struct Values {
    double trainingLoss = std::numeric_limits<double>::quiet_NaN();
    double validationLoss = std::numeric_limits<double>::quiet_NaN();
    double trainingAccuracy = std::numeric_limits<double>::quiet_NaN();  // a fraction, 0 … 1
    double validationAccuracy = std::numeric_limits<double>::quiet_NaN();
    long long step = -1;            // the step of the training loss; -1 before the first
    long long evaluationStep = -1;  // the step of the other three; -1 before the first evaluation
  };

  explicit ScoreBoard(QWidget* parent = nullptr);

  // A new generation (reset, reconfiguration) starts again from "—".
  void applySnapshot(const SnapshotPtr& snapshot);

  int runCount() const { return static_cast<int>(m_runs.size()); }
  Values values(int run = 0) const;
  // Classification: the accuracy rows are shown (a regression shows its losses only).
  bool showsAccuracy() const { return m_accuracy; }
  // The label showing a quantity of a run; null when that row is hidden or the run does not exist.
  QLabel* valueLabel(Quantity q, int run = 0) const;

  // The texts of the numbers: "0.0123", "1.23e+03", "97.5%"; "—" before the first measurement,
  // "∞" / "NaN" once training has diverged.
  static QString lossText(double loss, bool measured);
  static QString accuracyText(double fraction, bool measured);

  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;
  // The width at the largest numbers; given less (a narrow screen), the numbers get smaller, down
  // to kSmallest times the window's font (a pair's two columns: down to kPairSmallest, so that the
  // map keeps its share on a 1024-pixel projector).
  int preferredWidth() const;
  void setAvailableWidth(int width);
  static constexpr double kLargest = 1.9;
  static constexpr double kSmallest = 1.4;
  static constexpr double kPairSmallest = 1.0;

signals:
  // The board needs another width (a number wider than any it had room for).
  void widthChanged();

protected:
  void changeEvent(QEvent* event) override;
  void showEvent(QShowEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

private:
  struct Run {
    QString label;  // "" for a single run; "L1" / "L2" for the pair
    Values shown;
    double lossSum = 0;  // mini-batch losses since the last publication
    long long lossSteps = 0;
  };
  static constexpr int kQuantities = 4;

  void rebuild();  // the grid for the current runs and task
  void retranslateUi();
  void updateTexts();
  void updateCounters();
  void fitHeaders();
  void applyFonts();
  QFont valueFont(double scale) const;
  int widthAt(double scale) const;

  std::vector<Run> m_runs;
  quint64 m_generation = 0;
  bool m_hasGeneration = false;
  bool m_accuracy = true;       // a classification
  bool m_hasValidation = true;  // evaluations happen
  bool m_stale = true;          // values published since the labels were last set
  int m_available = 0;          // the width given (0: any)
  double m_scale = kLargest;    // the numbers' font, times the window's
  int m_evalEvery = 50;         // the configuration's evalEvery (0 = at the end of each epoch)
  int m_publishEvery = 50;      // without a validation part: steps between training-loss updates
  long long m_step = 0;
  long long m_epoch = 0;
  QGridLayout* m_grid = nullptr;
  QLabel* m_stepLabel = nullptr;                           // "Step 1,234"
  QLabel* m_epochLabel = nullptr;                          // "Epoch 12"
  std::array<QLabel*, kQuantities> m_headers{};            // "Training loss", …
  std::array<QString, kQuantities> m_headerTexts;          // their texts on one line
  std::vector<QLabel*> m_runLabels;                        // "L1", "L2" above the columns of a pair
  std::vector<std::array<QLabel*, kQuantities>> m_values;  // per run
};

}  // namespace dlui
