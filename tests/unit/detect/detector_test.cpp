#include "detect/detector.hpp"

#include "rules/rule_pack.hpp"

#include <doctest/doctest.h>

TEST_SUITE_BEGIN("detect");

namespace {

waudit::detect::Detector builtin_detector() {
  auto rules = waudit::rules::load_builtin_rules();
  REQUIRE(rules.has_value());
  auto detector = waudit::detect::Detector::create(std::move(*rules));
  REQUIRE(detector.has_value());
  return std::move(*detector);
}

std::vector<waudit::detect::Detection> scan(const waudit::detect::Detector& detector,
                                            const waudit::detect::ScanText& input) {
  std::vector<waudit::detect::Detection> out;
  detector.scan(input, out);
  return out;
}

}  // namespace

TEST_CASE("detect::Detector reports byte spans in order with their normalized values") {
  const auto detector = builtin_detector();
  const std::string text = "Karte 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00";
  const auto found = scan(detector, {text, 0, 0, ""});
  REQUIRE(found.size() == 2);
  CHECK(detector.rules()[found[0].rule_index].id == "payment-card");
  CHECK(found[0].begin == 6);
  CHECK(found[0].normalized == "4111111111111111");
  CHECK(detector.rules()[found[1].rule_index].id == "iban");
  CHECK(text.substr(found[1].begin, found[1].end - found[1].begin) ==
        "DE89 3704 0044 0532 0130 00");
}

TEST_CASE("detect::Detector finds values after multi-byte characters and across line breaks") {
  const auto detector = builtin_detector();
  const std::string text = "Grüße\u202F\nDE89 3704 0044 0532 0130 00";
  const auto found = scan(detector, {text, 0, 0, ""});
  REQUIRE(found.size() == 1);
  CHECK(found[0].begin == text.find("DE89"));
}

TEST_CASE("detect::Detector does not take letters glued to a value as a boundary") {
  const auto detector = builtin_detector();
  CHECK(scan(detector, {"ÄDE89370400440532013000", 0, 0, ""}).empty());
  CHECK(scan(detector, {"x4111111111111111", 0, 0, ""}).empty());
}

TEST_CASE("detect::Detector skips the attachment reference") {
  const auto detector = builtin_detector();
  const std::string text = "4111111111111111.jpg (file attached)\n4111 1111 1111 1111";
  const auto found = scan(detector, {text, 0, text.find('\n'), ""});
  REQUIRE(found.size() == 1);
  CHECK(found[0].begin == text.find('\n') + 1);
}

TEST_CASE("detect::Detector raises confidence with a keyword here or in the message before") {
  const auto detector = builtin_detector();
  const auto plain = scan(detector, {"DE89370400440532013000", 0, 0, ""});
  const auto here = scan(detector, {"IBAN: DE89370400440532013000", 0, 0, ""});
  const auto before = scan(detector, {"DE89370400440532013000", 0, 0, "Deine Kontonummer?"});
  REQUIRE(plain.size() == 1);
  REQUIRE(here.size() == 1);
  REQUIRE(before.size() == 1);
  CHECK(plain[0].confidence == doctest::Approx(0.95));
  CHECK(here[0].confidence == doctest::Approx(1.0));
  CHECK(before[0].confidence == doctest::Approx(1.0));
}

TEST_CASE("detect::Detector drops a candidate without context when the rule requires it") {
  auto rules = waudit::rules::parse_rule_pack(
      "[[rule]]\nid = \"pin\"\ncategory = \"security\"\ndescription = \"d\"\n"
      "pattern = '(?:^|[^0-9])([0-9]{4})(?:$|[^0-9])'\ncontext.keywords = [\"pin\"]\n"
      "context.required = true\n",
      "p.toml");
  REQUIRE(rules.has_value());
  auto detector = waudit::detect::Detector::create(std::move(*rules));
  REQUIRE(detector.has_value());
  CHECK(scan(*detector, {"um 1830 da", 0, 0, ""}).empty());
  const auto found = scan(*detector, {"die PIN ist 1830", 0, 0, ""});
  REQUIRE(found.size() == 1);
  CHECK(found[0].confidence == doctest::Approx(0.85));
}

TEST_CASE("detect::Detector takes an ID keyword from the message before a document number") {
  const auto detector = builtin_detector();
  CHECK(scan(detector, {"L01X00T47", 0, 0, "Wie lautet die Nummer?"}).empty());
  const auto found = scan(detector, {"L01X00T47", 0, 0, "Schick mir die Nummer vom Ausweis"});
  REQUIRE(found.size() == 1);
  CHECK(detector.rules()[found[0].rule_index].id == "id-document");
}

TEST_CASE("detect::Detector reports an MRZ once and not the BIC-shaped names inside it") {
  // ERIKSSON reads as a BIC (ERIK SS ON) and the message before names one, but the MRZ
  // that holds it is the finding.
  const auto detector = builtin_detector();
  const std::string mrz =
      "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
      "L898902C36UTO7408122F1204159ZE184226B<<<<<10";
  const auto found = scan(detector, {mrz, 0, 0, "IBAN und BIC kommen gleich"});
  REQUIRE(found.size() == 1);
  CHECK(detector.rules()[found[0].rule_index].id == "id-document");
  CHECK(found[0].begin == 0);
  CHECK(found[0].end == mrz.size());
}

