#include "scan_command.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <vector>

namespace waudit::cli {
namespace {

const std::map<std::string, audit::OutputFormat> kFormats{
    {"text", audit::OutputFormat::text},   {"json", audit::OutputFormat::json},
    {"jsonl", audit::OutputFormat::jsonl}, {"csv", audit::OutputFormat::csv},
    {"sarif", audit::OutputFormat::sarif}, {"xlsx", audit::OutputFormat::xlsx},
};

const std::map<std::string, report::CsvDialect> kCsvDialects{
    {"rfc4180", report::CsvDialect::rfc4180},
    {"excel-de", report::CsvDialect::excel_de},
};

const std::vector<std::string> kFailOn{"info", "low", "medium", "high", "critical", "never"};

const std::vector<std::string> kDateOrders{"dmy", "mdy", "ymd", "auto"};

// The options as typed; turned into the request once parsing is done.
struct ScanArguments {
  audit::ScanRequest request;
  bool show_values = false;
  std::string fail_on = "low";
  std::string date_order = "auto";
  std::string format = "text";
  std::string csv_dialect = "rfc4180";
  std::vector<std::string> outputs;
  std::string timezone;  // empty: the machine's zone
};

// `--output FILE` takes --format; `--output FORMAT=FILE` names its own format, and may be
// repeated to write several reports from one scan.
std::vector<audit::ScanRequest::Output> output_targets(const ScanArguments& arguments) {
  const audit::OutputFormat format = kFormats.at(arguments.format);
  if (arguments.outputs.empty()) {
    if (format == audit::OutputFormat::xlsx) {  // libxlsxwriter writes files, not streams
      throw CLI::ValidationError("--format xlsx",
                                 "a workbook cannot go to standard output; "
                                 "add --output FILE");
    }
    return {{format, std::nullopt}};
  }
  std::vector<audit::ScanRequest::Output> targets;
  for (const std::string& output : arguments.outputs) {
    const std::size_t equals = output.find('=');
    const auto named =
        equals == std::string::npos ? kFormats.end() : kFormats.find(output.substr(0, equals));
    if (named != kFormats.end()) {
      targets.push_back({named->second, output.substr(equals + 1)});
    } else {
      targets.push_back({format, output});
    }
  }
  return targets;
}

void add_output_options(CLI::App& scan, ScanArguments& arguments) {
  scan.add_option("-f,--format", arguments.format,
                  "Report format: text, json, jsonl, csv, sarif or xlsx (xlsx needs --output FILE)")
      ->check(CLI::IsMember(kFormats))
      ->capture_default_str();
  // One value per --output: a vector option would otherwise take the paths after it as
  // further report files and write a report over an input.
  scan.add_option("-o,--output", arguments.outputs,
                  "Write the report to FILE (atomically) instead of standard output; "
                  "FORMAT=FILE (json=report.json) may be repeated for several reports")
      ->allow_extra_args(false);
  scan.add_option("--csv-dialect", arguments.csv_dialect,
                  "CSV flavour: rfc4180 (',') or excel-de (';' and a byte-order mark)")
      ->check(CLI::IsMember(kCsvDialects))
      ->capture_default_str();
  scan.add_flag("--show-values", arguments.show_values,
                "Show matched values unmasked in the report");
}

// Limits against hostile inputs; sizes take units (64MiB, 4GiB).
void add_limit_options(CLI::App& scan, input::ReadLimits& limits) {
  scan.add_option("--max-entry-size", limits.max_entry_bytes,
                  "Bytes one ZIP entry may inflate to (default 4GiB)")
      ->transform(CLI::AsSizeValue(false));
  scan.add_option("--max-ratio", limits.max_ratio,
                  "How many times its compressed size an entry may inflate to (default 200)")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1} << 40));
  scan.add_option("--max-entries", limits.max_entries,
                  "Entries one archive may hold (default 100000)");
  scan.add_option("--max-depth", limits.max_depth,
                  "Archive levels read, the input being level 1 (default 2)")
      ->check(CLI::Range(1U, 16U));
  scan.add_option("--max-nested-size", limits.max_nested_bytes,
                  "Bytes of a ZIP inside a ZIP, read into memory (default 64MiB)")
      ->transform(CLI::AsSizeValue(false));
  scan.add_option("--max-line", limits.max_line_bytes,
                  "Bytes of one line of text; longer ones are cut and reported (default 1MiB, "
                  "at most 64MiB)")
      ->transform(CLI::AsSizeValue(false))
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{64} << 20));
}

}  // namespace

