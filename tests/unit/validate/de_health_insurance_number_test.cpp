#include "validate/de_health_insurance_number.hpp"

#include "digit_changes.hpp"

#include <doctest/doctest.h>

#include <cstddef>
#include <random>
#include <string>
#include <vector>

TEST_SUITE_BEGIN("validate");

namespace {

using waudit::validate::de_health_insurance_number;
using waudit::validate::de_health_insurance_number_check_digit;

// Valid numbers with a random letter and 8 random digits, check digit appended.
std::vector<std::string> generated_numbers(std::size_t count) {
  std::minstd_rand rng(290);  // fixed seed: the same numbers on every run
  std::vector<std::string> numbers;
  while (numbers.size() < count) {
    std::string first_nine(1, static_cast<char>('A' + rng() % 26));
    for (int i = 0; i < 8; ++i) {
      first_nine += static_cast<char>('0' + rng() % 10);
    }
    numbers.push_back(first_nine + *de_health_insurance_number_check_digit(first_nine));
  }
  return numbers;
}

}  // namespace

TEST_CASE("validate::de_health_insurance_number accepts the SGB V example and invented ones") {
  CHECK(de_health_insurance_number("A000500015"));  // SGB V annex, detectors.md section 3.5
  CHECK(de_health_insurance_number("T123456780"));
  CHECK(de_health_insurance_number("M987654323"));
  CHECK(de_health_insurance_number("K123456781"));
}

TEST_CASE("validate::de_health_insurance_number_check_digit weighs 1 2 1 2 with digit sums") {
  // A = 0 1, then 0 0 0 5 0 0 0 1, weighted 1 2 1 2 ...: 0 + 2 + 0 + 0 + 0 + (10 -> 1) + 0 +
  // 0 + 0 + 2 = 5.
  CHECK(de_health_insurance_number_check_digit("A00050001") == '5');
  CHECK(de_health_insurance_number_check_digit("Z99999999") == '7');
  CHECK_FALSE(de_health_insurance_number_check_digit("100050001").has_value());
  CHECK_FALSE(de_health_insurance_number_check_digit("a00050001").has_value());
  CHECK_FALSE(de_health_insurance_number_check_digit("A0005000").has_value());
  CHECK_FALSE(de_health_insurance_number_check_digit("A0005000X").has_value());
  CHECK_FALSE(de_health_insurance_number_check_digit("").has_value());
}

TEST_CASE("validate::de_health_insurance_number rejects a wrong check digit") {
  CHECK_FALSE(de_health_insurance_number("A000500016"));
  CHECK_FALSE(de_health_insurance_number("A000500010"));
  CHECK_FALSE(de_health_insurance_number("T123456781"));
}

TEST_CASE("validate::de_health_insurance_number rejects a wrong length or shape") {
  CHECK_FALSE(de_health_insurance_number(""));
  CHECK_FALSE(de_health_insurance_number("A00050001"));
  CHECK_FALSE(de_health_insurance_number("A0005000150"));
  CHECK_FALSE(de_health_insurance_number("1000500015"));
  CHECK_FALSE(de_health_insurance_number("AA00500015"));
}

TEST_CASE("validate::de_health_insurance_number takes only normalized input") {
  CHECK_FALSE(de_health_insurance_number("a000500015"));
  CHECK_FALSE(de_health_insurance_number("A 000500015"));
  CHECK_FALSE(de_health_insurance_number("A00050001-5"));
}

TEST_CASE("validate::de_health_insurance_number rejects every single digit change") {
  // Weight 1 and weight 2 with digit sum (0 2 4 6 8 1 3 5 7 9) both map 0-9 one to one.
  for (const std::string& number : generated_numbers(300)) {
    INFO(number);
    REQUIRE(de_health_insurance_number(number));
    for (const std::string& mutated : single_digit_changes(number)) {
      INFO(mutated);
      CHECK_FALSE(de_health_insurance_number(mutated));
    }
  }
}

TEST_CASE("validate::de_health_insurance_number cannot tell B from U since both weigh 4") {
  // B = 0 2 counts 0 + 4, U = 2 1 counts 2 + 2.
  CHECK(de_health_insurance_number_check_digit("B00050001") ==
        de_health_insurance_number_check_digit("U00050001"));
}

TEST_SUITE_END();
