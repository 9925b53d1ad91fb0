#include "report/json_sink.hpp"

#include <nlohmann/json.hpp>

namespace waudit::report {
namespace {

using Json = nlohmann::ordered_json;  // keeps CONTRACT.md's key order

template <typename T>
Json optional_value(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json input_json(const InputReport& input) {
  Json json{{"path", input.path},
            {"kind", input.kind},
            {"chats", input.chats},
            {"messages", input.messages},
            {"errors", input.errors}};
  if (input.date_order) {
    json["date_order"] = *input.date_order;
    json["date_order_assumed"] = input.date_order_assumed;
  }
  if (input.kind == "zip") {
    json["media"] = input.media;
  }
  return json;
}

Json finding_json(const Finding& finding) {
  const Location& location = finding.location;
  return Json{{"rule", finding.rule},
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
              {"confidence", finding.confidence}};
}

}  // namespace

JsonSink::JsonSink(std::ostream& out, std::string tool_version)
    : out_(out), tool_version_(std::move(tool_version)) {}

void JsonSink::input(const InputReport& input, std::span<const Finding> findings) {
  inputs_.push_back(input);
  findings_.insert(findings_.end(), findings.begin(), findings.end());
}

void JsonSink::finish(const Summary& summary) {
  Json document{{"schema", "waudit-findings/1"},
                {"tool", {{"name", "waudit"}, {"version", tool_version_}}},
                {"inputs", Json::array()},
                {"findings", Json::array()},
                {"summary",
                 {{"findings", summary.findings},
                  {"by_rule", summary.by_rule},
                  {"by_severity", summary.by_severity},
                  {"errors", summary.errors}}}};
  for (const InputReport& input : inputs_) {
    document["inputs"].push_back(input_json(input));
  }
  for (const Finding& finding : findings_) {
    document["findings"].push_back(finding_json(finding));
  }
  // Names and paths may hold invalid UTF-8: shown with U+FFFD rather than failing the report.
  out_ << document.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace waudit::report
