// Text encodings of chat exports. WhatsApp writes UTF-8 without a BOM; a BOM is added by
// editors, and UTF-16 appears when a user saves the file from Notepad or Excel. The rest of the
// pipeline reads UTF-8 only, so this layer strips a UTF-8 BOM and transcodes UTF-16 (LE or BE,
// with a BOM, or without one when every other byte of the start is NUL) while streaming, in
// bounded memory. UTF-32 and legacy code pages are not detected; they reach the parser as is.
#pragma once

#include "diagnostics.hpp"
#include "input/byte_source.hpp"

#include <tl/expected.hpp>

#include <cstddef>
#include <memory>
#include <string_view>

namespace waudit::input {

enum class TextEncoding { utf8, utf16le, utf16be };

std::string_view to_string(TextEncoding encoding);  // "utf-8", "utf-16le", "utf-16be"

struct SniffedEncoding {
  TextEncoding encoding = TextEncoding::utf8;
  std::size_t bom_length = 0;  // bytes of the byte-order mark at the start, 0 when none
};

// Bytes looked at to detect BOM-less UTF-16.
inline constexpr std::size_t kSniffBytes = 256;

// Decides the encoding from the first bytes of a text (up to kSniffBytes of them): a BOM, else
// NUL bytes in at least half of the odd (LE) or even (BE) positions and (almost) none in the
// others. Everything else is taken as UTF-8.
SniffedEncoding sniff_encoding(std::string_view first_bytes);

struct DecodedText {
  std::unique_ptr<ByteSource> source;  // UTF-8, without a BOM
  TextEncoding encoding = TextEncoding::utf8;
};

// Reads the first bytes of `raw` to sniff its encoding and returns a stream of its text as
// UTF-8 without the BOM, so that line 1, column 1 is the first character after it. Unpaired
// surrogates and a final odd byte of UTF-16 become U+FFFD. A Problem is a read error of `raw`.
[[nodiscard]] tl::expected<DecodedText, Problem> decode_text(std::unique_ptr<ByteSource> raw);

}  // namespace waudit::input
