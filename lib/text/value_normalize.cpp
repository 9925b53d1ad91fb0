#include "text/value_normalize.hpp"

#include "text/utf8.hpp"

namespace waudit::text {
namespace {

// Characters people type between the groups of a number, and invisible marks that phones
// and copy-paste insert; none of them is part of the value.
bool is_dropped(char32_t c) {
  switch (c) {
    case U' ':
    case U'-':
    case U'.':
    case U'/':
    case U'\t':
    case U'\n':
    case U'\r':
    case 0x00A0:
    case 0x2009:
    case 0x202F:
    case 0x2060:
    case 0x2212:
    case 0xFEFF:
      return true;
    default:
      return (c >= 0x2010 && c <= 0x2015) || (c >= 0x200B && c <= 0x200F) ||
             (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
  }
}

}  // namespace

std::string normalize_value(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  std::size_t i = 0;
  while (i < value.size()) {
    const std::size_t length = sequence_length(value.substr(i));
    if (length == 0) {
      out += value[i++];
      continue;
    }
    const char32_t c = decode(value.substr(i));
    if (!is_dropped(c)) {
      if (c >= U'a' && c <= U'z') {
        out += static_cast<char>(c - U'a' + U'A');
      } else {
        out.append(value.substr(i, length));
      }
    }
    i += length;
  }
  return out;
}

}  // namespace waudit::text
