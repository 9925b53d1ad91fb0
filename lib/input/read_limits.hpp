// Limits that keep hostile inputs (zip bombs, endless lines, archives of archives) from
// costing unbounded time or memory. Each is a command-line option (see man/waudit.1); an input
// that hits one is reported as not fully read, and the scan goes on.
#pragma once

#include <cstdint>

namespace waudit::input {

struct ReadLimits {
  // Bytes one ZIP entry may inflate to (a chat text, a contact card, a nested archive is
  // further capped by max_nested_bytes).
  std::uint64_t max_entry_bytes = std::uint64_t{4} << 30;
  // How many times its compressed size an entry may inflate to, once past the first MiB.
  // Chat text compresses about 3-10:1; a zip bomb thousands to millions to one.
  std::uint64_t max_ratio = 200;
  // Entries one archive may hold.
  std::uint64_t max_entries = 100000;
  // Archive levels: the input is level 1, a ZIP inside it level 2.
  unsigned max_depth = 2;
  // Bytes of a nested archive, which is read into memory.
  std::uint64_t max_nested_bytes = std::uint64_t{64} << 20;
  // Bytes of one line of text; the rest of a longer line is skipped and reported.
  std::uint64_t max_line_bytes = std::uint64_t{1} << 20;
};

}  // namespace waudit::input
