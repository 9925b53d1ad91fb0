#include "audit/rule_catalog.hpp"

#include "rules/rule_pack.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <ostream>

namespace waudit::audit {
namespace {

std::string_view scope_name(rules::ContextScope scope) {
  switch (scope) {
    case rules::ContextScope::message:
      return "message";
    case rules::ContextScope::previous:
      return "previous";
    case rules::ContextScope::message_or_previous:
      break;
  }
  return "message-or-previous";
}

nlohmann::ordered_json rule_json(const rules::Rule& rule) {
  return {{"id", rule.id},
          {"name", rule.name},
          {"category", rule.category},
          {"severity", rules::to_string(rule.severity)},
          {"description", rule.description},
          {"remediation", rule.remediation},
          {"validator", rule.validator_name.empty() ? nlohmann::ordered_json(nullptr)
                                                    : nlohmann::ordered_json(rule.validator_name)},
          {"context",
           {{"keywords", rule.context_keywords},
            {"required", rule.context_required},
            {"negative", rule.negative_keywords},
            {"scope", scope_name(rule.context_scope)}}},
          {"per_message", rule.per_message},
          {"negatable", rule.negatable},
          {"source", rule.source}};
}

void write_text_list(const std::vector<rules::Rule>& rules, std::ostream& out) {
  std::size_t id_width = 2;
  std::size_t name_width = 4;
  std::size_t category_width = 8;
  for (const rules::Rule& rule : rules) {
    id_width = std::max(id_width, rule.id.size());
    name_width = std::max(name_width, rule.name.size());
    category_width = std::max(category_width, rule.category.size());
  }
  const auto row = [&](std::string_view id, std::string_view name, std::string_view category,
                       std::string_view severity, std::string_view description) {
    fmt::print(out, "{:<{}}  {:<{}}  {:<{}}  {:<8}  {}\n", id, id_width, name, name_width, category,
               category_width, severity, description);
  };
  row("ID", "NAME", "CATEGORY", "SEVERITY", "DESCRIPTION");
  for (const rules::Rule& rule : rules) {
    row(rule.id, rule.name, rule.category, rules::to_string(rule.severity), rule.description);
  }
}

std::vector<std::string> values_found(const detect::Detector& detector, const std::string& id,
                                      const rules::Example& example) {
  const std::string& text = example.text;
  std::vector<detect::Detection> detections;
  detector.scan(detect::ScanText{text, 0, 0, example.previous}, detections);
  std::vector<std::string> values;
  for (const detect::Detection& detection : detections) {
    if (detector.rules()[detection.rule_index].id == id) {
      values.push_back(text.substr(detection.begin, detection.end - detection.begin));
    }
  }
  return values;
}

// Example texts may span lines; messages about them stay on one.
std::string one_line(std::string_view text) {
  std::string out;
  for (const char c : text) {
    out += c == '\n' ? std::string("\\n") : c == '\r' ? std::string("\\r") : std::string(1, c);
  }
  return out;
}

std::string quoted_list(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& value : values) {
    out += fmt::format("{}\"{}\"", out.empty() ? "" : ", ", one_line(value));
  }
  return "[" + out + "]";
}

void check_rule(const detect::Detector& detector, const rules::Rule& rule,
                std::vector<std::string>& failures) {
  const std::string prefix = fmt::format("{}: rule {}", rule.source, rule.name);
  for (const rules::Example& example : rule.must_match) {
    const auto values = values_found(detector, rule.id, example);
    const bool holds = values.size() == 1 && (example.value.empty() || values[0] == example.value);
    if (!holds) {
      failures.push_back(fmt::format(
          "{}: match example \"{}\" should give {}, gives {}", prefix, one_line(example.text),
          example.value.empty() ? std::string("one finding")
                                : fmt::format("\"{}\"", one_line(example.value)),
          quoted_list(values)));
    }
  }
  for (const rules::Example& example : rule.must_not_match) {
    const auto values = values_found(detector, rule.id, example);
    if (!values.empty()) {
      failures.push_back(fmt::format("{}: no_match example \"{}\" gives {}", prefix,
                                     one_line(example.text), quoted_list(values)));
    }
  }
}

}  // namespace

void write_rule_list(const std::vector<rules::Rule>& rules, ListFormat format, std::ostream& out) {
  if (format == ListFormat::text) {
    write_text_list(rules, out);
    return;
  }
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const rules::Rule& rule : rules) {
    list.push_back(rule_json(rule));
  }
  out << list.dump(2) << '\n';
}

std::vector<std::string> failed_examples(const detect::Detector& detector) {
  std::vector<std::string> failures;
  for (const rules::Rule& rule : detector.rules()) {
    check_rule(detector, rule, failures);
  }
  return failures;
}

RuleCheckOutcome check_rule_pack(const std::filesystem::path& path, std::ostream& out,
                                 std::ostream& err) {
  RuleCheckOutcome outcome;
  auto rules = rules::load_rule_file(path);
  auto detector = rules ? detect::Detector::create(std::move(*rules))
                        : tl::expected<detect::Detector, std::string>(tl::unexpect, rules.error());
  if (!detector) {
    fmt::print(err, "waudit: error: {}\n", detector.error());
    outcome.exit_code = 2;
    return outcome;
  }
  outcome.rules = detector->rules().size();
  for (const rules::Rule& rule : detector->rules()) {
    outcome.examples += rule.must_match.size() + rule.must_not_match.size();
  }
  const auto failures = failed_examples(*detector);
  for (const std::string& failure : failures) {
    fmt::print(out, "{}\n", failure);
  }
  fmt::print(out, "{}: {} rules, {} examples, {} failed\n", path.string(), outcome.rules,
             outcome.examples, failures.size());
  outcome.exit_code = failures.empty() ? 0 : 1;
  return outcome;
}

}  // namespace waudit::audit
