// Thread control: a thin wrapper over OpenMP so the rest of the engine never includes omp.h.
#include "core/Parallel.h"

#include <omp.h>

#include <algorithm>
#include <atomic>

namespace dl {

namespace {
std::atomic<int> g_threads{1};
}

void setThreadCount(int n) {
  n = std::max(1, n);
  g_threads.store(n, std::memory_order_relaxed);
  omp_set_num_threads(n);
}

int threadCount() { return g_threads.load(std::memory_order_relaxed); }

bool inParallelRegion() { return omp_in_parallel() != 0; }

}  // namespace dl
