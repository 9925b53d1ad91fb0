// Runs every rule's pattern over a text: one RE2::Set pass says which rules can match, then
// only those rules are run to find where. The only file that includes <re2/...>.
#pragma once

#include "rules/rule.hpp"

#include <tl/expected.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace waudit::detect {

// A byte range of the scanned text that a rule's pattern matched (its value group).
struct Span {
  std::size_t rule_index = 0;  // index into the rules the scanner was compiled from
  std::size_t begin = 0;
  std::size_t end = 0;
};

class Scanner {
 public:
  // Fails with "SOURCE: rule ID: bad pattern: ERROR" when a pattern does not parse. Each
  // rule's own matchers are compiled when a message first needs them.
  [[nodiscard]] static tl::expected<Scanner, std::string> compile(
      const std::vector<rules::Rule>& rules);

  Scanner(Scanner&&) noexcept;
  Scanner& operator=(Scanner&&) noexcept;
  Scanner(const Scanner&) = delete;
  Scanner& operator=(const Scanner&) = delete;
  ~Scanner();

  // Appends every match in `text`, by rule index, then position. Safe to call from several
  // threads at once.
  void find(std::string_view text, std::vector<Span>& out) const;

  // Whether one of the rule's context keywords occurs in `text` (case-insensitive).
  bool has_context(std::size_t rule_index, std::string_view text) const;

  // Whether one of the rule's negative keywords (order or tracking words) occurs in `text`.
  bool has_negative_context(std::size_t rule_index, std::string_view text) const;

 private:
  struct Compiled;
  explicit Scanner(std::unique_ptr<Compiled> compiled);

  std::unique_ptr<Compiled> compiled_;
};

}  // namespace waudit::detect
