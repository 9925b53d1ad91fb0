#include "audit/input_scan.hpp"

#include "chat/chat_name.hpp"
#include "input/file_source.hpp"
#include "input/zip_archive.hpp"
#include "input/zip_export.hpp"

#include <algorithm>

namespace waudit::audit {
namespace {

// No chat text comes near this; the cap only stops an entry that inflates without end.
// TODO(#7): make the archive limits options and add a compression-ratio limit.
constexpr std::uint64_t kMaxChatTextBytes = std::uint64_t{16} << 30;

std::string file_name(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

void add_chat(InputResult& result, ChatResult chat) {
  if (chat.is_export) {
    ++result.report.chats;
  }
  result.report.messages += chat.messages;
  if (chat.date_order && chat.is_export) {
    result.report.date_order = std::string(chat::to_string(chat.date_order->order));
    result.report.date_order_assumed = chat.date_order->assumed;
  }
  std::move(chat.errors.begin(), chat.errors.end(), std::back_inserter(result.report.errors));
  std::move(chat.findings.begin(), chat.findings.end(), std::back_inserter(result.findings));
}

void scan_text_file(const input::InputFile& file, const ScanSettings& settings,
                    InputResult& result) {
  const Origin origin{file.display_path, ""};
  auto source = input::FileSource::open(file.path);
  if (!source) {
    result.report.errors.push_back(settings.diagnostics.report(origin, source.error()));
    return;
  }
  const std::string chat = chat::chat_name_from_file_name(file_name(file.display_path));
  add_chat(result, scan_chat(**source, origin, chat, settings));
}

// iOS names the text `_chat.txt` and the archive after the chat; Android names the text.
std::string chat_name_in_zip(const input::InputFile& file, const input::ZipEntry& entry) {
  const std::string text_name = file_name(entry.name);
  return chat::chat_name_from_file_name(text_name == "_chat.txt" ? file_name(file.display_path)
                                                                 : text_name);
}

void scan_chat_entry(const input::InputFile& file, const input::ZipArchive& archive,
                     const input::ZipEntry& entry, const ScanSettings& settings,
                     InputResult& result) {
  const Origin origin{file.display_path, entry.name};
  auto source = archive.open_entry(entry, kMaxChatTextBytes);
  if (!source) {
    result.report.errors.push_back(settings.diagnostics.report(origin, source.error()));
    return;
  }
  add_chat(result, scan_chat(**source, origin, chat_name_in_zip(file, entry), settings));
}

void scan_zip_file(const input::InputFile& file, const ScanSettings& settings,
                   InputResult& result) {
  const Origin origin{file.display_path, ""};
  auto archive = input::ZipArchive::open(file.path);
  if (!archive) {
    result.report.errors.push_back(settings.diagnostics.report(origin, archive.error()));
    return;
  }
  input::ZipExportLayout layout = input::locate_export_entries(archive->entries());
  for (const input::ZipEntry* media : layout.media) {
    result.report.media.push_back(media->name);
  }
  std::sort(result.report.media.begin(), result.report.media.end());
  if (layout.chat_texts.empty()) {
    result.report.errors.push_back(settings.diagnostics.report(
        origin, Problem{"no chat text in archive (_chat.txt or WhatsApp Chat ... .txt)", {}}));
    return;
  }
  std::sort(layout.chat_texts.begin(), layout.chat_texts.end(),
            [](const auto* a, const auto* b) { return a->name < b->name; });
  for (const input::ZipEntry* entry : layout.chat_texts) {
    scan_chat_entry(file, *archive, *entry, settings, result);
  }
}

}  // namespace

InputResult scan_input(const input::InputFile& file, const ScanSettings& settings) {
  InputResult result;
  result.report.path = file.display_path;
  result.report.kind = std::string(input::to_string(file.kind));
  if (file.kind == input::InputKind::zip) {
    scan_zip_file(file, settings, result);
  } else {
    scan_text_file(file, settings, result);
  }
  report::sort_findings(result.findings);
  return result;
}

}  // namespace waudit::audit
