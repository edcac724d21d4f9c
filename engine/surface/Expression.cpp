// The recursive-descent parser of typed functions and their evaluation on Jets (see Expression.h).
#include "surface/Expression.h"

#include "core/Error.h"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <numbers>

namespace dl::surface {

namespace {

constexpr const char* kField = "surface.expression";

enum class Kind { Number, Name, Symbol, End };

struct Token {
  Kind kind = Kind::End;
  std::string text;
  double number = 0;
  int column = 0;  // 1-based, in characters
};

}  // namespace

class ExpressionParser {
public:
  explicit ExpressionParser(const std::string& text) : m_text(text) { tokenize(); }

  Expression run() {
    Expression e;
    e.m_text = m_text;
    m_out = &e;
    if (m_tokens.front().kind == Kind::End) fail({DL_TRANSLATE_NOOP("dl", "empty expression")});
    e.m_root = expr(0);
    if (peek().kind != Kind::End) unexpected(peek());
    return e;
  }

private:
  using Op = Expression::Op;

  [[noreturn]] void fail(Message reason) const { throw ConfigError(kField, m_text, std::move(reason)); }
  [[noreturn]] void unexpected(const Token& t) const {
    if (t.kind == Kind::End)
      fail({DL_TRANSLATE_NOOP("dl", "unexpected end of the expression at column %1"), {std::to_string(t.column)}});
    fail({DL_TRANSLATE_NOOP("dl", "unexpected '%1' at column %2"), {t.text, std::to_string(t.column)}});
  }

