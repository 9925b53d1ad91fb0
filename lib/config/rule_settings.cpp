#include "config/rule_settings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace waudit::config {
namespace {

// A setting names a rule id (every entry of it) or one entry's name.
bool names(const rules::Rule& rule, const std::string& id) {
  return rule.id == id || rule.name == id;
}

bool has_rule(const std::vector<rules::Rule>& rules, const std::string& id) {
  return std::any_of(rules.begin(), rules.end(),
                     [&](const rules::Rule& rule) { return names(rule, id); });
}

tl::expected<void, std::string> check_known(const std::vector<rules::Rule>& rules,
                                            const RuleName& name) {
  if (!has_rule(rules, name.id)) {
    return tl::unexpected(fmt::format("{}: unknown rule \"{}\"", name.where, name.id));
  }
  return {};
}

}  // namespace

tl::expected<void, std::string> apply_rule_settings(const RuleSettings& settings,
                                                    std::vector<rules::Rule>& rules) {
  // Every id is checked before anything changes: a rule may be named twice, or be disabled
  // and given a severity, without an error.
  for (const SeverityOverride& severity : settings.severities) {
    if (auto known = check_known(rules, severity.rule); !known) {
      return known;
    }
  }
  std::set<std::string, std::less<>> disabled;
  for (const RuleName& name : settings.disabled) {
    if (auto known = check_known(rules, name); !known) {
      return known;
    }
    disabled.insert(name.id);
  }
  for (rules::Rule& rule : rules) {
    for (const SeverityOverride& severity : settings.severities) {
      if (names(rule, severity.rule.id)) {
        rule.severity = severity.severity;
      }
    }
  }
  std::erase_if(rules, [&](const rules::Rule& rule) {
    return disabled.contains(rule.id) || disabled.contains(rule.name);
  });
  return {};
}

}  // namespace waudit::config
