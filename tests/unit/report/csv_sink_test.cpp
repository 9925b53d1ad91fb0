#include "report/csv_sink.hpp"

#include <doctest/doctest.h>

#include <sstream>

TEST_SUITE_BEGIN("report");

namespace {

waudit::report::Finding sample_finding(std::optional<waudit::report::Status> status) {
  waudit::report::Finding finding;
  finding.rule = "iban";
  finding.category = "financial";
  finding.severity = waudit::rules::Severity::high;
  finding.location = {"chat.txt", std::nullopt, 4, 12};
  finding.chat = "Team";
  finding.match = "GB82 **** **** **** **54 32";
  finding.fingerprint = "9f2c";
  finding.status = status;
  return finding;
}

}  // namespace

TEST_CASE("report::CsvSink has a status column and fixed rows only when asked") {
  const std::string header =
      "path,entry,line,column,chat,sender,timestamp,rule,category,severity,match,attachment,"
      "fingerprint,confidence";
  const std::string row =
      "chat.txt,,4,12,Team,,,iban,financial,high,GB82 **** **** **** **54 32,,9f2c,0.00";
  std::ostringstream plain;
  {
    waudit::report::CsvSink sink(plain, waudit::report::CsvDialect::rfc4180);
    const auto finding = sample_finding(std::nullopt);
    sink.input({});
    sink.findings(std::span(&finding, 1));
    sink.finish({});
  }
  CHECK(plain.str() == header + "\r\n" + row + "\r\n");

  std::ostringstream compared;
  {
    waudit::report::CsvSink sink(compared, waudit::report::CsvDialect::rfc4180,
                                 waudit::report::StatusColumn::yes);
    const auto added = sample_finding(waudit::report::Status::new_);
    const auto fixed = sample_finding(waudit::report::Status::fixed);
    sink.input({});
    sink.findings(std::span(&added, 1));
    sink.fixed(std::span(&fixed, 1));
    sink.finish({});
  }
  CHECK(compared.str() == header + ",status\r\n" + row + ",new\r\n" + row + ",fixed\r\n");
}

TEST_SUITE_END();
