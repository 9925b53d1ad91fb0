// A finding as bytes and back, for findings waiting in a SpillFile. Only the process that
// wrote a record reads it, so the format is plain: no version, no byte-order concerns.
#pragma once

#include "report/finding.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace waudit::report {

// Appends fields to `out`; what a RecordReader reads back in the same order.
class RecordWriter {
 public:
  explicit RecordWriter(std::string& out) : out_(out) {}

  void number(std::uint64_t value);
  void text(std::string_view value);
  void optional_text(const std::optional<std::string>& value);
  void optional_number(const std::optional<std::uint64_t>& value);
  void finding(const Finding& finding);

 private:
  std::string& out_;
};

// Reads what a RecordWriter wrote. Reading past the end is a bug of the caller, not bad
// input: the bytes never left this process. It throws std::logic_error.
class RecordReader {
 public:
  explicit RecordReader(std::string_view in) : in_(in) {}

  std::uint64_t number();
  std::string text();
  std::optional<std::string> optional_text();
  std::optional<std::uint64_t> optional_number();
  Finding finding();

 private:
  std::string_view take(std::size_t size);

  std::string_view in_;
};

}  // namespace waudit::report
