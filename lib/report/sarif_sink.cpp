#include "report/sarif_sink.hpp"

#include "report/finding_json.hpp"

#include <fmt/format.h>

namespace waudit::report {
namespace {

constexpr std::string_view kSchema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

// The key under partialFingerprints; the suffix changes only if the fingerprint's recipe does.
constexpr std::string_view kFingerprintKey = "wauditFingerprint/v1";

bool is_unreserved(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~' || c == '/';
}

std::string percent_encode(std::string_view text) {
  std::string encoded;
  encoded.reserve(text.size());
  for (const char c : text) {
    if (is_unreserved(c)) {
      encoded += c;
    } else {
      encoded += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    }
  }
  return encoded;
}

// "payment-card" -> "PaymentCard": SARIF wants a rule's name in Pascal case.
std::string pascal_case(std::string_view id) {
  std::string name;
  bool upper = true;
  for (const char c : id) {
    if (c == '-' || c == '_' || c == '.') {
      upper = true;
      continue;
    }
    name += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return name;
}

// "very-high" when a checksum confirms every finding, as GitHub's precision scale has it.
std::string_view precision(bool validated) {
  return validated ? "very-high" : "medium";
}

// "security" (which GitHub needs for security-severity), "privacy", and the rule's category
// last. The schema wants the tags unique, and the credential rules' category is "security".
Json tags(const std::string& category) {
  Json tags = Json::array();
  for (const std::string_view tag : {"security", "privacy"}) {
    if (tag != category) {
      tags.push_back(tag);
    }
  }
  tags.push_back(category);
  return tags;
}

Json rule_json(const SarifRule& rule) {
  const std::string description = rule.description.empty() ? rule.id : rule.description;
  std::string full = fmt::format("{}. Category {}, severity {}.", description, rule.category,
                                 rules::to_string(rule.severity));
  if (rule.validated) {
    full += " Only values that pass the rule's checksum are reported.";
  }
  Json json{{"id", rule.id},
            {"name", pascal_case(rule.id)},
            {"shortDescription", {{"text", description}}},
            {"fullDescription", {{"text", full}}}};
  if (!rule.remediation.empty()) {
    json["help"] = {{"text", rule.remediation}};
  }
  json["defaultConfiguration"] = {{"level", sarif_level(rule.severity)}};
  // GitHub honours security-severity only for rules tagged "security".
  json["properties"] = {{"security-severity", security_severity(rule.severity)},
                        {"tags", tags(rule.category)},
                        {"precision", precision(rule.validated)}};
  return json;
}

Json location_json(const Location& at) {
  Json artifact{{"uri", sarif_uri(at.path, at.entry)}};
  if (!at.path.starts_with('/')) {
    artifact["uriBaseId"] = "%SRCROOT%";
  }
  Json physical{{"artifactLocation", artifact}};
  if (at.line) {
    physical["region"] = {{"startLine", *at.line}};
    if (at.column) {
      physical["region"]["startColumn"] = *at.column;
    }
  }
  return Json{{"physicalLocation", physical}};
}

// What the JSON report says beyond the location, for readers that want all of it.
Json result_properties(const Finding& finding) {
  Json properties{{"path", finding.location.path}};
  if (finding.location.entry) {
    properties["entry"] = *finding.location.entry;
  }
  properties["category"] = finding.category;
  properties["severity"] = rules::to_string(finding.severity);
  properties["chat"] = finding.chat;
  if (finding.sender) {
    properties["sender"] = *finding.sender;
  }
  if (finding.timestamp) {
    properties["timestamp"] = *finding.timestamp;
  }
  if (finding.attachment) {
    properties["attachment"] = *finding.attachment;
  }
  if (finding.kind) {
    properties["kind"] = *finding.kind;
    properties["evidence"] = finding.evidence.value_or("");
  }
  properties["confidence"] = finding.confidence;
  return properties;
}

// SARIF's names for a finding compared with a baseline.
std::string_view baseline_state(Status status) {
  switch (status) {
    case Status::existing:
      return "unchanged";
    case Status::fixed:
      return "absent";
    case Status::new_:
      break;
  }
  return "new";
}

Json notifications_json(const std::vector<std::string>& errors) {
  Json notifications = Json::array();
  for (const std::string& error : errors) {
    notifications.push_back({{"level", "error"}, {"message", {{"text", error}}}});
  }
  return notifications;
}

}  // namespace

std::string sarif_uri(std::string_view path, const std::optional<std::string>& entry) {
  while (path.starts_with("./")) {
    path.remove_prefix(2);
  }
  std::string uri = path.starts_with('/') ? "file://" : "";
  uri += percent_encode(path);
  if (entry) {
    uri += '/';
    uri += percent_encode(*entry);
  }
  return uri;
}

std::string_view security_severity(rules::Severity severity) {
  switch (severity) {
    case rules::Severity::critical:
      return "9.0";
    case rules::Severity::high:
      return "7.5";
    case rules::Severity::medium:
      return "5.0";
    case rules::Severity::low:
      return "3.0";
    case rules::Severity::info:
      break;
  }
  return "1.0";
}

std::string_view sarif_level(rules::Severity severity) {
  if (severity >= rules::Severity::high) {
    return "error";
  }
  return severity == rules::Severity::medium ? "warning" : "note";
}

SarifSink::SarifSink(std::ostream& out, std::string tool_version)
    : out_(out), tool_version_(std::move(tool_version)) {}

void SarifSink::rules(std::span<const rules::Rule> all) {
  for (const rules::Rule& rule : all) {
    if (rule_indices_.contains(rule.id)) {
      continue;
    }
    rule_indices_.emplace(rule.id, rules_.size());
    rules_.push_back({rule.id, rule.category, rule.severity, rule.description, rule.remediation,
                      !rule.validator_name.empty()});
  }
}

void SarifSink::input(const InputReport& input) {
  errors_.insert(errors_.end(), input.errors.begin(), input.errors.end());
}

void SarifSink::findings(std::span<const Finding> batch) {
  for (const Finding& finding : batch) {
    results_.add(result_json(finding));
  }
}

// A finding of a rule the sink was not told about still gets a rule entry, so that every
// result's ruleId is in the driver's rules. Rules are only ever appended, so the ruleIndex of a
// result rendered early stays right.
std::size_t SarifSink::rule_index(const Finding& finding) {
  const auto known = rule_indices_.find(finding.rule);
  if (known != rule_indices_.end()) {
    return known->second;
  }
  rule_indices_.emplace(finding.rule, rules_.size());
  rules_.push_back({finding.rule, finding.category, finding.severity, "", "", false});
  return rules_.size() - 1;
}

Json SarifSink::result_json(const Finding& finding) {
  const std::size_t index = rule_index(finding);
  const SarifRule& rule = rules_[index];
  const std::string_view description = rule.description.empty() ? rule.id : rule.description;
  Json result{{"ruleId", finding.rule},
              {"ruleIndex", index},
              {"level", sarif_level(finding.severity)},
              {"message", {{"text", fmt::format("{}: {}", description, finding.match)}}},
              {"locations", {location_json(finding.location)}},
              {"partialFingerprints", {{kFingerprintKey, finding.fingerprint}}}};
  if (finding.status) {
    result["baselineState"] = baseline_state(*finding.status);
  }
  result["properties"] = result_properties(finding);
  return result;
}

// After the results of the inputs' findings.
void SarifSink::fixed(std::span<const Finding> findings) {
  this->findings(findings);
}

// The document as dump_json(document, 2) lays it out; the results, the run's last member, come
// from the spill file.
void SarifSink::finish(const Summary& summary) {
  Json rule_list = Json::array();
  for (const SarifRule& rule : rules_) {
    rule_list.push_back(rule_json(rule));
  }
  const Json driver{{"name", "waudit"},
                    {"version", tool_version_},
                    {"semanticVersion", tool_version_},
                    {"rules", rule_list}};
  const Json invocation{{"executionSuccessful", summary.errors == 0},
                        {"toolExecutionNotifications", notifications_json(errors_)}};
  out_ << "{\n"
       << json_member("$schema", kSchema, 1) << ",\n"
       << json_member("version", "2.1.0", 1) << ",\n"
       << "  \"runs\": [\n    {\n"
       << json_member("tool", {{"driver", driver}}, 3) << ",\n"
       << json_member("invocations", Json::array({invocation}), 3) << ",\n"
       << json_member("columnKind", "unicodeCodePoints", 3) << ",\n"
       << "      \"results\": ";
  results_.write(out_);
  out_ << "\n    }\n  ]\n}\n";
}

}  // namespace waudit::report
