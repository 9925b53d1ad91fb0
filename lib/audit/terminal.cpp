#include "audit/terminal.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>

namespace waudit::audit {
namespace {

std::optional<std::string> environment(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::nullopt : std::optional<std::string>(value);
}

}  // namespace

TerminalFacts current_terminal() {
  return TerminalFacts{isatty(STDOUT_FILENO) == 1, isatty(STDERR_FILENO) == 1,
                       environment("NO_COLOR"), environment("TERM"), environment("CI")};
}

report::Color report_color(ColorChoice choice, const TerminalFacts& facts) {
  if (choice != ColorChoice::automatic) {
    return choice == ColorChoice::always ? report::Color::on : report::Color::off;
  }
  const bool no_color = facts.no_color && !facts.no_color->empty();
  const bool dumb = facts.term && *facts.term == "dumb";
  return facts.stdout_is_terminal && !no_color && !dumb ? report::Color::on : report::Color::off;
}

ShowProgress progress_for(Verbosity verbosity, const TerminalFacts& facts) {
  const bool in_ci = facts.ci && !facts.ci->empty() && *facts.ci != "0" && *facts.ci != "false";
  const bool shown = verbosity != Verbosity::quiet && facts.stderr_is_terminal && !in_ci;
  return shown ? ShowProgress::yes : ShowProgress::no;
}

std::optional<unsigned> stderr_columns() {
  winsize size{};
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &size) != 0 || size.ws_col == 0) {
    return std::nullopt;
  }
  return size.ws_col;
}

}  // namespace waudit::audit
