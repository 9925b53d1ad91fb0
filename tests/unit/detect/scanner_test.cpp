// The scanner must find exactly what running every rule's own pattern finds: its prefilter
// Set holds relaxed copies of the patterns, and a copy that fails to match where the pattern
// does would drop personal data silently. RE2 itself is the oracle here.
#include "detect/scanner.hpp"

#include "detect/prefilter_pattern.hpp"
#include "rules/rule_pack.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace {

using waudit::detect::prefilter_pattern;
using waudit::detect::Scanner;
using waudit::detect::Span;

RE2::Options utf8() {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);
  return options;
}

std::string utf8_of(char32_t code_point) {
  std::string out;
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
  return out;
}

// Every code point below U+0300 (the relaxed classes differ from Unicode's only from U+0100
// up), plus letters, digits and symbols of other scripts and the case-folding oddities.
std::vector<char32_t> probe_code_points() {
  std::vector<char32_t> points;
  for (char32_t c = 1; c < 0x300; ++c) {
    points.push_back(c);
  }
  for (const char32_t c :
       {0x0391, 0x03C9, 0x0416, 0x0436, 0x05D0, 0x0660, 0x0966, 0x1E9E, 0x2010,  0x2013, 0x202F,
        0x2160, 0x212A, 0x2460, 0x3042, 0x4E2D, 0xFB00, 0xFF10, 0xFF21, 0x1D400, 0x1F600}) {
    points.push_back(c);
  }
  return points;
}

// Each rule's own pattern, compiled once, for the oracle below.
std::vector<std::unique_ptr<RE2>> own_patterns(const std::vector<waudit::rules::Rule>& rules) {
  std::vector<std::unique_ptr<RE2>> patterns;
  for (const auto& rule : rules) {
    patterns.push_back(std::make_unique<RE2>(rule.pattern, utf8()));
  }
  return patterns;
}

// The spans the rules' own patterns find in `text`, by rule, then position: what
// Scanner::find must return, computed without any prefilter.
std::vector<Span> spans_without_prefilter(const std::vector<std::unique_ptr<RE2>>& patterns,
                                          std::string_view text) {
  std::vector<Span> spans;
  for (std::size_t index = 0; index < patterns.size(); ++index) {
    const RE2& pattern = *patterns[index];
    const int group = pattern.NumberOfCapturingGroups() >= 1 ? 1 : 0;
    re2::StringPiece submatch[2];
    std::size_t position = 0;
    while (position <= text.size() &&
           pattern.Match(text, position, text.size(), RE2::UNANCHORED, submatch, group + 1)) {
      const re2::StringPiece& value = submatch[group];
      if (value.data() == nullptr) {
        ++position;
        continue;
      }
      const auto begin = static_cast<std::size_t>(value.data() - text.data());
      if (!value.empty()) {
        spans.push_back(Span{index, begin, begin + value.size()});
      }
      position = std::max(begin + value.size(), position + 1);
    }
  }
  return spans;
}

bool same_spans(const std::vector<Span>& a, const std::vector<Span>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Span& x, const Span& y) {
    return x.rule_index == y.rule_index && x.begin == y.begin && x.end == y.end;
  });
}

// The builtin rules' example texts and some that stress the Unicode classes.
std::vector<std::string> example_texts(const std::vector<waudit::rules::Rule>& rules) {
  std::vector<std::string> texts = {
      "Müller wohnt in der Hauptstraße 5, 10115 Berlin",
      "ÄRZTIN: 0171 2345678; µg ª º ² ³ ¹ ¼ ½ ¾ × ÷",
      "İstanbul ǅemal Ⅻ ١٢٣ ﬀ K ſ 🙂 ẞ",
      "Straße\u00A012 · Tel.\u202F+49 30 123456",
      "ÜberWeg 3 äöü ßÿ Ø ø Þ þ",
      std::string("invalid \xC3\x28 bytes \xFF 0151 23456789"),
      "",
  };
  for (const auto& rule : rules) {
    // Values next to characters from U+0100 up that are neither letters nor digits, where
    // the relaxed boundary classes differ from the exact ones.
    for (const auto& example : rule.must_match) {
      texts.push_back("\U0001F642" + example.text + "\u2192");
      std::string spaced;
      for (const char c : example.text) {
        spaced += c == ' ' ? std::string("\u2002") : std::string(1, c);
      }
      texts.push_back(spaced);
    }
    for (const auto* examples : {&rule.must_match, &rule.must_not_match}) {
      for (const auto& example : *examples) {
        texts.push_back(example.text);
        texts.push_back(example.previous);
      }
    }
  }
  return texts;
}

}  // namespace

