// Typed errors of the engine. Configuration and data errors name the field (or file position)
// and the bad value; the reason is a message id with arguments, so the CLI prints it in English
// and the window translates it (style rule 10: the engine returns ids, the UI translates them).
#pragma once

#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

// Marks an English message template as translatable without pulling Qt into the engine: lupdate
// runs with `-tr-function-alias QT_TRANSLATE_NOOP+=DL_TRANSLATE_NOOP` (ui/CMakeLists.txt) and
// collects these strings into translations/*.ts under their context ("dl"). The result is a
// MessageId, the only thing a Message is made from, so an unmarked reason does not compile.
#define DL_TRANSLATE_NOOP(context, text) (::dl::MessageId{text})

namespace dl {

struct MessageId {
  const char* text;
};

// A message: an English template whose "%1".."%9" take the arguments (numbers, names, file
// paths — never prose). The template is the id: the UI looks it up in its translator.
struct Message {
  Message(MessageId id, std::initializer_list<std::string> args = {}) : text(id.text), args(args) {}
  const char* text;
  std::vector<std::string> args;
  std::string english() const;
};

// Substitutes "%1".."%9" of `text` by args in one pass (an argument containing "%2" stays as is).
std::string fillTemplate(const std::string& text, const std::vector<std::string>& args);

// A configuration value is invalid: field is a dotted path ("optimizer.lr", "layers[2].units").
// Field and value are stored through printable(), so what() is always one short line.
class ConfigError : public std::runtime_error {
public:
  ConfigError(std::string field, std::string value, Message reason);
  const std::string& field() const { return m_field; }
  const std::string& value() const { return m_value; }
  const Message& reason() const { return m_reason; }

private:
  std::string m_field;
  std::string m_value;
  Message m_reason;
};

// Where in the input a data error is: a file (may be empty for generated or in-memory data) and,
// when known, a 1-based line and column.
struct DataLocation {
  std::string file;
  long line = 0;
  int column = 0;
  std::string english() const;  // "data.csv: line 4, column 2"; "" when nothing is known
};

// Input data is unusable (a CSV file, a generated set, a split).
class DataError : public std::runtime_error {
public:
  DataError(DataLocation where, Message reason);
  const DataLocation& where() const { return m_where; }
  const Message& reason() const { return m_reason; }

private:
  DataLocation m_where;
  Message m_reason;
};

// Formats a number for an error message the way a user typed it (no trailing zeros).
std::string formatValue(double v);

// `text` made safe to quote in a one-line message: control characters escaped (\n, \x00) and,
// beyond maxBytes, cut at a UTF-8 character boundary with "..." appended (a value read from a
// file may be a megabyte of garbage).
std::string printable(std::string_view text, std::size_t maxBytes);

}  // namespace dl
