// The configuration file (.waudit.toml): defaults for scan options, rule settings, values that
// are never reported, and the names of the company's side of the chats. Every error names the
// file and line, as rule packs do; unknown keys are errors, so a misspelt key cannot silently
// leave a setting out:
//   .waudit.toml:7: unknown key `disable` in [rules]
#pragma once

#include "config/rule_settings.hpp"

#include <tl/expected.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace waudit::config {

// A setting that a command-line option overrides, with where the file sets it; its value is
// checked by whoever knows the option's values.
struct Setting {
  std::string value;
  std::string where;  // "waudit.toml:3"
};

struct Config {
  std::string source;               // the file as messages name it
  std::optional<Setting> format;    // default of --format
  std::optional<Setting> fail_on;   // default of --fail-on
  std::optional<Setting> timezone;  // default of --timezone
  RuleSettings rules;
  // Values never reported (the company's own IBAN, hotline, address), as written; compared
  // with a finding's value after text::normalize_value, like the detectors compare.
  std::vector<std::string> allowed_values;
  std::vector<std::string> owners;  // sender names of the company's side, for the report
};

// Parses one configuration file; `source` is how messages name it.
[[nodiscard]] tl::expected<Config, std::string> parse_config(std::string_view toml,
                                                             std::string_view source);

// Reads and parses the file at `path`.
[[nodiscard]] tl::expected<Config, std::string> load_config_file(const std::filesystem::path& path);

// The file to read: `given` (--config), else the environment variable WAUDIT_CONFIG when set
// and not empty, else .waudit.toml in the working directory when it exists; nullopt for none.
std::optional<std::filesystem::path> find_config_file(
    const std::optional<std::filesystem::path>& given);

// The name of the file looked for in the working directory.
inline constexpr std::string_view kConfigFileName = ".waudit.toml";

}  // namespace waudit::config
