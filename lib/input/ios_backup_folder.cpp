#include "input/ios_backup_folder.hpp"

#include <fmt/format.h>

#include <array>
#include <fstream>
#include <system_error>
#include <utility>

namespace waudit::input {
namespace fs = std::filesystem;

namespace {

// The app groups of WhatsApp and WhatsApp Business, in the order they are scanned.
constexpr std::array<std::pair<std::string_view, std::string_view>, 2> kWhatsAppGroups{{
    {"WhatsApp", "AppDomainGroup-group.net.whatsapp.WhatsApp.shared"},
    {"WhatsApp Business", "AppDomainGroup-group.net.whatsapp.WhatsAppSMB.shared"},
}};

bool is_file(const fs::path& path) {
  std::error_code error;
  return fs::is_regular_file(path, error);
}

bool starts_like_sqlite(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::string magic(16, '\0');
  file.read(magic.data(), static_cast<std::streamsize>(magic.size()));
  return file.gcount() == static_cast<std::streamsize>(magic.size()) && has_sqlite_magic(magic);
}

// A fileID is 40 lower-case hex digits (SHA-1); anything else from the manifest is not used
// as a path, so a crafted manifest cannot point outside the folder.
bool is_file_id(std::string_view id) {
  return id.size() == 40 && id.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

Problem problem(std::string message) {
  return Problem{std::move(message), std::nullopt};
}

}  // namespace

bool is_ios_backup_folder(const fs::path& folder) {
  if (!is_file(folder / "Manifest.db")) {
    return false;
  }
  return is_file(folder / "Info.plist") || is_file(folder / "Manifest.plist") ||
         is_file(folder / "Status.plist");
}

bool is_ios_backup_manifest(const fs::path& path) {
  return path.filename() == "Manifest.db" && is_ios_backup_folder(path.parent_path());
}

tl::expected<IosBackupFolder, Problem> IosBackupFolder::open(const fs::path& folder) {
  const fs::path manifest_path = folder / "Manifest.db";
  // iOS 10.2 and later encrypt Manifest.db itself when the backup is encrypted.
  if (!starts_like_sqlite(manifest_path)) {
    return tl::unexpected(
        problem("encrypted iPhone backup (Manifest.db is encrypted): it needs the backup "
                "password, which waudit does not take; make an unencrypted backup or decrypt it "
                "first; skipped"));
  }
  auto manifest = Database::open(manifest_path, OpenMode::immutable);
  if (!manifest) {
    return tl::unexpected(manifest.error());
  }
  auto columns = manifest->columns("Files");
  if (!columns) {
    return tl::unexpected(columns.error());
  }
  if (!columns->contains("fileID") || !columns->contains("domain") ||
      !columns->contains("relativePath")) {
    return tl::unexpected(problem(
        "iPhone backup whose Manifest.db has no Files table (incomplete or encrypted); skipped"));
  }
  auto lookup =
      manifest->prepare("SELECT fileID FROM Files WHERE domain = ?1 AND relativePath = ?2");
  if (!lookup) {
    return tl::unexpected(lookup.error());
  }
  return IosBackupFolder(folder, std::move(*manifest), std::move(*lookup));
}

tl::expected<std::vector<WhatsAppGroup>, Problem> IosBackupFolder::whatsapp_groups() {
  std::vector<WhatsAppGroup> groups;
  for (const auto& [app, domain] : kWhatsAppGroups) {
    const auto id = file_id(domain, "ChatStorage.sqlite");
    if (!id) {
      continue;
    }
    const auto stored = file_of(domain, "ChatStorage.sqlite");
    if (!stored) {
      return tl::unexpected(problem(fmt::format(
          "Manifest.db lists the ChatStorage.sqlite of {}, but its file {}/{} is not in the "
          "backup folder (an incomplete copy?); skipped",
          app, id->substr(0, 2), *id)));
    }
    groups.push_back(WhatsAppGroup{app, domain, *stored});
  }
  if (groups.empty()) {
    return tl::unexpected(
        problem("no WhatsApp data in this iPhone backup (no ChatStorage.sqlite of WhatsApp or "
                "WhatsApp Business in Manifest.db; with WhatsApp's end-to-end encrypted iCloud "
                "backup turned on, iOS leaves it out of the backup); skipped"));
  }
  return groups;
}

std::optional<std::string> IosBackupFolder::file_id(std::string_view domain,
                                                    std::string_view relative_path) {
  if (!lookup_.restart({domain, relative_path})) {
    return std::nullopt;
  }
  auto row = lookup_.step();
  if (!row || !*row) {
    return std::nullopt;
  }
  std::string id(lookup_.bytes(0));
  return is_file_id(id) ? std::optional<std::string>(std::move(id)) : std::nullopt;
}

std::optional<fs::path> IosBackupFolder::file_of(std::string_view domain,
                                                 std::string_view relative_path) {
  const auto id = file_id(domain, relative_path);
  if (!id) {
    return std::nullopt;
  }
  // iOS 10 and later store <aa>/<fileID>; older backups keep every file at the top.
  for (const fs::path& candidate : {folder_ / id->substr(0, 2) / *id, folder_ / *id}) {
    if (is_file(candidate)) {
      return candidate;
    }
  }
  return std::nullopt;
}

}  // namespace waudit::input
