// The findings as an Excel workbook (XLSX), for a DPO who works through them in a spreadsheet:
// a Findings sheet (header row with autofilter, frozen), a Summary sheet (findings per chat and
// rule) and an Inputs sheet. Every text is written as a text cell, so nothing is ever run as a
// formula and `+49 170 1234567` stays as written. libxlsxwriter writes to a file name, never to
// a stream, so the sink writes the workbook at finish to the file it is given. The workbook is
// made in libxlsxwriter's constant_memory mode: each finding's row goes to the library's
// temporary file as it comes (rows strictly in order, text cells inline instead of in a shared
// string table); the Summary sheet keeps one count per (path, chat, rule) and the Inputs sheet
// the inputs' reports, both written at finish. Only xlsx_sink.cpp includes <xlsxwriter.h>.
#pragma once

#include "report/sink.hpp"

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

namespace waudit::report {

class XlsxSink final : public Sink {
 public:
  // Writes to `file` at finish; `destination` names the report in error messages. With
  // StatusColumn::yes (a scan compared with a baseline) the findings have a last column
  // status (new, existing, fixed). Throws std::runtime_error when the workbook cannot be
  // started.
  XlsxSink(const std::filesystem::path& file, std::string destination,
           StatusColumn status = StatusColumn::no);
  ~XlsxSink() override;
  XlsxSink(const XlsxSink&) = delete;
  XlsxSink& operator=(const XlsxSink&) = delete;
  XlsxSink(XlsxSink&&) = delete;
  XlsxSink& operator=(XlsxSink&&) = delete;

  void input(const InputReport& input) override;
  // Throws std::runtime_error when the findings no longer fit in one worksheet.
  void findings(std::span<const Finding> batch) override;
  // Rows after the findings, status fixed.
  void fixed(std::span<const Finding> findings) override;
  // Throws std::runtime_error when the workbook cannot be written.
  void finish(const Summary& summary) override;

 private:
  class Workbook;  // the libxlsxwriter side, in xlsx_sink.cpp

  void add_row(const Finding& finding);
  [[noreturn]] void throw_too_many(std::size_t rows) const;

  std::string destination_;
  std::unique_ptr<Workbook> book_;
};

}  // namespace waudit::report
