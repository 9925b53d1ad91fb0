#include "chat/date_order.hpp"

#include "chat/local_date_time.hpp"

#include <doctest/doctest.h>

#include <initializer_list>
#include <string>

TEST_SUITE_BEGIN("chat");

using waudit::chat::DateFields;
using waudit::chat::DateOrder;
using waudit::chat::DateOrderDecision;
using waudit::chat::DateOrderEvidence;
using waudit::chat::LocalDateTime;
using waudit::chat::TimeOfDay;

namespace {

DateOrderDecision decide(std::initializer_list<DateFields> dates) {
  DateOrderEvidence evidence;
  for (const DateFields& date : dates) {
    evidence.add(date);
  }
  return evidence.decide();
}

// The ISO form of a resolved header, or "<none>".
std::string resolved(DateFields date, DateOrder order, TimeOfDay time = {14, 3, 0}) {
  const auto result = waudit::chat::resolve(date, time, order);
  return result ? waudit::chat::to_iso(*result) : "<none>";
}

}  // namespace

TEST_CASE("chat::to_iso writes ISO 8601 without zone") {
  CHECK(waudit::chat::to_iso(LocalDateTime{2023, 4, 15, 14, 3, 0}) == "2023-04-15T14:03:00");
  CHECK(waudit::chat::to_iso(LocalDateTime{2009, 12, 1, 0, 0, 59}) == "2009-12-01T00:00:59");
}

TEST_CASE("chat::is_valid_date knows month lengths and leap years") {
  CHECK(waudit::chat::is_valid_date(2023, 4, 30));
  CHECK_FALSE(waudit::chat::is_valid_date(2023, 4, 31));
  CHECK(waudit::chat::is_valid_date(2024, 2, 29));
  CHECK_FALSE(waudit::chat::is_valid_date(2023, 2, 29));
  CHECK(waudit::chat::is_valid_date(2000, 2, 29));
  CHECK_FALSE(waudit::chat::is_valid_date(1900, 2, 29));
  CHECK_FALSE(waudit::chat::is_valid_date(2023, 13, 1));
  CHECK_FALSE(waudit::chat::is_valid_date(2023, 0, 1));
  CHECK_FALSE(waudit::chat::is_valid_date(2023, 1, 0));
  CHECK(waudit::chat::is_valid_date(2023, 12, 31));
}

TEST_CASE("chat::days_since_epoch counts from 1970-01-01") {
  CHECK(waudit::chat::days_since_epoch(1970, 1, 1) == 0);
  CHECK(waudit::chat::days_since_epoch(1970, 1, 2) == 1);
  CHECK(waudit::chat::days_since_epoch(1969, 12, 31) == -1);
  CHECK(waudit::chat::days_since_epoch(2000, 3, 1) == 11017);
  CHECK(waudit::chat::days_since_epoch(2023, 4, 15) == 19462);
}

TEST_CASE("chat::to_string names date orders") {
  CHECK(waudit::chat::to_string(DateOrder::dmy) == "dmy");
  CHECK(waudit::chat::to_string(DateOrder::mdy) == "mdy");
  CHECK(waudit::chat::to_string(DateOrder::ymd) == "ymd");
}

TEST_CASE("chat::parse_date_order reads what to_string writes") {
  CHECK(waudit::chat::parse_date_order("dmy") == DateOrder::dmy);
  CHECK(waudit::chat::parse_date_order("mdy") == DateOrder::mdy);
  CHECK(waudit::chat::parse_date_order("ymd") == DateOrder::ymd);
  CHECK_FALSE(waudit::chat::parse_date_order("auto"));
  CHECK_FALSE(waudit::chat::parse_date_order("DMY"));
  CHECK_FALSE(waudit::chat::parse_date_order(""));
}

TEST_CASE("chat::DateOrderEvidence decides day first when a first field exceeds 12") {
  const auto decision = decide({{3, 4, 23}, {15, 4, 23}, {5, 5, 23}});
  CHECK(decision.order == DateOrder::dmy);
  CHECK_FALSE(decision.assumed);
}

