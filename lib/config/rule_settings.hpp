// What a configuration file changes about the rules: rules switched off, and severities set
// by the user. Applied after the built-in and --rules packs are merged, so it can name a rule
// of either; an id that names no rule is an error, so a typo cannot leave a rule running.
#pragma once

#include "rules/rule.hpp"

#include <tl/expected.hpp>

#include <string>
#include <vector>

namespace waudit::config {

// A rule id (all its entries) or one entry's name ("health-kvnr") as the configuration names
// it, with where it does so ("waudit.toml:4").
struct RuleName {
  std::string id;
  std::string where;
};

struct SeverityOverride {
  RuleName rule;
  rules::Severity severity = rules::Severity::medium;
};

struct RuleSettings {
  std::vector<RuleName> disabled;
  std::vector<SeverityOverride> severities;
};

// Removes the disabled rules from `rules` and sets the overridden severities. The error names
// the file and line of the first id that matches no rule.
[[nodiscard]] tl::expected<void, std::string> apply_rule_settings(const RuleSettings& settings,
                                                                  std::vector<rules::Rule>& rules);

}  // namespace waudit::config
