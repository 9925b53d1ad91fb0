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

Json summary_json(const Summary& summary) {
  Json json{{"findings", summary.findings},
            {"by_rule", summary.by_rule},
            {"by_severity", summary.by_severity},
            {"errors", summary.errors}};
  if (summary.allowlisted) {
    json["allowlisted"] = *summary.allowlisted;
  }
  if (summary.baseline) {
    json["new"] = summary.baseline->new_;
    json["existing"] = summary.baseline->existing;
    json["fixed"] = summary.baseline->fixed;
  }
  if (summary.ignored) {
    json["ignored"] = *summary.ignored;
  }
  return json;
}

}  // namespace

JsonSink::JsonSink(std::ostream& out, std::string tool_version)
    : out_(out), tool_version_(std::move(tool_version)) {}

void JsonSink::input(const InputReport& input) {
  inputs_.push_back(input);
}

void JsonSink::findings(std::span<const Finding> batch) {
  for (const Finding& finding : batch) {
    findings_.add(finding_json(finding));
  }
}

void JsonSink::fixed(std::span<const Finding> findings) {
  fixed_.emplace(2);
  for (const Finding& finding : findings) {
    fixed_->add(finding_json(finding));
  }
}

// The document's members in order, each as dump_json(document, 2) lays it out.
void JsonSink::finish(const Summary& summary) {
  Json inputs = Json::array();
  for (const InputReport& input : inputs_) {
    inputs.push_back(input_json(input));
  }
  out_ << "{\n"
       << json_member("schema", "waudit-findings/1", 1) << ",\n"
       << json_member("tool", {{"name", "waudit"}, {"version", tool_version_}}, 1) << ",\n"
       << json_member("inputs", inputs, 1) << ",\n"
       << "  \"findings\": ";
  findings_.write(out_);
  if (fixed_) {
    out_ << ",\n  \"fixed\": ";
    fixed_->write(out_);
  }
  out_ << ",\n" << json_member("summary", summary_json(summary), 1) << "\n}\n";
}

}  // namespace waudit::report
