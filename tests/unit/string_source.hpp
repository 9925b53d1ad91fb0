// A ByteSource over a string for tests: delivers at most `piece` bytes per read, as a slow
// stream would, and fails once `fail_after` bytes were delivered.
#pragma once

#include "input/byte_source.hpp"

#include <algorithm>
#include <string>

class StringSource final : public waudit::input::ByteSource {
 public:
  StringSource(std::string content, std::size_t piece, std::size_t fail_after = std::string::npos)
      : content_(std::move(content)), piece_(piece), fail_after_(fail_after) {}

  tl::expected<std::size_t, waudit::Problem> read(std::span<char> buffer) override {
    if (position_ >= fail_after_) {
      return tl::unexpected(waudit::Problem{"read error: boom", std::nullopt});
    }
    const std::size_t count = std::min({buffer.size(), piece_, content_.size() - position_});
    content_.copy(buffer.data(), count, position_);
    position_ += count;
    return count;
  }

 private:
  std::string content_;
  std::size_t piece_;
  std::size_t fail_after_;
  std::size_t position_ = 0;
};
