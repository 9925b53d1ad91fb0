// `waudit scan`: inputs -> messages -> detections -> findings -> report.
#pragma once

#include "chat/date_order.hpp"
#include "input/backup_key.hpp"
#include "input/read_limits.hpp"
#include "report/csv_sink.hpp"
#include "rules/rule.hpp"

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace waudit::audit {

enum class OutputFormat { text, json, jsonl, csv, sarif, xlsx };
enum class ShowValues { no, yes };

// Exit codes of CONTRACT.md.
enum class ExitCode { clean = 0, findings = 1, error = 2 };

struct ScanRequest {
  std::vector<std::string> paths;
  std::vector<std::filesystem::path> rule_files;  // user packs added to the built-in ones
  unsigned jobs = 0;                              // inputs scanned at once; 0: one per core
  input::ReadLimits limits;

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
};

// Runs the whole scan. Errors about inputs go to `errors` (one line each) and the scan goes
// on; a problem that prevents starting (bad rule pack, unwritable output) throws
// std::runtime_error with a one-line message.
ExitCode scan(const ScanRequest& request, std::ostream& out, std::ostream& errors);

}  // namespace waudit::audit
