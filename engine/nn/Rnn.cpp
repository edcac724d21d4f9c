// The tanh RNN's step. Shapes per step: z_t, h_t (H, B).
#include "nn/Rnn.h"

namespace dl {

// z_t = W·x_t + b + U·h_{t−1};  h_t = tanh(z_t)
void Rnn::stepForward(Index t, Workspace& ws, std::span<const Scalar> params) const {
  const Index B = ws.z.cols() / steps();
  addRecurrentProduct(t, ws, params);
  auto z = block(ws.z, t, B);
  z = z.array().tanh().matrix();
  block(ws.h, t + 1, B) = z;
}

// ∂z_t = ∂h_t ⊙ (1 − h_t²); everything reaches h_{t−1} through U.
void Rnn::stepBackward(Index t, const Workspace& ws, std::span<const Scalar>, Matrix& dh, Matrix&,
                       Eigen::Ref<Matrix> dzx, Eigen::Ref<Matrix>) const {
  const Index B = dh.cols();
  const auto h = block(ws.z, t, B).array();
  dzx = (dh.array() * (Scalar(1) - h.square())).matrix();
  dh.setZero();
}

}  // namespace dl
