#include "report/sarif_sink.hpp"

#include "sample_finding.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <vector>

TEST_SUITE_BEGIN("report");

namespace {

using waudit::rules::Severity;

std::vector<waudit::rules::Rule> sample_rules() {
  waudit::rules::Rule iban;
  iban.id = "iban";
  iban.category = "financial";
  iban.severity = Severity::high;
  iban.description = "IBAN, checksum validated";
  iban.remediation = "Delete the message.";
  iban.validator_name = "iban";
  waudit::rules::Rule greeting;
  greeting.id = "door-code";
  greeting.category = "security";
  greeting.severity = Severity::low;
  greeting.description = "Door code";
  return {iban, greeting};
}

nlohmann::json write(const std::vector<waudit::report::Finding>& findings,
                     const std::vector<waudit::rules::Rule>& rules, std::uint64_t errors = 0) {
  std::ostringstream out;
  waudit::report::SarifSink sink(out, "0.1.0");
  sink.rules(rules);
  waudit::report::InputReport input;
  input.path = "exports/chat.zip";
  input.kind = "zip";
  if (errors > 0) {
    input.errors = {"exports/chat.zip: x.txt: entry is encrypted; skipped"};
  }
  sink.input(input);
  sink.findings(findings);
  sink.finish({findings.size(), {}, {}, errors});
  return nlohmann::json::parse(out.str());
}

}  // namespace

TEST_CASE("report::SarifSink writes one run with every rule and one result per finding") {
  const auto sarif = write({sample_finding()}, sample_rules());
  CHECK(sarif["version"] == "2.1.0");
  CHECK(sarif["$schema"].get<std::string>().ends_with("sarif-schema-2.1.0.json"));
  REQUIRE(sarif["runs"].size() == 1);
  const auto& run = sarif["runs"][0];
  CHECK(run["columnKind"] == "unicodeCodePoints");
  const auto& driver = run["tool"]["driver"];
  CHECK(driver["name"] == "waudit");
  CHECK(driver["version"] == "0.1.0");
  REQUIRE(driver["rules"].size() == 2);
  const auto& iban = driver["rules"][0];
  CHECK(iban["id"] == "iban");
  CHECK(iban["name"] == "Iban");
  CHECK(iban["shortDescription"]["text"] == "IBAN, checksum validated");
  CHECK(iban["fullDescription"]["text"].get<std::string>().starts_with("IBAN, checksum"));
  CHECK(iban["help"]["text"] == "Delete the message.");
  CHECK(iban["defaultConfiguration"]["level"] == "error");
  CHECK(iban["properties"]["security-severity"] == "7.5");
  CHECK(iban["properties"]["tags"] == nlohmann::json{"security", "privacy", "financial"});
  CHECK(iban["properties"]["precision"] == "very-high");
  const auto& door = driver["rules"][1];
  CHECK(door["name"] == "DoorCode");
  CHECK_FALSE(door.contains("help"));
  CHECK(door["properties"]["security-severity"] == "3.0");
  CHECK(door["properties"]["precision"] == "medium");
  // The schema wants unique tags; the category still comes last.
  CHECK(door["properties"]["tags"] == nlohmann::json{"privacy", "security"});
  REQUIRE(run["results"].size() == 1);
  const auto& result = run["results"][0];
  CHECK(result["ruleId"] == "iban");
  CHECK(result["ruleIndex"] == 0);
  CHECK(result["level"] == "error");
  CHECK(result["message"]["text"] == "IBAN, checksum validated: DE89 **** **** **** **30 00");
  CHECK(result["partialFingerprints"] == nlohmann::json{{"wauditFingerprint/v1", "9f2c"}});
  const auto& location = result["locations"][0]["physicalLocation"];
  CHECK(location["artifactLocation"] ==
        nlohmann::json{{"uri", "exports/chat.zip/WhatsApp%20Chat%20mit%20Max.txt"},
                       {"uriBaseId", "%SRCROOT%"}});
  CHECK(location["region"] == nlohmann::json{{"startLine", 42}, {"startColumn", 17}});
  CHECK(result["properties"]["path"] == "exports/chat.zip");
  CHECK(result["properties"]["entry"] == "WhatsApp Chat mit Max.txt");
  CHECK(result["properties"]["sender"] == "Max Mustermann");
  CHECK(run["invocations"][0]["executionSuccessful"] == true);
}

TEST_CASE("report::SarifSink omits the region without a line and adds rules it was not told of") {
  auto finding = sample_finding();
  finding.rule = "custom";
  finding.severity = Severity::medium;
  finding.location = {"/data/msgstore.db", "message/1234", std::nullopt, std::nullopt};
  const auto sarif = write({finding}, sample_rules());
  const auto& run = sarif["runs"][0];
  REQUIRE(run["tool"]["driver"]["rules"].size() == 3);
  CHECK(run["tool"]["driver"]["rules"][2]["id"] == "custom");
  const auto& result = run["results"][0];
  CHECK(result["ruleIndex"] == 2);
  CHECK(result["level"] == "warning");
  CHECK(result["message"]["text"] == "custom: DE89 **** **** **** **30 00");
  const auto& location = result["locations"][0]["physicalLocation"];
  CHECK(location["artifactLocation"] ==
        nlohmann::json{{"uri", "file:///data/msgstore.db/message/1234"}});
  CHECK_FALSE(location.contains("region"));
}

