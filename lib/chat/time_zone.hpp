// Local time of UTC instants, for backups (which store UTC) to be reported like exports (which
// write the phone's local time). libstdc++ 12 has no C++20 time zone database
// (std::chrono::zoned_time came with GCC 14), so this uses the C library: while a ZoneScope
// lives, TZ names the zone and localtime_r converts. Setting TZ changes the process
// environment, so it is done here only, for one scope at a time, by a single thread.
#pragma once

#include "chat/local_date_time.hpp"

#include <tl/expected.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace waudit::chat {

// Checks that `name` is an IANA zone this system knows ("Europe/Berlin", "UTC"): a TZif file
// of that name under $TZDIR or /usr/share/zoneinfo. glibc would take an unknown name for UTC
// without a word, so every name is checked before use. The error is one line.
[[nodiscard]] tl::expected<void, std::string> check_time_zone(std::string_view name);

// Makes `name` the zone of local_time() until destroyed, then restores TZ as it was; nullopt
// keeps the machine's zone (TZ, else /etc/localtime). `name` must have passed check_time_zone.
class ZoneScope {
 public:
  explicit ZoneScope(const std::optional<std::string>& name);
  ~ZoneScope();
  ZoneScope(const ZoneScope&) = delete;
  ZoneScope& operator=(const ZoneScope&) = delete;
  ZoneScope(ZoneScope&&) = delete;
  ZoneScope& operator=(ZoneScope&&) = delete;

 private:
  bool changed_ = false;
  std::optional<std::string> previous_;
};

// The wall-clock time in the current zone at `unix_ms` milliseconds after 1970-01-01 UTC,
// rounded down to the second; nullopt when the C library cannot represent it.
std::optional<LocalDateTime> local_time(std::int64_t unix_ms);

}  // namespace waudit::chat
