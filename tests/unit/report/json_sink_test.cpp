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
  sink.input(input, std::span(&finding, 1));
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
  sink.input(input, std::span(&finding, 1));
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
  sink.input(archive, {});
  sink.input(text, {});
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
  plain.input(input, std::span(&finding, 1));
  plain.finish({1, {{"iban", 1}}, {{"high", 1}}, 0});
  finding.sender_is_owner = true;
  configured.input(input, std::span(&finding, 1));
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
  sink.input(input, std::span(&found, 1));
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
  plain.input(input, std::span(&finding, 1));
  plain.finish(waudit::report::Summary{});
  const auto without = nlohmann::json::parse(plain_out.str());
  CHECK_FALSE(without.contains("fixed"));
  CHECK_FALSE(without["findings"][0].contains("status"));
  for (const char* key : {"new", "existing", "fixed", "ignored"}) {
    CHECK_FALSE(without["summary"].contains(key));
  }
}

TEST_SUITE_END();
