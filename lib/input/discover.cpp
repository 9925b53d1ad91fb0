#include "input/discover.hpp"

#include "input/encrypted_backup.hpp"
#include "input/ios_backup_folder.hpp"
#include "input/message_store.hpp"
#include "input/sqlite_backup.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <system_error>

namespace waudit::input {
namespace fs = std::filesystem;

namespace {

bool has_export_extension(const fs::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension == ".txt" || extension == ".zip";
}

std::string read_magic(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::string magic(16, '\0');  // SQLite's header is the longest magic
  file.read(magic.data(), static_cast<std::streamsize>(magic.size()));
  magic.resize(static_cast<std::size_t>(std::max<std::streamsize>(file.gcount(), 0)));
  return magic;
}

InputKind kind_of(const fs::path& path) {
  // An encrypted backup's Manifest.db has no magic; the scan says it is encrypted.
  if (is_ios_backup_manifest(path)) {
    return InputKind::sqlite;
  }
  const InputKind kind = sniff_kind(read_magic(path));
  const bool encrypted = kind == InputKind::text && format_from_name(path.filename().string());
  return encrypted ? InputKind::encrypted_backup : kind;
}

// In a directory, only the databases and backups that hold messages: wa.db is read beside its
// msgstore.db, and the other databases of an app folder are none of waudit's business. A
// database with a -wal may hold its tables only there; the scan reads it and decides.
bool holds_messages(const fs::path& path, InputKind kind) {
  if (kind == InputKind::encrypted_backup) {
    return path.filename().string().starts_with("msgstore");
  }
  if (kind != InputKind::sqlite) {
    return false;
  }
  const StoreKind store = classify_database(path);
  std::error_code error;
  return store == StoreKind::msgstore || store == StoreKind::chatstorage ||
         (store == StoreKind::other && fs::exists(path.string() + "-wal", error));
}

void add_file(const fs::path& path, std::string display, InputKind kind, Discovery& found) {
  found.files.push_back(InputFile{path, std::move(display), kind});
}

// An iPhone backup folder is one input, its Manifest.db, shown as the folder: the files in it
// are the phone's, stored under hashes, and are read through the manifest.
void add_ios_backup(const fs::path& folder, std::string display, Discovery& found) {
  add_file(folder / "Manifest.db", std::move(display), InputKind::sqlite, found);
}

void walk_directory(const fs::path& root, const std::string& shown_root, Discovery& found) {
  std::error_code error;
  // Symbolic links to directories are not followed: no cycles, no escaping the tree.
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, error);
  for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    const fs::path& path = it->path();
    std::error_code status_error;
    if (it->is_directory(status_error) && !it->is_symlink(status_error) &&
        is_ios_backup_folder(path)) {
      add_ios_backup(path, (fs::path(shown_root) / path.lexically_relative(root)).generic_string(),
                     found);
      it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(status_error)) {
      continue;
    }
    const InputKind kind = kind_of(path);
    if (has_export_extension(path) || kind == InputKind::zip || holds_messages(path, kind)) {
      const fs::path relative = path.lexically_relative(root);
      add_file(path, (fs::path(shown_root) / relative).generic_string(), kind, found);
    }
  }
  if (error) {
    found.problems.push_back({Origin{shown_root, ""}, Problem{error.message(), std::nullopt}});
  }
}

}  // namespace

std::string_view to_string(InputKind kind) {
  switch (kind) {
    case InputKind::zip:
      return "zip";
    case InputKind::sqlite:
      return "sqlite";
    case InputKind::encrypted_backup:
      return "encrypted";
    case InputKind::text:
      break;
  }
  return "txt";
}

InputKind sniff_kind(std::string_view first_bytes) {
  const bool zip = first_bytes.starts_with(std::string_view("PK\x03\x04", 4)) ||
                   first_bytes.starts_with(std::string_view("PK\x05\x06", 4));
  if (zip) {
    return InputKind::zip;
  }
  return has_sqlite_magic(first_bytes) ? InputKind::sqlite : InputKind::text;
}

Discovery discover(const std::vector<std::string>& paths) {
  Discovery found;
  for (const std::string& given : paths) {
    const fs::path path(given);
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      found.problems.push_back({Origin{given, ""}, Problem{"no such file or directory", {}}});
    } else if (fs::is_directory(status) && is_ios_backup_folder(path)) {
      add_ios_backup(path, given, found);
    } else if (fs::is_directory(status)) {
      walk_directory(path, given, found);
    } else if (fs::is_regular_file(status)) {
      add_file(path, given, kind_of(path), found);
    } else {
      found.problems.push_back({Origin{given, ""}, Problem{"not a regular file", {}}});
    }
  }
  std::sort(found.files.begin(), found.files.end(),
            [](const InputFile& a, const InputFile& b) { return a.display_path < b.display_path; });
  found.files.erase(std::unique(found.files.begin(), found.files.end(),
                                [](const InputFile& a, const InputFile& b) {
                                  return a.display_path == b.display_path;
                                }),
                    found.files.end());
  return found;
}

}  // namespace waudit::input
