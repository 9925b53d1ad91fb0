#include "report/json_sink.hpp"

#include "sample_finding.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

TEST_SUITE_BEGIN("report");

TEST_CASE("report::JsonSink writes the contract's document") {
  std::ostringstream out;
  waudit::report::JsonSink sink(out, "0.1.0");
  waudit::report::InputReport input;
  input.path = "exports/chat.zip";
  input.kind = "zip";
  input.chats = 1;
  input.messages = 812;
  input.date_order = "dmy";
  input.media = {"a.jpg"};
  const auto finding = sample_finding();
  sink.input(input);
  sink.findings(std::span(&finding, 1));
  sink.finish({1, {{"iban", 1}}, {{"high", 1}}, 0});
  const auto json = nlohmann::json::parse(out.str());
  CHECK(json["schema"] == "waudit-findings/1");
  CHECK(json["tool"] == nlohmann::json{{"name", "waudit"}, {"version", "0.1.0"}});
  CHECK(json["inputs"][0]["path"] == "exports/chat.zip");
  CHECK(json["inputs"][0]["kind"] == "zip");
  CHECK(json["inputs"][0]["chats"] == 1);
  CHECK(json["inputs"][0]["messages"] == 812);
  CHECK(json["inputs"][0]["errors"] == nlohmann::json::array());
  CHECK(json["inputs"][0]["media"] == nlohmann::json{"a.jpg"});
  const auto& f = json["findings"][0];
  CHECK(f["rule"] == "iban");
  CHECK(f["severity"] == "high");
  CHECK(f["location"] == nlohmann::json{{"path", "exports/chat.zip"},
                                        {"entry", "WhatsApp Chat mit Max.txt"},
                                        {"line", 42},
                                        {"column", 17}});
  CHECK(f["chat"] == "Max");
  CHECK(f["sender"] == "Max Mustermann");
  CHECK(f["timestamp"] == "2023-04-15T14:03:00");
  CHECK(f["match"] == "DE89 **** **** **** **30 00");
  CHECK(f["attachment"].is_null());
  CHECK(f["fingerprint"] == "9f2c");
  CHECK(json["summary"] == nlohmann::json{{"findings", 1},
                                          {"by_rule", {{"iban", 1}}},
                                          {"by_severity", {{"high", 1}}},
                                          {"errors", 0}});
}

TEST_CASE("report::JsonSink writes null for unknown locations and survives invalid UTF-8") {
  std::ostringstream out;
  waudit::report::JsonSink sink(out, "0.1.0");
  auto finding = sample_finding();
  finding.location = {"chat.txt", std::nullopt, 3, 1};
  finding.sender = "M\xFFx";
  waudit::report::InputReport input;
  input.path = "chat.txt";
  input.kind = "txt";
  input.chats = 1;
  input.messages = 3;
  sink.input(input);
  sink.findings(std::span(&finding, 1));
  sink.finish({1, {{"iban", 1}}, {{"high", 1}}, 0});
  const auto json = nlohmann::json::parse(out.str());
  CHECK(json["findings"][0]["location"]["entry"].is_null());
  CHECK(json["findings"][0]["sender"] == "M\uFFFDx");
  CHECK_FALSE(json["inputs"][0].contains("media"));
}

TEST_CASE("report::JsonSink writes encoding and media lists only where they apply") {
  std::ostringstream out;
  waudit::report::JsonSink sink(out, "0.1.0");
  waudit::report::InputReport archive;
  archive.path = "chat.zip";
  archive.kind = "zip";
  archive.media = {"a.jpg", "b.jpg"};
  archive.media_missing = {"c.jpg"};
  archive.media_unreferenced = {"b.jpg"};
  archive.media_referenced = 2;
  archive.encoding = "utf-16le";
  waudit::report::InputReport text;
  text.path = "chat.txt";
  text.kind = "txt";
  text.media_referenced = 3;
  sink.input(archive);
  sink.input(text);
  sink.finish({});
  const auto json = nlohmann::json::parse(out.str());
  const auto& zip = json["inputs"][0];
  CHECK(zip["encoding"] == "utf-16le");
  CHECK(zip["media_referenced"] == 2);
  CHECK(zip["media_missing"] == nlohmann::json{"c.jpg"});
  CHECK(zip["media_unreferenced"] == nlohmann::json{"b.jpg"});
  const auto& txt = json["inputs"][1];
  CHECK(txt["media_referenced"] == 3);
  CHECK_FALSE(txt.contains("encoding"));
  CHECK_FALSE(txt.contains("media_missing"));
  CHECK_FALSE(txt.contains("media_unreferenced"));
}

