// A ByteSource over bytes in memory that hands them out in uneven pieces (1, 7, 4096, ...
// bytes per read), so the fuzz targets run the readers' refill and boundary paths that a
// single large read would skip.
#pragma once

#include "input/byte_source.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>

namespace waudit::fuzz {

class MemorySource final : public input::ByteSource {
 public:
  explicit MemorySource(std::string_view bytes) : bytes_(bytes) {}

  [[nodiscard]] tl::expected<std::size_t, Problem> read(std::span<char> buffer) override {
    static constexpr std::array<std::size_t, 6> kPieces = {1, 7, 4096, 3, 65536, 255};
    const std::size_t count =
        std::min({buffer.size(), bytes_.size(), kPieces[reads_++ % kPieces.size()]});
    if (count > 0) {
      std::memcpy(buffer.data(), bytes_.data(), count);
    }
    bytes_.remove_prefix(count);
    return count;
  }

 private:
  std::string_view bytes_;
  std::size_t reads_ = 0;
};

}  // namespace waudit::fuzz
