// Rule packs are TOML: one [[rule]] table per rule (see patterns/financial.toml). Unknown keys
// are errors, so a typo such as `validtor` cannot silently switch a check off.
#include "rules/rule_pack.hpp"

#include "data/embedded_files.hpp"
#include "rules/term_pattern.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <tuple>

namespace waudit::rules {
namespace {

using Error = std::string;

using KeySet = std::set<std::string, std::less<>>;

const KeySet kRuleKeys{"id",          "name",        "category", "severity",  "description",
                       "remediation", "pattern",     "terms",    "validator", "context",
                       "examples",    "per_message", "negatable"};
const KeySet kContextKeys{"keywords", "required", "negative", "scope"};
const KeySet kExampleKeys{"match", "no_match"};
const KeySet kNegationKeys{"before", "after"};
const KeySet kPackKeys{"rule", "negation"};
const KeySet kExampleFields{"text", "value", "previous"};

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

// An example is a message text, or a table {text = "...", value = "...", previous = "..."}
// naming the exact value the rule must report in it, and the message before it.
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
      out.push_back(Example{*text, "", ""});
    } else if (const toml::table* table = item.as_table()) {
      const auto unknown = std::find_if(table->begin(), table->end(), [](const auto& entry) {
        return !kExampleFields.contains(entry.first.str());
      });
      if (unknown != table->end() || !(*table)["text"].is_string()) {
        return tl::unexpected(fmt::format(
            "{}: an example table has `text` and optionally `value` and `previous`, nothing else",
            where(source, item)));
      }
      out.push_back(Example{(*table)["text"].value_or(std::string()),
                            (*table)["value"].value_or(std::string()),
                            (*table)["previous"].value_or(std::string())});
    } else {
      return tl::unexpected(
          fmt::format("{}: example must be a string or a table", where(source, item)));
    }
  }
  return out;
}

tl::expected<void, Error> check_keys(const toml::node_view<const toml::node>& node,
                                     const KeySet& known, std::string_view what,
                                     std::string_view source) {
  if (!node) {
    return {};
  }
  const toml::table* table = node.as_table();
  if (table == nullptr) {
    return tl::unexpected(
        fmt::format("{}: `{}` must be a table", where(source, *node.node()), what));
  }
  for (const auto& [key, value] : *table) {
    if (!known.contains(key.str())) {
      return tl::unexpected(
          fmt::format("{}: unknown key `{}` in {}", where(source, value), key.str(), what));
    }
  }
  return {};
}

tl::expected<void, Error> check_rule_keys(const toml::table& table, std::string_view source) {
  const toml::node_view<const toml::node> rule{table};
  for (const auto& [node, known, what] :
       {std::tuple{rule, &kRuleKeys, "rule"}, std::tuple{rule["context"], &kContextKeys, "context"},
        std::tuple{rule["examples"], &kExampleKeys, "examples"}}) {
    if (auto done = check_keys(node, *known, what, source); !done) {
      return done;
    }
  }
  return {};
}

// A rule has a pattern, or terms that are turned into one.
tl::expected<std::string, Error> read_pattern(const toml::table& table, std::string_view source) {
  const bool has_pattern = table.contains("pattern");
  if (has_pattern == table.contains("terms")) {
    return tl::unexpected(
        fmt::format("{}: rule needs either `pattern` or `terms`, not both", where(source, table)));
  }
  if (has_pattern) {
    return required_string(table, "pattern", source);
  }
  auto terms = string_list(table["terms"], source);
  if (!terms) {
    return tl::unexpected(terms.error());
  }
  auto pattern = pattern_from_terms(*terms);
  if (!pattern) {
    return tl::unexpected(
        fmt::format("{}: {}", where(source, *table["terms"].node()), pattern.error()));
  }
  return *pattern;
}

