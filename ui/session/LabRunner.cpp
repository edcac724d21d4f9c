// The labs' training thread (session/LabRunner.h).
#include "session/LabRunner.h"

#include <QMetaObject>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace dlui {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

Clock::duration seconds(double s) {
  return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(std::max(0.0, s)));
}

// nice +8: weight 134 against the GUI thread's 1024 — a click or a repaint preempts training at
// once and gets ~90% of a core both want.
constexpr int kTrainingNice = 8;

// The training thread (and the OpenMP threads it starts, which inherit it) runs at a lower
// priority than the GUI thread: training flat out keeps a core busy, and at the same priority the
// GUI thread waited its turn behind it for every repaint and every click (tens of milliseconds on a
// busy two-core machine). Now the window takes the CPU time it needs and training the rest — on
// an idle core it still trains at full speed.
void yieldToGuiThread() {
#ifdef __linux__
  const auto tid = static_cast<id_t>(syscall(SYS_gettid));
  errno = 0;
  const int nice = getpriority(PRIO_PROCESS, tid);
  if (errno == 0) setpriority(PRIO_PROCESS, tid, std::min(19, nice + kTrainingNice));
#endif
}

}  // namespace

LabRunner::LabRunner(QObject* parent) : QObject(parent) {
  qRegisterMetaType<std::shared_ptr<const LabSnapshot>>();
  m_thread = std::thread([this] {
    yieldToGuiThread();
    loop();
  });
}

LabRunner::~LabRunner() {
  {
    std::lock_guard lock(m_mutex);
    m_abort = true;
  }
  m_wake.notify_all();
  m_thread.join();
}

void LabRunner::enqueue(std::function<void()> command) {
  {
    std::lock_guard lock(m_mutex);
    m_commands.push_back(std::move(command));
  }
  m_wake.notify_all();
}

quint64 LabRunner::setSimulation(std::unique_ptr<Simulation> simulation, long long stopAt) {
  const quint64 generation = ++m_generation;
  m_running = false;
  auto shared = std::make_shared<std::unique_ptr<Simulation>>(std::move(simulation));
  enqueue([this, shared, stopAt, generation] {
    m_sim = std::move(*shared);
    m_simGeneration = generation;
    m_running = false;  // again in order: a play asked for before it was for the old simulation
    m_tokens = 0;
    m_lastRefill = Clock::now();
    m_stopAt = stopAt;
    m_reachedStop = false;
    m_singleSteps = 0;
    m_wantHeavy = true;  // the untrained state, fully
    m_heavySeconds = 0;
    m_sinceHeavy = 1e9;
  });
  return generation;
}

void LabRunner::setRunning(bool on) {
  m_running = on;
  enqueue([this, on] {
    m_running = on;  // again in order: after a command before it that stopped training
    if (!on) {
      m_wantHeavy = true;  // paused: the full picture of where it stopped
      return;
    }
    m_tokens = 1.0;  // playing: the first step goes at once
    m_lastRefill = Clock::now();
  });
}

void LabRunner::setSpeed(double stepsPerSecond) {
  enqueue([this, stepsPerSecond] {
    m_speed = std::isfinite(stepsPerSecond) ? std::max(0.0, stepsPerSecond) : 0.0;
    m_tokens = std::min(m_tokens, 1.0);
  });
}

void LabRunner::stepOnce() {
  m_running = false;
  enqueue([this] {
    m_running = false;  // again in order
    ++m_singleSteps;
  });
}

void LabRunner::post(std::function<void(Simulation&)> command, bool heavyAfter) {
  enqueue([this, command = std::move(command), heavyAfter] {
    if (!m_sim) return;
    command(*m_sim);
    if (heavyAfter) m_wantHeavy = true;
  });
}

void LabRunner::requestReport() {
  enqueue([this] { m_wantHeavy = true; });
}

