#include "input/query_store.hpp"

#include <doctest/doctest.h>

TEST_SUITE_BEGIN("input");

using waudit::input::jid_display;

TEST_CASE("input::jid_display shows phone numbers with a plus and anything else as written") {
  CHECK(jid_display("4915112345678@s.whatsapp.net") == "+4915112345678");
  CHECK(jid_display("4915112345678.0:12@s.whatsapp.net") == "+4915112345678");  // a device
  CHECK(jid_display("4915112345678@c.us") == "+4915112345678");
  CHECK(jid_display("123456789012345@lid") == "123456789012345@lid");
  CHECK(jid_display("120363000000000001@g.us") == "120363000000000001@g.us");
  CHECK(jid_display("status@broadcast") == "status@broadcast");
  CHECK(jid_display("no-at-sign") == "no-at-sign");
  CHECK(jid_display("@s.whatsapp.net") == "@s.whatsapp.net");
}

TEST_SUITE_END();
