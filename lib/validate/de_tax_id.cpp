// Steuer-ID check per the BZSt rules (detectors.md section 3.3). The repetition rule is what
// tells an ID from a random 11-digit number: only about 3.7 % of 10-digit prefixes satisfy it,
// while the looser "no digit more than three times" that Presidio checks lets 87 % through.
// MOD 11,10 (a hybrid system) catches every single-digit error, but not every swap of two
// adjacent digits.
#include "validate/de_tax_id.hpp"

#include <array>
#include <cstddef>

namespace waudit::validate {

namespace {

constexpr std::size_t kLength = 11;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

// ISO 7064 MOD 11,10: p starts at 10; per digit s = (p + d) mod 10 (0 read as 10) and
// p = 2s mod 11; the check digit makes the final step come out as 1, i.e. 11 - p (10 -> 0).
std::optional<char> mod_11_10_check_digit(std::string_view digits) {
  if (digits.empty()) {
    return std::nullopt;
  }
  int product = 10;
  for (const char c : digits) {
    if (!is_digit(c)) {
      return std::nullopt;
    }
    int sum = (c - '0' + product) % 10;
    if (sum == 0) {
      sum = 10;
    }
    product = (2 * sum) % 11;
  }
  const int check = 11 - product;
  return static_cast<char>('0' + (check == 10 ? 0 : check));
}

bool de_tax_id_digit_rule(std::string_view first_ten) {
  if (first_ten.size() != kLength - 1) {
    return false;
  }
  std::array<int, 10> counts{};
  for (const char c : first_ten) {
    if (!is_digit(c)) {
      return false;
    }
    ++counts[static_cast<std::size_t>(c - '0')];
  }
  int repeated = 0;
  for (const int count : counts) {
    if (count > 3) {
      return false;
    }
    repeated += count > 1 ? 1 : 0;
  }
  if (repeated != 1) {
    return false;
  }
  // Only one digit repeats, so any run of three equal digits is that digit three in a row.
  for (std::size_t i = 0; i + 2 < first_ten.size(); ++i) {
    if (first_ten[i] == first_ten[i + 1] && first_ten[i] == first_ten[i + 2]) {
      return false;
    }
  }
  return true;
}

bool de_tax_id(std::string_view normalized) {
  if (normalized.size() != kLength || normalized.front() == '0') {
    return false;
  }
  const std::string_view first_ten = normalized.substr(0, kLength - 1);
  return de_tax_id_digit_rule(first_ten) && mod_11_10_check_digit(first_ten) == normalized.back();
}

}  // namespace waudit::validate
