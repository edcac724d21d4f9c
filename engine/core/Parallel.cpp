// Thread control: a thin wrapper over OpenMP so the rest of the engine never includes omp.h.
#include "core/Parallel.h"

#ifdef _OPENMP
#include <omp.h>
#endif

#include <algorithm>
#include <atomic>

namespace dl {

namespace {
std::atomic<int> g_threads{1};
}

void setThreadCount(int n) {
  n = std::max(1, n);
  g_threads.store(n, std::memory_order_relaxed);
#ifdef _OPENMP
  omp_set_num_threads(n);
#endif
}

int threadCount() { return g_threads.load(std::memory_order_relaxed); }

bool inParallelRegion() {
#ifdef _OPENMP
  return omp_in_parallel() != 0;
#else
  return false;  // built without OpenMP (the ThreadSanitizer configuration): everything is serial
#endif
}

}  // namespace dl
