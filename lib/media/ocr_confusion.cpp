#include "media/ocr_confusion.hpp"

namespace waudit::media {

std::optional<char> as_digit(char c) {
  if (c >= '0' && c <= '9') {
    return c;
  }
  switch (c) {
    case 'O':
    case 'o':
    case 'Q':
      return '0';
    case 'I':
    case 'i':
    case 'l':
    case '|':
    case ']':
    case '[':
    case '!':
      return '1';
    case 'Z':
    case 'z':
      return '2';
    case 'S':
    case 's':
      return '5';
    case 'G':
      return '6';
    case 'B':
      return '8';
    case 'g':
    case 'q':
      return '9';
    default:
      return std::nullopt;
  }
}

std::optional<std::string> as_digits(std::string_view text) {
  std::string digits;
  digits.reserve(text.size());
  for (const char c : text) {
    const auto digit = as_digit(c);
    if (!digit) {
      return std::nullopt;
    }
    digits.push_back(*digit);
  }
  return digits;
}

bool looks_numeric(std::string_view token) {
  std::size_t real = 0;
  for (const char c : token) {
    if (!as_digit(c)) {
      return false;
    }
    real += (c >= '0' && c <= '9') ? 1 : 0;
  }
  return !token.empty() && real * 2 >= token.size();
}

}  // namespace waudit::media
