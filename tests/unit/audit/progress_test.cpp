#include "audit/progress.hpp"

#include <doctest/doctest.h>

#include <sstream>

TEST_SUITE_BEGIN("audit");

using namespace std::chrono_literals;
using waudit::audit::progress_text;
using waudit::audit::ProgressCounts;
using waudit::audit::ProgressLine;
using waudit::audit::ShowProgress;

TEST_CASE("audit::progress_text gives inputs, bytes, rate and time left") {
  constexpr std::uint64_t kMiB = 1024 * 1024;
  CHECK(progress_text({0, 12, 0, 120 * kMiB}, 500ms) == "0/12 inputs, 0 B of 120.0 MiB");
  CHECK(progress_text({3, 12, 30 * kMiB, 120 * kMiB}, 2000ms) ==
        "3/12 inputs, 30.0 MiB of 120.0 MiB, 15.0 MiB/s, about 6 s left");
  CHECK(progress_text({1, 2, 512, 2048}, 1000ms) ==
        "1/2 inputs, 512 B of 2.0 KiB, 512 B/s, about 3 s left");
  CHECK(progress_text({1, 100, kMiB, 1000 * kMiB}, 1000ms) ==
        "1/100 inputs, 1.0 MiB of 1000.0 MiB, 1.0 MiB/s, about 16 min 39 s left");
}

TEST_CASE("audit::ProgressLine takes the line away for what is published, then redraws it") {
  std::ostringstream out;
  {
    // No delay, and no redraws of its own within the test.
    ProgressLine line(out, {0, 2, 0, 200}, ShowProgress::yes, {0ms, 1h});
    line.publish(100, [&] { out << "first\n"; });
    CHECK(out.str().starts_with("first\n\rwaudit: 1/2 inputs, 100 B of 200 B"));
    const std::size_t drawn = out.str().size() - std::string("first\n\r").size();
    line.publish(100, [&] { out << "second\n"; });
    // The line is blanked before "second", so the report line starts on a clean row.
    CHECK(out.str().find("\r" + std::string(drawn, ' ') + "\rsecond\n") != std::string::npos);
  }
  CHECK(out.str().ends_with("\r"));  // stopped: blanked, the cursor at the row's start
}

TEST_CASE("audit::ProgressLine without progress only writes") {
  std::ostringstream out;
  ProgressLine line(out, {0, 1, 0, 10}, ShowProgress::no, {0ms, 0ms});
  line.publish(10, [&] { out << "report\n"; });
  line.stop();
  CHECK(out.str() == "report\n");
}

TEST_SUITE_END();
