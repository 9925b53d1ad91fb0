#include "exported_chat.hpp"

#include "chat/export_parser.hpp"
#include "chat/markers.hpp"
#include "input/file_source.hpp"
#include "input/text_decoding.hpp"
#include "input/zip_archive.hpp"
#include "input/zip_export.hpp"
#include "text/line_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <utility>

namespace waudit::conformance {
namespace {

constexpr std::uint64_t kMaxChatTextBytes = std::uint64_t{1} << 30;

struct Written {
  chat::DateFields date;
  chat::TimeOfDay time;
};

tl::expected<ExportedChat, std::string> parse(std::unique_ptr<input::ByteSource> raw,
                                              std::string entry) {
  // As `waudit scan`: a UTF-8 BOM is dropped and UTF-16 transcoded before lines are split.
  auto decoded = input::decode_text(std::move(raw));
  if (!decoded) {
    return tl::unexpected(decoded.error().message);
  }
  ExportedChat chat;
  chat.entry = std::move(entry);
  std::vector<std::optional<Written>> written;
  chat::ExportParser parser(chat::builtin_markers(), [&](const chat::Message& message) {
    ChatMessage copy;
    copy.kind = message.kind;
    copy.sender = std::string(message.sender);
    copy.text = std::string(message.text);
    copy.first_line = message.first_line;
    copy.content = message.content;
    copy.edited = message.edited;
    copy.attachment = std::string(message.attachment);
    copy.attachment_begin = message.attachment_begin;
    copy.attachment_end = message.attachment_end;
    chat.messages.push_back(std::move(copy));
    written.push_back(message.kind == chat::MessageKind::headless
                          ? std::nullopt
                          : std::optional<Written>(Written{message.date, message.time}));
  });
  text::LineReader reader(*decoded->source);
  while (true) {
    auto line = reader.next();
    if (!line) {
      return tl::unexpected(line.error().message);
    }
    if (!*line) {
      break;
    }
    parser.feed(**line);
  }
  parser.finish();
  chat.order = parser.date_evidence().decide();
  for (std::size_t i = 0; i < chat.messages.size(); ++i) {
    if (written[i]) {
      chat.messages[i].time = chat::resolve(written[i]->date, written[i]->time, chat.order.order);
    }
  }
  return chat;
}

tl::expected<ExportedChat, std::string> read_zip(const std::filesystem::path& path) {
  auto archive = input::ZipArchive::open(path);
  if (!archive) {
    return tl::unexpected(archive.error().message);
  }
  const input::ZipExportLayout layout = input::locate_export_entries(archive->entries());
  if (layout.chat_texts.size() != 1) {
    return tl::unexpected(
        fmt::format("{} chat texts in the archive, expected one", layout.chat_texts.size()));
  }
  const input::ZipEntry& entry = *layout.chat_texts.front();
  auto source = archive->open_entry(entry, kMaxChatTextBytes);
  if (!source) {
    return tl::unexpected(source.error().message);
  }
  return parse(std::move(*source), entry.name);
}

}  // namespace

tl::expected<ExportedChat, std::string> read_export(const std::filesystem::path& path) {
  if (path.extension() == ".zip") {
    return read_zip(path);
  }
  auto source = input::FileSource::open(path);
  if (!source) {
    return tl::unexpected(source.error().message);
  }
  return parse(std::move(*source), "");
}

}  // namespace waudit::conformance
