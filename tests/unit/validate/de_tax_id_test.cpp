#include "validate/de_tax_id.hpp"

#include <doctest/doctest.h>

#include <array>
#include <cstddef>
#include <random>
#include <string>
#include <string_view>
#include <vector>

TEST_SUITE_BEGIN("validate");

namespace {

using waudit::validate::de_tax_id;
using waudit::validate::de_tax_id_digit_rule;
using waudit::validate::mod_11_10_check_digit;

// Test IDs published with the BZSt rules (Apache Commons Validator's TidDECheckDigitTest,
// quoted in detectors.md section 3.3).
constexpr std::array kPublishedIds = {
    "86095742719", "47036892816", "65929970489", "57549285017", "25768131411",
};

// Valid IDs made from random 10-digit prefixes that follow the repetition rule and do not
// start with 0, with their check digit appended.
std::vector<std::string> generated_ids(std::size_t count) {
  std::minstd_rand rng(1392016);  // fixed seed: the same IDs on every run
  std::vector<std::string> ids;
  while (ids.size() < count) {
    std::string prefix;
    for (int i = 0; i < 10; ++i) {
      prefix += static_cast<char>('0' + rng() % 10);
    }
    if (prefix[0] != '0' && de_tax_id_digit_rule(prefix)) {
      ids.push_back(prefix + *mod_11_10_check_digit(prefix));
    }
  }
  return ids;
}

}  // namespace

TEST_CASE("validate::de_tax_id accepts published test IDs") {
  for (const std::string_view id : kPublishedIds) {
    INFO(id);
    CHECK(de_tax_id(id));
  }
}

TEST_CASE("validate::de_tax_id accepts a doubled digit as before 2016 and a tripled one") {
  CHECK(de_tax_id("86095742719"));  // 7 twice
  CHECK(de_tax_id("65929970489"));  // 9 three times, two of them adjacent
  CHECK(de_tax_id("93141705862"));  // 1 three times, none adjacent (invented)
}

TEST_CASE("validate::mod_11_10_check_digit computes ISO 7064 MOD 11,10") {
  CHECK(mod_11_10_check_digit("8609574271") == '9');
  CHECK(mod_11_10_check_digit("4703689281") == '6');
  CHECK(mod_11_10_check_digit("2576813141") == '1');
  CHECK(mod_11_10_check_digit("1234567890") == '3');
  CHECK(mod_11_10_check_digit("0") == '2');
  CHECK_FALSE(mod_11_10_check_digit("").has_value());
  CHECK_FALSE(mod_11_10_check_digit("86095 74271").has_value());
  CHECK_FALSE(mod_11_10_check_digit("860957427a").has_value());
}

TEST_CASE("validate::de_tax_id_digit_rule wants exactly one digit twice or three times") {
  CHECK(de_tax_id_digit_rule("8609574271"));
  CHECK(de_tax_id_digit_rule("6592997048"));
  CHECK(de_tax_id_digit_rule("1213145678"));        // three times, never adjacent
  CHECK(de_tax_id_digit_rule("1123456789"));        // two adjacent are allowed
  CHECK_FALSE(de_tax_id_digit_rule("1234567890"));  // no digit repeats
  CHECK_FALSE(de_tax_id_digit_rule("1123456677"));  // three digits repeat
  CHECK_FALSE(de_tax_id_digit_rule("1123456788"));  // two digits repeat
  CHECK_FALSE(de_tax_id_digit_rule("1121314567"));  // one digit four times
  CHECK_FALSE(de_tax_id_digit_rule("1112345678"));  // three in a row
  CHECK_FALSE(de_tax_id_digit_rule("2345678111"));
  CHECK_FALSE(de_tax_id_digit_rule("112345678"));
  CHECK_FALSE(de_tax_id_digit_rule("11234567890"));
  CHECK_FALSE(de_tax_id_digit_rule("112345678a"));
  CHECK_FALSE(de_tax_id_digit_rule(""));
}

TEST_CASE("validate::de_tax_id rejects a right check digit when the repetition rule fails") {
  // Presidio's docstring example: the check digit is right, but no digit repeats.
  CHECK(mod_11_10_check_digit("1234567890") == '3');
  CHECK_FALSE(de_tax_id("12345678903"));
  CHECK(mod_11_10_check_digit("1112345678") == '6');
  CHECK_FALSE(de_tax_id("11123456786"));
  CHECK(mod_11_10_check_digit("1121314567") == '3');
  CHECK_FALSE(de_tax_id("11213145673"));
}

TEST_CASE("validate::de_tax_id rejects a leading 0 which marks test IDs") {
  REQUIRE(de_tax_id_digit_rule("0512374856"));
  REQUIRE(mod_11_10_check_digit("0512374856") == '1');
  CHECK_FALSE(de_tax_id("05123748561"));
}

TEST_CASE("validate::de_tax_id rejects a wrong check digit") {
  CHECK_FALSE(de_tax_id("86095742718"));
  CHECK_FALSE(de_tax_id("47036892810"));
  CHECK_FALSE(de_tax_id("65929970480"));
}

TEST_CASE("validate::de_tax_id rejects a wrong length and takes only normalized input") {
  CHECK_FALSE(de_tax_id(""));
  CHECK_FALSE(de_tax_id("8609574271"));
  CHECK_FALSE(de_tax_id("860957427190"));
  CHECK_FALSE(de_tax_id("86 095 742 719"));
  CHECK_FALSE(de_tax_id("860 957 427 19"));
  CHECK_FALSE(de_tax_id("86095742719 "));
  CHECK_FALSE(de_tax_id("8609574271-9"));
  CHECK_FALSE(de_tax_id("8609574271X"));
}

TEST_CASE("validate::de_tax_id accepts generated IDs and rejects every single digit change") {
  // MOD 11,10 is a hybrid system: a changed digit always changes the check digit.
  for (const std::string& id : generated_ids(200)) {
    INFO(id);
    REQUIRE(de_tax_id(id));
    for (std::size_t i = 0; i < id.size(); ++i) {
      for (char digit = '0'; digit <= '9'; ++digit) {
        if (digit == id[i]) {
          continue;
        }
        std::string mutated = id;
        mutated[i] = digit;
        INFO(mutated);
        CHECK_FALSE(de_tax_id(mutated));
      }
    }
  }
}

TEST_SUITE_END();
