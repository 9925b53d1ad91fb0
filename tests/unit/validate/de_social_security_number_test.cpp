#include "validate/de_social_security_number.hpp"

#include "digit_changes.hpp"

#include <doctest/doctest.h>

#include <cstddef>
#include <random>
#include <string>
#include <vector>

TEST_SUITE_BEGIN("validate");

namespace {

using waudit::validate::de_social_security_number;
using waudit::validate::de_social_security_number_check_digit;

// `first_eleven` with its check digit appended; the caller knows the shape is right.
std::string with_check_digit(const std::string& first_eleven) {
  return first_eleven + *de_social_security_number_check_digit(first_eleven);
}

std::string two_digits(unsigned value) {
  return {static_cast<char>('0' + value / 10), static_cast<char>('0' + value % 10)};
}

// Valid numbers with random area, birth date (day + 50 now and then), letter and serial.
std::vector<std::string> generated_numbers(std::size_t count) {
  std::minstd_rand rng(1504);  // fixed seed: the same numbers on every run
  std::vector<std::string> numbers;
  while (numbers.size() < count) {
    const unsigned day = 1 + rng() % 31 + (rng() % 4 == 0 ? 50 : 0);
    const std::string first_eleven = two_digits(rng() % 100) + two_digits(day) +
                                     two_digits(1 + rng() % 12) + two_digits(rng() % 100) +
                                     static_cast<char>('A' + rng() % 26) + two_digits(rng() % 100);
    numbers.push_back(with_check_digit(first_eleven));
  }
  return numbers;
}

}  // namespace

TEST_CASE("validate::de_social_security_number accepts the worked example and invented ones") {
  CHECK(de_social_security_number("15070649C103"));  // detectors.md section 3.4
  CHECK(de_social_security_number("65170839J003"));
  CHECK(de_social_security_number("53581285M528"));  // day 58: 8 + 50
  CHECK(de_social_security_number("04010170A006"));
}

TEST_CASE("validate::de_social_security_number_check_digit follows the DRV weights") {
  // 1 5 0 7 0 6 4 9 | C = 0 3 | 1 0, weighted 2 1 2 5 7 1 2 1 2 1 2 1, digit sums
  // 2 5 0 8 0 6 8 9 0 3 2 0 = 43.
  CHECK(de_social_security_number_check_digit("15070649C10") == '3');
  CHECK(de_social_security_number_check_digit("65170839J00") == '3');
  CHECK(de_social_security_number_check_digit("04010170Z99") == '3');
  CHECK_FALSE(de_social_security_number_check_digit("15070649310").has_value());
  CHECK_FALSE(de_social_security_number_check_digit("15070649c10").has_value());
  CHECK_FALSE(de_social_security_number_check_digit("1507064C910").has_value());
  CHECK_FALSE(de_social_security_number_check_digit("15070649C1").has_value());
  CHECK_FALSE(de_social_security_number_check_digit("").has_value());
}

TEST_CASE("validate::de_social_security_number checks day and month before the check digit") {
  // Each number below has the right check digit for its first 11 characters.
  CHECK(de_social_security_number(with_check_digit("15010149C10")));
  CHECK(de_social_security_number(with_check_digit("15311249C10")));
  CHECK(de_social_security_number(with_check_digit("15510149C10")));
  CHECK(de_social_security_number(with_check_digit("15811249C10")));
  CHECK_FALSE(de_social_security_number(with_check_digit("15000649C10")));  // day 00
  CHECK_FALSE(de_social_security_number(with_check_digit("15320649C10")));  // day 32
  CHECK_FALSE(de_social_security_number(with_check_digit("15500649C10")));  // day 50
  CHECK_FALSE(de_social_security_number(with_check_digit("15820649C10")));  // day 82
  CHECK_FALSE(de_social_security_number(with_check_digit("15070049C10")));  // month 00
  CHECK_FALSE(de_social_security_number(with_check_digit("15071349C10")));  // month 13
  CHECK_FALSE(de_social_security_number("12345678A124"));                   // day 34
}

TEST_CASE("validate::de_social_security_number rejects a wrong check digit") {
  CHECK_FALSE(de_social_security_number("15070649C104"));
  CHECK_FALSE(de_social_security_number("15070649C100"));
  CHECK_FALSE(de_social_security_number("65170839J009"));
}

TEST_CASE("validate::de_social_security_number rejects a wrong length or shape") {
  CHECK_FALSE(de_social_security_number(""));
  CHECK_FALSE(de_social_security_number("15070649C10"));
  CHECK_FALSE(de_social_security_number("15070649C1033"));
  CHECK_FALSE(de_social_security_number("150706493103"));
  CHECK_FALSE(de_social_security_number("15070649CC03"));
  CHECK_FALSE(de_social_security_number("1507064C9103"));
}

TEST_CASE("validate::de_social_security_number takes only normalized input") {
  CHECK_FALSE(de_social_security_number("15 070649 C 103"));
  CHECK_FALSE(de_social_security_number("15070649c103"));
  CHECK_FALSE(de_social_security_number("15-070649-C-103"));
}

TEST_CASE("validate::de_social_security_number rejects every single digit change") {
  // Weights 1, 2 and 5 map each digit to a different digit sum mod 10; weight 7 on the tens
  // digit of the month confuses 0 with 4 and 3 with 7, which the month range rules out.
  for (const std::string& number : generated_numbers(300)) {
    INFO(number);
    REQUIRE(de_social_security_number(number));
    for (const std::string& mutated : single_digit_changes(number)) {
      INFO(mutated);
      CHECK_FALSE(de_social_security_number(mutated));
    }
  }
}

TEST_CASE("validate::de_social_security_number cannot tell B from J since both weigh 2") {
  // B = 02 and J = 10: 2 * 0 + 1 * 2 = 2 * 1 + 1 * 0 (the letter's digits are weighted 2, 1).
  CHECK(de_social_security_number_check_digit("15070649B10") ==
        de_social_security_number_check_digit("15070649J10"));
}

TEST_SUITE_END();
