#include "config/config_file.hpp"

#include "../temp_dir.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

TEST_SUITE_BEGIN("config");

using waudit::config::parse_config;
using waudit::rules::Severity;

TEST_CASE("config::parse_config reads every setting with its line") {
  const auto config = parse_config(R"(format = "json"
fail_on = "high"
timezone = "Europe/Berlin"
owners = ["Bäckerei Müller", "+49 30 1234567"]

[rules]
disabled = ["bic"]

[rules.severity]
iban = "critical"
payment-card = "low"

[allow]
values = ["DE89 3704 0044 0532 0130 00"]
)",
                                   "w.toml");
  REQUIRE(config.has_value());
  CHECK(config->source == "w.toml");
  REQUIRE(config->format.has_value());
  CHECK(config->format->value == "json");
  CHECK(config->format->where == "w.toml:1");
  CHECK(config->fail_on->value == "high");
  CHECK(config->timezone->value == "Europe/Berlin");
  CHECK(config->owners == std::vector<std::string>{"Bäckerei Müller", "+49 30 1234567"});
  REQUIRE(config->rules.disabled.size() == 1);
  CHECK(config->rules.disabled[0].id == "bic");
  CHECK(config->rules.disabled[0].where == "w.toml:7");
  REQUIRE(config->rules.severities.size() == 2);
  CHECK(config->rules.severities[0].rule.id == "iban");
  CHECK(config->rules.severities[0].severity == Severity::critical);
  CHECK(config->rules.severities[0].rule.where == "w.toml:10");
  CHECK(config->rules.severities[1].rule.id == "payment-card");
  CHECK(config->rules.severities[1].severity == Severity::low);
  CHECK(config->allowed_values == std::vector<std::string>{"DE89 3704 0044 0532 0130 00"});
}

TEST_CASE("config::parse_config accepts an empty file") {
  const auto config = parse_config("", "w.toml");
  REQUIRE(config.has_value());
  CHECK_FALSE(config->format.has_value());
  CHECK(config->rules.disabled.empty());
  CHECK(config->allowed_values.empty());
}

TEST_CASE("config::parse_config names file and line of every mistake") {
  const auto error = [](const char* toml) {
    const auto config = parse_config(toml, "w.toml");
    REQUIRE_FALSE(config.has_value());
    return config.error();
  };
  CHECK(error("format = \"json\"\nfromat = \"csv\"\n") == "w.toml:2: unknown key `fromat`");
  CHECK(error("[rules]\ndisable = [\"bic\"]\n") == "w.toml:2: unknown key `disable` in [rules]");
  CHECK(error("[allow]\nvalue = [\"x\"]\n") == "w.toml:2: unknown key `value` in [allow]");
  CHECK(error("[rules.severity]\niban = \"urgent\"\n") ==
        "w.toml:2: severity of `iban` must be info, low, medium, high or critical");
  CHECK(error("[rules]\ndisabled = \"bic\"\n") == "w.toml:2: `disabled` must be a list of strings");
  CHECK(error("owners = [\"a\", 3]\n") == "w.toml:1: `owners` must hold non-empty strings");
  CHECK(error("fail_on = 3\n") == "w.toml:1: `fail_on` must be a non-empty string");
  CHECK(error("rules = 1\n") == "w.toml:1: `rules` must be a table");
  CHECK(error("[allow]\nvalues = [\" - \"]\n") ==
        "w.toml:2: allowed value has no letters or digits");
  CHECK(error("format = \n").starts_with("w.toml:1: "));
}

TEST_CASE("config::load_config_file names a file it cannot read") {
  const TempDir dir;
  const auto missing = waudit::config::load_config_file(dir.path() / "none.toml");
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error() ==
        (dir.path() / "none.toml").string() + ": cannot read configuration file");
  const auto present = waudit::config::load_config_file(dir.write("w.toml", "format = \"csv\"\n"));
  REQUIRE(present.has_value());
  CHECK(present->format->where == (dir.path() / "w.toml").string() + ":1");
}

TEST_CASE("config::find_config_file prefers --config, then WAUDIT_CONFIG") {
  const std::filesystem::path given("given.toml");
  CHECK(waudit::config::find_config_file(given) == given);
  ::setenv("WAUDIT_CONFIG", "from-environment.toml", 1);
  CHECK(waudit::config::find_config_file(given) == given);
  CHECK(waudit::config::find_config_file(std::nullopt) ==
        std::filesystem::path("from-environment.toml"));
  ::unsetenv("WAUDIT_CONFIG");
}

TEST_SUITE_END();
