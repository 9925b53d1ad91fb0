// Finding the chat text in an "export with media". Every localized Android file name
// (WhatsApp Chat mit X, Chat de WhatsApp con X, X ile WhatsApp Sohbeti, ...) contains the
// word "WhatsApp", so that word, not a list of translations, identifies a chat text here.
#include "input/zip_export.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace waudit::input {
namespace {

std::string_view base_name(std::string_view name) {
  const std::size_t slash = name.rfind('/');
  return slash == std::string_view::npos ? name : name.substr(slash + 1);
}

bool has_txt_extension(std::string_view name) {
  if (name.size() < 4) {
    return false;
  }
  std::string extension(name.substr(name.size() - 4));
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension == ".txt";
}

// macOS re-zips add AppleDouble files (`__MACOSX/._name`) that only look like entries.
bool is_metadata(std::string_view name) {
  return name.starts_with("__MACOSX/") || base_name(name).starts_with("._");
}

}  // namespace

ZipExportLayout locate_export_entries(const std::vector<ZipEntry>& entries) {
  std::vector<const ZipEntry*> files;
  for (const ZipEntry& entry : entries) {
    if (!entry.is_directory && !is_metadata(entry.name)) {
      files.push_back(&entry);
    }
  }
  std::vector<const ZipEntry*> ios;
  std::vector<const ZipEntry*> named;
  std::vector<const ZipEntry*> root_texts;
  for (const ZipEntry* entry : files) {
    const std::string_view base = base_name(entry->name);
    if (base == "_chat.txt") {
      ios.push_back(entry);
    } else if (has_txt_extension(base) && base.find("WhatsApp") != std::string_view::npos) {
      named.push_back(entry);
    } else if (has_txt_extension(base) && base == entry->name) {
      root_texts.push_back(entry);
    }
  }
  ZipExportLayout layout;
  if (!ios.empty()) {
    layout.chat_texts = ios;
  } else if (!named.empty()) {
    layout.chat_texts = named;
  } else if (root_texts.size() == 1) {
    layout.chat_texts = root_texts;
  }
  for (const ZipEntry* entry : files) {
    if (std::find(layout.chat_texts.begin(), layout.chat_texts.end(), entry) ==
        layout.chat_texts.end()) {
      layout.media.push_back(entry);
    }
  }
  return layout;
}

}  // namespace waudit::input
