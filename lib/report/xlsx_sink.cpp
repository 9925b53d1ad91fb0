#include "report/xlsx_sink.hpp"

#include "text/utf8.hpp"

#include <fmt/format.h>

#include <xlsxwriter.h>

#include <array>
#include <cstdint>
#include <cstdlib>
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

  // Header row in bold, column widths and the header frozen: before any other row, which
  // constant_memory mode needs.
  void header(std::span<const Column> columns, lxw_format* bold) {
    for (lxw_col_t col = 0; col < columns.size(); ++col) {
      text(0, col, columns[col].name, bold);
      keep(worksheet_set_column(sheet_, col, col, columns[col].width, nullptr));
    }
    worksheet_freeze_panes(sheet_, 1, 0);
  }

  // An autofilter over the header and `rows` rows, once they are written.
  void filter(std::span<const Column> columns, std::size_t rows) {
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

// libxlsxwriter's temporary files go where the spill files go ($TMPDIR, else the library's
// default), not into a /tmp that may be memory.
lxw_workbook* new_workbook(const std::filesystem::path& file) {
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  char* configured = std::getenv("TMPDIR");
  options.tmpdir = configured != nullptr && *configured != '\0' ? configured : nullptr;
  return workbook_new_opt(file.c_str(), &options);
}

}  // namespace

// The libxlsxwriter workbook with its three sheets, made at once so that they stand in this
// order. close() writes the file; a workbook never closed is freed unwritten.
class XlsxSink::Workbook {
 public:
  Workbook(const std::filesystem::path& file, StatusColumn status)
      : book_(new_workbook(file)), status_column_(status) {
    if (book_ == nullptr) {
      return;
    }
    lxw_doc_properties properties{};
    properties.title = title_.data();
    properties.created = kCreated;
    keep(workbook_set_properties(book_, &properties));
    bold_ = workbook_add_format(book_);
    format_set_bold(bold_);
    decimal_ = workbook_add_format(book_);
    format_set_num_format(decimal_, "0.00");
    findings_sheet_ = workbook_add_worksheet(book_, "Findings");
    summary_sheet_ = workbook_add_worksheet(book_, "Summary");
    inputs_sheet_ = workbook_add_worksheet(book_, "Inputs");
    if (started()) {
      Sheet(findings_sheet_, status_).header(finding_columns(), bold_);
    }
  }

  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;
  Workbook(Workbook&&) = delete;
  Workbook& operator=(Workbook&&) = delete;

  ~Workbook() {
    if (book_ != nullptr) {
      lxw_workbook_free(book_);
    }
  }

  // Whether the workbook and all its sheets could be made (libxlsxwriter makes a temporary
  // file per sheet in constant_memory mode).
  bool started() const {
    return book_ != nullptr && findings_sheet_ != nullptr && summary_sheet_ != nullptr &&
           inputs_sheet_ != nullptr;
  }

  std::size_t finding_rows() const { return next_row_ - 1; }

  std::size_t input_count() const { return inputs_.size(); }

  void add_input(const InputReport& input) { inputs_.push_back(input); }

  // Counted in the Summary sheet; fixed findings are not.
  void count(const Finding& f) {
    auto& [severity, count] = per_chat_[{f.location.path, f.chat, f.rule}];
    severity = f.severity;
    ++count;
  }

  void add_row(const Finding& f) {
    Sheet sheet(findings_sheet_, status_);
    const lxw_row_t row = next_row_++;
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
    sheet.number(row, 13, f.confidence, decimal_);
    if (status_column_ == StatusColumn::yes && f.status) {
      sheet.text(row, 14, to_string(*f.status));
    }
  }

  // The Findings sheet's autofilter, the Summary and Inputs sheets, then the file.
  lxw_error close() {
    Sheet(findings_sheet_, status_).filter(finding_columns(), finding_rows());
    write_summary();
    write_inputs();
    const lxw_error closed = workbook_close(std::exchange(book_, nullptr));
    return status_ != LXW_NO_ERROR ? status_ : closed;
  }

