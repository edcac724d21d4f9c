// The trainer: one mini-batch step at a time — forward, loss, backward, penalties, clipping,
// update — with the diagnostics every step records, divergence detection that keeps the last
// finite weights, evaluation, decision-map grids, and an exact save/resume state.
// The trainer never prints and never knows about threads of the GUI: callers own it.
#pragma once

#include "train/Divergence.h"
#include "train/EpochOrder.h"
#include "core/Rng.h"
#include "data/Prepare.h"
#include "loss/Loss.h"
#include "metrics/Metrics.h"
#include "nn/Network.h"
#include "optim/Optimizer.h"
#include "schedule/Schedule.h"
#include "config/Config.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dl {

struct StepMetrics {
  long long step = 0;   // steps completed, including this one
  long long epoch = 0;  // epoch this step belongs to (from 1)
  double lr = 0;
  double trainLoss = 0;  // mean data loss of the mini-batch (without the penalty)
  double penalty = 0;    // λ1·Σ|w| + (λ2/2)·Σw²
  bool evaluated = false;
  double valLoss = kNaN;
  double valAccuracy = kNaN;
  // Accuracy on the whole training part at the same evaluation steps, in inference mode (no
  // dropout, batch-norm running statistics), after this step's update: the number to set beside
  // valAccuracy to see overfitting. NaN between evaluations and for regression. Read-only: it
  // draws no random numbers and changes no state, so training is bit-identical with or without it.
  double trainAccuracy = kNaN;
  // The test part (data.testFraction > 0) at the same evaluation steps, read-only like
  // trainAccuracy: to show beside the validation numbers, never to choose by (the schedule reads
  // only the validation loss). NaN when there is no test part; testAccuracy also for regression.
  double testLoss = kNaN;
  double testAccuracy = kNaN;
  double gradNormTotal = 0;  // global gradient norm before clipping
  bool clipped = false;
  std::vector<LayerStats> layers;  // empty when diagnostics are off
};

enum class Split { Train, Validation, Test };

struct Evaluation {
  double loss = kNaN;      // mean data loss (unweighted)
  double accuracy = kNaN;  // classification only
  Index samples = 0;
};

// The plane a decision map covers: two raw data features (the others at their training mean), or
// two of the network's own inputs after preprocessing (standardised, whitened or expanded; the
// others at their training mean), which shows the data as the network sees it.
enum class MapSpace { Raw, NetworkInputs };

// Decision-map values on a res×res grid (row-major, y outer, from y0 to y1; x from x0 to x1).
struct GridEvaluation {
  int resolution = 0;
  MapSpace space = MapSpace::Raw;
  int xFeature = 0, yFeature = 1;  // the mapped features (raw) or network inputs
  double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
  Matrix values;               // (classes, res²) probabilities, or (targets, res²) for regression
  std::vector<Matrix> hidden;  // per hidden layer (units, res²), when asked for
};

// Everything needed to continue training exactly where it stopped.
struct TrainerState {
  Vector params;
  Vector buffers;
  OptimizerState optimizer;
  std::vector<double> schedule;
  Rng::State shuffleRng{};
  Rng::State dropoutRng{};
  std::vector<Index> order;
  Index cursor = 0;
  long long step = 0;
  long long epoch = 0;
};

class Trainer {
public:
  // Validates the configuration (ConfigError), prepares the data (DataError), builds and
  // initialises the network from training.seed.
  explicit Trainer(ExperimentConfig config);
  // The same with data prepared elsewhere (runs stepped in lockstep share one data set).
  Trainer(ExperimentConfig config, std::shared_ptr<const PreparedData> data);

  const ExperimentConfig& config() const { return m_config; }
  const PreparedData& data() const { return *m_data; }
  std::shared_ptr<const PreparedData> sharedData() const { return m_data; }
  const Network& network() const { return m_net; }
  const Loss& loss() const { return *m_loss; }
  long long stepCount() const { return m_step; }
  long long epoch() const { return m_batches.epoch(); }
  Index stepsPerEpoch() const;
  double currentLearningRate() const;
  bool diverged() const { return m_divergence.has_value(); }
  const std::optional<Divergence>& divergence() const { return m_divergence; }

