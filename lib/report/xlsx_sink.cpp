#include "report/xlsx_sink.hpp"

#include "text/utf8.hpp"

#include <fmt/format.h>

#include <xlsxwriter.h>

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <stdexcept>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace waudit::report {
namespace {

// Excel's limit for the text of one cell, in characters.
constexpr std::size_t kMaxCellCodePoints = 32767;

// A fixed creation time (2000-01-01T00:00:00Z) instead of the clock's, so that the same scan
// gives the same file.
constexpr std::time_t kCreated = 946684800;

struct Column {
  const char* name;
  double width;  // in characters
};

// The last column, status, only for a scan compared with a baseline.
constexpr std::array<Column, 15> kFindingColumns{{
    {"path", 40},
    {"entry", 28},
    {"line", 7},
    {"column", 8},
    {"chat", 24},
    {"sender", 22},
    {"timestamp", 20},
    {"rule", 16},
    {"category", 14},
    {"severity", 10},
    {"match", 30},
    {"attachment", 28},
    {"fingerprint", 35},
    {"confidence", 11},
    {"status", 10},
}};

constexpr std::array<Column, 5> kSummaryColumns{{
    {"path", 40},
    {"chat", 24},
    {"rule", 16},
    {"severity", 10},
    {"findings", 10},
}};

constexpr std::array<Column, 5> kInputColumns{{
    {"path", 40},
    {"kind", 8},
    {"chats", 7},
    {"messages", 10},
    {"errors", 80},
}};

// Text as a cell may hold it: valid UTF-8 (U+FFFD for invalid bytes), at most Excel's length.
std::string cell_text(std::string_view value) {
  std::string text = text::to_valid(value);
  std::size_t position = 0;
  for (std::size_t count = 0; position < text.size() && count < kMaxCellCodePoints; ++count) {
    position += text::sequence_length(std::string_view(text).substr(position));
  }
  text.resize(position);
  return text;
}

// One worksheet being filled; remembers the first error, so that callers write on and check
// once.
class Sheet {
 public:
  Sheet(lxw_worksheet* sheet, lxw_error& status) : sheet_(sheet), status_(status) {}

  void text(lxw_row_t row, lxw_col_t col, std::string_view value, lxw_format* format = nullptr) {
    keep(worksheet_write_string(sheet_, row, col, cell_text(value).c_str(), format));
  }

  void number(lxw_row_t row, lxw_col_t col, double value, lxw_format* format = nullptr) {
    keep(worksheet_write_number(sheet_, row, col, value, format));
  }

  void number(lxw_row_t row, lxw_col_t col, const std::optional<std::uint64_t>& value) {
    if (value) {
      number(row, col, static_cast<double>(*value));
    }
  }

  void optional_text(lxw_row_t row, lxw_col_t col, const std::optional<std::string>& value) {
    if (value) {
      text(row, col, *value);
    }
  }

  // Header row in bold, column widths, the header frozen and an autofilter over `rows` rows.
  void table(std::span<const Column> columns, std::size_t rows, lxw_format* bold) {
    for (lxw_col_t col = 0; col < columns.size(); ++col) {
      text(0, col, columns[col].name, bold);
      keep(worksheet_set_column(sheet_, col, col, columns[col].width, nullptr));
    }
    worksheet_freeze_panes(sheet_, 1, 0);
    keep(worksheet_autofilter(sheet_, 0, 0, static_cast<lxw_row_t>(rows),
                              static_cast<lxw_col_t>(columns.size() - 1)));
  }

 private:
  void keep(lxw_error error) {
    if (status_ == LXW_NO_ERROR) {
      status_ = error;
    }
  }

  lxw_worksheet* sheet_;
  lxw_error& status_;
};

// Owns the libxlsxwriter workbook: close() writes and frees it; one never closed is freed
// unwritten.
class Workbook {
 public:
  explicit Workbook(const std::filesystem::path& file) : book_(workbook_new(file.c_str())) {}

  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;
  Workbook(Workbook&&) = delete;
  Workbook& operator=(Workbook&&) = delete;

  ~Workbook() {
    if (book_ != nullptr) {
      lxw_workbook_free(book_);
    }
  }

  lxw_workbook* get() const { return book_; }

  lxw_error close() { return workbook_close(std::exchange(book_, nullptr)); }

 private:
  lxw_workbook* book_;
};

struct Formats {
  lxw_format* bold;
  lxw_format* decimal;  // 0.00, for confidences
};

// The findings, then (compared with a baseline) the fixed ones, with a status column.
void write_findings(lxw_workbook* book, const Formats& formats,
                    const std::vector<Finding>& findings,
                    const std::optional<std::vector<Finding>>& fixed, lxw_error& status) {
  Sheet sheet(workbook_add_worksheet(book, "Findings"), status);
  const std::span<const Column> columns =
      std::span(kFindingColumns).first(fixed ? kFindingColumns.size() : kFindingColumns.size() - 1);
  std::vector<const Finding*> rows;
  for (const Finding& f : findings) {
    rows.push_back(&f);
  }
  if (fixed) {
    for (const Finding& f : *fixed) {
      rows.push_back(&f);
    }
  }
  sheet.table(columns, rows.size(), formats.bold);
  lxw_row_t row = 1;
  for (const Finding* finding : rows) {
    const Finding& f = *finding;
    sheet.text(row, 0, f.location.path);
    sheet.optional_text(row, 1, f.location.entry);
    sheet.number(row, 2, f.location.line);
    sheet.number(row, 3, f.location.column);
    sheet.text(row, 4, f.chat);
    sheet.optional_text(row, 5, f.sender);
    sheet.optional_text(row, 6, f.timestamp);
    sheet.text(row, 7, f.rule);
    sheet.text(row, 8, f.category);
    sheet.text(row, 9, rules::to_string(f.severity));
    sheet.text(row, 10, f.match);
    sheet.optional_text(row, 11, f.attachment);
    sheet.text(row, 12, f.fingerprint);
    sheet.number(row, 13, f.confidence, formats.decimal);
    if (fixed && f.status) {
      sheet.text(row, 14, to_string(*f.status));
    }
    ++row;
  }
}

// Findings per (path, chat, rule), in that order.
void write_summary(lxw_workbook* book, const Formats& formats, const std::vector<Finding>& findings,
                   lxw_error& status) {
  std::map<std::tuple<std::string, std::string, std::string>,
           std::pair<rules::Severity, std::uint64_t>>
      counts;
  for (const Finding& f : findings) {
    auto& [severity, count] = counts[{f.location.path, f.chat, f.rule}];
    severity = f.severity;
    ++count;
  }
  Sheet sheet(workbook_add_worksheet(book, "Summary"), status);
  sheet.table(kSummaryColumns, counts.size(), formats.bold);
  lxw_row_t row = 1;
  for (const auto& [key, value] : counts) {
    sheet.text(row, 0, std::get<0>(key));
    sheet.text(row, 1, std::get<1>(key));
    sheet.text(row, 2, std::get<2>(key));
    sheet.text(row, 3, rules::to_string(value.first));
    sheet.number(row, 4, static_cast<double>(value.second));
    ++row;
  }
}

void write_inputs(lxw_workbook* book, const Formats& formats,
                  const std::vector<InputReport>& inputs, lxw_error& status) {
  Sheet sheet(workbook_add_worksheet(book, "Inputs"), status);
  sheet.table(kInputColumns, inputs.size(), formats.bold);
  lxw_row_t row = 1;
  for (const InputReport& input : inputs) {
    sheet.text(row, 0, input.path);
    sheet.text(row, 1, input.kind);
    sheet.number(row, 2, static_cast<double>(input.chats));
    sheet.number(row, 3, static_cast<double>(input.messages));
    sheet.text(row, 4, fmt::format("{}", fmt::join(input.errors, "; ")));
    ++row;
  }
}

}  // namespace

XlsxSink::XlsxSink(std::filesystem::path file, std::string destination)
    : file_(std::move(file)), destination_(std::move(destination)) {}

void XlsxSink::input(const InputReport& input, std::span<const Finding> findings) {
  inputs_.push_back(input);
  findings_.insert(findings_.end(), findings.begin(), findings.end());
}

void XlsxSink::fixed(std::span<const Finding> findings) {
  fixed_.emplace(findings.begin(), findings.end());
}

void XlsxSink::finish(const Summary& /*summary*/) {
  const std::size_t rows = findings_.size() + (fixed_ ? fixed_->size() : 0);
  if (rows >= LXW_ROW_MAX || inputs_.size() >= LXW_ROW_MAX) {
    throw std::runtime_error(
        fmt::format("{}: {} findings do not fit in one worksheet; write CSV or JSON instead",
                    destination_, rows));
  }
  Workbook book(file_);
  if (book.get() == nullptr) {
    throw std::runtime_error(fmt::format("{}: cannot create XLSX workbook", destination_));
  }
  std::string title = "waudit findings";
  lxw_doc_properties properties{};
  properties.title = title.data();
  properties.created = kCreated;
  lxw_error status = workbook_set_properties(book.get(), &properties);
  lxw_format* bold = workbook_add_format(book.get());
  format_set_bold(bold);
  lxw_format* decimal = workbook_add_format(book.get());
  format_set_num_format(decimal, "0.00");
  const Formats formats{bold, decimal};
  write_findings(book.get(), formats, findings_, fixed_, status);
  write_summary(book.get(), formats, findings_, status);
  write_inputs(book.get(), formats, inputs_, status);
  const lxw_error closed = book.close();
  if (status == LXW_NO_ERROR) {
    status = closed;
  }
  if (status != LXW_NO_ERROR) {
    throw std::runtime_error(
        fmt::format("{}: cannot write XLSX workbook: {}", destination_, lxw_strerror(status)));
  }
}

}  // namespace waudit::report
