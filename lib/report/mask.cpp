#include "report/mask.hpp"

#include "text/utf8.hpp"

namespace waudit::report {
namespace {

bool is_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// How many value characters stay visible at each end, by how many there are: enough to
// recognise a value in the chat, never enough to use it (PCI DSS allows first 6 + last 4).
std::pair<std::size_t, std::size_t> visible_ends(std::size_t count) {
  if (count >= 12) {
    return {4, 4};
  }
  if (count >= 8) {
    return {0, 2};
  }
  return {0, 0};
}

}  // namespace

std::string mask_value(std::string_view value) {
  std::size_t count = 0;
  for (const char c : value) {
    count += is_alnum(c) ? 1 : 0;
  }
  const auto [head, tail] = visible_ends(count);
  std::string masked;
  std::size_t seen = 0;
  std::size_t i = 0;
  while (i < value.size()) {
    const std::size_t length = std::max<std::size_t>(text::sequence_length(value.substr(i)), 1);
    if (is_alnum(value[i])) {
      ++seen;
      masked += (seen <= head || seen > count - tail) ? value[i] : '*';
    } else if (length == 1 && static_cast<unsigned char>(value[i]) < 0x80U) {
      masked += value[i];  // ASCII layout: spaces, dashes, dots
    } else {
      masked += ' ';  // other characters (letters with accents, no-break spaces) are hidden
    }
    i += length;
  }
  return masked;
}

}  // namespace waudit::report
