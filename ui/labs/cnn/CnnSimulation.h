// The CNN lab's simulation: one or two CnnTrainers (the run and the run it is compared with)
// stepped in lockstep on the labs' shared training thread (session/LabRunner.h), so the window stays
// responsive while a CNN trains flat out. Its heavy snapshots carry test reports.
#pragma once

#include "cnn/CnnTrainer.h"
#include "session/LabRunner.h"

#include <memory>
#include <optional>
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

struct CnnSnapshot : LabSnapshot {
  std::vector<CnnRunState> runs;
};

// The runs as the shared training thread drives them (session/LabRunner.h).
class CnnSimulation : public Simulation {
public:
  explicit CnnSimulation(std::vector<std::unique_ptr<dl::CnnTrainer>> trainers);
  bool step() override;
  long long stepCount() const override;
  bool finished() const override;
  std::shared_ptr<LabSnapshot> snapshot(bool heavy) override;  // heavy: with test reports
  dl::CnnTrainer* trainer(int run);  // null for a run that does not exist

private:
  std::shared_ptr<const CnnTestReport> testReport(const dl::CnnTrainer& t) const;
  std::vector<std::unique_ptr<dl::CnnTrainer>> m_trainers;
  std::vector<CnnRunState> m_pending;
};


}  // namespace dlui

