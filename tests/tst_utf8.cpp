// The engine's one UTF-8 decoder and encoder (core/Utf8.h): characters of every length, Chinese
// text, a round trip over the code space, and each kind of invalid sequence found at its offset.
#include <QtTest>

#include "core/Utf8.h"

#include <string>
#include <vector>

using namespace dl;

namespace {

// Decodes text from offset 0 as the engine's readers do: the code points up to the first invalid
// sequence, and that sequence's byte offset (npos when the text is valid).
struct Walk {
  std::vector<char32_t> codePoints;
  std::size_t invalidAt = std::string::npos;
};

Walk walk(std::string_view text) {
  Walk w;
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Char c = decodeUtf8(text, i);
    if (c.bytes == 0) {
      w.invalidAt = i;
      break;
    }
    w.codePoints.push_back(c.codePoint);
    i += c.bytes;
  }
  return w;
}

}  // namespace

class TestUtf8 : public QObject {
  Q_OBJECT

private slots:
  void decodesEachLength() {
    const Utf8Char a = decodeUtf8("a", 0);
    QCOMPARE(a.codePoint, U'a');
    QCOMPARE(a.bytes, std::size_t{1});
    const Utf8Char nul = decodeUtf8(std::string_view("\0", 1), 0);  // valid: callers judge binary data
    QCOMPARE(nul.codePoint, U'\0');
    QCOMPARE(nul.bytes, std::size_t{1});
    const Utf8Char e = decodeUtf8("\xc3\xa9", 0);  // é
    QCOMPARE(e.codePoint, char32_t{0xE9});
    QCOMPARE(e.bytes, std::size_t{2});
    const Utf8Char euro = decodeUtf8("\xe2\x82\xac", 0);  // €
    QCOMPARE(euro.codePoint, char32_t{0x20AC});
    QCOMPARE(euro.bytes, std::size_t{3});
    const Utf8Char emoji = decodeUtf8("\xf0\x9f\x98\x80", 0);  // 😀
    QCOMPARE(emoji.codePoint, char32_t{0x1F600});
    QCOMPARE(emoji.bytes, std::size_t{4});
    // The bounds of each length.
    QCOMPARE(decodeUtf8("\x7f", 0).codePoint, char32_t{0x7F});
    QCOMPARE(decodeUtf8("\xc2\x80", 0).codePoint, char32_t{0x80});
    QCOMPARE(decodeUtf8("\xdf\xbf", 0).codePoint, char32_t{0x7FF});
    QCOMPARE(decodeUtf8("\xe0\xa0\x80", 0).codePoint, char32_t{0x800});
    QCOMPARE(decodeUtf8("\xed\x9f\xbf", 0).codePoint, char32_t{0xD7FF});
    QCOMPARE(decodeUtf8("\xee\x80\x80", 0).codePoint, char32_t{0xE000});
    QCOMPARE(decodeUtf8("\xef\xbf\xbf", 0).codePoint, char32_t{0xFFFF});
    QCOMPARE(decodeUtf8("\xf0\x90\x80\x80", 0).codePoint, char32_t{0x10000});
    QCOMPARE(decodeUtf8("\xf4\x8f\xbf\xbf", 0).codePoint, char32_t{0x10FFFF});
  }

