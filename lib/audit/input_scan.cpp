#include "audit/input_scan.hpp"

#include "audit/archive_scan.hpp"
#include "audit/backup_scan.hpp"
#include "chat/chat_name.hpp"
#include "input/file_source.hpp"
#include "input/media_index.hpp"
#include "input/text_decoding.hpp"

#include <algorithm>
#include <iterator>

namespace waudit::audit {
namespace {

void add_chat(InputResult& result, ChatResult chat) {
  if (chat.is_export) {
    ++result.report.chats;
  }
  result.report.messages += chat.messages;
  result.allowlisted += chat.allowlisted;
  if (chat.date_order && chat.is_export) {
    result.report.date_order = std::string(chat::to_string(chat.date_order->order));
    result.report.date_order_assumed = chat.date_order->assumed;
  }
  std::move(chat.errors.begin(), chat.errors.end(), std::back_inserter(result.report.errors));
}

// A plain text has no media in hand: its references are only counted (media_referenced).
void scan_text_file(const input::InputFile& file, const ScanSettings& settings,
                    InputResult& result) {
  const Origin origin{file.display_path, ""};
  auto source = input::FileSource::open(file.path);
  if (!source) {
    result.report.errors.push_back(settings.diagnostics.report(origin, source.error()));
    return;
  }
  const std::string chat = chat::chat_name_from_file_name(input::base_name(file.display_path));
  scan_chat_text(std::move(*source), origin, chat, settings, result, MediaNames::counted);
}

}  // namespace

std::vector<MediaReference> scan_chat_text(std::unique_ptr<input::ByteSource> raw,
                                           const Origin& origin, const std::string& chat,
                                           const ScanSettings& settings, InputResult& result,
                                           MediaNames names) {
  auto decoded = input::decode_text(std::move(raw));
  if (!decoded) {
    result.report.errors.push_back(settings.diagnostics.report(origin, decoded.error()));
    return {};
  }
  // One encoding per input: a ZIP of chat texts in different encodings reports the first.
  if (decoded->encoding != input::TextEncoding::utf8 && !result.report.encoding) {
    result.report.encoding = std::string(input::to_string(decoded->encoding));
  }
  ChatResult scanned = scan_chat(*decoded->source, origin, chat, settings, names, result.findings);
  std::vector<MediaReference> references = std::move(scanned.media_references);
  result.report.media_referenced += scanned.media_referenced;
  add_chat(result, std::move(scanned));
  return references;
}

InputResult scan_input(const input::InputFile& file, const ScanSettings& settings) {
  InputResult result;
  result.report.path = file.display_path;
  result.report.kind = std::string(input::to_string(file.kind));
  if (file.kind == input::InputKind::zip) {
    scan_zip_file(file, settings, result);
  } else if (file.kind == input::InputKind::sqlite) {
    scan_database_file(file, settings, result);
  } else if (file.kind == input::InputKind::encrypted_backup) {
    scan_encrypted_file(file, settings, result);
  } else {
    scan_text_file(file, settings, result);
  }
  return result;
}

}  // namespace waudit::audit
