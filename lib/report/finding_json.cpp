#include "report/finding_json.hpp"

namespace waudit::report {
namespace {

template <typename T>
Json optional_value(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

}  // namespace

Json finding_json(const Finding& finding) {
  const Location& location = finding.location;
  Json json{{"rule", finding.rule},
            {"category", finding.category},
            {"severity", rules::to_string(finding.severity)},
            {"location",
             {{"path", location.path},
              {"entry", optional_value(location.entry)},
              {"line", optional_value(location.line)},
              {"column", optional_value(location.column)}}},
            {"chat", finding.chat},
            {"sender", optional_value(finding.sender)},
            {"timestamp", optional_value(finding.timestamp)},
            {"match", finding.match},
            {"attachment", optional_value(finding.attachment)},
            {"fingerprint", finding.fingerprint},
            {"confidence", finding.confidence},
            {"negated", finding.negated}};
  if (finding.sender_is_owner) {
    json["sender_is_owner"] = *finding.sender_is_owner;
  }
  if (finding.kind) {
    json["kind"] = *finding.kind;
    json["evidence"] = optional_value(finding.evidence);
  }
  if (finding.status) {
    json["status"] = to_string(*finding.status);
  }
  return json;
}

std::string dump_json(const Json& json, int indent) {
  return json.dump(indent, ' ', false, Json::error_handler_t::replace);
}

}  // namespace waudit::report
