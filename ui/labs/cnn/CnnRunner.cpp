// The CNN lab's training thread (labs/cnn/CnnRunner.h).
#include "labs/cnn/CnnRunner.h"

#include <QMetaObject>

#include <algorithm>
#include <chrono>
#include <numeric>

namespace dlui {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

constexpr double kPublishSeconds = 0.05;  // about 20 snapshots a second at most

}  // namespace

CnnRunner::CnnRunner(QObject* parent) : QObject(parent) {
  qRegisterMetaType<std::shared_ptr<const CnnSnapshot>>();
  m_thread = std::thread([this] { loop(); });
}

CnnRunner::~CnnRunner() {
  {
    std::lock_guard lock(m_mutex);
    m_abort = true;
  }
  m_wake.notify_all();
  m_thread.join();
}

void CnnRunner::post(std::function<void()> command) {
  {
    std::lock_guard lock(m_mutex);
    m_commands.push_back(std::move(command));
  }
  m_wake.notify_all();
}

quint64 CnnRunner::setTrainers(std::vector<std::unique_ptr<dl::CnnTrainer>> trainers, long long stopAt) {
  const quint64 generation = ++m_generation;
  m_running = false;
  auto shared = std::make_shared<std::vector<std::unique_ptr<dl::CnnTrainer>>>(std::move(trainers));
  post([this, shared, stopAt] {
    m_trainers = std::move(*shared);
    m_pending.assign(m_trainers.size(), CnnRunState{});
    m_stopAt = stopAt;
    m_reachedStop = false;
    m_singleSteps = 0;
    m_wantTests = true;  // the untrained network's picture: chance accuracy, its confusion
    m_testSeconds = 0;
    m_sinceTests = 1e9;
  });
  return generation;
}

void CnnRunner::setRunning(bool on) {
  m_running = on;
  post([this, on] {
    if (!on) m_wantTests = true;  // paused: the test numbers of where it stopped
  });
}

void CnnRunner::stepOnce() {
  m_running = false;
  post([this] { ++m_singleSteps; });
}

void CnnRunner::setFrozen(int run, int layer, bool frozen) {
  post([this, run, layer, frozen] {
    if (run < 0 || static_cast<std::size_t>(run) >= m_trainers.size()) return;
    m_trainers[static_cast<std::size_t>(run)]->setFrozen(layer, frozen);
  });
}

void CnnRunner::reinitialize(int run, int layer, std::uint64_t seed) {
  post([this, run, layer, seed] {
    if (run < 0 || static_cast<std::size_t>(run) >= m_trainers.size()) return;
    m_trainers[static_cast<std::size_t>(run)]->reinitializeLayer(layer, seed);
    m_wantTests = true;
  });
}

