// The progress line on standard error: inputs done of all, bytes done, rate and time left,
// redrawn in place with \r at most 4 times a second once the scan has run for a second. It
// uses no escape codes (a shorter line is padded with spaces). Everything else written while
// it is shown goes through publish(), which takes the line away first, so report and error
// lines never end up in the middle of it.
#pragma once

#include "audit/scan.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>

namespace waudit::audit {

struct ProgressCounts {
  std::uint64_t inputs_done = 0;
  std::uint64_t inputs = 0;
  std::uint64_t bytes_done = 0;
  std::uint64_t bytes = 0;
};

// The line's text: "3/12 inputs, 45.2 MiB of 120.0 MiB, 12.3 MiB/s, about 6 s left".
std::string progress_text(const ProgressCounts& counts, std::chrono::milliseconds elapsed);

class ProgressLine {
 public:
  struct Timing {
    std::chrono::milliseconds delay{1000};    // nothing is drawn before this
    std::chrono::milliseconds interval{250};  // between redraws
  };

  // With ShowProgress::no the line is never drawn and publish() only writes.
  ProgressLine(std::ostream& out, ProgressCounts totals, ShowProgress show, Timing timing);

  ProgressLine(std::ostream& out, ProgressCounts totals, ShowProgress show)
      : ProgressLine(out, totals, show, Timing{}) {}

  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;
  ProgressLine(ProgressLine&&) = delete;
  ProgressLine& operator=(ProgressLine&&) = delete;

  // Runs `write` with the line taken away, then counts one input of `bytes` as done.
  void publish(std::uint64_t bytes, const std::function<void()>& write);

  // Takes the line away for good; publish() only writes from then on.
  void stop();

 private:
  void tick();
  void draw();   // with mutex_ held
  void clear();  // with mutex_ held

  std::ostream& out_;
  const Timing timing_;
  const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::mutex mutex_;
  std::condition_variable wake_;
  ProgressCounts counts_;
  std::size_t drawn_ = 0;  // characters of the line on screen; 0: none
  bool stopped_ = false;
  std::thread ticker_;  // last: starts once the members above exist
};

}  // namespace waudit::audit
