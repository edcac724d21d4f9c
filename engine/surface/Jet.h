// Second-order forward-mode automatic differentiation in two variables: a Jet carries a value with
// its exact gradient and Hessian, so every surface (and the user's typed function) gets its slope
// and curvature from the chain rule, never from finite differences.
//
// For a function f applied to a jet u:  v = f(u),  ∇ = f'(u)·∇u,  H = f'(u)·Hu + f''(u)·∇u∇uᵀ.
// For a product:  ∇(ab) = a∇b + b∇a,  H(ab) = aHb + bHa + ∇a∇bᵀ + ∇b∇aᵀ.
#pragma once

#include <cmath>

namespace dl::surface {

struct Jet {
  double v = 0, gx = 0, gy = 0, hxx = 0, hxy = 0, hyy = 0;

  // The seeded variables: x with ∂/∂x = 1, y with ∂/∂y = 1.
  static Jet x(double value) { return {value, 1, 0, 0, 0, 0}; }
  static Jet y(double value) { return {value, 0, 1, 0, 0, 0}; }
  static Jet constant(double value) { return {value, 0, 0, 0, 0, 0}; }
  // True when every derivative is zero (a constant sub-expression).
  bool isConstant() const { return gx == 0 && gy == 0 && hxx == 0 && hxy == 0 && hyy == 0; }
};

// f(u) from f(u.v), f'(u.v) and f''(u.v): the chain rule to second order.
inline Jet chain(const Jet& u, double f, double d1, double d2) {
  return {f,
          d1 * u.gx,
          d1 * u.gy,
          d1 * u.hxx + d2 * u.gx * u.gx,
          d1 * u.hxy + d2 * u.gx * u.gy,
          d1 * u.hyy + d2 * u.gy * u.gy};
}

inline Jet operator+(const Jet& a, const Jet& b) {
  return {a.v + b.v, a.gx + b.gx, a.gy + b.gy, a.hxx + b.hxx, a.hxy + b.hxy, a.hyy + b.hyy};
}
inline Jet operator-(const Jet& a, const Jet& b) {
  return {a.v - b.v, a.gx - b.gx, a.gy - b.gy, a.hxx - b.hxx, a.hxy - b.hxy, a.hyy - b.hyy};
}
inline Jet operator-(const Jet& a) { return {-a.v, -a.gx, -a.gy, -a.hxx, -a.hxy, -a.hyy}; }
inline Jet operator*(const Jet& a, const Jet& b) {
  return {a.v * b.v,
          a.gx * b.v + a.v * b.gx,
          a.gy * b.v + a.v * b.gy,
          a.hxx * b.v + a.v * b.hxx + 2 * a.gx * b.gx,
          a.hxy * b.v + a.v * b.hxy + a.gx * b.gy + a.gy * b.gx,
          a.hyy * b.v + a.v * b.hyy + 2 * a.gy * b.gy};
}
// 1/u: f' = −1/u², f'' = 2/u³.
inline Jet reciprocal(const Jet& u) {
  const double r = 1.0 / u.v;
  return chain(u, r, -r * r, 2 * r * r * r);
}
inline Jet operator/(const Jet& a, const Jet& b) { return a * reciprocal(b); }

inline Jet operator+(const Jet& a, double b) { return {a.v + b, a.gx, a.gy, a.hxx, a.hxy, a.hyy}; }
inline Jet operator+(double a, const Jet& b) { return b + a; }
inline Jet operator-(const Jet& a, double b) { return a + (-b); }
inline Jet operator-(double a, const Jet& b) { return -b + a; }
inline Jet operator*(const Jet& a, double b) { return {a.v * b, a.gx * b, a.gy * b, a.hxx * b, a.hxy * b, a.hyy * b}; }
inline Jet operator*(double a, const Jet& b) { return b * a; }
inline Jet operator/(const Jet& a, double b) { return a * (1.0 / b); }
inline Jet operator/(double a, const Jet& b) { return a * reciprocal(b); }

inline Jet exp(const Jet& u) {
  const double e = std::exp(u.v);
  return chain(u, e, e, e);
}
inline Jet log(const Jet& u) { return chain(u, std::log(u.v), 1.0 / u.v, -1.0 / (u.v * u.v)); }
inline Jet sqrt(const Jet& u) {
  const double s = std::sqrt(u.v);
  return chain(u, s, 0.5 / s, -0.25 / (s * u.v));
}
// u^p for a constant p: f' = p·u^(p−1), f'' = p(p−1)·u^(p−2). Integer powers of negative u work
// (std::pow); u^0 is 1 with zero derivatives, 0^1 has slope 1.
inline Jet pow(const Jet& u, double p) {
  if (p == 0) return Jet::constant(1.0);
  if (p == 1) return u;
  if (p == 2) return u * u;
  return chain(u, std::pow(u.v, p), p * std::pow(u.v, p - 1), p * (p - 1) * std::pow(u.v, p - 2));
}
// u^w for a varying exponent: exp(w·log u) (u > 0); a constant exponent takes the power rule, so
// (−2)^3 stays −8.
inline Jet pow(const Jet& u, const Jet& w) {
  if (w.isConstant()) return pow(u, w.v);
  return exp(w * log(u));
}
inline Jet sin(const Jet& u) {
  const double s = std::sin(u.v);
  return chain(u, s, std::cos(u.v), -s);
}
inline Jet cos(const Jet& u) {
  const double c = std::cos(u.v);
  return chain(u, c, -std::sin(u.v), -c);
}
// tan: f' = 1 + t², f'' = 2t(1 + t²).
inline Jet tan(const Jet& u) {
  const double t = std::tan(u.v);
  return chain(u, t, 1 + t * t, 2 * t * (1 + t * t));
}
// tanh: f' = 1 − t², f'' = −2t(1 − t²).
inline Jet tanh(const Jet& u) {
  const double t = std::tanh(u.v);
  return chain(u, t, 1 - t * t, -2 * t * (1 - t * t));
}
// |u|: slope ±1 (0 at the kink, a subgradient), no curvature.
inline Jet abs(const Jet& u) {
  const double s = u.v > 0 ? 1.0 : (u.v < 0 ? -1.0 : 0.0);
  return chain(u, std::abs(u.v), s, 0.0);
}

}  // namespace dl::surface
