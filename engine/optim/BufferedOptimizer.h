// The part every optimiser shares: named state buffers of the parameter buffer's size, the step
// counter t, their save/restore, and the element-wise loop that optimisers run over flat spans.
#pragma once

#include "core/Parallel.h"
#include "optim/Optimizer.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace dl {

// A subclass registers pointers to its own state vectors once, in its constructor; reset(),
// state() and setState() then handle them by name. Not copyable (the pointers are to members).
class BufferedOptimizer : public Optimizer {
public:
  BufferedOptimizer(const BufferedOptimizer&) = delete;
  BufferedOptimizer& operator=(const BufferedOptimizer&) = delete;

  void reset(Index n) override;
  OptimizerState state() const override;
  void setState(const OptimizerState& s) override;

protected:
  BufferedOptimizer() = default;
  // Running means of squares are NonNegative: a restored state with a negative one would take the
  // square root of it.
  enum class Sign { Any, NonNegative };
  void addBuffer(const char* name, Vector* buffer, Sign sign = Sign::Any) {
    m_buffers.emplace_back(name, buffer);
    m_signs.push_back(sign);
  }

  Index m_n = 0;      // size of the parameter buffer, from reset()
  long long m_t = 0;  // steps taken; step() increments it before updating, so t starts at 1

private:
  std::vector<std::pair<std::string, Vector*>> m_buffers;
  std::vector<Sign> m_signs;  // per buffer
};

// Runs f(begin, length) over [0, n). Large buffers are cut into fixed chunks shared among the
// engine's threads; every update is element-wise, so the result never depends on the thread count.
template <class F>
void forEachChunk(Index n, F&& f) {
  constexpr Index kParallelAbove = 65536;
  constexpr Index kChunk = 16384;
  if (n <= kParallelAbove || threadCount() == 1 || inParallelRegion()) {
    f(Index(0), n);
    return;
  }
  const Index chunks = (n + kChunk - 1) / kChunk;
#pragma omp parallel for schedule(static)
  for (Index c = 0; c < chunks; ++c) {
    const Index begin = c * kChunk;
    f(begin, std::min(kChunk, n - begin));
  }
}

}  // namespace dl
