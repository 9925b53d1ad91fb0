// Reading a baseline is strict about what matching and reporting need (schema, findings with
// rule, fingerprint and location) and tolerant of fields it does not know, as CONTRACT.md asks
// of readers. The reasons for a refusal name the field, never a value from the file.
#include "audit/baseline.hpp"

#include "audit/scan.hpp"
#include "report/mask.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>
#include <stdexcept>
#include <utility>

namespace waudit::audit {
namespace {

using Json = nlohmann::json;

constexpr std::string_view kSchema = "waudit-findings/1";

// Why the document is not a report; thrown inside parse() only and turned into its error.
struct NotAReport {
  std::string reason;
};

// The member `key` of `object`; nullptr when it is missing or null.
const Json* member(const Json& object, const char* key) {
  const auto found = object.find(key);
  return found == object.end() || found->is_null() ? nullptr : &*found;
}

std::optional<std::string> optional_text(const Json& object, const char* key,
                                         const std::string& where) {
  const Json* value = member(object, key);
  if (value == nullptr) {
    return std::nullopt;
  }
  if (!value->is_string()) {
    throw NotAReport{fmt::format("{}.{} is not a string", where, key)};
  }
  return value->get<std::string>();
}

std::string required_text(const Json& object, const char* key, const std::string& where) {
  std::optional<std::string> value = optional_text(object, key, where);
  if (!value || value->empty()) {
    throw NotAReport{fmt::format("{} has no \"{}\"", where, key)};
  }
  return std::move(*value);
}

std::optional<std::uint64_t> optional_count(const Json& object, const char* key,
                                            const std::string& where) {
  const Json* value = member(object, key);
  if (value == nullptr) {
    return std::nullopt;
  }
  if (!value->is_number_unsigned()) {
    throw NotAReport{fmt::format("{}.{} is not a whole number", where, key)};
  }
  return value->get<std::uint64_t>();
}

report::Location read_location(const Json& finding, const std::string& where) {
  const Json* location = member(finding, "location");
  const std::string at = where + ".location";
  if (location == nullptr || !location->is_object()) {
    throw NotAReport{fmt::format("{} has no \"location\"", where)};
  }
  return {required_text(*location, "path", at), optional_text(*location, "entry", at),
          optional_count(*location, "line", at), optional_count(*location, "column", at)};
}

rules::Severity read_severity(const Json& finding, const std::string& where) {
  const std::optional<std::string> name = optional_text(finding, "severity", where);
  if (!name) {
    return rules::Severity::medium;
  }
  const std::optional<rules::Severity> severity = rules::parse_severity(*name);
  if (!severity) {
    throw NotAReport{fmt::format("{}.severity is not a severity", where)};
  }
  return *severity;
}

report::Finding read_finding(const Json& json, std::size_t index) {
  const std::string where = fmt::format("findings[{}]", index);
  if (!json.is_object()) {
    throw NotAReport{where + " is not an object"};
  }
  report::Finding finding;
  finding.rule = required_text(json, "rule", where);
  finding.category = optional_text(json, "category", where).value_or("");
  finding.severity = read_severity(json, where);
  finding.location = read_location(json, where);
  finding.chat = optional_text(json, "chat", where).value_or("");
  finding.sender = optional_text(json, "sender", where);
  finding.timestamp = optional_text(json, "timestamp", where);
  finding.match = optional_text(json, "match", where).value_or("");
  finding.attachment = optional_text(json, "attachment", where);
  finding.fingerprint = required_text(json, "fingerprint", where);
  if (const Json* confidence = member(json, "confidence"); confidence != nullptr) {
    if (!confidence->is_number()) {
      throw NotAReport{where + ".confidence is not a number"};
    }
    finding.confidence = confidence->get<double>();
  }
  if (const Json* owner = member(json, "sender_is_owner");
      owner != nullptr && owner->is_boolean()) {
    finding.sender_is_owner = owner->get<bool>();
  }
  finding.status = report::Status::fixed;  // what it will be if this run does not have it
  return finding;
}

Json parse_json(std::string_view text) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    throw NotAReport{"the file is empty"};
  }
  try {
    return Json::parse(text);
  } catch (const Json::parse_error& error) {
    throw NotAReport{fmt::format("invalid JSON at byte {}", error.byte)};
  }
}

}  // namespace

tl::expected<Baseline, std::string> Baseline::parse(std::string_view json, std::string name) {
  Baseline baseline;
  baseline.name_ = std::move(name);
  try {
    const Json document = parse_json(json);
    const Json* schema = document.is_object() ? member(document, "schema") : nullptr;
    if (schema == nullptr || !schema->is_string() || schema->get<std::string>() != kSchema) {
      throw NotAReport{fmt::format("no \"schema\": \"{}\"", kSchema)};
    }
    const Json* findings = member(document, "findings");
    if (findings == nullptr || !findings->is_array()) {
      throw NotAReport{"no \"findings\" list"};
    }
    for (std::size_t i = 0; i < findings->size(); ++i) {
      baseline.findings_.push_back(read_finding((*findings)[i], i));
      baseline.fingerprints_.insert(baseline.findings_.back().fingerprint);
    }
  } catch (const NotAReport& problem) {
    return tl::unexpected(problem.reason);
  }
  report::sort_findings(baseline.findings_);
  return baseline;
}

void Baseline::mask() {
  for (report::Finding& finding : findings_) {
    const report::Reveal reveal = report::reveal_for_category(finding.category);
    if (!report::looks_masked(finding.match, reveal)) {
      finding.match = report::mask_value(finding.match, reveal);
    }
  }
}

void Baseline::mark(std::span<report::Finding> findings) {
  for (report::Finding& finding : findings) {
    ++marked_;
    if (fingerprints_.contains(finding.fingerprint)) {
      finding.status = report::Status::existing;
      seen_.insert(finding.fingerprint);
    } else {
      finding.status = report::Status::new_;
    }
  }
}

std::vector<report::Finding> Baseline::fixed() const {
  std::vector<report::Finding> gone;
  for (const report::Finding& finding : findings_) {
    if (!seen_.contains(finding.fingerprint)) {
      gone.push_back(finding);
    }
  }
  return gone;
}

std::optional<std::string> Baseline::key_warning() const {
  if (findings_.empty() || marked_ == 0 || !seen_.empty()) {
    return std::nullopt;
  }
  return fmt::format(
      "{}: none of this scan's {} findings is among the baseline's {}; was the baseline made "
      "with another fingerprint key?",
      name_, marked_, findings_.size());
}

std::optional<Baseline> load_baseline(const ScanRequest& request) {
  if (!request.baseline) {
    return std::nullopt;
  }
  const std::filesystem::path& file = *request.baseline;
  std::ifstream in(file, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) {
    throw std::runtime_error(fmt::format("{}: cannot read baseline", file.string()));
  }
  auto baseline = Baseline::parse(text, file.string());
  if (!baseline) {
    throw std::runtime_error(
        fmt::format("{}: not a waudit JSON report ({})", file.string(), baseline.error()));
  }
  if (request.show_values == ShowValues::no) {
    baseline->mask();
  }
  return std::move(*baseline);
}

}  // namespace waudit::audit
