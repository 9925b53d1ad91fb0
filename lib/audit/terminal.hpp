// Whether the text report gets colour and standard error a progress line, decided the way
// ripgrep and no-color.org do: only for a terminal, never for a pipe, a file or a CI log.
#pragma once

#include "audit/scan.hpp"

#include <optional>
#include <string>

namespace waudit::audit {

enum class ColorChoice { automatic, always, never };  // --color auto|always|never

// What the decisions depend on; current_terminal() reads it from the process.
struct TerminalFacts {
  bool stdout_is_terminal = false;
  bool stderr_is_terminal = false;
  std::optional<std::string> no_color;  // $NO_COLOR
  std::optional<std::string> term;      // $TERM
  std::optional<std::string> ci;        // $CI
};

TerminalFacts current_terminal();

// Colour for a text report on standard output: `always` and `never` as said; `automatic`
// when standard output is a terminal, NO_COLOR is unset or empty and TERM is not "dumb".
report::Color report_color(ColorChoice choice, const TerminalFacts& facts);

// A progress line when standard error is a terminal, not quiet, and not in CI (CI set to
// anything but "", "0" or "false").
ShowProgress progress_for(Verbosity verbosity, const TerminalFacts& facts);

// Width of the terminal on standard error; nullopt when it is none.
std::optional<unsigned> stderr_columns();

}  // namespace waudit::audit
