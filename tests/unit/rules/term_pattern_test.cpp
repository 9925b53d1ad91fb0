#include "rules/term_pattern.hpp"

#include "detect/scanner.hpp"
#include "rules/rule.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

TEST_SUITE_BEGIN("rules");

namespace {

// The values a rule made of `terms` finds in `text`.
std::vector<std::string> found(const std::vector<std::string>& terms, const std::string& text) {
  auto pattern = waudit::rules::pattern_from_terms(terms);
  REQUIRE(pattern.has_value());
  waudit::rules::Rule rule;
  rule.id = "lexicon";
  rule.pattern = *pattern;
  auto scanner = waudit::detect::Scanner::compile({rule});
  REQUIRE(scanner.has_value());
  std::vector<waudit::detect::Span> spans;
  scanner->find(text, spans);
  std::vector<std::string> values;
  for (const auto& span : spans) {
    values.push_back(text.substr(span.begin, span.end - span.begin));
  }
  return values;
}

using Values = std::vector<std::string>;

}  // namespace

TEST_CASE("rules::pattern_from_terms matches whole words in any case, with Unicode boundaries") {
  CHECK(found({"krebs"}, "Sie hat Krebs.") == Values{"Krebs"});
  CHECK(found({"krebs"}, "Krebsgang und Darmkrebs").empty());
  CHECK(found({"krebs"}, "äkrebs krebsé").empty());  // umlauts and accents are letters
  CHECK(found({"schwanger"}, "SCHWANGER!") == Values{"SCHWANGER"});
}

TEST_CASE("rules::pattern_from_terms lets a star stand for inflections and compounds") {
  CHECK(found({"krankmeld*"}, "Krankmeldung, krankmelden, krankmeld") ==
        Values{"Krankmeldung", "krankmelden", "krankmeld"});
  CHECK(found({"*krebs"}, "Darmkrebs, Krebs, Krebse") == Values{"Darmkrebs", "Krebs"});
  CHECK(found({"*tumor*"}, "Hirntumoren") == Values{"Hirntumoren"});
  CHECK(found({"grüne*"}, "die Grünen") == Values{"Grünen"});
}

TEST_CASE("rules::pattern_from_terms lets spaces and hyphens vary as people type them") {
  const Values au{"AU-Bescheinigung", "AU Bescheinigung", "AUBescheinigung"};
  CHECK(found({"au-bescheinigung"}, "AU-Bescheinigung, AU Bescheinigung, AUBescheinigung") == au);
  CHECK(found({"gelber schein"}, "den gelben Schein, den gelber  Schein") ==
        Values{"gelber  Schein"});
  CHECK(found({"gelber schein"}, "gelber\u00a0Schein") == Values{"gelber\u00a0Schein"});
}

TEST_CASE("rules::pattern_from_terms escapes what RE2 would read as syntax") {
  CHECK(found({"c++"}, "ich kann c++ und c") == Values{"c++"});
  CHECK(found({"ver.di"}, "Mitglied bei ver.di seit 2010, nicht bei verxdi") == Values{"ver.di"});
}

TEST_CASE("rules::pattern_from_terms rejects terms it cannot read") {
  CHECK_FALSE(waudit::rules::pattern_from_terms({}).has_value());
  CHECK_FALSE(waudit::rules::pattern_from_terms({"*"}).has_value());
  CHECK_FALSE(waudit::rules::pattern_from_terms({"kr*bs"}).has_value());
  CHECK_FALSE(waudit::rules::pattern_from_terms({" krebs"}).has_value());
  CHECK(waudit::rules::pattern_from_terms({"ok", "**"}).error().find("\"**\"") !=
        std::string::npos);
}

TEST_SUITE_END();
