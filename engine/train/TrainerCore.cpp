// The set-up and bookkeeping the labs' trainers share (train/TrainerCore.h).
#include "train/TrainerCore.h"

#include <cmath>
#include <numeric>
#include <stdexcept>

namespace dl {

void TrainerCore::start(Network& net, const InitConfig& init, std::uint64_t seed, const OptimizerConfig& optimizer,
                        const ScheduleConfig& schedule, Index trainSize) {
  Rng rng(seed);
  net.initialize(init, rng);
  net.dropoutRng().reseed(seed ^ 0x5851f42d4c957f2dULL);
  m_shuffleRng.reseed(seed ^ 0x9e3779b97f4a7c15ULL);
  restart(optimizer, schedule, net.params().size(), trainSize);
}

void TrainerCore::restart(const OptimizerConfig& optimizer, const ScheduleConfig& schedule, Index paramCount,
                          Index trainSize) {
  m_optimizer = makeOptimizer(optimizer);
  m_optimizer->reset(paramCount);
  m_schedule = makeSchedule(schedule);
  m_order.resize(static_cast<std::size_t>(trainSize));
  std::iota(m_order.begin(), m_order.end(), Index(0));
  m_cursor = trainSize;  // the first batch starts an epoch with a shuffle
  m_epoch = 0;
}

std::span<const Index> TrainerCore::nextBatch(Index batchSize, Index minBatch) {
  const Index n = static_cast<Index>(m_order.size());
  if (n - m_cursor < minBatch) {
    for (Index i = n - 1; i > 0; --i)
      std::swap(m_order[static_cast<std::size_t>(i)], m_order[m_shuffleRng.below(static_cast<std::uint64_t>(i + 1))]);
    m_cursor = 0;
    ++m_epoch;
  }
  const Index len = std::min(std::min(batchSize, n), n - m_cursor);
  const std::span<const Index> batch(m_order.data() + m_cursor, static_cast<std::size_t>(len));
  m_cursor += len;
  return batch;
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
