// f(x, y) as the user types it, parsed once into a tree and evaluated on Jets, so a typed function
// has an exact gradient and Hessian like the built-in surfaces.
//
// Grammar (recursive descent; ^ is right-associative and binds tighter than unary minus, so
// -x^2 = −(x²) and 2^3^2 = 2^9; implicit multiplication such as "2x" is an error):
//   expr  := term (("+" | "-") term)*
//   term  := unary (("*" | "/") unary)*
//   unary := ("-" | "+") unary | power
//   power := atom ("^" unary)?
//   atom  := number | "x" | "y" | "pi" | "e" | function "(" expr ")" | "(" expr ")"
//   function: sin cos tan exp log sqrt abs tanh;  number: 1, 1.5, .5, 1e-3
#pragma once

#include "surface/Jet.h"

#include <string>
#include <vector>

namespace dl::surface {

inline constexpr std::size_t kMaxExpressionLength = 1000;  // characters
inline constexpr int kMaxExpressionDepth = 100;            // nested parentheses, signs and powers

class Expression {
public:
  // Throws dl::ConfigError on field "surface.expression" whose reason names the column (1-based,
  // in characters) and the offending token: "unexpected ')' at column 7", "unknown name 'z' at
  // column 3", "empty expression".
  static Expression parse(const std::string& text);

  Jet eval(double x, double y) const;
  double value(double x, double y) const { return eval(x, y).v; }
  const std::string& text() const { return m_text; }

private:
  enum class Op { Number, X, Y, Add, Sub, Mul, Div, Pow, Neg, Sin, Cos, Tan, Exp, Log, Sqrt, Abs, Tanh };
  struct Node {
    Op op;
    double number = 0;   // Op::Number
    int a = -1, b = -1;  // operands (indices into m_nodes)
  };
  friend class ExpressionParser;

  Jet evalNode(int i, const Jet& x, const Jet& y) const;

  std::string m_text;
  std::vector<Node> m_nodes;
  int m_root = -1;
};

}  // namespace dl::surface
