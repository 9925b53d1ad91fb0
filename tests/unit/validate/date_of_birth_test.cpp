#include "validate/date_of_birth.hpp"

#include "text/value_normalize.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <chrono>
#include <string>

TEST_SUITE_BEGIN("validate");

namespace {

using namespace std::chrono;
using waudit::validate::is_birth_date;

constexpr year_month_day kToday{year{2026}, month{11}, day{23}};

bool born(std::string_view typed, year_month_day today = kToday) {
  return is_birth_date(waudit::text::normalize_value(typed), today);
}

}  // namespace

TEST_CASE("validate::is_birth_date reads German, ISO and US numeric dates") {
  CHECK(born("12.03.1985"));
  CHECK(born("12.3.1985"));
  CHECK(born("1.3.1985"));
  CHECK(born("12.3.85"));
  CHECK(born("1.3.85"));
  CHECK(born("1.3.15"));
  CHECK(born("12.03.85"));
  CHECK(born("1985-03-12"));
  CHECK(born("03/12/1985"));
  CHECK(born("12/31/1985"));  // month first: the 31st cannot be a month
  CHECK(born("31/12/1985"));
  CHECK(born("29.02.2000"));  // leap year
}

TEST_CASE("validate::is_birth_date reads written months in German and English") {
  CHECK(born("12. März 1985"));
  CHECK(born("12. MÄRZ 1985"));
  CHECK(born("12. Maerz 1985"));
  CHECK(born("3. Jänner 1990"));
  CHECK(born("1. Okt. 1970"));
  CHECK(born("12 March 1985"));
  CHECK(born("12th of March 1985"));
  CHECK(born("3rd May 1985"));
  CHECK(born("March 12, 1985"));
  CHECK(born("Dec 3 1985"));
  CHECK(born("December 3rd, 1985"));
  CHECK(born("12. Mai 85"));
}

TEST_CASE("validate::is_birth_date rejects dates that do not exist") {
  CHECK_FALSE(born("31.02.1985"));
  CHECK_FALSE(born("29.02.2001"));
  CHECK_FALSE(born("32.01.1985"));
  CHECK_FALSE(born("13.13.1985"));  // neither day-month nor month-day
  CHECK(born("12.13.1985"));        // month-day: December 13th
  CHECK_FALSE(born("00.01.1985"));
  CHECK_FALSE(born("1985-02-30"));
  CHECK_FALSE(born("31. Februar 1985"));
  CHECK_FALSE(born("12. Mürz 1985"));
  CHECK_FALSE(born("Smarch 12, 1985"));
}

TEST_CASE("validate::is_birth_date rejects the future and more than 120 years ago") {
  CHECK(born("23.11.2026"));  // born today
  CHECK_FALSE(born("24.11.2026"));
  CHECK_FALSE(born("12.03.2030"));
  CHECK(born("01.01.1906"));  // the year counts: 2026 - 120
  CHECK_FALSE(born("31.12.1905"));
  CHECK_FALSE(born("12.03.1850"));
  CHECK_FALSE(born("12.03.2185"));
}

TEST_CASE("validate::is_birth_date rejects what is left of a date cut before its year") {
  CHECK_FALSE(born("12.03"));
  CHECK_FALSE(born("1.12"));
  CHECK_FALSE(born("1.3.05"));  // the price: D.M.YY of 2000-2012 reads like a cut date
  CHECK_FALSE(born("1.3."));
  CHECK_FALSE(born("12. März"));
  CHECK_FALSE(born("March 12,"));
  CHECK_FALSE(born(""));
  CHECK_FALSE(born("123456789"));
  CHECK_FALSE(born("12.03.19851"));
}

TEST_CASE("validate::is_birth_date accepts every day of the last 120 years and none after") {
  // Property: each calendar day from the oldest plausible birth date to today is accepted in
  // the German, ISO and US spellings; each of the 400 days after today is rejected in ISO
  // spelling (German and US spellings of a future day can also be read the other way round,
  // "01.12.2026" as January 12th, which is why the rule needs a birth keyword).
  const sys_days today{kToday};
  const sys_days oldest{year_month_day{kToday.year() - years{120}, kToday.month(), kToday.day()}};
  int checked = 0;
  for (sys_days date = oldest; date <= today + days{400}; date += days{1}) {
    const year_month_day ymd{date};
    const auto y = static_cast<int>(ymd.year());
    const auto m = static_cast<unsigned>(ymd.month());
    const auto d = static_cast<unsigned>(ymd.day());
    const std::string iso = fmt::format("{}-{:02}-{:02}", y, m, d);
    if (date > today) {
      if (born(iso)) {
        FAIL_CHECK(iso, " lies in the future");
      }
      continue;
    }
    const std::string german = fmt::format("{}.{}.{}", d, m, y);
    const std::string us = fmt::format("{:02}/{:02}/{}", m, d, y);
    if (!born(german) || !born(iso) || !born(us)) {
      FAIL_CHECK(iso, " should be accepted");
    }
    ++checked;
  }
  CHECK(checked >= 120 * 365);
}

TEST_CASE("validate::date_of_birth uses today's date") {
  CHECK(waudit::validate::date_of_birth("12031985"));
  CHECK_FALSE(waudit::validate::date_of_birth("12033030"));
}

TEST_SUITE_END();
