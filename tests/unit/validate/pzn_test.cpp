#include "validate/pzn.hpp"

#include "digit_changes.hpp"

#include <doctest/doctest.h>

#include <cstddef>
#include <random>
#include <string>
#include <vector>

TEST_SUITE_BEGIN("validate");

namespace {

using waudit::validate::pzn;
using waudit::validate::pzn_check_digit;

// Valid PZNs from 7 random digits, skipping the prefixes whose remainder is 10.
std::vector<std::string> generated_pzns(std::size_t count) {
  std::minstd_rand rng(11);  // fixed seed: the same numbers on every run
  std::vector<std::string> numbers;
  while (numbers.size() < count) {
    std::string first_seven;
    for (int i = 0; i < 7; ++i) {
      first_seven += static_cast<char>('0' + rng() % 10);
    }
    if (const auto check = pzn_check_digit(first_seven)) {
      numbers.push_back(first_seven + *check);
    }
  }
  return numbers;
}

}  // namespace

TEST_CASE("validate::pzn accepts the detectors.md example and invented ones") {
  CHECK(pzn("27580899"));  // detectors.md section 3.12: 174 mod 11 = 9
  CHECK(pzn("29141773"));
  CHECK(pzn("15000804"));
  CHECK(pzn("00000000"));
}

TEST_CASE("validate::pzn_check_digit weighs the digits 1 to 7, mod 11") {
  // 2*1 + 7*2 + 5*3 + 8*4 + 0*5 + 8*6 + 9*7 = 174 = 15 * 11 + 9.
  CHECK(pzn_check_digit("2758089") == '9');
  CHECK(pzn_check_digit("1000000") == '1');
  CHECK(pzn_check_digit("0000001") == '7');
  CHECK_FALSE(pzn_check_digit("275808").has_value());
  CHECK_FALSE(pzn_check_digit("27580899").has_value());
  CHECK_FALSE(pzn_check_digit("275808X").has_value());
  CHECK_FALSE(pzn_check_digit("").has_value());
}

TEST_CASE("validate::pzn_check_digit has none where the remainder is 10") {
  // 1*1 + 6*7 = 43 = 3 * 11 + 10: no PZN starts with these 7 digits.
  CHECK_FALSE(pzn_check_digit("1000006").has_value());
  for (char last = '0'; last <= '9'; ++last) {
    CHECK_FALSE(pzn(std::string("1000006") + last));
  }
}

TEST_CASE("validate::pzn rejects a wrong check digit, length or shape") {
  CHECK_FALSE(pzn("27580898"));
  CHECK_FALSE(pzn("27580890"));
  CHECK_FALSE(pzn(""));
  CHECK_FALSE(pzn("2758089"));
  CHECK_FALSE(pzn("275808990"));
  CHECK_FALSE(pzn("027580899"));
  CHECK_FALSE(pzn("2758089X"));
  CHECK_FALSE(pzn("2758 0899"));
  CHECK_FALSE(pzn("PZN27580899"));
}

TEST_CASE("validate::pzn rejects every single digit change") {
  // Weights 1-7 are below the prime 11, so weight * change is never a multiple of 11.
  for (const std::string& number : generated_pzns(300)) {
    INFO(number);
    REQUIRE(pzn(number));
    for (const std::string& mutated : single_digit_changes(number)) {
      INFO(mutated);
      CHECK_FALSE(pzn(mutated));
    }
  }
}

TEST_SUITE_END();
