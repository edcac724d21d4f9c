// The CNN lab's simulation (labs/cnn/CnnSimulation.h).
#include "labs/cnn/CnnSimulation.h"

#include <algorithm>

namespace dlui {

CnnSimulation::CnnSimulation(std::vector<std::unique_ptr<dl::CnnTrainer>> trainers)
    : m_trainers(std::move(trainers)), m_pending(m_trainers.size()) {}

bool CnnSimulation::step() {
  bool evaluated = false;
  for (std::size_t i = 0; i < m_trainers.size(); ++i) {
    dl::CnnTrainer& t = *m_trainers[i];
    if (t.diverged()) continue;
    m_pending[i].steps.push_back(t.step());
    evaluated = evaluated || m_pending[i].steps.back().evaluated;
  }
  return evaluated;
}

long long CnnSimulation::stepCount() const {
  return lockstepStepCount(m_trainers.size(), [this](std::size_t i) -> const dl::CnnTrainer& { return *m_trainers[i]; });
}

bool CnnSimulation::finished() const {
  return std::all_of(m_trainers.begin(), m_trainers.end(), [](const auto& t) { return t->diverged(); });
}

dl::CnnTrainer* CnnSimulation::trainer(int run) {
  if (run < 0 || static_cast<std::size_t>(run) >= m_trainers.size()) return nullptr;
  return m_trainers[static_cast<std::size_t>(run)].get();
}

std::shared_ptr<const CnnTestReport> CnnSimulation::testReport(const dl::CnnTrainer& t) const {
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

std::shared_ptr<LabSnapshot> CnnSimulation::snapshot(bool heavy) {
  auto snap = std::make_shared<CnnSnapshot>();
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
    if (heavy && !t.diverged()) s.test = testReport(t);
  }
  snap->runs = std::move(m_pending);
  m_pending.assign(m_trainers.size(), CnnRunState{});
  return snap;
}

}  // namespace dlui
