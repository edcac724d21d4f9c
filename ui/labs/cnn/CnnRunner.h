// The CNN lab's training thread: one or two CnnTrainers (the run and the run it is compared with)
// stepped in lockstep on a thread of their own, so the window stays responsive while a CNN trains
// flat out. As in the playground's session (ui/session/): commands go in under a lock and are
// applied between steps; immutable snapshots come out, at most about 20 a second and never more
// than the window has taken (backpressure: steps accumulate meanwhile).
#pragma once

#include "cnn/CnnTrainer.h"

#include <QObject>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace dlui {

// The test part judged by one run at one step: what the score board, the confusion matrix and the
// gallery of mistakes show.
struct CnnTestReport {
  long long step = 0;
  double accuracy = 0;
  double changedAccuracy = -1;  // on the configuration's changed test images (shift/flip); −1: none
  Eigen::MatrixXi confusion;    // (truth, predicted)
  struct Miss {
    dl::Index index = 0;  // into the test part
    int truth = 0, predicted = 0;
    std::vector<float> probabilities;
  };
  std::vector<Miss> misses;  // the most confident mistakes first, at most kMaxMisses
  static constexpr std::size_t kMaxMisses = 48;
};

struct CnnRunState {
  std::vector<dl::CnnStep> steps;  // the steps since the previous snapshot, in order
  dl::Vector params, buffers;      // the weights now (the window's own copy of the network reads them)
  long long step = 0, epoch = 0;
  std::optional<dl::Divergence> divergence;
  std::shared_ptr<const CnnTestReport> test;  // a new test report, or null
  std::vector<bool> frozen;                   // per weighted layer
};

struct CnnSnapshot {
  quint64 generation = 0;  // which setTrainers() it belongs to
  std::vector<CnnRunState> runs;
  bool running = false;
  bool reachedStop = false;  // the runs reached the stop step in this snapshot (the claim's state)
};

class CnnRunner : public QObject {
  Q_OBJECT
public:
  explicit CnnRunner(QObject* parent = nullptr);
  ~CnnRunner() override;

  // Replaces what is trained, between steps: trainers[0] is the lab's run, trainers[1] (optional)
  // the one it is compared with. Training pauses by itself when the runs reach `stopAt` steps (the
  // state a preset's claim is about; play continues past it). Paused afterwards. Returns the new
  // generation; snapshots of older ones are dropped.
  quint64 setTrainers(std::vector<std::unique_ptr<dl::CnnTrainer>> trainers, long long stopAt);
  void setRunning(bool on);
  bool running() const { return m_running.load(); }
  void stepOnce();
  void setFrozen(int run, int layer, bool frozen);
  void reinitialize(int run, int layer, std::uint64_t seed);
  // Steps without snapshots until every run has `steps` steps (or diverged, or timeoutMs passed);
  // then one snapshot with test reports. Blocks the caller: for tests and screenshots.
  bool runTo(long long steps, int timeoutMs);
  quint64 generation() const { return m_generation.load(); }

signals:
  void snapshotReady(std::shared_ptr<const dlui::CnnSnapshot> snapshot);

private:
  void loop();
  void publish(bool forceTests);
  std::shared_ptr<const CnnTestReport> testReport(const dl::CnnTrainer& t) const;
  void post(std::function<void()> command);

  std::thread m_thread;
  std::mutex m_mutex;
  std::condition_variable m_wake;
  std::deque<std::function<void()>> m_commands;  // applied by the thread between steps
  std::atomic<bool> m_abort{false};
  std::atomic<bool> m_running{false};
  std::atomic<bool> m_delivering{false};  // a snapshot is on its way to the window
  std::atomic<quint64> m_generation{0};

  // ---- the thread's own state ----
  std::vector<std::unique_ptr<dl::CnnTrainer>> m_trainers;
  std::vector<CnnRunState> m_pending;
  long long m_stopAt = 0;
  int m_singleSteps = 0;  // steps asked for one at a time (→), not yet taken
  bool m_reachedStop = false;
  bool m_wantTests = false;
  double m_testSeconds = 0;      // how long the last test report took
  double m_sinceTests = 1e9;     // seconds of training since it
  double m_sincePublish = 1e9;   // seconds since the last snapshot
};

}  // namespace dlui

Q_DECLARE_METATYPE(std::shared_ptr<const dlui::CnnSnapshot>)
