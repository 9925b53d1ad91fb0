// From pattern matches to validated detections: normalise the value, run the rule's
// validator (trying shorter prefixes when a greedy match swallowed a following word or
// number), and weigh the context keywords of the message and the one before it.
#pragma once

#include "detect/scanner.hpp"
#include "rules/rule.hpp"

#include <tl/expected.hpp>

#include <cstddef>
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
};

// What to scan: the message text, the part of it to leave out (an attachment reference),
// and the text of the message before it, for context only.
struct ScanText {
  std::string_view text;
  std::size_t skip_begin = 0;
  std::size_t skip_end = 0;
  std::string_view previous;
};

class Detector {
 public:
  [[nodiscard]] static tl::expected<Detector, std::string> create(std::vector<rules::Rule> rules);

  const std::vector<rules::Rule>& rules() const { return rules_; }

  // Appends the detections in `input.text`, ordered by position, then rule. Safe to call
  // from several threads at once.
  void scan(const ScanText& input, std::vector<Detection>& out) const;

 private:
  Detector(std::vector<rules::Rule> rules, Scanner scanner);
  bool accept(const Span& span, const ScanText& input, Detection& detection) const;

  std::vector<rules::Rule> rules_;
  Scanner scanner_;
};

}  // namespace waudit::detect
