// PCA to two dimensions with a fixed sign convention.
#include "seq/Projection.h"

#include <Eigen/Eigenvalues>

namespace dl {

Projection2d projectPca2d(const Matrix& points, const Matrix* reference) {
  const Index d = points.rows(), n = points.cols();
  Projection2d p;
  p.mean = n > 0 ? Vector(points.rowwise().mean()) : Vector::Zero(d);
  p.axes = Matrix::Zero(d, 2);
  p.variance = Vector::Zero(2);
  p.coordinates = Matrix::Zero(2, n);
  if (n < 2 || d < 2) {
    for (Index k = 0; k < std::min<Index>(d, 2); ++k) p.axes(k, k) = 1;
    return p;
  }
  // In double: a covariance of nearly equal float vectors loses digits otherwise.
  const Eigen::MatrixXd centred = (points.cast<double>().colwise() - p.mean.cast<double>());  // (D, N)
  const Eigen::MatrixXd cov = centred * centred.transpose() / static_cast<double>(n);         // (D, D)
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(cov);
  // Eigenvalues come in increasing order: the last two columns are the principal axes.
  for (int k = 0; k < 2; ++k) {
    Eigen::VectorXd axis = solver.eigenvectors().col(d - 1 - k);
    double sign = 1.0;
    if (reference && reference->rows() == d && reference->cols() == 2) {
      sign = axis.dot(reference->col(k).cast<double>()) < 0.0 ? -1.0 : 1.0;
    } else {
      Index largest = 0;
      for (Index i = 1; i < d; ++i)
        if (std::abs(axis(i)) > std::abs(axis(largest))) largest = i;
      sign = axis(largest) < 0.0 ? -1.0 : 1.0;
    }
    axis *= sign;
    p.axes.col(k) = axis.cast<Scalar>();
    p.variance(k) = static_cast<Scalar>(std::max(solver.eigenvalues()(d - 1 - k), 0.0));
  }
  p.coordinates = (p.axes.cast<double>().transpose() * centred).cast<Scalar>();
  return p;
}

}  // namespace dl