TEST_CASE("detect::Detector reports a broken pattern with its rule and pack") {
  auto rules = waudit::rules::parse_rule_pack(
      "[[rule]]\nid = \"bad\"\ncategory = \"c\"\ndescription = \"d\"\npattern = '(['\n", "p.toml");
  REQUIRE(rules.has_value());
  const auto detector = waudit::detect::Detector::create(std::move(*rules));
  REQUIRE_FALSE(detector.has_value());
  CHECK(detector.error().starts_with("p.toml: rule bad: bad pattern: "));
}

TEST_CASE("detect::Detector leaves out allowed values, however they are written") {
  auto rules = waudit::rules::load_builtin_rules();
  REQUIRE(rules.has_value());
  const auto detector =
      waudit::detect::Detector::create(std::move(*rules), {"de89 3704-0044 0532 0130 00"});
  REQUIRE(detector.has_value());
  std::vector<waudit::detect::Detection> found;
  const std::string text = "IBAN DE89370400440532013000 und Karte 4111 1111 1111 1111";
  CHECK(detector->scan({text, 0, 0, ""}, found) == 1);
  REQUIRE(found.size() == 1);
  CHECK(detector->rules()[found[0].rule_index].id == "payment-card");
  // The digits of an allowed IBAN are not reported as something else either.
  found.clear();
  CHECK(detector->scan({"DE89 3704 0044 0532 0130 00", 0, 0, ""}, found) == 1);
  CHECK(found.empty());
}

namespace {

constexpr const char* kScoringPack = R"(
[negation]
before = ["kein"]

[[rule]]
id = "health"
name = "health-words"
category = "special-category"
description = "d"
terms = ["krebs", "*tumor"]
negatable = true

[[rule]]
id = "health"
name = "health-other-words"
category = "special-category"
description = "d"
terms = ["migräne"]

[[rule]]
id = "credential"
category = "security"
description = "d"
pattern = '^([0-9]{4})$'
context.keywords = ["pin"]
context.required = true
context.scope = "previous"

[[rule]]
id = "ref"
category = "c"
description = "d"
pattern = '([0-9]{6})'
context.keywords = ["kunde"]
context.negative = ["bestellung"]
)";

waudit::detect::Detector scoring_detector(double min_confidence = 0.5) {
  auto rules = waudit::rules::parse_rule_pack(kScoringPack, "p.toml");
  REQUIRE(rules.has_value());
  auto detector = waudit::detect::Detector::create(std::move(*rules), {}, min_confidence);
  REQUIRE(detector.has_value());
  return std::move(*detector);
}

}  // namespace

TEST_CASE("detect::Detector reports a lexicon id once per message, with its first term") {
  const auto detector = scoring_detector();
  const std::string text = "Migräne seit Tagen, jetzt Verdacht auf Krebs und einen Hirntumor";
  const auto found = scan(detector, {text, 0, 0, ""});
  REQUIRE(found.size() == 1);
  CHECK(text.substr(found[0].begin, found[0].end - found[0].begin) == "Migräne");
  CHECK(detector.rules()[found[0].rule_index].name == "health-other-words");
  CHECK(scan(detector, {"Krebs", 0, 0, ""}).size() == 1);
}

TEST_CASE("detect::Detector marks a negated mention and keeps it") {
  const auto detector = scoring_detector();
  const auto negated = scan(detector, {"Zum Glück kein Krebs!", 0, 0, ""});
  REQUIRE(negated.size() == 1);
  CHECK(negated[0].negated);
  const auto plain = scan(detector, {"Leider Krebs.", 0, 0, ""});
  REQUIRE(plain.size() == 1);
  CHECK_FALSE(plain[0].negated);
  const auto not_negatable = scan(detector, {"kein Migräne", 0, 0, ""});
  REQUIRE(not_negatable.size() == 1);
  CHECK_FALSE(not_negatable[0].negated);
}

TEST_CASE("detect::Detector takes context from where the rule says") {
  const auto detector = scoring_detector();
  CHECK(scan(detector, {"4711", 0, 0, "Wie ist die PIN?"}).size() == 1);
  CHECK(scan(detector, {"4711", 0, 0, "Wann kommst du?"}).empty());
  // "previous": the label in the same message does not count for a value typed alone.
  CHECK(scan(detector, {"PIN\n4711", 0, 0, ""}).empty());
}

TEST_CASE(
    "detect::Detector lowers the confidence for a negative word and drops what falls "
    "below the minimum") {
  const auto detector = scoring_detector();
  const auto plain = scan(detector, {"Nummer 123456", 0, 0, ""});
  REQUIRE(plain.size() == 1);
  CHECK(plain[0].confidence == doctest::Approx(0.5));
  const auto with_context = scan(detector, {"Kunde 123456", 0, 0, ""});
  REQUIRE(with_context.size() == 1);
  CHECK(with_context[0].confidence == doctest::Approx(0.85));
  CHECK(scan(detector, {"Bestellung 123456", 0, 0, ""}).empty());
  const auto both = scan(detector, {"Kunde, Bestellung 123456", 0, 0, ""});
  REQUIRE(both.size() == 1);
  CHECK(both[0].confidence == doctest::Approx(0.55));
  CHECK(scan(scoring_detector(0.0), {"Bestellung 123456", 0, 0, ""}).size() == 1);
  CHECK(scan(scoring_detector(0.9), {"Kunde 123456", 0, 0, ""}).empty());
}

TEST_SUITE_END();
