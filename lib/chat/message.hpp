// One message of a chat. Its strings are views into the parser's buffer and live only while
// the parser hands the message out; copy what must outlive that.
#pragma once

#include "chat/header.hpp"

#include <cstdint>
#include <string_view>

namespace waudit::chat {

// Who wrote a message.
enum class MessageKind {
  user,      // someone wrote it (it may carry an attachment); see Content for what it is
  system,    // a notice written by WhatsApp
  headless,  // lines before the first header (a truncated export): no sender, no time
};

// What a user message is, read from WhatsApp's fixed wording (patterns/locales/*.toml). A
// deleted message, a call or a location keeps its sender and the kind `user`. System notices
// and headless text are always `text`.
enum class Content {
  text,           // what someone typed (or anything no table matched)
  attachment,     // a media file included in the export; `attachment` names it
  omitted_media,  // media left out of the export ("<Media omitted>", "image omitted")
  deleted,        // the placeholder of a deleted message ("This message was deleted")
  location,       // a shared location ("location: URL", a venue, "live location shared")
  call,           // a call record ("Missed voice call")
  poll,           // "POLL:", the question, "OPTION: ..." lines
  view_once,      // view-once media (Android writes the body "null")
  contact_card,   // a contact card: an attached .vcf or "Contact card omitted"
};

struct Message {
  MessageKind kind = MessageKind::user;
  std::string_view sender;  // empty when there is none
  DateFields date;          // as written; resolve with the file's DateOrder
  TimeOfDay time;
  // The body: the rest of the first line after the header, then each continuation line
  // after a '\n'. Every '\n' in it is one line break of the file. When `edited`, the
  // " <This message was edited>" suffix (and the blanks before it) is cut off the end: it is
  // WhatsApp's wording, not the sender's, and it only ever ends the last line, so offsets into
  // `text` and its line breaks still match the file.
  std::string_view text;
  Content content = Content::text;
  bool edited = false;              // the body ended with the edited-message suffix
  std::uint64_t first_line = 0;     // 1-based line of the file where the message starts
  std::uint64_t body_column = 1;    // 1-based code-point column of text[0] in first_line
  std::uint64_t sender_column = 0;  // 1-based code-point column of the sender; 0: no sender
  std::string_view attachment;      // media file name when the message references one
  // Byte range in `text` that is the attachment reference itself (not the caption);
  // detectors skip it, since a media file name is metadata, not content.
  std::size_t attachment_begin = 0;
  std::size_t attachment_end = 0;
};

}  // namespace waudit::chat
