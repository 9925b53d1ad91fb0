// Luhn check digit (ISO/IEC 7812-1 annex B). From the rightmost digit, every second digit is
// doubled and 9 is subtracted from products above 9; the sum must end in 0. It catches every
// single-digit error and every adjacent transposition except 09 <-> 90.
#include "validate/payment_card.hpp"

#include <cstddef>

namespace waudit::validate {

bool luhn(std::string_view digits) {
  if (digits.size() < 2) {
    return false;
  }
  int sum = 0;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    const char c = digits[digits.size() - 1 - i];
    if (c < '0' || c > '9') {
      return false;
    }
    int value = c - '0';
    if (i % 2 == 1) {
      value *= 2;
      if (value > 9) {
        value -= 9;
      }
    }
    sum += value;
  }
  return sum % 10 == 0;
}

}  // namespace waudit::validate