TEST_CASE("report::JsonSink adds sender_is_owner and the allowlisted count only when configured") {
  std::ostringstream plain_out;
  std::ostringstream configured_out;
  waudit::report::JsonSink plain(plain_out, "0.1.0");
  waudit::report::JsonSink configured(configured_out, "0.1.0");
  auto finding = sample_finding();
  waudit::report::InputReport input;
  input.path = "chat.txt";
  input.kind = "txt";
  plain.input(input);
  plain.findings(std::span(&finding, 1));
  plain.finish({1, {{"iban", 1}}, {{"high", 1}}, 0});
  finding.sender_is_owner = true;
  configured.input(input);
  configured.findings(std::span(&finding, 1));
  configured.finish({1, {{"iban", 1}}, {{"high", 1}}, 0, 3});
  const auto without = nlohmann::json::parse(plain_out.str());
  const auto with = nlohmann::json::parse(configured_out.str());
  CHECK_FALSE(without["findings"][0].contains("sender_is_owner"));
  CHECK_FALSE(without["summary"].contains("allowlisted"));
  CHECK(with["findings"][0]["sender_is_owner"] == true);
  CHECK(with["summary"]["allowlisted"] == 3);
}

TEST_CASE("report::JsonSink adds status and the fixed list and counts only with a baseline") {
  std::ostringstream out;
  waudit::report::JsonSink sink(out, "0.1.0");
  auto found = sample_finding();
  found.status = waudit::report::Status::new_;
  auto gone = sample_finding();
  gone.fingerprint = "77aa";
  gone.status = waudit::report::Status::fixed;
  waudit::report::InputReport input;
  input.path = "chat.txt";
  input.kind = "txt";
  sink.input(input);
  sink.findings(std::span(&found, 1));
  sink.fixed(std::span(&gone, 1));
  waudit::report::Summary summary;
  summary.findings = 1;
  summary.baseline = waudit::report::BaselineCounts{1, 0, 1};
  summary.ignored = 2;
  sink.finish(summary);
  const auto json = nlohmann::ordered_json::parse(out.str());
  std::vector<std::string> keys;
  for (const auto& [key, value] : json.items()) {
    keys.push_back(key);
  }
  CHECK(keys ==
        std::vector<std::string>{"schema", "tool", "inputs", "findings", "fixed", "summary"});
  CHECK(json["findings"][0]["status"] == "new");
  CHECK(json["fixed"].size() == 1);
  CHECK(json["fixed"][0]["fingerprint"] == "77aa");
  CHECK(json["fixed"][0]["status"] == "fixed");
  CHECK(json["fixed"][0]["match"] == "DE89 **** **** **** **30 00");
  CHECK(json["summary"]["new"] == 1);
  CHECK(json["summary"]["existing"] == 0);
  CHECK(json["summary"]["fixed"] == 1);
  CHECK(json["summary"]["ignored"] == 2);

  std::ostringstream plain_out;
  waudit::report::JsonSink plain(plain_out, "0.1.0");
  const auto finding = sample_finding();
  plain.input(input);
  plain.findings(std::span(&finding, 1));
  plain.finish(waudit::report::Summary{});
  const auto without = nlohmann::json::parse(plain_out.str());
  CHECK_FALSE(without.contains("fixed"));
  CHECK_FALSE(without["findings"][0].contains("status"));
  for (const char* key : {"new", "existing", "fixed", "ignored"}) {
    CHECK_FALSE(without["summary"].contains(key));
  }
}

namespace {

// What dump_json(document, 2) makes of the document the sink wrote: the sink's bytes must be
// exactly these, though it writes the document in pieces.
std::string as_dumped(const std::string& written) {
  return nlohmann::ordered_json::parse(written).dump(
             2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) +
         "\n";
}

waudit::report::InputReport text_input(const char* path) {
  waudit::report::InputReport input;
  input.path = path;
  input.kind = "txt";
  input.chats = 1;
  input.messages = 3;
  return input;
}

}  // namespace

