// `waudit scan`: inputs -> messages -> detections -> findings -> report.
#pragma once

#include "chat/date_order.hpp"
#include "config/rule_settings.hpp"
#include "input/backup_key.hpp"
#include "input/read_limits.hpp"
#include "report/csv_sink.hpp"
#include "report/text_sink.hpp"
#include "rules/rule.hpp"

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace waudit::audit {

enum class OutputFormat { text, json, jsonl, csv, sarif, xlsx };
enum class ShowValues { no, yes };
enum class ShowProgress { no, yes };
// quiet: no progress line and no warnings on standard error; errors are always printed.
enum class Verbosity { quiet, normal };
// OCR of photos in exports with media (rule card-photo): automatic is on when Tesseract and
// its German and English data can be loaded, and says once when they cannot.
enum class OcrMode { off, automatic, on };

// Exit codes of CONTRACT.md.
enum class ExitCode { clean = 0, findings = 1, error = 2 };

struct ScanRequest {
  std::vector<std::string> paths;
  std::vector<std::filesystem::path> rule_files;  // user packs added to the built-in ones
  // Detections scoring below this are not reported (detect::kDefaultMinConfidence).
  double min_confidence = 0.5;
  unsigned jobs = 0;  // inputs scanned at once; 0: one per core
  input::ReadLimits limits;
  OcrMode ocr = OcrMode::automatic;
  // Folder of the OCR cache (media/ocr_cache.hpp); nullopt: the default under ~/.cache; an
  // empty path: no cache.
  std::optional<std::filesystem::path> ocr_cache;
  unsigned ocr_seconds = 20;  // time limit of OCR per image

  // Where reports go; several targets write the same scan in several formats.
  struct Output {
    OutputFormat format = OutputFormat::text;
    std::optional<std::filesystem::path> path;  // nullopt: standard output (not for xlsx)
  };

  std::vector<Output> outputs{Output{}};
  report::CsvDialect csv_dialect = report::CsvDialect::rfc4180;
  ShowValues show_values = ShowValues::no;
  // Findings at or above this severity make the exit code 1; nullopt: never.
  std::optional<rules::Severity> fail_on = rules::Severity::low;
  // Day/month order of every chat's dates; nullopt: decided per chat from its dates.
  std::optional<chat::DateOrder> date_order;
  // Key of the finding fingerprints: this file's content (without a final newline), else the
  // environment variable WAUDIT_FINGERPRINT_KEY, else report::kDefaultFingerprintKey.
  std::optional<std::filesystem::path> fingerprint_key_file;
  std::string fingerprint_key;  // filled by scan() from the above
  // Keys of encrypted Android backups: files (64 hex digits, encrypted_backup.key or `key`),
  // and the environment variable WAUDIT_BACKUP_KEY (64 hex digits); never a command-line value.
  std::vector<std::filesystem::path> key_files;
  input::BackupKeys backup_keys;  // filled by scan() from the above
  // IANA zone in which backups' UTC times are given (Europe/Berlin); nullopt: the machine's.
  std::optional<std::string> timezone;
  // An earlier JSON report (audit/baseline.hpp): findings get a status, new or existing, the
  // report lists the baseline's findings that no longer occur, and --fail-on counts new ones.
  std::optional<std::filesystem::path> baseline;
  // Fingerprints of accepted findings (audit/ignore_file.hpp); nullopt: .wauditignore in the
  // working directory when it exists.
  std::optional<std::filesystem::path> ignore_file;

  // From the configuration file (config/config_file.hpp): rules disabled or with another
  // severity, applied after the packs are merged.
  config::RuleSettings rule_settings;
  // Values never reported (the company's own IBAN, hotline), compared after
  // text::normalize_value; the summary counts the findings they leave out.
  std::vector<std::string> allowed_values;
  // Sender names of the company's side; findings say whether their sender is one of them.
  // Compared after text::normalize_value (case of ASCII letters, spaces and dashes ignored).
  std::vector<std::string> owners;

  // Standard output and error as the caller found them (audit/terminal.hpp).
  report::Color color = report::Color::off;  // of a text report on standard output
  ShowProgress progress = ShowProgress::no;  // the progress line on standard error
  Verbosity verbosity = Verbosity::normal;
};

// Runs the whole scan. Errors about inputs go to `errors` (one line each) and the scan goes
// on; a problem that prevents starting (bad rule pack, unwritable output) throws
// std::runtime_error with a one-line message.
ExitCode scan(const ScanRequest& request, std::ostream& out, std::ostream& errors);

}  // namespace waudit::audit
