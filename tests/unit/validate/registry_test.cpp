#include "validate/registry.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string_view>
#include <vector>

TEST_SUITE_BEGIN("validate");

using waudit::validate::find_validator;
using waudit::validate::validator_names;

TEST_CASE("validate::find_validator finds the validators by name") {
  REQUIRE((find_validator("iban") != nullptr));
  CHECK(find_validator("iban")("DE89370400440532013000"));
  CHECK_FALSE(find_validator("iban")("DE88370400440532013000"));
  REQUIRE((find_validator("payment-card") != nullptr));
  CHECK(find_validator("payment-card")("4111111111111111"));
  CHECK_FALSE(find_validator("payment-card")("4222222222222"));
  REQUIRE((find_validator("luhn") != nullptr));
  CHECK(find_validator("luhn")("4222222222222"));
  REQUIRE((find_validator("bic") != nullptr));
  CHECK(find_validator("bic")("COBADEFFXXX"));
  REQUIRE((find_validator("de-tax-id") != nullptr));
  CHECK(find_validator("de-tax-id")("86095742719"));
  REQUIRE((find_validator("de-social-security-number") != nullptr));
  CHECK(find_validator("de-social-security-number")("15070649C103"));
  REQUIRE((find_validator("de-health-insurance-number") != nullptr));
  CHECK(find_validator("de-health-insurance-number")("A000500015"));
  REQUIRE((find_validator("id-document") != nullptr));
  CHECK(find_validator("id-document")("L01X00T471"));
  REQUIRE((find_validator("pzn") != nullptr));
  CHECK(find_validator("pzn")("27580899"));
}

TEST_CASE("validate::find_validator returns nullptr for an unknown name") {
  CHECK((find_validator("") == nullptr));
  CHECK((find_validator("IBAN") == nullptr));
  CHECK((find_validator("payment_card") == nullptr));
  CHECK((find_validator("steuer-id") == nullptr));
  CHECK((find_validator("de_tax_id") == nullptr));
  CHECK((find_validator("kvnr") == nullptr));
}

TEST_CASE("validate::validator_names lists every name sorted") {
  const auto names = validator_names();
  CHECK(names == std::vector<std::string_view>{
                     "bic", "credential-value", "date-of-birth", "de-health-insurance-number",
                     "de-social-security-number", "de-tax-id", "email", "iban", "id-document",
                     "luhn", "payment-card", "phone", "pzn"});
  CHECK(std::ranges::is_sorted(names));
  for (const auto name : names) {
    INFO(name);
    CHECK((find_validator(name) != nullptr));
  }
}

TEST_SUITE_END();
