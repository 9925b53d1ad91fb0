// The findings as an Excel workbook (XLSX), for a DPO who works through them in a spreadsheet:
// a Findings sheet (header row with autofilter, frozen), a Summary sheet (findings per chat and
// rule) and an Inputs sheet. Every text is written as a text cell, so nothing is ever run as a
// formula and `+49 170 1234567` stays as written. libxlsxwriter writes to a file name, never to
// a stream, so the sink writes the workbook at finish to the file it is given. Only
// xlsx_sink.cpp includes <xlsxwriter.h>.
#pragma once

#include "report/sink.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace waudit::report {

class XlsxSink final : public Sink {
 public:
  // Writes to `file`; `destination` names the report in error messages.
  XlsxSink(std::filesystem::path file, std::string destination);
  void input(const InputReport& input, std::span<const Finding> findings) override;
  // Rows after the findings, and a status column on every row (new, existing, fixed).
  void fixed(std::span<const Finding> findings) override;
  // Throws std::runtime_error when the workbook cannot be written.
  void finish(const Summary& summary) override;

 private:
  std::filesystem::path file_;
  std::string destination_;
  std::vector<InputReport> inputs_;
  std::vector<Finding> findings_;
  std::optional<std::vector<Finding>> fixed_;  // nullopt: no baseline, no status column
};

}  // namespace waudit::report
