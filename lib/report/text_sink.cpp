// The terminal report: one block per input, a heading per chat, one line per finding with
// its location first, so a reader can jump to `line:column` in the export.
#include "report/text_sink.hpp"

#include "text/utf8.hpp"

#include <fmt/format.h>

namespace waudit::report {
namespace {

std::string plural(std::uint64_t count, std::string_view noun) {
  return fmt::format("{} {}{}", count, noun, count == 1 ? "" : "s");
}

std::string input_heading(const InputReport& input) {
  std::string heading = fmt::format("{} [{}]: {}, {}", text::to_valid(input.path), input.kind,
                                    plural(input.chats, "chat"), plural(input.messages, "message"));
  if (input.date_order) {
    heading += fmt::format(", dates {}{}", *input.date_order,
                           input.date_order_assumed ? " (assumed)" : "");
  }
  if (input.encoding) {
    heading += fmt::format(", {}", *input.encoding);
  }
  return heading;
}

std::string finding_line(const Finding& finding) {
  const std::string position =
      fmt::format("{}:{}", finding.location.line.value_or(0), finding.location.column.value_or(0));
  std::string line =
      fmt::format("    {:<9} {:<8} {:<13} {}", position, rules::to_string(finding.severity),
                  finding.rule, text::to_valid(finding.match));
  if (finding.sender) {
    line += fmt::format("  ({}", text::to_valid(*finding.sender));
    line += finding.timestamp ? fmt::format(", {})", *finding.timestamp) : ")";
  }
  if (finding.attachment) {
    line += fmt::format("  [attachment {}]", text::to_valid(*finding.attachment));
  }
  return line;
}

}  // namespace

void TextSink::input(const InputReport& input, std::span<const Finding> findings) {
  out_ << (first_input_ ? "" : "\n") << input_heading(input) << '\n';
  first_input_ = false;
  for (const std::string& error : input.errors) {
    out_ << "  error: " << text::to_valid(error) << '\n';
  }
  const Finding* previous = nullptr;
  for (const Finding& finding : findings) {
    if (previous == nullptr || previous->location.entry != finding.location.entry ||
        previous->chat != finding.chat) {
      const std::string entry =
          finding.location.entry ? fmt::format(" in {}", *finding.location.entry) : "";
      out_ << fmt::format("  chat \"{}\"{}\n", text::to_valid(finding.chat), text::to_valid(entry));
    }
    out_ << finding_line(finding) << '\n';
    previous = &finding;
  }
}

void TextSink::finish(const Summary& summary) {
  std::string by_rule;
  for (const auto& [rule, count] : summary.by_rule) {
    by_rule += fmt::format("{}{} {}", by_rule.empty() ? "" : ", ", count, rule);
  }
  out_ << '\n'
       << plural(summary.findings, "finding") << (by_rule.empty() ? "" : " (" + by_rule + ")")
       << ", " << plural(summary.errors, "error") << '\n';
}

}  // namespace waudit::report
