#include "audit/baseline.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

TEST_SUITE_BEGIN("audit");

namespace {

using waudit::audit::Baseline;
using waudit::report::Finding;
using waudit::report::Status;

nlohmann::json finding_json(const std::string& fingerprint, std::uint64_t line,
                            const std::string& match = "DE89 **** **** **** **30 00") {
  return {{"rule", "iban"},
          {"category", "financial"},
          {"severity", "high"},
          {"location", {{"path", "chat.txt"}, {"entry", nullptr}, {"line", line}, {"column", 5}}},
          {"chat", "Max"},
          {"sender", "Max Mustermann"},
          {"timestamp", "2023-04-15T14:03:00"},
          {"match", match},
          {"attachment", nullptr},
          {"fingerprint", fingerprint},
          {"confidence", 0.95},
          {"a_later_field", "ignored"}};
}

// A vector, not a json: a braced list of one json would copy that json, not make an array.
std::string report_text(const std::vector<nlohmann::json>& findings) {
  return nlohmann::json{{"schema", "waudit-findings/1"},
                        {"tool", {{"name", "waudit"}, {"version", "0.1.0"}}},
                        {"inputs", nlohmann::json::array()},
                        {"findings", findings},
                        {"summary", {{"findings", findings.size()}}}}
      .dump();
}

Baseline parse(const std::vector<nlohmann::json>& findings) {
  auto baseline = Baseline::parse(report_text(findings), "base.json");
  REQUIRE(baseline);
  return std::move(*baseline);
}

Finding current(const std::string& fingerprint) {
  Finding finding;
  finding.rule = "iban";
  finding.location = {"chat.txt", std::nullopt, 9, 1};
  finding.fingerprint = fingerprint;
  return finding;
}

std::string reason(std::string_view text) {
  auto baseline = Baseline::parse(text, "base.json");
  REQUIRE_FALSE(baseline);
  return baseline.error();
}

}  // namespace

TEST_CASE("audit::Baseline marks findings new or existing by fingerprint and lists the fixed") {
  Baseline baseline = parse({finding_json("aa", 3), finding_json("bb", 1), finding_json("cc", 7)});
  std::vector<Finding> findings{current("bb"), current("dd")};
  baseline.mark(findings);
  CHECK(findings[0].status == Status::existing);
  CHECK(findings[1].status == Status::new_);
  std::vector<Finding> more{current("cc")};
  baseline.mark(more);  // the next input
  CHECK(more[0].status == Status::existing);

  const std::vector<Finding> fixed = baseline.fixed();
  REQUIRE(fixed.size() == 1);
  const Finding& gone = fixed[0];
  CHECK(gone.fingerprint == "aa");
  CHECK(gone.status == Status::fixed);
  CHECK(gone.rule == "iban");
  CHECK(gone.category == "financial");
  CHECK(gone.severity == waudit::rules::Severity::high);
  CHECK(gone.location.path == "chat.txt");
  CHECK_FALSE(gone.location.entry);
  CHECK(gone.location.line == 3U);
  CHECK(gone.location.column == 5U);
  CHECK(gone.chat == "Max");
  CHECK(gone.sender == "Max Mustermann");
  CHECK(gone.timestamp == "2023-04-15T14:03:00");
  CHECK(gone.match == "DE89 **** **** **** **30 00");
  CHECK_FALSE(gone.attachment);
  CHECK(gone.confidence == doctest::Approx(0.95));
  CHECK_FALSE(baseline.key_warning());
}

TEST_CASE("audit::Baseline lists fixed findings in report order") {
  Baseline baseline =
      parse({finding_json("aa", 30), finding_json("bb", 4), finding_json("cc", 12)});
  std::vector<std::uint64_t> lines;
  for (const Finding& finding : baseline.fixed()) {
    lines.push_back(*finding.location.line);
  }
  CHECK(lines == std::vector<std::uint64_t>{4, 12, 30});
}

TEST_CASE("audit::Baseline matches findings that share a fingerprint together") {
  Baseline baseline = parse({finding_json("aa", 3), finding_json("aa", 3)});
  std::vector<Finding> findings{current("aa")};
  baseline.mark(findings);
  CHECK(findings[0].status == Status::existing);
  CHECK(baseline.fixed().empty());
}

TEST_CASE("audit::Baseline masks values of a report written with show-values") {
  Baseline baseline = parse({finding_json("aa", 1, "DE89 3704 0044 0532 0130 00"),
                             finding_json("bb", 2, "DE89 **** **** **** **30 00"),
                             finding_json("cc", 3, "1234"), finding_json("dd", 4, "**** **12")});
  baseline.mask();
  std::vector<std::string> matches;
  for (const Finding& finding : baseline.fixed()) {
    matches.push_back(finding.match);
  }
  CHECK(matches == std::vector<std::string>{"DE89 **** **** **** **30 00",
                                            "DE89 **** **** **** **30 00", "****", "**** **12"});
}

