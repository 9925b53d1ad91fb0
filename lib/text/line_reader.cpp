#include "text/line_reader.hpp"

#include <algorithm>
#include <cstring>

namespace waudit::text {
namespace {

// Bytes read from the source at a time, beyond room for one longest line.
constexpr std::size_t kChunk = std::size_t{64} << 10;

}  // namespace

LineReader::LineReader(input::ByteSource& source, std::size_t max_line)
    : source_(source), max_line_(std::max<std::size_t>(max_line, 1)) {
  buffer_.resize(max_line_ + kChunk);
}

tl::expected<std::optional<Line>, Problem> LineReader::next() {
  if (skip_pending_) {
    if (auto skipped = skip_rest_of_line(); !skipped) {
      return tl::unexpected(skipped.error());
    }
  }
  while (true) {
    const char* start = buffer_.data() + begin_;
    const auto* newline = static_cast<const char*>(std::memchr(start, '\n', end_ - begin_));
    if (newline != nullptr) {
      const auto length = static_cast<std::size_t>(newline - start);
      if (length <= max_line_) {
        return take_line(length, length + 1);
      }
    }
    if (end_ - begin_ > max_line_) {
      skip_pending_ = true;
      Line line = take_line(max_line_, max_line_);
      line.truncated = true;
      return line;
    }
    if (at_eof_) {
      if (begin_ == end_) {
        return std::nullopt;
      }
      return take_line(end_ - begin_, end_ - begin_);
    }
    if (auto filled = refill(); !filled) {
      return tl::unexpected(filled.error());
    }
  }
}

// Hands out `length` bytes from begin_ as a line and consumes `consumed` bytes.
Line LineReader::take_line(std::size_t length, std::size_t consumed) {
  Line line;
  line.text = std::string_view(buffer_.data() + begin_, length);
  if (length < consumed && line.text.ends_with('\r')) {
    line.text.remove_suffix(1);
    line.ended_with_crlf = true;
  }
  line.number = ++number_;
  begin_ += consumed;
  return line;
}

tl::expected<bool, Problem> LineReader::refill() {
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  auto read = source_.read(std::span<char>(buffer_.data() + end_, buffer_.size() - end_));
  if (!read) {
    return tl::unexpected(read.error());
  }
  end_ += *read;
  at_eof_ = *read == 0;
  return !at_eof_;
}

tl::expected<void, Problem> LineReader::skip_rest_of_line() {
  skip_pending_ = false;
  while (true) {
    const char* start = buffer_.data() + begin_;
    const auto* newline = static_cast<const char*>(std::memchr(start, '\n', end_ - begin_));
    if (newline != nullptr) {
      begin_ += static_cast<std::size_t>(newline - start) + 1;
      return {};
    }
    begin_ = end_;
    if (at_eof_) {
      return {};
    }
    if (auto filled = refill(); !filled) {
      return tl::unexpected(filled.error());
    }
  }
}

}  // namespace waudit::text
