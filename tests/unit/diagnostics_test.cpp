#include "diagnostics.hpp"

#include <doctest/doctest.h>

#include <sstream>

TEST_SUITE_BEGIN("diagnostics");

TEST_CASE("diagnostics::report prints one located line and counts it") {
  std::ostringstream out;
  waudit::Diagnostics diagnostics(out);
  const std::string recorded =
      diagnostics.report(waudit::Origin{"exports/chat.zip", "WhatsApp Chat.txt"},
                         waudit::Problem{"entry is encrypted; skipped", 12});
  CHECK(recorded == "exports/chat.zip: WhatsApp Chat.txt:12: entry is encrypted; skipped");
  CHECK(out.str() == "waudit: error: " + recorded + "\n");
  CHECK(diagnostics.error_count() == 1);
}

TEST_CASE("diagnostics::format_located leaves out what is unknown") {
  CHECK(waudit::format_located({"a.txt", ""}, {"missing", std::nullopt}) == "a.txt: missing");
}

TEST_CASE("diagnostics::format_located keeps an error on one line") {
  const std::string line =
      waudit::format_located({"a.zip", "evil\nname\x1b[2J"}, {"bad", std::nullopt});
  CHECK(line.find('\n') == std::string::npos);
  CHECK(line.find('\x1b') == std::string::npos);
  CHECK(line == "a.zip: evil\\x0aname\\x1b[2J: bad");
}

TEST_SUITE_END();
