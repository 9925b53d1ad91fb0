#include "chat/time_zone.hpp"

#include <doctest/doctest.h>

TEST_SUITE_BEGIN("chat");

using waudit::chat::check_time_zone;
using waudit::chat::local_time;
using waudit::chat::LocalDateTime;
using waudit::chat::ZoneScope;

TEST_CASE("chat::check_time_zone accepts IANA names and refuses everything else") {
  CHECK(check_time_zone("Europe/Berlin"));
  CHECK(check_time_zone("UTC"));
  CHECK(check_time_zone("America/Argentina/Buenos_Aires"));
  CHECK_FALSE(check_time_zone("Mars/Olympus"));
  CHECK_FALSE(check_time_zone(""));
  CHECK_FALSE(check_time_zone("../../etc/passwd"));
  CHECK_FALSE(check_time_zone("/usr/share/zoneinfo/UTC"));
  CHECK_FALSE(check_time_zone("Europe"));  // a folder, not a zone file
  CHECK(check_time_zone("Nowhere").error().find("unknown time zone \"Nowhere\"") == 0);
}

TEST_CASE("chat::local_time converts UTC milliseconds in the zone of the scope") {
  const std::int64_t summer = 1681542780250;  // 2023-04-15T07:13:00.250Z
  const std::int64_t winter = 1609459199999;  // 2020-12-31T23:59:59.999Z
  {
    const ZoneScope zone(std::string("Europe/Berlin"));
    CHECK(local_time(summer) == LocalDateTime{2023, 4, 15, 9, 13, 0});  // CEST, +2
    CHECK(local_time(winter) == LocalDateTime{2021, 1, 1, 0, 59, 59});  // CET, +1
  }
  {
    const ZoneScope zone(std::string("UTC"));
    CHECK(local_time(summer) == LocalDateTime{2023, 4, 15, 7, 13, 0});
    CHECK(local_time(-1) == LocalDateTime{1969, 12, 31, 23, 59, 59});  // rounded down
  }
  {
    const ZoneScope zone(std::string("America/New_York"));
    CHECK(local_time(summer) == LocalDateTime{2023, 4, 15, 3, 13, 0});
  }
}

TEST_SUITE_END();
