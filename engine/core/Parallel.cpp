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
thread_local int t_limit = 0;  // 0: no ThreadCountScope on this thread
}  // namespace

void setThreadCount(int n) {
  n = std::max(1, n);
  g_threads.store(n, std::memory_order_relaxed);
#ifdef _OPENMP
  omp_set_num_threads(n);
#endif
}

int threadCount() {
  const int all = g_threads.load(std::memory_order_relaxed);
  return t_limit > 0 ? std::min(all, t_limit) : all;
}

ThreadCountScope::ThreadCountScope(int n) : m_previous(t_limit) { t_limit = std::max(1, n); }
ThreadCountScope::~ThreadCountScope() { t_limit = m_previous; }

bool inParallelRegion() {
#ifdef _OPENMP
  return omp_in_parallel() != 0;
#else
  return false;  // built without OpenMP (the ThreadSanitizer configuration): everything is serial
#endif
}

}  // namespace dl
