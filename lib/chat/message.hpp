// One message of a chat. Its strings are views into the parser's buffer and live only while
// the parser hands the message out; copy what must outlive that.
#pragma once

#include "chat/header.hpp"

#include <cstdint>
#include <string_view>

namespace waudit::chat {

enum class MessageKind {
  user,      // someone wrote it (it may carry an attachment)
  system,    // a notice written by WhatsApp
  headless,  // lines before the first header (a truncated export): no sender, no time
};

struct Message {
  MessageKind kind = MessageKind::user;
  std::string_view sender;  // empty when there is none
  DateFields date;          // as written; resolve with the file's DateOrder
  TimeOfDay time;
  // The body: the rest of the first line after the header, then each continuation line
  // after a '\n'. Every '\n' in it is one line break of the file.
  std::string_view text;
  std::uint64_t first_line = 0;   // 1-based line of the file where the message starts
  std::uint64_t body_column = 1;  // 1-based code-point column of text[0] in first_line
  std::string_view attachment;    // media file name when the message references one
  // Byte range in `text` that is the attachment reference itself (not the caption);
  // detectors skip it, since a media file name is metadata, not content.
  std::size_t attachment_begin = 0;
  std::size_t attachment_end = 0;
};

}  // namespace waudit::chat
