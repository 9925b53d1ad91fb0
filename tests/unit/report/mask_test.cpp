#include "report/mask.hpp"

#include <doctest/doctest.h>

TEST_SUITE_BEGIN("report");

using waudit::report::mask_value;

TEST_CASE("report::mask_value keeps layout and at most four characters at each end") {
  CHECK(mask_value("DE89 3704 0044 0532 0130 00") == "DE89 **** **** **** **30 00");
  CHECK(mask_value("DE89370400440532013000") == "DE89**************3000");
  CHECK(mask_value("4111-1111-1111-1111") == "4111-****-****-1111");
  CHECK(mask_value("3782 822463 10005") == "3782 ****** *0005");
}

TEST_CASE("report::mask_value reveals less of short values") {
  CHECK(mask_value("12345678901") == "*********01");
  CHECK(mask_value("12.03.1980") == "**.**.**80");
  CHECK(mask_value("1234") == "****");
  CHECK(mask_value("") == "");
}

TEST_CASE("report::mask_value counts letters of any script and invalid bytes as the value") {
  CHECK(mask_value("Müller-Lüdenscheidt 12") == "Müll**-**********dt 12");
  CHECK(mask_value("a\xFF"
                   "b") == "***");
  CHECK(mask_value("4111\u00A01111\u202F1111 1111") == "4111 **** **** 1111");
}

TEST_CASE("report::mask_value shows only the tail of identity numbers") {
  using waudit::report::Reveal;
  CHECK(mask_value("15070649C103", Reveal::tail) == "**********03");
  CHECK(mask_value("DE89 3704 0044 0532 0130 00", Reveal::tail) == "**** **** **** **** **** 00");
  CHECK(waudit::report::reveal_for_category("financial") == Reveal::ends);
  CHECK(waudit::report::reveal_for_category("identity") == Reveal::tail);
}

TEST_CASE("report::mask_value keeps a value that spans lines on one line") {
  CHECK(mask_value("P<UTO\nL898\r\nX", waudit::report::Reveal::tail) == "*<*** ***8  X");
}

TEST_CASE("report::looks_masked tells masked values from values shown as they are") {
  using waudit::report::looks_masked;
  using waudit::report::Reveal;
  CHECK(looks_masked("DE89 **** **** **** **30 00"));
  CHECK(looks_masked("**** **12"));
  CHECK(looks_masked("****"));
  CHECK(looks_masked(""));
  CHECK(looks_masked(mask_value("15070649C103", Reveal::tail), Reveal::tail));
  CHECK_FALSE(looks_masked("DE89 3704 0044 0532 0130 00"));
  CHECK_FALSE(looks_masked("1234"));
  CHECK_FALSE(looks_masked("DE89 **** **** **** **30 00", Reveal::tail));  // shows too much
}

TEST_SUITE_END();
