#include "validate/date_of_birth.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>

namespace waudit::validate {

namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

constexpr int kMaxAge = 120;
constexpr std::size_t kMinDigits = 4;  // D.M.YY
constexpr unsigned kHighestMonth = 12;
constexpr std::size_t kMaxDigits = 8;

struct MonthName {
  std::string_view name;
  unsigned number = 0;
};

// Upper-case, umlauts spelled out, no dots ("Mrz." -> "MRZ"): German, Austrian, English.
constexpr std::array kMonthNames = {
    MonthName{"JANUAR", 1},    MonthName{"JANUARY", 1},   MonthName{"JAENNER", 1},
    MonthName{"JAN", 1},       MonthName{"FEBRUAR", 2},   MonthName{"FEBRUARY", 2},
    MonthName{"FEBER", 2},     MonthName{"FEB", 2},       MonthName{"MAERZ", 3},
    MonthName{"MARCH", 3},     MonthName{"MRZ", 3},       MonthName{"MAR", 3},
    MonthName{"APRIL", 4},     MonthName{"APR", 4},       MonthName{"MAI", 5},
    MonthName{"MAY", 5},       MonthName{"JUNI", 6},      MonthName{"JUNE", 6},
    MonthName{"JUN", 6},       MonthName{"JULI", 7},      MonthName{"JULY", 7},
    MonthName{"JUL", 7},       MonthName{"AUGUST", 8},    MonthName{"AUG", 8},
    MonthName{"SEPTEMBER", 9}, MonthName{"SEPT", 9},      MonthName{"SEP", 9},
    MonthName{"OKTOBER", 10},  MonthName{"OCTOBER", 10},  MonthName{"OKT", 10},
    MonthName{"OCT", 10},      MonthName{"NOVEMBER", 11}, MonthName{"NOV", 11},
    MonthName{"DEZEMBER", 12}, MonthName{"DECEMBER", 12}, MonthName{"DEZ", 12},
    MonthName{"DEC", 12},
};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_letter(char c) {
  return c >= 'A' && c <= 'Z';
}

unsigned number_of(std::string_view digits) {
  unsigned value = 0;
  for (const char c : digits) {
    value = value * 10 + static_cast<unsigned>(c - '0');
  }
  return value;
}

// "MäRZ" and "MÄRZ" (normalize_value upper-cases ASCII only) become "MAERZ"; the comma of
// "March 12, 1985" goes.
std::string spelled_out(std::string_view normalized) {
  std::string out;
  for (std::size_t i = 0; i < normalized.size(); ++i) {
    const std::string_view rest = normalized.substr(i);
    if (rest.starts_with("\xC3\xA4") || rest.starts_with("\xC3\x84")) {
      out += "AE";
      ++i;
    } else if (normalized[i] != ',') {
      out += normalized[i];
    }
  }
  return out;
}

class Plausibility {
 public:
  explicit Plausibility(year_month_day today) : today_(today) {}

  bool accepts(unsigned y, unsigned m, unsigned d) const {
    const year_month_day date{year{static_cast<int>(y)}, month{m}, day{d}};
    return date.ok() && date <= today_ &&
           date.year() >= today_.year() - std::chrono::years{kMaxAge};
  }

  // A two-digit year can be of this century or the last one.
  bool accepts_year_digits(std::string_view year_digits, unsigned m, unsigned d) const {
    if (year_digits.size() == 4) {
      return accepts(number_of(year_digits), m, d);
    }
    const unsigned y = number_of(year_digits);
    return year_digits.size() == 2 && (accepts(1900 + y, m, d) || accepts(2000 + y, m, d));
  }