TEST_CASE("report::JsonSink lays the document out as dump_json does") {
  auto found = sample_finding();
  found.sender = "M\xFFx";  // invalid UTF-8, written as U+FFFD
  auto gone = sample_finding();
  gone.fingerprint = "77aa";
  gone.status = waudit::report::Status::fixed;
  waudit::report::Summary summary{1, {{"iban", 1}}, {{"high", 1}}, 0};

  SUBCASE("no input") {
    std::ostringstream out;
    waudit::report::JsonSink sink(out, "0.1.0");
    sink.finish({});
    CHECK(out.str() == as_dumped(out.str()));
    CHECK(out.str().find("\"inputs\": [],\n  \"findings\": [],\n") != std::string::npos);
  }
  SUBCASE("inputs without findings, an empty fixed list") {
    std::ostringstream out;
    waudit::report::JsonSink sink(out, "0.1.0");
    sink.input(text_input("a.txt"));
    sink.findings({});
    sink.input(text_input("b.txt"));
    sink.fixed({});
    sink.finish({});
    CHECK(out.str() == as_dumped(out.str()));
    CHECK(out.str().find("\"findings\": [],\n  \"fixed\": [],\n") != std::string::npos);
  }
  SUBCASE("findings") {
    std::ostringstream out;
    waudit::report::JsonSink sink(out, "0.1.0");
    sink.input(text_input("a.txt"));
    sink.findings(std::span(&found, 1));
    sink.input(text_input("b.txt"));
    sink.findings(std::vector{found, found});
    sink.finish(summary);
    CHECK(out.str() == as_dumped(out.str()));
    CHECK(nlohmann::json::parse(out.str())["findings"].size() == 3);
  }
  SUBCASE("findings and fixed ones") {
    std::ostringstream out;
    waudit::report::JsonSink sink(out, "0.1.0");
    sink.input(text_input("a.txt"));
    sink.findings(std::span(&found, 1));
    sink.fixed(std::vector{gone, gone});
    summary.baseline = waudit::report::BaselineCounts{1, 0, 2};
    sink.finish(summary);
    CHECK(out.str() == as_dumped(out.str()));
    const auto json = nlohmann::json::parse(out.str());
    CHECK(json["findings"].size() == 1);
    CHECK(json["fixed"].size() == 2);
    CHECK(json["fixed"][1]["fingerprint"] == "77aa");
  }
  SUBCASE("fixed ones only") {
    std::ostringstream out;
    waudit::report::JsonSink sink(out, "0.1.0");
    sink.input(text_input("a.txt"));
    sink.fixed(std::span(&gone, 1));
    sink.finish({});
    CHECK(out.str() == as_dumped(out.str()));
    CHECK(out.str().find("\"findings\": [],\n  \"fixed\": [\n    {\n") != std::string::npos);
  }
}

// The findings go to a spill file as they come; the report must still hold every one, in order,
// each laid out as in a report with a single finding. (Compared as text, not parsed: parsing
// 25 MB of JSON takes longer than writing it in a debug build.)
TEST_CASE("report::JsonSink writes 50,000 findings in order") {
  constexpr std::size_t kCount = 50'000;
  const auto write = [&](std::size_t count) {
    std::ostringstream out;
    waudit::report::JsonSink sink(out, "0.1.0");
    sink.input(text_input("big.txt"));
    auto finding = sample_finding();
    for (std::size_t i = 0; i < count; ++i) {
      finding.fingerprint = "fp" + std::to_string(i);
      sink.findings(std::span(&finding, 1));
    }
    sink.finish({kCount, {{"iban", kCount}}, {{"high", kCount}}, 0});  // the same in both
    return out.str();
  };
  // The report with one finding, cut into the part before its element, the element and the rest.
  const std::string single = write(1);
  const std::size_t begin = single.find("\"findings\": [\n") + 14;
  const std::size_t end = single.find("\n  ],\n  \"summary\"");
  REQUIRE(begin < end);
  const std::string element = single.substr(begin, end - begin);
  const std::size_t fingerprint = element.find("\"fp0\"");
  REQUIRE(fingerprint != std::string::npos);

  std::string expected = single.substr(0, begin);
  for (std::size_t i = 0; i < kCount; ++i) {
    expected += i == 0 ? "" : ",\n";
    expected += element.substr(0, fingerprint) + "\"fp" + std::to_string(i) + "\"" +
                element.substr(fingerprint + 5);
  }
  expected += single.substr(end);
  const std::string written = write(kCount);
  CHECK(written.size() == expected.size());
  CHECK(written == expected);
}

TEST_SUITE_END();
