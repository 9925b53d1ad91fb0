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

TEST_SUITE_END();
