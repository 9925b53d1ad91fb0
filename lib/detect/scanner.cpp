// RE2 behind a small interface. One RE2::Set answers "which rules can match" in a single DFA
// pass over a message; only those rules then run their own pattern to find where. Most
// messages hold no personal data, so the usual cost is that one pass.
//
// Three facts shape this file:
// - Set::Match returns false both for "no match" and for "the DFA ran out of memory"; then
//   every rule is run, or data would be missed silently.
// - RE2's \b is ASCII-only, so rule patterns spell their boundaries as [^\p{L}\p{N}] and mark
//   the value with a capturing group. Each Unicode class compiles to hundreds of UTF-8 byte
//   ranges, and the rules use them some 360 times: a Set of the patterns as written held
//   366k instructions and took 50 MB and a quarter second to compile. The Set therefore holds
//   a prefilter copy of each pattern (detect/prefilter_pattern.hpp) that matches a superset of what
//   the pattern matches and compiles to about 44k instructions.
// - Compiling the 62 rules' own patterns exactly takes longer than the Set (0.22 s), so each
//   is compiled the first time a message needs it: a small input pays only for the rules it
//   brings up, and one without candidates for none.
#include "detect/scanner.hpp"

#include "detect/prefilter_pattern.hpp"

#include <fmt/format.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <deque>
#include <mutex>
#include <numeric>
#include <stdexcept>

namespace waudit::detect {
namespace {

// RE2 builds its DFAs lazily, up to these budgets, and falls back to slower matching past
// them: they bound the scanner's memory however many rules are loaded and whatever text it
// sees. The set runs on every message and gets the larger share; 8 MiB is RE2's default, and
// less makes the long rule patterns fall back to the slow engines (2 MiB: 2.5x the time).
// The prefilter Set's DFA stays near 1 MB on the 20 MB benchmark export but thrashes at
// 4 MiB (10x the time); 32 MiB leaves room for text that needs more states.
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
  if (keywords.empty()) {
    return {};
  }
  std::string pattern = "(?i)(?:^|[^\\p{L}\\p{N}])(?:";
  for (std::size_t i = 0; i < keywords.size(); ++i) {
    if (i > 0) {
      pattern += '|';
    }
    pattern += RE2::QuoteMeta(keywords[i]);
  }
  return pattern + ")";
}

// A matcher compiled by the first thread that needs it; the others wait for that compile.
class LazyPattern {
 public:
  // `label` names the pattern in an error: "patterns/x.toml: rule iban".
  LazyPattern(std::string pattern, const RE2::Options& options, std::string label)
      : pattern_(std::move(pattern)), options_(options), label_(std::move(label)) {}

  // nullptr when there is no pattern (a rule without keywords).
  const RE2* get() const {
    if (pattern_.empty()) {
      return nullptr;
    }
    std::call_once(once_, [this] {
      compiled_ = std::make_unique<RE2>(pattern_, options_);
      // compile() checked that the pattern parses, but not its size: a program too large for
      // the usual budget gets the Set's rather than matching nothing.
      if (!compiled_->ok()) {
        compiled_ = std::make_unique<RE2>(pattern_, engine_options(kSetMemory));
      }
      // Matching nothing would miss data without a word: the scan stops with the reason.
      if (!compiled_->ok()) {
        throw std::runtime_error(
            fmt::format("{}: the pattern needs more memory than the matcher allows ({})", label_,
                        compiled_->error()));
      }
    });
    return compiled_.get();
  }

 private:
  std::string pattern_;
  RE2::Options options_;
  std::string label_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<RE2> compiled_;
};

// The parse error of `pattern`, empty when it parses. Set::Add parses without compiling.
std::string parse_error(const std::string& pattern, const RE2::Options& options) {
  RE2::Set parser(options, RE2::UNANCHORED);
  std::string error;
  return parser.Add(pattern, &error) < 0 ? error : std::string();
}

}  // namespace

struct Scanner::Compiled {
  explicit Compiled(const RE2::Options& options) : set(options, RE2::UNANCHORED) {}

  RE2::Set set;
  // Deques: LazyPattern holds a once_flag, which cannot move.
  std::deque<LazyPattern> patterns;
  std::deque<LazyPattern> keywords;
  std::deque<LazyPattern> negatives;
};

namespace {

bool matches(const LazyPattern& matcher, std::string_view text) {
  const RE2* compiled = matcher.get();
  return compiled != nullptr && RE2::PartialMatch(text, *compiled);
}

}  // namespace

tl::expected<Scanner, std::string> Scanner::compile(const std::vector<rules::Rule>& rules) {
  const RE2::Options options = engine_options(kPatternMemory);
  auto compiled = std::make_unique<Compiled>(engine_options(kSetMemory));
  for (const rules::Rule& rule : rules) {
    // The copy parses exactly when the pattern does, and parsing the pattern too would cost
    // more than the whole Set; it is parsed only to word the error as its author wrote it.
    std::string error;
    if (compiled->set.Add(prefilter_pattern(rule.pattern), &error) < 0) {
      const std::string own_error = parse_error(rule.pattern, options);
      return tl::unexpected(fmt::format("{}: rule {}: bad pattern: {}", rule.source, rule.id,
                                        own_error.empty() ? error : own_error));
    }
    const std::string label = fmt::format("{}: rule {}", rule.source, rule.id);
    compiled->patterns.emplace_back(rule.pattern, options, label);
    compiled->keywords.emplace_back(keyword_pattern(rule.context_keywords), options, label);
    compiled->negatives.emplace_back(keyword_pattern(rule.negative_keywords), options, label);
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
  // Reused between messages and private to each scanning thread: no allocation per message.
  thread_local std::vector<int> candidates;
  candidates.clear();
  RE2::Set::ErrorInfo info{};
  // Most messages have no candidate at all. Asked only "any?", the Set stops at the first
  // match and allocates nothing; asked "which?", it allocates its match set on every call.
  if (!compiled_->set.Match(text, nullptr, &info) && info.kind != RE2::Set::kOutOfMemory) {
    return;
  }
  if (!compiled_->set.Match(text, &candidates, &info)) {
    if (info.kind != RE2::Set::kOutOfMemory) {
      return;
    }
    candidates.resize(compiled_->patterns.size());
    std::iota(candidates.begin(), candidates.end(), 0);
  }
  std::sort(candidates.begin(), candidates.end());  // the Set does not sort them
  for (const int index : candidates) {
    const RE2* pattern = compiled_->patterns[static_cast<std::size_t>(index)].get();
    if (pattern == nullptr) {
      continue;
    }
    const int group = pattern->NumberOfCapturingGroups() >= 1 ? 1 : 0;
    re2::StringPiece submatch[2];
    std::size_t position = 0;
    // Matching on the whole text from `position` (never on a substring) keeps the left
    // context that boundary classes and ^ need.
    while (position <= text.size() &&
           pattern->Match(text, position, text.size(), RE2::UNANCHORED, submatch, group + 1)) {
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
