// The labs' training thread (session/LabRunner.h).
#include "session/LabRunner.h"

#include <QMetaObject>

#include <algorithm>
#include <chrono>

namespace dlui {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

constexpr double kPublishSeconds = 0.05;  // about 20 snapshots a second at most

}  // namespace

LabRunner::LabRunner(QObject* parent) : QObject(parent) {
  qRegisterMetaType<std::shared_ptr<const LabSnapshot>>();
  m_thread = std::thread([this] { loop(); });
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
    if (!on) m_wantHeavy = true;  // paused: the full picture of where it stopped
  });
}

void LabRunner::stepOnce() {
  m_running = false;
  enqueue([this] { ++m_singleSteps; });
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
  m_sincePublish = 0;
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

void LabRunner::loop() {
  bool dirty = false;  // something changed that the window has not seen
  for (;;) {
    std::deque<std::function<void()>> commands;
    {
      std::unique_lock lock(m_mutex);
      m_wake.wait(lock, [&] {
        return m_abort || !m_commands.empty() || ((m_running || m_singleSteps > 0) && m_sim) ||
               ((dirty || m_wantHeavy) && !m_delivering && m_sim);
      });
      if (m_abort) return;
      commands.swap(m_commands);
    }
    for (auto& c : commands) {
      c();
      dirty = true;
    }
    if (!m_sim) {
      dirty = false;
      continue;
    }
    const auto begin = Clock::now();
    const bool single = !m_running && m_singleSteps > 0;
    bool evaluated = false;
    if ((m_running || single) && !m_sim->finished()) {
      evaluated = m_sim->step();
      dirty = true;
      if (single) {
        --m_singleSteps;
        // The last of the single steps gets the full picture when that is cheap.
        m_wantHeavy = m_wantHeavy || (m_singleSteps == 0 && m_heavySeconds < 0.2);
      }
      if (m_stopAt > 0 && m_running && m_sim->stepCount() == m_stopAt) {
        m_running = false;
        m_reachedStop = true;
        m_wantHeavy = true;
      }
      if (m_sim->finished()) {
        m_running = false;
        m_wantHeavy = true;
      }
    } else if (single) {
      m_singleSteps = 0;  // nothing left to step
    } else if (m_running && m_sim->finished()) {
      m_running = false;
      m_wantHeavy = true;
      dirty = true;
    }
    const double spent = secondsSince(begin);
    m_sincePublish += spent;
    m_sinceHeavy += spent;
    // The costly part of a snapshot takes at most a fifth of the time.
    if (evaluated && m_sinceHeavy >= std::max(1.0, 4 * m_heavySeconds)) m_wantHeavy = true;
    if (dirty && !m_delivering && (m_sincePublish >= kPublishSeconds || !m_running)) {
      publish(false);
      dirty = false;
    }
  }
}

}  // namespace dlui
