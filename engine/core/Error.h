// Typed errors of the engine. Configuration and data errors name the field (or file position)
// and the bad value, so the app can show a one-line message without knowing the details.
#pragma once

#include <stdexcept>
#include <string>

namespace dl {

// A configuration value is invalid: field is a dotted path ("optimizer.lr", "layers[2].units").
class ConfigError : public std::runtime_error {
public:
  ConfigError(std::string field, std::string value, const std::string& reason)
      : std::runtime_error("field '" + field + "' has bad value '" + value + "': " + reason),
        m_field(std::move(field)),
        m_value(std::move(value)) {}
  const std::string& field() const { return m_field; }
  const std::string& value() const { return m_value; }

private:
  std::string m_field;
  std::string m_value;
};

// Input data is unusable (a CSV file, a generated set, a split). `where` is e.g. "line 12, column 3".
class DataError : public std::runtime_error {
public:
  DataError(std::string where, const std::string& reason)
      : std::runtime_error(where.empty() ? reason : where + ": " + reason), m_where(std::move(where)) {}
  const std::string& where() const { return m_where; }

private:
  std::string m_where;
};

// Formats a number for an error message the way a user typed it (no trailing zeros).
std::string formatValue(double v);

}  // namespace dl
