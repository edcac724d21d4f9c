// A 2-D picture of high-dimensional vectors by principal component analysis (Pearson 1901;
// Hotelling 1933): the plane through their mean along which they vary most.
#pragma once

#include "core/Types.h"

namespace dl {

struct Projection2d {
  Vector mean;         // (D) of the points
  Matrix axes;         // (D, 2): unit eigenvectors of the covariance, largest eigenvalue first
  Vector variance;     // (2): the eigenvalues, the variance along each axis
  Matrix coordinates;  // (2, N): axesᵀ·(x_n − mean)
};

// PCA of the N columns of `points` (D, N) through Eigen's SelfAdjointEigenSolver on the D × D
// covariance (1/N)·Σ (x − mean)(x − mean)ᵀ.
//
// An eigenvector's sign is arbitrary, so it is fixed, or the picture would flip at random between
// updates of a training run: without `reference`, each axis points so that its entry of largest
// magnitude is positive (the first such entry on a tie); with `reference` (D, 2) — the axes of the
// previous picture — each axis points so that its dot product with the reference axis is ≥ 0, which
// keeps a live picture continuous even when the largest entry moves to another coordinate.
// With fewer than 2 points, or D < 2, axes are the first unit vectors (or zero) and coordinates 0.
// For a picture of word vectors, pass WordVectors::unit (seq/SkipGram.h): normalised, so that a
// frequent word's long vector does not stretch the picture, and distances follow cosine similarity.
Projection2d projectPca2d(const Matrix& points, const Matrix* reference = nullptr);

}  // namespace dl
