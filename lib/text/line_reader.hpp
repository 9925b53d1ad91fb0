// Splits a byte stream into lines in bounded memory: one buffer of a fixed size, refilled as
// lines are consumed. A line longer than the limit is cut there; the reader says so, and the
// rest of that line is skipped, so no hostile file can make it grow.
#pragma once

#include "diagnostics.hpp"
#include "input/byte_source.hpp"

#include <tl/expected.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace waudit::text {

struct Line {
  std::string_view text;     // without the line ending; valid until the next call of next()
  std::uint64_t number = 0;  // 1-based
  bool ended_with_crlf = false;
  bool truncated = false;  // the line was longer than the limit; text holds its beginning
};

class LineReader {
 public:
  static constexpr std::size_t kDefaultMaxLine = std::size_t{1} << 20;

  explicit LineReader(input::ByteSource& source, std::size_t max_line = kDefaultMaxLine);

  // The next line, or nullopt at the end of the stream. A Problem is a read error of the source.
  [[nodiscard]] tl::expected<std::optional<Line>, Problem> next();

 private:
  [[nodiscard]] tl::expected<bool, Problem> refill();
  [[nodiscard]] tl::expected<void, Problem> skip_rest_of_line();
  Line take_line(std::size_t length, std::size_t consumed);

  input::ByteSource& source_;
  std::size_t max_line_;
  std::string buffer_;
  std::size_t begin_ = 0;  // first unconsumed byte
  std::size_t end_ = 0;    // one past the last filled byte
  bool at_eof_ = false;
  bool skip_pending_ = false;  // the last line was cut; its rest is still in the stream
  std::uint64_t number_ = 0;
};

}  // namespace waudit::text