  // One mini-batch step. After a divergence throws std::logic_error until reset().
  StepMetrics step();
  // New weights from the seed; counters, optimiser and schedule state back to zero.
  void reset();
  // Sets W(row, col) of weighted layer `layer` (0-based; the playground's "edit a link"). The
  // optimiser's state is kept, as when a person nudges one weight mid-training. Throws
  // ConfigError naming the weight for an index out of range or a value that is not finite or
  // beyond ±1000.
  void setWeight(int layer, Index row, Index col, double value);

  Evaluation evaluate(Split which) const;
  ClassificationReport report(Split which) const;
  // Scores for `positiveClass` against the rest.
  RocCurve roc(Split which, int positiveClass = 1) const;
  GridEvaluation evaluateGrid(int resolution, double x0, double x1, double y0, double y1, bool withHidden = false,
                              MapSpace space = MapSpace::Raw) const;
  // Bounds of the raw data in the two map features, padded by 10%. For MapSpace::NetworkInputs: a
  // square in the units of the network's inputs (both axes span the same length, the larger of the
  // two padded extents, each centred on its data), so a feature 30× narrower looks 30× narrower.
  void mapBounds(double& x0, double& x1, double& y0, double& y1, MapSpace space = MapSpace::Raw) const;
  // The two network inputs a MapSpace::NetworkInputs map shows: data.mapFeatures when the network
  // sees the raw features one for one (no feature expansion), else inputs 0 and 1.
  void mapInputs(int& x, int& y) const;

  // ---- changes that apply between steps, keeping the weights ----
  void setLearningRate(double lr);
  void setOptimizer(const OptimizerConfig& c);  // same name: keeps state; other name: fresh state
  void setSchedule(const ScheduleConfig& c);
  void setRegularization(const RegularizationConfig& c);
  void setBatchSize(int batchSize);
  void setDropout(int hiddenLayer, double rate);
  void setEvalEvery(int steps);
  // Which two raw features the decision map shows: a view of the run, not part of what it trains,
  // so it changes in place (the weights, the optimiser state and the step stay). Throws ConfigError
  // ("data.mapFeatures", …) for indices the data does not have; nothing changes then.
  void setMapFeatures(const std::vector<int>& features);
  // A headless run's step budget and thread count (training.steps, training.threads): kept with the
  // configuration, which a saved experiment writes; the trainer itself neither stops on the budget
  // nor sets the thread count (results are the same on any number of threads).
  void setHeadlessSettings(long long steps, int threads) {
    m_config.training.steps = steps;
    m_config.training.threads = threads;
  }
  void setDiagnostics(bool on) { m_diagnostics = on; }
  bool diagnostics() const { return m_diagnostics; }

  TrainerState state() const;
  // Throws ConfigError when the state does not fit this network/data.
  void restore(const TrainerState& s);

private:
  void build();
  void nextBatch();
  const Dataset& split(Split which) const;
  void fillDiagnostics(StepMetrics& m);

  ExperimentConfig m_config;
  std::shared_ptr<const PreparedData> m_data;
  Network m_net;
  std::unique_ptr<Loss> m_loss;      // training loss (class weights)
  std::unique_ptr<Loss> m_evalLoss;  // unweighted, for evaluation
  std::unique_ptr<Optimizer> m_optimizer;
  std::unique_ptr<Schedule> m_schedule;
  EpochOrder m_batches;
  long long m_step = 0;
  bool m_diagnostics = true;
  std::optional<Divergence> m_divergence;
  // step buffers (reused: no allocation per step unless the batch size changes)
  Matrix m_xb, m_yb, m_dLogits;
  std::vector<int> m_labels;
  Vector m_backup;
  std::vector<double> m_gradSq;
};

// Fraction of all weights (every weighted layer, no biases) with |w| < kSparseThreshold: how
// sparse an L1 penalty has made the network.
double nearZeroWeightFraction(const Network& net);

}  // namespace dl
