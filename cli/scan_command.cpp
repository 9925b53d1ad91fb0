#include "scan_command.hpp"

#include "audit/terminal.hpp"
#include "chat/time_zone.hpp"
#include "config/config_file.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
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

const std::map<std::string, audit::ColorChoice> kColorChoices{
    {"auto", audit::ColorChoice::automatic},
    {"always", audit::ColorChoice::always},
    {"never", audit::ColorChoice::never},
};

const std::map<std::string, audit::OcrMode> kOcrModes{
    {"off", audit::OcrMode::off},
    {"auto", audit::OcrMode::automatic},
    {"on", audit::OcrMode::on},
};

constexpr const char* kScanFooter =
    "Configuration: .waudit.toml in the working directory (or --config FILE) may set format,\n"
    "fail_on and timezone, disable rules, change severities, allow the company's own values\n"
    "and name its senders (owners); an option given on the command line wins. See man waudit.\n"
    "\n"
    "Examples:\n"
    "  waudit scan exports/\n"
    "  waudit scan --format json --output report.json 'WhatsApp Chat mit Max.txt'\n"
    "  waudit scan --output json=report.json --output csv=findings.csv exports/\n"
    "  waudit scan --output sarif=waudit.sarif --output xlsx=findings.xlsx exports/\n"
    "  waudit scan --baseline last-month.json --output json=this-month.json exports/\n"
    "  waudit scan --fail-on high --rules company.toml exports/\n"
    "  waudit scan --config audit.toml --quiet exports/\n"
    "  waudit scan --color always exports/ | less -R\n"
    "  waudit scan --key-file encrypted_backup.key --timezone Europe/Berlin msgstore.db.crypt15";

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
  std::optional<std::filesystem::path> config_file;
  bool quiet = false;
  std::string color = "auto";
  std::string ocr = "auto";
};

// The options a configuration file gives defaults for: given on the command line, they win.
struct ConfigurableOptions {
  CLI::Option* format = nullptr;
  CLI::Option* fail_on = nullptr;
  CLI::Option* timezone = nullptr;
};

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

template <typename Value>
std::vector<std::string> names_of(const std::map<std::string, Value>& table) {
  std::vector<std::string> names;
  for (const auto& [name, value] : table) {
    names.push_back(name);
  }
  return names;
}

// The configuration's value for an option, checked like the option's; the error names the
// file and line.
std::string checked(const config::Setting& setting, std::string_view key,
                    const std::vector<std::string>& allowed) {
  if (std::find(allowed.begin(), allowed.end(), setting.value) == allowed.end()) {
    throw std::runtime_error(fmt::format("{}: unknown {} \"{}\" (expected {})", setting.where, key,
                                         setting.value, fmt::join(allowed, ", ")));
  }
  return setting.value;
}

// Reads the configuration file, if there is one (--config, $WAUDIT_CONFIG, ./.waudit.toml),
// into the arguments. Precedence: an option given on the command line (count() > 0) keeps its
// value; otherwise the file's value replaces the built-in default.
void apply_config(const ConfigurableOptions& options, ScanArguments& arguments) {
  const auto path = config::find_config_file(arguments.config_file);
  if (!path) {
    return;
  }
  auto loaded = config::load_config_file(*path);
  if (!loaded) {
    throw std::runtime_error(loaded.error());
  }
  config::Config& file = *loaded;
  if (file.format && options.format->count() == 0) {
    arguments.format = checked(*file.format, "format", names_of(kFormats));
  }
  if (file.fail_on && options.fail_on->count() == 0) {
    arguments.fail_on = checked(config::Setting{lower(file.fail_on->value), file.fail_on->where},
                                "fail_on", kFailOn);
  }
  if (file.timezone && options.timezone->count() == 0) {
    if (auto known = chat::check_time_zone(file.timezone->value); !known) {
      throw std::runtime_error(fmt::format("{}: {}", file.timezone->where, known.error()));
    }
    arguments.timezone = file.timezone->value;
  }
  audit::ScanRequest& request = arguments.request;
  request.rule_settings = std::move(file.rules);
  request.allowed_values = std::move(file.allowed_values);
  request.owners = std::move(file.owners);
}

// Colour and progress, from the options and what standard output and error are.
void set_terminal_use(const ScanArguments& arguments, audit::ScanRequest& request) {
  const audit::TerminalFacts terminal = audit::current_terminal();
  request.verbosity = arguments.quiet ? audit::Verbosity::quiet : audit::Verbosity::normal;
  request.color = audit::report_color(kColorChoices.at(arguments.color), terminal);
  request.progress = audit::progress_for(request.verbosity, terminal);
}

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

// Returns --format, whose default a configuration file may set.
CLI::Option* add_output_options(CLI::App& scan, ScanArguments& arguments) {
  CLI::Option* format =
      scan.add_option("-f,--format", arguments.format,
                      "Report format: text, json, jsonl, csv, sarif or xlsx (xlsx needs --output "
                      "FILE)")
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
  return format;
}

