#include "rules/rule_pack.hpp"

#include "data/embedded_files.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

TEST_SUITE_BEGIN("rules");

using waudit::rules::parse_rule_pack;
using waudit::rules::Severity;

namespace {

constexpr const char* kPack = R"(
[[rule]]
id = "iban"
category = "financial"
severity = "high"
description = "IBAN"
remediation = "Delete it."
pattern = '([A-Z]{2}[0-9]{2}[0-9A-Z]{11,30})'
validator = "iban"
context.keywords = ["iban", "konto"]
examples.match = ["DE89370400440532013000", { text = "x DE89370400440532013000", value = "DE89370400440532013000" }]
examples.no_match = ["DE88370400440532013000"]
)";

}  // namespace

TEST_CASE("rules::parse_rule_pack reads every field of a rule") {
  const auto rules = parse_rule_pack(kPack, "pack.toml");
  REQUIRE(rules.has_value());
  REQUIRE(rules->size() == 1);
  const auto& rule = rules->front();
  CHECK(rule.id == "iban");
  CHECK(rule.category == "financial");
  CHECK(rule.severity == Severity::high);
  CHECK(rule.remediation == "Delete it.");
  CHECK((rule.validator != nullptr));
  CHECK(rule.context_keywords == std::vector<std::string>{"iban", "konto"});
  CHECK_FALSE(rule.context_required);
  REQUIRE(rule.must_match.size() == 2);
  CHECK(rule.must_match[1].value == "DE89370400440532013000");
  CHECK(rule.must_not_match.size() == 1);
  CHECK(rule.source == "pack.toml");
}

TEST_CASE("rules::parse_rule_pack names the pack and line of each error") {
  const std::string unknown_validator =
      "[[rule]]\nid = \"x\"\ncategory = \"c\"\n"
      "description = \"d\"\npattern = \"x\"\n"
      "validator = \"iban-mod98\"\n";
  CHECK(parse_rule_pack(unknown_validator, "p.toml").error() ==
        "p.toml:6: unknown validator \"iban-mod98\"");
  const std::string typo =
      "[[rule]]\nid = \"x\"\ncategory = \"c\"\ndescription = \"d\"\n"
      "pattern = \"x\"\nvalidtor = \"iban\"\n";
  CHECK(parse_rule_pack(typo, "p.toml").error() == "p.toml:6: unknown key `validtor` in rule");
  CHECK(parse_rule_pack("[[rule]]\nid = \"x\"\n", "p.toml").error() ==
        "p.toml:1: rule needs a non-empty string `category`");
  CHECK(parse_rule_pack("id = = 1", "p.toml").error().starts_with("p.toml:1: "));
  CHECK(parse_rule_pack("title = \"nothing\"", "p.toml").error() == "p.toml: no [[rule]] tables");
}

TEST_CASE("rules::parse_rule_pack rejects an unknown severity") {
  const std::string pack =
      "[[rule]]\nid = \"x\"\ncategory = \"c\"\ndescription = \"d\"\n"
      "pattern = \"x\"\nseverity = \"urgent\"\n";
  CHECK(parse_rule_pack(pack, "p.toml").error() == "p.toml:1: unknown severity \"urgent\"");
}

TEST_CASE("rules::merge_rules lets a later rule with the same id replace the earlier one") {
  auto base = parse_rule_pack(kPack, "built-in");
  auto extra = parse_rule_pack(kPack, "user.toml");
  REQUIRE(base.has_value());
  REQUIRE(extra.has_value());
  waudit::rules::merge_rules(*base, std::move(*extra));
  REQUIRE(base->size() == 1);
  CHECK(base->front().source == "user.toml");
}

TEST_CASE("rules::load_builtin_rules ships the financial identity and health rules") {
  const auto rules = waudit::rules::load_builtin_rules();
  REQUIRE(rules.has_value());
  std::vector<std::string> ids;
  for (const auto& rule : *rules) {
    ids.push_back(rule.id);
  }
  CHECK(ids == std::vector<std::string>{"iban", "payment-card", "bic", "de-tax-id",
                                        "de-social-security-number", "id-document", "health"});
}

TEST_CASE("rules::builtin packs never repeat a rule id") {
  // merge_rules lets a later rule replace one with the same id, which is right for a user's
  // pack but would silently drop a built-in rule (e.g. a second `health` rule in a pack).
  std::vector<std::string> ids;
  for (const waudit::data::EmbeddedFile& file : waudit::data::embedded_files()) {
    if (file.name.starts_with("locales/")) {
      continue;
    }
    const auto pack = parse_rule_pack(file.content, file.name);
    REQUIRE_MESSAGE(pack.has_value(), file.name);
    for (const auto& rule : *pack) {
      INFO(file.name, ": ", rule.id);
      CHECK(std::find(ids.begin(), ids.end(), rule.id) == ids.end());
      ids.push_back(rule.id);
    }
  }
}

TEST_CASE("rules::builtin rules all have a remediation hint") {
  const auto rules = waudit::rules::load_builtin_rules();
  REQUIRE(rules.has_value());
  for (const auto& rule : *rules) {
    INFO(rule.id);
    CHECK_FALSE(rule.remediation.empty());
  }
}

TEST_SUITE_END();
