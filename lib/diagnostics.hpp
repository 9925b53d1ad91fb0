// Problems found in inputs: located, one line each, never containing message text or values.
// A Problem is what a low-level function returns; the stage that knows the Origin turns it
// into a diagnostic, which is printed at once and kept for the report's inputs[].errors.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace waudit {

// Where something is: the input path as the user sees it, and the entry inside an archive
// (empty for a plain file).
struct Origin {
  std::string path;
  std::string entry;
};

// A failure described without its location; `line` is 1-based when known.
struct Problem {
  std::string message;
  std::optional<std::uint64_t> line;
};

// Collects the errors of one run. Each report() prints
// `waudit: error: PATH[: ENTRY][:LINE]: message` to the stream given at construction.
class Diagnostics {
 public:
  explicit Diagnostics(std::ostream& out);

  // Records and prints one error; returns the formatted message without the "waudit: error: "
  // prefix, as it goes into inputs[].errors.
  std::string report(const Origin& origin, const Problem& problem);

  std::size_t error_count() const { return error_count_; }

 private:
  std::ostream& out_;
  std::size_t error_count_ = 0;
};

// "PATH[: ENTRY][:LINE]: message", the location prefix every error line uses.
std::string format_located(const Origin& origin, const Problem& problem);

}  // namespace waudit
