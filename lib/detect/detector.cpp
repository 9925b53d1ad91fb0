// Scoring follows detectors.md §8 in a simple, explainable form: a validated checksum gives
// 0.95, a pattern alone 0.5, a context keyword (in this message, the one just before, or
// this one and the two before, as the rule says) adds 0.35, and a negative keyword (order
// and tracking words) takes 0.3 away; the sum is capped at 1 last, so a validated value with
// context keeps 1.0 despite a negative word. A rule that requires context drops candidates
// without it.
#include "detect/detector.hpp"

#include "detect/negation.hpp"
#include "detect/validation_cache.hpp"
#include "text/value_normalize.hpp"

#include <algorithm>
#include <iterator>
#include <set>

namespace waudit::detect {
namespace {

constexpr double kValidated = 0.95;
constexpr double kPatternOnly = 0.5;
constexpr double kContextBonus = 0.35;
constexpr double kNegativePenalty = 0.3;

bool is_separator(char c) {
  return c == ' ' || c == '-' || c == '.' || c == '/' || c == '\n' || c == '\t';
}

// A greedy pattern may take in what follows the value ("DE89 ... 30 00 und 12"): try the
// value cut before each separator, longest first, and keep the first one that validates.
std::optional<std::size_t> validated_length(std::string_view value, validate::Validator check,
                                            std::string& normalized) {
  normalized = text::normalize_value(value);
  if (validated(check, normalized)) {
    return value.size();
  }
  for (std::size_t cut = value.size() - 1; cut > 0; --cut) {
    if (is_separator(value[cut]) && !is_separator(value[cut - 1])) {
      normalized = text::normalize_value(value.substr(0, cut));
      if (validated(check, normalized)) {
        return cut;
      }
    }
  }
  return std::nullopt;
}

// The digits of an IBAN can also look like a card number: characters that one validated
// value covers belong to that value, so a detection inside a longer one is dropped.
void drop_nested(std::vector<Detection>& out, std::size_t first) {
  std::vector<Detection> kept;
  for (std::size_t i = first; i < out.size(); ++i) {
    const Detection& inner = out[i];
    const bool nested = std::any_of(
        out.begin() + static_cast<std::ptrdiff_t>(first), out.end(), [&](const Detection& outer) {
          return &outer != &inner && outer.begin <= inner.begin && inner.end <= outer.end &&
                 outer.end - outer.begin > inner.end - inner.begin;
        });
    if (!nested) {
      kept.push_back(std::move(out[i]));
    }
  }
  out.resize(first);
  std::move(kept.begin(), kept.end(), std::back_inserter(out));
}

bool overlaps(const Span& span, const ScanText& input) {
  return span.begin < input.skip_end && input.skip_begin < span.end;
}

}  // namespace

tl::expected<Detector, std::string> Detector::create(std::vector<rules::Rule> rules,
                                                     const std::vector<std::string>& allowed_values,
                                                     double min_confidence) {
  auto scanner = Scanner::compile(rules);
  if (!scanner) {
    return tl::unexpected(scanner.error());
  }
  Detector detector(std::move(rules), std::move(*scanner));
  detector.min_confidence_ = min_confidence;
  for (const std::string& value : allowed_values) {
    detector.allowed_.insert(text::normalize_value(value));
  }
  return detector;
}

Detector::Detector(std::vector<rules::Rule> rules, Scanner scanner)
    : rules_(std::move(rules)), scanner_(std::move(scanner)) {}

std::size_t Detector::scan(const ScanText& input, std::vector<Detection>& out) const {
  // One buffer per thread, reused between messages: no allocation on the hot path, and
  // threads scanning different inputs share nothing.
  thread_local std::vector<Span> spans;
  spans.clear();
  scanner_.find(input.text, spans);
  const std::size_t first = out.size();
  for (const Span& span : spans) {
    Detection detection;
    if (!overlaps(span, input) && accept(span, input, detection)) {
      out.push_back(std::move(detection));
    }
  }
  const auto begin = out.begin() + static_cast<std::ptrdiff_t>(first);
  std::sort(begin, out.end(), [](const Detection& a, const Detection& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.rule_index < b.rule_index;
  });
  drop_nested(out, first);
  keep_first_per_message(out, first);
  // After drop_nested: the digits inside an allowed IBAN stay no card number.
  return drop_allowed(out, first);
}

// A lexicon rule says "this message is about health" once, with its first term, however
// many terms the message holds (detectors.md §4.3: DPO-facing counts stay meaningful).
void Detector::keep_first_per_message(std::vector<Detection>& out, std::size_t first) const {
  std::set<std::string_view> seen;
  const auto kept = std::remove_if(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                                   [&](const Detection& detection) {
                                     const rules::Rule& rule = rules_[detection.rule_index];
                                     return rule.per_message && !seen.insert(rule.id).second;
                                   });
  out.erase(kept, out.end());
}

std::size_t Detector::drop_allowed(std::vector<Detection>& out, std::size_t first) const {
  if (allowed_.empty()) {
    return 0;
  }
  const auto kept = std::remove_if(
      out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
      [&](const Detection& detection) { return allowed_.contains(detection.normalized); });
  const auto dropped = static_cast<std::size_t>(out.end() - kept);
  out.erase(kept, out.end());
  return dropped;
}

bool Detector::has_context(std::size_t rule_index, const ScanText& input) const {
  switch (rules_[rule_index].context_scope) {
    case rules::ContextScope::message:
      return scanner_.has_context(rule_index, input.text);
    case rules::ContextScope::previous:
      return scanner_.has_context(
          rule_index, input.latest_previous.empty() ? input.previous : input.latest_previous);
    case rules::ContextScope::message_or_previous:
      break;
  }
  return scanner_.has_context(rule_index, input.text) ||
         scanner_.has_context(rule_index, input.previous);
}

bool Detector::accept(const Span& span, const ScanText& input, Detection& detection) const {
  const rules::Rule& rule = rules_[span.rule_index];
  std::string_view value = input.text.substr(span.begin, span.end - span.begin);
  double confidence = kPatternOnly;
  if (rule.validator != nullptr) {
    const auto length = validated_length(value, rule.validator, detection.normalized);
    if (!length) {
      return false;
    }
    value = value.substr(0, *length);
    confidence = kValidated;
  } else {
    detection.normalized = text::normalize_value(value);
  }
  const bool context = has_context(span.rule_index, input);
  if (rule.context_required && !context) {
    return false;
  }
  confidence += context ? kContextBonus : 0.0;
  if (scanner_.has_negative_context(span.rule_index, input.text)) {
    confidence -= kNegativePenalty;
  }
  detection.rule_index = span.rule_index;
  detection.begin = span.begin;
  detection.end = span.begin + value.size();
  detection.negated =
      rule.negatable && is_negated(input.text, detection.begin, detection.end, rule.negation);
  detection.confidence = std::clamp(confidence, 0.0, 1.0);
  return detection.confidence >= min_confidence_;
}

}  // namespace waudit::detect
