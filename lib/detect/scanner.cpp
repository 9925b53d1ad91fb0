// RE2 behind a small interface. Every rule is compiled twice: into one RE2::Set, which
// answers "which rules can match" in a single DFA pass, and on its own, to find where. Most
// messages hold no personal data, so the usual cost is that one pass.
//
// Two RE2 facts shape this file: Set::Match returns false both for "no match" and for "the
// DFA ran out of memory" (then every rule is run, or data would be missed silently), and
// RE2's \b is ASCII-only, so rule patterns spell their boundaries as [^\p{L}\p{N}] and mark
// the value with a capturing group.
#include "detect/scanner.hpp"

#include <fmt/format.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <numeric>

namespace waudit::detect {
namespace {

// RE2 builds its DFAs lazily, up to these budgets, and falls back to slower matching past
// them: they bound the scanner's memory however many rules are loaded and whatever text it
// sees. The set runs on every message and gets the larger share; 8 MiB is RE2's default, and
// less makes the long rule patterns fall back to the slow engines (2 MiB: 2.5x the time).
constexpr int64_t kSetMemory = int64_t{32} << 20;
constexpr int64_t kPatternMemory = int64_t{8} << 20;

RE2::Options engine_options(int64_t max_memory) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);  // errors are reported with the rule's id and pack instead
  options.set_max_mem(max_memory);
  return options;
}

std::string keyword_pattern(const std::vector<std::string>& keywords) {
  std::string pattern = "(?i)(?:^|[^\\p{L}\\p{N}])(?:";
  for (std::size_t i = 0; i < keywords.size(); ++i) {
    pattern += (i == 0 ? "" : "|") + RE2::QuoteMeta(keywords[i]);
  }
  return pattern + ")";
}

}  // namespace

struct Scanner::Compiled {
  explicit Compiled(const RE2::Options& options) : set(options, RE2::UNANCHORED) {}

  RE2::Set set;
  std::vector<std::unique_ptr<RE2>> patterns;
  std::vector<std::unique_ptr<RE2>> keywords;   // nullptr for rules without keywords
  std::vector<std::unique_ptr<RE2>> negatives;  // nullptr for rules without negative words
};

namespace {

std::unique_ptr<RE2> keyword_matcher(const std::vector<std::string>& keywords,
                                     const RE2::Options& options) {
  return keywords.empty() ? nullptr : std::make_unique<RE2>(keyword_pattern(keywords), options);
}

bool matches(const std::unique_ptr<RE2>& matcher, std::string_view text) {
  return matcher != nullptr && RE2::PartialMatch(text, *matcher);
}

}  // namespace

tl::expected<Scanner, std::string> Scanner::compile(const std::vector<rules::Rule>& rules) {
  const RE2::Options options = engine_options(kPatternMemory);
  auto compiled = std::make_unique<Compiled>(engine_options(kSetMemory));
  for (const rules::Rule& rule : rules) {
    std::string error;
    auto pattern = std::make_unique<RE2>(rule.pattern, options);
    if (!pattern->ok() || compiled->set.Add(rule.pattern, &error) < 0) {
      return tl::unexpected(fmt::format("{}: rule {}: bad pattern: {}", rule.source, rule.id,
                                        pattern->ok() ? error : pattern->error()));
    }
    compiled->patterns.push_back(std::move(pattern));
    compiled->keywords.push_back(keyword_matcher(rule.context_keywords, options));
    compiled->negatives.push_back(keyword_matcher(rule.negative_keywords, options));
  }
  if (!compiled->set.Compile()) {
    return tl::unexpected(std::string("rule patterns do not fit in the matcher's memory"));
  }
  return Scanner(std::move(compiled));
}

Scanner::Scanner(std::unique_ptr<Compiled> compiled) : compiled_(std::move(compiled)) {}

Scanner::Scanner(Scanner&&) noexcept = default;
Scanner& Scanner::operator=(Scanner&&) noexcept = default;
Scanner::~Scanner() = default;

void Scanner::find(std::string_view text, std::vector<Span>& out) const {
  std::vector<int> candidates;
  RE2::Set::ErrorInfo info{};
  if (!compiled_->set.Match(text, &candidates, &info)) {
    if (info.kind != RE2::Set::kOutOfMemory) {
      return;
    }
    candidates.resize(compiled_->patterns.size());
    std::iota(candidates.begin(), candidates.end(), 0);
  }
  std::sort(candidates.begin(), candidates.end());  // the Set does not sort them
  for (const int index : candidates) {
    const RE2& pattern = *compiled_->patterns[static_cast<std::size_t>(index)];
    const int group = pattern.NumberOfCapturingGroups() >= 1 ? 1 : 0;
    re2::StringPiece submatch[2];
    std::size_t position = 0;
    // Matching on the whole text from `position` (never on a substring) keeps the left
    // context that boundary classes and ^ need.
    while (position <= text.size() &&
           pattern.Match(text, position, text.size(), RE2::UNANCHORED, submatch, group + 1)) {
      const re2::StringPiece& value = submatch[group];
      if (value.data() == nullptr) {  // the value group did not take part in this match
        ++position;
        continue;
      }
      const auto begin = static_cast<std::size_t>(value.data() - text.data());
      const std::size_t end = begin + value.size();
      if (!value.empty()) {
        out.push_back(Span{static_cast<std::size_t>(index), begin, end});
      }
      position = std::max(end, position + 1);
    }
  }
}

bool Scanner::has_context(std::size_t rule_index, std::string_view text) const {
  return matches(compiled_->keywords[rule_index], text);
}

bool Scanner::has_negative_context(std::size_t rule_index, std::string_view text) const {
  return matches(compiled_->negatives[rule_index], text);
}

}  // namespace waudit::detect