  void decodesText() {
    const Walk ascii = walk("Hi!");
    QCOMPARE(ascii.invalidAt, std::string::npos);
    QCOMPARE(ascii.codePoints, (std::vector<char32_t>{U'H', U'i', U'!'}));
    const Walk chinese = walk("深度学习 ok");
    QCOMPARE(chinese.invalidAt, std::string::npos);
    QCOMPARE(chinese.codePoints, (std::vector<char32_t>{0x6DF1, 0x5EA6, 0x5B66, 0x4E60, U' ', U'o', U'k'}));
    const Walk mixed = walk("a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
    QCOMPARE(mixed.codePoints, (std::vector<char32_t>{U'a', 0xE9, 0x20AC, 0x1F600}));
    // Decoding starts where the caller says, e.g. after a byte-order mark.
    QCOMPARE(decodeUtf8("\xef\xbb\xbf\xe5\xad\xa6", 3).codePoint, char32_t{0x5B66});
  }

  void findsEachInvalidSequence_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("offset");
    const auto row = [](const char* name, std::string_view text, int offset) {
      QTest::newRow(name) << QByteArray(text.data(), static_cast<qsizetype>(text.size())) << offset;
    };
    row("lone continuation byte", "ab\x80", 2);
    row("lead byte 0xf8", "abc\xf8\x88\x80\x80\x80", 3);
    row("lead byte 0xff", "\xff", 0);
    row("Latin-1, not UTF-8", "caf\xe9 au lait", 3);  // é as one byte: its continuation is ' '
    row("overlong 2-byte '/'", "x\xc0\xaf", 1);
    row("overlong 2-byte, 0xc1", "x\xc1\xbf", 1);
    row("overlong 3-byte", "xy\xe0\x80\xaf", 2);
    row("overlong 3-byte U+07FF", "\xe0\x9f\xbf", 0);
    row("overlong 4-byte", "\xf0\x80\x80\xaf", 0);
    row("overlong 4-byte U+FFFF", "\xf0\x8f\xbf\xbf", 0);
    row("high surrogate", "ok \xed\xa0\x80", 3);
    row("low surrogate", "ok \xed\xbf\xbf", 3);
    row("above U+10FFFF", "\xf4\x90\x80\x80", 0);
    row("lead byte 0xf5", "\xf5\x80\x80\x80", 0);
    row("2-byte cut by the end", "abc\xc3", 3);
    row("3-byte cut by the end", "ab\xe5\xad", 2);
    row("4-byte cut by the end", "a\xf0\x9f\x98", 1);
    row("3-byte cut by an ASCII byte", "\xe5\xad\x61", 0);  // 0x61: a
    row("after Chinese text", "深度\xe5\xad", 6);
    row("after valid 4-byte", "\xf0\x9f\x98\x80\xc3(", 4);
  }

  void findsEachInvalidSequence() {
    QFETCH(QByteArray, text);
    QFETCH(int, offset);
    const std::string_view bytes(text.constData(), static_cast<std::size_t>(text.size()));
    QCOMPARE(walk(bytes).invalidAt, static_cast<std::size_t>(offset));
    const Utf8Char bad = decodeUtf8(bytes, static_cast<std::size_t>(offset));
    QCOMPARE(bad.bytes, std::size_t{0});
  }

  void encodesEachLength() {
    QCOMPARE(utf8Of(U'a'), std::string("a"));
    QCOMPARE(utf8Of(0xE9), std::string("\xc3\xa9"));
    QCOMPARE(utf8Of(0x5B66), std::string("学"));
    QCOMPARE(utf8Of(0xFFFD), std::string("\xef\xbf\xbd"));
    QCOMPARE(utf8Of(0x1F600), std::string("\xf0\x9f\x98\x80"));
    std::string out = "x";
    appendUtf8(out, 0x6DF1);
    appendUtf8(out, 0x5EA6);
    QCOMPARE(out, std::string("x深度"));
  }

  // Every scalar value encodes to bytes that decode back to it, in as many bytes as it needs.
  void roundTrip() {
    for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
      if (cp >= 0xD800 && cp <= 0xDFFF) continue;
      const std::string bytes = utf8Of(cp);
      const std::size_t want = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      const Utf8Char back = decodeUtf8(bytes, 0);
      if (bytes.size() != want || back.codePoint != cp || back.bytes != want)
        QFAIL(qPrintable(QString("U+%1 does not round-trip").arg(static_cast<uint>(cp), 0, 16)));
    }
  }
};

QTEST_APPLESS_MAIN(TestUtf8)
#include "tst_utf8.moc"
