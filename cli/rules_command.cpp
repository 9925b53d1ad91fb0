#include "rules_command.hpp"

#include "audit/rule_catalog.hpp"
#include "rules/rule_pack.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace waudit::cli {
namespace {

struct RulesArguments {
  std::string format = "text";
  std::vector<std::filesystem::path> rule_files;
  std::vector<std::filesystem::path> check_files;
};

const std::map<std::string, audit::ListFormat> kListFormats{{"text", audit::ListFormat::text},
                                                            {"json", audit::ListFormat::json}};

int list_rules(const RulesArguments& arguments) {
  auto rules = rules::load_builtin_rules();
  for (const std::filesystem::path& path : arguments.rule_files) {
    if (!rules) {
      break;
    }
    auto extra = rules::load_rule_file(path);
    if (!extra) {
      rules = tl::unexpected(extra.error());
      break;
    }
    rules::merge_rules(*rules, std::move(*extra));
  }
  if (!rules) {
    fmt::print(stderr, "waudit: error: {}\n", rules.error());
    return 2;
  }
  audit::write_rule_list(*rules, kListFormats.at(arguments.format), std::cout);
  return 0;
}

int check_packs(const RulesArguments& arguments) {
  int exit_code = 0;
  for (const std::filesystem::path& path : arguments.check_files) {
    exit_code = std::max(exit_code, audit::check_rule_pack(path, std::cout, std::cerr).exit_code);
  }
  return exit_code;
}

}  // namespace

std::function<int()> add_rules_command(CLI::App& app) {
  auto arguments = std::make_shared<RulesArguments>();
  CLI::App* rules = app.add_subcommand(
      "rules", "List the detection rules, or check a rule pack against its own examples");
  rules->footer(
      "Examples:\n"
      "  waudit rules\n"
      "  waudit rules --format json --rules company.toml\n"
      "  waudit rules check company.toml\n"
      "\n"
      "Exit status of 'rules check': 0 every example holds, 1 an example does not,\n"
      "2 a pack cannot be read or has an error (named with its file and line).");
  rules->add_option("--format", arguments->format, "Output format of the list: text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  rules
      ->add_option("--rules", arguments->rule_files,
                   "Add a rule pack (TOML) to the list; a rule with a built-in name replaces it")
      ->check(CLI::ExistingFile);
  CLI::App* check = rules->add_subcommand(
      "check", "Load rule packs, compile their patterns and run their match/no_match examples");
  check->add_option("files", arguments->check_files, "Rule packs (TOML)")
      ->required()
      ->check(CLI::ExistingFile);
  return [arguments, check] {
    return check->parsed() ? check_packs(*arguments) : list_rules(*arguments);
  };
}

}  // namespace waudit::cli
