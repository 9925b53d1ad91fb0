// `--baseline FILE`: an earlier JSON report (schema waudit-findings/1) that this scan is
// compared with, so that a scheduled audit reports what is new and what was fixed. Findings
// are matched by fingerprint only (never by path or line), and fingerprints are keyed: the
// baseline must have been made with the same fingerprint key, or nothing matches.
//
// One stage, three steps: read the baseline before the first input; mark each input's
// findings new or existing as they are published; at the end, hand over the baseline's
// findings that no longer occur, as fixed.
#pragma once

#include "report/finding.hpp"

#include <tl/expected.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace waudit::audit {

class Baseline {
 public:
  // Reads a report from its bytes. The error says why it is not a waudit JSON report, e.g.
  // `invalid JSON at byte 12` or `findings[3] has no "fingerprint"`. `name` names the file in
  // warnings. Matches are kept as written; see mask().
  static tl::expected<Baseline, std::string> parse(std::string_view json, std::string name);

  // Masks every match that is not masked yet (a baseline written with --show-values), so that
  // fixed findings are masked like this run's.
  void mask();

  // Sets each finding's status: existing when the baseline has its fingerprint, else new.
  void mark(std::span<report::Finding> findings);

  // The baseline's findings whose fingerprint no finding of this run had, in report order and
  // with status fixed. Findings that share a fingerprint (one value twice in a message) are
  // fixed together or not at all.
  std::vector<report::Finding> fixed() const;

  // "NAME: ..." when neither the baseline nor this run is empty and no finding matched: the
  // baseline was most likely made with another fingerprint key.
  std::optional<std::string> key_warning() const;

 private:
  std::string name_;
  std::vector<report::Finding> findings_;
  std::unordered_set<std::string> fingerprints_;  // of findings_
  std::unordered_set<std::string> seen_;          // of this run's findings found in findings_
  std::uint64_t marked_ = 0;                      // findings of this run
};

struct ScanRequest;

// The baseline of a scan (request.baseline), masked unless --show-values; nullopt without
// one. Throws std::runtime_error with `FILE: not a waudit JSON report (why)` or
// `FILE: cannot read baseline`.
std::optional<Baseline> load_baseline(const ScanRequest& request);

}  // namespace waudit::audit
