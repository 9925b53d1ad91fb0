// The PZN check (IFA, PZN-8 since 2013): weights 1 to 7 on the first 7 digits, the sum mod
// 11 is the 8th digit. 11 is prime and every weight is below it, so changing one digit by d
// changes the sum by weight * d, never a multiple of 11: every single changed digit is caught.
#include "validate/pzn.hpp"

#include <algorithm>
#include <cstddef>

namespace waudit::validate {

namespace {

constexpr std::size_t kLength = 8;
constexpr int kNeverIssued = 10;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

std::optional<char> pzn_check_digit(std::string_view first_seven) {
  if (first_seven.size() != kLength - 1 || !std::ranges::all_of(first_seven, is_digit)) {
    return std::nullopt;
  }
  int sum = 0;
  for (std::size_t i = 0; i < first_seven.size(); ++i) {
    sum += (first_seven[i] - '0') * static_cast<int>(i + 1);
  }
  const int remainder = sum % 11;
  if (remainder == kNeverIssued) {
    return std::nullopt;
  }
  return static_cast<char>('0' + remainder);
}

bool pzn(std::string_view normalized) {
  return normalized.size() == kLength && is_digit(normalized.back()) &&
         pzn_check_digit(normalized.substr(0, kLength - 1)) == normalized.back();
}

}  // namespace waudit::validate
