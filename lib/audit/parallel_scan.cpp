#include "audit/parallel_scan.hpp"

#include <deque>
#include <future>
#include <sstream>

namespace waudit::audit {
namespace {

// One input with its own diagnostics, which are kept until the input is published so that
// error lines appear in input order.
ScannedInput scan_one(const input::InputFile& file, const detect::Detector& detector,
                      const ScanRequest& request) {
  std::ostringstream errors;
  Diagnostics diagnostics(errors);
  ScannedInput scanned{scan_input(file, ScanSettings{detector, request, diagnostics}), ""};
  scanned.error_lines = errors.str();
  return scanned;
}

}  // namespace

void scan_in_parallel(const std::vector<input::InputFile>& files, const detect::Detector& detector,
                      const ScanRequest& request, unsigned jobs,
                      const std::function<void(ScannedInput&&)>& publish) {
  if (jobs <= 1) {
    for (const input::InputFile& file : files) {
      publish(scan_one(file, detector, request));
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
                                std::cref(request)));
  }
  while (!window.empty()) {
    publish(window.front().get());
    window.pop_front();
  }
}

}  // namespace waudit::audit
