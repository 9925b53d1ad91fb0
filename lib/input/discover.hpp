// Turns the paths given on the command line into the list of files to scan: directories are
// walked recursively, each file's kind is sniffed from its first bytes, and the list is sorted
// so the output does not depend on the order of arguments or of the directory listing.
#pragma once

#include "diagnostics.hpp"
#include "input/input_file.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace waudit::input {

struct Discovery {
  std::vector<InputFile> files;  // sorted by display_path, without duplicates
  // Paths that could not be used (missing, unreadable, neither file nor directory).
  std::vector<std::pair<Origin, Problem>> problems;
};

// Files in a directory are taken when they end in .txt or .zip (any case), start with ZIP
// magic, are SQLite databases holding WhatsApp messages (msgstore.db, ChatStorage.sqlite), or
// are encrypted message backups (msgstore*.crypt12/14/15); a path named explicitly is always
// taken. An iPhone backup folder (Manifest.db beside Info.plist, Manifest.plist or
// Status.plist), given or found, is one input: its Manifest.db, shown as the folder's path.
Discovery discover(const std::vector<std::string>& paths);

// Sniffs the kind of an open file from its first bytes ("PK\3\4" or "PK\5\6" is a ZIP,
// "SQLite format 3\0" an SQLite database).
InputKind sniff_kind(std::string_view first_bytes);

}  // namespace waudit::input