TEST_CASE("report::SarifSink reports input errors as notifications of an unsuccessful run") {
  const auto sarif = write({}, sample_rules(), 1);
  const auto& invocation = sarif["runs"][0]["invocations"][0];
  CHECK(invocation["executionSuccessful"] == false);
  CHECK(invocation["toolExecutionNotifications"][0]["level"] == "error");
  CHECK(invocation["toolExecutionNotifications"][0]["message"]["text"] ==
        "exports/chat.zip: x.txt: entry is encrypted; skipped");
  CHECK(sarif["runs"][0]["results"] == nlohmann::json::array());
}

TEST_CASE("report::sarif_uri percent-encodes the path and appends the archive entry") {
  using waudit::report::sarif_uri;
  CHECK(sarif_uri("chat.txt", std::nullopt) == "chat.txt");
  CHECK(sarif_uri("./exports/a b.txt", std::nullopt) == "exports/a%20b.txt");
  CHECK(sarif_uri("Jürgen.txt", std::nullopt) == "J%C3%BCrgen.txt");
  CHECK(sarif_uri("/tmp/x#1%.txt", std::nullopt) == "file:///tmp/x%231%25.txt");
  CHECK(sarif_uri("a.zip", "inner.zip/_chat.txt") == "a.zip/inner.zip/_chat.txt");
  CHECK(sarif_uri("a.zip", "WhatsApp Chat - Team.txt") == "a.zip/WhatsApp%20Chat%20-%20Team.txt");
}

TEST_CASE("report::security_severity and sarif_level map every severity") {
  using waudit::report::sarif_level;
  using waudit::report::security_severity;
  CHECK(security_severity(Severity::critical) == "9.0");
  CHECK(security_severity(Severity::high) == "7.5");
  CHECK(security_severity(Severity::medium) == "5.0");
  CHECK(security_severity(Severity::low) == "3.0");
  CHECK(security_severity(Severity::info) == "1.0");
  CHECK(sarif_level(Severity::critical) == "error");
  CHECK(sarif_level(Severity::high) == "error");
  CHECK(sarif_level(Severity::medium) == "warning");
  CHECK(sarif_level(Severity::low) == "note");
  CHECK(sarif_level(Severity::info) == "note");
}

TEST_CASE("report::SarifSink gives results a baselineState and adds absent ones for fixed") {
  std::ostringstream out;
  waudit::report::SarifSink sink(out, "0.1.0");
  sink.rules(sample_rules());
  auto added = sample_finding();
  added.status = waudit::report::Status::new_;
  auto existing = sample_finding();
  existing.status = waudit::report::Status::existing;
  auto fixed = sample_finding();
  fixed.fingerprint = "77aa";
  fixed.status = waudit::report::Status::fixed;
  waudit::report::InputReport input;
  input.path = "exports/chat.zip";
  input.kind = "zip";
  sink.input(input);
  sink.findings(std::vector{added, existing});
  sink.fixed(std::span(&fixed, 1));
  sink.finish(waudit::report::Summary{});
  const auto results = nlohmann::json::parse(out.str())["runs"][0]["results"];
  REQUIRE(results.size() == 3);
  CHECK(results[0]["baselineState"] == "new");
  CHECK(results[1]["baselineState"] == "unchanged");
  CHECK(results[2]["baselineState"] == "absent");
  CHECK(results[2]["partialFingerprints"]["wauditFingerprint/v1"] == "77aa");
  CHECK_FALSE(
      write({sample_finding()}, sample_rules())["runs"][0]["results"][0].contains("baselineState"));
}

// Written in pieces, with the results from a spill file; the bytes are dump_json's.
TEST_CASE("report::SarifSink lays the log out as dump_json does") {
  const auto as_dumped = [](const std::string& written) {
    return nlohmann::ordered_json::parse(written).dump(
               2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) +
           "\n";
  };
  auto unknown = sample_finding();
  unknown.rule = "vehicle-plate";  // no rule entry yet: added after the known rules
  auto gone = sample_finding();
  gone.status = waudit::report::Status::fixed;
  for (const std::size_t count : {0, 1, 3}) {
    CAPTURE(count);
    std::ostringstream out;
    waudit::report::SarifSink sink(out, "0.1.0");
    sink.rules(sample_rules());
    waudit::report::InputReport input;
    input.path = "exports/chat.zip";
    input.kind = "zip";
    input.errors = {"exports/chat.zip: x.txt: entry is encrypted; skipped"};
    sink.input(input);
    const std::vector<waudit::report::Finding> findings{sample_finding(), unknown, gone};
    sink.findings(std::span(findings).first(count == 3 ? 2 : count));
    if (count == 3) {
      sink.fixed(std::span(findings).subspan(2));
    }
    sink.finish({count, {}, {}, 1});
    CHECK(out.str() == as_dumped(out.str()));
    const auto run = nlohmann::json::parse(out.str())["runs"][0];
    REQUIRE(run["results"].size() == count);
    if (count == 3) {
      CHECK(run["results"][1]["ruleIndex"] == 2);
      CHECK(run["tool"]["driver"]["rules"][2]["id"] == "vehicle-plate");
      CHECK(run["results"][2]["baselineState"] == "absent");
    }
  }
}

TEST_SUITE_END();
