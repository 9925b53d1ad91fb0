// The `rules` subcommand: `waudit rules` lists the rules, `waudit rules check FILE` runs a
// rule pack's own examples.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace waudit::cli {

// Declares `rules` on `app`; the returned function runs what the arguments asked for and
// returns the exit code.
std::function<int()> add_rules_command(CLI::App& app);

}  // namespace waudit::cli
