// Numeric types and the one batch-layout convention of the engine.
//
// Batch layout, used everywhere: an activation matrix is (features, batch) — one COLUMN per
// sample, column-major (Eigen's default). A dense layer stores W as (out, in), so the forward
// pass is Z = W·X + b·1ᵀ and every sample stays contiguous in memory.
#pragma once

#include <Eigen/Core>

#include <cstdint>

namespace dl {

#ifdef DLPLAY_SCALAR_DOUBLE
using Scalar = double;  // gradient checks
#else
using Scalar = float;  // the product
#endif

using Index = Eigen::Index;
using Matrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;  // (rows, cols)
using Vector = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;
using MatrixMap = Eigen::Map<Matrix>;
using ConstMatrixMap = Eigen::Map<const Matrix>;
using VectorMap = Eigen::Map<Vector>;
using ConstVectorMap = Eigen::Map<const Vector>;

}  // namespace dl
