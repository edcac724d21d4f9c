// The activation layer's passes: the maths is the policy's (engine/act), forward and backward
// side by side there.
#include "nn/ActivationLayer.h"

#include <stdexcept>

namespace dl {

ActivationLayer::ActivationLayer(Shape in, const LayerConfig& c, const std::string& field)
    : Layer(in), m_act(makeActivation(c, field)) {
  if (m_act->pieces() != 1)  // a spec error of the program, not of a user's file
    throw std::invalid_argument(field + ": maxout changes the shape and is the \"maxout\" layer");
}

void ActivationLayer::initialize(const InitConfig&, Rng&, std::span<Scalar> params, std::span<Scalar>) const {
  if (!params.empty()) m_act->initParams(params.data(), inputShape().size());
}

const Matrix& ActivationLayer::forward(const Matrix& x, const Pass&, std::span<const Scalar> params,
                                       std::span<Scalar>) {
  m_act->forward(x, m_y, params.data());
  return m_y;
}

// dx = f'(x) ⊙ dy; PReLU: ∂L/∂a_u = Σ_b dy·min(x, 0)
const Matrix& ActivationLayer::backward(const Matrix& x, const Matrix& dy, std::span<const Scalar> params,
                                        std::span<Scalar> grads, bool) {
  Scalar* g = grads.empty() ? nullptr : grads.data();
  if (g) VectorMap(g, static_cast<Index>(grads.size())).setZero();  // the policy adds into it
  m_act->backward(x, m_y, dy, m_dx, params.data(), g);
  return m_dx;
}

const Matrix& ActivationLayer::infer(const Matrix& x, Matrix& out, std::span<const Scalar> params,
                                     std::span<const Scalar>) const {
  m_act->forward(x, out, params.data());
  return out;
}

}  // namespace dl
