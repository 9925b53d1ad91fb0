// A hand-written recogniser for message headers: it runs on every line of every export, so it
// works on views, allocates nothing and rejects most non-header lines at the first byte.
// Not covered: non-ASCII digits, era years ("2565 BE"), time-first (vi), CJK day periods before
// the hour, " à " / " klo " date-time separators.
#include "chat/header.hpp"

#include "chat/markers.hpp"

namespace waudit::chat {
namespace {

constexpr std::string_view kNoBreakSpace = "\u00A0";
constexpr std::string_view kNarrowNoBreakSpace = "\u202F";
constexpr std::string_view kArabicComma = "\u060C";

class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  std::size_t pos() const { return pos_; }

  void reset(std::size_t pos) { pos_ = pos; }

  char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }

  bool take(char c) {
    if (peek() != c || pos_ >= text_.size()) {
      return false;
    }
    ++pos_;
    return true;
  }

  bool take(std::string_view s) {
    if (text_.substr(pos_).starts_with(s)) {
      pos_ += s.size();
      return true;
    }
    return false;
  }

  bool take_letter(char lower) {
    const char c = peek();
    return (c == lower || c == lower - ('a' - 'A')) && take(c);
  }

  void skip_marks() {
    while (const std::size_t length = invisible_mark_length(text_, pos_)) {
      pos_ += length;
    }
  }

  // A run of ASCII digits whose length lies in [min_digits, max_digits]; the whole run is
  // read, so "2023" is not taken as "20" followed by "23".
  std::optional<int> number(std::size_t min_digits, std::size_t max_digits,
                            std::size_t* digits = nullptr) {
    std::size_t end = pos_;
    int value = 0;
    while (end < text_.size() && text_[end] >= '0' && text_[end] <= '9' && end - pos_ <= 4) {
      value = value * 10 + (text_[end] - '0');
      ++end;
    }
    const std::size_t count = end - pos_;
    if (count < min_digits || count > max_digits) {
      return std::nullopt;
    }
    pos_ = end;
    if (digits != nullptr) {
      *digits = count;
    }
    return value;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

bool is_date_separator(char c) {
  return c == '/' || c == '.' || c == '-';
}

// Three numbers split by one of / . - (". " as in "13. 6. 2018." too); RLM may sit before a
// separator (Arabic). Either D/D/YY(YY) or YYYY/D/D.
std::optional<DateFields> read_date(Cursor& in) {
  std::size_t first_digits = 0;
  const auto first = in.number(1, 4, &first_digits);
  in.skip_marks();
  const char separator = in.peek();
  if (!first || first_digits == 3 || !is_date_separator(separator) || !in.take(separator)) {
    return std::nullopt;
  }
  const bool spaced = separator == '.' && in.take(' ');
  const auto second = in.number(1, 2);
  in.skip_marks();
  if (!second || !in.take(separator) || (spaced && !in.take(' '))) {
    return std::nullopt;
  }
  const bool year_first = first_digits == 4;
  std::size_t third_digits = 0;
  const auto third = in.number(1, year_first ? 2 : 4, &third_digits);
  if (!third || (!year_first && third_digits != 2 && third_digits != 4)) {
    return std::nullopt;
  }
  if (spaced) {
    in.take('.');
  }
  return DateFields{*first, *second, *third};
}

// ", " or "," or " " (and the Arabic comma) between date and time.
bool read_date_time_separator(Cursor& in) {
  const bool comma = in.take(',') || in.take(kArabicComma);
  const bool space = in.take(' ');
  return comma || space;
}

// AM/PM after a space, U+00A0 or U+202F: AM PM am pm a.m. p.m. "a. m." "p. m." (the inner
// space may be U+00A0). Returns whether it is PM; the cursor is left alone when there is none.
std::optional<bool> read_day_period(Cursor& in) {
  const std::size_t start = in.pos();
  if (!in.take(' ') && !in.take(kNoBreakSpace) && !in.take(kNarrowNoBreakSpace)) {
    return std::nullopt;
  }
  const bool pm = in.take_letter('p');
  if (pm || in.take_letter('a')) {
    if (in.take_letter('m')) {
      return pm;
    }
    if (in.take('.')) {
      (void)(in.take(' ') || in.take(kNoBreakSpace));
      if (in.take_letter('m')) {
        in.take('.');
        return pm;
      }
    }
  }
  in.reset(start);
  return std::nullopt;
}

// H:MM[:SS] or H.MM[.SS] with an optional day period; hours above 12 with AM/PM are no time.
std::optional<TimeOfDay> read_time(Cursor& in, bool& has_seconds) {
  const auto hour = in.number(1, 2);
  const char separator = in.peek();
  if (!hour || (separator != ':' && separator != '.') || !in.take(separator)) {
    return std::nullopt;
  }
  const auto minute = in.number(2, 2);
  if (!minute || *minute > 59) {
    return std::nullopt;
  }
  TimeOfDay time{*hour, *minute, 0};
  const std::size_t before_seconds = in.pos();
  const auto second = in.take(separator) ? in.number(2, 2) : std::nullopt;
  has_seconds = second && *second <= 59;
  if (has_seconds) {
    time.second = *second;
  } else {
    in.reset(before_seconds);  // "14:03: Name" is a legacy header without seconds
  }
  if (const auto pm = read_day_period(in)) {
    if (time.hour > 12) {
      return std::nullopt;
    }
    time.hour = time.hour % 12 + (*pm ? 12 : 0);
  }
  return time.hour <= 23 ? std::optional<TimeOfDay>(time) : std::nullopt;
}

// What closes the date and time: "] " (iOS), " - " (Android) or ": " (legacy iOS). iOS always
// writes seconds; demanding them for the legacy layout keeps "15.04.23, 14:03: text" typed in
// a message from passing as a header.
std::optional<Layout> read_closing(Cursor& in, bool bracketed, bool has_seconds) {
  if (bracketed) {
    return in.take("] ") ? std::optional<Layout>(Layout::ios) : std::nullopt;
  }
  if (in.take(" - ")) {
    return Layout::android;
  }
  return has_seconds && in.take(": ") ? std::optional<Layout>(Layout::legacy_ios) : std::nullopt;
}

// The author is the text before the first ": " after the header; "Name:" at the end of the
// line is an author with an empty body. Without either the line is a notice with no author.
void read_author(std::string_view line, std::size_t rest, Header& header) {
  const std::string_view tail = line.substr(rest);
  const std::size_t colon = tail.find(": ");
  header.body_offset = rest;
  if (colon != std::string_view::npos && colon > 0) {
    header.author = tail.substr(0, colon);
    header.body_offset = rest + colon + 2;
  } else if (colon == std::string_view::npos && tail.size() > 1 && tail.back() == ':') {
    header.author = tail.substr(0, tail.size() - 1);
    header.body_offset = line.size();
  }
  header.has_author = !header.author.empty();
}

}  // namespace

std::optional<Header> parse_header(std::string_view line) {
  Cursor in(line);
  in.skip_marks();
  const bool bracketed = in.take('[');
  in.skip_marks();
  const auto date = read_date(in);
  if (!date || !read_date_time_separator(in)) {
    return std::nullopt;
  }
  bool has_seconds = false;
  const auto time = read_time(in, has_seconds);
  const auto layout = time ? read_closing(in, bracketed, has_seconds) : std::nullopt;
  if (!layout) {
    return std::nullopt;
  }
  Header header;
  header.layout = *layout;
  header.date = *date;
  header.time = *time;
  read_author(line, in.pos(), header);
  return header;
}

}  // namespace waudit::chat