  void tokenize() {
    int column = 0;
    std::size_t i = 0;
    const std::size_t n = m_text.size();
    // Columns count characters: UTF-8 continuation bytes do not start one.
    const auto advance = [&](std::size_t to) {
      for (; i < to; ++i)
        if ((static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80) ++column;
    };
    while (true) {
      while (i < n && std::isspace(static_cast<unsigned char>(m_text[i]))) advance(i + 1);
      Token t;
      t.column = column + 1;
      if (i >= n) {
        m_tokens.push_back(t);
        return;
      }
      const unsigned char c = static_cast<unsigned char>(m_text[i]);
      const std::size_t begin = i;
      if (std::isdigit(c) || (c == '.' && i + 1 < n && std::isdigit(static_cast<unsigned char>(m_text[i + 1])))) {
        std::size_t j = i;
        while (j < n && std::isdigit(static_cast<unsigned char>(m_text[j]))) ++j;
        if (j < n && m_text[j] == '.') {
          ++j;
          while (j < n && std::isdigit(static_cast<unsigned char>(m_text[j]))) ++j;
        }
        // An exponent only when digits follow ("2e" is 2 then the name e: an implicit product).
        if (j < n && (m_text[j] == 'e' || m_text[j] == 'E')) {
          std::size_t k = j + 1;
          if (k < n && (m_text[k] == '+' || m_text[k] == '-')) ++k;
          if (k < n && std::isdigit(static_cast<unsigned char>(m_text[k]))) {
            while (k < n && std::isdigit(static_cast<unsigned char>(m_text[k]))) ++k;
            j = k;
          }
        }
        t.kind = Kind::Number;
        t.text = m_text.substr(begin, j - begin);
        t.number = std::strtod(t.text.c_str(), nullptr);
        if (!std::isfinite(t.number))
          fail({DL_TRANSLATE_NOOP("dl", "the number '%1' at column %2 is too large"),
                {t.text, std::to_string(t.column)}});
        advance(j);
      } else if (std::isalpha(c) || c == '_') {
        std::size_t j = i;
        while (j < n && (std::isalnum(static_cast<unsigned char>(m_text[j])) || m_text[j] == '_')) ++j;
        t.kind = Kind::Name;
        t.text = m_text.substr(begin, j - begin);
        advance(j);
      } else if (std::string_view("+-*/^()").find(static_cast<char>(c)) != std::string_view::npos) {
        t.kind = Kind::Symbol;
        t.text = std::string(1, static_cast<char>(c));
        advance(i + 1);
      } else {
        // One whole (possibly multi-byte) character, printable in the message.
        std::size_t j = i + 1;
        while (j < n && (static_cast<unsigned char>(m_text[j]) & 0xC0) == 0x80) ++j;
        fail({DL_TRANSLATE_NOOP("dl", "unknown character '%1' at column %2"),
              {printable(m_text.substr(i, j - i), 8), std::to_string(t.column)}});
      }
      m_tokens.push_back(t);
    }
  }

  const Token& peek() const { return m_tokens[m_pos]; }
  const Token& next() { return m_tokens[m_pos++]; }
  bool accept(const char* symbol) {
    if (peek().kind == Kind::Symbol && peek().text == symbol) {
      ++m_pos;
      return true;
    }
    return false;
  }
  void enter(int depth) const {
    if (depth > kMaxExpressionDepth)
      fail({DL_TRANSLATE_NOOP("dl", "nested too deeply at column %1 (at most %2 levels)"),
            {std::to_string(peek().column), std::to_string(kMaxExpressionDepth)}});
  }

  int node(Op op, int a = -1, int b = -1, double number = 0) {
    m_out->m_nodes.push_back({op, number, a, b});
    return static_cast<int>(m_out->m_nodes.size()) - 1;
  }

  int expr(int depth) {
    enter(depth);
    int left = term(depth);
    while (true) {
      if (accept("+"))
        left = node(Op::Add, left, term(depth));
      else if (accept("-"))
        left = node(Op::Sub, left, term(depth));
      else
        return left;
    }
  }

  int term(int depth) {
    int left = unary(depth);
    while (true) {
      if (accept("*"))
        left = node(Op::Mul, left, unary(depth));
      else if (accept("/"))
        left = node(Op::Div, left, unary(depth));
      else
        return left;
    }
  }

  int unary(int depth) {
    enter(depth);
    if (accept("-")) return node(Op::Neg, unary(depth + 1));
    if (accept("+")) return unary(depth + 1);
    return power(depth);
  }

  int power(int depth) {
    const int base = atom(depth);
    if (accept("^")) return node(Op::Pow, base, unary(depth + 1));
    return base;
  }

  int atom(int depth) {
    const Token& t = next();
    if (t.kind == Kind::Number) return node(Op::Number, -1, -1, t.number);
    if (t.kind == Kind::Symbol && t.text == "(") {
      const int inner = expr(depth + 1);
      if (!accept(")")) {
        if (peek().kind == Kind::End)
          fail({DL_TRANSLATE_NOOP("dl", "missing ')' for the '(' at column %1"), {std::to_string(t.column)}});
        unexpected(peek());
      }
      return inner;
    }
    if (t.kind == Kind::Name) {
      if (t.text == "x") return node(Op::X);
      if (t.text == "y") return node(Op::Y);
      if (t.text == "pi") return node(Op::Number, -1, -1, std::numbers::pi);
      if (t.text == "e") return node(Op::Number, -1, -1, std::numbers::e);
      static const std::pair<const char*, Op> functions[] = {{"sin", Op::Sin}, {"cos", Op::Cos},  {"tan", Op::Tan},
                                                             {"exp", Op::Exp}, {"log", Op::Log},  {"sqrt", Op::Sqrt},
                                                             {"abs", Op::Abs}, {"tanh", Op::Tanh}};
      for (const auto& [name, op] : functions) {
        if (t.text != name) continue;
        const int open = peek().column;
        if (!accept("("))
          fail({DL_TRANSLATE_NOOP("dl", "'%1' at column %2 needs its argument in parentheses"),
                {t.text, std::to_string(t.column)}});
        const int argument = expr(depth + 1);
        if (!accept(")")) {
          if (peek().kind == Kind::End)
            fail({DL_TRANSLATE_NOOP("dl", "missing ')' for the '(' at column %1"), {std::to_string(open)}});
          unexpected(peek());
        }
        return node(op, argument);
      }
      fail({DL_TRANSLATE_NOOP("dl", "unknown name '%1' at column %2"),
            {printable(t.text, 20), std::to_string(t.column)}});
    }
    unexpected(t);
  }

  std::string m_text;
  std::vector<Token> m_tokens;
  std::size_t m_pos = 0;
  Expression* m_out = nullptr;
};

Expression Expression::parse(const std::string& text) {
  std::size_t characters = 0;
  for (const char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++characters;
  if (characters > kMaxExpressionLength)
    throw ConfigError(kField, text,
                      {DL_TRANSLATE_NOOP("dl", "too long: %1 characters (at most %2)"),
                       {std::to_string(characters), std::to_string(kMaxExpressionLength)}});
  return ExpressionParser(text).run();
}

Jet Expression::eval(double x, double y) const { return evalNode(m_root, Jet::x(x), Jet::y(y)); }

Jet Expression::evalNode(int i, const Jet& x, const Jet& y) const {
  const Node& n = m_nodes[static_cast<std::size_t>(i)];
  const auto a = [&] { return evalNode(n.a, x, y); };
  const auto b = [&] { return evalNode(n.b, x, y); };
  switch (n.op) {
    case Op::Number:
      return Jet::constant(n.number);
    case Op::X:
      return x;
    case Op::Y:
      return y;
    case Op::Add:
      return a() + b();
    case Op::Sub:
      return a() - b();
    case Op::Mul:
      return a() * b();
    case Op::Div:
      return a() / b();
    case Op::Pow:
      return pow(a(), b());
    case Op::Neg:
      return -a();
    case Op::Sin:
      return sin(a());
    case Op::Cos:
      return cos(a());
    case Op::Tan:
      return tan(a());
    case Op::Exp:
      return exp(a());
    case Op::Log:
      return log(a());
    case Op::Sqrt:
      return sqrt(a());
    case Op::Abs:
      return abs(a());
    case Op::Tanh:
      return tanh(a());
  }
  return {};
}

}  // namespace dl::surface
