// Findings as CSV (RFC 4180: one header row, CR LF rows, quotes doubled) for spreadsheets,
// where a DPO works through them. Cells a spreadsheet would run as a formula are defused.
#pragma once

#include "report/sink.hpp"

#include <ostream>
#include <string>
#include <string_view>

namespace waudit::report {

enum class CsvDialect {
  rfc4180,   // ',' separator, no byte-order mark
  excel_de,  // ';' separator and a UTF-8 byte-order mark, as German Excel expects
};

class CsvSink final : public Sink {
 public:
  CsvSink(std::ostream& out, CsvDialect dialect, StatusColumn status = StatusColumn::no);
  void input(const InputReport& input) override;
  void findings(std::span<const Finding> batch) override;
  // Rows after the inputs' findings, with status fixed.
  void fixed(std::span<const Finding> findings) override;
  void finish(const Summary& summary) override;

 private:
  void finding_row(const Finding& finding);
  void row(std::span<const std::string> cells);

  std::ostream& out_;
  char separator_;
  StatusColumn status_;
};

// One cell as written into the file: quoted when needed, and prefixed with ' when it starts
// with = + - @ or a control character (CSV injection), except a phone number like +49 170 1.
std::string csv_cell(std::string_view value, char separator);

}  // namespace waudit::report
