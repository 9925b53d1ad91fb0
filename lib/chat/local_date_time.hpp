// Time as an export writes it: the phone's local time, no zone.
#pragma once

#include <optional>
#include <string>

namespace waudit::chat {

struct LocalDateTime {
  int year = 0;
  int month = 0;
  int day = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;

  friend bool operator==(const LocalDateTime&, const LocalDateTime&) = default;
};

// "2023-04-15T14:03:00", ISO 8601 without zone.
std::string to_iso(const LocalDateTime& time);

// Whether year/month/day name a real calendar day (leap years included).
bool is_valid_date(int year, int month, int day);

// Days since 1970-01-01 of a valid date; used to compare dates.
long days_since_epoch(int year, int month, int day);

}  // namespace waudit::chat
