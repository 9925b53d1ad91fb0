#include "text/utf8.hpp"

#include <doctest/doctest.h>

TEST_SUITE_BEGIN("text");

using waudit::text::count_code_points;
using waudit::text::is_valid;
using waudit::text::sequence_length;
using waudit::text::to_valid;

TEST_CASE("text::count_code_points counts characters not bytes") {
  CHECK(count_code_points("") == 0);
  CHECK(count_code_points("abc") == 3);
  CHECK(count_code_points("Grüße") == 5);
  CHECK(count_code_points("9:41\u202FAM") == 7);
  CHECK(count_code_points("\u200E[") == 2);
  CHECK(count_code_points("\xF0\x9F\x98\x80") == 1);
}

TEST_CASE("text::count_code_points counts each invalid byte once") {
  CHECK(count_code_points("a\xFFz") == 3);
  CHECK(count_code_points("\xC3") == 1);      // truncated sequence
  CHECK(count_code_points("\xE2\x82") == 2);  // truncated three-byte sequence
  CHECK(count_code_points("\xC0\xAF") == 2);  // overlong slash
}

TEST_CASE("text::sequence_length rejects what RFC 3629 forbids") {
  CHECK(sequence_length("a") == 1);
  CHECK(sequence_length("\xC3\xBC") == 2);
  CHECK(sequence_length("\xE2\x80\xAF") == 3);
  CHECK(sequence_length("\xED\xA0\x80") == 0);      // surrogate
  CHECK(sequence_length("\xF4\x90\x80\x80") == 0);  // above U+10FFFF
  CHECK(sequence_length("\xE0\x80\xAF") == 0);      // overlong
  CHECK(sequence_length("\x80") == 0);
}

TEST_CASE("text::to_valid replaces only invalid bytes") {
  CHECK(is_valid("Grüße"));
  CHECK_FALSE(
      is_valid("Gr\xFC\xDF"
               "e"));
  CHECK(to_valid("Grüße") == "Grüße");
  CHECK(to_valid("a\xFFz") == "a\uFFFDz");
}

TEST_SUITE_END();
