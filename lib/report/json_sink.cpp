#include "report/json_sink.hpp"

#include "report/finding_json.hpp"

namespace waudit::report {
namespace {

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
  if (input.encoding) {
    json["encoding"] = *input.encoding;
  }
  // A phone database's media: counted when it names any, listed when its media folder was
  // in hand (audit/backup_scan.hpp).
  const bool listed_media = !input.media.empty() || !input.media_missing.empty();
  if (input.kind == "txt" || input.kind == "zip" || input.media_referenced > 0) {
    json["media_referenced"] = input.media_referenced;
  }
  if (input.kind == "zip") {
    json["media"] = input.media;
    json["media_missing"] = input.media_missing;
    json["media_unreferenced"] = input.media_unreferenced;
  } else if (listed_media) {
    json["media"] = input.media;
    json["media_missing"] = input.media_missing;
  }
  if (input.ocr) {
    // Only what the inputs decide: the time and the share taken from the cache vary between
    // runs, and the same inputs give byte-identical reports (they go to standard error).
    json["ocr"] = {{"images", input.ocr->images},
                   {"read", input.ocr->read + input.ocr->cached},
                   {"skipped", input.ocr->skipped}};
  }
  return json;
}

}  // namespace

JsonSink::JsonSink(std::ostream& out, std::string tool_version)
    : out_(out), tool_version_(std::move(tool_version)) {}

void JsonSink::input(const InputReport& input, std::span<const Finding> findings) {
  inputs_.push_back(input);
  findings_.insert(findings_.end(), findings.begin(), findings.end());
}

void JsonSink::fixed(std::span<const Finding> findings) {
  fixed_.emplace(findings.begin(), findings.end());
}

void JsonSink::finish(const Summary& summary) {
  Json document{{"schema", "waudit-findings/1"},
                {"tool", {{"name", "waudit"}, {"version", tool_version_}}},
                {"inputs", Json::array()},
                {"findings", Json::array()}};
  if (fixed_) {
    document["fixed"] = Json::array();  // before the summary: the document keeps key order
  }
  document["summary"] = {{"findings", summary.findings},
                         {"by_rule", summary.by_rule},
                         {"by_severity", summary.by_severity},
                         {"errors", summary.errors}};
  if (summary.allowlisted) {
    document["summary"]["allowlisted"] = *summary.allowlisted;
  }
  if (summary.baseline) {
    document["summary"]["new"] = summary.baseline->new_;
    document["summary"]["existing"] = summary.baseline->existing;
    document["summary"]["fixed"] = summary.baseline->fixed;
  }
  if (summary.ignored) {
    document["summary"]["ignored"] = *summary.ignored;
  }
  for (const InputReport& input : inputs_) {
    document["inputs"].push_back(input_json(input));
  }
  for (const Finding& finding : findings_) {
    document["findings"].push_back(finding_json(finding));
  }
  if (fixed_) {
    for (const Finding& finding : *fixed_) {
      document["fixed"].push_back(finding_json(finding));
    }
  }
  out_ << dump_json(document, 2) << '\n';
}

}  // namespace waudit::report
