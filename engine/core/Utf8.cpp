// UTF-8 decoding (strict: the first invalid sequence is found, never replaced) and encoding.
#include "core/Utf8.h"

namespace dl {

Utf8Char decodeUtf8(std::string_view text, std::size_t offset) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(offset);
  if (b0 < 0x80) return {b0, 1};
  // The lead byte gives the length, its payload bits and the smallest code point that needs that
  // many bytes (anything below it is an overlong form).
  std::size_t n = 0;
  char32_t cp = 0, minimum = 0;
  if ((b0 & 0xE0) == 0xC0) {
    n = 2, cp = b0 & 0x1F, minimum = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    n = 3, cp = b0 & 0x0F, minimum = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    n = 4, cp = b0 & 0x07, minimum = 0x10000;
  } else {
    return {};  // a continuation byte, or 0xF8..0xFF
  }
  if (offset + n > text.size()) return {};  // cut short by the end of the text
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(offset + k) & 0xC0) != 0x80) return {};
    cp = (cp << 6) | (byte(offset + k) & 0x3F);
  }
  if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {};
  return {cp, n};
}

void appendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string utf8Of(char32_t cp) {
  std::string out;
  appendUtf8(out, cp);
  return out;
}

}  // namespace dl
