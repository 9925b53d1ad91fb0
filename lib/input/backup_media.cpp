#include "input/backup_media.hpp"

#include <system_error>

namespace waudit::input {
namespace fs = std::filesystem;

namespace {

bool is_folder(const fs::path& path) {
  std::error_code error;
  return fs::is_directory(path, error);
}

std::optional<fs::path> existing_file(const fs::path& path) {
  std::error_code error;
  return fs::is_regular_file(path, error) ? std::optional<fs::path>(path) : std::nullopt;
}

}  // namespace

std::optional<fs::path> relative_below(std::string_view stored_path) {
  if (stored_path.empty() || stored_path.front() == '/') {
    return std::nullopt;
  }
  const fs::path relative(stored_path);
  for (const fs::path& part : relative) {
    if (part == "..") {
      return std::nullopt;
    }
  }
  return relative;
}

std::optional<std::string_view> android_media_relative(std::string_view stored_path) {
  constexpr std::string_view kMedia = "Media/";
  if (!stored_path.starts_with(kMedia)) {
    const std::size_t media = stored_path.rfind("/WhatsApp/Media/");
    if (media == std::string_view::npos) {
      return std::nullopt;
    }
    stored_path.remove_prefix(media + std::string_view("/WhatsApp/").size());
  }
  if (!relative_below(stored_path)) {
    return std::nullopt;
  }
  return stored_path;
}

std::optional<MediaLocator> android_media(const fs::path& database) {
  std::error_code error;
  const fs::path folder = fs::absolute(database, error).lexically_normal().parent_path();
  for (const fs::path& whatsapp : {folder, folder.parent_path()}) {
    if (!error && is_folder(whatsapp / "Media")) {
      return MediaLocator([whatsapp](std::string_view stored) -> std::optional<fs::path> {
        const auto relative = android_media_relative(stored);
        return relative ? existing_file(whatsapp / *relative) : std::nullopt;
      });
    }
  }
  return std::nullopt;
}

std::optional<MediaLocator> ios_media(const fs::path& database) {
  const fs::path message = database.parent_path() / "Message";
  if (!is_folder(message)) {
    return std::nullopt;
  }
  return MediaLocator([message](std::string_view stored) -> std::optional<fs::path> {
    const auto relative = relative_below(stored);
    return relative ? existing_file(message / *relative) : std::nullopt;
  });
}

}  // namespace waudit::input
