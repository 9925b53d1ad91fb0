#include "text/value_normalize.hpp"

#include <doctest/doctest.h>

TEST_SUITE_BEGIN("text");

using waudit::text::normalize_value;

TEST_CASE("text::normalize_value drops separators and marks and upper-cases") {
  CHECK(normalize_value("DE89 3704 0044 0532 0130 00") == "DE89370400440532013000");
  CHECK(normalize_value("ch93-0076-2011-6238-5295-7") == "CH9300762011623852957");
  CHECK(normalize_value("4111\u00A01111\u202F1111\u20111111") == "4111111111111111");
  CHECK(normalize_value("\u200E4111.1111/1111\u20131111\uFEFF") == "4111111111111111");
  CHECK(normalize_value("a\nb\tc") == "ABC");
}

TEST_CASE("text::normalize_value keeps other characters byte-exact") {
  CHECK(normalize_value("Grüße") == "GRüßE");
  CHECK(normalize_value("x\xFFy") == "X\xFFY");
}

TEST_SUITE_END();
