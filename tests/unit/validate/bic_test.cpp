#include "validate/bic.hpp"

#include <doctest/doctest.h>

#include <array>
#include <string_view>

TEST_SUITE_BEGIN("validate");

using waudit::validate::bic;
using waudit::validate::is_country_code;

TEST_CASE("validate::bic accepts published BICs of 8 and 11 characters") {
  CHECK(bic("COBADEFFXXX"));  // Commerzbank, head office
  CHECK(bic("DEUTDEFF"));     // Deutsche Bank, Frankfurt (ISO 9362 example)
  CHECK(bic("DEUTDEFF500"));
  CHECK(bic("MARKDEF1100"));  // Deutsche Bundesbank, digits in location and branch
  CHECK(bic("NEDSZAJJXXX"));
  CHECK(bic("DABADKKK"));
  CHECK(bic("UNCRITMM"));
  CHECK(bic("BNORPHMM"));
  CHECK(bic("DSBACNBXSHA"));
}

TEST_CASE("validate::bic accepts territories with their own code and Kosovo") {
  CHECK(bic("AAAAGGAA"));  // Guernsey
  CHECK(bic("AAAAJEAA"));  // Jersey
  CHECK(bic("AAAAXKAA"));  // Kosovo: not in ISO 3166-1, but used by SWIFT
}

TEST_CASE("validate::bic rejects a country code that ISO 3166 does not assign") {
  CHECK_FALSE(bic("COBAXXFFXXX"));
  CHECK_FALSE(bic("COBAUKFF"));  // the United Kingdom is GB
  CHECK_FALSE(bic("COBAEUFF"));
  CHECK_FALSE(bic("COBAZZFF"));
}

TEST_CASE("validate::bic rejects a wrong length or layout") {
  CHECK_FALSE(bic(""));
  CHECK_FALSE(bic("COBADEF"));
  CHECK_FALSE(bic("COBADEFF1"));
  CHECK_FALSE(bic("COBADEFFXX"));
  CHECK_FALSE(bic("COBADEFFXXXX"));
  CHECK_FALSE(bic("C0BADEFF"));  // digit in the bank code
  CHECK_FALSE(bic("1234DEFF"));
  CHECK_FALSE(bic("COBAD3FF"));     // digit in the country code
  CHECK_FALSE(bic("COBADEF-"));     // punctuation in the location
  CHECK_FALSE(bic("COBADEFFXX<"));  // punctuation in the branch
}

TEST_CASE("validate::bic takes only normalized input") {
  CHECK_FALSE(bic("cobadeffxxx"));
  CHECK_FALSE(bic("COBAdeFF"));
  CHECK_FALSE(bic("COBA DE FF XXX"));
  CHECK_FALSE(bic("COBA-DE-FF"));
}

TEST_CASE("validate::bic passes shouted words with a country code in positions 5 and 6") {
  // Why the bic rule requires a bank keyword nearby (detectors.md section 3.7).
  CHECK(bic("DRINGEND"));  // DRIN GE ND
  CHECK(bic("POSTBANK"));  // POST BA NK
}

TEST_CASE("validate::is_country_code knows the ISO 3166-1 alpha-2 codes and XK") {
  CHECK(is_country_code("DE"));
  CHECK(is_country_code("GB"));
  CHECK(is_country_code("AD"));
  CHECK(is_country_code("ZW"));
  CHECK(is_country_code("AQ"));
  CHECK(is_country_code("SS"));
  CHECK(is_country_code("XK"));
  CHECK_FALSE(is_country_code("UK"));
  CHECK_FALSE(is_country_code("EU"));
  CHECK_FALSE(is_country_code("XX"));
  CHECK_FALSE(is_country_code("de"));
  CHECK_FALSE(is_country_code("D"));
  CHECK_FALSE(is_country_code("DEU"));
  CHECK_FALSE(is_country_code(""));
}

TEST_CASE("validate::is_country_code accepts exactly 250 of the 676 letter pairs") {
  int count = 0;
  for (char first = 'A'; first <= 'Z'; ++first) {
    for (char second = 'A'; second <= 'Z'; ++second) {
      const std::array code = {first, second};
      count += is_country_code(std::string_view(code.data(), code.size())) ? 1 : 0;
    }
  }
  CHECK(count == 250);  // 249 ISO 3166-1 codes (iso-codes 4.15) and XK
}

TEST_SUITE_END();