bool LabRunner::runTo(long long steps, int timeoutMs) {
  auto done = std::make_shared<std::atomic<bool>>(false);
  auto reached = std::make_shared<std::atomic<bool>>(false);
  const auto start = Clock::now();
  enqueue([this, steps, done, reached] {
    // Steps here, on the training thread, without snapshots; one at the end.
    const auto begin = Clock::now();
    bool ok = m_sim != nullptr;
    while (ok && !m_sim->finished() && m_sim->stepCount() < steps) {
      if (m_abort || secondsSince(begin) > 600) {
        ok = false;
        break;
      }
      m_sim->step();
    }
    if (m_sim && m_sim->stepCount() >= m_stopAt) m_reachedStop = true;
    m_running = false;
    if (m_sim) publish(true);
    *reached = ok;
    *done = true;
  });
  while (!*done) {
    if (timeoutMs >= 0 && secondsSince(start) * 1000 > timeoutMs) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return *reached;
}

void LabRunner::publish(bool heavy) {
  heavy = heavy || m_wantHeavy;
  const auto begin = Clock::now();
  std::shared_ptr<LabSnapshot> snap = m_sim->snapshot(heavy);
  if (heavy) {
    m_heavySeconds = secondsSince(begin);
    m_sinceHeavy = 0;
    m_wantHeavy = false;
  }
  snap->generation = m_simGeneration;
  snap->running = m_running.load();
  snap->reachedStop = m_reachedStop;
  m_reachedStop = false;
  m_lastPublish = Clock::now();
  m_delivering = true;
  std::shared_ptr<const LabSnapshot> out = std::move(snap);
  QMetaObject::invokeMethod(
      this,
      [this, out] {
        {
          std::lock_guard lock(m_mutex);
          m_delivering = false;
        }
        m_wake.notify_all();
        if (out->generation == m_generation.load()) emit snapshotReady(out);
      },
      Qt::QueuedConnection);
}

double LabRunner::tokensAt(Clock::time_point now) const {
  const double dt = std::chrono::duration<double>(now - m_lastRefill).count();
  return std::min(m_tokens + dt * m_speed, std::max(1.0, 0.05 * m_speed));
}

bool LabRunner::takeToken(Clock::time_point now) {
  if (m_speed <= 0) return true;
  m_tokens = tokensAt(now);
  m_lastRefill = now;
  if (m_tokens < 1.0) return false;
  m_tokens -= 1.0;
  return true;
}

bool LabRunner::takeSingleStep(bool* evaluated) {
  if (m_sim->finished()) {
    m_singleSteps = 0;  // nothing left to step
    return false;
  }
  --m_singleSteps;
  *evaluated = m_sim->step();
  // The last of the single steps gets the full picture when that is cheap.
  m_wantHeavy = m_wantHeavy || (m_singleSteps == 0 && m_heavySeconds < 0.2);
  if (m_sim->takeStopRequest() || m_sim->finished()) {
    m_singleSteps = 0;
    m_wantHeavy = true;
  }
  return true;
}

bool LabRunner::stepDue(Clock::time_point now) const {
  if (!m_sim) return false;
  if (!m_running) return m_singleSteps > 0;
  if (m_sim->finished()) return true;  // (the loop then stops the clock)
  return m_speed <= 0 || tokensAt(now) >= 1.0;
}

bool LabRunner::publishDue(Clock::time_point now, bool dirty) const {
  if (!m_sim || m_delivering) return false;  // (the delivery wakes the thread)
  if (m_wantHeavy) return true;
  if (!dirty && m_sim->refreshSeconds() != 0) return false;
  // While training, at most at the simulation's rate; paused, at once.
  return !m_running || now - m_lastPublish >= seconds(m_sim->snapshotSeconds());
}

LabRunner::Clock::time_point LabRunner::nextWake(Clock::time_point now, bool dirty) const {
  auto until = Clock::time_point::max();
  if (!m_sim) return until;
  if (m_running && m_speed > 0) until = std::min(until, now + seconds((1.0 - m_tokens) / m_speed));
  // A snapshot held back by the rate (not by the window: its delivery wakes the thread).
  if (dirty && !m_delivering) until = std::min(until, m_lastPublish + seconds(m_sim->snapshotSeconds()));
  if (const double refresh = m_sim->refreshSeconds(); refresh >= 0 && !m_delivering)
    until = std::min(until, std::max(now + seconds(refresh), m_lastPublish + seconds(m_sim->snapshotSeconds())));
  return until;
}

void LabRunner::loop() {
  bool dirty = false;  // something changed that the window has not seen
  for (;;) {
    std::deque<std::function<void()>> commands;
    {
      std::unique_lock lock(m_mutex);
      for (;;) {
        if (m_abort) return;
        if (!m_commands.empty()) break;
        const auto now = Clock::now();
        if (stepDue(now) || publishDue(now, dirty)) break;
        const auto until = nextWake(now, dirty);
        if (until == Clock::time_point::max())
          m_wake.wait(lock);
        else
          m_wake.wait_until(lock, std::max(until, now + std::chrono::microseconds(200)));
      }
      commands.swap(m_commands);
    }
    for (auto& c : commands) {
      // Single steps asked for before this command are taken before it (→ then a new network: the
      // step belongs to the old one, as it was asked for).
      bool evaluated = false;
      while (m_sim && !m_running && m_singleSteps > 0)
        if (takeSingleStep(&evaluated)) dirty = true;
      c();
      dirty = true;
      // In order: a play asked for after a command that stopped training (a load) plays.
      if (m_sim && m_sim->takeStopRequest()) {
        m_running = false;
        m_singleSteps = 0;
        m_wantHeavy = true;
      }
    }
    if (!m_sim) {
      dirty = false;
      continue;
    }
    const auto begin = Clock::now();
    bool evaluated = false;
    if (!m_running && m_singleSteps > 0) {
      if (takeSingleStep(&evaluated)) dirty = true;
    } else if (m_running && m_sim->finished()) {
      m_running = false;
      m_wantHeavy = true;
      dirty = true;
    } else if (m_running && takeToken(begin)) {
      evaluated = m_sim->step();
      dirty = true;
      if (m_stopAt > 0 && m_sim->stepCount() == m_stopAt) {
        m_running = false;
        m_reachedStop = true;
        m_wantHeavy = true;
      }
      if (m_sim->takeStopRequest() || m_sim->finished()) {
        m_running = false;
        m_wantHeavy = true;
      }
    }
    const double spent = secondsSince(begin);
    m_sinceHeavy += spent;
    // The costly part of a snapshot takes at most a fifth of the time.
    if (evaluated && m_sinceHeavy >= std::max(1.0, 4 * m_heavySeconds)) m_wantHeavy = true;
    if (publishDue(Clock::now(), dirty)) {
      publish(false);
      dirty = false;
    }
  }
}

}  // namespace dlui