TEST_CASE("chat::DateOrderEvidence decides month first when a second field exceeds 12") {
  const auto decision = decide({{3, 4, 22}, {3, 27, 22}});
  CHECK(decision.order == DateOrder::mdy);
  CHECK_FALSE(decision.assumed);
}

TEST_CASE("chat::DateOrderEvidence decides year first on a 4-digit first field") {
  const auto decision = decide({{2019, 2, 13}, {2019, 2, 14}});
  CHECK(decision.order == DateOrder::ymd);
  CHECK_FALSE(decision.assumed);
}

TEST_CASE("chat::DateOrderEvidence counts backward jumps when no field proves the order") {
  // Read day first: 1 Feb, 5 Feb, 10 Feb, 1 Mar. Month first: 2 Jan, 2 May, 2 Oct, 3 Jan.
  const auto day_first = decide({{1, 2, 23}, {5, 2, 23}, {10, 2, 23}, {1, 3, 23}});
  CHECK(day_first.order == DateOrder::dmy);
  CHECK_FALSE(day_first.assumed);
  const auto month_first = decide({{2, 1, 23}, {2, 5, 23}, {2, 10, 23}, {3, 1, 23}});
  CHECK(month_first.order == DateOrder::mdy);
  CHECK_FALSE(month_first.assumed);
  // One day back is ordinary (the encryption notice comes first); a month back is not.
  const auto one_day_back = decide({{2, 3, 23}, {1, 3, 23}});
  CHECK(one_day_back.order == DateOrder::dmy);
  CHECK_FALSE(one_day_back.assumed);
}

TEST_CASE("chat::DateOrderEvidence assumes day first without evidence") {
  const auto nothing = decide({});
  CHECK(nothing.order == DateOrder::dmy);
  CHECK(nothing.assumed);
  const auto same_day = decide({{5, 5, 23}, {5, 5, 23}});
  CHECK(same_day.order == DateOrder::dmy);
  CHECK(same_day.assumed);
}

TEST_CASE("chat::DateOrderEvidence lets the majority of conflicting proofs win as assumed") {
  const auto more_day_first = decide({{15, 4, 23}, {16, 4, 23}, {4, 17, 23}});
  CHECK(more_day_first.order == DateOrder::dmy);
  CHECK(more_day_first.assumed);
  const auto more_month_first = decide({{15, 4, 23}, {4, 16, 23}, {4, 17, 23}});
  CHECK(more_month_first.order == DateOrder::mdy);
  CHECK(more_month_first.assumed);
  const auto tie = decide({{15, 4, 23}, {4, 16, 23}});
  CHECK(tie.order == DateOrder::dmy);
  CHECK(tie.assumed);
}

TEST_CASE("chat::resolve applies the date order and 20yy years") {
  CHECK(resolved({15, 4, 23}, DateOrder::dmy) == "2023-04-15T14:03:00");
  CHECK(resolved({3, 27, 22}, DateOrder::mdy, {21, 41, 35}) == "2022-03-27T21:41:35");
  CHECK(resolved({2019, 2, 13}, DateOrder::ymd) == "2019-02-13T14:03:00");
  CHECK(resolved({6, 8, 2016}, DateOrder::dmy) == "2016-08-06T14:03:00");
  CHECK(resolved({6, 8, 2016}, DateOrder::mdy) == "2016-06-08T14:03:00");
  CHECK(resolved({29, 2, 24}, DateOrder::dmy) == "2024-02-29T14:03:00");
}

TEST_CASE("chat::resolve rejects dates that are no calendar day") {
  CHECK(resolved({31, 4, 23}, DateOrder::dmy) == "<none>");
  CHECK(resolved({29, 2, 23}, DateOrder::dmy) == "<none>");
  CHECK(resolved({15, 4, 23}, DateOrder::mdy) == "<none>");
  CHECK(resolved({2019, 13, 1}, DateOrder::ymd) == "<none>");
  CHECK(resolved({0, 4, 23}, DateOrder::dmy) == "<none>");
  CHECK(resolved({15, 4, 23}, DateOrder::dmy, {24, 0, 0}) == "<none>");
}

TEST_SUITE_END();