tl::expected<void, Error> read_texts(const toml::table& table, std::string_view source,
                                     Rule& rule) {
  auto id = required_string(table, "id", source);
  auto category = required_string(table, "category", source);
  auto pattern = read_pattern(table, source);
  auto description = required_string(table, "description", source);
  for (const auto* field : {&id, &category, &pattern, &description}) {
    if (!*field) {
      return tl::unexpected(field->error());
    }
  }
  rule.id = *id;
  rule.name = table["name"].value_or(*id);
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
  const std::string scope = table["context"]["scope"].value_or(std::string("message-or-previous"));
  const auto parsed_scope = parse_context_scope(scope);
  if (!parsed_scope) {
    return tl::unexpected(
        fmt::format("{}: unknown context scope \"{}\" (message-or-previous, message, previous)",
                    where(source, table), scope));
  }
  rule.context_scope = *parsed_scope;
  rule.per_message = table["per_message"].value_or(table.contains("terms"));
  rule.negatable = table["negatable"].value_or(false);
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
  auto negative = string_list(table["context"]["negative"], source);
  if (!negative) {
    return tl::unexpected(negative.error());
  }
  rule.context_keywords = std::move(*keywords);
  rule.negative_keywords = std::move(*negative);
  rule.context_required = table["context"]["required"].value_or(false);
  rule.must_match = std::move(*must_match);
  rule.must_not_match = std::move(*must_not_match);
  return {};
}

tl::expected<Rule, Error> read_rule(const toml::table& table, std::string_view source) {
  Rule rule;
  rule.source = std::string(source);
  if (auto done = check_rule_keys(table, source); !done) {
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

tl::expected<Negation, Error> read_negation(const toml::table& document, std::string_view source) {
  if (auto done = check_keys(document["negation"], kNegationKeys, "negation", source); !done) {
    return tl::unexpected(done.error());
  }
  auto before = string_list(document["negation"]["before"], source);
  auto after = string_list(document["negation"]["after"], source);
  if (!before) {
    return tl::unexpected(before.error());
  }
  if (!after) {
    return tl::unexpected(after.error());
  }
  return Negation{std::move(*before), std::move(*after)};
}

tl::expected<void, Error> check_unique_names(const std::vector<Rule>& rules) {
  std::set<std::string_view> names;
  for (const Rule& rule : rules) {
    if (!names.insert(rule.name).second) {
      return tl::unexpected(
          fmt::format("{}: rule name \"{}\" is used twice (give entries that share an id a `name`)",
                      rule.source, rule.name));
    }
  }
  return {};
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
  if (auto done = check_keys(toml::node_view<const toml::node>{document}, kPackKeys, "rule pack",
                             source_name);
      !done) {
    return tl::unexpected(done.error());
  }
  const toml::array* list = document["rule"].as_array();
  if (list == nullptr) {
    return tl::unexpected(fmt::format("{}: no [[rule]] tables", source_name));
  }
  auto negation = read_negation(document, source_name);
  if (!negation) {
    return tl::unexpected(negation.error());
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
    if (rule->negatable) {
      rule->negation = *negation;
    }
    rules.push_back(std::move(*rule));
  }
  if (auto unique = check_unique_names(rules); !unique) {
    return tl::unexpected(unique.error());
  }
  return rules;
}

// Rule packs are the embedded files at the top of patterns/; folders below it hold other data
// (locales/).
tl::expected<std::vector<Rule>, std::string> load_builtin_rules() {
  std::vector<Rule> rules;
  for (const data::EmbeddedFile& file : data::embedded_files()) {
    if (file.name.find('/') != std::string_view::npos) {
      continue;
    }
    auto pack = parse_rule_pack(file.content, fmt::format("patterns/{}", file.name));
    if (!pack) {
      return tl::unexpected(pack.error());
    }
    std::move(pack->begin(), pack->end(), std::back_inserter(rules));
  }
  if (auto unique = check_unique_names(rules); !unique) {
    return tl::unexpected(unique.error());
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
                             [&](const Rule& existing) { return existing.name == rule.name; });
    if (same != rules.end()) {
      *same = std::move(rule);
    } else {
      rules.push_back(std::move(rule));
    }
  }
}

}  // namespace waudit::rules
