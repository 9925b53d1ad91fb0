// Groups lines into messages: a header line starts one, any other line continues it. The
// message text is copied once into a reused buffer, capped at max_message bytes, and handed
// out as views; what a message is (user, notice, attachment) is decided when it is complete.
#include "chat/export_parser.hpp"

#include "chat/attachment.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <utility>

namespace waudit::chat {
namespace {

bool is_continuation_byte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U;
}

}  // namespace

ExportParser::ExportParser(const MarkerTable& markers, MessageHandler on_message,
                           std::size_t max_message)
    : markers_(markers), on_message_(std::move(on_message)), max_message_(max_message) {}

// A header line starts a message when it has the file's header shape (HeaderTemplate): a
// line of another shape inside a message is most likely pasted text, such as messages copied
// from another chat. If kMaxHeldBack of them come in one message, the file has no single shape
// (hand-edited or concatenated) and they are read as headers after all.
void ExportParser::feed(const text::Line& line) {
  const auto header = parse_header(line.text);
  const bool candidate = header && !is_pasted_header();
  if (candidate && (!has_current_ || template_.accepts(header->shape))) {
    if (has_previous_line_) {
      ++(previous_ended_with_crlf_ ? headers_after_crlf_ : headers_after_lf_);
    }
    emit();
    start_message(line, *header);
  } else if (has_current_) {
    if (candidate) {
      hold_back(line);
    } else {
      append_line(line);
    }
  } else {
    start_headless(line);
  }
  has_previous_line_ = true;
  previous_ended_with_crlf_ = line.ended_with_crlf;
}

void ExportParser::hold_back(const text::Line& line) {
  if (!current_truncated_) {
    held_back_.push_back(HeldBack{body_.size() + 1, line.number});
  }
  append_line(line);
  if (current_truncated_) {
    held_back_.clear();  // the text that would be read again is not all kept
  } else if (held_back_.size() == kMaxHeldBack) {
    replay_held_back();
  }
}

// Cuts the held-back lines and what follows them out of the current message and reads them
// again, each held-back line starting a message, with the template learned anew.
void ExportParser::replay_held_back() {
  const std::vector<HeldBack> held = std::move(held_back_);
  held_back_.clear();
  const std::string tail = body_.substr(held.front().offset);
  body_.resize(held.front().offset - 1);  // without the line break before the first one
  template_ = HeaderTemplate{};
  emit();
  std::uint64_t number = held.front().line;
  std::size_t next_held = 0;
  for (std::size_t start = 0; start <= tail.size(); ++number) {
    const std::size_t end = std::min(tail.find('\n', start), tail.size());
    const text::Line line{std::string_view(tail).substr(start, end - start), number, false, false};
    const bool was_held = next_held < held.size() && held[next_held].line == number;
    next_held += was_held ? 1 : 0;
    const auto header = was_held ? parse_header(line.text) : std::nullopt;
    if (header) {
      emit();
      start_message(line, *header);
    } else {
      append_line(line);
    }
    start = end + 1;
  }
}

void ExportParser::finish() {
  // Blank lines at the end of the file are not part of the last message.
  while (!body_.empty() && body_.back() == '\n') {
    body_.pop_back();
  }
  emit();
}

// In a file whose messages end with CR LF (iOS), a line after a bare LF is a line break typed
// inside a message, even when it looks like a header (a pasted chat).
bool ExportParser::is_pasted_header() const {
  return has_previous_line_ && !previous_ended_with_crlf_ &&
         headers_after_crlf_ > headers_after_lf_;
}

