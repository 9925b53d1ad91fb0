#include "report/mask.hpp"

#include "text/utf8.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace waudit::report {
namespace {

// ASCII spaces and punctuation show the value's layout; everything else (letters of any
// script, digits, invalid bytes) is part of the value.
bool is_layout(std::string_view character) {
  if (character.size() == 1) {
    const auto byte = static_cast<unsigned char>(character[0]);
    return byte < 0x80U && std::isalnum(byte) == 0;
  }
  return character == "\u00A0" || character == "\u202F";
}

// How many value characters stay visible at each end, by how many there are: enough to
// recognise a value in the chat, never enough to use it (PCI DSS allows first 6 + last 4).
std::pair<std::size_t, std::size_t> visible_ends(std::size_t count, Reveal reveal) {
  if (count >= 12 && reveal == Reveal::ends) {
    return {4, 4};
  }
  if (count >= 8) {
    return {0, 2};
  }
  return {0, 0};
}

// The value cut into characters: whole UTF-8 sequences, or single invalid bytes.
std::vector<std::string_view> characters(std::string_view value) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < value.size()) {
    const std::size_t length = std::max<std::size_t>(text::sequence_length(value.substr(i)), 1);
    out.push_back(value.substr(i, length));
    i += length;
  }
  return out;
}

}  // namespace

std::string mask_value(std::string_view value, Reveal reveal) {
  const std::vector<std::string_view> parts = characters(value);
  const auto count = static_cast<std::size_t>(
      std::count_if(parts.begin(), parts.end(), [](auto part) { return !is_layout(part); }));
  const auto [head, tail] = visible_ends(count, reveal);
  std::string masked;
  std::size_t seen = 0;
  for (const std::string_view part : parts) {
    if (is_layout(part)) {
      // Line breaks (an MRZ spans lines) become spaces: a report line stays one line.
      const bool plain = part.size() == 1 && part[0] >= ' ';
      masked += plain ? part : std::string_view(" ");
      continue;
    }
    ++seen;
    const bool visible = seen <= head || seen > count - tail;
    masked += visible && text::sequence_length(part) > 0 ? part : std::string_view("*");
  }
  return masked;
}

bool looks_masked(std::string_view value, Reveal reveal) {
  // In a masked value '*' stands for a hidden character, so it counts as part of the value.
  const auto is_value = [](std::string_view part) { return part == "*" || !is_layout(part); };
  const std::vector<std::string_view> parts = characters(value);
  const auto count = static_cast<std::size_t>(std::count_if(parts.begin(), parts.end(), is_value));
  const auto [head, tail] = visible_ends(count, reveal);
  std::size_t seen = 0;
  for (const std::string_view part : parts) {
    if (!is_value(part)) {
      continue;
    }
    ++seen;
    const bool visible = seen <= head || seen > count - tail;
    if (!visible && part != "*") {
      return false;
    }
  }
  return true;
}

Reveal reveal_for_category(std::string_view category) {
  return category == "financial" ? Reveal::ends : Reveal::tail;
}

}  // namespace waudit::report
