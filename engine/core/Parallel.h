// Thread control for the engine. All parallel work goes through OpenMP; Eigen itself is built
// single-threaded (EIGEN_DONT_PARALLELIZE) so results never depend on the thread count.
#pragma once

namespace dl {

// Threads the engine may use (>= 1). Applies to every later parallel region of this process,
// except on a thread inside a ThreadCountScope.
void setThreadCount(int n);
int threadCount();

// While it lives, the engine uses at most `n` threads for work started on the calling thread
// (its own parallel regions), whatever setThreadCount says: a search runs its trials one per
// thread, each serial, beside a window whose session keeps the process-wide count.
class ThreadCountScope {
public:
  explicit ThreadCountScope(int n);
  ~ThreadCountScope();
  ThreadCountScope(const ThreadCountScope&) = delete;
  ThreadCountScope& operator=(const ThreadCountScope&) = delete;

private:
  int m_previous;
};
// True inside an OpenMP parallel region: nested work then runs serially.
bool inParallelRegion();

}  // namespace dl
