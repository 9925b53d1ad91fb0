// One input file, a plain chat text or a ZIP export, turned into its report entry and
// findings. Problems are reported and recorded; the caller goes on with the next input.
#pragma once

#include "audit/chat_scan.hpp"
#include "input/input_file.hpp"
#include "report/finding.hpp"

#include <vector>

namespace waudit::audit {

struct InputResult {
  report::InputReport report;
  std::vector<report::Finding> findings;  // sorted
};

InputResult scan_input(const input::InputFile& file, const ScanSettings& settings);

}  // namespace waudit::audit
