#include "diagnostics.hpp"

#include <fmt/format.h>

#include <ostream>

namespace waudit {
namespace {

// Names come from archives and file systems and may hold line breaks or terminal escape
// sequences; an error must stay one line and must not drive the terminal.
std::string printable(std::string_view name) {
  std::string out;
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20U || byte == 0x7FU) {
      out += fmt::format("\\x{:02x}", byte);
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string format_located(const Origin& origin, const Problem& problem) {
  std::string text = printable(origin.path);
  if (!origin.entry.empty()) {
    text += ": " + printable(origin.entry);
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
