#include "input/text_decoding.hpp"

#include "../string_source.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using waudit::input::decode_text;
using waudit::input::sniff_encoding;
using waudit::input::TextEncoding;

namespace {

std::string utf16le(const std::u16string& text) {
  std::string bytes;
  for (const char16_t unit : text) {
    bytes += static_cast<char>(unit & 0xFF);
    bytes += static_cast<char>(unit >> 8);
  }
  return bytes;
}

std::string utf16be(const std::u16string& text) {
  std::string bytes;
  for (const char16_t unit : text) {
    bytes += static_cast<char>(unit >> 8);
    bytes += static_cast<char>(unit & 0xFF);
  }
  return bytes;
}

struct Decoded {
  std::string text;
  TextEncoding encoding = TextEncoding::utf8;
};

// Decodes `bytes` read `in_piece` bytes at a time into buffers of `out_piece` bytes.
Decoded decode(const std::string& bytes, std::size_t in_piece = 4096,
               std::size_t out_piece = 4096) {
  auto decoded = decode_text(std::make_unique<StringSource>(bytes, in_piece));
  REQUIRE(decoded);
  Decoded result{"", decoded->encoding};
  std::string buffer(out_piece, '\0');
  while (true) {
    auto count = decoded->source->read(std::span<char>(buffer.data(), buffer.size()));
    REQUIRE(count);
    if (*count == 0) {
      break;
    }
    result.text.append(buffer.data(), *count);
  }
  return result;
}

const std::string kHeader = "15.04.23, 09:13 - Lena: IBAN";

}  // namespace

TEST_SUITE_BEGIN("input");

TEST_CASE("input::sniff_encoding reads byte-order marks") {
  CHECK(sniff_encoding("\xEF\xBB\xBF"
                       "15.04.23")
            .encoding == TextEncoding::utf8);
  CHECK(sniff_encoding("\xEF\xBB\xBF"
                       "15.04.23")
            .bom_length == 3);
  CHECK(sniff_encoding("\xFF\xFE"
                       "1\0"
                       "5\0")
            .encoding == TextEncoding::utf16le);
  CHECK(sniff_encoding(std::string("\xFF\xFE"
                                   "1\0",
                                   4))
            .bom_length == 2);
  CHECK(sniff_encoding(std::string("\xFE\xFF\0"
                                   "1",
                                   4))
            .encoding == TextEncoding::utf16be);
  CHECK(sniff_encoding("15.04.23, 09:13").encoding == TextEncoding::utf8);
  CHECK(sniff_encoding("15.04.23, 09:13").bom_length == 0);
  CHECK(sniff_encoding("").encoding == TextEncoding::utf8);
}

TEST_CASE("input::sniff_encoding finds UTF-16 without a BOM by its NUL bytes") {
  CHECK(sniff_encoding(utf16le(u"15.04.23, 09:13")).encoding == TextEncoding::utf16le);
  CHECK(sniff_encoding(utf16be(u"[15.04.23 09:13]")).encoding == TextEncoding::utf16be);
  CHECK(sniff_encoding(utf16le(u"15.04.23")).bom_length == 0);
  // Cyrillic high bytes are not NUL, but the ASCII date in front of them is.
  CHECK(sniff_encoding(utf16le(u"15.04.23, 09:13 - Иван: Привет")).encoding ==
        TextEncoding::utf16le);
}

TEST_CASE("input::sniff_encoding keeps binary and NUL-only data as UTF-8") {
  std::string binary;
  for (int i = 0; i < 256; ++i) {
    binary += static_cast<char>(i);
  }
  CHECK(sniff_encoding(binary).encoding == TextEncoding::utf8);
  CHECK(sniff_encoding(std::string(64, '\0')).encoding == TextEncoding::utf8);
  CHECK(sniff_encoding(std::string("1\0", 2)).encoding == TextEncoding::utf8);  // too short
}

TEST_CASE("input::decode strips a UTF-8 BOM and passes UTF-8 through") {
  CHECK(decode("\xEF\xBB\xBF" + kHeader).text == kHeader);
  CHECK(decode("\xEF\xBB\xBF" + kHeader).encoding == TextEncoding::utf8);
  CHECK(decode(kHeader).text == kHeader);
  CHECK(decode("\xEF\xBB\xBF").text.empty());
  CHECK(decode("").text.empty());
  // Only the first BOM is the file's; a second one is text.
  CHECK(decode("\xEF\xBB\xBF\xEF\xBB\xBF"
               "x")
            .text ==
        "\xEF\xBB\xBF"
        "x");
}

