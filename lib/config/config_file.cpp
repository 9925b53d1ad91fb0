#include "config/config_file.hpp"

#include "text/value_normalize.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>

namespace waudit::config {
namespace {

using Error = std::string;
using Keys = std::set<std::string, std::less<>>;

const Keys kTopKeys{"format", "fail_on", "timezone", "owners", "rules", "allow"};
const Keys kRulesKeys{"disabled", "severity"};
const Keys kAllowKeys{"values"};

std::string where(std::string_view source, const toml::node& node) {
  return fmt::format("{}:{}", source, node.source().begin.line);
}

tl::expected<void, Error> check_keys(const toml::table& table, const Keys& known,
                                     std::string_view table_name, std::string_view source) {
  for (const auto& [key, value] : table) {
    if (!known.contains(key.str())) {
      return tl::unexpected(
          fmt::format("{}: unknown key `{}`{}", where(source, value), key.str(),
                      table_name.empty() ? "" : fmt::format(" in [{}]", table_name)));
    }
  }
  return {};
}

tl::expected<const toml::table*, Error> subtable(const toml::table& parent, std::string_view key,
                                                 std::string_view source) {
  const toml::node* node = parent.get(key);
  if (node == nullptr) {
    return nullptr;
  }
  if (!node->is_table()) {
    return tl::unexpected(fmt::format("{}: `{}` must be a table", where(source, *node), key));
  }
  return node->as_table();
}

tl::expected<std::optional<Setting>, Error> setting(const toml::table& table, std::string_view key,
                                                    std::string_view source) {
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    return std::nullopt;
  }
  const auto value = node->value<std::string>();
  if (!value || value->empty()) {
    return tl::unexpected(
        fmt::format("{}: `{}` must be a non-empty string", where(source, *node), key));
  }
  return Setting{*value, where(source, *node)};
}

// A list of non-empty strings, each with the line that holds it.
tl::expected<std::vector<Setting>, Error> string_list(const toml::table& table,
                                                      std::string_view key,
                                                      std::string_view source) {
  std::vector<Setting> out;
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    return out;
  }
  const toml::array* array = node->as_array();
  if (array == nullptr) {
    return tl::unexpected(
        fmt::format("{}: `{}` must be a list of strings", where(source, *node), key));
  }
  for (const toml::node& item : *array) {
    const auto text = item.value<std::string>();
    if (!text || text->empty()) {
      return tl::unexpected(
          fmt::format("{}: `{}` must hold non-empty strings", where(source, item), key));
    }
    out.push_back(Setting{*text, where(source, item)});
  }
  return out;
}

tl::expected<std::vector<SeverityOverride>, Error> severities(const toml::table& table,
                                                              std::string_view source) {
  std::vector<SeverityOverride> out;
  for (const auto& [key, node] : table) {
    const auto name = node.value<std::string>();
    const auto severity = name ? rules::parse_severity(*name) : std::nullopt;
    if (!severity) {
      return tl::unexpected(
          fmt::format("{}: severity of `{}` must be info, low, medium, high or critical",
                      where(source, node), key.str()));
    }
    out.push_back(
        SeverityOverride{RuleName{std::string(key.str()), where(source, node)}, *severity});
  }
  return out;
}

tl::expected<void, Error> read_rules(const toml::table& document, std::string_view source,
                                     Config& config) {
  const auto rules = subtable(document, "rules", source);
  if (!rules) {
    return tl::unexpected(rules.error());
  }
  if (*rules == nullptr) {
    return {};
  }
  if (auto known = check_keys(**rules, kRulesKeys, "rules", source); !known) {
    return known;
  }
  auto disabled = string_list(**rules, "disabled", source);
  if (!disabled) {
    return tl::unexpected(disabled.error());
  }
  for (Setting& name : *disabled) {
    config.rules.disabled.push_back(RuleName{std::move(name.value), std::move(name.where)});
  }
  const auto severity_table = subtable(**rules, "severity", source);
  if (!severity_table) {
    return tl::unexpected(severity_table.error());
  }
  if (*severity_table != nullptr) {
    auto overrides = severities(**severity_table, source);
    if (!overrides) {
      return tl::unexpected(overrides.error());
    }
    config.rules.severities = std::move(*overrides);
  }
  return {};
}

tl::expected<void, Error> read_allow(const toml::table& document, std::string_view source,
                                     Config& config) {
  const auto allow = subtable(document, "allow", source);
  if (!allow) {
    return tl::unexpected(allow.error());
  }
  if (*allow == nullptr) {
    return {};
  }
  if (auto known = check_keys(**allow, kAllowKeys, "allow", source); !known) {
    return known;
  }
  auto values = string_list(**allow, "values", source);
  if (!values) {
    return tl::unexpected(values.error());
  }
  for (Setting& value : *values) {
    // A value of separators only would match nothing: it is a mistake, not an allowlist entry.
    if (text::normalize_value(value.value).empty()) {
      return tl::unexpected(fmt::format("{}: allowed value has no letters or digits", value.where));
    }
    config.allowed_values.push_back(std::move(value.value));
  }
  return {};
}

tl::expected<void, Error> read_options(const toml::table& document, std::string_view source,
                                       Config& config) {
  for (auto [key, field] :
       {std::pair{"format", &config.format}, std::pair{"fail_on", &config.fail_on},
        std::pair{"timezone", &config.timezone}}) {
    auto value = setting(document, key, source);
    if (!value) {
      return tl::unexpected(value.error());
    }
    *field = std::move(*value);
  }
  auto owners = string_list(document, "owners", source);
  if (!owners) {
    return tl::unexpected(owners.error());
  }
  for (Setting& owner : *owners) {
    config.owners.push_back(std::move(owner.value));
  }
  return {};
}

}  // namespace

tl::expected<Config, std::string> parse_config(std::string_view toml, std::string_view source) {
  toml::table document;
  try {
    document = toml::parse(toml, source);
  } catch (const toml::parse_error& error) {
    return tl::unexpected(
        fmt::format("{}:{}: {}", source, error.source().begin.line, error.description()));
  }
  Config config;
  config.source = std::string(source);
  if (auto known = check_keys(document, kTopKeys, "", source); !known) {
    return tl::unexpected(known.error());
  }
  for (auto* read : {&read_options, &read_rules, &read_allow}) {
    if (auto done = read(document, source, config); !done) {
      return tl::unexpected(done.error());
    }
  }
  return config;
}

tl::expected<Config, std::string> load_config_file(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    return tl::unexpected(fmt::format("{}: cannot read configuration file", path.string()));
  }
  std::ostringstream content;
  content << file.rdbuf();
  return parse_config(content.str(), path.string());
}

std::optional<std::filesystem::path> find_config_file(
    const std::optional<std::filesystem::path>& given) {
  if (given) {
    return given;
  }
  const char* from_environment = std::getenv("WAUDIT_CONFIG");
  if (from_environment != nullptr && *from_environment != '\0') {
    return std::filesystem::path(from_environment);
  }
  std::error_code error;
  const std::filesystem::path here(kConfigFileName);
  if (std::filesystem::exists(here, error)) {
    return here;
  }
  return std::nullopt;
}

}  // namespace waudit::config
