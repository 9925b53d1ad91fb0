#include "report/xlsx_sink.hpp"

#include "../temp_dir.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

TEST_SUITE_BEGIN("report");

namespace {

waudit::report::InputReport sample_input() {
  waudit::report::InputReport input;
  input.path = "WhatsApp Chat mit Jürgen Müller.txt";
  input.kind = "txt";
  input.chats = 1;
  input.messages = 2;
  return input;
}

waudit::report::Finding sample_finding() {
  waudit::report::Finding finding;
  finding.rule = "iban";
  finding.category = "financial";
  finding.severity = waudit::rules::Severity::high;
  finding.location = {"WhatsApp Chat mit Jürgen Müller.txt", std::nullopt, 2, 31};
  finding.chat = "Jürgen Müller";
  finding.sender = "+49 170 1234567";
  finding.match = "DE89 **** **** **** **30 00";
  finding.fingerprint = "9f2c";
  return finding;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

std::string write_workbook(const std::filesystem::path& file) {
  waudit::report::XlsxSink sink(file, "report.xlsx");
  const auto finding = sample_finding();
  sink.input(sample_input());
  sink.findings(std::span(&finding, 1));
  sink.finish({1, {{"iban", 1}}, {{"high", 1}}, 0});
  return read_file(file);
}

}  // namespace

TEST_CASE("report::XlsxSink writes the same workbook for the same findings") {
  const TempDir dir;
  const std::string first = write_workbook(dir.path() / "a.xlsx");
  const std::string second = write_workbook(dir.path() / "b.xlsx");
  REQUIRE(first.size() > 100);
  CHECK(first.starts_with("PK\x03\x04"));  // an XLSX file is a ZIP archive
  CHECK(first == second);
}

TEST_CASE("report::XlsxSink names the destination when the workbook cannot be written") {
  const TempDir dir;
  waudit::report::XlsxSink sink(dir.path() / "missing" / "report.xlsx", "out/report.xlsx");
  sink.input(sample_input());
  CHECK_THROWS_WITH_AS(sink.finish({}), doctest::Contains("out/report.xlsx: cannot write XLSX"),
                       std::runtime_error);
}

TEST_SUITE_END();