audit::ScanRequest& add_scan_command(CLI::App& app) {
  static ScanArguments arguments;
  CLI::App* scan = app.add_subcommand(
      "scan", "Scan WhatsApp chat exports (.txt, .zip, directories) for personal data");
  scan->footer(
      "Examples:\n"
      "  waudit scan exports/\n"
      "  waudit scan --format json --output report.json 'WhatsApp Chat mit Max.txt'\n"
      "  waudit scan --output json=report.json --output csv=findings.csv exports/\n"
      "  waudit scan --fail-on high --rules company.toml exports/\n"
      "  waudit scan --key-file encrypted_backup.key --timezone Europe/Berlin "
      "msgstore.db.crypt15");
  scan->add_option("paths", arguments.request.paths,
                   "Export files (.txt, .zip), phone databases (msgstore.db, ChatStorage.sqlite), "
                   "encrypted Android backups (.crypt12/14/15) or directories")
      ->required();
  add_output_options(*scan, arguments);
  scan->add_option("--fail-on", arguments.fail_on,
                   "Exit 1 when a finding of at least this severity exists: "
                   "info, low, medium, high, critical or never")
      ->check(CLI::IsMember(kFailOn, CLI::ignore_case))
      ->capture_default_str();
  scan->add_option("--date-order", arguments.date_order,
                   "Order of day, month and year in the exports' dates: dmy, mdy, ymd, or auto "
                   "(decided per chat from its dates)")
      ->check(CLI::IsMember(kDateOrders, CLI::ignore_case))
      ->capture_default_str();
  add_limit_options(*scan, arguments.request.limits);
  scan->add_option("-j,--jobs", arguments.request.jobs,
                   "Inputs scanned at once (default: one per core); the report is the same "
                   "for any number")
      ->check(CLI::Range(1U, 256U));
  scan->add_option("--rules", arguments.request.rule_files,
                   "Add a rule pack (TOML); a rule with a built-in id replaces it")
      ->allow_extra_args(false)  // one pack per --rules; the paths after it are inputs
      ->check(CLI::ExistingFile);
  scan->add_option("--fingerprint-key-file", arguments.request.fingerprint_key_file,
                   "Key for finding fingerprints (default: $WAUDIT_FINGERPRINT_KEY, else a "
                   "documented public key)")
      ->check(CLI::ExistingFile);
  scan->add_option("--key-file", arguments.request.key_files,
                   "Key of encrypted Android backups: a file with the 64-digit key, "
                   "encrypted_backup.key (crypt15) or key (crypt12/14); may be repeated. "
                   "Also read: $WAUDIT_BACKUP_KEY (64 hex digits)")
      ->check(CLI::ExistingFile)
      ->allow_extra_args(false);  // one file per --key-file: what follows are the inputs
  scan->add_option("--timezone", arguments.timezone,
                   "IANA time zone for the UTC times of phone databases and backups, e.g. "
                   "Europe/Berlin (default: the machine's zone)");
  scan->callback([] {
    audit::ScanRequest& request = arguments.request;
    request.show_values = arguments.show_values ? audit::ShowValues::yes : audit::ShowValues::no;
    std::string fail_on = arguments.fail_on;
    std::transform(fail_on.begin(), fail_on.end(), fail_on.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    request.fail_on = rules::parse_severity(fail_on);  // nullopt for never
    std::string date_order = arguments.date_order;
    std::transform(date_order.begin(), date_order.end(), date_order.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    request.date_order = chat::parse_date_order(date_order);  // nullopt for auto
    request.outputs = output_targets(arguments);
    request.csv_dialect = kCsvDialects.at(arguments.csv_dialect);
    if (!arguments.timezone.empty()) {
      request.timezone = arguments.timezone;
    }
  });
  return arguments.request;
}

}  // namespace waudit::cli
