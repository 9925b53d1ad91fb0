#include "validate/email.hpp"

#include "text/value_normalize.hpp"

#include <doctest/doctest.h>

TEST_SUITE_BEGIN("validate");

namespace {

bool address(std::string_view typed) {
  return waudit::validate::email(waudit::text::normalize_value(typed));
}

}  // namespace

TEST_CASE("validate::email accepts ordinary addresses") {
  CHECK(address("max.mustermann@example.com"));
  CHECK(address("erika+shop@mail.example.de"));
  CHECK(address("a@b.de"));
  CHECK(address("info@gustav-mueller.de"));  // "GUS..." is not the g.us of groups
}

TEST_CASE("validate::email rejects WhatsApp's own ids") {
  CHECK_FALSE(address("4915123456789@s.whatsapp.net"));
  CHECK_FALSE(address("4915123456789@c.us"));
  CHECK_FALSE(address("491511234567-1600000000@g.us"));
  CHECK_FALSE(address("status@broadcast"));
  // As the detector retries a rejected value cut before a dot.
  CHECK_FALSE(address("4915123456789@s.whatsapp"));
  CHECK_FALSE(address("4915123456789@g"));
}

TEST_CASE("validate::email rejects file names with an '@'") {
  CHECK_FALSE(address("logo@2x.png"));
  CHECK_FALSE(address("icon@3x.jpeg"));
  CHECK_FALSE(address("scan@home.pdf"));
  CHECK(address("info@png-shop.de"));
}

TEST_CASE("validate::email rejects what is not one local part and one domain") {
  CHECK_FALSE(address(""));
  CHECK_FALSE(address("@example.com"));
  CHECK_FALSE(address("max@"));
  CHECK_FALSE(address("max@@example.com"));
  CHECK_FALSE(address("max@a@example.com"));
  CHECK_FALSE(address("max.example.com"));
}

TEST_SUITE_END();