 private:
  // The last column, status, only for a scan compared with a baseline.
  std::span<const Column> finding_columns() const {
    return std::span(kFindingColumns)
        .first(status_column_ == StatusColumn::yes ? kFindingColumns.size()
                                                   : kFindingColumns.size() - 1);
  }

  // Findings per (path, chat, rule), in that order.
  void write_summary() {
    Sheet sheet(summary_sheet_, status_);
    sheet.header(kSummaryColumns, bold_);
    lxw_row_t row = 1;
    for (const auto& [key, value] : per_chat_) {
      sheet.text(row, 0, std::get<0>(key));
      sheet.text(row, 1, std::get<1>(key));
      sheet.text(row, 2, std::get<2>(key));
      sheet.text(row, 3, rules::to_string(value.first));
      sheet.number(row, 4, static_cast<double>(value.second));
      ++row;
    }
    sheet.filter(kSummaryColumns, per_chat_.size());
  }

  void write_inputs() {
    Sheet sheet(inputs_sheet_, status_);
    sheet.header(kInputColumns, bold_);
    lxw_row_t row = 1;
    for (const InputReport& input : inputs_) {
      sheet.text(row, 0, input.path);
      sheet.text(row, 1, input.kind);
      sheet.number(row, 2, static_cast<double>(input.chats));
      sheet.number(row, 3, static_cast<double>(input.messages));
      sheet.text(row, 4, fmt::format("{}", fmt::join(input.errors, "; ")));
      ++row;
    }
    sheet.filter(kInputColumns, inputs_.size());
  }

  void keep(lxw_error error) {
    if (status_ == LXW_NO_ERROR) {
      status_ = error;
    }
  }

  std::string title_ = "waudit findings";
  lxw_workbook* book_;
  StatusColumn status_column_;
  lxw_error status_ = LXW_NO_ERROR;  // the first error of any write
  lxw_format* bold_ = nullptr;
  lxw_format* decimal_ = nullptr;  // 0.00, for confidences
  lxw_worksheet* findings_sheet_ = nullptr;
  lxw_worksheet* summary_sheet_ = nullptr;
  lxw_worksheet* inputs_sheet_ = nullptr;
  lxw_row_t next_row_ = 1;  // of the Findings sheet, below its header
  std::vector<InputReport> inputs_;
  std::map<std::tuple<std::string, std::string, std::string>,
           std::pair<rules::Severity, std::uint64_t>>
      per_chat_;
};

XlsxSink::XlsxSink(const std::filesystem::path& file, std::string destination, StatusColumn status)
    : destination_(std::move(destination)), book_(std::make_unique<Workbook>(file, status)) {
  if (!book_->started()) {
    throw std::runtime_error(fmt::format("{}: cannot create XLSX workbook", destination_));
  }
}

XlsxSink::~XlsxSink() = default;

void XlsxSink::input(const InputReport& input) {
  book_->add_input(input);
}

void XlsxSink::findings(std::span<const Finding> batch) {
  for (const Finding& finding : batch) {
    add_row(finding);
    book_->count(finding);
  }
}

void XlsxSink::fixed(std::span<const Finding> findings) {
  for (const Finding& finding : findings) {
    add_row(finding);
  }
}

// A worksheet ends at LXW_ROW_MAX rows, the header included.
void XlsxSink::add_row(const Finding& finding) {
  const std::size_t rows = book_->finding_rows() + 1;
  if (rows >= LXW_ROW_MAX) {
    throw_too_many(rows);
  }
  book_->add_row(finding);
}

void XlsxSink::throw_too_many(std::size_t rows) const {
  throw std::runtime_error(
      fmt::format("{}: {} findings do not fit in one worksheet; write CSV or JSON instead",
                  destination_, rows));
}

void XlsxSink::finish(const Summary& /*summary*/) {
  if (book_->input_count() >= LXW_ROW_MAX) {
    throw_too_many(book_->finding_rows());
  }
  const lxw_error status = book_->close();
  if (status != LXW_NO_ERROR) {
    throw std::runtime_error(
        fmt::format("{}: cannot write XLSX workbook: {}", destination_, lxw_strerror(status)));
  }
}

}  // namespace waudit::report