TEST_SUITE_BEGIN("detect");

TEST_CASE("detect::prefilter_pattern relaxes Unicode classes and keeps everything else") {
  CHECK(prefilter_pattern("a\\p{L}b") ==
        "a[A-Za-z\\x{AA}\\x{B5}\\x{BA}\\x{C0}-\\x{D6}\\x{D8}-\\x{F6}\\x{F8}-\\x{FF}"
        "\\x{100}-\\x{10FFFF}]b");
  CHECK(prefilter_pattern("\\pN") ==
        "[0-9\\x{B2}\\x{B3}\\x{B9}\\x{BC}-\\x{BE}\\x{100}-\\x{10FFFF}]");
  CHECK(prefilter_pattern("[^\\p{Lu}\\-]") == "[^A-Z\\x{C0}-\\x{D6}\\x{D8}-\\x{DE}\\-]");
  CHECK(prefilter_pattern("[\\p{Ll}.]") ==
        "[a-z\\x{B5}\\x{DF}-\\x{F6}\\x{F8}-\\x{FF}\\x{100}-\\x{10FFFF}.]");
  for (const char* unchanged :
       {"\\P{L}", "\\p{Greek}", "[\\P{N}]", "\\Q\\p{L}\\E", "\\x{2010}[\\x{A0}]", "[]\\]x]",
        "[[:alpha:]]", "(?i)ab{2,3}", "\\\\p{L}"}) {
    CHECK(prefilter_pattern(unchanged) == unchanged);
  }
  // A ']' first in a class is a member, not the end of the class.
  CHECK(prefilter_pattern("[]\\p{N}]") ==
        "[]0-9\\x{B2}\\x{B3}\\x{B9}\\x{BC}-\\x{BE}\\x{100}-\\x{10FFFF}]");
}

TEST_CASE("detect::prefilter_pattern classes are supersets, exact below U+0100 without (?i)") {
  for (const std::string property : {"L", "Lu", "Ll", "N"}) {
    for (const std::string flags : {"", "(?i)"}) {
      for (const std::string& original :
           {flags + "\\p{" + property + "}", flags + "[^\\p{" + property + "}]"}) {
        const RE2 exact(original, utf8());
        const RE2 relaxed(prefilter_pattern(original), utf8());
        REQUIRE(exact.ok());
        REQUIRE(relaxed.ok());
        for (const char32_t code_point : probe_code_points()) {
          const std::string text = utf8_of(code_point);
          const bool in_exact = RE2::FullMatch(text, exact);
          const bool in_relaxed = RE2::FullMatch(text, relaxed);
          const std::string where =
              fmt::format("{} on U+{:04X}", original, static_cast<unsigned>(code_point));
          // Under (?i) RE2 folds the case of both, and a code point from U+0100 up may
          // bring its Latin-1 partner into the relaxed class (U+212A Kelvin sign: k).
          if (code_point < 0x100 && flags.empty()) {
            CHECK_MESSAGE(in_exact == in_relaxed, where);
          } else {
            CHECK_MESSAGE((!in_exact || in_relaxed), where);
          }
        }
      }
    }
  }
}

