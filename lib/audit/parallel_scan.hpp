// Inputs scanned on several threads, results handed on in input order: the report and the
// error lines are the same whatever --jobs is. At most `jobs` inputs are in work or waiting
// at once, so memory stays bounded by that many inputs' findings.
#pragma once

#include "audit/input_scan.hpp"

#include <functional>
#include <string>
#include <vector>

namespace waudit::audit {

struct ScannedInput {
  InputResult result;
  std::string error_lines;  // the input's "waudit: error: ..." lines, printed when published
};

// Scans `files` with up to `jobs` threads (1: on this thread) and calls `publish` once per
// file, in the order of `files`. With fewer files than jobs, the spare threads detect the
// messages of each file's chats (audit/message_batch.hpp).
void scan_in_parallel(const std::vector<input::InputFile>& files, const detect::Detector& detector,
                      const ScanRequest& request, unsigned jobs,
                      const std::function<void(ScannedInput&&)>& publish);

}  // namespace waudit::audit
