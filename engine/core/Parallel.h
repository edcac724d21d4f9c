// Thread control for the engine. All parallel work goes through OpenMP; Eigen itself is built
// single-threaded (EIGEN_DONT_PARALLELIZE) so results never depend on the thread count.
#pragma once

namespace dl {

// Threads the engine may use (>= 1). Applies to every later parallel region of this process.
void setThreadCount(int n);
int threadCount();
// True inside an OpenMP parallel region: nested work then runs serially.
bool inParallelRegion();

}  // namespace dl
