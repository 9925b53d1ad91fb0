#include "validate/credential_value.hpp"

#include <algorithm>

namespace waudit::validate {

namespace {

constexpr std::size_t kMinCodeDigits = 4;
constexpr std::size_t kMaxCodeDigits = 20;
constexpr std::size_t kMinPassword = 6;
constexpr std::size_t kMaxPassword = 64;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_letter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool is_printable_ascii(char c) {
  return c > ' ' && c < 0x7F;
}

bool is_symbol(char c) {
  return is_printable_ascii(c) && !is_digit(c) && !is_letter(c);
}

// Keypads of door and alarm systems take "*1234#": the star and the hash are keys, not part
// of the code's shape.
bool is_code(std::string_view value) {
  if (value.starts_with('*')) {
    value.remove_prefix(1);
  }
  if (value.ends_with('#')) {
    value.remove_suffix(1);
  }
  return value.size() >= kMinCodeDigits && value.size() <= kMaxCodeDigits &&
         std::ranges::all_of(value, is_digit);
}

// "DANKE!", "WIESO?!", "SUPER:)": a word with its punctuation, not a secret.
std::string_view without_trailing_symbols(std::string_view value) {
  while (!value.empty() && is_symbol(value.back())) {
    value.remove_suffix(1);
  }
  return value;
}

bool is_web_address(std::string_view value) {
  return value.starts_with("HTTP") || value.starts_with("WWW");
}

bool is_password(std::string_view value) {
  if (value.size() < kMinPassword || value.size() > kMaxPassword ||
      !std::ranges::all_of(value, is_printable_ascii) || is_web_address(value)) {
    return false;
  }
  const std::string_view body = without_trailing_symbols(value);
  const bool letters = std::ranges::any_of(body, is_letter);
  const bool digits = std::ranges::any_of(body, is_digit);
  const bool symbols = std::ranges::any_of(body, is_symbol);
  return letters && (digits || symbols);
}

}  // namespace

bool credential_value(std::string_view normalized) {
  return is_code(normalized) || is_password(normalized);
}

}  // namespace waudit::validate
