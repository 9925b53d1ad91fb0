// Every sink writes the same bytes whether an input's findings come in one batch or in several
// (the scan hands them out in sorted batches, report/sink.hpp).
#include "../temp_dir.hpp"
#include "report/csv_sink.hpp"
#include "report/json_sink.hpp"
#include "report/jsonl_sink.hpp"
#include "report/sarif_sink.hpp"
#include "report/text_sink.hpp"
#include "report/xlsx_sink.hpp"
#include "sample_finding.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <span>
#include <sstream>
#include <string>
#include <vector>

TEST_SUITE_BEGIN("report");

namespace {

using waudit::report::Finding;
using waudit::report::InputReport;
using waudit::report::Sink;

// One input's findings, and how they are cut into batches: {3} is one batch of three, {1, 2, 0}
// one, then two, then an empty batch.
struct Input {
  InputReport report;
  std::vector<Finding> findings;
};

// Two inputs: a zip whose findings span two chats (the cut falls inside the first chat), then
// a text file whose first finding is in a chat of the same name.
std::vector<Input> sample_inputs() {
  Input zip;
  zip.report.path = "exports/chat.zip";
  zip.report.kind = "zip";
  zip.report.chats = 2;
  zip.report.messages = 812;
  zip.report.errors = {"exports/chat.zip: x.txt: entry is encrypted; skipped"};
  Finding first = sample_finding();
  Finding second = sample_finding();
  second.location.line = 50;
  second.rule = "phone";
  second.category = "contact";
  second.severity = waudit::rules::Severity::low;
  second.fingerprint = "1b3d";
  Finding third = sample_finding();
  third.location.entry = "WhatsApp Chat mit Erika.txt";
  third.chat = "Erika";
  third.location.line = 7;
  third.fingerprint = "5e7f";
  zip.findings = {first, second, third};
  Input text;
  text.report.path = "chat.txt";
  text.report.kind = "txt";
  text.report.chats = 1;
  text.report.messages = 3;
  Finding fourth = sample_finding();
  fourth.location = {"chat.txt", std::nullopt, 2, 5};
  fourth.chat = "Erika";
  fourth.fingerprint = "9a0b";
  text.findings = {fourth};
  return {zip, text};
}

// Feeds the inputs to `sink`, each input's findings cut into batches of the given sizes (the
// rest, if any, as one more batch).
void feed(Sink& sink, const std::vector<Input>& inputs, const std::vector<std::size_t>& cuts) {
  for (const Input& input : inputs) {
    sink.input(input.report);
    std::span<const Finding> rest(input.findings);
    for (const std::size_t cut : cuts) {
      const std::size_t size = std::min(cut, rest.size());
      sink.findings(rest.first(size));
      rest = rest.subspan(size);
    }
    if (!rest.empty()) {
      sink.findings(rest);
    }
  }
}

waudit::report::Summary sample_summary() {
  return {4, {{"iban", 3}, {"phone", 1}}, {{"high", 3}, {"low", 1}}, 1};
}

using MakeSink = std::function<std::unique_ptr<Sink>(std::ostream&)>;

std::string write_report(const MakeSink& make, const std::vector<std::size_t>& cuts) {
  std::ostringstream out;
  const std::unique_ptr<Sink> sink = make(out);
  feed(*sink, sample_inputs(), cuts);
  sink->finish(sample_summary());
  return out.str();
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("report sinks write the same bytes for one batch and for several") {
  const std::vector<std::pair<const char*, MakeSink>> sinks{
      {"text", [](std::ostream& out) { return std::make_unique<waudit::report::TextSink>(out); }},
      {"csv",
       [](std::ostream& out) {
         return std::make_unique<waudit::report::CsvSink>(out, waudit::report::CsvDialect::rfc4180);
       }},
      {"jsonl", [](std::ostream& out) { return std::make_unique<waudit::report::JsonlSink>(out); }},
      {"json",
       [](std::ostream& out) { return std::make_unique<waudit::report::JsonSink>(out, "0.1.0"); }},
      {"sarif",
       [](std::ostream& out) { return std::make_unique<waudit::report::SarifSink>(out, "0.1.0"); }},
  };
  for (const auto& [name, make] : sinks) {
    CAPTURE(name);
    const std::string whole = write_report(make, {3});
    CHECK(whole.find("DE89 **** **** **** **30 00") != std::string::npos);
    CHECK(write_report(make, {1, 2, 0}) == whole);
    CHECK(write_report(make, {0, 1, 1, 1}) == whole);
  }
}

TEST_CASE("report::TextSink heads each chat once per input, across batches") {
  std::ostringstream out;
  waudit::report::TextSink sink(out);
  feed(sink, sample_inputs(), {1, 2, 0});
  const std::string text = out.str();
  const auto count = [&](const std::string& what) {
    std::size_t found = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
      ++found;
    }
    return found;
  };
  CHECK(count("  chat \"Max\" in WhatsApp Chat mit Max.txt\n") == 1);
  CHECK(count("  chat \"Erika\" in WhatsApp Chat mit Erika.txt\n") == 1);
  CHECK(count("  chat \"Erika\"\n") == 1);  // the text file's: a new input, a new heading
}

TEST_CASE("report::XlsxSink writes the same workbook for one batch and for several") {
  const TempDir dir;
  const auto write = [&](const char* name, const std::vector<std::size_t>& cuts) {
    {
      waudit::report::XlsxSink sink(dir.path() / name, name);
      feed(sink, sample_inputs(), cuts);
      sink.finish(sample_summary());
    }
    return read_file(dir.path() / name);
  };
  const std::string whole = write("whole.xlsx", {3});
  REQUIRE(whole.starts_with("PK\x03\x04"));
  CHECK(write("cut.xlsx", {1, 2, 0}) == whole);
}

TEST_SUITE_END();
