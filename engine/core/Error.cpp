// English rendering of engine messages, and number formatting for them.
#include "core/Error.h"

#include <cstdio>

namespace dl {

std::string fillTemplate(const std::string& text, const std::vector<std::string>& args) {
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
      const std::size_t k = static_cast<std::size_t>(text[i + 1] - '1');
      if (k < args.size()) {
        out += args[k];
        ++i;
        continue;
      }
    }
    out += c;
  }
  return out;
}

std::string Message::english() const { return fillTemplate(text, args); }

namespace {
constexpr std::size_t kMaxFieldBytes = 80;
constexpr std::size_t kMaxValueBytes = 60;
}  // namespace

ConfigError::ConfigError(std::string field, std::string value, Message reason)
    : std::runtime_error("field '" + printable(field, kMaxFieldBytes) + "' has bad value '" +
                         printable(value, kMaxValueBytes) + "': " + reason.english()),
      m_field(printable(field, kMaxFieldBytes)),
      m_value(printable(value, kMaxValueBytes)),
      m_reason(std::move(reason)) {}

std::string DataLocation::english() const {
  std::string s = printable(file, 1000);  // a path is one line too (a CR in a name is escaped)
  if (line > 0) s += (s.empty() ? "" : ": ") + std::string("line ") + std::to_string(line);
  if (column > 0) s += (s.empty() ? "" : line > 0 ? ", " : ": ") + std::string("column ") + std::to_string(column);
  return s;
}

namespace {
std::string located(const DataLocation& where, const Message& reason) {
  const std::string w = where.english();
  return w.empty() ? reason.english() : w + ": " + reason.english();
}
}  // namespace

DataError::DataError(DataLocation where, Message reason)
    : std::runtime_error(located(where, reason)), m_where(std::move(where)), m_reason(std::move(reason)) {}

std::string formatValue(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

std::string printable(std::string_view text, std::size_t maxBytes) {
  std::string out;
  std::size_t i = 0;
  for (; i < text.size() && i < maxBytes; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  if (i == text.size()) return out;
  // Cut inside a UTF-8 sequence (the next byte continues it): drop the partial character.
  if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) {
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
    if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
  }
  return out + "...";
}

}  // namespace dl
