// Deterministic row-split products; see Gemm.h for why the split is by rows in 48-row blocks.
#include "core/Gemm.h"

#include "core/Parallel.h"

#include <algorithm>

namespace dl {

namespace {
constexpr Index kRowAlign = 48;  // multiple of Eigen's float/double micro-panel heights
constexpr Index kMinRowsToSplit = 128;
constexpr double kMinMacsToSplit = 1 << 20;
// Deeper products are summed over equal k-chunks of at most this depth (multiples of 8). Eigen 3.4
// multiplies the L1 size by 4 under AVX-512 (GeneralBlockPanelKernel.h) and then stops blocking k
// below ~900: its 48×k lhs micro-panels spill L1, and the 784-deep first layer of an MNIST-sized
// network ran at half speed on Zen 4. Without AVX-512 Eigen blocks k below ~290 itself.
constexpr Index kMaxDepth = 256;

template <typename Dst, typename L, typename R>
void product(Dst&& dst, const L& lhs, const R& rhs, bool accumulate) {
  if (accumulate)
    dst.noalias() += lhs * rhs;
  else
    dst.noalias() = lhs * rhs;
}

// Rows [r0, r0+len) of op(A)·op(B), over k-chunks [k0, k0+kl) in order: the chunking depends on
// k only, so results stay identical for every thread count.
void blockProduct(Eigen::Ref<Matrix>& dst, const Eigen::Ref<const Matrix>& A, Trans ta,
                  const Eigen::Ref<const Matrix>& B, Trans tb, bool accumulate, Index r0, Index len) {
  auto d = dst.middleRows(r0, len);
  const Index k = (ta == Trans::No) ? A.cols() : A.rows();
  const Index chunks = std::max<Index>(1, (k + kMaxDepth - 1) / kMaxDepth);
  const Index depth = chunks == 1 ? k : ((k + chunks - 1) / chunks + 7) / 8 * 8;
  for (Index k0 = 0; k0 < k || k0 == 0; k0 += depth) {
    const Index kl = std::min(depth, k - k0);
    const bool acc = accumulate || k0 > 0;
    if (ta == Trans::No) {
      auto a = A.block(r0, k0, len, kl);
      if (tb == Trans::No)
        product(d, a, B.middleRows(k0, kl), acc);
      else
        product(d, a, B.middleCols(k0, kl).transpose(), acc);
    } else {
      auto a = A.block(k0, r0, kl, len).transpose();
      if (tb == Trans::No)
        product(d, a, B.middleRows(k0, kl), acc);
      else
        product(d, a, B.middleCols(k0, kl).transpose(), acc);
    }
    if (k == 0) break;
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

void gemm(Eigen::Ref<Matrix> dst, const Eigen::Ref<const Matrix>& A, Trans ta, const Eigen::Ref<const Matrix>& B,
          Trans tb, bool accumulate) {
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
