// Unencrypted Finder/iTunes backups of an iPhone (research: backups.md 4.5). The folder holds
// Manifest.db beside Info.plist, Manifest.plist and Status.plist; every file of the phone is
// stored under the SHA-1 of its domain and path, as <first two hex digits>/<fileID>, and
// Manifest.db's table Files(fileID, domain, relativePath) says which is which. WhatsApp keeps
// ChatStorage.sqlite and the message media in an app group; WhatsApp Business has its own.
// An encrypted backup is recognised (its Manifest.db is no SQLite database) and refused: it
// needs the backup password, which waudit does not take.
#pragma once

#include "diagnostics.hpp"
#include "input/sqlite_backup.hpp"

#include <tl/expected.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace waudit::input {

// Whether `folder` is laid out like an iOS device backup: a Manifest.db beside at least one of
// Info.plist, Manifest.plist and Status.plist.
bool is_ios_backup_folder(const std::filesystem::path& folder);

// Whether `path` is the Manifest.db of an iOS device backup folder.
bool is_ios_backup_manifest(const std::filesystem::path& path);

// One WhatsApp app of the phone whose ChatStorage.sqlite the backup holds.
struct WhatsAppGroup {
  std::string_view app;                // "WhatsApp", "WhatsApp Business"
  std::string_view domain;             // "AppDomainGroup-group.net.whatsapp.WhatsApp.shared"
  std::filesystem::path chat_storage;  // the stored file
};

class IosBackupFolder {
 public:
  // Opens the Manifest.db of the backup `folder`, immutable. Fails with one line for an
  // encrypted backup or a manifest without the Files table.
  [[nodiscard]] static tl::expected<IosBackupFolder, Problem> open(
      const std::filesystem::path& folder);

  // The WhatsApp apps whose ChatStorage.sqlite the backup holds, WhatsApp first; fails with
  // one line (saying why it may be missing) when there is none.
  [[nodiscard]] tl::expected<std::vector<WhatsAppGroup>, Problem> whatsapp_groups();

  // The stored file of `relative_path` in `domain`; nullopt when the manifest does not list it
  // or its file is not in the folder (a partial copy).
  std::optional<std::filesystem::path> file_of(std::string_view domain,
                                               std::string_view relative_path);

 private:
  IosBackupFolder(std::filesystem::path folder, Database manifest, Statement lookup)
      : folder_(std::move(folder)), manifest_(std::move(manifest)), lookup_(std::move(lookup)) {}

  // The fileID the manifest gives `relative_path` in `domain`, when it is a well-formed one.
  std::optional<std::string> file_id(std::string_view domain, std::string_view relative_path);

  std::filesystem::path folder_;
  // Declared before the statement: the statement is finalised first.
  Database manifest_;
  Statement lookup_;
};

}  // namespace waudit::input
