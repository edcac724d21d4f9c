// The set-up and bookkeeping the labs' trainers share (train/TrainerCore.h).
#include "train/TrainerCore.h"

#include <cmath>
#include <stdexcept>

namespace dl {

void TrainerCore::start(Network& net, const InitConfig& init, std::uint64_t seed, const OptimizerConfig& optimizer,
                        const ScheduleConfig& schedule, Index trainSize) {
  Rng rng(seed);
  net.initialize(init, rng);
  net.dropoutRng().reseed(seed ^ 0x5851f42d4c957f2dULL);
  m_batches.seed(seed);
  restart(optimizer, schedule, net.params().size(), trainSize);
}

void TrainerCore::restart(const OptimizerConfig& optimizer, const ScheduleConfig& schedule, Index paramCount,
                          Index trainSize) {
  m_optimizer = makeOptimizer(optimizer);
  m_optimizer->reset(paramCount);
  m_schedule = makeSchedule(schedule);
  m_batches.reset(trainSize);  // epoch 1 starts with a shuffle
}

void TrainerCore::requireFinite() const {
  if (m_divergence) throw std::logic_error("training diverged (" + m_divergence->describe() + ")");
}

void TrainerCore::diverge(long long step, int layer, std::string quantity) {
  m_divergence = Divergence{step, layer, std::move(quantity)};
}

void TrainerCore::update(Network& net, const Vector& g, double lr) {
  m_backup = net.params();
  m_optimizer->step(VectorMap(net.params().data(), net.params().size()), ConstVectorMap(g.data(), g.size()),
                    static_cast<Scalar>(lr));
}

void TrainerCore::rollBack(Network& net, long long step, int layer) {
  net.params() = m_backup;  // keep the last finite weights
  diverge(step, layer, "weights");
}

void TrainerCore::validated(double loss, long long step, int layers) {
  if (std::isfinite(loss))
    m_schedule->onValidation(loss);
  else
    diverge(step, layers, "loss");
}

int TrainerCore::nonFiniteLayer(const Network& net) {
  for (int l = 0; l < net.layerCount(); ++l) {
    const ParamRange& a = net.layer(l).all;
    if (!net.params().segment(a.offset, a.size).allFinite()) return l + 1;
  }
  return 0;
}

}  // namespace dl
