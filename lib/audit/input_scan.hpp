// One input file, a plain chat text or a ZIP export, turned into its report entry and
// findings. Problems are reported and recorded; the caller goes on with the next input.
#pragma once

#include "audit/chat_scan.hpp"
#include "input/byte_source.hpp"
#include "input/input_file.hpp"
#include "report/finding_list.hpp"

#include <memory>
#include <string>
#include <vector>

namespace waudit::audit {

struct InputResult {
  report::InputReport report;
  report::FindingList findings;   // handed out sorted
  std::uint64_t allowlisted = 0;  // findings left out: their value is allowed
};

InputResult scan_input(const input::InputFile& file, const ScanSettings& settings);

// Reads one chat text in whatever encoding it has (input/text_decoding.hpp), scans it and adds
// its counts, errors and findings to `result`; returns the media file names it references
// (none when they are only counted).
std::vector<MediaReference> scan_chat_text(std::unique_ptr<input::ByteSource> raw,
                                           const Origin& origin, const std::string& chat,
                                           const ScanSettings& settings, InputResult& result,
                                           MediaNames names = MediaNames::listed);

}  // namespace waudit::audit