 private:
  year_month_day today_;
};

// Four digits are D.M.YY, or what is left of "12.03.2030" when the detector retries a
// rejected date cut before its year: a day and a month. A month in the place of the year
// gives the cut away.
bool is_cut_date(std::string_view digits) {
  return digits.size() == kMinDigits && number_of(digits.substr(2)) <= kHighestMonth;
}

// Every split of the digits into two parts of 1-2 digits and a year of 2 or 4, read as
// day-month and as month-day, and YYYYMMDD.
bool is_numeric_birth_date(std::string_view digits, const Plausibility& plausible) {
  if (digits.size() < kMinDigits || digits.size() > kMaxDigits || is_cut_date(digits)) {
    return false;
  }
  if (digits.size() == 8 &&
      plausible.accepts(number_of(digits.substr(0, 4)), number_of(digits.substr(4, 2)),
                        number_of(digits.substr(6, 2)))) {
    return true;
  }
  for (const std::size_t year_length : {std::size_t{2}, std::size_t{4}}) {
    if (digits.size() <= year_length + 1) {
      continue;
    }
    const std::string_view day_month = digits.substr(0, digits.size() - year_length);
    const std::string_view year_digits = digits.substr(day_month.size());
    for (std::size_t first = 1; first <= 2 && first < day_month.size(); ++first) {
      if (day_month.size() - first > 2) {
        continue;
      }
      const unsigned a = number_of(day_month.substr(0, first));
      const unsigned b = number_of(day_month.substr(first));
      if (plausible.accepts_year_digits(year_digits, b, a) ||
          plausible.accepts_year_digits(year_digits, a, b)) {
        return true;
      }
    }
  }
  return false;
}

std::optional<unsigned> month_number(std::string_view name) {
  const auto found = std::ranges::find(kMonthNames, name, &MonthName::name);
  return found == kMonthNames.end() ? std::nullopt : std::optional(found->number);
}

std::string_view take(std::string_view& text, bool (*is_kind)(char)) {
  const auto length =
      static_cast<std::size_t>(std::find_if_not(text.begin(), text.end(), is_kind) - text.begin());
  const std::string_view taken = text.substr(0, length);
  text.remove_prefix(length);
  return taken;
}

// "12TH" -> "12"; the ordinal suffix and "OF" of "12th of March" are dropped.
void skip_ordinal(std::string_view& text) {
  for (const std::string_view word : {"ST", "ND", "RD", "TH"}) {
    if (text.starts_with(word)) {
      text.remove_prefix(word.size());
      break;
    }
  }
  if (text.starts_with("OF")) {
    text.remove_prefix(2);
  }
}

bool is_day(std::string_view digits) {
  return !digits.empty() && digits.size() <= 2;
}

// "12MAERZ1985", "12THOFMARCH85" (day first) or "MARCH121985", "MARCH12TH1985" (month
// first, four-digit year).
bool is_written_birth_date(std::string_view text, const Plausibility& plausible) {
  if (is_digit(text.front())) {
    const std::string_view day_digits = take(text, is_digit);
    skip_ordinal(text);
    const auto month = month_number(take(text, is_letter));
    return is_day(day_digits) && month && std::ranges::all_of(text, is_digit) &&
           plausible.accepts_year_digits(text, *month, number_of(day_digits));
  }
  const auto month = month_number(take(text, is_letter));
  std::string_view day_digits = take(text, is_digit);
  std::string_view year_digits;
  if (text.empty() && day_digits.size() > 4) {  // "121985": the comma went with normalization
    year_digits = day_digits.substr(day_digits.size() - 4);
    day_digits.remove_suffix(4);
  } else {
    skip_ordinal(text);
    year_digits = text;
  }
  return month && is_day(day_digits) && year_digits.size() == 4 &&
         std::ranges::all_of(year_digits, is_digit) &&
         plausible.accepts(number_of(year_digits), *month, number_of(day_digits));
}

}  // namespace

bool is_birth_date(std::string_view normalized, year_month_day today) {
  const std::string text = spelled_out(normalized);
  if (text.empty()) {
    return false;
  }
  const Plausibility plausible(today);
  if (std::ranges::all_of(text, is_digit)) {
    return is_numeric_birth_date(text, plausible);
  }
  return is_written_birth_date(text, plausible);
}

bool date_of_birth(std::string_view normalized) {
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return is_birth_date(normalized, year_month_day{today});
}

}  // namespace waudit::validate
