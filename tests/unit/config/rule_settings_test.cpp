#include "config/rule_settings.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

TEST_SUITE_BEGIN("config");

using waudit::config::apply_rule_settings;
using waudit::config::RuleSettings;
using waudit::rules::Severity;

namespace {

std::vector<waudit::rules::Rule> three_rules() {
  std::vector<waudit::rules::Rule> rules(3);
  rules[0].id = "iban";
  rules[0].severity = Severity::high;
  rules[1].id = "bic";
  rules[1].severity = Severity::low;
  rules[2].id = "payment-card";
  rules[2].severity = Severity::high;
  return rules;
}

std::vector<std::string> ids(const std::vector<waudit::rules::Rule>& rules) {
  std::vector<std::string> out;
  for (const auto& rule : rules) {
    out.push_back(rule.id);
  }
  return out;
}

}  // namespace

TEST_CASE("config::apply_rule_settings disables rules and sets severities") {
  auto rules = three_rules();
  const RuleSettings settings{{{"bic", "w.toml:2"}, {"bic", "w.toml:3"}},
                              {{{"iban", "w.toml:5"}, Severity::critical}}};
  REQUIRE(apply_rule_settings(settings, rules).has_value());
  CHECK(ids(rules) == std::vector<std::string>{"iban", "payment-card"});
  CHECK(rules[0].severity == Severity::critical);
  CHECK(rules[1].severity == Severity::high);
}

TEST_CASE("config::apply_rule_settings names the line of an unknown rule and changes nothing") {
  auto rules = three_rules();
  const RuleSettings disabled{{{"bci", "w.toml:2"}}, {}};
  const auto error = apply_rule_settings(disabled, rules);
  REQUIRE_FALSE(error.has_value());
  CHECK(error.error() == "w.toml:2: unknown rule \"bci\"");
  const RuleSettings severity{{}, {{{"ibna", "w.toml:7"}, Severity::low}}};
  CHECK(apply_rule_settings(severity, rules).error() == "w.toml:7: unknown rule \"ibna\"");
  CHECK(ids(rules) == std::vector<std::string>{"iban", "bic", "payment-card"});
}

TEST_CASE("config::apply_rule_settings takes an id for all its entries, a name for one") {
  std::vector<waudit::rules::Rule> rules(3);
  rules[0].id = rules[1].id = "health";
  rules[0].name = "health-kvnr";
  rules[1].name = "health-words";
  rules[2].id = rules[2].name = "iban";
  for (auto& rule : rules) {
    rule.severity = Severity::high;
  }
  auto by_name = rules;
  REQUIRE(
      apply_rule_settings(
          {{{"health-words", "w.toml:2"}}, {{{"health-kvnr", "w.toml:3"}, Severity::low}}}, by_name)
          .has_value());
  REQUIRE(by_name.size() == 2);
  CHECK(by_name[0].name == "health-kvnr");
  CHECK(by_name[0].severity == Severity::low);
  CHECK(by_name[1].severity == Severity::high);
  auto by_id = rules;
  REQUIRE(apply_rule_settings({{{"health", "w.toml:2"}}, {}}, by_id).has_value());
  CHECK(ids(by_id) == std::vector<std::string>{"iban"});
}

TEST_SUITE_END();
