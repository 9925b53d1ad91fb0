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

// SGR codes per severity: bold red, red, yellow, cyan, and none for info.
std::string_view color_code(rules::Severity severity) {
  switch (severity) {
    case rules::Severity::critical:
      return "\x1b[1;31m";
    case rules::Severity::high:
      return "\x1b[31m";
    case rules::Severity::medium:
      return "\x1b[33m";
    case rules::Severity::low:
      return "\x1b[36m";
    case rules::Severity::info:
      break;
  }
  return "";
}

// The severity padded to its column; coloured, the padding stays outside the codes.
std::string severity_cell(rules::Severity severity, Color color) {
  const std::string_view name = rules::to_string(severity);
  const std::string padding(name.size() < 8 ? 8 - name.size() : 0, ' ');
  const std::string_view code = color == Color::on ? color_code(severity) : "";
  return code.empty() ? fmt::format("{}{}", name, padding)
                      : fmt::format("{}{}\x1b[0m{}", code, name, padding);
}

std::string finding_line(const Finding& finding, Color color) {
  // Database rows have no line: their entry (message/<id>) heads the group, the column stays.
  const std::string position =
      finding.location.line
          ? fmt::format("{}:{}", *finding.location.line, finding.location.column.value_or(0))
          : fmt::format("col {}", finding.location.column.value_or(0));
  std::string line =
      fmt::format("    {:<9} {} {:<13} {}", position, severity_cell(finding.severity, color),
                  finding.rule, text::to_valid(finding.match));
  if (finding.sender) {
    line += fmt::format("  ({}", text::to_valid(*finding.sender));
    line += finding.timestamp ? fmt::format(", {})", *finding.timestamp) : ")";
  }
  if (finding.attachment) {
    line += fmt::format("  [attachment {}]", text::to_valid(*finding.attachment));
  }
  if (finding.kind) {
    line += fmt::format("  [{}]", *finding.kind);  // card-photo: what the photo shows
  }
  if (finding.status == Status::new_) {
    line += "  [new]";  // compared with a baseline; existing ones are left unmarked
  }
  return line;
}

}  // namespace

void TextSink::input(const InputReport& input) {
  out_ << (first_input_ ? "" : "\n") << input_heading(input) << '\n';
  first_input_ = false;
  group_.reset();
  for (const std::string& error : input.errors) {
    out_ << "  error: " << text::to_valid(error) << '\n';
  }
}

void TextSink::findings(std::span<const Finding> batch) {
  write_findings(batch);
}

void TextSink::fixed(std::span<const Finding> findings) {
  for (std::size_t begin = 0, end = 0; begin < findings.size(); begin = end) {
    const std::string& path = findings[begin].location.path;
    while (end < findings.size() && findings[end].location.path == path) {
      ++end;
    }
    out_ << (first_input_ ? "" : "\n") << "Fixed since the baseline: " << text::to_valid(path)
         << '\n';
    first_input_ = false;
    group_.reset();
    write_findings(findings.subspan(begin, end - begin));
  }
}

void TextSink::write_findings(std::span<const Finding> findings) {
  for (const Finding& finding : findings) {
    if (!group_ || group_->entry != finding.location.entry || group_->chat != finding.chat) {
      const std::string entry =
          finding.location.entry ? fmt::format(" in {}", *finding.location.entry) : "";
      out_ << fmt::format("  chat \"{}\"{}\n", text::to_valid(finding.chat), text::to_valid(entry));
      group_ = Group{finding.location.entry, finding.chat};
    }
    out_ << finding_line(finding, color_) << '\n';
  }
}

void TextSink::finish(const Summary& summary) {
  std::string by_rule;
  for (const auto& [rule, count] : summary.by_rule) {
    by_rule += fmt::format("{}{} {}", by_rule.empty() ? "" : ", ", count, rule);
  }
  out_ << '\n'
       << plural(summary.findings, "finding") << (by_rule.empty() ? "" : " (" + by_rule + ")")
       << (summary.allowlisted ? fmt::format(", {} allowlisted", *summary.allowlisted) : "")
       << (summary.baseline ? fmt::format(", {} new, {} existing, {} fixed", summary.baseline->new_,
                                          summary.baseline->existing, summary.baseline->fixed)
                            : "")
       << (summary.ignored ? fmt::format(", {} ignored", *summary.ignored) : "") << ", "
       << plural(summary.errors, "error") << '\n';
}

}  // namespace waudit::report
