// An export read the way `waudit scan` reads it (file or ZIP entry -> LineReader ->
// ExportParser -> per-file date order), with the messages copied out so they can be compared
// after the parser is gone.
#pragma once

#include "chat/date_order.hpp"
#include "chat/message.hpp"

#include <tl/expected.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace waudit::conformance {

struct ChatMessage {
  chat::MessageKind kind = chat::MessageKind::user;
  std::string sender;
  std::string text;
  std::optional<chat::LocalDateTime> time;  // nullopt: headless, or no calendar day
  std::uint64_t first_line = 0;
  chat::Content content = chat::Content::text;
  bool edited = false;
  std::string attachment;
  std::size_t attachment_begin = 0;
  std::size_t attachment_end = 0;
};

struct ExportedChat {
  std::string entry;  // the ZIP entry read; empty for a text file
  std::vector<ChatMessage> messages;
  chat::DateOrderDecision order;
};

// Reads `path` (a .txt, or a .zip whose chat text locate_export_entries finds). The error
// names what went wrong (unreadable file, no or several chat texts in the archive).
[[nodiscard]] tl::expected<ExportedChat, std::string> read_export(
    const std::filesystem::path& path);

}  // namespace waudit::conformance