TEST_CASE("input::decode transcodes UTF-16LE and UTF-16BE to UTF-8") {
  const std::u16string text = u"15.04.23, 09:13 - Jörg: Grüße €\r\nnext line";
  const std::string expected = "15.04.23, 09:13 - J\u00f6rg: Gr\u00fc\u00dfe \u20ac\r\nnext line";
  SUBCASE("little endian with BOM") {
    const Decoded decoded = decode("\xFF\xFE" + utf16le(text));
    CHECK(decoded.text == expected);
    CHECK(decoded.encoding == TextEncoding::utf16le);
  }
  SUBCASE("big endian with BOM") {
    const Decoded decoded = decode("\xFE\xFF" + utf16be(text));
    CHECK(decoded.text == expected);
    CHECK(decoded.encoding == TextEncoding::utf16be);
  }
  SUBCASE("little endian without BOM") {
    CHECK(decode(utf16le(text)).text == expected);
  }
  SUBCASE("big endian without BOM") {
    CHECK(decode(utf16be(text)).text == expected);
  }
}

TEST_CASE("input::decode joins surrogate pairs") {
  CHECK(decode("\xFF\xFE" + utf16le(u"a\U0001F600b")).text == "a\U0001F600b");
  CHECK(decode("\xFE\xFF" + utf16be(u"\U0001F1E9\U0001F1EA")).text == "\U0001F1E9\U0001F1EA");
}

TEST_CASE("input::decode replaces broken UTF-16 with U+FFFD") {
  const std::string bom = "\xFF\xFE";
  const char16_t high = 0xD83D;
  const char16_t low = 0xDE00;
  SUBCASE("high surrogate before an ordinary character") {
    CHECK(decode(bom + utf16le({u'a', high, u'b'})).text == "a\uFFFDb");
  }
  SUBCASE("two high surrogates before a low one") {
    CHECK(decode(bom + utf16le({high, high, low})).text == "\uFFFD\U0001F600");
  }
  SUBCASE("low surrogate alone") {
    CHECK(decode(bom + utf16le({u'a', low, u'b'})).text == "a\uFFFDb");
  }
  SUBCASE("high surrogate at the end") {
    CHECK(decode(bom + utf16le({u'a', u'b', high})).text == "ab\uFFFD");
  }
  SUBCASE("odd final byte") {
    CHECK(decode(bom + utf16le(u"ab") + "x").text == "ab\uFFFD");
  }
  SUBCASE("high surrogate and an odd byte at the end") {
    CHECK(decode(bom + utf16le({high}) + "x").text == "\uFFFD\uFFFD");
  }
  SUBCASE("big endian low surrogate alone") {
    CHECK(decode("\xFE\xFF" + utf16be({low, u'z'})).text == "\uFFFDz");
  }
}

TEST_CASE("input::decode gives the same text whatever the read sizes") {
  std::u16string text = u"15.04.23, 09:13 - Иван: 😀 ü € x\n\U0001F600";
  text += char16_t{0xD83D};
  const std::string bytes = "\xFF\xFE" + utf16le(text);
  const std::string expected = decode(bytes).text;
  CHECK(expected.ends_with("\n\U0001F600\uFFFD"));
  for (const std::size_t in_piece : {1, 2, 3, 7}) {
    for (const std::size_t out_piece : {1, 2, 3, 5}) {
      CAPTURE(in_piece);
      CAPTURE(out_piece);
      CHECK(decode(bytes, in_piece, out_piece).text == expected);
    }
  }
}

TEST_CASE("input::decode reports read errors of the source") {
  auto early = decode_text(std::make_unique<StringSource>(kHeader, 4, 8));
  REQUIRE_FALSE(early);
  CHECK(early.error().message == "read error: boom");
  std::string long_text = "\xFF\xFE" + utf16le(std::u16string(2000, u'a'));
  auto late = decode_text(std::make_unique<StringSource>(long_text, 512, 1024));
  REQUIRE(late);
  std::string buffer(8192, '\0');
  auto read = late->source->read(std::span<char>(buffer.data(), buffer.size()));
  CHECK_FALSE(read);
}

TEST_CASE("input::decode names its encodings as the report does") {
  CHECK(waudit::input::to_string(TextEncoding::utf8) == "utf-8");
  CHECK(waudit::input::to_string(TextEncoding::utf16le) == "utf-16le");
  CHECK(waudit::input::to_string(TextEncoding::utf16be) == "utf-16be");
}

TEST_SUITE_END();
