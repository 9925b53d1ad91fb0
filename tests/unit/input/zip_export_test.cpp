#include "input/zip_export.hpp"

#include <doctest/doctest.h>

TEST_SUITE_BEGIN("input");

using waudit::input::locate_export_entries;
using waudit::input::ZipEntry;

namespace {

std::vector<ZipEntry> entries_named(std::initializer_list<const char*> names) {
  std::vector<ZipEntry> entries;
  for (const char* name : names) {
    ZipEntry entry;
    entry.index = entries.size();
    entry.name = name;
    entry.is_directory = entry.name.ends_with('/');
    entries.push_back(entry);
  }
  return entries;
}

std::vector<std::string> names_of(const std::vector<const ZipEntry*>& entries) {
  std::vector<std::string> names;
  for (const ZipEntry* entry : entries) {
    names.push_back(entry->name);
  }
  return names;
}

}  // namespace

TEST_CASE("input::locate_export_entries finds the iOS chat text and lists media") {
  const auto entries = entries_named(
      {"00000004-PHOTO-2023-04-18-09-45-12.jpg", "_chat.txt", "__MACOSX/._chat.txt", "dir/"});
  const auto layout = locate_export_entries(entries);
  CHECK(names_of(layout.chat_texts) == std::vector<std::string>{"_chat.txt"});
  CHECK(names_of(layout.media) ==
        std::vector<std::string>{"00000004-PHOTO-2023-04-18-09-45-12.jpg"});
}

TEST_CASE("input::locate_export_entries finds localized Android chat texts") {
  const auto entries = entries_named({"IMG-20230415-WA0007.jpg", "WhatsApp Chat mit Lena.txt",
                                      "Chat de WhatsApp con Ana.txt", "notes.txt"});
  const auto layout = locate_export_entries(entries);
  CHECK(names_of(layout.chat_texts) ==
        std::vector<std::string>{"WhatsApp Chat mit Lena.txt", "Chat de WhatsApp con Ana.txt"});
  CHECK(layout.media.size() == 2);
}

TEST_CASE("input::locate_export_entries takes a single root text and refuses to guess among many") {
  CHECK(names_of(locate_export_entries(entries_named({"chat.txt", "a.jpg"})).chat_texts) ==
        std::vector<std::string>{"chat.txt"});
  CHECK(locate_export_entries(entries_named({"a.txt", "b.txt"})).chat_texts.empty());
  CHECK(locate_export_entries(entries_named({"a.jpg"})).chat_texts.empty());
}

TEST_CASE("input::ZipArchive::open_bytes rejects an empty buffer like an empty file") {
  // Found by zip_archive_fuzzer: libzip opened "" as an empty archive.
  const auto archive = waudit::input::ZipArchive::open_bytes("");
  REQUIRE_FALSE(archive.has_value());
  CHECK(archive.error().message == "not a ZIP archive");
}

TEST_SUITE_END();
