#include "diagnostics.hpp"

#include <fmt/format.h>
#include <ostream>

namespace waudit {

std::string format_located(const Origin& origin, const Problem& problem) {
  std::string text = origin.path;
  if (!origin.entry.empty()) {
    text += ": " + origin.entry;
  }
  if (problem.line) {
    text += fmt::format(":{}", *problem.line);
  }
  return text + ": " + problem.message;
}

Diagnostics::Diagnostics(std::ostream& out) : out_(out) {}

std::string Diagnostics::report(const Origin& origin, const Problem& problem) {
  std::string line = format_located(origin, problem);
  out_ << "waudit: error: " << line << '\n' << std::flush;
  ++error_count_;
  return line;
}

}  // namespace waudit
