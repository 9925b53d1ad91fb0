#include "audit/terminal.hpp"

#include <doctest/doctest.h>

TEST_SUITE_BEGIN("audit");

using waudit::audit::ColorChoice;
using waudit::audit::ShowProgress;
using waudit::audit::TerminalFacts;
using waudit::audit::Verbosity;
using waudit::report::Color;

TEST_CASE("audit::report_color colours a terminal unless NO_COLOR or TERM=dumb say no") {
  const TerminalFacts terminal{true, true, std::nullopt, "xterm-256color", std::nullopt};
  CHECK(report_color(ColorChoice::automatic, terminal) == Color::on);
  TerminalFacts piped = terminal;
  piped.stdout_is_terminal = false;
  CHECK(report_color(ColorChoice::automatic, piped) == Color::off);
  TerminalFacts no_color = terminal;
  no_color.no_color = "1";
  CHECK(report_color(ColorChoice::automatic, no_color) == Color::off);
  no_color.no_color = "";  // no-color.org: set but empty does not count
  CHECK(report_color(ColorChoice::automatic, no_color) == Color::on);
  TerminalFacts dumb = terminal;
  dumb.term = "dumb";
  CHECK(report_color(ColorChoice::automatic, dumb) == Color::off);
}

TEST_CASE("audit::report_color obeys always and never whatever the terminal") {
  TerminalFacts piped{false, false, "1", "dumb", std::nullopt};
  CHECK(report_color(ColorChoice::always, piped) == Color::on);
  const TerminalFacts terminal{true, true, std::nullopt, "xterm", std::nullopt};
  CHECK(report_color(ColorChoice::never, terminal) == Color::off);
}

TEST_CASE("audit::progress_for draws only on a terminal, not quiet, not in CI") {
  const TerminalFacts terminal{false, true, std::nullopt, "xterm", std::nullopt};
  CHECK(progress_for(Verbosity::normal, terminal) == ShowProgress::yes);
  CHECK(progress_for(Verbosity::quiet, terminal) == ShowProgress::no);
  TerminalFacts piped = terminal;
  piped.stderr_is_terminal = false;
  CHECK(progress_for(Verbosity::normal, piped) == ShowProgress::no);
  TerminalFacts ci = terminal;
  for (const char* value : {"true", "1", "yes"}) {
    ci.ci = value;
    CHECK(progress_for(Verbosity::normal, ci) == ShowProgress::no);
  }
  for (const char* value : {"", "0", "false"}) {
    ci.ci = value;
    CHECK(progress_for(Verbosity::normal, ci) == ShowProgress::yes);
  }
}

TEST_SUITE_END();
