// What the user handed us, after expanding directories: one file and what it holds.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace waudit::input {

// Decided by content (magic bytes), not by the file name; encrypted backups have no magic and
// are known by their extension (.crypt12, .crypt14, .crypt15).
enum class InputKind { text, zip, sqlite, encrypted_backup };

struct InputFile {
  std::filesystem::path path;
  std::string display_path;  // as given, or found under a given directory; used in reports
  InputKind kind = InputKind::text;
};

// "txt", "zip", as inputs[].kind says; "sqlite" and "encrypted" until the scan knows more
std::string_view to_string(InputKind kind);

}  // namespace waudit::input
