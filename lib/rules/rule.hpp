// A detection rule as a rule pack declares it. Rules are data: adding one is editing
// patterns/*.toml, plus a validator function when a checksum is involved.
#pragma once

#include "validate/registry.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace waudit::rules {

enum class Severity { info, low, medium, high, critical };

std::string_view to_string(Severity severity);
std::optional<Severity> parse_severity(std::string_view text);

struct Example {
  std::string text;   // a message body
  std::string value;  // for `match`: the exact value the rule must report (empty: any)
};

struct Rule {
  std::string id;        // "iban"
  std::string category;  // "financial"
  Severity severity = Severity::medium;
  std::string description;  // one line, for `waudit rules` and reports
  std::string remediation;  // what the DPO should do about a finding
  // RE2 syntax, flags inline. If it has a capturing group, group 1 is the value;
  // otherwise the whole match is.
  std::string pattern;
  std::string validator_name;  // empty: no validator
  validate::Validator validator = nullptr;
  std::vector<std::string> context_keywords;  // any of them near the value raises confidence
  bool context_required = false;              // without a keyword the candidate is dropped
  std::vector<Example> must_match;
  std::vector<Example> must_not_match;
  std::string source;  // "patterns/financial.toml" or the user's file, for messages
};

}  // namespace waudit::rules
