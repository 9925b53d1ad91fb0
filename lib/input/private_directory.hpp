// A directory only this user can enter (mode 0700, made by mkdtemp under $TMPDIR or /tmp),
// removed with everything in it when the object goes, on success and on error alike. It holds
// what must never be left behind: a decrypted backup, or a copy of a database and its -wal.
// A process killed by a signal cannot clean up; its directory stays as waudit-XXXXXX.
#pragma once

#include "diagnostics.hpp"

#include <tl/expected.hpp>

#include <filesystem>
#include <string_view>

namespace waudit::input {

class PrivateDirectory {
 public:
  [[nodiscard]] static tl::expected<PrivateDirectory, Problem> create();

  PrivateDirectory(PrivateDirectory&& other) noexcept : path_(std::move(other.path_)) {
    other.path_.clear();
  }

  PrivateDirectory& operator=(PrivateDirectory&&) = delete;
  PrivateDirectory(const PrivateDirectory&) = delete;
  PrivateDirectory& operator=(const PrivateDirectory&) = delete;
  ~PrivateDirectory();

  const std::filesystem::path& path() const { return path_; }

  // Creates the empty file `name` in the directory, readable only by this user (0600), and
  // returns its path; fails when it exists.
  [[nodiscard]] tl::expected<std::filesystem::path, Problem> create_file(
      std::string_view name) const;

 private:
  explicit PrivateDirectory(std::filesystem::path path) : path_(std::move(path)) {}

  std::filesystem::path path_;
};

}  // namespace waudit::input
