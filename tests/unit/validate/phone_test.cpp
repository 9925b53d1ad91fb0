#include "validate/phone.hpp"

#include "text/value_normalize.hpp"
#include "validate/registry.hpp"

#include <doctest/doctest.h>

#include <array>
#include <random>
#include <string>
#include <string_view>
#include <vector>

TEST_SUITE_BEGIN("validate");

namespace {

using waudit::validate::phone;

bool phone_as_typed(std::string_view typed) {
  return phone(waudit::text::normalize_value(typed));
}

// German mobile numbers of the 0151/0160/0170-0179 blocks with the lengths the Bundesnetzagentur
// assigns there (8 or 7 digits after the prefix).
std::vector<std::string> generated_mobile_numbers(std::size_t count) {
  constexpr std::array<std::string_view, 4> kPrefixes = {"0151", "0152", "0176", "0171"};
  std::minstd_rand rng(7);  // fixed seed: the same numbers on every run
  std::vector<std::string> numbers;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string_view prefix = kPrefixes[i % kPrefixes.size()];
    std::string number(prefix);
    const std::size_t length = prefix == "0171" ? 7 : 8;
    for (std::size_t d = 0; d < length; ++d) {
      number += static_cast<char>('0' + rng() % 10);
    }
    numbers.push_back(number);
  }
  return numbers;
}

}  // namespace

TEST_CASE("validate::phone accepts German numbers as they are typed") {
  CHECK(phone_as_typed("+49 151 23456789"));
  CHECK(phone_as_typed("0049 151 23456789"));
  CHECK(phone_as_typed("0151 23456789"));
  CHECK(phone_as_typed("0151/23456789"));
  CHECK(phone_as_typed("(0 30) 12 34 56-78"));
  CHECK(phone_as_typed("+49 (0) 30 1234567"));
  CHECK(phone_as_typed("030-1234567"));
  CHECK(phone_as_typed("06221 12345"));
  CHECK(phone_as_typed("0800 1234567"));
}

TEST_CASE("validate::phone accepts Austrian, Swiss, British and North American numbers") {
  CHECK(phone_as_typed("+43 664 1234567"));
  CHECK(phone_as_typed("+41 79 123 45 67"));
  CHECK(phone_as_typed("+44 20 7946 0958"));
  CHECK(phone_as_typed("020 7946 0958"));  // valid in GB, not in DE
  CHECK(phone_as_typed("+1 (201) 555-0123"));
  CHECK(phone_as_typed("(201) 555-0123"));
  CHECK(phone_as_typed("201-555-0123"));
  CHECK(phone_as_typed("1-201-555-0123"));
}

TEST_CASE("validate::phone accepts reserved drama numbers that carry a country code") {
  // Ofcom's 07700 900xxx range: IsValidNumber says no, yet a reader sees a phone number.
  CHECK(phone_as_typed("+44 7700 900123"));
  CHECK(phone_as_typed("+44 7700 900 999"));
}

TEST_CASE("validate::phone rejects dates typed without their dots") {
  // libphonenumber issue #708: German numbering accepts these as landline numbers.
  CHECK_FALSE(phone("05101986"));
  CHECK_FALSE(phone("03072023"));
  CHECK_FALSE(phone("31121999"));
  CHECK_FALSE(phone("04281951"));  // 04/28/1951, month first
  CHECK_FALSE(phone("05.10.1986"));
  CHECK_FALSE(phone("03.07-17.07.15"));
  CHECK_FALSE(phone("14:03"));
}

TEST_CASE("validate::phone rejects what is too short, too long or not a number") {
  CHECK_FALSE(phone(""));
  CHECK_FALSE(phone("+"));
  CHECK_FALSE(phone("030123"));               // 6 digits
  CHECK_FALSE(phone("02160569"));             // 8 digits: the tail of a pension insurance number
  CHECK_FALSE(phone("02823768586090"));       // 14 digits with trunk 0
  CHECK_FALSE(phone("+4930"));                // country and area code only
  CHECK_FALSE(phone("+491512345678901234"));  // more than E.164 allows
  CHECK_FALSE(phone("1234567"));              // no trunk 0, no country code, not North American
  CHECK_FALSE(phone("4917612345678"));        // country code without '+' or "00"
  CHECK_FALSE(phone("0151 2345678X"));
  CHECK_FALSE(phone("+49 151 2345678#"));
  CHECK_FALSE(phone("1055501234"));  // North American area codes do not start with 0 or 1
}

TEST_CASE("validate::phone checks the length a country code allows") {
  CHECK_FALSE(phone("+44 7700 9001"));
  CHECK_FALSE(phone("+1 201 555 01"));
  CHECK_FALSE(phone("+999 1234567"));  // no such country code
}

TEST_CASE("validate::phone accepts generated German mobile numbers in every spelling") {
  for (const std::string& national : generated_mobile_numbers(200)) {
    INFO(national);
    const std::string subscriber = national.substr(4);
    CHECK(phone(national));
    CHECK(phone("+49" + national.substr(1)));
    CHECK(phone("0049" + national.substr(1)));
    CHECK(phone_as_typed(national.substr(0, 4) + " " + subscriber));
    CHECK(phone_as_typed("+49 " + national.substr(1, 3) + " " + subscriber));
    CHECK(phone_as_typed("+49 (0) " + national.substr(1, 3) + " " + subscriber));
    // Without trunk prefix and country code it is nobody's number in Germany.
    CHECK_FALSE(phone("49" + national.substr(1)));
  }
}

TEST_CASE("validate::phone_in_e164 gives one spelling for every way of typing a number") {
  using waudit::validate::phone_in_e164;
  CHECK(phone_in_e164("+4915123456789") == "+4915123456789");
  CHECK(phone_in_e164(waudit::text::normalize_value("+49 151 2345 6789")) == "+4915123456789");
  CHECK(phone_in_e164("015123456789") == "+4915123456789");
  CHECK(phone_in_e164("004915123456789") == "+4915123456789");
  CHECK(phone_in_e164("+49(0)301234567") == "+49301234567");
  CHECK(phone_in_e164("(030)1234567") == "+49301234567");
  CHECK(phone_in_e164("02079460958") == "+442079460958");  // valid in GB, not in DE
  CHECK(phone_in_e164("2025550123") == "+12025550123");
  CHECK(phone_in_e164("05101986").empty());
  CHECK(phone_in_e164("").empty());
}

TEST_CASE("validate::phone is found by name for sender names of unsaved contacts") {
  // chat_scan reports a sender shown as a bare number through this name.
  const auto check = waudit::validate::find_validator("phone");
  REQUIRE((check != nullptr));
  CHECK(check("+49 151 23456789"));
  CHECK(check("+44 7700 900123"));
  CHECK(check("+4915123456789"));
  CHECK_FALSE(check("Max Mustermann"));
  CHECK_FALSE(check("+49"));
}

TEST_SUITE_END();
