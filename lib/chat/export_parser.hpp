// Turns the lines of a chat export into messages, one line at a time, so that memory is
// bounded by the longest message, not by the file.
#pragma once

#include "chat/date_order.hpp"
#include "chat/markers.hpp"
#include "chat/message.hpp"
#include "text/line_reader.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace waudit::chat {

using MessageHandler = std::function<void(const Message&)>;

class ExportParser {
 public:
  static constexpr std::size_t kDefaultMaxMessage = std::size_t{4} << 20;

  ExportParser(const MarkerTable& markers, MessageHandler on_message,
               std::size_t max_message = kDefaultMaxMessage);

  // Feeds the next line of the file (lines must come in order). A message is handed to the
  // handler once the line after it (or finish()) shows that it is complete.
  void feed(const text::Line& line);

  // Hands out the last message.
  void finish();

  std::uint64_t messages() const { return messages_; }  // headless ones included

  std::uint64_t header_lines() const { return header_lines_; }

  // Messages cut because they exceeded max_message bytes (their tail is not scanned).
  std::uint64_t truncated_messages() const { return truncated_messages_; }

  const DateOrderEvidence& date_evidence() const { return evidence_; }

 private:
  void start_message(const text::Line& line, const Header& header);
  void start_headless(const text::Line& line);
  void append_line(const text::Line& line);
  void append_text(std::string_view piece);
  bool is_pasted_header() const;
  void hold_back(const text::Line& line);
  void replay_held_back();
  void classify();
  void emit();

  const MarkerTable& markers_;
  MessageHandler on_message_;
  std::size_t max_message_;
  std::string body_;    // the current message's text, reused between messages
  std::string sender_;  // the current message's sender, owned: lines do not outlive feed()
  Message current_;
  bool has_current_ = false;
  bool current_truncated_ = false;
  std::uint64_t messages_ = 0;
  std::uint64_t header_lines_ = 0;
  std::uint64_t truncated_messages_ = 0;
  // Line endings, for the iOS rule that a message ends with CR LF (export-formats.md section 2).
  bool has_previous_line_ = false;
  bool previous_ended_with_crlf_ = false;
  std::uint64_t headers_after_crlf_ = 0;
  std::uint64_t headers_after_lf_ = 0;

  // Lines of the current message that look like headers of another shape than the file's
  // template: kept as text unless so many come that the file has no single template.
  struct HeldBack {
    std::size_t offset = 0;  // of the line's first byte in body_
    std::uint64_t line = 0;
  };

  static constexpr std::size_t kMaxHeldBack = 5;
  HeaderTemplate template_;
  std::vector<HeldBack> held_back_;
  DateOrderEvidence evidence_;
};

}  // namespace waudit::chat
