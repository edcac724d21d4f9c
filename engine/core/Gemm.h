// Matrix products for the training step: dst = op(A)·op(B) (or dst += ...).
//
// Large products are split by ROWS of dst across OpenMP threads, in blocks whose boundaries are
// multiples of 48 rows, each block computed by single-threaded Eigen. Every element of dst is then
// reduced in exactly the same order as in the unsplit product, so 1 and 2 threads give bitwise
// identical results (tst_gemm checks it). Small products — below ~1 M multiply-adds or 128 rows —
// are never split: ../shared/perf/README.md shows Eigen slowing down when it splits them.
#pragma once

#include "core/Types.h"

namespace dl {

enum class Trans { No, Yes };

// dst must already have the shape of op(A)·op(B). With accumulate, adds instead of assigning.
void gemm(Eigen::Ref<Matrix> dst, const Eigen::Ref<const Matrix>& A, Trans ta, const Eigen::Ref<const Matrix>& B,
          Trans tb, bool accumulate = false);

// The row blocks gemm() would use for an (m, n, k) product with `threads` threads: the number
// of blocks (1 = not split). Exposed for tests and the benchmark.
int gemmBlocks(Index m, Index n, Index k, int threads);

}  // namespace dl
