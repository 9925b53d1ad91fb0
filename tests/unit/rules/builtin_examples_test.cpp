// Every built-in rule's own examples: `match` texts must yield the stated value, `no_match`
// texts nothing. Adding a rule to patterns/ adds its tests here without new code.
#include "detect/detector.hpp"
#include "rules/rule_pack.hpp"

#include <doctest/doctest.h>

TEST_SUITE_BEGIN("rules");

namespace {

std::vector<std::string> values_found(const waudit::detect::Detector& detector,
                                      const std::string& rule_id, const std::string& text) {
  std::vector<waudit::detect::Detection> detections;
  detector.scan(waudit::detect::ScanText{text, 0, 0, ""}, detections);
  std::vector<std::string> values;
  for (const auto& detection : detections) {
    if (detector.rules()[detection.rule_index].id == rule_id) {
      values.push_back(text.substr(detection.begin, detection.end - detection.begin));
    }
  }
  return values;
}

}  // namespace

TEST_CASE("rules::builtin examples are found exactly and counter-examples are not") {
  auto rules = waudit::rules::load_builtin_rules();
  REQUIRE(rules.has_value());
  auto detector = waudit::detect::Detector::create(*rules);
  REQUIRE(detector.has_value());
  for (const auto& rule : detector->rules()) {
    CHECK_MESSAGE(!rule.must_match.empty(), rule.id, " has no match examples");
    CHECK_MESSAGE(!rule.must_not_match.empty(), rule.id, " has no no_match examples");
    for (const auto& example : rule.must_match) {
      const auto values = values_found(*detector, rule.id, example.text);
      INFO(rule.id, ": ", example.text);
      REQUIRE(values.size() == 1);
      if (!example.value.empty()) {
        CHECK(values.front() == example.value);
      }
    }
    for (const auto& example : rule.must_not_match) {
      INFO(rule.id, " must not match: ", example.text);
      CHECK(values_found(*detector, rule.id, example.text).empty());
    }
  }
}

TEST_SUITE_END();
