// Every built-in rule's own examples: `match` texts must yield the stated value, `no_match`
// texts nothing. Adding a rule to patterns/ adds its tests here without new code. The same
// check is `waudit rules check FILE` for a user's pack.
#include "audit/rule_catalog.hpp"
#include "detect/detector.hpp"
#include "rules/rule_pack.hpp"

#include <doctest/doctest.h>

TEST_SUITE_BEGIN("rules");

TEST_CASE("rules::builtin examples are found exactly and counter-examples are not") {
  auto rules = waudit::rules::load_builtin_rules();
  REQUIRE(rules.has_value());
  auto detector = waudit::detect::Detector::create(*rules);
  REQUIRE(detector.has_value());
  for (const auto& rule : detector->rules()) {
    CHECK_MESSAGE(!rule.must_match.empty(), rule.name, " has no match examples");
    CHECK_MESSAGE(!rule.must_not_match.empty(), rule.name, " has no no_match examples");
  }
  for (const auto& failure : waudit::audit::failed_examples(*detector)) {
    FAIL_CHECK(failure);
  }
}

TEST_CASE("audit::failed_examples names the rule and example that do not hold") {
  auto rules = waudit::rules::parse_rule_pack(R"(
[[rule]]
id = "digits"
category = "c"
description = "d"
pattern = '([0-9]{4})'
examples.match = ["1234", { text = "ab 5678", value = "5679" }, "none"]
examples.no_match = ["x", "9999"]
)",
                                              "p.toml");
  REQUIRE(rules.has_value());
  auto detector = waudit::detect::Detector::create(std::move(*rules));
  REQUIRE(detector.has_value());
  CHECK(waudit::audit::failed_examples(*detector) ==
        std::vector<std::string>{
            "p.toml: rule digits: match example \"ab 5678\" should give \"5679\", gives [\"5678\"]",
            "p.toml: rule digits: match example \"none\" should give one finding, gives []",
            "p.toml: rule digits: no_match example \"9999\" gives [\"9999\"]"});
}

TEST_SUITE_END();
