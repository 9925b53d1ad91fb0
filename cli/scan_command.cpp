#include "scan_command.hpp"

#include <map>
#include <string>
#include <vector>

namespace waudit::cli {
namespace {

const std::map<std::string, audit::OutputFormat> kFormats{
    {"text", audit::OutputFormat::text},
    {"json", audit::OutputFormat::json},
};

const std::vector<std::string> kFailOn{"info", "low", "medium", "high", "critical", "never"};

}  // namespace

audit::ScanRequest& add_scan_command(CLI::App& app) {
  static audit::ScanRequest request;
  static bool show_values = false;
  static std::string fail_on = "low";
  CLI::App* scan = app.add_subcommand(
      "scan", "Scan WhatsApp chat exports (.txt, .zip, directories) for personal data");
  scan->footer(
      "Examples:\n"
      "  waudit scan exports/\n"
      "  waudit scan --format json --output report.json 'WhatsApp Chat mit Max.txt'\n"
      "  waudit scan --fail-on high --rules company.toml exports/");
  scan->add_option("paths", request.paths, "Export files (.txt, .zip) or directories")->required();
  scan->add_option("-f,--format", request.format, "Report format: text or json")
      ->transform(CLI::CheckedTransformer(kFormats, CLI::ignore_case))
      ->default_str("text");
  scan->add_option("-o,--output", request.output,
                   "Write the report to FILE (atomically) instead of standard output");
  scan->add_flag("--show-values", show_values, "Show matched values unmasked in the report");
  scan->add_option("--fail-on", fail_on,
                   "Exit 1 when a finding of at least this severity exists: "
                   "info, low, medium, high, critical or never")
      ->check(CLI::IsMember(kFailOn, CLI::ignore_case))
      ->capture_default_str();
  scan->add_option("--rules", request.rule_files,
                   "Add a rule pack (TOML); a rule with a built-in id replaces it")
      ->check(CLI::ExistingFile);
  scan->add_option("--fingerprint-key-file", request.fingerprint_key_file,
                   "Key for finding fingerprints (default: $WAUDIT_FINGERPRINT_KEY, else a "
                   "documented public key)")
      ->check(CLI::ExistingFile);
  scan->callback([] {
    request.show_values = show_values ? audit::ShowValues::yes : audit::ShowValues::no;
    request.fail_on = rules::parse_severity(fail_on);  // nullopt for never
  });
  return request;
}

}  // namespace waudit::cli
