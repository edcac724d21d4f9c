// UTF-8: the one decoder and encoder the engine's text readers share (characters of a corpus,
// of a text for the character model, of a UTF-16 CSV file re-encoded).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dl {

// One character of UTF-8 text: its code point and how many bytes it takes (1 to 4), or
// bytes == 0 when the text holds no valid character there.
struct Utf8Char {
  char32_t codePoint = 0;
  std::size_t bytes = 0;
};

// The character that starts at text[offset] (offset < text.size()). Valid means shortest form
// (no overlong encoding), not a surrogate (U+D800..U+DFFF), at most U+10FFFF and complete (all
// continuation bytes present and 10xxxxxx). A NUL byte is the valid character U+0000: callers
// that take it for binary data say so themselves. Reading text from 0, the first offset where
// bytes == 0 is the offset of the first invalid sequence.
Utf8Char decodeUtf8(std::string_view text, std::size_t offset);

// Appends the UTF-8 bytes of code point cp (cp ≤ U+10FFFF; a surrogate is encoded as it is).
void appendUtf8(std::string& out, char32_t cp);

// The UTF-8 bytes of code point cp, as a string of its own.
std::string utf8Of(char32_t cp);

}  // namespace dl
