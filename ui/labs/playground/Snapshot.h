// What the training worker publishes to the GUI: immutable values, shared by pointer, never
// touched again by the worker once emitted.
#pragma once

#include "config/Config.h"
#include "train/Trainer.h"

#include <QMetaType>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace dlui {

// One weighted layer's weights for the diagram and the histograms: W is (rows, in).
struct LayerWeights {
  dl::Matrix W;
  dl::Vector b;  // empty with batch norm
};

// One run of the session (the L1-vs-L2 view has two, identical but for the penalty kind).
struct RunSnapshot {
  QString label;                         // "" for a single run, "L1" / "L2" for the pair
  std::vector<dl::StepMetrics> metrics;  // every step since the previous snapshot, in order
  // Steps left out of `metrics` because the GUI fell behind: the worker keeps at most 20,000
  // pending metrics per run, then keeps every k-th (k doubling). 0 in normal operation.
  long long droppedSteps = 0;
  std::vector<LayerWeights> weights;  // current weights (at most every 100 ms)
  std::optional<dl::Divergence> divergence;
  long long step = 0;
  long long epoch = 0;
  double learningRate = 0;
};

// Run 0's classification metrics on the validation part (the metrics view): the confusion matrix,
// per-class precision/recall/F1, κ, and ROC curves — class 1's for two classes, every class's
// (one against the rest) for up to ten.
struct MetricsReport {
  long long step = 0;
  dl::ClassificationReport report;
  std::vector<dl::RocCurve> roc;  // roc[i] is the curve of rocClasses[i]
  std::vector<int> rocClasses;
  std::vector<std::string> classNames;
};

struct Snapshot {
  quint64 sequence = 0;    // increases by one per snapshot
  quint64 generation = 0;  // increases on every reset / reconfiguration: charts clear
  bool running = false;
  double stepsPerSecond = 0;    // measured over the last second
  dl::ExperimentConfig config;  // the configuration in force
  std::vector<RunSnapshot> runs;
  // Decision map of run 0 (and the neuron thumbnails), at a lower rate (≈ 5–10 Hz); null when unchanged.
  std::shared_ptr<const dl::GridEvaluation> grid;
  // Validation metrics of run 0, at most twice a second, classification only; null when unchanged.
  std::shared_ptr<const MetricsReport> metricsReport;
  // Raw training/validation points for the map (only in the first snapshot of a generation).
  std::shared_ptr<const dl::PreparedData> data;
};

using SnapshotPtr = std::shared_ptr<const Snapshot>;

}  // namespace dlui

Q_DECLARE_METATYPE(dlui::SnapshotPtr)
