// The `scan` subcommand: its options, and the call of audit::scan they turn into.
#pragma once

#include "audit/scan.hpp"

#include <CLI/CLI.hpp>

namespace waudit::cli {

// Declares `scan` on `app`; the returned request is filled when the arguments are parsed.
audit::ScanRequest& add_scan_command(CLI::App& app);

}  // namespace waudit::cli
