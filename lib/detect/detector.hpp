// From pattern matches to validated detections: normalise the value, run the rule's
// validator (trying shorter prefixes when a greedy match swallowed a following word or
// number), and weigh the context keywords of the message and the one before it.
#pragma once

#include "detect/scanner.hpp"
#include "rules/rule.hpp"

#include <tl/expected.hpp>

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace waudit::detect {

struct Detection {
  std::size_t rule_index = 0;
  std::size_t begin = 0;  // byte range of the value in the scanned text
  std::size_t end = 0;
  std::string normalized;  // the value as validated and fingerprinted
  double confidence = 0;   // 0..1
  bool negated = false;    // "kein Krebs": reported one severity lower
};

// Findings below this confidence are not reported unless the user asks (--min-confidence):
// a pattern alone scores 0.5, so only candidates with a negative context word fall below.
inline constexpr double kDefaultMinConfidence = 0.5;

// What to scan: the message text, the part of it to leave out (an attachment reference),
// and the text of the messages before it, for context only.
struct ScanText {
  std::string_view text;
  std::size_t skip_begin = 0;
  std::size_t skip_end = 0;
  std::string_view previous;  // the one or two messages before
  // The message just before, for rules with context scope "previous" (a value typed alone
  // after "WLAN-Passwort?"); empty: `previous` is that message.
  std::string_view latest_previous{};
};

class Detector {
 public:
  // `allowed_values` are never detected, by any rule: values as a user writes them, compared
  // with a detection's value after both went through text::normalize_value. Detections
  // scoring below `min_confidence` are dropped.
  [[nodiscard]] static tl::expected<Detector, std::string> create(
      std::vector<rules::Rule> rules, const std::vector<std::string>& allowed_values = {},
      double min_confidence = kDefaultMinConfidence);

  const std::vector<rules::Rule>& rules() const { return rules_; }

  // Appends the detections in `input.text`, ordered by position, then rule, and returns how
  // many were left out because their value is allowed. Safe to call from several threads at
  // once.
  std::size_t scan(const ScanText& input, std::vector<Detection>& out) const;

  // Whether a value (after text::normalize_value) is one the user allowed.
  bool is_allowed(std::string_view normalized) const { return allowed_.contains(normalized); }

 private:
  Detector(std::vector<rules::Rule> rules, Scanner scanner);
  bool accept(const Span& span, const ScanText& input, Detection& detection) const;
  bool has_context(std::size_t rule_index, const ScanText& input) const;
  void keep_first_per_message(std::vector<Detection>& out, std::size_t first) const;
  std::size_t drop_allowed(std::vector<Detection>& out, std::size_t first) const;

  std::vector<rules::Rule> rules_;
  Scanner scanner_;
  double min_confidence_ = kDefaultMinConfidence;
  std::set<std::string, std::less<>> allowed_;  // normalised
};

}  // namespace waudit::detect
