// A scan's findings compared with what the user already knows: an earlier report
// (--baseline, audit/baseline.hpp) and the accepted findings (.wauditignore,
// audit/ignore_file.hpp). With neither, it changes nothing in the report.
#pragma once

#include "audit/baseline.hpp"
#include "audit/ignore_file.hpp"
#include "audit/scan.hpp"
#include "report/sink.hpp"

#include <iosfwd>
#include <optional>
#include <vector>

namespace waudit::audit {

class Comparison {
 public:
  // Reads both files; a bad one throws std::runtime_error with a one-line message. Warnings
  // known at once (expired entries) go to `errors` now, unless --quiet.
  Comparison(const ScanRequest& request, std::ostream& errors);

  // Before an input's findings are counted and reported: marks each one new or existing, then
  // leaves out the ignored ones. In this order, so that an ignored finding is still present
  // and its baseline entry not fixed. Counts new and existing in `summary`.
  void apply(std::vector<report::Finding>& findings, report::Summary& summary);

  // After the last input: the baseline's findings that no longer occur go to `sink` as fixed
  // and are counted; then warnings about entries that matched nothing and about a baseline
  // that matched nothing at all.
  void finish(report::Sink& sink, report::Summary& summary);

 private:
  void warn(const std::vector<std::string>& warnings);

  std::ostream& errors_;
  Verbosity verbosity_;
  std::optional<Baseline> baseline_;
  std::optional<IgnoreFile> ignore_file_;
};

}  // namespace waudit::audit
