// A stream of bytes read in bounded pieces: a file on disk or a ZIP entry being inflated.
// Everything above input/ sees only this, so parsers never depend on where bytes come from.
#pragma once

#include "diagnostics.hpp"

#include <tl/expected.hpp>

#include <cstddef>
#include <span>

namespace waudit::input {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  ByteSource() = default;
  ByteSource(const ByteSource&) = delete;
  ByteSource& operator=(const ByteSource&) = delete;
  ByteSource(ByteSource&&) = delete;
  ByteSource& operator=(ByteSource&&) = delete;

  // Fills up to buffer.size() bytes; 0 means the end was reached.
  [[nodiscard]] virtual tl::expected<std::size_t, Problem> read(std::span<char> buffer) = 0;
};

}  // namespace waudit::input
