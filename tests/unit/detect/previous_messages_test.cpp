#include "detect/previous_messages.hpp"

#include <doctest/doctest.h>

TEST_SUITE_BEGIN("detect");

TEST_CASE("detect::PreviousMessages keeps the last two messages") {
  waudit::detect::PreviousMessages previous;
  CHECK(previous.text().empty());
  CHECK(previous.latest().empty());
  previous.add("Brauchen Sie den BIC?");
  CHECK(previous.text() == "\nBrauchen Sie den BIC?");
  previous.add("Ja bitte");
  CHECK(previous.text() == "\nBrauchen Sie den BIC?\nJa bitte");
  previous.add("GMBWDEA3XXX");
  CHECK(previous.text() == "\nJa bitte\nGMBWDEA3XXX");
  CHECK(previous.latest() == "GMBWDEA3XXX");
  previous.add("");
  CHECK(previous.text() == "\nGMBWDEA3XXX\n");
  CHECK(previous.latest().empty());
  previous.add("x");
  CHECK(previous.text() == "\n\nx");
}

TEST_SUITE_END();
