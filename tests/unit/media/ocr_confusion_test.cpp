#include "media/ocr_confusion.hpp"

#include <doctest/doctest.h>

TEST_SUITE_BEGIN("media");

using waudit::media::as_digit;
using waudit::media::as_digits;
using waudit::media::looks_numeric;

TEST_CASE("media::as_digit") {
  CHECK(as_digit('7') == '7');
  CHECK(as_digit('O') == '0');
  CHECK(as_digit('o') == '0');
  CHECK(as_digit('I') == '1');
  CHECK(as_digit('l') == '1');
  CHECK(as_digit(']') == '1');
  CHECK(as_digit('|') == '1');
  CHECK(as_digit('S') == '5');
  CHECK(as_digit('B') == '8');
  CHECK_FALSE(as_digit('A').has_value());
  CHECK_FALSE(as_digit('<').has_value());
  CHECK_FALSE(as_digit(' ').has_value());
}

TEST_CASE("media::as_digits") {
  CHECK(as_digits("4l11") == "4111");
  CHECK(as_digits("S5O0") == "5500");
  CHECK(as_digits("]B") == "18");
  CHECK_FALSE(as_digits("41A1").has_value());
  CHECK(as_digits("") == "");
}

TEST_CASE("media::looks_numeric") {
  CHECK(looks_numeric("4111"));
  CHECK(looks_numeric("4l11"));
  CHECK(looks_numeric("5S"));        // half real digits
  CHECK_FALSE(looks_numeric("Sl"));  // a word, not a group of digits
  CHECK_FALSE(looks_numeric("BOSS"));
  CHECK_FALSE(looks_numeric("12/29"));
  CHECK_FALSE(looks_numeric(""));
}

TEST_SUITE_END();
