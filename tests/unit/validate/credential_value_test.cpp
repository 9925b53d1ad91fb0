#include "validate/credential_value.hpp"

#include "text/value_normalize.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>

TEST_SUITE_BEGIN("validate");

namespace {

bool secret(std::string_view typed) {
  return waudit::validate::credential_value(waudit::text::normalize_value(typed));
}

}  // namespace

TEST_CASE("validate::credential_value accepts passwords that mix letters with digits or symbols") {
  CHECK(secret("Sommer2023!"));
  CHECK(secret("hunter2"));
  CHECK(secret("P@ssw0rd"));
  CHECK(secret("Haus#Maus"));
  CHECK(secret("xK9-q2!z"));
  CHECK(secret("FRITZ!Box7590"));
}

TEST_CASE("validate::credential_value accepts PINs, TANs and codes of 4 to 20 digits") {
  CHECK(secret("1234"));
  CHECK(secret("4711"));
  CHECK(secret("123456"));
  CHECK(secret("0815"));
  CHECK(secret("1234 5678 9012 3456 7890"));  // a router's Wi-Fi key as printed
  CHECK(secret("4711#"));                     // keypad: confirm with the hash key
  CHECK(secret("*0815#"));
  CHECK_FALSE(secret("#"));
  CHECK_FALSE(secret("12#"));
  CHECK_FALSE(secret("123"));
  CHECK_FALSE(secret("123456789012345678901"));
}

TEST_CASE("validate::credential_value rejects the replies of a conversation") {
  CHECK_FALSE(secret("Danke!"));
  CHECK_FALSE(secret("ok"));
  CHECK_FALSE(secret("Moment"));
  CHECK_FALSE(secret("Wieso?!"));
  CHECK_FALSE(secret("Super :)"));
  CHECK_FALSE(secret("Sonnenschein"));  // letters only: cannot be told from a word
  CHECK_FALSE(secret("17Uhr"));         // too short for a password
  CHECK_FALSE(secret("👍"));
  CHECK_FALSE(secret("Grüße1234"));  // not ASCII
  CHECK_FALSE(secret("****"));
  CHECK_FALSE(secret("https://example.com/login1"));
  CHECK_FALSE(secret("www.example.com"));
  CHECK_FALSE(secret(""));
}

TEST_CASE("validate::credential_value: every generated letter-digit mix is accepted") {
  // Property: 6 to 64 characters of letters with at least one digit inside pass; the same
  // strings with the digits replaced by letters do not.
  std::minstd_rand rng(3);  // fixed seed: the same strings on every run
  for (int round = 0; round < 500; ++round) {
    const std::size_t length = 6 + rng() % 59;
    std::string mixed;
    std::string letters;
    for (std::size_t i = 0; i < length; ++i) {
      const char letter = static_cast<char>('A' + rng() % 26);
      const bool digit = i == length / 2 || rng() % 4 == 0;
      mixed += digit ? static_cast<char>('0' + rng() % 10) : letter;
      letters += letter;
    }
    INFO(mixed);
    CHECK(waudit::validate::credential_value(mixed));
    CHECK_FALSE(waudit::validate::credential_value(letters));
  }
}

TEST_SUITE_END();
