// The training thread, one per lab that trains (the playground's TrainingSession, the CNN lab, the
// sequence lab), after Qt's Mandelbrot example: a lab hands it a Simulation (its runs, stepped in
// lockstep) and gets back immutable snapshots. Commands go in under a lock and run on the thread
// between steps; training is paced (steps per second, or flat out); snapshots come out at most at
// the simulation's rate and never faster than the window takes them (backpressure: steps
// accumulate in the simulation meanwhile); the costly part of a snapshot (a test report, the
// insides of a cell) is made when asked for, when training pauses or stops, and otherwise at most
// a fifth of the time. The thread runs at a lower priority than the GUI thread. The runner knows
// nothing about what is trained.
#pragma once

#include <QObject>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace dlui {

// What every lab's snapshot carries; a lab's own snapshot type derives from it and the lab casts
// what it receives back to that type (a runner only ever carries one lab's simulations).
struct LabSnapshot {
  virtual ~LabSnapshot() = default;
  quint64 generation = 0;    // which setSimulation() it belongs to
  bool running = false;      // training was on when it was taken
  bool reachedStop = false;  // the runs reached the stop step in this snapshot (the claim's state)
};

// A lab's experiment as the training thread drives it. The window creates it; from then on only
// the thread touches it (commands posted with LabRunner::post run there too).
class Simulation {
public:
  virtual ~Simulation() = default;
  // One step of every run still training. True when the step evaluated (a validation pass): a
  // moment at which a new costly report is worth its time.
  virtual bool step() = 0;
  // The step count a stop is judged by (runs in lockstep: that of the runs still training).
  virtual long long stepCount() const = 0;
  // Nothing can train any more (every run diverged, or reached its end).
  virtual bool finished() const = 0;
  // Everything since the previous snapshot (the steps, the weights now); with `heavy` also the
  // costly part. The runner fills in LabSnapshot's own fields.
  virtual std::shared_ptr<LabSnapshot> snapshot(bool heavy) = 0;
  // At most one snapshot per this many seconds while training.
  virtual double snapshotSeconds() const { return 0.05; }
  // Something held back from the last snapshot (weights sent at most every 100 ms, say) is due in
  // this many seconds, steps or not (0: now); negative when nothing is held back.
  virtual double refreshSeconds() const { return -1; }
  // The simulation stopped training by itself (a loaded experiment starts paused): true once.
  virtual bool takeStopRequest() { return false; }
};

// The step count of runs stepped in lockstep (a CnnTrainer's, a SeqTrainer's: anything with
// stepCount() and diverged()): that of the runs still training, the least should one lag; when every
// run has diverged, the furthest any got. `run(i)` gives run i of `count`.
template <class Run>
long long lockstepStepCount(std::size_t count, Run run) {
  long long live = -1, any = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const auto& t = run(i);
    any = std::max<long long>(any, t.stepCount());
    if (!t.diverged()) live = live < 0 ? t.stepCount() : std::min<long long>(live, t.stepCount());
  }
  return live >= 0 ? live : any;
}

class LabRunner : public QObject {
  Q_OBJECT
public:
  explicit LabRunner(QObject* parent = nullptr);
  ~LabRunner() override;

  // Replaces what is trained, between steps. Training pauses by itself when the runs reach
  // `stopAt` steps (0: never; play continues past it). Paused afterwards; the first snapshot is a
  // heavy one (the untrained state). Returns the new generation: snapshots of older ones are
  // dropped before they reach snapshotReady.
  quint64 setSimulation(std::unique_ptr<Simulation> simulation, long long stopAt);
  void setRunning(bool on);
  bool running() const { return m_running.load(); }
  // Steps per second while running; 0 (the default): as fast as it goes.
  void setSpeed(double stepsPerSecond);
  // One step, paused.
  void stepOnce();
  // Runs `command` on the thread between steps, on the current simulation (not at all when there
  // is none); `heavyAfter`: the next snapshot includes the costly part.
  void post(std::function<void(Simulation&)> command, bool heavyAfter = false);
  // A heavy snapshot soon (the window wants another sample's insides, say).
  void requestReport();
  // Steps without snapshots until the simulation has `steps` steps (or finished, or timeoutMs
  // passed; −1: no limit), then one heavy snapshot. Blocks the caller: for tests and screenshots.
  bool runTo(long long steps, int timeoutMs);
  quint64 generation() const { return m_generation.load(); }

signals:
  void snapshotReady(std::shared_ptr<const dlui::LabSnapshot> snapshot);

private:
  using Clock = std::chrono::steady_clock;
  void loop();
  void publish(bool heavy);
  void enqueue(std::function<void()> command);
  // Training thread: the pace's tokens at `now` (a step takes one), capped at 50 ms worth so that
  // the pace catches up after a stall without a visible jump.
  double tokensAt(Clock::time_point now) const;
  // Training thread: takes a token when one is there (always, flat out).
  bool takeToken(Clock::time_point now);
  // Training thread: one of the steps asked for one at a time (→); false when the simulation has
  // finished (the rest are dropped, as when it stops or finishes after the step).
  bool takeSingleStep(bool* evaluated);
  // Training thread: a step may be taken now (running and a token in the bucket, or a single step).
  bool stepDue(Clock::time_point now) const;
  // Training thread: a snapshot should go out now (something new or asked for, the window has taken
  // the last one, and the rate allows it).
  bool publishDue(Clock::time_point now, bool dirty) const;
  // Training thread: when to wake without a command (a token, a snapshot held back by its rate,
  // something the simulation holds back); max() for never.
  Clock::time_point nextWake(Clock::time_point now, bool dirty) const;

  std::thread m_thread;
  std::mutex m_mutex;
  std::condition_variable m_wake;
  std::deque<std::function<void()>> m_commands;  // run by the thread between steps
  std::atomic<bool> m_abort{false};
  std::atomic<bool> m_running{false};
  std::atomic<bool> m_delivering{false};  // a snapshot is on its way to the window
  std::atomic<quint64> m_generation{0};

  // ---- the thread's own state ----
  std::unique_ptr<Simulation> m_sim;
  // The generation m_sim belongs to (training thread only). m_generation moves on as soon as the
  // window asks for a new simulation, before the thread swaps it in: a snapshot of the old one
  // taken in between must carry the old number, or the window draws it into the new run's charts.
  quint64 m_simGeneration = 0;
  long long m_stopAt = 0;
  int m_singleSteps = 0;  // steps asked for one at a time (→), not yet taken
  double m_speed = 0;     // steps per second, 0 = flat out
  double m_tokens = 0;    // the pace's token bucket
  Clock::time_point m_lastRefill{};
  Clock::time_point m_lastPublish{};
  bool m_reachedStop = false;
  bool m_wantHeavy = false;
  double m_heavySeconds = 0;    // how long the last heavy snapshot took
  double m_sinceHeavy = 1e9;    // seconds of training since it
};

}  // namespace dlui

Q_DECLARE_METATYPE(std::shared_ptr<const dlui::LabSnapshot>)
