// The hyperparameter-search lab's engine: a budget of trials × steps, each trial a real training
// run of the playground's Trainer on one data set prepared once, spread over a pool of threads
// (each trial serial, so the results do not depend on the thread count), with the best trial,
// best-so-far curve and diverged trials as plain values for the window, the CLI and the tests.
// Like the Trainer it never prints and knows no GUI; the window polls it (trials(), progress()).
#pragma once

#include "data/Prepare.h"
#include "search/Space.h"
#include "search/Strategy.h"
#include "config/Config.h"
#include "train/Divergence.h"

#include <atomic>
#include <exception>
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace dl::search {

struct SearchConfig {
  std::string name, description;
  // The playground experiment every trial starts from. Its data are prepared once: every trial
  // trains on the same points. It needs a validation part (trials are ranked by its loss) and
  // trains one run (no L1-vs-L2 pair).
  ExperimentConfig base;
  std::vector<ParamRange> params;  // 1 … 3, different names
  Strategy strategy = Strategy::LogUniform;
  int trials = 16;  // the budget: trials × steps (a grid runs only k^d of them, see Strategy.h)
  long long steps = 500;
  int rounds = 2;          // coarse-to-fine only
  double zoom = 0.25;      // coarse-to-fine: each round's box side, as a share of the last one's
  std::uint64_t seed = 1;  // sampling; trial i trains with base.training.seed + i
  int threads = 0;         // trials run at once; 0 = every core
  // Another strategy to run beside this one with the same space, budget and seed (grid against
  // random, uniform against log-uniform): the window draws both, the headless run reports both.
  // It is a second Search (compareConfig); the Search class itself runs one strategy.
  std::optional<Strategy> compare;
  bool operator==(const SearchConfig&) const = default;
};

// Limits validate() enforces.
inline constexpr int kMaxParams = 3;
inline constexpr int kMaxTrials = 10000;
inline constexpr long long kMaxSteps = 10'000'000;
inline constexpr int kMaxRounds = 5;

// Throws ConfigError naming the field as the search file spells it ("params[1].name", "trials",
// "experiment.optimizer.lr") and the bad value. A range is also checked at both ends applied to
// the base experiment (a learning rate of 20 is refused as "params[0].high"), and momentum needs
// an optimiser with a β (momentum, nesterov or adam), width a base with hidden layers or depth.
void validate(const SearchConfig& c);

// The search that `c.compare` asks for: c with that strategy and no comparison of its own.
SearchConfig compareConfig(const SearchConfig& c);

struct Trial {
  enum class Status { Pending, Running, Done, Diverged, Failed };
  static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  int index = 0;
  std::vector<double> values;  // per parameter, as applied (whole numbers rounded)
  int round = 1;               // coarse-to-fine round, from 1
  Status status = Status::Pending;
  double trainLoss = kNaN;    // the last step's mini-batch loss
  double valLoss = kNaN;      // final validation loss: what trials are ranked by
  double valAccuracy = kNaN;  // final validation accuracy (NaN for regression)
  double bestValLoss = kNaN;  // lowest validation loss of any evaluation, the final one included
  long long steps = 0;        // steps trained so far
  long long divergedAt = 0;   // the step a Diverged trial stopped at (Trainer's Divergence)
  std::string error;          // why a Failed trial failed (one line); a Diverged one's divergence
  // The same, structured for a translated text: where a Diverged trial's non-finite value first
  // appeared, or what a Failed trial threw (a ConfigError or DataError names its field).
  std::optional<Divergence> divergence;
  std::exception_ptr failure;
  // Validation loss every curveEvery steps (at the trainer's evaluations, thinned to ≤ 100
  // points by doubling the spacing), for a sparkline.
  std::vector<float> valCurve;
  long long curveEvery = 0;
  bool finished() const { return status == Status::Done || status == Status::Diverged || status == Status::Failed; }
};

// "pending", "running", "done", "diverged", "failed".
std::string statusName(Trial::Status s);

class Search {
public:
  // What the window polls: how far the whole search is.
  struct Progress {
    int planned = 0;   // trials the search will run in all (its rounds included)
    int finished = 0;  // done, diverged or failed
    int running = 0;
    int diverged = 0;
    long long steps = 0;  // trained by all trials so far
  };

  // Validates (ConfigError), prepares the data once (DataError) and samples the first round.
  explicit Search(const SearchConfig& config);
  ~Search();  // cancels and waits for the threads
  Search(const Search&) = delete;
  Search& operator=(const Search&) = delete;

  // Trains every trial, blocking, on config().threads threads (the calling thread among them).
  // onTrialDone is called once per finished trial, on the thread that trained it, one call at a
  // time. Results are bit-identical whatever the thread count.
  void run(const std::function<void(const Trial&)>& onTrialDone = {});
  // The same on background threads; returns at once. The window polls trials() or progress().
  void start(std::function<void(const Trial&)> onTrialDone = {});
  // Before start(): its worker threads run at a lower scheduling priority (Linux: nice +10), so a
  // window sharing the cores stays responsive. The numbers do not change.
  void setBackground(bool on) { m_background = on; }
  // Stops promptly: every running trial stops before its next step and goes back to Pending (no
  // partial result); finished trials stay. Safe from any thread; wait() or finished() after it.
  void cancel();
  void wait();
  bool finished() const { return m_finished.load(); }
  bool cancelled() const { return m_cancel.load(); }

  // Snapshots, safe from any thread while the search runs.
  std::vector<Trial> trials() const;  // sampled so far, in index order (later rounds appear as they are sampled)
  Progress progress() const;
  // Bumped whenever a trial changes: a poller copies trials() only when it moved.
  std::uint64_t revision() const { return m_revision.load(); }
  // The Done trial with the lowest final validation loss (the lower index on a tie).
  std::optional<Trial> best() const;
  // Best final validation loss among trials 0 … i, for every trial i sampled so far, in index
  // order (NaN until the first Done trial; a trial not Done adds nothing).
  std::vector<double> bestSoFar() const;
  // Trials of the search in all, once sampled (a grid: k^d; otherwise config().trials).
  int plannedTrials() const { return m_planned; }

  const SearchConfig& config() const { return m_config; }
  std::shared_ptr<const PreparedData> sharedData() const { return m_data; }
  // Trial `index`'s own experiment: the base with its values and seed, training.steps = steps —
  // what "open this trial in the playground" loads (std::out_of_range before it is sampled).
  ExperimentConfig trialConfig(int index) const;

private:
  void execute(const std::function<void(const Trial&)>& onTrialDone);
  void sampleRound(int round);
  void runTrial(int index, const std::function<void(const Trial&)>& onTrialDone);
  int threadsFor(int trials) const;

  SearchConfig m_config;
  std::shared_ptr<const PreparedData> m_data;
  std::vector<int> m_roundSizes;
  int m_planned = 0;

  mutable std::mutex m_mutex;  // guards m_trials
  std::vector<Trial> m_trials;
  std::mutex m_callbackMutex;
  std::atomic<int> m_next{0};
  std::atomic<bool> m_cancel{false};
  std::atomic<bool> m_finished{false};
  std::atomic<bool> m_started{false};
  std::atomic<std::uint64_t> m_revision{0};
  std::atomic<long long> m_steps{0};
  std::thread m_thread;
  bool m_background = false;
};

}  // namespace dl::search
