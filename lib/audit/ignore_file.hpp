// The ignore file (.wauditignore in the working directory, or --ignore-file FILE): findings
// the user has looked at and accepted, named by fingerprint, each with a reason and an
// optional expiry date. Findings it names are left out of the report and counted in
// summary.ignored. One entry per line:
//
//   # our own account, printed on every invoice
//   9f2c0a6e5b7d4c3a2f1e0d9c8b7a6f5e 2027-01-31 company's own IBAN on invoices
//   0c1d2e3f4a5b6c7d8e9fa0b1c2d3e4f5 test data in the training chat
//
// FINGERPRINT (32 hexadecimal digits, any case), then optionally EXPIRES (YYYY-MM-DD, the last
// day on which the entry applies), then REASON (required: the rest of the line), separated by
// spaces or tabs. Blank lines and lines whose first non-blank character is '#' are skipped;
// a '#' later in a line is part of the reason. Expired entries no longer apply and are warned
// about, as are entries that match no finding and repeated fingerprints.
#pragma once

#include "report/finding.hpp"

#include <tl/expected.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace waudit::audit {

class IgnoreFile {
 public:
  // Reads the file's bytes; `name` names the file in messages, `today` (local date) decides
  // which entries have expired. The error is `NAME:LINE: what is wrong`.
  static tl::expected<IgnoreFile, std::string> parse(std::string_view text, std::string name,
                                                     std::chrono::year_month_day today);

  // `NAME:LINE: ...` for each expired entry and each repeated fingerprint, known once read.
  const std::vector<std::string>& warnings() const { return warnings_; }

  // Removes the findings that an entry in force names; returns how many it removed.
  std::size_t drop(std::vector<report::Finding>& findings);

  // How many findings drop() removed in all.
  std::uint64_t dropped() const { return dropped_; }

  // `NAME:LINE: ...` for each entry in force that has matched no finding, in line order.
  std::vector<std::string> unmatched() const;

 private:
  struct Entry {
    std::uint64_t line = 0;
    bool matched = false;
  };

  std::string name_;
  std::map<std::string, Entry, std::less<>> entries_;  // in force, by lower-case fingerprint
  std::vector<std::string> warnings_;
  std::uint64_t dropped_ = 0;
};

// The name looked for in the working directory when --ignore-file is not given.
inline constexpr std::string_view kIgnoreFileName = ".wauditignore";

// The ignore file of a scan: `given` (--ignore-file), else .wauditignore in the working
// directory when it exists; nullopt for none. Throws std::runtime_error with a one-line
// message when the file cannot be read or has a syntax error.
std::optional<IgnoreFile> load_ignore_file(const std::optional<std::filesystem::path>& given);

}  // namespace waudit::audit
