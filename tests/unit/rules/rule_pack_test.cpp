#include "rules/rule_pack.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
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
  CHECK(parse_rule_pack("[negation]\nbefore = []\n", "p.toml").error() ==
        "p.toml: no [[rule]] tables");
}

TEST_CASE("rules::parse_rule_pack rejects an unknown severity") {
  const std::string pack =
      "[[rule]]\nid = \"x\"\ncategory = \"c\"\ndescription = \"d\"\n"
      "pattern = \"x\"\nseverity = \"urgent\"\n";
  CHECK(parse_rule_pack(pack, "p.toml").error() == "p.toml:1: unknown severity \"urgent\"");
}

TEST_CASE("rules::merge_rules lets a later rule with the same name replace the earlier one") {
  auto base = parse_rule_pack(kPack, "built-in");
  auto extra = parse_rule_pack(kPack, "user.toml");
  REQUIRE(base.has_value());
  REQUIRE(extra.has_value());
  waudit::rules::merge_rules(*base, std::move(*extra));
  REQUIRE(base->size() == 1);
  CHECK(base->front().source == "user.toml");
}

TEST_CASE("rules::load_builtin_rules ships every text rule of the output contract") {
  const auto rules = waudit::rules::load_builtin_rules();
  REQUIRE(rules.has_value());
  std::set<std::string> ids;
  for (const auto& rule : *rules) {
    ids.insert(rule.id);
  }
  // card-photo is about attachments, not a text rule (media/).
  for (const char* id :
       {"iban", "bic", "payment-card", "debt-collection", "id-document", "de-tax-id",
        "de-social-security-number", "date-of-birth", "phone", "email", "address", "health",
        "special-category", "criminal-record", "credential"}) {
    CHECK_MESSAGE(ids.contains(id), id);
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

namespace {

constexpr const char* kLexiconPack = R"(
[negation]
before = ["kein", "nicht"]
after = ["negativ"]

[[rule]]
id = "health"
name = "health-condition"
category = "special-category"
description = "d"
terms = ["krebs", "diabet*"]
negatable = true
context.negative = ["sternzeichen"]
context.scope = "message"

[[rule]]
id = "health"
name = "health-code"
category = "special-category"
description = "d"
pattern = '([A-Z][0-9]{2})'
context.keywords = ["diagnose"]
context.required = true
)";

std::string rule_text(const std::string& extra) {
  return "[[rule]]\nid = \"x\"\ncategory = \"c\"\ndescription = \"d\"\n" + extra;
}

}  // namespace

TEST_CASE("rules::parse_rule_pack reads lexicon entries that share an id under their own names") {
  const auto rules = parse_rule_pack(kLexiconPack, "p.toml");
  REQUIRE(rules.has_value());
  REQUIRE(rules->size() == 2);
  const auto& lexicon = (*rules)[0];
  const auto& code = (*rules)[1];
  CHECK(lexicon.id == "health");
  CHECK(lexicon.name == "health-condition");
  CHECK(lexicon.pattern.find("(?:krebs)|(?:diabet)") != std::string::npos);
  CHECK(lexicon.per_message);  // the default for terms
  CHECK(lexicon.negatable);
  CHECK(lexicon.negation.before == std::vector<std::string>{"kein", "nicht"});
  CHECK(lexicon.negation.after == std::vector<std::string>{"negativ"});
  CHECK(lexicon.negative_keywords == std::vector<std::string>{"sternzeichen"});
  CHECK(lexicon.context_scope == waudit::rules::ContextScope::message);
  CHECK(code.name == "health-code");
  CHECK_FALSE(code.per_message);  // the default for patterns
  CHECK_FALSE(code.negatable);
  CHECK(code.negation.before.empty());  // only negatable rules carry the words
  CHECK(code.context_scope == waudit::rules::ContextScope::message_or_previous);
}

TEST_CASE("rules::parse_rule_pack names the entry when one name is used twice") {
  const std::string twice = rule_text("pattern = \"a\"\n") + rule_text("pattern = \"b\"\n");
  CHECK(parse_rule_pack(twice, "p.toml").error() ==
        "p.toml: rule name \"x\" is used twice (give entries that share an id a `name`)");
  const std::string named =
      rule_text("pattern = \"a\"\n") + rule_text("name = \"y\"\npattern = \"b\"\n");
  CHECK(parse_rule_pack(named, "p.toml").has_value());
}

TEST_CASE("rules::parse_rule_pack wants a pattern or terms, and known keys everywhere") {
  CHECK(parse_rule_pack(rule_text(""), "p.toml").error() ==
        "p.toml:1: rule needs either `pattern` or `terms`, not both");
  CHECK(parse_rule_pack(rule_text("pattern = \"a\"\nterms = [\"a\"]\n"), "p.toml").error() ==
        "p.toml:1: rule needs either `pattern` or `terms`, not both");
  CHECK(parse_rule_pack(rule_text("terms = [\"kr*bs\"]\n"), "p.toml")
            .error()
            .starts_with("p.toml:5: bad term \"kr*bs\""));
  CHECK(parse_rule_pack(rule_text("pattern = \"a\"\ncontext.requird = true\n"), "p.toml").error() ==
        "p.toml:6: unknown key `requird` in context");
  CHECK(parse_rule_pack(rule_text("pattern = \"a\"\ncontext.scope = \"chat\"\n"), "p.toml")
            .error()
            .starts_with("p.toml:1: unknown context scope \"chat\""));
  CHECK(parse_rule_pack(rule_text("pattern = \"a\"\nexamples.matches = []\n"), "p.toml").error() ==
        "p.toml:6: unknown key `matches` in examples");
  CHECK(
      parse_rule_pack(rule_text("pattern = \"a\"\nexamples.match = [{ txt = \"a\" }]\n"), "p.toml")
          .error() ==
      "p.toml:6: an example table has `text` and optionally `value` and `previous`, nothing "
      "else");
  const auto previous = parse_rule_pack(
      rule_text("pattern = \"a\"\nexamples.match = [{ previous = \"PIN?\", text = \"a\" }]\n"),
      "p.toml");
  REQUIRE(previous.has_value());
  CHECK(previous->front().must_match.front().previous == "PIN?");
  CHECK(parse_rule_pack("[negation]\nbefor = []\n" + rule_text("pattern = \"a\"\n"), "p.toml")
            .error() == "p.toml:2: unknown key `befor` in negation");
  CHECK(parse_rule_pack("negaton = 1\n" + rule_text("pattern = \"a\"\n"), "p.toml").error() ==
        "p.toml:1: unknown key `negaton` in rule pack");
}

TEST_CASE("rules::load_builtin_rules gives every entry its own name") {
  const auto rules = waudit::rules::load_builtin_rules();
  REQUIRE(rules.has_value());
  std::vector<std::string> names;
  for (const auto& rule : *rules) {
    names.push_back(rule.name);
  }
  std::sort(names.begin(), names.end());
  CHECK(std::adjacent_find(names.begin(), names.end()) == names.end());
}

TEST_SUITE_END();
