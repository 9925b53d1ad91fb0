// What the report says: findings and the inputs they came from. Owned values, so sinks may
// keep them; the match is already masked unless the user asked for values.
#pragma once

#include "rules/rule.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace waudit::report {

struct Location {
  std::string path;
  std::optional<std::string> entry;  // inside a ZIP; nullopt for a plain file
  std::optional<std::uint64_t> line;
  std::optional<std::uint64_t> column;  // in code points
};

// A finding compared with an earlier report (--baseline): new in this run, also in the
// baseline, or in the baseline only (gone since). `new_`: `new` is a keyword.
enum class Status { new_, existing, fixed };

// "new", "existing", "fixed": the JSON `status` values.
std::string_view to_string(Status status);

struct Finding {
  std::string rule;
  std::string category;
  rules::Severity severity = rules::Severity::medium;
  Location location;
  std::string chat;
  std::optional<std::string> sender;
  std::optional<std::string> timestamp;  // ISO 8601 local time, no zone
  std::string match;                     // masked unless --show-values
  std::optional<std::string> attachment;
  // card-photo only: what the photo shows ("payment-card", "id-card", "passport",
  // "driving-licence", "health-insurance-card", "unknown") and what led to it (numbers masked
  // unless --show-values); nullopt for other rules.
  std::optional<std::string> kind;
  std::optional<std::string> evidence;
  std::string fingerprint;
  double confidence = 0;
  bool negated = false;  // "kein Krebs": still reported, one severity lower
  // Whether the sender is one of the configured owners (the company's side); nullopt when
  // no owners are configured.
  std::optional<bool> sender_is_owner;
  // Set only when the scan is compared with a baseline.
  std::optional<Status> status{};
};

// Whether `a` goes before `b` in every output: by (path, entry, line, column, rule).
bool comes_before(const Finding& a, const Finding& b);

// Sorts in that order, keeping the order in which equal ones were found.
void sort_findings(std::vector<Finding>& findings);

struct InputReport {
  std::string path;
  std::string kind;  // "txt", "zip"
  std::uint64_t chats = 0;
  std::uint64_t messages = 0;
  std::vector<std::string> errors;
  std::optional<std::string> date_order;  // "dmy", "mdy", "ymd"
  bool date_order_assumed = false;
  // Media entries found in the archive; entries of a nested archive as "inner.zip/name". A
  // nested archive that held a chat and that no message names is an export, not media.
  std::vector<std::string> media;
  std::vector<std::string> media_unreferenced;  // media entries that no message names
  std::vector<std::string> media_missing;       // names the chats reference, not in the archive
  std::uint64_t media_referenced = 0;           // distinct media file names the chats reference
  std::optional<std::string> encoding;          // "utf-16le", "utf-16be"; nullopt for UTF-8

  // Photos of a ZIP export read for card-photo; nullopt when the input had none or OCR was off.
  struct OcrCounts {
    std::uint64_t images = 0;        // photos found
    std::uint64_t read = 0;          // read by OCR in this run
    std::uint64_t cached = 0;        // taken from the OCR cache
    std::uint64_t skipped = 0;       // thumbnails too small to hold a readable card
    std::uint64_t milliseconds = 0;  // OCR time, summed over images (threads overlap)
  };

  std::optional<OcrCounts> ocr;
};

// A scan compared with a baseline: findings of this run that are new or were in the baseline,
// and baseline findings that no longer occur.
struct BaselineCounts {
  std::uint64_t new_ = 0;
  std::uint64_t existing = 0;
  std::uint64_t fixed = 0;
};

struct Summary {
  std::uint64_t findings = 0;
  std::map<std::string, std::uint64_t> by_rule;
  std::map<std::string, std::uint64_t> by_severity;
  std::uint64_t errors = 0;
  // Findings left out because their value is allowlisted; nullopt when no allowlist is set.
  std::optional<std::uint64_t> allowlisted{};
  std::optional<BaselineCounts> baseline{};  // nullopt without --baseline
  // Findings left out by the ignore file (.wauditignore); nullopt when there is none.
  std::optional<std::uint64_t> ignored{};
};

}  // namespace waudit::report
