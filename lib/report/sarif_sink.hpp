// SARIF 2.1.0 as GitHub code scanning reads it: one run whose driver lists every rule of the
// scan (security-severity and tags for GitHub's severity levels), one result per finding with
// its location and fingerprint. Written at finish, like the JSON report: each result is rendered
// as its finding comes into a spill file (report/spooled_json.hpp); the rules, which findings of
// rules the sink was not told about may extend, and the inputs' errors stay in memory. Message
// text is never kept and the match stays masked unless --show-values.
#pragma once

#include "report/sink.hpp"
#include "report/spooled_json.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace waudit::report {

// What the run says about one rule: from rules::Rule, or from a finding whose rule the sink
// was not told about.
struct SarifRule {
  std::string id;
  std::string category;
  rules::Severity severity = rules::Severity::medium;
  std::string description;
  std::string remediation;
  bool validated = false;  // a checksum validator confirms every finding
};

class SarifSink final : public Sink {
 public:
  SarifSink(std::ostream& out, std::string tool_version);
  void rules(std::span<const rules::Rule> all) override;
  void input(const InputReport& input) override;
  void findings(std::span<const Finding> batch) override;
  // Results with baselineState "absent", after the others (which are "new" or "unchanged").
  void fixed(std::span<const Finding> findings) override;
  void finish(const Summary& summary) override;

 private:
  std::size_t rule_index(const Finding& finding);
  Json result_json(const Finding& finding);

  std::ostream& out_;
  std::string tool_version_;
  std::vector<SarifRule> rules_;
  std::map<std::string, std::size_t, std::less<>> rule_indices_;
  std::vector<std::string> errors_;
  SpooledJsonArray results_{4};  // the document's runs[0].results
};

// artifactLocation.uri of a finding: the path percent-encoded (RFC 3986; '/' kept), a
// `file://` URI when the path is absolute; for an archive entry the path, '/', and the entry,
// as `exports/chat.zip/_chat.txt` (the form waudit uses for nested archives too).
std::string sarif_uri(std::string_view path, const std::optional<std::string>& entry);

// GitHub's security-severity for a waudit severity: "9.0" critical ... "1.0" info.
std::string_view security_severity(rules::Severity severity);

// SARIF result level: error (high, critical), warning (medium), note (low, info).
std::string_view sarif_level(rules::Severity severity);

}  // namespace waudit::report
