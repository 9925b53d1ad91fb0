// waudit's entry point: parse the arguments, run the subcommand, map the outcome to an exit
// code. Anything that stops the run early prints one line and exits 2.
#include "rules_command.hpp"
#include "scan_command.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <csignal>
#include <exception>
#include <iostream>
#include <string>
#include <string_view>

namespace {

// CLI11 quotes every argument it did not expect; one of them may be a backup key typed where
// a file was meant ("--key 0123..."). Only option names are repeated.
std::string describe(const CLI::ParseError& error, int argc, char** argv) {
  if (dynamic_cast<const CLI::ExtrasError*>(&error) == nullptr) {
    return error.what();
  }
  std::string options;
  for (int i = 1; i < argc; ++i) {
    const std::string_view argument = argv[i];
    if (argument.starts_with("--") &&
        std::string_view(error.what()).find(argument) != std::string_view::npos) {
      options += fmt::format(" {}", argument.substr(0, argument.find('=')));
    }
  }
  return options.empty() ? "unexpected arguments (not repeated here)"
                         : fmt::format("unexpected arguments (not repeated here) near:{}", options);
}

int run(int argc, char** argv) {
  CLI::App app("waudit: audit WhatsApp chat exports for personal data (GDPR)", "waudit");
  app.set_version_flag("--version", "waudit " WAUDIT_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Examples:\n"
      "  waudit scan exports/\n"
      "  waudit scan --format json --output report.json --fail-on high exports/\n"
      "  waudit rules\n"
      "\n"
      "Run 'waudit scan --help' for the options of scan, 'waudit rules --help' for the\n"
      "rule list and rule pack checks, 'man waudit' for the details.\n"
      "Exit status: 0 no finding at or above --fail-on, 1 such findings, 2 an error\n"
      "(a usage or configuration error, or an input not read completely; wins over 1).");
  const waudit::audit::ScanRequest& scan_request = waudit::cli::add_scan_command(app);
  const auto run_rules = waudit::cli::add_rules_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() == 0) {
      return app.exit(error);  // --help, --version
    }
    fmt::print(stderr, "waudit: error: {}\n", describe(error, argc, argv));
    fmt::print(stderr, "Run 'waudit --help' or 'waudit scan --help' for usage.\n");
    return static_cast<int>(waudit::audit::ExitCode::error);
  }
  if (app.got_subcommand("rules")) {
    return run_rules();
  }
  return static_cast<int>(waudit::audit::scan(scan_request, std::cout, std::cerr));
}

}  // namespace

int main(int argc, char** argv) {
  // A reader that stops early (`waudit scan ... | head`) is not an error of ours.
  std::signal(SIGPIPE, SIG_IGN);
  try {
    return run(argc, argv);
  } catch (const std::exception& error) {
    fmt::print(stderr, "waudit: error: {}\n", error.what());
    return static_cast<int>(waudit::audit::ExitCode::error);
  }
}
