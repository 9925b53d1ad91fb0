// What the user handed us, after expanding directories: one file and what it holds.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace waudit::input {

// Decided by content (magic bytes), not by the file name.
enum class InputKind { text, zip };

struct InputFile {
  std::filesystem::path path;
  std::string display_path;  // as given, or found under a given directory; used in reports
  InputKind kind = InputKind::text;
};

std::string_view to_string(InputKind kind);  // "txt", "zip", as inputs[].kind says

}  // namespace waudit::input
