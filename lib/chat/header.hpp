// The header that starts each message line, in its Android, iOS and legacy iOS layouts:
//   Android  15.04.23, 14:03 - Name: text        (system notices have no "Name: ")
//   iOS      [15.04.23, 14:03:12] Name: text
//   legacy   15.04.23, 14:03:12: Name: text
// The date is kept as three numbers as written: which is the day and which the month is
// decided per file (chat/date_order.hpp), not per line.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

namespace waudit::chat {

enum class Layout : std::uint8_t { android, ios, legacy_ios };

// The three numeric date fields in written order; `first` may be a 4-digit year. An era year
// ("2565 BE", "R4") is given as its Gregorian year.
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

enum class YearStyle : std::uint8_t { two_digits, four_digits, buddhist_era, japanese_era };

// What stands between date and time (or time and date): ", " "," " " "، " " à " " klo ".
enum class DateTimeSeparator : std::uint8_t { comma_space, comma, space, arabic_comma, a, klo };

// How a header is written, apart from its numbers. WhatsApp formats every timestamp of an
// export at export time with the same settings, so one file has one shape; a line of another
// shape inside it is text someone pasted (chat/export_parser.cpp).
struct HeaderShape {
  Layout layout = Layout::android;
  bool time_first = false;  // "[14:56:01, 3/18/22]" (Vietnamese)
  bool year_first = false;
  char date_separator = '/';  // '/', '.' or '-'
  bool spaced_date = false;   // "13. 6. 2018."
  YearStyle year = YearStyle::two_digits;
  DateTimeSeparator date_time_separator = DateTimeSeparator::comma_space;
  char time_separator = ':';  // ':' or '.'
  bool seconds = false;
  bool day_period = false;     // AM/PM, a.m., p. m., ص/م
  bool native_digits = false;  // Arabic-Indic or Persian digits

  friend bool operator==(const HeaderShape&, const HeaderShape&) = default;
};

struct Header {
  Layout layout = Layout::android;
  DateFields date;
  TimeOfDay time;
  HeaderShape shape;
  std::string_view author;  // empty when the line has no "Name: " part
  bool has_author = false;
  std::size_t body_offset = 0;  // byte offset in the line where the body begins
};

// Parses the header at the start of `line` (invisible marks such as U+200E, U+200F, U+FEFF
// before it are skipped). nullopt when the line does not start with a complete header.
std::optional<Header> parse_header(std::string_view line);

// The header shape of a file, learned from the headers read so far: once one shape has at
// least kMinVotes headers and three quarters of all, it is the file's template. Bounded: at
// most kMaxShapes different shapes are counted (a file has one; more is a hostile file).
class HeaderTemplate {
 public:
  static constexpr std::uint64_t kMinVotes = 3;
  static constexpr std::size_t kMaxShapes = 8;

  // Counts a header that started a message.
  void add(const HeaderShape& shape);

  // The dominant shape, if there is one yet.
  std::optional<HeaderShape> dominant() const;

  // Whether a header of `shape` may start a message: there is no template yet, or it fits.
  bool accepts(const HeaderShape& shape) const;

 private:
  std::array<std::pair<HeaderShape, std::uint64_t>, kMaxShapes> votes_{};
  std::size_t shapes_ = 0;
  std::uint64_t total_ = 0;
};

}  // namespace waudit::chat
