// The DRV check digit: the letter becomes its two-digit position in the alphabet (A = 01,
// Z = 26), which gives 12 digits; they are multiplied by 2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1,
// the digit sums (Quersummen) of the products are added, and the total mod 10 is the check
// digit. Worked example from detectors.md: 15 070649 C 103.
//
// Every weight but 7 maps the digits 0-9 to different sums mod 10; 7 (on the tens digit of
// the month) confuses 0 with 4 and 3 with 7, which the month range 01-12 rules out. So with
// the date check, every single changed digit is caught.
#include "validate/de_social_security_number.hpp"

#include <algorithm>
#include <array>
#include <cstddef>

namespace waudit::validate {

namespace {

constexpr std::size_t kLength = 12;
constexpr std::array kWeights = {2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool all_digits(std::string_view text) {
  return std::ranges::all_of(text, is_digit);
}

int two_digits(std::string_view text) {
  return (text[0] - '0') * 10 + (text[1] - '0');
}

// Day 01-31, or 51-81 when the serial numbers of a birth date ran out; month 01-12.
bool plausible_birth_date(std::string_view ddmmyy) {
  const int day = two_digits(ddmmyy.substr(0, 2));
  const int month = two_digits(ddmmyy.substr(2, 2));
  const bool day_ok = (day >= 1 && day <= 31) || (day >= 51 && day <= 81);
  return day_ok && month >= 1 && month <= 12;
}

}  // namespace

std::optional<char> de_social_security_number_check_digit(std::string_view first_eleven) {
  if (first_eleven.size() != kLength - 1 || !all_digits(first_eleven.substr(0, 8)) ||
      first_eleven[8] < 'A' || first_eleven[8] > 'Z' || !all_digits(first_eleven.substr(9))) {
    return std::nullopt;
  }
  const int letter = first_eleven[8] - 'A' + 1;
  std::array<int, kWeights.size()> digits{};
  for (std::size_t i = 0; i < 8; ++i) {
    digits[i] = first_eleven[i] - '0';
  }
  digits[8] = letter / 10;
  digits[9] = letter % 10;
  digits[10] = first_eleven[9] - '0';
  digits[11] = first_eleven[10] - '0';
  int sum = 0;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    const int product = digits[i] * kWeights[i];
    sum += product / 10 + product % 10;
  }
  return static_cast<char>('0' + sum % 10);
}

bool de_social_security_number(std::string_view normalized) {
  if (normalized.size() != kLength) {
    return false;
  }
  const auto check = de_social_security_number_check_digit(normalized.substr(0, kLength - 1));
  return check && plausible_birth_date(normalized.substr(2, 4)) && *check == normalized.back();
}

}  // namespace waudit::validate