void add_terminal_options(CLI::App& scan, ScanArguments& arguments) {
  scan.add_option("--config", arguments.config_file,
                  "Read settings from this TOML file (default: $WAUDIT_CONFIG, else "
                  "./.waudit.toml if it exists); options given here win over it")
      ->type_name("FILE");
  scan.add_flag("-q,--quiet", arguments.quiet,
                "No progress line and no warnings on standard error; errors are still printed");
  scan.add_option("--color", arguments.color,
                  "Colour severities in a text report: auto (on a terminal, unless NO_COLOR is "
                  "set or TERM=dumb), always or never")
      ->check(CLI::IsMember(kColorChoices))
      ->capture_default_str();
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

// Card and ID photos in exports with media (rule card-photo).
void add_photo_options(CLI::App& scan, ScanArguments& arguments) {
  scan.add_option("--ocr", arguments.ocr,
                  "Read photos of ZIP exports with Tesseract OCR for card numbers, IBANs and "
                  "ID document MRZs: off, on, or auto (on when Tesseract's German and English "
                  "data are installed)")
      ->check(CLI::IsMember(kOcrModes))
      ->capture_default_str();
  scan.add_option("--ocr-cache", arguments.request.ocr_cache,
                  "Folder of the OCR cache, so a re-scan reads no photo twice (default: "
                  "$XDG_CACHE_HOME/waudit/ocr or ~/.cache/waudit/ocr; '' for none)")
      ->type_name("DIR");
}

}  // namespace

audit::ScanRequest& add_scan_command(CLI::App& app) {
  static ScanArguments arguments;
  static ConfigurableOptions configurable;
  CLI::App* scan = app.add_subcommand(
      "scan", "Scan WhatsApp chat exports (.txt, .zip, directories) for personal data");
  scan->footer(kScanFooter);
  scan->add_option("paths", arguments.request.paths,
                   "Export files (.txt, .zip), phone databases (msgstore.db, ChatStorage.sqlite), "
                   "encrypted Android backups (.crypt12/14/15) or directories")
      ->required();
  configurable.format = add_output_options(*scan, arguments);
  configurable.fail_on = scan->add_option("--fail-on", arguments.fail_on,
                                          "Exit 1 when a finding of at least this severity exists: "
                                          "info, low, medium, high, critical or never")
                             ->check(CLI::IsMember(kFailOn, CLI::ignore_case))
                             ->capture_default_str();
  scan->add_option("--date-order", arguments.date_order,
                   "Order of day, month and year in the exports' dates: dmy, mdy, ymd, or auto "
                   "(decided per chat from its dates)")
      ->check(CLI::IsMember(kDateOrders, CLI::ignore_case))
      ->capture_default_str();
  scan->add_option("-j,--jobs", arguments.request.jobs,
                   "Inputs scanned at once (default: one per core); the report is the same "
                   "for any number")
      ->check(CLI::Range(1U, 256U));
  add_terminal_options(*scan, arguments);
  // Groups as in the man page; --help lists them in this order.
  scan->option_defaults()->group("Rules and fingerprints");
  scan->add_option("--min-confidence", arguments.request.min_confidence,
                   "Report only findings of at least this confidence (0 to 1); a pattern alone "
                   "scores 0.5, a validated checksum 0.95, a context word adds 0.35, an order or "
                   "tracking word takes 0.3 away")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  scan->add_option("--rules", arguments.request.rule_files,
                   "Add a rule pack (TOML); a rule with a built-in name replaces it")
      ->allow_extra_args(false)  // one pack per --rules; the paths after it are inputs
      ->check(CLI::ExistingFile);
  scan->add_option("--fingerprint-key-file", arguments.request.fingerprint_key_file,
                   "Key for finding fingerprints (default: $WAUDIT_FINGERPRINT_KEY, else a "
                   "documented public key)")
      ->check(CLI::ExistingFile);
  scan->option_defaults()->group("Baselines and ignored findings");
  scan->add_option("--baseline", arguments.request.baseline,
                   "Compare with an earlier JSON report made with the same fingerprint key: "
                   "findings are new or existing, and the baseline's findings that are gone are "
                   "listed as fixed; --fail-on then counts new findings only")
      ->check(CLI::ExistingFile);
  scan->add_option("--ignore-file", arguments.request.ignore_file,
                   "Leave out the findings whose fingerprints FILE lists, each with a reason and "
                   "an optional expiry date (default: .wauditignore in the working directory)")
      ->check(CLI::ExistingFile);
  scan->option_defaults()->group("Phone databases and backups");
  scan->add_option("--key-file", arguments.request.key_files,
                   "Key of encrypted Android backups: a file with the 64-digit key, "
                   "encrypted_backup.key (crypt15) or key (crypt12/14); may be repeated. "
                   "Also read: $WAUDIT_BACKUP_KEY (64 hex digits)")
      ->check(CLI::ExistingFile)
      ->allow_extra_args(false);  // one file per --key-file: what follows are the inputs
  configurable.timezone =
      scan->add_option("--timezone", arguments.timezone,
                       "IANA time zone for the UTC times of phone databases and backups, e.g. "
                       "Europe/Berlin (default: the machine's zone)");
  scan->option_defaults()->group("Card and ID photos");
  add_photo_options(*scan, arguments);
  scan->option_defaults()->group("Limits against hostile inputs");
  add_limit_options(*scan, arguments.request.limits);
  scan->callback([] {
    apply_config(configurable, arguments);
    audit::ScanRequest& request = arguments.request;
    request.show_values = arguments.show_values ? audit::ShowValues::yes : audit::ShowValues::no;
    request.fail_on = rules::parse_severity(lower(arguments.fail_on));         // nullopt for never
    request.date_order = chat::parse_date_order(lower(arguments.date_order));  // nullopt: auto
    request.outputs = output_targets(arguments);
    request.csv_dialect = kCsvDialects.at(arguments.csv_dialect);
    request.ocr = kOcrModes.at(arguments.ocr);
    if (!arguments.timezone.empty()) {
      request.timezone = arguments.timezone;
    }
    set_terminal_use(arguments, request);
  });
  return arguments.request;
}

}  // namespace waudit::cli