TEST_CASE("audit::Baseline masks identity values as this version does") {
  nlohmann::json tax_id = finding_json("aa", 1, "1507 0649 C103");
  tax_id["category"] = "identity";
  nlohmann::json revealing = finding_json("bb", 2, "1507 **** **03");  // first four shown
  revealing["category"] = "identity";
  nlohmann::json masked = finding_json("cc", 3, "**** **** **03");
  masked["category"] = "identity";
  Baseline baseline = parse({tax_id, revealing, masked});
  baseline.mask();
  std::vector<std::string> matches;
  for (const Finding& finding : baseline.fixed()) {
    matches.push_back(finding.match);
  }
  CHECK(matches == std::vector<std::string>{"**** **** **03", "**** **** ****", "**** **** **03"});
}

TEST_CASE("audit::Baseline warns when nothing matches as with another fingerprint key") {
  Baseline baseline = parse({finding_json("aa", 3)});
  CHECK_FALSE(baseline.key_warning());  // nothing marked yet
  std::vector<Finding> findings{current("zz"), current("yy")};
  baseline.mark(findings);
  const auto warning = baseline.key_warning();
  REQUIRE(warning);
  CHECK(*warning ==
        "base.json: none of this scan's 2 findings is among the baseline's 1; was the baseline "
        "made with another fingerprint key?");
  Baseline empty = parse({});
  empty.mark(findings);
  CHECK_FALSE(empty.key_warning());
}

TEST_CASE("audit::Baseline reads an empty report and ignores unknown fields and statuses") {
  Baseline empty = parse({});
  CHECK(empty.fixed().empty());
  nlohmann::json earlier = finding_json("aa", 3);
  earlier["status"] = "new";
  earlier["location"]["entry"] = "_chat.txt";
  earlier["location"]["line"] = nullptr;
  earlier.erase("confidence");
  Baseline baseline = parse({earlier});
  const std::vector<Finding> fixed = baseline.fixed();
  REQUIRE(fixed.size() == 1);
  CHECK(fixed[0].status == Status::fixed);
  CHECK(fixed[0].location.entry == "_chat.txt");
  CHECK_FALSE(fixed[0].location.line);
  CHECK(fixed[0].confidence == 0);
}

TEST_CASE("audit::Baseline says why a document is not a waudit JSON report") {
  CHECK(reason("") == "the file is empty");
  CHECK(reason(" \n") == "the file is empty");
  CHECK(reason("{\"schema\": ") == "invalid JSON at byte 12");
  CHECK(reason("[]") == "no \"schema\": \"waudit-findings/1\"");
  CHECK(reason(R"({"version": "2.1.0", "runs": []})") == "no \"schema\": \"waudit-findings/1\"");
  CHECK(reason(R"({"schema": "waudit-findings/2", "findings": []})") ==
        "no \"schema\": \"waudit-findings/1\"");
  CHECK(reason(R"({"schema": "waudit-findings/1"})") == "no \"findings\" list");
  CHECK(reason(R"({"schema": "waudit-findings/1", "findings": {}})") == "no \"findings\" list");
  CHECK(reason(R"({"schema": "waudit-findings/1", "findings": [1]})") ==
        "findings[0] is not an object");

  const auto broken = [](const char* key, const nlohmann::json& value) {
    nlohmann::json finding = finding_json("aa", 1);
    if (value.is_discarded()) {
      finding.erase(key);
    } else {
      finding[key] = value;
    }
    return reason(report_text({finding_json("bb", 1), finding}));
  };
  const nlohmann::json missing(nlohmann::json::value_t::discarded);
  CHECK(broken("fingerprint", missing) == "findings[1] has no \"fingerprint\"");
  CHECK(broken("fingerprint", "") == "findings[1] has no \"fingerprint\"");
  CHECK(broken("fingerprint", 7) == "findings[1].fingerprint is not a string");
  CHECK(broken("rule", missing) == "findings[1] has no \"rule\"");
  CHECK(broken("location", missing) == "findings[1] has no \"location\"");
  CHECK(broken("location", {{"line", 3}}) == "findings[1].location has no \"path\"");
  CHECK(broken("location", {{"path", "a"}, {"line", "3"}}) ==
        "findings[1].location.line is not a whole number");
  CHECK(broken("location", {{"path", "a"}, {"column", -1}}) ==
        "findings[1].location.column is not a whole number");
  CHECK(broken("severity", "severe") == "findings[1].severity is not a severity");
  CHECK(broken("sender", 3) == "findings[1].sender is not a string");
  CHECK(broken("confidence", "high") == "findings[1].confidence is not a number");
}

TEST_SUITE_END();
