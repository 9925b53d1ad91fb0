#include "audit/parallel_scan.hpp"

#include <algorithm>
#include <deque>
#include <future>
#include <sstream>

namespace waudit::audit {
namespace {

// One input with its own diagnostics, which are kept until the input is published so that
// error lines appear in input order.
ScannedInput scan_one(const input::InputFile& file, const detect::Detector& detector,
                      const ScanRequest& request, unsigned detection_threads) {
  std::ostringstream errors;
  Diagnostics diagnostics(errors);
  ScannedInput scanned{
      scan_input(file, ScanSettings{detector, request, diagnostics, detection_threads}), ""};
  scanned.error_lines = errors.str();
  return scanned;
}

// Threads beyond one per input go to detecting the messages of large chats: one input with
// --jobs 4 parses on one thread and detects on three; four inputs get one thread each.
unsigned detection_threads(std::size_t files, unsigned jobs) {
  const std::size_t inputs_at_once = std::max<std::size_t>(1, std::min<std::size_t>(files, jobs));
  return static_cast<unsigned>(jobs / inputs_at_once) - 1;
}

}  // namespace

void scan_in_parallel(const std::vector<input::InputFile>& files, const detect::Detector& detector,
                      const ScanRequest& request, unsigned jobs,
                      const std::function<void(ScannedInput&&)>& publish) {
  const unsigned spare_threads = detection_threads(files.size(), std::max(jobs, 1U));
  if (jobs <= 1 || files.size() <= 1) {
    for (const input::InputFile& file : files) {
      publish(scan_one(file, detector, request, spare_threads));
    }
    return;
  }
  // A window of running scans: the oldest is published first, then the next one starts.
  std::deque<std::future<ScannedInput>> window;
  for (const input::InputFile& file : files) {
    if (window.size() >= jobs) {
      publish(window.front().get());
      window.pop_front();
    }
    window.push_back(std::async(std::launch::async, scan_one, std::cref(file), std::cref(detector),
                                std::cref(request), spare_threads));
  }
  while (!window.empty()) {
    publish(window.front().get());
    window.pop_front();
  }
}

}  // namespace waudit::audit
