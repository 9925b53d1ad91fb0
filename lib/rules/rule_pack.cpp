// Rule packs are TOML: one [[rule]] table per rule (see patterns/financial.toml). Unknown keys
// are errors, so a typo such as `validtor` cannot silently switch a check off.
#include "rules/rule_pack.hpp"

#include "data/embedded_files.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace waudit::rules {
namespace {

using Error = std::string;

const std::set<std::string, std::less<>> kRuleKeys{"id",          "category",    "severity",
                                                   "description", "remediation", "pattern",
                                                   "validator",   "context",     "examples"};

std::string where(std::string_view source, const toml::node& node) {
  return fmt::format("{}:{}", source, node.source().begin.line);
}

tl::expected<std::string, Error> required_string(const toml::table& table, std::string_view key,
                                                 std::string_view source) {
  const auto value = table[key].value<std::string>();
  if (!value || value->empty()) {
    return tl::unexpected(
        fmt::format("{}: rule needs a non-empty string `{}`", where(source, table), key));
  }
  return *value;
}

tl::expected<std::vector<std::string>, Error> string_list(
    const toml::node_view<const toml::node>& node, std::string_view source) {
  std::vector<std::string> out;
  if (!node) {
    return out;
  }
  const toml::array* array = node.as_array();
  if (array == nullptr) {
    return tl::unexpected(
        fmt::format("{}: expected a list of strings", where(source, *node.node())));
  }
  for (const toml::node& item : *array) {
    const auto text = item.value<std::string>();
    if (!text) {
      return tl::unexpected(fmt::format("{}: expected a string", where(source, item)));
    }
    out.push_back(*text);
  }
  return out;
}

// An example is a message text, or a table {text = "...", value = "..."} naming the exact
// value the rule must report in it.
tl::expected<std::vector<Example>, Error> examples(const toml::node_view<const toml::node>& node,
                                                   std::string_view source) {
  std::vector<Example> out;
  if (!node) {
    return out;
  }
  const toml::array* array = node.as_array();
  if (array == nullptr) {
    return tl::unexpected(fmt::format("{}: examples must be a list", where(source, *node.node())));
  }
  for (const toml::node& item : *array) {
    if (const auto text = item.value<std::string>()) {
      out.push_back(Example{*text, ""});
    } else if (const toml::table* table = item.as_table()) {
      out.push_back(Example{(*table)["text"].value_or(std::string()),
                            (*table)["value"].value_or(std::string())});
    } else {
      return tl::unexpected(
          fmt::format("{}: example must be a string or a table", where(source, item)));
    }
  }
  return out;
}

tl::expected<void, Error> check_keys(const toml::table& table, std::string_view source) {
  for (const auto& [key, value] : table) {
    if (!kRuleKeys.contains(key.str())) {
      return tl::unexpected(
          fmt::format("{}: unknown key `{}` in rule", where(source, value), key.str()));
    }
  }
  return {};
}

tl::expected<void, Error> read_texts(const toml::table& table, std::string_view source,
                                     Rule& rule) {
  auto id = required_string(table, "id", source);
  auto category = required_string(table, "category", source);
  auto pattern = required_string(table, "pattern", source);
  auto description = required_string(table, "description", source);
  for (const auto* field : {&id, &category, &pattern, &description}) {
    if (!*field) {
      return tl::unexpected(field->error());
    }
  }
  rule.id = *id;
  rule.category = *category;
  rule.pattern = *pattern;
  rule.description = *description;
  rule.remediation = table["remediation"].value_or(std::string());
  return {};
}

tl::expected<void, Error> read_checks(const toml::table& table, std::string_view source,
                                      Rule& rule) {
  const std::string severity = table["severity"].value_or(std::string("medium"));
  const auto parsed = parse_severity(severity);
  if (!parsed) {
    return tl::unexpected(
        fmt::format("{}: unknown severity \"{}\"", where(source, table), severity));
  }
  rule.severity = *parsed;
  rule.validator_name = table["validator"].value_or(std::string());
  if (!rule.validator_name.empty()) {
    rule.validator = validate::find_validator(rule.validator_name);
    if (rule.validator == nullptr) {
      return tl::unexpected(fmt::format("{}: unknown validator \"{}\"",
                                        where(source, *table["validator"].node()),
                                        rule.validator_name));
    }
  }
  return {};
}

tl::expected<void, Error> read_lists(const toml::table& table, std::string_view source,
                                     Rule& rule) {
  auto keywords = string_list(table["context"]["keywords"], source);
  auto must_match = examples(table["examples"]["match"], source);
  auto must_not_match = examples(table["examples"]["no_match"], source);
  if (!keywords) {
    return tl::unexpected(keywords.error());
  }
  if (!must_match) {
    return tl::unexpected(must_match.error());
  }
  if (!must_not_match) {
    return tl::unexpected(must_not_match.error());
  }
  rule.context_keywords = std::move(*keywords);
  rule.context_required = table["context"]["required"].value_or(false);
  rule.must_match = std::move(*must_match);
  rule.must_not_match = std::move(*must_not_match);
  return {};
}

tl::expected<Rule, Error> read_rule(const toml::table& table, std::string_view source) {
  Rule rule;
  rule.source = std::string(source);
  if (auto done = check_keys(table, source); !done) {
    return tl::unexpected(done.error());
  }
  if (auto done = read_texts(table, source, rule); !done) {
    return tl::unexpected(done.error());
  }
  if (auto done = read_checks(table, source, rule); !done) {
    return tl::unexpected(done.error());
  }
  if (auto done = read_lists(table, source, rule); !done) {
    return tl::unexpected(done.error());
  }
  return rule;
}

}  // namespace

