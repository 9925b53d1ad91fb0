#include "audit/progress.hpp"

#include "audit/terminal.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace waudit::audit {
namespace {

std::string size_text(double bytes) {
  constexpr std::array<const char*, 4> kUnits{"KiB", "MiB", "GiB", "TiB"};
  if (bytes < 1024) {
    return fmt::format("{:.0f} B", bytes);
  }
  std::size_t unit = 0;
  bytes /= 1024;
  while (bytes >= 1024 && unit + 1 < kUnits.size()) {
    bytes /= 1024;
    ++unit;
  }
  return fmt::format("{:.1f} {}", bytes, kUnits[unit]);
}

std::string duration_text(std::uint64_t seconds) {
  if (seconds < 60) {
    return fmt::format("{} s", seconds);
  }
  if (seconds < 3600) {
    return fmt::format("{} min {} s", seconds / 60, seconds % 60);
  }
  return fmt::format("{} h {} min", seconds / 3600, seconds % 3600 / 60);
}

}  // namespace

std::string progress_text(const ProgressCounts& counts, std::chrono::milliseconds elapsed) {
  std::string text = fmt::format("{}/{} inputs, {} of {}", counts.inputs_done, counts.inputs,
                                 size_text(static_cast<double>(counts.bytes_done)),
                                 size_text(static_cast<double>(counts.bytes)));
  const double seconds = std::chrono::duration<double>(elapsed).count();
  if (counts.bytes_done == 0 || seconds <= 0) {
    return text;
  }
  const double rate = static_cast<double>(counts.bytes_done) / seconds;
  const auto left = static_cast<std::uint64_t>(
      static_cast<double>(counts.bytes - std::min(counts.bytes, counts.bytes_done)) / rate);
  return text + fmt::format(", {}/s, about {} left", size_text(rate), duration_text(left));
}

ProgressLine::ProgressLine(std::ostream& out, ProgressCounts totals, ShowProgress show,
                           Timing timing)
    : out_(out), timing_(timing), counts_(totals), stopped_(show == ShowProgress::no) {
  if (!stopped_) {
    ticker_ = std::thread([this] { tick(); });
  }
}

ProgressLine::~ProgressLine() {
  stop();
}

void ProgressLine::publish(std::uint64_t bytes, const std::function<void()>& write) {
  const std::lock_guard lock(mutex_);
  clear();
  write();
  ++counts_.inputs_done;
  counts_.bytes_done += bytes;
  if (!stopped_ && std::chrono::steady_clock::now() - start_ >= timing_.delay) {
    draw();
  }
}

void ProgressLine::stop() {
  {
    const std::lock_guard lock(mutex_);
    clear();
    stopped_ = true;
  }
  wake_.notify_all();
  if (ticker_.joinable()) {
    ticker_.join();
  }
}

void ProgressLine::tick() {
  std::unique_lock lock(mutex_);
  while (!stopped_) {
    wake_.wait_for(lock, timing_.interval);
    if (!stopped_ && std::chrono::steady_clock::now() - start_ >= timing_.delay) {
      draw();
    }
  }
}

void ProgressLine::draw() {
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - start_);
  std::string text = "waudit: " + progress_text(counts_, elapsed);
  // A line as wide as the terminal would wrap, and \r would then redraw only its end.
  if (const auto columns = stderr_columns(); columns && text.size() >= *columns) {
    text.resize(*columns - 1);
  }
  const std::size_t width = text.size();
  text.append(drawn_ > width ? drawn_ - width : 0, ' ');
  out_ << '\r' << text << std::flush;
  drawn_ = width;
}

void ProgressLine::clear() {
  if (drawn_ > 0) {
    out_ << '\r' << std::string(drawn_, ' ') << '\r' << std::flush;
    drawn_ = 0;
  }
}

}  // namespace waudit::audit