bool CnnRunner::runTo(long long steps, int timeoutMs) {
  auto done = std::make_shared<std::atomic<bool>>(false);
  auto reached = std::make_shared<std::atomic<bool>>(false);
  const auto start = Clock::now();
  post([this, steps, done, reached] {
    // Steps here, on the training thread, without snapshots; one at the end.
    const auto begin = Clock::now();
    bool ok = true;
    for (;;) {
      bool all = true;
      for (auto& t : m_trainers)
        if (!t->diverged() && t->stepCount() < steps) all = false;
      if (all) break;
      if (m_abort || secondsSince(begin) > 600) {
        ok = false;
        break;
      }
      for (std::size_t i = 0; i < m_trainers.size(); ++i) {
        dl::CnnTrainer& t = *m_trainers[i];
        if (t.diverged() || t.stepCount() >= steps) continue;
        m_pending[i].steps.push_back(t.step());
      }
    }
    if (std::all_of(m_trainers.begin(), m_trainers.end(), [&](const auto& t) { return t->stepCount() >= m_stopAt; }))
      m_reachedStop = true;
    m_running = false;
    publish(true);
    *reached = ok;
    *done = true;
  });
  while (!*done) {
    if (timeoutMs >= 0 && secondsSince(start) * 1000 > timeoutMs) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return *reached;
}

std::shared_ptr<const CnnTestReport> CnnRunner::testReport(const dl::CnnTrainer& t) const {
  auto r = std::make_shared<CnnTestReport>();
  r->step = t.stepCount();
  const dl::Dataset& test = t.data().parts.test;
  const dl::Matrix probs = t.probabilities(dl::CnnSplit::Test);
  const int k = static_cast<int>(probs.rows());
  r->confusion = Eigen::MatrixXi::Zero(k, k);
  Eigen::Index correct = 0;
  std::vector<std::pair<float, dl::Index>> wrong;  // (confidence of the wrong answer, index)
  for (dl::Index i = 0; i < probs.cols(); ++i) {
    Eigen::Index q = 0;
    const float p = probs.col(i).maxCoeff(&q);
    const int truth = test.labels[static_cast<std::size_t>(i)];
    if (truth >= 0 && truth < k) ++r->confusion(truth, static_cast<int>(q));
    if (truth == q)
      ++correct;
    else
      wrong.emplace_back(p, i);
  }
  r->accuracy = probs.cols() > 0 ? static_cast<double>(correct) / static_cast<double>(probs.cols()) : 0;
  std::stable_sort(wrong.begin(), wrong.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  if (wrong.size() > CnnTestReport::kMaxMisses) wrong.resize(CnnTestReport::kMaxMisses);
  for (const auto& [p, i] : wrong) {
    CnnTestReport::Miss m;
    m.index = i;
    m.truth = test.labels[static_cast<std::size_t>(i)];
    Eigen::Index q = 0;
    probs.col(i).maxCoeff(&q);
    m.predicted = static_cast<int>(q);
    m.probabilities.assign(probs.col(i).data(), probs.col(i).data() + k);
    r->misses.push_back(std::move(m));
  }
  const dl::ImageChange change = t.testChange();
  if (!change.none()) r->changedAccuracy = t.evaluate(dl::CnnSplit::Test, change).accuracy;
  return r;
}

void CnnRunner::publish(bool forceTests) {
  auto snap = std::make_shared<CnnSnapshot>();
  snap->generation = m_generation.load();
  snap->running = m_running.load();
  snap->reachedStop = m_reachedStop;
  m_reachedStop = false;
  const bool tests = forceTests || m_wantTests;
  const auto begin = Clock::now();
  for (std::size_t i = 0; i < m_trainers.size(); ++i) {
    const dl::CnnTrainer& t = *m_trainers[i];
    CnnRunState& s = m_pending[i];
    s.params = t.network().params();
    s.buffers = t.network().buffers();
    s.step = t.stepCount();
    s.epoch = t.epoch();
    s.divergence = t.divergence();
    s.frozen.resize(static_cast<std::size_t>(t.network().layerCount()));
    for (int l = 0; l < t.network().layerCount(); ++l) s.frozen[static_cast<std::size_t>(l)] = t.frozen(l);
    if (tests && !t.diverged()) s.test = testReport(t);
  }
  if (tests) {
    m_testSeconds = secondsSince(begin);
    m_sinceTests = 0;
    m_wantTests = false;
  }
  snap->runs = std::move(m_pending);
  m_pending.assign(m_trainers.size(), CnnRunState{});
  m_sincePublish = 0;
  m_delivering = true;
  QMetaObject::invokeMethod(
      this,
      [this, snap] {
        {
          std::lock_guard lock(m_mutex);
          m_delivering = false;
        }
        m_wake.notify_all();
        if (snap->generation == m_generation.load()) emit snapshotReady(snap);
      },
      Qt::QueuedConnection);
}

void CnnRunner::loop() {
  bool dirty = false;  // something changed that the window has not seen
  for (;;) {
    std::deque<std::function<void()>> commands;
    {
      std::unique_lock lock(m_mutex);
      m_wake.wait(lock, [&] {
        return m_abort || !m_commands.empty() || ((m_running || m_singleSteps > 0) && !m_trainers.empty()) ||
               ((dirty || m_wantTests) && !m_delivering && !m_trainers.empty());
      });
      if (m_abort) return;
      commands.swap(m_commands);
    }
    for (auto& c : commands) {
      c();
      dirty = true;
    }
    const auto begin = Clock::now();
    const bool single = !m_running && m_singleSteps > 0;
    const bool step = (m_running || single) && !m_trainers.empty();
    bool evaluated = false;
    if (step) {
      for (std::size_t i = 0; i < m_trainers.size(); ++i) {
        dl::CnnTrainer& t = *m_trainers[i];
        if (t.diverged()) continue;
        m_pending[i].steps.push_back(t.step());
        evaluated = evaluated || m_pending[i].steps.back().evaluated;
      }
      dirty = true;
      const bool allStopped =
          std::all_of(m_trainers.begin(), m_trainers.end(), [](const auto& t) { return t->diverged(); });
      const bool atStop = m_stopAt > 0 && std::all_of(m_trainers.begin(), m_trainers.end(), [&](const auto& t) {
                            return t->diverged() || t->stepCount() == m_stopAt;
                          });
      if (single) {
        --m_singleSteps;
        m_wantTests = m_wantTests || (m_singleSteps == 0 && m_testSeconds < 0.2);
      }
      if (atStop && m_running) {
        m_running = false;
        m_reachedStop = true;
        m_wantTests = true;
      }
      if (allStopped) {
        m_running = false;
        m_wantTests = true;
      }
    }
    const double spent = secondsSince(begin);
    m_sincePublish += spent;
    m_sinceTests += spent;
    // A test report costs a pass over the test part: at most a fifth of the time goes there.
    if (evaluated && m_sinceTests >= std::max(1.0, 4 * m_testSeconds)) m_wantTests = true;
    if (dirty && !m_delivering && (m_sincePublish >= kPublishSeconds || !m_running)) {
      publish(false);
      dirty = false;
    }
  }
}

}  // namespace dlui