tl::expected<std::vector<Rule>, std::string> parse_rule_pack(std::string_view toml,
                                                             std::string_view source_name) {
  toml::table document;
  try {
    document = toml::parse(toml, source_name);
  } catch (const toml::parse_error& error) {
    return tl::unexpected(
        fmt::format("{}:{}: {}", source_name, error.source().begin.line, error.description()));
  }
  const toml::array* list = document["rule"].as_array();
  if (list == nullptr) {
    return tl::unexpected(fmt::format("{}: no [[rule]] tables", source_name));
  }
  std::vector<Rule> rules;
  for (const toml::node& node : *list) {
    const toml::table* table = node.as_table();
    if (table == nullptr) {
      return tl::unexpected(
          fmt::format("{}: `rule` must be a list of tables", where(source_name, node)));
    }
    auto rule = read_rule(*table, source_name);
    if (!rule) {
      return tl::unexpected(rule.error());
    }
    rules.push_back(std::move(*rule));
  }
  return rules;
}

tl::expected<std::vector<Rule>, std::string> load_builtin_rules() {
  std::vector<Rule> rules;
  for (const data::EmbeddedFile& file : data::embedded_files()) {
    if (file.name.starts_with("locales/")) {
      continue;
    }
    auto pack = parse_rule_pack(file.content, fmt::format("patterns/{}", file.name));
    if (!pack) {
      return tl::unexpected(pack.error());
    }
    merge_rules(rules, std::move(*pack));
  }
  return rules;
}

tl::expected<std::vector<Rule>, std::string> load_rule_file(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    return tl::unexpected(fmt::format("{}: cannot read rule pack", path.string()));
  }
  std::ostringstream content;
  content << file.rdbuf();
  return parse_rule_pack(content.str(), path.string());
}

void merge_rules(std::vector<Rule>& rules, std::vector<Rule> extra) {
  for (Rule& rule : extra) {
    auto same = std::find_if(rules.begin(), rules.end(),
                             [&](const Rule& existing) { return existing.id == rule.id; });
    if (same != rules.end()) {
      *same = std::move(rule);
    } else {
      rules.push_back(std::move(rule));
    }
  }
}

}  // namespace waudit::rules