TEST_CASE("detect::prefilter_pattern of each builtin rule matches wherever the rule does") {
  const auto rules = waudit::rules::load_builtin_rules();
  REQUIRE(rules.has_value());
  const std::vector<std::string> texts = example_texts(*rules);
  std::size_t matched = 0;
  for (const auto& rule : *rules) {
    const RE2 exact(rule.pattern, utf8());
    const RE2 relaxed(prefilter_pattern(rule.pattern), utf8());
    REQUIRE_MESSAGE(relaxed.ok(), rule.name, ": ", relaxed.error());
    for (const std::string& text : texts) {
      if (RE2::PartialMatch(text, exact)) {
        ++matched;
        CHECK_MESSAGE(RE2::PartialMatch(text, relaxed), rule.name, " on: ", text);
      }
    }
  }
  CHECK(matched >= rules->size());  // every rule matched its own examples at least
}

TEST_CASE("detect::Scanner finds what the rules' own patterns find, from several threads") {
  const auto rules = waudit::rules::load_builtin_rules();
  REQUIRE(rules.has_value());
  const auto scanner = Scanner::compile(*rules);
  REQUIRE(scanner.has_value());
  const std::vector<std::string> texts = example_texts(*rules);
  const auto patterns = own_patterns(*rules);
  std::vector<std::vector<Span>> expected;
  for (const std::string& text : texts) {
    expected.push_back(spans_without_prefilter(patterns, text));
  }
  // Four threads start on a fresh scanner at once, so they race to compile the same rules.
  std::vector<std::vector<std::vector<Span>>> found(4);
  std::vector<std::thread> threads;
  for (auto& results : found) {
    threads.emplace_back([&] {
      for (const std::string& text : texts) {
        results.emplace_back();
        scanner->find(text, results.back());
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  std::size_t spans = 0;
  for (const auto& results : found) {
    REQUIRE(results.size() == texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
      CHECK_MESSAGE(same_spans(results[i], expected[i]), "on: ", texts[i]);
      spans += results[i].size();
    }
  }
  CHECK(spans > 4 * rules->size());
}

TEST_CASE("detect::Scanner reports a pattern that does not parse with its rule and pack") {
  waudit::rules::Rule rule;
  rule.id = "broken";
  rule.source = "mine.toml";
  rule.pattern = "\\p{L}(";
  const auto scanner = Scanner::compile({rule});
  REQUIRE_FALSE(scanner.has_value());
  CHECK(scanner.error().starts_with("mine.toml: rule broken: bad pattern: missing )"));
}

TEST_CASE("detect::Scanner rejects every pattern that RE2 rejects, whatever its classes") {
  // compile() parses only the prefilter copies: each error must survive the relaxation.
  for (const char* broken : {"\\p{L}(", "[\\x00-\\p{L}]", "[a-\\pL]", "\\p{L}**", "[\\p{L}",
                             "\\p{Foo}", "\\p{L}{1001}", "\\p{L", "x{2,1}\\pN"}) {
    REQUIRE_FALSE(RE2(broken, utf8()).ok());
    waudit::rules::Rule rule;
    rule.pattern = broken;
    CHECK_MESSAGE(!Scanner::compile({rule}).has_value(), broken);
  }
}

TEST_CASE("detect::Scanner keyword checks are compiled on first use and match whole words") {
  waudit::rules::Rule rule;
  rule.id = "digits";
  rule.pattern = "([0-9]{4})";
  rule.context_keywords = {"PIN"};
  rule.negative_keywords = {"Bestellung"};
  const auto scanner = Scanner::compile({rule});
  REQUIRE(scanner.has_value());
  CHECK(scanner->has_context(0, "die pin ist 1234"));
  CHECK_FALSE(scanner->has_context(0, "Spinat 1234"));
  CHECK(scanner->has_negative_context(0, "Bestellung 1234"));
  CHECK_FALSE(scanner->has_negative_context(0, "Vorbestellung 1234"));
}

TEST_SUITE_END();
