// The KVNR check digit (SGB V annex, example A000500015): the letter becomes its two-digit
// position in the alphabet (A = 01, Z = 26); with the 8 digits that gives 10 digits, weighted
// 1, 2, 1, 2, ...; products above 9 are replaced by their digit sum; the total mod 10 is the
// check digit. Both weights map 0-9 to different values mod 10, so every single changed digit
// is caught. Letters are not: B (02) and U (21) weigh the same.
#include "validate/de_health_insurance_number.hpp"

#include <algorithm>
#include <cstddef>

namespace waudit::validate {

namespace {

constexpr std::size_t kLength = 10;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Weight 1 or 2, then the digit sum: 2 * 7 = 14 counts 5.
int weighted(int digit, std::size_t position) {
  const int product = digit * (position % 2 == 0 ? 1 : 2);
  return product / 10 + product % 10;
}

}  // namespace

std::optional<char> de_health_insurance_number_check_digit(std::string_view first_nine) {
  if (first_nine.size() != kLength - 1 || first_nine[0] < 'A' || first_nine[0] > 'Z' ||
      !std::ranges::all_of(first_nine.substr(1), is_digit)) {
    return std::nullopt;
  }
  const int letter = first_nine[0] - 'A' + 1;
  int sum = weighted(letter / 10, 0) + weighted(letter % 10, 1);
  for (std::size_t i = 1; i < first_nine.size(); ++i) {
    sum += weighted(first_nine[i] - '0', i + 1);
  }
  return static_cast<char>('0' + sum % 10);
}

bool de_health_insurance_number(std::string_view normalized) {
  return normalized.size() == kLength && de_health_insurance_number_check_digit(normalized.substr(
                                             0, kLength - 1)) == normalized.back();
}

}  // namespace waudit::validate
