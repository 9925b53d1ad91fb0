// waudit's entry point: parse the arguments, run the subcommand, map the outcome to an exit
// code. Anything that stops the run early prints one line and exits 2.
#include "scan_command.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <csignal>
#include <exception>
#include <iostream>

namespace {

int run(int argc, char** argv) {
  CLI::App app("waudit: audit WhatsApp chat exports for personal data (GDPR)", "waudit");
  app.set_version_flag("--version", "waudit " WAUDIT_VERSION);
  app.require_subcommand(1);
  const waudit::audit::ScanRequest& scan_request = waudit::cli::add_scan_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() == 0) {
      return app.exit(error);  // --help, --version
    }
    fmt::print(stderr, "waudit: error: {}\n", error.what());
    fmt::print(stderr, "Run 'waudit --help' or 'waudit scan --help' for usage.\n");
    return static_cast<int>(waudit::audit::ExitCode::error);
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
