// `waudit rules`: what the rules are (list) and whether a rule pack does what its own
// examples say (check). The built-in packs are checked the same way by the test suite.
#pragma once

#include "detect/detector.hpp"
#include "rules/rule.hpp"

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace waudit::audit {

enum class ListFormat { text, json };

// One line per rule entry: id, name, category, severity, description (json: every field a
// user can set, remediation included).
void write_rule_list(const std::vector<rules::Rule>& rules, ListFormat format, std::ostream& out);

// Runs every example of every rule of `detector`: a `match` example must give exactly one
// detection of the rule's id (with the stated value, if any), a `no_match` example none.
// Returns one line per example that does not, naming the pack, the rule and the example.
std::vector<std::string> failed_examples(const detect::Detector& detector);

struct RuleCheckOutcome {
  int exit_code = 0;  // 0: every example holds; 1: one does not; 2: the pack cannot be used
  std::size_t rules = 0;
  std::size_t examples = 0;
};

// `waudit rules check FILE`: loads the pack on its own, compiles its patterns, runs its
// examples, and reports on `out` (results) and `err` (a pack that cannot be loaded).
RuleCheckOutcome check_rule_pack(const std::filesystem::path& path, std::ostream& out,
                                 std::ostream& err);

}  // namespace waudit::audit
