// A hand-written recogniser for message headers: it runs on every line of every export, so it
// works on views, allocates nothing and rejects most non-header lines at the first byte.
// Besides the common forms it reads Arabic-Indic and Persian digits, era years ("2565 BE",
// "R4"), time before date (vi), the " à " / " klo " date-time separators and CJK day periods
// before the hour (下午3:12, 午後3:12, 오후 3:12; reported in ChatLab#281, no fixture).
#include "chat/header.hpp"

#include "chat/markers.hpp"

#include <utility>

namespace waudit::chat {
namespace {

constexpr std::string_view kNoBreakSpace = "\u00A0";
constexpr std::string_view kNarrowNoBreakSpace = "\u202F";
constexpr std::string_view kArabicComma = "\u060C";
constexpr std::string_view kArabicPm = "\u0645";  // م
constexpr std::string_view kArabicAm = "\u0635";  // ص
// Day periods written before the hour: zh, ja, ko.
constexpr std::string_view kLeadingAm[] = {"\u4E0A\u5348", "\u5348\u524D", "\uC624\uC804"};
constexpr std::string_view kLeadingPm[] = {"\u4E0B\u5348", "\u5348\u5F8C", "\uC624\uD6C4"};
// German 12 h words after the time, as WhatsR reports them; tried before "a"/"p" forms, since
// "abends" starts like "am".
constexpr std::string_view kTrailingAm[] = {"vorm.", "morgens"};
constexpr std::string_view kTrailingPm[] = {"nachm.", "abends"};

// Buddhist era years are 543 ahead; Japanese eras count from the year before their first.
constexpr int kBuddhistOffset = 543;
constexpr int kReiwaBase = 2018;
constexpr int kHeiseiBase = 1988;
// No export is dated after 2500 in the Gregorian calendar: such a year is a Buddhist one
// written without its "BE".
constexpr int kFirstBuddhistOnlyYear = 2500;

class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  std::size_t pos() const { return pos_; }

  void reset(std::size_t pos) { pos_ = pos; }

  char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }

  // Whether a digit other than ASCII was read.
  bool native_digits() const { return native_digits_; }

