#include "detect/negation.hpp"

#include <doctest/doctest.h>

#include <string>

TEST_SUITE_BEGIN("detect");

namespace {

const waudit::rules::Negation kNegation{{"kein", "keine", "nicht", "ohne", "no", "not"},
                                        {"negativ", "ausgeschlossen", "ruled out"}};

// Whether `term`, the first occurrence in `text`, reads as negated.
bool negated(const std::string& text, const std::string& term) {
  const auto begin = text.find(term);
  REQUIRE(begin != std::string::npos);
  return waudit::detect::is_negated(text, begin, begin + term.size(), kNegation);
}

}  // namespace

TEST_CASE("detect::is_negated finds a trigger among the words before the term") {
  CHECK(negated("Zum Glück kein Krebs", "Krebs"));
  CHECK(negated("Sie ist NICHT schwanger", "schwanger"));
  CHECK(negated("Keine Angst, es ist kein bösartiger Tumor", "Tumor"));
  CHECK(negated("no signs of diabetes", "diabetes"));
}

TEST_CASE("detect::is_negated finds a trigger among the words after the term") {
  CHECK(negated("Corona-Test negativ", "Corona"));
  CHECK(negated("Diabetes ist ausgeschlossen", "Diabetes"));
  CHECK(negated("cancer was ruled out", "cancer"));
}

TEST_CASE("detect::is_negated stops at the end of a sentence and at a turning conjunction") {
  CHECK_FALSE(negated("Kein Problem. Ich habe Krebs", "Krebs"));
  CHECK_FALSE(negated("Kein Fieber, aber Krebs", "Krebs"));
  CHECK_FALSE(negated("no fever but diabetes", "diabetes"));
  CHECK_FALSE(negated("Krebs. Test negativ", "Krebs"));
}

TEST_CASE("detect::is_negated looks only a few words away and at whole words") {
  CHECK_FALSE(negated("kein eins zwei drei vier fünf Krebs", "Krebs"));
  CHECK(negated("kein eins zwei drei vier Krebs", "Krebs"));
  CHECK_FALSE(negated("Keiner weiß, dass sie schwanger ist", "schwanger"));
  CHECK_FALSE(negated("Diabetes Typ 2 seit Jahren negativ", "Diabetes"));
  CHECK_FALSE(negated("Ich habe Diabetes", "Diabetes"));
}

TEST_SUITE_END();
