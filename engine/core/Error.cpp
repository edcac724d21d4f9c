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

ConfigError::ConfigError(std::string field, std::string value, Message reason)
    : std::runtime_error("field '" + field + "' has bad value '" + value + "': " + reason.english()),
      m_field(std::move(field)),
      m_value(std::move(value)),
      m_reason(std::move(reason)) {}

std::string DataLocation::english() const {
  std::string s = file;
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

}  // namespace dl