  bool take(char c) {
    if (pos_ >= text_.size() || text_[pos_] != c) {
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

  // A run of digits whose count lies in [min_digits, max_digits]; the whole run is read, so
  // "2023" is not taken as "20" followed by "23".
  std::optional<int> number(std::size_t min_digits, std::size_t max_digits,
                            std::size_t* digits = nullptr) {
    std::size_t end = pos_;
    std::size_t count = 0;
    int value = 0;
    bool native = false;
    while (count <= max_digits) {
      const auto [digit, length] = digit_at(end);
      if (length == 0) {
        break;
      }
      value = value * 10 + digit;
      native = native || length > 1;
      end += length;
      ++count;
    }
    if (count < min_digits || count > max_digits) {
      return std::nullopt;
    }
    pos_ = end;
    native_digits_ = native_digits_ || native;
    if (digits != nullptr) {
      *digits = count;
    }
    return value;
  }

 private:
  // The digit at `at` and its length in bytes: ASCII, Arabic-Indic (U+0660-U+0669) or
  // Persian (U+06F0-U+06F9); length 0 when there is none.
  std::pair<int, std::size_t> digit_at(std::size_t at) const {
    if (at < text_.size() && text_[at] >= '0' && text_[at] <= '9') {
      return {text_[at] - '0', 1};
    }
    if (at + 1 >= text_.size()) {
      return {0, 0};
    }
    const auto lead = static_cast<unsigned char>(text_[at]);
    const auto trail = static_cast<unsigned char>(text_[at + 1]);
    if (lead == 0xD9 && trail >= 0xA0 && trail <= 0xA9) {
      return {trail - 0xA0, 2};
    }
    if (lead == 0xDB && trail >= 0xB0 && trail <= 0xB9) {
      return {trail - 0xB0, 2};
    }
    return {0, 0};
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  bool native_digits_ = false;
};

bool is_date_separator(char c) {
  return c == '/' || c == '.' || c == '-';
}

// The year closing a day-first or month-first date: YY, YYYY, "YYYY BE" or a Japanese era
// ("R4", "H30"), as a Gregorian year (two-digit years stay two digits).
std::optional<int> read_year(Cursor& in, HeaderShape& shape) {
  const bool reiwa = in.take('R');
  if (reiwa || in.take('H')) {
    const auto year = in.number(1, 2);
    shape.year = YearStyle::japanese_era;
    return year ? std::optional<int>((reiwa ? kReiwaBase : kHeiseiBase) + *year) : std::nullopt;
  }
  std::size_t digits = 0;
  const auto year = in.number(1, 4, &digits);
  if (!year || (digits != 2 && digits != 4)) {
    return std::nullopt;
  }
  shape.year = digits == 2 ? YearStyle::two_digits : YearStyle::four_digits;
  if (digits == 4 && in.take(" BE")) {
    shape.year = YearStyle::buddhist_era;
    return *year - kBuddhistOffset;
  }
  return *year >= kFirstBuddhistOnlyYear ? *year - kBuddhistOffset : *year;
}

// Three numbers split by one of / . - (". " as in "13. 6. 2018." too); RLM may sit before a
// separator (Arabic). Either D/D/year or YYYY/D/D.
std::optional<DateFields> read_date(Cursor& in, HeaderShape& shape) {
  std::size_t first_digits = 0;
  const auto first = in.number(1, 4, &first_digits);
  in.skip_marks();
  const char separator = in.peek();
  if (!first || first_digits == 3 || !is_date_separator(separator) || !in.take(separator)) {
    return std::nullopt;
  }
  shape.date_separator = separator;
  shape.spaced_date = separator == '.' && in.take(' ');
  const auto second = in.number(1, 2);
  in.skip_marks();
  if (!second || !in.take(separator) || (shape.spaced_date && !in.take(' '))) {
    return std::nullopt;
  }
  shape.year_first = first_digits == 4;
  if (shape.year_first) {
    shape.year = YearStyle::four_digits;
  }
  const auto third = shape.year_first ? in.number(1, 2) : read_year(in, shape);
  if (!third) {
    return std::nullopt;
  }
  if (shape.spaced_date) {
    in.take('.');
  }
  return DateFields{*first, *second, *third};
}

std::optional<DateTimeSeparator> read_date_time_separator(Cursor& in) {
  if (in.take(kArabicComma)) {
    in.take(' ');
    return DateTimeSeparator::arabic_comma;
  }
  if (in.take(',')) {
    return in.take(' ') ? DateTimeSeparator::comma_space : DateTimeSeparator::comma;
  }
  if (in.take(" \u00E0 ")) {
    return DateTimeSeparator::a;
  }
  if (in.take(" klo ")) {
    return DateTimeSeparator::klo;
  }
  if (in.take(' ')) {
    return DateTimeSeparator::space;
  }
  return std::nullopt;
}

// AM/PM after a space, U+00A0 or U+202F: AM PM am pm a.m. p.m. "a. m." "p. m." (the inner
// space may be U+00A0), Arabic ص/م, German vorm./nachm./morgens/abends. Returns whether it is PM;
// the cursor is left alone when there is none.
std::optional<bool> read_day_period(Cursor& in) {
  const std::size_t start = in.pos();
  if (!in.take(' ') && !in.take(kNoBreakSpace) && !in.take(kNarrowNoBreakSpace)) {
    return std::nullopt;
  }
  if (in.take(kArabicPm)) {
    return true;
  }
  if (in.take(kArabicAm)) {
    return false;
  }
  for (const bool is_pm : {false, true}) {
    for (const std::string_view word : is_pm ? kTrailingPm : kTrailingAm) {
      if (in.take(word)) {
        return is_pm;
      }
    }
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

// A CJK day period before the hour (and the space after it); whether it is PM.
std::optional<bool> read_leading_day_period(Cursor& in) {
  for (const bool pm : {false, true}) {
    for (const std::string_view word : pm ? kLeadingPm : kLeadingAm) {
      if (in.take(word)) {
        in.take(' ');
        return pm;
      }
    }
  }
  return std::nullopt;
}

// H:MM[:SS] or H.MM[.SS] with an optional day period. An hour above 12 with AM/PM (only
// hand-edited files have "13:37 p.m.") is taken as written, like a 24 h clock: the line is
// still a message's header.
std::optional<TimeOfDay> read_time(Cursor& in, HeaderShape& shape) {
  const auto leading_pm = read_leading_day_period(in);
  const auto hour = in.number(1, 2);
  const char separator = in.peek();
  if (!hour || (separator != ':' && separator != '.') || !in.take(separator)) {
    return std::nullopt;
  }
  const auto minute = in.number(2, 2);
  if (!minute || *minute > 59) {
    return std::nullopt;
  }
  shape.time_separator = separator;
  TimeOfDay time{*hour, *minute, 0};
  const std::size_t before_seconds = in.pos();
  const auto second = in.take(separator) ? in.number(2, 2) : std::nullopt;
  shape.seconds = second && *second <= 59;
  if (shape.seconds) {
    time.second = *second;
  } else {
    in.reset(before_seconds);  // "14:03: Name" is a legacy header without seconds
  }
  const auto trailing_pm = leading_pm ? std::nullopt : read_day_period(in);
  if (const auto pm = leading_pm ? leading_pm : trailing_pm) {
    shape.day_period = true;
    if (time.hour <= 12) {
      time.hour = time.hour % 12 + (*pm ? 12 : 0);
    }
  }
  return time.hour <= 23 ? std::optional<TimeOfDay>(time) : std::nullopt;
}

// Date, separator, time: every layout but the Vietnamese one.
bool read_date_then_time(Cursor& in, Header& header) {
  const auto date = read_date(in, header.shape);
  const auto separator = date ? read_date_time_separator(in) : std::nullopt;
  const auto time = separator ? read_time(in, header.shape) : std::nullopt;
  if (!time) {
    return false;
  }
  header.date = *date;
  header.time = *time;
  header.shape.date_time_separator = *separator;
  return true;
}

// "[14:56:01, 3/18/22]": the Vietnamese iOS order.
bool read_time_then_date(Cursor& in, Header& header) {
  const auto time = read_time(in, header.shape);
  const auto separator = time ? read_date_time_separator(in) : std::nullopt;
  const auto date = separator ? read_date(in, header.shape) : std::nullopt;
  if (!date) {
    return false;
  }
  header.date = *date;
  header.time = *time;
  header.shape.date_time_separator = *separator;
  header.shape.time_first = true;
  return true;
}

// What closes the date and time: "] " (iOS), " - " (Android; ". - " in some files) or ": "
// (legacy iOS). iOS always writes seconds; demanding them for the legacy layout keeps
// "15.04.23, 14:03: text" typed in a message from passing as a header.
std::optional<Layout> read_closing(Cursor& in, bool bracketed, bool has_seconds) {
  if (bracketed) {
    return in.take("] ") ? std::optional<Layout>(Layout::ios) : std::nullopt;
  }
  if (in.take(" - ") || in.take(". - ")) {
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
  Header header;
  const std::size_t start = in.pos();
  if (!read_date_then_time(in, header)) {
    in.reset(start);
    header = Header{};
    if (!read_time_then_date(in, header)) {
      return std::nullopt;
    }
  }
  const auto layout = read_closing(in, bracketed, header.shape.seconds);
  if (!layout) {
    return std::nullopt;
  }
  header.layout = *layout;
  header.shape.layout = *layout;
  header.shape.native_digits = in.native_digits();
  read_author(line, in.pos(), header);
  return header;
}

void HeaderTemplate::add(const HeaderShape& shape) {
  ++total_;
  for (std::size_t i = 0; i < shapes_; ++i) {
    if (votes_[i].first == shape) {
      ++votes_[i].second;
      return;
    }
  }
  if (shapes_ < kMaxShapes) {
    votes_[shapes_++] = {shape, 1};
  }
}

std::optional<HeaderShape> HeaderTemplate::dominant() const {
  for (std::size_t i = 0; i < shapes_; ++i) {
    const auto& [shape, votes] = votes_[i];
    if (votes >= kMinVotes && votes * 4 >= total_ * 3) {
      return shape;
    }
  }
  return std::nullopt;
}

bool HeaderTemplate::accepts(const HeaderShape& shape) const {
  const auto expected = dominant();
  return !expected || *expected == shape;
}

}  // namespace waudit::chat
