// Feeds arbitrary bytes through the text pipeline the scanner uses: MemorySource -> LineReader
// (small line limit, so long lines are cut) -> ExportParser (small message limit) -> Detector.
// Checked: the lines put back together are the input; messages are views that lie inside
// their lines, in file order and without overlap; attachment ranges and detections lie
// inside the message text.
#include "chat/export_parser.hpp"
#include "detect/detector.hpp"
#include "memory_source.hpp"
#include "property.hpp"
#include "rules/rule_pack.hpp"
#include "text/line_reader.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace waudit::fuzz {
namespace {

constexpr std::size_t kMaxLine = 4096;
constexpr std::size_t kMaxMessage = 16384;

const detect::Detector& builtin_detector() {
  static const detect::Detector detector = [] {
    auto rules = rules::load_builtin_rules();
    require(rules.has_value(), "the built-in rule packs load");
    auto created = detect::Detector::create(std::move(*rules));
    require(created.has_value(), "the built-in rules compile");
    return std::move(*created);
  }();
  return detector;
}

std::uint64_t line_breaks(std::string_view text) {
  return static_cast<std::uint64_t>(std::count(text.begin(), text.end(), '\n'));
}

// Follows the reader through the input: every line is the input's next bytes, followed by
// its line ending; a cut line is followed by the skipped rest of that line.
class LineChecker {
 public:
  explicit LineChecker(std::string_view input) : input_(input) {}

  void check(const text::Line& line) {
    require(line.number == ++lines_, "line numbers count up from 1");
    require(line.text.size() <= kMaxLine, "a line is at most max_line bytes");
    require(line.text.find('\n') == std::string_view::npos, "a line holds no line feed");
    require(input_.substr(pos_, line.text.size()) == line.text, "a line is the input's bytes");
    pos_ += line.text.size();
    if (line.truncated) {
      require(line.text.size() == kMaxLine, "only a line longer than max_line is cut");
      const std::size_t newline = input_.find('\n', pos_);
      pos_ = newline == std::string_view::npos ? input_.size() : newline + 1;
    } else if (line.ended_with_crlf) {
      require(input_.substr(pos_, 2) == "\r\n", "a CR LF line ends in CR LF");
      pos_ += 2;
    } else if (pos_ < input_.size()) {
      require(input_[pos_] == '\n', "a line ends at a line feed or the end");
      pos_ += 1;
    }
  }

  void finish() const { require(pos_ == input_.size(), "the lines cover the whole input"); }

  std::uint64_t lines() const { return lines_; }

 private:
  std::string_view input_;
  std::size_t pos_ = 0;
  std::uint64_t lines_ = 0;
};

// Checks each message as the parser hands it out, and scans it as audit::scan_chat does.
class MessageChecker {
 public:
  explicit MessageChecker(const LineChecker& lines) : lines_(lines) {}

  void check(const chat::Message& message) {
    ++handled_;
    require(message.text.data() != nullptr, "message text is not null");
    require(message.first_line >= 1, "first_line >= 1");
    require(message.body_column >= 1, "body_column >= 1");
    require(message.first_line >= next_free_line_,
            "messages come in file order and do not share lines");
    const std::uint64_t last_line = message.first_line + line_breaks(message.text);
    require(last_line <= lines_.lines(), "a message ends at or before the last line read");
    next_free_line_ = last_line + 1;
    require(message.text.size() <= kMaxMessage, "a message is at most max_message bytes");
    require(message.attachment_begin <= message.attachment_end &&
                message.attachment_end <= message.text.size(),
            "attachment_begin <= attachment_end <= text.size()");
    require(message.kind != chat::MessageKind::headless || message.sender.empty(),
            "a headless message has no sender");
    scan(message);
  }

  std::uint64_t handled() const { return handled_; }

 private:
  void scan(const chat::Message& message) {
    const detect::Detector& detector = builtin_detector();
    detections_.clear();
    detector.scan(
        detect::ScanText{message.text, message.attachment_begin, message.attachment_end, previous_},
        detections_);
    std::size_t last_begin = 0;
    for (const detect::Detection& detection : detections_) {
      require(detection.begin < detection.end, "a detection is not empty");
      require(detection.end <= message.text.size(), "a detection lies inside the text");
      require(detection.end <= message.attachment_begin ||
                  message.attachment_end <= detection.begin ||
                  message.attachment_begin == message.attachment_end,
              "a detection does not overlap the attachment reference");
      require(detection.begin >= last_begin, "detections are ordered by position");
      last_begin = detection.begin;
      require(detection.rule_index < detector.rules().size(), "a detection names a rule");
      require(detection.confidence > 0 && detection.confidence <= 1, "confidence in (0, 1]");
      const rules::Rule& rule = detector.rules()[detection.rule_index];
      require(rule.validator == nullptr || rule.validator(detection.normalized),
              "a validated detection passes its validator");
    }
    previous_.assign(message.text);
  }

  const LineChecker& lines_;
  std::uint64_t handled_ = 0;
  std::uint64_t next_free_line_ = 1;
  std::vector<detect::Detection> detections_;
  std::string previous_;
};

}  // namespace
}  // namespace waudit::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace waudit;
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): libFuzzer hands out bytes
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  fuzz::MemorySource source(input);
  text::LineReader reader(source, fuzz::kMaxLine);
  fuzz::LineChecker lines(input);
  fuzz::MessageChecker messages(lines);
  chat::ExportParser parser(
      chat::builtin_markers(), [&](const chat::Message& message) { messages.check(message); },
      fuzz::kMaxMessage);
  while (true) {
    auto line = reader.next();
    fuzz::require(line.has_value(), "an in-memory source never fails");
    if (!*line) {
      break;
    }
    lines.check(**line);
    parser.feed(**line);
  }
  lines.finish();
  parser.finish();
  fuzz::require(messages.handled() == parser.messages(),
                "messages() counts the messages handed out");
  fuzz::require(parser.truncated_messages() <= parser.messages(),
                "truncated messages are among the messages");
  fuzz::require(parser.header_lines() <= lines.lines(), "header lines are among the lines");
  return 0;
}