void ExportParser::start_message(const text::Line& line, const Header& header) {
  ++header_lines_;
  template_.add(header.shape);
  held_back_.clear();
  evidence_.add(header.date);
  std::size_t body_offset = header.body_offset;
  std::string_view sender = header.author;
  // A notice whose text holds ": " ("X changed the subject from "a: b"") looks like an author;
  // a notice fragment in that author shows it is text.
  if (header.has_author && contains_system_fragment(header.author, markers_)) {
    body_offset = static_cast<std::size_t>(header.author.data() - line.text.data());
    sender = {};
  }
  current_ = Message{};
  current_.kind = sender.empty() ? MessageKind::system : MessageKind::user;
  current_.date = header.date;
  current_.time = header.time;
  current_.first_line = line.number;
  current_.body_column = text::count_code_points(line.text.substr(0, body_offset)) + 1;
  if (!sender.empty()) {
    current_.sender_column = text::count_code_points(line.text.substr(
                                 0, static_cast<std::size_t>(sender.data() - line.text.data()))) +
                             1;
  }
  sender_.assign(sender);
  body_.clear();
  has_current_ = true;
  current_truncated_ = false;
  append_text(line.text.substr(body_offset));
}

void ExportParser::start_headless(const text::Line& line) {
  current_ = Message{};
  current_.kind = MessageKind::headless;
  current_.first_line = line.number;
  sender_.clear();
  body_.clear();
  has_current_ = true;
  current_truncated_ = false;
  append_text(line.text);
}

void ExportParser::append_line(const text::Line& line) {
  append_text("\n");
  append_text(line.text);
}

void ExportParser::append_text(std::string_view piece) {
  if (current_truncated_) {
    return;
  }
  const std::size_t room = max_message_ - body_.size();
  if (piece.size() <= room) {
    body_.append(piece);
    return;
  }
  // Cut at a character boundary so the kept part stays valid UTF-8 where the input was.
  std::size_t cut = room;
  while (cut > 0 && is_continuation_byte(piece[cut])) {
    --cut;
  }
  body_.append(piece.substr(0, cut));
  current_truncated_ = true;  // counted in emit(), once the message is handed out
}

// What a user message is, from the marker tables (the author alone says nothing: iOS writes
// notices with the chat's name as author). The edited suffix is cut first, since it may end
// any text; media markers come before notices, so a document named "Group created.pdf" stays
// an attachment. The attachment range starts at the body: a document's title written before
// "<attached: ...>" is metadata too.
void ExportParser::classify() {
  if (const std::size_t edited = edited_suffix_start(current_.text, markers_);
      edited != std::string_view::npos) {
    current_.text = current_.text.substr(0, edited);
    current_.edited = true;
  }
  const std::string_view text = current_.text;
  if (const auto attachment = find_attachment(text, markers_)) {
    current_.attachment = attachment->file_name;
    current_.attachment_begin = 0;
    current_.attachment_end = attachment->end;
    current_.content =
        is_contact_card_file(attachment->file_name) ? Content::contact_card : Content::attachment;
  } else if (is_omitted_media(text, markers_)) {
    current_.content =
        is_omitted_contact_card(text, markers_) ? Content::contact_card : Content::omitted_media;
  } else if (is_deleted(text, markers_)) {
    current_.content = Content::deleted;
  } else if (is_call(text, markers_)) {
    current_.content = Content::call;
  } else if (is_location(text, markers_)) {
    current_.content = Content::location;
  } else if (is_poll(text, markers_)) {
    current_.content = Content::poll;
  } else if (is_view_once(text, markers_)) {
    current_.content = Content::view_once;
  } else if (is_system_notice(text, markers_)) {
    current_.kind = MessageKind::system;
  }
}

void ExportParser::emit() {
  if (!has_current_) {
    return;
  }
  has_current_ = false;
  // Blank lines before the first header carry nothing to report.
  if (current_.kind == MessageKind::headless &&
      body_.find_first_not_of('\n') == std::string::npos) {
    return;
  }
  current_.text = body_;
  current_.sender = sender_;
  if (current_.kind == MessageKind::user) {
    classify();
  }
  truncated_messages_ += current_truncated_ ? 1 : 0;
  ++messages_;
  on_message_(current_);
}

}  // namespace waudit::chat
