// Deterministic row-split products; see Gemm.h for why the split is by rows in 48-row blocks.
#include "core/Gemm.h"

#include "core/Parallel.h"

#include <algorithm>

namespace dl {

namespace {
constexpr Index kRowAlign = 48;          // multiple of Eigen's float/double micro-panel heights
constexpr Index kMinRowsToSplit = 128;
constexpr double kMinMacsToSplit = 1 << 20;

template <typename Dst, typename L, typename R>
void product(Dst&& dst, const L& lhs, const R& rhs, bool accumulate) {
  if (accumulate)
    dst.noalias() += lhs * rhs;
  else
    dst.noalias() = lhs * rhs;
}

// Rows [r0, r0+len) of op(A)·op(B).
void blockProduct(Eigen::Ref<Matrix>& dst, const Eigen::Ref<const Matrix>& A, Trans ta,
                  const Eigen::Ref<const Matrix>& B, Trans tb, bool accumulate, Index r0, Index len) {
  auto d = dst.middleRows(r0, len);
  if (ta == Trans::No) {
    auto a = A.middleRows(r0, len);
    if (tb == Trans::No) product(d, a, B, accumulate);
    else product(d, a, B.transpose(), accumulate);
  } else {
    auto a = A.middleCols(r0, len).transpose();
    if (tb == Trans::No) product(d, a, B, accumulate);
    else product(d, a, B.transpose(), accumulate);
  }
}
}  // namespace

int gemmBlocks(Index m, Index n, Index k, int threads) {
  if (threads <= 1 || m < kMinRowsToSplit) return 1;
  if (static_cast<double>(m) * static_cast<double>(n) * static_cast<double>(k) < kMinMacsToSplit) return 1;
  const Index perThread = (m + threads - 1) / threads;
  const Index block = ((perThread + kRowAlign - 1) / kRowAlign) * kRowAlign;
  return static_cast<int>((m + block - 1) / block);
}

void gemm(Eigen::Ref<Matrix> dst, const Eigen::Ref<const Matrix>& A, Trans ta,
          const Eigen::Ref<const Matrix>& B, Trans tb, bool accumulate) {
  const Index m = dst.rows();
  const Index n = dst.cols();
  const Index k = (ta == Trans::No) ? A.cols() : A.rows();
  const int threads = inParallelRegion() ? 1 : threadCount();
  const int blocks = gemmBlocks(m, n, k, threads);
  if (blocks <= 1) {
    blockProduct(dst, A, ta, B, tb, accumulate, 0, m);
    return;
  }
  const Index perThread = (m + threads - 1) / threads;
  const Index block = ((perThread + kRowAlign - 1) / kRowAlign) * kRowAlign;
#pragma omp parallel for num_threads(blocks) schedule(static, 1)
  for (int b = 0; b < blocks; ++b) {
    const Index r0 = b * block;
    const Index len = std::min(block, m - r0);
    blockProduct(dst, A, ta, B, tb, accumulate, r0, len);
  }
}

}  // namespace dl
