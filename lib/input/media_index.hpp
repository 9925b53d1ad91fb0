// Which media entries of an archive the chat text refers to. Messages name a file without a
// folder; the archive may keep it under a folder (re-zipped exports) and may spell it in
// another Unicode normalization (iOS writes some names decomposed). So references are matched
// by base name after NFC, first exactly, then ignoring ASCII case (export-formats.md 1.2).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace waudit::input {

class MediaIndex {
 public:
  // `names`: the media entries of one archive, as stored.
  explicit MediaIndex(std::vector<std::string> names);

  // The entry that `reference` names, preferring one in `folder` (the chat text's folder,
  // with its final '/', empty at the root), and marks it as referenced; nullopt when the
  // archive does not hold it.
  std::optional<std::size_t> resolve(std::string_view reference, std::string_view folder);

  const std::vector<std::string>& names() const { return names_; }

  // The entries that no resolve() found, in the order given.
  std::vector<std::string> unreferenced() const;

 private:
  std::optional<std::size_t> pick(const std::vector<std::size_t>& candidates,
                                  std::string_view folder) const;

  std::vector<std::string> names_;
  std::vector<bool> referenced_;
  std::unordered_map<std::string, std::vector<std::size_t>> exact_;   // NFC base name
  std::unordered_map<std::string, std::vector<std::size_t>> folded_;  // and ASCII lower case
};

// The folder part of an entry name with its final '/', empty at the root.
std::string_view folder_of(std::string_view entry_name);

// The last part of an entry name.
std::string_view base_name(std::string_view entry_name);

}  // namespace waudit::input
