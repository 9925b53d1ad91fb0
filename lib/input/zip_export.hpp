// Which entries of a ZIP are the chat text and which are media: iOS puts `_chat.txt` at the
// root, Android names the text after the chat in the phone's language.
#pragma once

#include "input/zip_archive.hpp"

#include <string>
#include <vector>

namespace waudit::input {

struct ZipExportLayout {
  std::vector<const ZipEntry*> chat_texts;  // usually one
  std::vector<const ZipEntry*> media;       // every other file entry, __MACOSX/ left out
};

// Prefers `_chat.txt`; else every `.txt` whose name has a WhatsApp chat prefix; else the only
// `.txt` at the root. An archive of several unrelated .txt files yields no chat text.
ZipExportLayout locate_export_entries(const std::vector<ZipEntry>& entries);

}  // namespace waudit::input
