// Loads rule packs (TOML) into rules. Every error names the pack and the line:
//   patterns/financial.toml:12: unknown validator "iban-mod98"
#pragma once

#include "rules/rule.hpp"

#include <tl/expected.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace waudit::rules {

// Parses one pack; `source_name` is how messages name it.
[[nodiscard]] tl::expected<std::vector<Rule>, std::string> parse_rule_pack(
    std::string_view toml, std::string_view source_name);

// The packs compiled into the binary. Two entries with one name are an error.
[[nodiscard]] tl::expected<std::vector<Rule>, std::string> load_builtin_rules();

// A user's pack from disk; its rules are added to (or, with the same name, replace) the others.
[[nodiscard]] tl::expected<std::vector<Rule>, std::string> load_rule_file(
    const std::filesystem::path& path);

// Adds `extra` to `rules`; a rule with a name already present replaces the earlier one.
void merge_rules(std::vector<Rule>& rules, std::vector<Rule> extra);

}  // namespace waudit::rules
