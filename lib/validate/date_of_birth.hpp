// Dates of birth as people type them: German and ISO numeric dates, US month-first dates, and
// dates with the month written out in German or English. What makes a date a birth date is
// the context (geboren, DOB, ...), which the rule pack requires; this only checks that the
// date exists and that a living person can have been born on it.
#pragma once

#include <chrono>
#include <string_view>

namespace waudit::validate {

// `normalized`: the value without separators and with ASCII letters upper-cased
// ("12031985" from "12.03.1985", "12MäRZ1985" from "12. März 1985", "MARCH12,1985"). True
// when one reading of it is a calendar date not after `today` in a year at most 120 years
// before today's.
// Numeric values are read as day-month-year, month-day-year and year-month-day, with a
// two- or four-digit year. Four digits whose last two could be a month are rejected: that is
// what is left of a date cut before its year ("12.03"); D.M.YY with YY of 00-12 goes with it.
bool is_birth_date(std::string_view normalized, std::chrono::year_month_day today);

// is_birth_date against the system clock's current (UTC) date.
bool date_of_birth(std::string_view normalized);

}  // namespace waudit::validate
