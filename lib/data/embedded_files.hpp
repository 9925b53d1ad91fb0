// Files from patterns/ compiled into the binary (see cmake/embed_files.cmake), so that
// waudit needs nothing beside it at run time.
#pragma once

#include <span>
#include <string_view>
#include <vector>

namespace waudit::data {

struct EmbeddedFile {
  std::string_view name;     // path relative to patterns/, e.g. "locales/de.toml"
  std::string_view content;  // the file's bytes
};

// Every embedded file, in the order CMake listed them.
std::span<const EmbeddedFile> embedded_files();

// The embedded files whose name starts with `prefix` ("locales/"), in listed order.
std::vector<EmbeddedFile> embedded_files_under(std::string_view prefix);

}  // namespace waudit::data
