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

// One step down ("high" -> "medium"); info stays info.
Severity lowered(Severity severity);

struct Example {
  std::string text;      // a message body
  std::string value;     // for `match`: the exact value the rule must report (empty: any)
  std::string previous;  // the message before, for rules whose context is there
};

// Where a rule looks for its context keywords: the message of the value, the one before it
// (a value typed after "WLAN-Passwort?"), or either.
enum class ContextScope { message_or_previous, message, previous };

std::optional<ContextScope> parse_context_scope(std::string_view text);

// Words that mark a mention as negated ("kein Krebs", "Test negativ"): among the few words
// before or after the matched term. Shared by the rules of one pack.
struct Negation {
  std::vector<std::string> before;
  std::vector<std::string> after;
};

struct Rule {
  std::string id;        // "iban", the id reports show; several entries may share one
  std::string name;      // unique among all loaded rules ("health-kvnr"); the id when not given
  std::string category;  // "financial"
  Severity severity = Severity::medium;
  std::string description;  // one line, for `waudit rules` and reports
  std::string remediation;  // what the DPO should do about a finding
  // RE2 syntax, flags inline. If it has a capturing group, group 1 is the value;
  // otherwise the whole match is.
  std::string pattern;
  std::string validator_name;  // empty: no validator
  validate::Validator validator = nullptr;
  std::vector<std::string> context_keywords;   // any of them near the value raises confidence
  bool context_required = false;               // without a keyword the candidate is dropped
  std::vector<std::string> negative_keywords;  // order or tracking words: lower the confidence
  ContextScope context_scope = ContextScope::message_or_previous;
  bool per_message = false;  // at most one finding of this rule id per message (lexicons)
  bool negatable = false;    // a negated mention is reported one severity lower
  Negation negation;         // the pack's negation words, for negatable rules
  std::vector<Example> must_match;
  std::vector<Example> must_not_match;
  std::string source;  // "patterns/financial.toml" or the user's file, for messages
};

}  // namespace waudit::rules
