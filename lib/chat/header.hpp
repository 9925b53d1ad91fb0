// The header that starts each message line, in its Android, iOS and legacy iOS layouts:
//   Android  15.04.23, 14:03 - Name: text        (system notices have no "Name: ")
//   iOS      [15.04.23, 14:03:12] Name: text
//   legacy   15.04.23, 14:03:12: Name: text
// The date is kept as three numbers as written: which is the day and which the month is
// decided per file (chat/date_order.hpp), not per line.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace waudit::chat {

enum class Layout { android, ios, legacy_ios };

// The three numeric date fields in written order; `first` may be a 4-digit year.
struct DateFields {
  int first = 0;
  int second = 0;
  int third = 0;
};

struct TimeOfDay {
  int hour = 0;  // 0-23 after applying AM/PM
  int minute = 0;
  int second = 0;
};

struct Header {
  Layout layout = Layout::android;
  DateFields date;
  TimeOfDay time;
  std::string_view author;  // empty when the line has no "Name: " part
  bool has_author = false;
  std::size_t body_offset = 0;  // byte offset in the line where the body begins
};

// Parses the header at the start of `line` (invisible marks such as U+200E, U+200F, U+FEFF
// before it are skipped). nullopt when the line does not start with a complete header.
std::optional<Header> parse_header(std::string_view line);

}  // namespace waudit::chat
