#include "chat/time_zone.hpp"

#include <fmt/format.h>

#include <stdlib.h>  // setenv, unsetenv (POSIX)
#include <time.h>    // localtime_r, tzset (POSIX)

#include <filesystem>
#include <fstream>

namespace waudit::chat {
namespace {

// IANA names are ASCII letters, digits and "/_+-"; no component may climb out of the folder.
bool is_zone_name(std::string_view name) {
  if (name.empty() || name.front() == '/' || name.find("..") != std::string_view::npos) {
    return false;
  }
  return name.find_first_not_of(
             "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
             "0123456789/_+-") == std::string_view::npos;
}

bool is_tzif_file(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  char magic[4] = {};
  return file.read(magic, sizeof magic) && std::string_view(magic, sizeof magic) == "TZif";
}

}  // namespace

tl::expected<void, std::string> check_time_zone(std::string_view name) {
  const char* directory = std::getenv("TZDIR");
  const std::filesystem::path base =
      directory != nullptr && *directory != '\0' ? directory : "/usr/share/zoneinfo";
  if (!is_zone_name(name) || !is_tzif_file(base / name)) {
    return tl::unexpected(fmt::format(
        "unknown time zone \"{}\" (an IANA name such as Europe/Berlin or UTC, found under {})",
        name, base.string()));
  }
  return {};
}

ZoneScope::ZoneScope(const std::optional<std::string>& name) {
  if (!name) {
    return;
  }
  if (const char* current = std::getenv("TZ"); current != nullptr) {
    previous_ = current;
  }
  setenv("TZ", name->c_str(), 1);
  tzset();
  changed_ = true;
}

ZoneScope::~ZoneScope() {
  if (!changed_) {
    return;
  }
  if (previous_) {
    setenv("TZ", previous_->c_str(), 1);
  } else {
    unsetenv("TZ");
  }
  tzset();
}

std::optional<LocalDateTime> local_time(std::int64_t unix_ms) {
  // Floor division: -1 ms is 23:59:59 of the day before, not 00:00:00.
  std::int64_t seconds = unix_ms / 1000;
  if (unix_ms % 1000 < 0) {
    --seconds;
  }
  const auto time = static_cast<std::time_t>(seconds);
  std::tm local{};
  if (localtime_r(&time, &local) == nullptr) {
    return std::nullopt;
  }
  return LocalDateTime{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday,
                       local.tm_hour,        local.tm_min,     local.tm_sec};
}

}  // namespace waudit::chat
