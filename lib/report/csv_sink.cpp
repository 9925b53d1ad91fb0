#include "report/csv_sink.hpp"

#include "text/utf8.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace waudit::report {
namespace {

// "+49 170 1234567": a '+' followed only by digits and spaces is no formula in any
// spreadsheet, and guarding it would change what the cell shows.
bool is_phone_number(std::string_view value) {
  return value.size() > 1 && value[0] == '+' &&
         value.find_first_not_of("0123456789 ", 1) == std::string_view::npos;
}

bool starts_like_formula(std::string_view value) {
  if (value.empty() || is_phone_number(value)) {
    return false;
  }
  const char first = value[0];
  return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' ||
         first == '\r';
}

std::string optional_cell(const std::optional<std::string>& value) {
  return value.value_or(std::string());
}

std::string number_cell(const std::optional<std::uint64_t>& value) {
  return value ? std::to_string(*value) : std::string();
}

}  // namespace

std::string csv_cell(std::string_view value, char separator) {
  std::string cell = text::to_valid(value);
  if (starts_like_formula(cell)) {
    cell.insert(0, 1, '\'');
  }
  if (cell.find_first_of(std::string{separator, '"', '\r', '\n'}) == std::string::npos) {
    return cell;
  }
  std::string quoted = "\"";
  for (const char c : cell) {
    quoted += c == '"' ? "\"\"" : std::string(1, c);
  }
  return quoted + "\"";
}

CsvSink::CsvSink(std::ostream& out, CsvDialect dialect, StatusColumn status)
    : out_(out), separator_(dialect == CsvDialect::excel_de ? ';' : ','), status_(status) {
  if (dialect == CsvDialect::excel_de) {
    out_ << "\xEF\xBB\xBF";
  }
  std::vector<std::string> header{"path",   "entry",      "line",        "column",    "chat",
                                  "sender", "timestamp",  "rule",        "category",  "severity",
                                  "match",  "attachment", "fingerprint", "confidence"};
  if (status_ == StatusColumn::yes) {
    header.emplace_back("status");
  }
  row(header);
}

void CsvSink::input(const InputReport& /*input*/) {}

void CsvSink::findings(std::span<const Finding> batch) {
  for (const Finding& finding : batch) {
    finding_row(finding);
  }
}

void CsvSink::fixed(std::span<const Finding> findings) {
  for (const Finding& finding : findings) {
    finding_row(finding);
  }
}

void CsvSink::finding_row(const Finding& f) {
  const Location& at = f.location;
  std::vector<std::string> cells{at.path,
                                 optional_cell(at.entry),
                                 number_cell(at.line),
                                 number_cell(at.column),
                                 f.chat,
                                 optional_cell(f.sender),
                                 optional_cell(f.timestamp),
                                 f.rule,
                                 f.category,
                                 std::string(rules::to_string(f.severity)),
                                 f.match,
                                 optional_cell(f.attachment),
                                 f.fingerprint,
                                 fmt::format("{:.2f}", f.confidence)};
  if (status_ == StatusColumn::yes) {
    cells.emplace_back(f.status ? to_string(*f.status) : std::string_view());
  }
  row(cells);
}

void CsvSink::finish(const Summary& /*summary*/) {
  out_.flush();
}

void CsvSink::row(std::span<const std::string> cells) {
  bool first = true;
  for (const std::string& cell : cells) {
    out_ << (first ? "" : std::string(1, separator_)) << csv_cell(cell, separator_);
    first = false;
  }
  out_ << "\r\n";
}

}  // namespace waudit::report
